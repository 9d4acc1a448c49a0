"""The form and the typed model of a report: the form's targets, goals and sections (from
schema/form.yaml), the model rules see, and what is generated from them (schema, docs,
the skeleton of the next report).

May import: galint.core, galint.io.
"""
