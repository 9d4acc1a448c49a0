"""Formatters: findings, and the secretariat's summary, in each output format. They never
decide what is wrong.

``findings``: what ``galint check`` prints (text, JSON, SARIF, JUnit, GitHub, GitLab,
statistics). ``summary``: what ``galint report`` prints (the bulk summary's figures, and
JSON, CSV, a text table or an HTML page). ``skeleton``: what ``galint new`` writes, the next
report with a stub for each plan of the previous one.

May import: galint.core, galint.form, galint.analysis and the result types of
galint.pipeline. Each subpackage names the few exceptions it has.
"""
