"""Files to documents: finding reports on disk, reading them into data with positions, pairing
each report with its predecessor, and writing files atomically.

May import: galint.core.
"""
