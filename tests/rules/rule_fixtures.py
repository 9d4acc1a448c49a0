"""The rules' fixtures: finding them, running galint on them, and their expected findings.

Shared by test_rules.py, which compares, and regenerate.py, which rewrites the expectations.

A rule's folder ``fixtures/<slug>/`` holds ``good/`` cases (no finding) and ``bad/`` cases
(exactly the findings of their expectation). A case is one of:

* a report, ``<case>.yaml``, expected in ``<case>.expected.json`` beside it;
* a folder ``<case>/`` of reports checked together, as a run pairs them (a 2014 report and the
  2013 report its ``previous:`` names), expected in ``<case>/expected.json``, each finding
  with the ``file`` it is in; the reports are read from inside the folder, so that messages
  name ``2013.yaml`` as a run from there would;
* a file written by a generator of GENERATED when the test runs (a file too large to commit,
  a path that is no file, a report in another encoding than UTF-8, which other tests read as
  UTF-8 text), expected in ``<case>.expected.json``.

Each rule runs alone, except the suppression rules (X): whether a suppression is used
depends on the findings of the rules it names, so they run with every built-in rule and only
their own findings are compared.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from galint.io.discover import Candidate
from galint.io.load import MAX_BYTES, load_path
from galint.pipeline.engine import Selection, check_loaded, run
from galint.rules import builtin_rules, find

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Every rule has fixtures but rule-error, which needs a broken rule (tests/test_engine.py
# tests it), and schema-other, the schema rules' catch-all for constraints the others do not
# name.
SLUGS = [
    "yaml-syntax",
    "duplicate-key",
    "unsupported-tag",
    "yaml-limit",
    "file-too-large",
    "not-utf8",
    "unreadable",
    "schema-required",
    "schema-type",
    "schema-value",
    "schema-unknown-key",
    "schema-format",
    "schema-length",
    "missing-target",
    "missing-goal",
    "empty-section",
    "missing-timeframe",
    "vague-timeframe",
    "unparsed-timeframe",
    "stale-timeframe",
    "timeframe-mismatch",
    "missing-follow-up",
    "carried-over",
    "unknown-reference",
    "overdue-plan",
    "missing-previous",
    "unused-suppression",
    "invalid-suppression",
]

# Cases where galint does not do what the case's author expects, by "slug/kind/case", with
# why: their tests are expected to fail, and regenerate.py leaves their expectations alone
# (they hold what galint should find). Remove an entry when galint is fixed.
KNOWN_MISSES: dict[str, str] = {
    "carried-over/bad/copied-into-follow-up": (
        "the assessment 'No victim from Montenegro has been identified in the ICSE database' "
        "is matched to the plan to develop procedures to identify victims (score 0.27), which "
        "then counts as followed up rather than only planned again"
    ),
    "stale-timeframe/good/past-event-named-in-a-plan": (
        "the date of a past event a plan names ('the cooperation agreed in 2013') is read as "
        "the plan's timeframe, which then ended before the report's year"
    ),
    "timeframe-mismatch/good/date-of-an-earlier-event-in-the-text": (
        "the date of the campaign a plan evaluates ('the campaign of February 2014') is read "
        "as the text's timeframe, which then disagrees with the field"
    ),
    "unparsed-timeframe/good/school-year": (
        "a timeframe field '2014-2015 school year' is not read: a range of years followed by "
        "words, though the same words in a text ('in the school year 2014-2015') are"
    ),
}


# --- generated cases ------------------------------------------------------------------------


def _padded_report(size: int) -> bytes:
    """A short 2014 report followed by comment lines, ``size`` bytes in all."""
    head = (
        b"form: global-alliance/2014\n"
        b"country:\n  code: LT\n  name: Lithuania\n"
        b"policy-target-1:\n  goal-1:\n    implementation:\n"
        b"      - The Police Department joined the ICSE database in March 2014.\n"
    )
    line = b"# " + b"=" * 97 + b"\n"
    body = line * ((size - len(head)) // len(line))
    rest = size - len(head) - len(body)
    return head + body + (b"#" * (rest - 1) + b"\n" if rest else b"")


def _statistics_annex(path: Path) -> None:
    """A 2013 report with a case-by-case statistics annex pasted in, 2.7 MB of it."""
    rows = [
        f"  - case {n}: reported {2008 + n % 6}, status {('closed', 'pending')[n % 2]}"
        for n in range(1, 60_001)
    ]
    text = (
        "form: global-alliance/2013\n"
        "country:\n  code: HR\n  name: Croatia\n"
        "policy-target-2:\n  undertaken:\n"
        "    - The State Attorney's Office compiled its statistics of criminal proceedings.\n"
        "statistics-annex:\n" + "\n".join(rows) + "\n"
    )
    path.write_text(text, encoding="utf-8")


def _scanned_signature(path: Path) -> None:
    """A report whose signed cover page was pasted in as one line of base64."""
    image = "iVBORw0KGgoAAAANSUhEUgAAB4AAAAQ4CAYAAADo08FDAAAgAElEQVR4" * 50_000
    text = (
        "form: global-alliance/2014\n"
        "country:\n  code: PL\n  name: Poland\n"
        f"signature: data:image/png;base64,{image}\n"
    )
    path.write_text(text, encoding="utf-8")


def _at_the_limit(path: Path) -> None:
    path.write_bytes(_padded_report(MAX_BYTES))


_BELGIUM_2014 = """\
# Belgium 2014: saved by a word processor in Windows-1252, where e acute is the one byte 0xE9
form: global-alliance/2014
country:
  code: BE
  name: Belgium
submitted: 2014-06-30

policy-target-3:
  goal-1:
    implementation:
      - Child Focus and the Fédération Wallonie-Bruxelles held workshops on sexting in 85 \
secondary schools in 2013.
    assessment:
      - The Délégué général aux droits de l'enfant reported fewer complaints about images \
shared without consent.
    follow-up:
      - Extend the workshops to the Flemish Community with Child Focus (2015).
"""

_FRANCE_2013 = """\
# France 2013: saved by Notepad as "Unicode", that is UTF-16 with a byte order mark
form: global-alliance/2013
country:
  code: FR
  name: France

policy-target-4:
  undertaken:
    - The PHAROS platform of the Central Office for the Fight against Crime related to \
Information and Communication Technologies received 123,987 reports in 2012.
  planned:
    - Agree a notice and takedown procedure with the French Association of Internet Service \
Providers (2013).
"""


def _saved_as(encoding: str, text: str) -> Callable[[Path], None]:
    """A report's text saved in another encoding than UTF-8."""

    def write(path: Path) -> None:
        path.write_bytes(text.encode(encoding))

    return write


def _word_document(path: Path) -> None:
    """A Word document (a zip archive) saved under the report's name."""
    document = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Global Alliance against Child Sexual Abuse Online: "
        "report of Portugal, 2014</w:t></w:r></w:p></w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("word/document.xml", (2014, 6, 30, 12, 0, 0)), document)


def _folder(path: Path) -> None:
    path.mkdir()


def _nothing(path: Path) -> None:
    """The path is left naming no file."""


# A generator writes the case's file at the path it is given ("<case>.yaml" in a temporary
# folder); by "slug/kind/case".
GENERATED: dict[str, Callable[[Path], None]] = {
    "file-too-large/bad/statistics-annex": _statistics_annex,
    "file-too-large/bad/scanned-signature": _scanned_signature,
    "file-too-large/good/exactly-the-limit": _at_the_limit,
    "not-utf8/bad/windows-1252": _saved_as("cp1252", _BELGIUM_2014),
    "not-utf8/bad/utf-16-from-notepad": _saved_as("utf-16", _FRANCE_2013),
    "not-utf8/bad/word-document-renamed": _word_document,
    "unreadable/bad/no-such-file": _nothing,
    "unreadable/bad/folder-named-like-a-report": _folder,
}


# --- cases ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    slug: str
    kind: str  # "good" or "bad"
    name: str
    # The report, the folder of reports, or None for a generated case.
    path: Path | None

    @property
    def key(self) -> str:
        return f"{self.slug}/{self.kind}/{self.name}"

    @property
    def together(self) -> bool:
        """A folder of reports checked together."""
        return self.path is not None and self.path.is_dir()

    @property
    def expected_path(self) -> Path:
        folder = FIXTURES / self.slug / self.kind
        if self.together:
            return folder / self.name / "expected.json"
        return folder / f"{self.name}.expected.json"

    def reports(self) -> list[Path]:
        """The files of the case that galint reads."""
        if self.path is None:
            return []
        return sorted(self.path.glob("*.yaml")) if self.together else [self.path]


def cases(kind: str | None = None) -> list[Case]:
    """Every case, by rule, kind and name."""
    found = []
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        for sort in ("good", "bad"):
            if kind not in (None, sort):
                continue
            here = []
            for entry in sorted((folder / sort).glob("*")):
                if entry.is_dir():
                    here.append(Case(folder.name, sort, entry.name, entry))
                elif entry.suffix == ".yaml":
                    here.append(Case(folder.name, sort, entry.stem, entry))
            prefix = f"{folder.name}/{sort}/"
            here += [
                Case(folder.name, sort, key.removeprefix(prefix), None)
                for key in GENERATED
                if key.startswith(prefix)
            ]
            found += sorted(here, key=lambda case: case.name)
    return found


# --- running --------------------------------------------------------------------------------


def selection(slug: str) -> Selection:
    rule = find(slug, builtin_rules())
    assert rule is not None, slug
    if rule.code.startswith("X"):
        return Selection.of(builtin_rules())
    return Selection.of(builtin_rules(), [rule])


def findings(case: Case) -> list[dict[str, object]]:
    """What galint finds in a case, as its expectation writes it."""
    chosen = selection(case.slug)
    if case.together:
        assert case.path is not None
        with _inside(case.path):
            names = [path.name for path in case.reports()]
            results = run([Candidate(name, explicit=True) for name in names], chosen)
        found = [(result.path, f) for result in results for f in result.findings]
    else:
        with _written(case) as path:
            loaded = load_path(str(path))
            assert loaded is not None
            found = [(None, f) for f in check_loaded(loaded, chosen).findings]
    return [
        {
            **({"file": file} if file is not None else {}),
            "line": f.line,
            "column": f.column,
            "code": f.code,
            "rule": f.rule,
            "message": f.message,
        }
        for file, f in found
        if f.rule == case.slug
    ]


@contextlib.contextmanager
def _inside(folder: Path) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


@contextlib.contextmanager
def _written(case: Case) -> Iterator[Path]:
    """The case's report: its file, or one its generator writes in a temporary folder."""
    if case.path is not None:
        yield case.path
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{case.name}.yaml"
        GENERATED[case.key](path)
        yield path


# --- expectations ---------------------------------------------------------------------------


def expected(case: Case) -> list[dict[str, object]]:
    return json.loads(case.expected_path.read_text("utf-8"))


def dump(entries: list[dict[str, object]]) -> str:
    """An expectation as regenerate.py writes it: one finding a line, so a diff shows which."""
    lines = [json.dumps(entry, ensure_ascii=False) for entry in entries]
    return "[\n" + ",\n".join(f"  {line}" for line in lines) + "\n]\n" if lines else "[]\n"
