"""The traceability matrix as text and as JSON."""

from __future__ import annotations

from galint.analysis.trace.model import Match, Trace


def to_json(result: Trace) -> dict[str, object]:
    """The traceability matrix as JSON-ready data."""
    return {
        "previous": result.previous.path,
        "current": result.current.path,
        "plans": [
            {
                "id": plan.plan.ref,
                "text": plan.plan.text,
                "line": plan.line,
                "status": plan.status,
                "matches": [
                    {
                        "section": m.section,
                        "target": m.target,
                        "goal": m.goal,
                        "text": m.item.text,
                        "line": m.line,
                        "score": round(m.score, 3),
                        "via": m.via,
                    }
                    for m in plan.matches
                ],
            }
            for plan in result.plans
        ],
    }


def shorten(text: str, width: int = 60) -> str:
    """One line of at most ``width`` characters, cut at a word with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


def where(match: Match) -> str:
    """Where a match stands: ``A 1.1 l.14 (0.72)``, or ``(link)`` for a link."""
    place = f"{match.target}.{match.goal}" if match.goal is not None else f"{match.target}"
    how = "link" if match.via == "link" else f"{match.score:.2f}"
    return f"{match.section} {place} l.{match.line} ({how})"


def render_text(result: Trace) -> str:
    """The traceability matrix: one row per previous plan, in aligned columns."""
    header = ("id", "status", "plan", "followed up in")
    rows = [
        (
            plan.plan.ref or "?",
            plan.status,
            shorten(plan.plan.text),
            ", ".join(where(m) for m in plan.matches) or "-",
        )
        for plan in result.plans
    ]
    widths = [max(len(row[n]) for row in [header, *rows]) for n in range(3)]
    lines = [f"{result.previous.path} -> {result.current.path}"]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)]
        lines.append("  ".join([*cells, row[3]]).rstrip())
    return "\n".join(lines) + "\n"
