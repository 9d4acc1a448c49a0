"""The form and the typed model of a report: the form's targets, goals and sections (from
schema/form.yaml), the model rules see, and what is generated from them (the JSON Schema,
its validator, docs/form.md and docs/rules.md).

May import: galint.core, galint.io; and galint.rules in ``docs`` and ``generate`` only,
which write the rules' documentation from their metadata at build time.
"""
