"""Synthetic bulk-report data, in the shape ``galint.output.summary.formats.data`` returns.

The countries are real names with made-up figures (a seeded random generator, so the same
data every run), including the cases the page must handle: no previous report, a target
without a report, errors, plans missing, and ties in every column.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

# ASCII names without punctuation or digits, so that the test's expected order (Python's
# casefold) and the page's (an English collator) agree.
NAMES = {
    "AL": "Albania", "AM": "Armenia", "AT": "Austria", "AU": "Australia", "BE": "Belgium",
    "BG": "Bulgaria", "CA": "Canada", "CH": "Switzerland", "CL": "Chile", "CY": "Cyprus",
    "CZ": "Czech Republic", "DE": "Germany", "DK": "Denmark", "EE": "Estonia", "ES": "Spain",
    "FI": "Finland", "FR": "France", "GB": "United Kingdom", "GE": "Georgia", "GH": "Ghana",
    "GR": "Greece", "HR": "Croatia", "HU": "Hungary", "IE": "Ireland", "IL": "Israel",
    "IS": "Iceland", "IT": "Italy", "JP": "Japan", "KH": "Cambodia", "KR": "South Korea",
    "LT": "Lithuania", "LU": "Luxembourg", "LV": "Latvia", "MD": "Moldova", "ME": "Montenegro",
    "MT": "Malta", "MX": "Mexico", "NG": "Nigeria", "NL": "Netherlands", "NO": "Norway",
    "NZ": "New Zealand", "PH": "Philippines", "PL": "Poland", "PT": "Portugal", "RO": "Romania",
    "RS": "Serbia", "SE": "Sweden", "SI": "Slovenia", "SK": "Slovakia", "TH": "Thailand",
    "TR": "Turkey", "UA": "Ukraine", "US": "United States", "VN": "Vietnam",
}  # fmt: skip

COUNTED = (
    "sections",
    "filled",
    "plans_previous",
    "followed",
    "carried",
    "missing",
    "actions",
    "with_timeframe",
)
TITLES = (
    "Enhancing efforts to identify victims and ensuring that they receive the necessary "
    "assistance, support and protection.",
    "Enhancing efforts to investigate cases of child sexual abuse online and to identify and "
    "prosecute offenders.",
    "Enhancing efforts to increase public awareness of the risks posed by children's activities "
    "online.",
    "Reducing as much as possible the availability of child pornography online.",
)


def figures(counts: dict[str, int], severities: dict[str, int]) -> dict[str, Any]:
    """The figures of a target or a total, with the derived ones, as formats.figures makes them."""
    row: dict[str, Any] = {name: counts.get(name, 0) for name in COUNTED}
    row["empty"] = row["sections"] - row["filled"]
    row["without_timeframe"] = row["actions"] - row["with_timeframe"]
    row["follow_up_rate"] = (
        round(row["followed"] / row["plans_previous"], 3) if row["plans_previous"] else None
    )
    for key, severity in (("errors", "error"), ("warnings", "warning"), ("info", "info")):
        row[key] = severities.get(severity, 0)
    return row


def country(
    code: str | None,
    name: str | None,
    targets: Sequence[dict[str, int]],
    findings: Sequence[dict[str, Any]] = (),
    plans: Sequence[dict[str, Any]] = (),
    key: str | None = None,
    editions: Sequence[str] = ("global-alliance/2013", "global-alliance/2014"),
) -> dict[str, Any]:
    """One country; ``targets`` holds four dicts of counts (and "errors"/"warnings")."""
    rows = []
    for number, counts in enumerate(targets, 1):
        severities = {"error": counts.get("errors", 0), "warning": counts.get("warnings", 0)}
        rows.append({"number": number, **figures(counts, severities)})
    total_counts = {name: sum(r[name] for r in rows) for name in COUNTED}
    severities: dict[str, int] = {}
    for finding in findings:
        severities[finding["severity"]] = severities.get(finding["severity"], 0) + 1
    rules: dict[str, int] = {}
    for finding in findings:
        rules[finding["rule"]] = rules.get(finding["rule"], 0) + 1
    folder = (code or "xx").lower()
    return {
        "key": key or code or folder,
        "code": code,
        "name": name,
        "editions": list(editions),
        "files": [f"submissions/{folder}/{e.rsplit('/', 1)[-1]}.yaml" for e in editions],
        "totals": figures(total_counts, severities),
        "targets": rows,
        "rules": dict(sorted(rules.items())),
        "findings": list(findings),
        "plans": list(plans),
    }


def finding(path: str, line: int, severity: str = "warning", **fields: Any) -> dict[str, Any]:
    base = {
        "path": path,
        "line": line,
        "column": 9,
        "end_line": line,
        "end_column": 40,
        "code": "T001",
        "rule": "missing-timeframe",
        "severity": severity,
        "message": f"follow-up action at line {line} has no timeframe",
    }
    return {**base, **fields}


def plan(ident: str, status: str, text: str, path: str, line: int) -> dict[str, Any]:
    followed_in = []
    if status != "missing":
        followed_in.append(
            {
                "path": path.replace("2013", "2014"),
                "section": "A" if status == "followed" else "C",
                "target": int(ident.split(".")[0]),
                "goal": 1,
                "line": line + 10,
                "score": 1.0 if status == "followed" else 0.41,
                "via": "link" if status == "followed" else "text",
            }
        )
    return {
        "id": ident,
        "target": int(ident.split(".")[0]),
        "status": status,
        "text": text,
        "path": path,
        "line": line,
        "followed_in": followed_in,
    }


def report(countries: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The whole data dict around ``countries``, totals included."""
    counts = {name: sum(c["totals"][name] for c in countries) for name in COUNTED}
    severities = {
        severity: sum(c["totals"][key] for c in countries)
        for key, severity in (("errors", "error"), ("warnings", "warning"), ("info", "info"))
    }
    return {
        "version": "0.1.0",
        "targets": [{"number": n, "title": t} for n, t in enumerate(TITLES, 1)],
        "totals": {
            "countries": len(countries),
            "files": sum(len(c["files"]) for c in countries),
            **figures(counts, severities),
        },
        "countries": list(countries),
    }


def many(n: int = 54, seed: int = 2012) -> dict[str, Any]:
    """``n`` countries (at most 54) with varied, reproducible figures."""
    rng = random.Random(seed)
    made = []
    for index, (code, name) in enumerate(list(NAMES.items())[:n]):
        only_2013 = index % 9 == 4  # no previous report to follow up
        targets = []
        plans = []
        findings = []
        path = f"submissions/{code.lower()}/2013.yaml"
        for number in range(1, 5):
            if index % 13 == 7 and number == 4:
                targets.append({})  # no report for this target
                continue
            sections = 2 if only_2013 else rng.choice((5, 8))
            previous = 0 if only_2013 else rng.randint(1, 5)
            missing = rng.choice((0, 0, 0, 1)) if previous else 0
            carried = rng.choice((0, 0, 1)) if previous - missing > 0 else 0
            actions = rng.randint(2, 6)
            counts = {
                "sections": sections,
                "filled": sections - rng.choice((0, 0, 0, 1, 2)),
                "plans_previous": previous,
                "followed": previous - missing - carried,
                "carried": carried,
                "missing": missing,
                "actions": actions,
                "with_timeframe": actions - rng.choice((0, 0, 1, 2)),
                "errors": 1 if rng.random() < 0.05 else 0,
            }
            counts["warnings"] = counts["actions"] - counts["with_timeframe"]
            targets.append(counts)
            statuses = ["followed"] * counts["followed"]
            statuses += ["carried"] * carried + ["missing"] * missing
            for k, status in enumerate(statuses, 1):
                text = f"Planned measure {number}.{k} of {name}, with a timeframe (2013-2014)."
                plans.append(plan(f"{number}.{k}", status, text, path, 10 * number + k))
            for w in range(counts["warnings"]):
                findings.append(finding(path.replace("2013", "2014"), 20 * number + w))
            if counts["errors"]:
                findings.append(
                    finding(
                        path.replace("2013", "2014"),
                        20 * number + 9,
                        "error",
                        code="S004",
                        rule="schema-unknown-key",
                        message="'folow-up' is not a key of the form",
                    )
                )
        editions = ("global-alliance/2013",) if only_2013 else None
        made.append(
            country(
                code,
                name,
                targets,
                sorted(findings, key=lambda f: f["line"]),
                plans,
                **({"editions": editions} if editions else {}),
            )
        )
    return report(made)


HOSTILE = {
    "name": "<script>alert(1)</script>",
    "key": '"><img src=x onerror=alert(2)>',
    "code": '" onmouseover="alert(3)',
    "text": "</td></tr></table><script>alert(4)</script>",
    "path": "x/<b>bold</b>.yaml",
    "message": 'it\'s "quoted" & <i>tagged</i> ]]> --> </script>',
}


def hostile() -> dict[str, Any]:
    """One country whose every string tries to break out of the page, and a plain one."""
    bad = country(
        HOSTILE["code"],
        HOSTILE["name"],
        [{"sections": 3, "filled": 2, "plans_previous": 1, "missing": 1, "warnings": 1}] * 4,
        [
            finding(
                HOSTILE["path"],
                3,
                rule="<b>rule</b>",
                code="<i>",
                severity="warning",
                message=HOSTILE["message"],
            )
        ],
        [
            plan("1.1", "missing", HOSTILE["text"], HOSTILE["path"], 5),
            plan("1.2", "carried", HOSTILE["name"], HOSTILE["path"], 6),
        ],
        key=HOSTILE["key"],
        editions=("global-alliance/</script>",),
    )
    plain = country("XA", "Arcadia", [{"sections": 5, "filled": 5}] * 4)
    return report([bad, plain])
