"""How the rules name a plan and where they point for its follow-up."""

from __future__ import annotations

from galint.analysis.trace.model import PlanTrace
from galint.analysis.trace.render import shorten
from galint.form.model import Report
from galint.io.load import Path


def implementation_path(report: Report, target: int) -> Path:
    """Section A of the first goal of a policy target: where a plan's follow-up belongs.

    The path may not exist in the document (a target or a section left out); the engine then
    points at the nearest enclosing value.
    """
    spec = next((t.spec for t in report.targets if t.number == target), None)
    key = spec.key if spec is not None else f"policy-target-{target}"
    goal = spec.goals[0].key if spec is not None and spec.goals else "goal-1"
    return (key, goal, "implementation")


def cite(plan: PlanTrace, previous: Report) -> str:
    """A plan as a message names it: ``plan 2.4 'Establish a system…' (2013.yaml:33)``."""
    return f"plan {plan.plan.ref} '{shorten(plan.plan.text)}' ({previous.path}:{plan.line})"
