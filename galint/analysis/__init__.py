"""Reading the text of a report: timeframes in words, and the follow-up of previous plans.

May import: galint.core, galint.io, galint.form.
"""
