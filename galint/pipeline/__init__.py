"""The one pipeline every command runs: discover, load, pair, check, suppress, baseline, fix.

May import: galint.core, galint.io, galint.form, galint.analysis, galint.rules, galint.fix.
"""
