"""The bulk summary as one self-contained HTML page, for the secretariat to send by email.

The page fetches nothing: styles, script and the chart (SVG) are inline, and its
Content-Security-Policy forbids anything else. The style sheet and the script are kept in
``report.css`` and ``report.js`` beside this module (package data) and copied into the page.
Every value comes from submissions, which come from outside, so each one goes through ``_e``
(``html.escape``); the script embeds no data and sorts by the cells' ``data-sort``
attributes. The same data gives the same bytes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from html import escape
from importlib.resources import files
from typing import Any

Data = Mapping[str, Any]

# The page's style sheet (for the screen and for print), and its script, which sorts a
# table.sortable by the clicked header: numbers as numbers, text by an English collator,
# cells without a value last in either order, ties in the page's original order. Files
# beside this module, inlined in every page.
STYLE = files("galint.output.summary").joinpath("report.css").read_text(encoding="utf-8")
SCRIPT = files("galint.output.summary").joinpath("report.js").read_text(encoding="utf-8")

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

# The sortable table: column group, data key, header, and whether it sorts as a number.
COLUMNS: tuple[tuple[str, str, str, bool], ...] = (
    ("Country", "code", "Code", False),
    ("Country", "name", "Name", False),
    ("Country", "editions", "Editions", False),
    ("Sections", "filled", "Filled", True),
    ("Sections", "empty", "Empty", True),
    ("Previous plans", "plans_previous", "Total", True),
    ("Previous plans", "followed", "Followed", True),
    ("Previous plans", "carried", "Carried", True),
    ("Previous plans", "missing", "Missing", True),
    ("Previous plans", "follow_up_rate", "Follow-up rate", True),
    ("Actions", "without_timeframe", "Without timeframe", True),
    ("Findings", "errors", "Errors", True),
    ("Findings", "warnings", "Warnings", True),
)

# Overview status: CSS class -> the word and mark that say it without colour.
STATUS = {
    "ok": ("Complete", "\u2713"),
    "gaps": ("Gaps", "!"),
    "problems": ("Problems", "\u2715"),
    "none": ("No report", "\u2013"),
}
LEGEND = (
    ("ok", "every section filled, every previous plan followed, no findings"),
    ("gaps", "some sections empty, plans only carried over, timeframes or warnings"),
    ("problems", "errors, previous plans missing, or most sections empty"),
    ("none", "no report for this target"),
)


def render(data: Data) -> str:
    """The whole page for ``formats.data(countries)``."""
    countries: Sequence[Data] = data.get("countries", [])
    ids = anchors(countries)
    title = "Global Alliance against Child Sexual Abuse Online: country reports"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light">',
        f"<title>{_e(title)}</title>",
        f"<style>\n{STYLE}</style>",
        "</head>",
        "<body>",
        '<header id="top">',
        f"<h1>{_e(title)}</h1>",
        f'<p class="subtitle">Bulk check by galint {_e(data.get("version", ""))}</p>',
        "</header>",
    ]
    if countries:
        parts.append(
            '<nav class="screen-only" aria-label="Contents"><a href="#overview-title">'
            'Overview</a><a href="#chart-title">Follow-up</a><a href="#table-title">'
            'All figures</a><a href="#details-title">Countries in detail</a></nav>'
        )
    parts.append("<main>")
    parts.append(totals(data.get("totals", {})))
    if not countries:
        parts.append('<p class="nothing">No country reports were found.</p>')
    else:
        parts += [
            overview(countries, ids, data.get("targets", [])),
            chart(countries, ids),
            table(countries, ids),
            '<h2 id="details-title" class="details-title">Countries in detail</h2>',
            *(country(c, i) for c, i in zip(countries, ids, strict=True)),
        ]
    parts += ["</main>", f"<script>\n{SCRIPT}</script>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _e(value: object) -> str:
    """Text for HTML content or a quoted attribute; None is empty."""
    return "" if value is None else escape(str(value), quote=True)


def _path(path: object) -> str:
    """An escaped file path that may wrap after each slash, for narrow columns and paper."""
    return _e(path).replace("/", "/<wbr>")


def anchors(countries: Sequence[Data]) -> list[str]:
    """One fragment id per country: ``country-XA``, safe in a URL and unique even when two
    countries share a key or a key is hostile."""
    seen: set[str] = set()
    ids = []
    for c in countries:
        base = "country-" + (re.sub(r"[^A-Za-z0-9_-]+", "-", str(c.get("key"))).strip("-") or "x")
        anchor, n = base, 1
        while anchor in seen:
            n += 1
            anchor = f"{base}-{n}"
        seen.add(anchor)
        ids.append(anchor)
    return ids


def label(c: Data) -> str:
    """A country's name, or its key when the reports give none."""
    return str(c.get("name") or c.get("key") or "?")


def percent(rate: float | None) -> str:
    """A rate as a whole percentage; a dash when there is nothing to divide."""
    return "\u2013" if rate is None else f"{round(rate * 100)}%"


def status(t: Data) -> str:
    """The overview status of a country under one policy target (a key of STATUS)."""
    if not t["sections"] and not t["plans_previous"]:
        return "none"
    if t["errors"] or t["missing"] or 2 * t["empty"] > t["sections"]:
        return "problems"
    if t["empty"] or t["carried"] or t["warnings"] or t["without_timeframe"]:
        return "gaps"
    return "ok"


def totals(t: Data) -> str:
    """The run's figures, as a row of cards."""
    findings = (
        f"{t.get('errors', 0)} error{_s(t.get('errors', 0))} \u00b7 "
        f"{t.get('warnings', 0)} warning{_s(t.get('warnings', 0))} \u00b7 "
        f"{t.get('info', 0)} info"
    )
    cards = [
        ("Countries", str(t.get("countries", 0)), ""),
        ("Files", str(t.get("files", 0)), ""),
        (
            "Follow-up rate",
            percent(t.get("follow_up_rate")),
            f"{t.get('followed', 0)} of {t.get('plans_previous', 0)} previous plans followed",
        ),
        (
            "Sections filled",
            f"{t.get('filled', 0)}/{t.get('sections', 0)}",
            f"{t.get('empty', 0)} empty",
        ),
        (
            "Actions without timeframe",
            f"{t.get('without_timeframe', 0)}/{t.get('actions', 0)}",
            "",
        ),
        ("Findings", str(t.get("errors", 0) + t.get("warnings", 0) + t.get("info", 0)), findings),
    ]
    items = "".join(
        f'<div class="card"><dt>{_e(name)}</dt><dd class="figure">{_e(value)}</dd>'
        + (f'<dd class="note">{_e(note)}</dd>' if note else "")
        + "</div>"
        for name, value, note in cards
    )
    return f'<section aria-label="Totals"><dl class="totals">{items}</dl></section>'


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def overview(countries: Sequence[Data], ids: Sequence[str], targets: Sequence[Data]) -> str:
    """Countries against the policy targets, each cell with its status in words and figures."""
    head = "".join(f'<th scope="col">Policy target {_e(t["number"])}</th>' for t in targets)
    rows = []
    for c, anchor in zip(countries, ids, strict=True):
        cells = "".join(_overview_cell(t) for t in c.get("targets", []))
        rows.append(
            f'<tr data-country="{_e(c.get("key"))}"><th scope="row">'
            f'<span class="code">{_e(c.get("code") or "??")}</span> '
            f'<a href="#{anchor}">{_e(label(c))}</a></th>{cells}</tr>'
        )
    legend = "".join(
        f'<li><span class="swatch {key}">{STATUS[key][1]}</span> '
        f"<strong>{STATUS[key][0]}</strong>: {meaning}</li>"
        for key, meaning in LEGEND
    )
    titles = "".join(f"<li>{_e(t['title'])}</li>" for t in targets)
    return (
        '<section class="block" aria-labelledby="overview-title">'
        '<h2 id="overview-title">Overview by policy target</h2>'
        f'<div class="scroll"><table id="overview" class="overview"><thead><tr>'
        f'<th scope="col">Country</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
        f'</table></div><ul class="legend">{legend}</ul>'
        f'<ol class="targets">{titles}</ol></section>'
    )


def _overview_cell(t: Data) -> str:
    """One country and target: the status in words, then the figures behind it."""
    key = status(t)
    word, mark = STATUS[key]
    lines = []
    if key != "none":
        lines.append(f"sections {t['filled']}/{t['sections']} filled")
        if t["plans_previous"]:
            lines.append(f"plans {t['followed']}/{t['plans_previous']} followed")
            gaps = [f"{t[k]} {k}" for k in ("missing", "carried") if t[k]]
            if gaps:
                lines.append(", ".join(gaps))
        issues = [f"{t[k]} {k[:-1] if t[k] == 1 else k}" for k in ("errors", "warnings") if t[k]]
        if issues:
            lines.append(", ".join(issues))
    text = "".join(f"<br>{_e(line)}" for line in lines)
    return (
        f'<td class="status {key}"><span class="word"><span aria-hidden="true">{mark}</span> '
        f"{word}</span>{text}</td>"
    )


# The chart's geometry, in SVG user units (1 unit = 1 CSS pixel at full width).
_LABEL_W, _BAR_W, _ROW_H, _WIDTH = 190, 340, 26, 800


def chart(countries: Sequence[Data], ids: Sequence[str]) -> str:
    """Stacked horizontal bars: each country's previous plans, followed, carried or missing."""
    rows = []
    for n, (c, anchor) in enumerate(zip(countries, ids, strict=True)):
        t = c["totals"]
        y = n * _ROW_H
        name = _short(f"{c.get('code') or '??'} {label(c)}", 24)
        parts = [
            f'<g class="bar" data-country="{_e(c.get("key"))}" transform="translate(0 {y})">',
            f'<a href="#{anchor}"><text x="{_LABEL_W - 8}" y="17" text-anchor="end">'
            f"{_e(name)}</text></a>",
        ]
        total = t["plans_previous"]
        if total:
            x = float(_LABEL_W)
            for key in ("followed", "carried", "missing"):
                width = _BAR_W * t[key] / total
                if width:
                    parts.append(
                        f'<rect class="{key}" x="{x:.1f}" y="4" width="{width:.1f}" height="18">'
                        f"<title>{_e(t[key])} {key}</title></rect>"
                    )
                x += width
            words = ", ".join(f"{t[k]} {k}" for k in ("followed", "carried", "missing") if t[k])
            summary = f"{percent(t['follow_up_rate'])} ({words})"
        else:
            parts.append(
                f'<rect class="empty" x="{_LABEL_W}" y="4" width="{_BAR_W}" height="18"></rect>'
            )
            summary = "no previous report"
        parts.append(f'<text class="value" x="{_LABEL_W + _BAR_W + 8}" y="17">{_e(summary)}</text>')
        parts.append("</g>")
        rows.append("".join(parts))
    height = len(countries) * _ROW_H + 4
    return (
        '<section class="block" aria-labelledby="chart-title">'
        '<h2 id="chart-title">Follow-up of previous plans</h2>'
        '<p class="hint">Each previous plan is <strong>followed</strong> (reported on in '
        "A) implementation or B) assessment), <strong>carried</strong> (only restated as a "
        "follow-up action) or <strong>missing</strong> (not found in the next report).</p>"
        f'<svg id="follow-up-chart" class="chart" viewBox="0 0 {_WIDTH} {height}" '
        f'width="{_WIDTH}" height="{height}" role="img" aria-labelledby="chart-title">'
        f"{PATTERNS}{''.join(rows)}</svg>"
        '<ul class="legend">'
        + "".join(
            f'<li><svg class="key" viewBox="0 0 24 14" width="24" height="14" aria-hidden="true">'
            f'<rect class="{k}" width="24" height="14"></rect></svg> {k}</li>'
            for k in ("followed", "carried", "missing")
        )
        + "</ul></section>"
    )


def _short(text: str, width: int) -> str:
    """At most ``width`` characters, for the chart's fixed label column."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


_NUM = ' class="num"'


def table(countries: Sequence[Data], ids: Sequence[str]) -> str:
    """Every country's totals, one row each; the script sorts it by a clicked header."""
    groups = "".join(
        f'<th scope="colgroup" colspan="{len(list(members))}">{name}</th>'
        for name, members in itertools.groupby(COLUMNS, key=lambda column: column[0])
    )
    head = "".join(
        f'<th scope="col" data-key="{key}" data-type="{"num" if numeric else "text"}"'
        f'{_NUM if numeric else ""}><button type="button">{title}'
        '<span class="arrow" aria-hidden="true"></span></button></th>'
        for _, key, title, numeric in COLUMNS
    )
    rows = []
    for n, (c, anchor) in enumerate(zip(countries, ids, strict=True)):
        t = c["totals"]
        editions = ", ".join(str(e).rsplit("/", 1)[-1] for e in c.get("editions", []))
        # Each cell: the value it sorts by, and its content (already escaped).
        cells: dict[str, tuple[object, str]] = {key: (t.get(key), _e(t.get(key))) for key in t}
        rate = t["follow_up_rate"]
        cells.update(
            code=(c.get("code") or "", _e(c.get("code") or "??")),
            name=(label(c), f'<a href="#{anchor}">{_e(label(c))}</a>'),
            editions=(editions, _e(editions or "\u2013")),
            follow_up_rate=("" if rate is None else rate, _e(percent(rate))),
            without_timeframe=(
                t["without_timeframe"],
                _e(f"{t['without_timeframe']} of {t['actions']}"),
            ),
        )
        row = "".join(
            f'<td data-sort="{_e(cells[key][0])}"{_NUM if numeric else ""}>{cells[key][1]}</td>'
            for _, key, _, numeric in COLUMNS
        )
        rows.append(f'<tr data-country="{_e(c.get("key"))}" data-index="{n}">{row}</tr>')
    return (
        '<section class="block" aria-labelledby="table-title">'
        '<h2 id="table-title">All figures</h2>'
        '<p class="hint screen-only">Select a column header to sort by it; select it again '
        "to reverse the order.</p>"
        '<div class="scroll"><table id="countries" class="sortable figures">'
        f"<thead><tr>{groups}</tr><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def country(c: Data, anchor: str) -> str:
    """One country: its files, findings and traceability matrix."""
    editions = ", ".join(str(e).rsplit("/", 1)[-1] for e in c.get("editions", [])) or "none"
    files = "".join(f"<li><code>{_e(f)}</code></li>" for f in c.get("files", []))
    rules = " \u00b7 ".join(f"{_e(r)} {_e(n)}" for r, n in c.get("rules", {}).items())
    return (
        f'<section class="country" id="{anchor}" data-country="{_e(c.get("key"))}" '
        f'aria-labelledby="{anchor}-title">'
        f'<h2 id="{anchor}-title">{_e(label(c))} <span class="code">'
        f"{_e(c.get('code') or '??')}</span></h2>"
        f'<p class="meta">Editions: {_e(editions)} \u00b7 follow-up rate '
        f"{_e(percent(c['totals']['follow_up_rate']))} "
        '<a class="screen-only" href="#top">Back to top</a></p>'
        f'<ul class="files">{files}</ul>'
        f"{findings(c.get('findings', []), rules)}{plans(c.get('plans', []))}</section>"
    )


def findings(found: Sequence[Data], rules: str) -> str:
    """A country's findings, one row each, after its count per rule."""
    if not found:
        return "<h3>Findings</h3><p>No findings.</p>"
    rows = "".join(
        f"<tr><td><code>{_path(f['path'])}:{_e(f['line'])}:{_e(f['column'])}</code></td>"
        f"<td><code>{_e(f['code'])}</code></td><td>{_e(f['rule'])}</td>"
        f'<td class="sev {_e(f["severity"])}">{_e(f["severity"])}</td>'
        f"<td>{_e(f['message'])}</td></tr>"
        for f in found
    )
    return (
        f"<h3>Findings ({len(found)})</h3>"
        + (f'<p class="meta">By rule: {rules}</p>' if rules else "")
        + '<div class="scroll"><table class="findings"><thead><tr><th scope="col">Where</th>'
        '<th scope="col">Code</th><th scope="col">Rule</th><th scope="col">Severity</th>'
        f'<th scope="col">Message</th></tr></thead><tbody>{rows}</tbody></table></div>'
    )


def plans(rows: Sequence[Data]) -> str:
    """The traceability matrix: each previous plan and where the next report takes it up."""
    if not rows:
        return "<h3>Previous plans</h3><p>No previous report to follow up.</p>"
    body = "".join(
        f'<tr><td><strong>{_e(p["id"])}</strong><br><code class="small">{_path(p["path"])}:'
        f'{_e(p["line"])}</code></td><td class="plan {_e(p["status"])}">{_e(p["status"])}</td>'
        f"<td>{_e(p['text'])}</td><td>{_matches(p.get('followed_in', []))}</td></tr>"
        for p in rows
    )
    return (
        f"<h3>Previous plans ({len(rows)})</h3>"
        '<div class="scroll"><table class="trace"><thead><tr><th scope="col">Plan</th>'
        '<th scope="col">Status</th><th scope="col">Text</th>'
        '<th scope="col">Followed up in</th></tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _matches(found: Sequence[Data]) -> str:
    """Where the next report speaks of a plan: file and line, section, goal, how sure."""
    if not found:
        return '<span class="muted">not found in the next report</span>'
    items = []
    for m in found:
        place = (
            f"target {m['target']}" if m.get("goal") is None else f"goal {m['target']}.{m['goal']}"
        )
        how = "linked by id" if m.get("via") == "link" else f"score {float(m['score']):.2f}"
        items.append(
            f"<li><code>{_path(m['path'])}:{_e(m['line'])}</code> section {_e(m['section'])}, "
            f"{_e(place)} \u00b7 {_e(how)}</li>"
        )
    return f'<ul class="where">{"".join(items)}</ul>'


# Hatching tells carried and missing apart from followed without colour (greyscale print).
PATTERNS = (
    '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#d39a2c"></rect>'
    '<rect width="2.5" height="6" fill="#f6e3bd"></rect></pattern>'
    '<pattern id="cross" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#b3362b"></rect>'
    '<circle cx="3" cy="3" r="1.3" fill="#f3c9c4"></circle></pattern></defs>'
)
