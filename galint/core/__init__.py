"""What every stage speaks: diagnostics (with spans, severities and fixes) and the rule record.

May import: nothing of galint.
"""
