"""galint report --format html, without a browser: structure, content, escaping, no network."""

from __future__ import annotations

import copy
import importlib.resources
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from browser import synthetic
from cli_run import run

from galint.io.discover import candidates
from galint.output.summary import formats, html
from galint.output.summary.stats import summarise
from galint.pipeline import bulk
from galint.pipeline.engine import Selection
from galint.rules import all_rules

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Element:
    """A node of the parsed page: enough of a DOM to query it."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Element | str] = field(default_factory=list)

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def all(self, tag: str, **attrs: str) -> list[Element]:
        """Descendants with this tag (or any, for "*") and these attribute values."""
        return [
            e
            for e in self.iter()
            if tag in ("*", e.tag) and all(e.attrs.get(k) == v for k, v in attrs.items())
        ]

    def by_id(self, ident: str) -> Element:
        found = [e for e in self.iter() if e.attrs.get("id") == ident]
        assert len(found) == 1, f"{len(found)} elements with id {ident!r}"
        return found[0]

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class Tree(HTMLParser):
    """Builds Elements and records every tag closed out of order or left open."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, 0)
        self.stack = [self.root]
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.getpos()[0])
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}, 0))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.stack[-1].tag != tag:
            self.errors.append(f"line {self.getpos()[0]}: </{tag}> closes <{self.stack[-1].tag}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Element:
    """The page as Elements; fails on any tag closed out of order or left open."""
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert tree.errors == []
    assert [e.tag for e in tree.stack] == ["#document"], "tags left open"
    return tree.root


def body_rows(table: Element) -> list[Element]:
    tbody = table.all("tbody")[0]
    return [e for e in tbody.children if isinstance(e, Element)]


def rows(doc: Element, table: str) -> list[Element]:
    """The body rows of the table with this id."""
    return body_rows(doc.by_id(table))


@pytest.fixture(scope="module")
def examples() -> dict[str, Any]:
    """The examples' data, as `galint report` computes it."""
    found = list(candidates([str(EXAMPLES)], named_are_reports=True))
    run = bulk.run(found, Selection.of(all_rules()), [str(EXAMPLES)], summarise, jobs=1)
    return formats.data(run)


DATASETS = {
    "many": synthetic.many,
    "hostile": synthetic.hostile,
    "empty": lambda: formats.data([]),
}


@pytest.fixture(params=["examples", *DATASETS])
def data(request: pytest.FixtureRequest, examples: dict[str, Any]) -> dict[str, Any]:
    return examples if request.param == "examples" else DATASETS[request.param]()


def test_the_page_is_well_formed(data: dict[str, Any]) -> None:
    page = html.render(data)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    doc = parse(page)
    ids = [e.attrs["id"] for e in doc.iter() if "id" in e.attrs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for link in doc.all("a"):
        href = link.attrs["href"]
        assert href.startswith("#") and href[1:] in ids, f"dangling link {href!r}"
    assert len(doc.all("script")) == len(doc.all("style")) == 1
    assert len(doc.all("h1")) == 1


def test_nothing_is_fetched(data: dict[str, Any]) -> None:
    page = html.render(data)
    doc = parse(page)
    for element in doc.iter():
        assert element.tag not in ("link", "img", "iframe", "object", "embed", "base", "form")
        for name, value in element.attrs.items():
            assert name not in ("src", "srcset", "action", "formaction", "background", "style")
            assert not name.startswith("on"), f"event handler {name} on <{element.tag}>"
            if name == "href":
                assert value.startswith("#"), value
    code = "".join(e.text() for e in doc.iter() if e.tag in ("style", "script"))
    assert not re.search(r"https?:|//[a-z]|@import|@font-face|fetch|XMLHttp|src", code)
    assert re.findall(r"url\(([^)]*)\)", code) == ["#hatch", "#cross"]
    csp = doc.all("meta", **{"http-equiv": "Content-Security-Policy"})
    assert [m.attrs["content"] for m in csp] == [html.CSP]
    assert html.CSP.startswith("default-src 'none';")
    if all(c["key"] != synthetic.HOSTILE["key"] for c in data["countries"]):
        # The whole page, where no submission mentions an address or a tag.
        assert not re.search(r"https?://|\bsrc\s*=|<link|@import", page, re.IGNORECASE)


def test_every_country_is_in_every_part(data: dict[str, Any]) -> None:
    doc = parse(html.render(data))
    keys = [c["key"] for c in data["countries"]]
    if not keys:
        assert "No country reports were found." in doc.text()
        assert not any(e.attrs.get("id") in ("overview", "countries") for e in doc.iter())
        return
    assert [r.attrs["data-country"] for r in rows(doc, "overview")] == keys
    assert [r.attrs["data-country"] for r in rows(doc, "countries")] == keys
    assert [g.attrs["data-country"] for g in doc.by_id("follow-up-chart").all("g")] == keys
    sections = doc.all("section", **{"class": "country"})
    assert [s.attrs["data-country"] for s in sections] == keys
    for country, section in zip(data["countries"], sections, strict=True):
        assert re.fullmatch(r"country-[A-Za-z0-9_-]+", section.attrs["id"])
        heading = section.all("h2")[0].text()
        assert (country["name"] or country["key"]) in heading
        tables = {t.attrs["class"]: body_rows(t) for t in section.all("table")}
        assert len(tables.get("findings", [])) == len(country["findings"])
        assert len(tables.get("trace", [])) == len(country["plans"])


def test_examples_figures(examples: dict[str, Any]) -> None:
    doc = parse(html.render(examples))
    cards = doc.all("div", **{"class": "card"})
    assert cards[0].text() == f"Countries{examples['totals']['countries']}"
    rate = examples["totals"]["follow_up_rate"]
    assert f"{round(rate * 100)}%" in cards[2].text()
    for country, row in zip(examples["countries"], rows(doc, "countries"), strict=True):
        cells = {
            column[1]: cell.attrs["data-sort"]
            for column, cell in zip(html.COLUMNS, row.all("td"), strict=True)
        }
        assert cells["code"] == country["code"]
        assert cells["name"] == country["name"]
        for key in ("filled", "empty", "missing", "warnings", "without_timeframe"):
            assert cells[key] == str(country["totals"][key])
        assert float(cells["follow_up_rate"]) == country["totals"]["follow_up_rate"]
        section = doc.by_id(f"country-{country['key']}")
        statuses = [td.text() for td in section.all("td") if "plan" in td.attrs.get("class", "")]
        assert statuses == [p["status"] for p in country["plans"]]
    montenegro = rows(doc, "overview")[1]
    cell = montenegro.all("td")[0]
    target = examples["countries"][1]["targets"][0]
    assert f"sections {target['filled']}/{target['sections']} filled" in cell.text()
    assert f"plans {target['followed']}/{target['plans_previous']} followed" in cell.text()


def test_status_is_said_in_words_not_only_colour() -> None:
    doc = parse(html.render(synthetic.many()))
    seen = set()
    for row in rows(doc, "overview"):
        for cell in row.all("td"):
            key = cell.attrs["class"].removeprefix("status ")
            word, mark = html.STATUS[key]
            assert cell.all("span", **{"class": "word"})[0].text() == f"{mark} {word}"
            seen.add(key)
    assert seen == set(html.STATUS)
    legend = doc.all("ul", **{"class": "legend"})[0].text()
    assert all(word in legend for word, _ in html.STATUS.values())


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        ({"sections": 8, "filled": 8, "plans_previous": 3, "followed": 3}, "ok"),
        ({"sections": 8, "filled": 8}, "ok"),
        ({"sections": 8, "filled": 7, "plans_previous": 3, "followed": 3}, "gaps"),
        ({"sections": 8, "filled": 8, "plans_previous": 3, "followed": 2, "carried": 1}, "gaps"),
        ({"sections": 8, "filled": 8, "warnings": 1}, "gaps"),
        ({"sections": 8, "filled": 8, "actions": 2, "with_timeframe": 1}, "gaps"),
        (
            {"sections": 8, "filled": 8, "plans_previous": 3, "followed": 2, "missing": 1},
            "problems",
        ),
        ({"sections": 8, "filled": 8, "errors": 1}, "problems"),
        ({"sections": 8, "filled": 3}, "problems"),
        ({"sections": 8, "filled": 4}, "gaps"),
        ({}, "none"),
    ],
)
def test_status(figures: dict[str, int], expected: str) -> None:
    severities = {"error": figures.get("errors", 0), "warning": figures.get("warnings", 0)}
    assert html.status(synthetic.figures(figures, severities)) == expected


def test_countries_without_previous_plans() -> None:
    data = synthetic.many()
    doc = parse(html.render(data))
    none = [c["key"] for c in data["countries"] if c["totals"]["plans_previous"] == 0]
    assert none, "the synthetic data should have countries with no previous report"
    for row in rows(doc, "countries"):
        rate = row.all("td")[[c[1] for c in html.COLUMNS].index("follow_up_rate")]
        assert (rate.attrs["data-sort"] == "") is (row.attrs["data-country"] in none)
    for bar in doc.by_id("follow-up-chart").all("g"):
        said = "no previous report" in bar.text()
        assert said is (bar.attrs["data-country"] in none)


def test_hostile_strings_render_as_text() -> None:
    data = synthetic.hostile()
    page = html.render(data)
    assert page.count("<script") == 1 and "<script>alert" not in page
    for value in synthetic.HOSTILE.values():
        assert value not in page
    assert "onmouseover=" not in page.replace("onmouseover=&quot;", "")
    doc = parse(page)
    allowed = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p"}
    allowed |= {"nav", "a", "main", "section", "dl", "div", "dt", "dd", "table", "thead", "tbody"}
    allowed |= {"tr", "th", "td", "span", "br", "ul", "ol", "li", "strong", "code", "button", "wbr"}
    allowed |= {"svg", "defs", "pattern", "rect", "circle", "g", "text", "script", "#document"}
    assert {e.tag for e in doc.iter()} <= allowed
    section = doc.all("section", **{"class": "country"})[0]
    assert section.attrs["data-country"] == synthetic.HOSTILE["key"]
    text = section.text()
    for name in ("name", "code", "text", "path", "message"):
        assert synthetic.HOSTILE[name] in text, name
    assert rows(doc, "overview")[0].attrs["data-country"] == synthetic.HOSTILE["key"]


def test_anchors_are_safe_and_unique() -> None:
    countries = [{"key": k} for k in ("ME", "ME", "../x y", "", "<>", "ME-2")]
    assert html.anchors(countries) == [
        "country-ME",
        "country-ME-2",
        "country-x-y",
        "country-x",
        "country-x-2",
        "country-ME-2-2",
    ]


def test_the_same_data_gives_the_same_bytes(examples: dict[str, Any]) -> None:
    for data in (examples, synthetic.many()):
        page = html.render(data)
        assert html.render(copy.deepcopy(data)) == page
        assert html.render(json.loads(json.dumps(data))) == page


def test_the_command_line_prints_the_page(
    capsys: pytest.CaptureFixture[str], examples: dict[str, Any], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "report", "--format", "html", str(EXAMPLES))
    assert code == 0
    assert out == html.render(examples)
    code, out, _ = run(capsys, "report", "--format", "html", str(tmp_path))
    assert code == 0
    assert "No country reports were found." in parse(out).text()


def test_the_print_stylesheet_hides_the_chrome_and_breaks_pages() -> None:
    style = html.STYLE
    printed = style[style.index("@media print{") :]
    assert ".screen-only,nav,.arrow{display:none!important}" in printed
    assert ".country{break-before:page}" in printed
    assert ".scroll{overflow:visible}" in printed


def test_the_style_sheet_and_the_script_are_package_files_inlined() -> None:
    package = importlib.resources.files("galint.output.summary")
    assert package.joinpath("report.css").read_text(encoding="utf-8") == html.STYLE
    assert package.joinpath("report.js").read_text(encoding="utf-8") == html.SCRIPT
    page = html.render(formats.data([]))
    assert f"<style>\n{html.STYLE}</style>" in page
    assert f"<script>\n{html.SCRIPT}</script>" in page
