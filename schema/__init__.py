"""The form's data and galint's JSON Schema, installed as the package ``galint.schema``."""
