"""A file that cannot be imported says why, for its author, and never raises."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from galint.importing.importer import import_bytes, import_path

FILES = Path(__file__).resolve().parent / "files"


def problem(raw: bytes, kind: str) -> str | None:
    return import_bytes(raw, f"report.{kind}", kind).problem


def test_an_encrypted_pdf() -> None:
    # Printed by LibreOffice with the password "secret".
    result = import_path(str(FILES / "locked.pdf"))
    assert result.problem == (
        "the PDF is protected by a password (encrypted); save a copy without the password "
        "and import that"
    )
    assert not result.other_form


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer garbage", "the PDF is damaged"),
        (b"hello, this is not a PDF", "the file is not a PDF (it does not start with %PDF)"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 40, "the PDF is damaged"),
    ],
)
def test_a_corrupt_pdf(raw: bytes, reason: str) -> None:
    assert (problem(raw, "pdf") or "").startswith(reason)


def test_a_docx_that_is_not_a_zip() -> None:
    assert problem(b"Dear secretariat, please find our report.", "docx") == (
        "the file is not a Word .docx document (a .docx is a zip archive)"
    )


def test_an_old_word_document_named_docx() -> None:
    assert problem(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "docx") == (
        "the file is an older Word document (.doc) named .docx; save it as .docx and import "
        "it again"
    )


def test_a_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("report.txt", "Policy target No. 1")
    assert problem(buffer.getvalue(), "docx") == (
        "the zip archive is not a Word document (it has no word/document.xml)"
    )


def test_a_truncated_docx() -> None:
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    assert (problem(buffer.getvalue()[:2000], "docx") or "").startswith("the .docx file is damaged")


@pytest.mark.parametrize("kind", ["text", "docx", "pdf"])
def test_an_empty_file(kind: str) -> None:
    assert problem(b"", kind) == "the file is empty"
    assert problem(b"  \n\n ", kind) == "the file is empty"


def test_a_file_of_another_form() -> None:
    letter = (
        b"Ministry of Justice\n\nDear colleagues,\n\nplease find attached the minutes of the "
        b"meeting of 3 March.\n\nKind regards\n"
    )
    result = import_bytes(letter, "letter.txt", "text")
    assert result.other_form
    assert result.problem == (
        "no heading of the Global Alliance form was found (policy targets, operational "
        "goals, sections); is this a report on the form?"
    )


def test_a_file_larger_than_check_reads() -> None:
    result = import_bytes(b"x" * 101, "big.txt", "text", max_bytes=100)
    assert result.problem == (
        "the file is larger than 100 bytes; a report is far smaller, so galint does not read it"
    )


def test_a_binary_file_named_txt() -> None:
    assert problem(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "text") == (
        "the file is not text (it holds NUL bytes); is it a renamed document?"
    )


def test_a_pdf_that_takes_too_long_is_stopped() -> None:
    # Montenegro's 2014 report in the list layout, printed by LibreOffice. With a time limit
    # already over, reading stops after the first page.
    raw = (FILES / "montenegro-2014.pdf").read_bytes()
    assert import_bytes(raw, "a.pdf", "pdf").ok
    assert import_bytes(raw, "a.pdf", "pdf", time_limit=-1).problem == (
        "reading the PDF took too long and was stopped at page 1; a report's text is read "
        "in seconds"
    )


def test_a_missing_file_and_an_unsupported_one(tmp_path: Path) -> None:
    assert (
        import_path(str(tmp_path / "gone.docx")).problem
        == "cannot be read (No such file or directory)"
    )
    (tmp_path / "report.odt").write_bytes(b"PK")
    assert import_path(str(tmp_path / "report.odt")).problem == (
        "galint imports .docx, .pdf and .txt files only"
    )
