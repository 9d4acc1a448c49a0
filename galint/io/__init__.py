"""Files to documents: finding reports on disk, reading them into data with positions, pairing
each report with its predecessor, and writing files atomically.

- discover: the report files named on the command line or found in folders.
- load: a file's bytes to a Document, its size and encoding checked (load_path, parse).
- builder: the Document built from libyaml's events, with limits against hostile input.
- document: Document, its data and where each value and key was written.
- scalars: plain scalars read by the YAML 1.2 core schema.
- lines: lines and columns as editors count them.
- pairing: each report paired with the report it follows up.

May import: galint.core.
"""
