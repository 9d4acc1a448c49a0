"""Formatters: findings, and the secretariat's summary, in each output format. They never
decide what is wrong.

May import: galint.core, galint.form, galint.pipeline (its result types).
"""
