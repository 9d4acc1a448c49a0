"""The secretariat's summary of a bulk check (``galint report``), and its output formats.

Owns: ``stats`` (what is counted per country and policy target, from the checked files:
``summarise``), ``formats`` (the summary as JSON data, a terminal table and CSV, written one
country at a time) and ``html`` (one self-contained page, its style sheet and script
``report.css`` and ``report.js`` shipped beside it as package data).
May import: galint.core, galint.form, galint.analysis and the result types of galint.pipeline
(and galint.io's ``Candidate``, for type checking only); and galint.rules.empty_section,
whose placeholder test says which sections are filled, so that the summary agrees with the
rule.

This module stays light: the command line reads ``FORMATS`` at start-up.
"""

from __future__ import annotations

# The choices of ``galint report --format``, in the order its help lists them.
FORMATS = ("text", "csv", "json", "html")
