"""Reports written out as the documents countries send: Word files in the form's layouts and
plain text with the noise of real exports, made from galint YAML reports (whose items are then
the right answer of an import).

- ``write_docx(report, path, style)``: the 2013 layout (per policy target, a two-column table
  with the section's heading in the first column) or the 2014 layout (headings and lists);
- ``text(report, style)``: the same as plain text, as a PDF or a Word export gives it: bullets
  of every kind, lines wrapped at a width, tables flattened into tab-separated cells, page
  headers and page numbers;
- ``to_pdf(docx, folder)``: a PDF printed from the .docx by LibreOffice, when it is installed.

A ``Style`` says how; ``STYLES`` is a spread of them.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from galint.form.spec import form


@dataclass(frozen=True)
class Style:
    # "list" (Word's List Bullet style), a glyph ("•", "\uf0b7", "o", "-", "*"), "1." or "a)"
    # (numbered by hand), or "" (plain paragraphs).
    bullet: str = "list"
    # Wrap plain text at this many characters (0: a line per paragraph).
    wrap: int = 0
    # A page header and a page number every this many lines of plain text (0: none).
    page: int = 0
    # How headings are worded: "official", "short" ("A) Implementation", "Goal 2.1"),
    # or "upper" (the official wording in capitals).
    wording: str = "official"
    # Plain text: the 2013 tables as tab-separated cells, the label cell broken over rows.
    tabs: bool = False
    # Leave this policy target out.
    omit: int = 0
    # A blank line between every line of plain text (some PDF extractions).
    double: bool = False
    # Write the country's name in capitals.
    shout: bool = False


STYLES = {
    "plain": Style(),
    "glyphs": Style(bullet="\uf0b7", wrap=88, double=True, page=40),
    "dashes": Style(bullet="-", wording="short"),
    "numbers": Style(bullet="1.", wrap=72, page=50, wording="upper", shout=True),
    "letters": Style(bullet="a)", tabs=True),
    "circles": Style(bullet="o", tabs=True, page=30, omit=3),
    "stars": Style(bullet="*", wrap=100, wording="short"),
    "bullets": Style(bullet="•", wrap=80, page=45, omit=2),
    "paragraphs": Style(bullet="", shout=True),
    "wrapped-paragraphs": Style(bullet="", wrap=90, page=40, wording="short"),
}
# Plain text wrapped at a width with neither bullets nor empty lines between paragraphs: where
# a paragraph's last line is full, or a sentence ends a line inside one, the text cannot tell
# where the paragraph ends. Measured (bench/import_eval.py), not required of every report.
AMBIGUOUS = frozenset({"wrapped-paragraphs"})


def _items(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [item["text"] if isinstance(item, dict) else str(item) for item in value]


def headings(report: dict[str, Any], style: Style) -> Iterator[tuple[str, Any]]:
    """The report as a sequence of ("title"|"country"|"target"|"goal"|"section"|"label"|
    "items", ...) parts, in the form's order, worded as ``style`` says."""
    edition = form().edition(report["form"])
    assert edition is not None
    yield "title", _word("Global Alliance against Child Sexual Abuse Online", style)
    if edition.year == 2014:
        yield "title", "2014 Reporting Form"
    name = report["country"]["name"]
    yield "country", name.upper() if style.shout else name
    for target in form().targets:
        data = report.get(target.key)
        if data is None or target.number == style.omit:
            continue
        yield "target", (target.number, _target_heading(target.number, target.title, style))
        if edition.per == "target":
            goals = [_goal_heading(g.target, g.number, g.title, style) for g in target.goals]
            yield "goals", goals
            yield from _sections(edition, data, style)
            continue
        for goal in target.goals:
            if goal.key not in data:
                continue
            yield "goal", _goal_heading(goal.target, goal.number, goal.title, style)
            yield from _sections(edition, data[goal.key] or {}, style)


def _sections(edition: Any, data: dict[str, Any], style: Style) -> Iterator[tuple[str, Any]]:
    for section in edition.sections:
        if section.key not in data:
            continue
        if section.letter:
            if style.wording == "short":
                heading = f"{section.letter}) {section.title}"
            else:
                heading = f"{section.letter}) {_word(section.question, style)}"
            yield "section", (heading, None)
        else:
            title = _word(section.title, style)
            question = "Description of the actions " + (
                "already undertaken"
                if not section.plans
                else "that will be undertaken and timeframe"
            )
            yield "section", (title, question)
        yield "items", (_items(data[section.key]), isinstance(data[section.key], str))


def _target_heading(number: int, title: str, style: Style) -> tuple[str, str]:
    if style.wording == "short":
        return f"Policy target {number}", title
    return _word(f"Policy target No. {number}", style), _word(title, style)


def _goal_heading(target: int, number: int, title: str, style: Style) -> str:
    if style.wording == "short":
        return f"Operational goal {target}.{number}: {title}"
    return f"{_word('Operational Goal', style)}: {title}"


def _word(text: str, style: Style) -> str:
    return text.upper() if style.wording == "upper" else text


def _marker(style: Style, n: int) -> str:
    if style.bullet == "1.":
        return f"{n}."
    if style.bullet == "a)":
        return f"{'abcdefghijklmnopqrstuvwxyz'[(n - 1) % 26]})"
    return style.bullet if style.bullet != "list" else "\u2022"


# Plain text ---------------------------------------------------------------------------------


def text(report: dict[str, Any], style: Style) -> str:
    """The report as the plain text a PDF or Word export of it gives."""
    lines: list[str] = []
    question = ""
    for kind, value in headings(report, style):
        if kind == "section":
            question = value[1] or ""
        if kind == "items" and style.tabs:
            lines.extend(_in_cells(_text_items(*value, style)[:-1], question))
            lines.append("")
            continue
        lines.extend(_text_part(kind, value, style))
    if style.page:
        lines = _paginate(lines, style, report["country"]["name"])
    if style.double:
        lines = [line for pair in zip(lines, [""] * len(lines), strict=True) for line in pair]
    return "\n".join(lines) + "\n"


def _text_part(kind: str, value: Any, style: Style) -> list[str]:
    if kind in ("title", "country"):
        return [value, ""]
    if kind == "target":
        label, title = value[1]
        return ["", *_wrapped(f"{label}: {title}", style), ""]
    if kind == "goal":
        return [*_wrapped(value, style), ""]
    if kind == "goals":
        if style.tabs:
            return [goal.replace(": ", ":\t", 1) + "\t\t" for goal in value]
        return [line for goal in value for line in [*_wrapped(goal, style), ""]]
    if kind == "section":
        title, question = value
        if question is None:
            return [*_wrapped(title, style), ""]
        return [f"{title}\t\t\t"] if style.tabs else [title, "", question, ""]
    items, scalar = value
    return _text_items(items, scalar, style)


def _text_items(items: list[str], scalar: bool, style: Style) -> list[str]:
    if scalar:
        return [items[0], ""] if items else [""]
    lines: list[str] = []
    for n, item in enumerate(items, 1):
        marker = _marker(style, n) if style.bullet else ""
        lines.extend(_wrapped(f"{marker} {item}" if marker else item, style))
    return [*lines, ""]


def _in_cells(lines: list[str], question: str) -> list[str]:
    """Lines in the second cell of table rows whose first cell holds the section's question
    (if any) broken over two rows, as the 2013 tables come out of a PDF."""
    words = question.split()
    label = [" ".join(words[:4]), " ".join(words[4:])] if words else []
    cells = [f"{label[n] if n < len(label) else ''}\t{line}\t\t" for n, line in enumerate(lines)]
    return cells + [f"{rest}\t\t" for rest in label[len(lines) :]]


def _wrapped(line: str, style: Style) -> list[str]:
    if not style.wrap:
        return [line]
    return textwrap.wrap(line, style.wrap, break_long_words=False, break_on_hyphens=False)


def _paginate(lines: list[str], style: Style, country: str) -> list[str]:
    out: list[str] = [f"{country} - Global Alliance report", ""]
    page = 1
    for n, line in enumerate(lines, 1):
        out.append(line)
        if n % style.page == 0:
            out += ["", f"Page {page}", f"{country} - Global Alliance report", ""]
            page += 1
    return out


# Word ---------------------------------------------------------------------------------------


def write_docx(report: dict[str, Any], path: Path, style: Style) -> Path:
    """The report as a Word document: the 2013 edition in two-column tables, the 2014 one as
    headings and lists."""
    import docx

    document = docx.Document()
    table = None
    for kind, value in headings(report, style):
        table = _docx_part(document, table, kind, value, style)
    document.save(str(path))
    return path


def _docx_part(document: Any, table: Any, kind: str, value: Any, style: Style) -> Any:
    if kind in ("title", "country"):
        document.add_paragraph(value)
    elif kind == "target":
        label, title = value[1]
        document.add_paragraph(f"{label}: {title}")
    elif kind == "goal":
        document.add_paragraph(value)
    elif kind == "goals":
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for goal in value:
            label, title = goal.split(": ", 1)
            cells = table.add_row().cells
            cells[0].text, cells[1].text = f"{label}:", title
        return table
    elif kind == "section":
        title, question = value
        if question is None:
            document.add_paragraph(title)
            return None
        grid = table[0] if isinstance(table, tuple) else table
        merged = grid.add_row().cells
        merged[0].merge(merged[1]).text = title
        cells = grid.add_row().cells
        cells[0].text = question
        return (grid, cells[1])
    else:
        _docx_items(document, table, value, style)
    return table


def _docx_items(document: Any, table: Any, value: Any, style: Style) -> None:
    items, scalar = value
    cell = table[1] if isinstance(table, tuple) else None
    first = True
    for n, item in enumerate(items, 1):
        bulleted = style.bullet and not scalar
        paragraph_style = "List Bullet" if bulleted and style.bullet == "list" else None
        marker = _marker(style, n) if bulleted and style.bullet != "list" else ""
        content = f"{marker}\t{item}" if marker else item
        if cell is not None and first:
            paragraph = cell.paragraphs[0]
            paragraph.text = content
            if paragraph_style:
                paragraph.style = paragraph_style
        elif cell is not None:
            cell.add_paragraph(content, style=paragraph_style)
        else:
            document.add_paragraph(content, style=paragraph_style)
        first = False


def soffice() -> str | None:
    """LibreOffice's command, if it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx_path: Path, folder: Path) -> Path:
    """A PDF of the .docx, printed by LibreOffice (headless) into ``folder``."""
    command = soffice()
    assert command is not None, "LibreOffice is not installed"
    profile = folder / "lo-profile"
    subprocess.run(
        [
            command,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / (docx_path.stem + ".pdf")


def variants(style: Style, **changes: Any) -> Style:
    return replace(style, **changes)
