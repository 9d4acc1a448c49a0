"""The documentation's examples say what galint does with them."""

from __future__ import annotations

import re
from pathlib import Path

from galint.io.load import parse
from galint.pipeline.engine import Selection, check_loaded
from galint.rules import all_rules

ROOT = Path(__file__).resolve().parents[2]


def yaml_blocks(path: Path) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)


def findings(text: str) -> list[tuple[int, str]]:
    result = check_loaded(parse(text, "example.yaml"), Selection.of(all_rules()))
    return [(f.line, f.rule) for f in result.findings]


def test_annotated_example_in_format_md() -> None:
    blocks = [b for b in yaml_blocks(ROOT / "docs" / "format.md") if "form:" in b]
    assert len(blocks) == 1
    found = findings(blocks[0])
    assert sorted(rule for _, rule in found) == [
        "empty-section",
        "missing-target",
        "missing-target",
    ]
    line = next(
        n for n, text in enumerate(blocks[0].splitlines(), 1) if "implementation: /" in text
    )
    assert (line, "empty-section") in found


def test_readme_example_is_a_valid_start() -> None:
    [block] = [b for b in yaml_blocks(ROOT / "README.md") if "form:" in b]
    assert {rule for _, rule in findings(block)} == {"missing-target"}
