"""Montenegro's two reports, as their text was extracted from the originals, import to the
hand transcriptions in examples/montenegro/, item for item."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from benchmodules import load

from galint.importing.importer import import_path
from galint.importing.writer import render

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "montenegro"
compare = load("import_compare")


@pytest.mark.parametrize("year", ["2013", "2014"])
def test_a_seed_imports_to_its_transcription_item_for_item(year: str) -> None:
    imported = import_path(str(EXAMPLES / "source" / f"{year}.txt"))
    assert imported.ok, imported.problem
    got = yaml.safe_load(render(imported).text)
    expected = yaml.safe_load((EXAMPLES / f"{year}.yaml").read_text(encoding="utf-8"))
    result = compare.compare(got, expected, year)
    print(f"{year}: {result.same}/{result.total} items identical ({result.share:.1%})")
    assert result.differences == []
    assert got["form"] == expected["form"]
    assert got["country"] == expected["country"]
    assert imported.unplaced == []


def test_the_seeds_keep_their_placeholders_as_written() -> None:
    got = yaml.safe_load(render(import_path(str(EXAMPLES / "source" / "2014.txt"))).text)
    assert got["policy-target-2"]["goal-2"]["implementation"] == "/"
    assert got["policy-target-3"]["goal-2"]["implementation"] == "/"
    assert got["policy-target-3"]["goal-2"]["assessment"] == "/"
    assert got["policy-target-4"]["goal-2"]["assessment"] == "/"


def test_an_import_starts_with_its_source_and_sha256() -> None:
    import hashlib

    source = EXAMPLES / "source" / "2013.txt"
    first = render(import_path(str(source))).text.splitlines()[0]
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert first == f"# Imported by galint from {source} (sha256 {digest})"


def test_the_break_that_repeats_words_and_the_footnotes_are_said() -> None:
    notes_2013 = import_path(str(EXAMPLES / "source" / "2013.txt")).notes
    notes_2014 = import_path(str(EXAMPLES / "source" / "2014.txt")).notes
    assert notes_2013 == [
        "kept once the words a break repeated: 'of Information Society and "
        "Telecommunications, in cooperation' (line 55)"
    ]
    assert notes_2014 == [
        "left out the footnote http://www.cirt.me/ (line 129): the text has it",
        "left out the footnote http://www.cirt.me/ (line 256): the text has it",
    ]
