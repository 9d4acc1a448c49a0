"""Importing the reports countries send, Word, PDF or plain text, into galint's YAML format.

Owns, in the order a file goes through them: reading it into lines (``sources``: plain text
in ``text_source``, .docx through python-docx in ``docx_source``, .pdf through pdfminer.six
in ``pdf_source``); leaving out page numbers, headers and footers (``furniture``); finding
the form's headings by its wording (``headings``, ``recognize``, with the variants of
``wording.yaml``); placing the text under them (``structure``); cutting sections into items
(``items``); the country (``countries``, through pycountry); the YAML written (``writer``),
the findings of an import (``findings``), and the files of a folder and where their reports
go (``bulk``). ``importer`` runs them on one file. python-docx, pdfminer.six and pycountry
come with the ``import`` extra; ``missing()`` names those that are not installed.

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
