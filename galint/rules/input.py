"""Rules the loader applies while it reads a file: the file must be a readable, safe YAML text."""

from __future__ import annotations

from galint.core.rule import Rule

RULES = (
    Rule(
        code="Y001",
        slug="yaml-syntax",
        severity="error",
        summary="The file is not valid YAML.",
        explanation="""\
The file cannot be read as YAML: galint shows where the parser stopped. Common causes are a
tab used for indentation, an unclosed bracket or quote, a text that starts with a character
YAML reserves (`*`, `&`, `!`, `%`, `@`, a backtick) or holds `: ` without quotes, or a second
document after `---`.

Failing:

```yaml
policy-target-1:
  planned:
    - Sign a memorandum: ministries of justice: and interior
```

Passing:

```yaml
policy-target-1:
  planned:
    - "Sign a memorandum: ministries of justice: and interior"
```
""",
    ),
    Rule(
        code="Y002",
        slug="duplicate-key",
        severity="error",
        summary="A key is written twice in the same mapping.",
        explanation="""\
YAML readers keep only the last of two equal keys, so everything under the first one is
silently lost. galint reports both places.

Failing:

```yaml
policy-target-1:
  planned:
    - Develop victim identification procedures (2013-2014)
  planned:
    - Join INTERPOL's victim identification efforts (2013-2014)
```

Passing:

```yaml
policy-target-1:
  planned:
    - Develop victim identification procedures (2013-2014)
    - Join INTERPOL's victim identification efforts (2013-2014)
```
""",
    ),
    Rule(
        code="Y003",
        slug="unsupported-tag",
        severity="error",
        summary="A value carries a YAML tag outside the core schema.",
        explanation="""\
A report holds only plain texts, numbers, true/false, lists and mappings. Tags such as
`!!python/object`, `!!binary`, `!!set` or a custom `!tag` are refused (and never executed:
galint constructs no objects from tags); the value is read as if it had no tag. A core tag on
a value that does not fit it (`!!int abc`) is reported too.

Failing:

```yaml
country: !!python/object:builtins.dict {code: ME, name: Montenegro}
```

Passing:

```yaml
country: {code: ME, name: Montenegro}
```
""",
    ),
    Rule(
        code="Y004",
        slug="yaml-limit",
        severity="error",
        summary="The document is built to be expensive to read.",
        explanation="""\
galint stops reading a document that nests deeper than 64 levels, whose aliases (`*name`)
expand to more than 10,000 values (the "billion laughs" attack fits in 400 bytes), or whose
alias refers to the value that contains it. A real report needs none of these.

Failing:

```yaml
a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
# ... and so on, nine levels deep
```

Passing:

```yaml
policy-target-1:
  planned:
    - Develop victim identification procedures (2013-2014)
```
""",
    ),
    Rule(
        code="Y005",
        slug="file-too-large",
        severity="error",
        summary="The file is larger than a report can be.",
        explanation="""\
A complete report is a few tens of kilobytes. galint does not read files over 2 MiB, so that a
stray data dump or a hostile file cannot stall a run. The file is reported and the run goes
on with the other files.

Failing: a 50 MB file named `report.yaml`.

Passing: a report of ordinary size.
""",
    ),
    Rule(
        code="Y006",
        slug="not-utf8",
        severity="error",
        summary="The file is not UTF-8 text.",
        explanation="""\
Reports are UTF-8 text (a byte order mark is allowed). A file holding NUL bytes is binary; a
file saved in another encoding (Latin-1, Windows-1252, UTF-16) is reported at the first byte
that is not UTF-8. Save the file as UTF-8 in your editor.

Failing: a report saved as Windows-1252, where `é` is the single byte 0xE9.

Passing: the same report saved as UTF-8.
""",
    ),
    Rule(
        code="Y007",
        slug="unreadable",
        severity="error",
        summary="The path does not exist or cannot be read.",
        explanation="""\
A path named on the command line does not exist, is a directory where a file was expected,
or cannot be opened (permissions). The run goes on with the other paths.

Failing: `galint check montenegro/2015.yaml` when there is no such file.

Passing: `galint check montenegro/2014.yaml`.
""",
    ),
)
