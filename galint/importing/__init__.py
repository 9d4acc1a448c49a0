"""Importing the reports countries send, Word, PDF or plain text, into galint's YAML format.

Owns: reading .docx (python-docx), .pdf (pdfminer.six) and text into lines (``sources``),
finding the form's headings by its wording (``headings``, ``recognize``, with the variants of
``wording.yaml``), placing the text under them (``structure``), cutting sections into items
(``items``), the country (``countries``, through pycountry), the YAML written (``writer``) and
the findings of an import (``findings``). python-docx, pdfminer.six and pycountry come with the
``import`` extra; ``missing()`` names those that are not installed.

May import: galint.core, galint.io, galint.form.
"""

from __future__ import annotations

import importlib.util

# The modules of the ``import`` extra, by the package that installs each.
EXTRA = {"docx": "python-docx", "pdfminer": "pdfminer.six", "pycountry": "pycountry"}


def missing() -> list[str]:
    """The packages of the ``import`` extra that are not installed."""
    return [
        package for module, package in EXTRA.items() if importlib.util.find_spec(module) is None
    ]
