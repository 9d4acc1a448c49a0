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

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from galint.output.summary.stats import CountryStats

# The choices of ``galint report --format``, in the order its help lists them.
FORMATS = ("text", "csv", "json", "html")


def render(name: str, countries: Iterable[CountryStats]) -> Iterator[str]:
    """The summary of ``countries`` in the format ``name``, in pieces.

    JSON and CSV take each country as it comes and let it go (CSV through a temporary file,
    for the totals row that comes first); the text table keeps a short row per country and
    the HTML page, which embeds every country, keeps them all.
    """
    from galint.output.summary import formats

    if name == "json":
        return formats.json_chunks(countries)
    if name == "csv":
        return formats.spooled(formats.csv_chunks(countries))
    if name == "html":
        from galint.output.summary import html

        return iter([html.render(formats.data(countries))])
    if name == "text":
        return iter([formats.render_text(countries)])
    raise ValueError(f"unknown format {name!r} (known: {', '.join(FORMATS)})")
