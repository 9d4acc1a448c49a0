"""Files to documents and back: finding reports on disk, reading them into data with
positions, and writing files atomically.

- discover: the report files named on the command line or found in folders.
- load: a file's bytes to a Document, its size and encoding checked (load_path, parse).
- builder: the Document built from libyaml's events, with limits against hostile input.
- document: Document, its data and where each value and key was written.
- scalars: plain scalars read by the YAML 1.2 core schema.
- lines: lines and columns as editors count them.
- atomic: a file replaced whole or not at all, its mode kept.

May import: galint.core, and galint.form.spec (which key declares a report).
"""
