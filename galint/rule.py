"""Deprecated: import ``Rule`` from ``galint.core.rule``. Kept so that rule plugins written
against ``galint.rule.Rule`` keep working."""

from galint.core.rule import Check, Rule

__all__ = ["Check", "Rule"]
