"""The HTML report in a real browser: Debian's headless Chromium, driven over the DevTools
protocol (tests/browser/cdp.py, standard library only; nothing downloads a browser).

The page must load without console errors or requests, show every country, sort its table on
a click, keep hostile strings inert and print cleanly. Screenshots and a PDF are written to
$GALINT_ARTIFACTS, or else to a temporary folder whose path is printed.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import synthetic
from browser.cdp import Chromium

from galint.io.discover import candidates
from galint.output.summary import formats, html
from galint.output.summary.stats import summarise
from galint.pipeline import bulk
from galint.pipeline.engine import Selection
from galint.rules import all_rules

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
# Every browser wait in this module ends by then, so a hung browser cannot hang the run.
BUDGET_SECONDS = 60
# The printable width of A4 with the page's 12 mm margins, in CSS pixels (96 per inch).
A4_PRINTABLE_PX = round((210 - 2 * 12) / 25.4 * 96)


def chromium_path() -> str:
    """Debian's chromium; skipped without it, except in CI, which must run these tests."""
    found = shutil.which("chromium")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (apt-get install chromium): CI must run it")
        pytest.skip("chromium is not installed (apt-get install chromium): browser tests skipped")
    return found


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("GALINT_ARTIFACTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("artifacts")
    path.mkdir(parents=True, exist_ok=True)
    print(f"\nbrowser test artifacts: {path}")
    return path


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, dict[str, Any]]]:
    """The pages under test, as file:// URLs with their data."""
    examples = ROOT / "examples"
    found = list(candidates([str(examples)], named_are_reports=True))
    run = bulk.run(found, Selection.of(all_rules()), [str(examples)], summarise, jobs=1)
    datasets = {
        "examples": formats.data(run),
        "many": synthetic.many(),
        "hostile": synthetic.hostile(),
    }
    folder = tmp_path_factory.mktemp("pages")
    made = {}
    for name, data in datasets.items():
        path = folder / f"{name}.html"
        path.write_text(html.render(data), encoding="utf-8")
        made[name] = (path.as_uri(), data)
    return made


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chromium]:
    executable = chromium_path()
    workdir = tmp_path_factory.mktemp("chromium")
    with Chromium(executable, workdir, time.monotonic() + BUDGET_SECONDS) as started:
        yield started


def keys(browser: Chromium, selector: str, attribute: str = "data-country") -> list[str]:
    return browser.evaluate(
        f"Array.from(document.querySelectorAll({selector!r}), e => e.getAttribute({attribute!r}))"
    )


def test_the_examples_load_cleanly(
    browser: Chromium, pages: dict[str, tuple[str, dict[str, Any]]], artifacts: Path
) -> None:
    url, data = pages["examples"]
    browser.open(url)
    assert browser.problems() == []
    assert browser.requests() == [url]
    expected = [c["key"] for c in data["countries"]]
    assert expected == ["XA", "ME"]
    assert keys(browser, "#overview tbody tr") == expected
    assert keys(browser, "#follow-up-chart g.bar") == expected
    assert keys(browser, "#countries tbody tr") == expected
    assert keys(browser, "section.country", "id") == [f"country-{k}" for k in expected]
    shown = browser.evaluate("document.body.innerText")
    for country in data["countries"]:
        assert country["name"] in shown
        for plan in country["plans"]:
            assert " ".join(plan["text"].split()) in shown
    # Nothing overflows the window sideways: the wide table fits without scrolling.
    assert browser.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert browser.evaluate(
        "Array.from(document.querySelectorAll('.scroll'))"
        ".every(e => e.scrollWidth <= e.clientWidth)"
    )
    browser.screenshot(artifacts / "report.png")
    assert (artifacts / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_policy_blocks_any_fetch(
    browser: Chromium, pages: dict[str, tuple[str, dict[str, Any]]]
) -> None:
    browser.open(pages["examples"][0])
    violated = browser.evaluate(
        """new Promise(done => {
          document.addEventListener("securitypolicyviolation", e => done(e.effectiveDirective));
          const image = document.createElement("img");
          image.src = "https://example.invalid/pixel.png";
          document.body.append(image);
          setTimeout(() => done("nothing blocked"), 3000);
        })"""
    )
    assert violated == "img-src"


def expected_order(data: dict[str, Any], key: str, ascending: bool) -> list[str]:
    """The rows' order after sorting by ``key``: what the page's script must give. Rows with
    no value go last either way; ties keep the original order."""

    def value(country: dict[str, Any]) -> Any:
        found = country.get(key) if key in ("code", "name") else country["totals"][key]
        return found.casefold() if isinstance(found, str) else found

    countries = list(enumerate(data["countries"]))
    present = [(n, c) for n, c in countries if value(c) is not None]
    ordered = sorted(
        present,
        key=lambda nc: (value(nc[1]), nc[0] if ascending else -nc[0]),
        reverse=not ascending,
    )
    ordered += [(n, c) for n, c in countries if value(c) is None]
    return [c["key"] for _, c in ordered]


def test_clicking_a_header_sorts_the_table(
    browser: Chromium, pages: dict[str, tuple[str, dict[str, Any]]], artifacts: Path
) -> None:
    url, data = pages["many"]
    assert len(data["countries"]) == 54
    rates = [c["totals"]["follow_up_rate"] for c in data["countries"]]
    assert None in rates and len(set(rates)) < len(rates) - 1, "want ties and empty values"
    browser.open(url)
    original = [c["key"] for c in data["countries"]]
    assert keys(browser, "#countries tbody tr") == original

    def click(key: str) -> None:
        browser.evaluate(f"document.querySelector('#countries th[data-key={key}] button').click()")

    def sorted_by() -> dict[str, str]:
        return browser.evaluate(
            "Object.fromEntries(Array.from(document.querySelectorAll('#countries th[aria-sort]'),"
            " th => [th.dataset.key, th.getAttribute('aria-sort')]))"
        )

    for key in ("name", "follow_up_rate", "filled", "plans_previous", "code"):
        click(key)
        assert keys(browser, "#countries tbody tr") == expected_order(data, key, True), key
        assert sorted_by() == {key: "ascending"}
        click(key)
        assert keys(browser, "#countries tbody tr") == expected_order(data, key, False), key
        assert sorted_by() == {key: "descending"}
    click("name")
    assert keys(browser, "#countries tbody tr") == expected_order(data, "name", True)
    # Only the table moves: the overview keeps the data's order.
    assert keys(browser, "#overview tbody tr") == original
    assert browser.problems() == []
    browser.screenshot(artifacts / "report-54-countries-sorted.png", "#countries")


def test_hostile_strings_stay_text(
    browser: Chromium, pages: dict[str, tuple[str, dict[str, Any]]]
) -> None:
    url, _ = pages["hostile"]
    browser.open(url)
    assert browser.problems() == []  # an alert() would be a dialog here
    assert browser.requests() == [url]
    assert browser.evaluate("document.scripts.length") == 1
    assert browser.evaluate("document.querySelectorAll('img, i, b').length") == 0
    shown = browser.evaluate("document.querySelector('section.country').textContent")
    for name in ("name", "code", "text", "path", "message"):
        assert synthetic.HOSTILE[name] in shown, name
    assert keys(browser, "section.country")[0] == synthetic.HOSTILE["key"]


def test_printing(
    browser: Chromium, pages: dict[str, tuple[str, dict[str, Any]]], artifacts: Path
) -> None:
    url, data = pages["examples"]
    browser.open(url, width=A4_PRINTABLE_PX, height=1000)
    browser.send("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = browser.evaluate(
            "Array.from(document.querySelectorAll('nav, .screen-only, .arrow'),"
            " e => getComputedStyle(e).display)"
        )
        assert hidden and set(hidden) == {"none"}
        assert browser.evaluate(
            "Array.from(document.querySelectorAll('table'))"
            ".every(t => t.getBoundingClientRect().right <= document.body.clientWidth + 1)"
        ), "a table is wider than the printed page"
        assert keys(browser, "section.country", "id") == [
            f"country-{c['key']}" for c in data["countries"]
        ]
        assert browser.evaluate(
            "Array.from(document.querySelectorAll('section.country'))"
            ".every(s => getComputedStyle(s).breakBefore === 'page')"
        )
        browser.screenshot(artifacts / "report-print.png")
        browser.pdf(artifacts / "report.pdf")
    finally:
        browser.send("Emulation.setEmulatedMedia", {"media": ""})
    pdf = (artifacts / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    # A title page, then a page break before each country at least.
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") > len(data["countries"])
