"""Fixes: what galint can tell about a report's items, written into the file as text edits.

Three fix-only rules (``galint/rules/add_ids.py``, ``record_timeframe.py``,
``add_follows.py``) each give one diagnostic per key to add, at the item, with a ``Fix`` of
text ``Edit``\\ s; ``--fix`` applies the chosen ones with ``apply``. The package, by concern:

* ``changes``: what the fixes want, from the model: one ``Change`` (rule, item, key, value)
  per missing ``id``, ``timeframe`` or ``follows``, and where new keys go in an item.
* ``roundtrip``: the one ruamel.yaml round trip of a file, with every change made (ruamel.yaml
  keeps quoting, unicode, comments and indentation, and is imported only here).
* ``edits``: from ruamel.yaml's output to the edits of each change, and the diagnostics.
* ``applying``: ``apply``, applying the edits of chosen diagnostics, then checking the result.
* ``diff``: the change as a unified diff.

How edits are computed and composed. The changes of all three rules are made in one round
trip (``edits.diagnostics`` keeps the result for the report, so the three rules share it).
Only the lines of the changed items are taken from ruamel.yaml's output; every other line
stays the original, byte for byte, so whatever ruamel.yaml would reformat elsewhere never
reaches the file. An item's new lines are split into a *base* (the item made over: a plain
text becomes ``text: ...``; a line ruamel.yaml writes otherwise) and one *insertion* per new
key, after the value of the key it follows or before the first key. Each diagnostic's fix holds
the item's base edits and its own insertion; identical edits are applied once, and
insertions at one place are made in the format's key order (id, timeframe, follows). So any
choice of diagnostics (only the safe ones, some rules, one for an editor's quick fix) writes
exactly those keys, and all of them write exactly ruamel.yaml's lines (which is checked).

Checks. When the edits are computed: ruamel.yaml's lines of each item read as the item with
the new keys, and keep its comments. When they are applied: the new text is parsed again
and must read as the original plus the keys inserted (same data, numbers written the same,
same comments, same YAML problems); otherwise the file is left unchanged, with the reason.
A fix that cannot be computed has no edits and says why in its description: its item is
skipped when galint leaves such items alone (in a flow-style list ``[...]``, anchored, an
alias), and otherwise the whole file is left unchanged with that reason.

Parses of a fixed file: the engine's (the model the rules read), ruamel.yaml's round trip,
galint's reading of ruamel.yaml's output (to find the items in it), and the check of the
result: three by libyaml and one by ruamel.yaml. ``apply`` parses the text once more only
when the caller does not pass its loader ``problems``.

May import: galint.core, galint.io, galint.form, galint.analysis (and ruamel.yaml, only when
a fix is computed).
"""

from __future__ import annotations

from galint.fix.applying import FixResult, apply
from galint.fix.changes import (
    ADD_FOLLOWS,
    ADD_IDS,
    FIX_RULES,
    RECORD_TIMEFRAME,
    Change,
    planned,
    traced_links,
)
from galint.fix.diff import unified_diff
from galint.fix.edits import diagnostics, fix_diagnostics
from galint.io.atomic import write_atomic

__all__ = [
    "ADD_FOLLOWS",
    "ADD_IDS",
    "FIX_RULES",
    "RECORD_TIMEFRAME",
    "Change",
    "FixResult",
    "apply",
    "diagnostics",
    "fix_diagnostics",
    "planned",
    "traced_links",
    "unified_diff",
    "write_atomic",
]
