"""The language server: ``galint server`` speaks the Language Server Protocol over standard
input and output (pygls, with lsprotocol's types), so that every rule is live in the
author's editor. It adds only the protocol: loading, pairing, rules, suppressions,
configuration and fixes are the pipeline's (``galint.pipeline.buffers``), as ``galint
check`` runs them.

- server: the pygls server, its checks on open, change (debounced) and save; ``serve``.
- features: each message of the protocol and the module that answers it.
- session: the open documents and their last check, which report follows which.
- sources: the reports around one: open buffers first, then the disk, each built once.
- configs: the configuration of each document, as ``galint check`` finds it.
- positions: galint's lines and columns to the protocol's, and back.
- lint: findings as the protocol's diagnostics.
- locate, schema: what is at a place of a report; the form's wording and keys.
- hover, definition, completion, actions (with offers): one feature each.

pygls is imported by ``server`` and ``features`` only; ``galint server`` says how to install
it when it is missing.

May import: galint.core, galint.io, galint.form, galint.analysis, galint.rules,
galint.pipeline; pygls and lsprotocol.
"""
