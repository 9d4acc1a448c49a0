"""Rewrite the rules' expected findings from what galint finds now.

    .venv/bin/python tests/rules/regenerate.py [SLUG...]

Run it after an intended change to what a rule finds or how it words it, then read the diff
(git diff tests/rules/fixtures) before committing: every line that changed is a finding that
changed. It rewrites the expectation of every bad case (of the rules named, else of all),
except the known misses, and prints those it changed. It cannot settle a good case that now
has findings, or a bad case that has none: it prints them, and the tests keep failing until
the case, or galint, is put right.
"""

from __future__ import annotations

import sys

from rule_fixtures import FIXTURES, KNOWN_MISSES, SLUGS, cases, dump, findings


def main(slugs: list[str]) -> int:
    unknown = sorted(set(slugs) - set(SLUGS))
    if unknown:
        print(f"no fixtures for {', '.join(unknown)}; the rules with fixtures: {', '.join(SLUGS)}")
        return 2
    changed = unsettled = 0
    for case in cases():
        if slugs and case.slug not in slugs:
            continue
        if case.key in KNOWN_MISSES:
            print(f"skipped  {case.key} (known miss: {KNOWN_MISSES[case.key]})")
            continue
        found = findings(case)
        if case.kind == "good":
            if found:
                unsettled += 1
                print(f"FINDS    {case.key}: a good case, with {len(found)} finding(s)")
            continue
        if not found:
            unsettled += 1
            print(f"EMPTY    {case.key}: a bad case, with no finding")
        path = case.expected_path
        text = dump(found)
        before = path.read_text("utf-8") if path.exists() else None
        if text != before:
            path.write_text(text, encoding="utf-8")
            changed += 1
            how = "created " if before is None else "updated "
            print(f"{how} {path.relative_to(FIXTURES.parent)}")
    print(f"{changed} expectation(s) changed, {unsettled} case(s) to look at")
    return 1 if unsettled else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
