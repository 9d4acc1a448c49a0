"""The previous report named by `previous:` or `--previous` cannot be used.

A report follows up the one before it: galint pairs a 2014 report with the 2013 report named by
its `previous:` key (relative to the report), by `--previous`, or found in the same run for
the same country. When the named file is missing, cannot be read, or answers another
edition of the form, the follow-up rules cannot check anything; this says why.

Failing (there is no file 2013.yaml beside the report):

```yaml
form: global-alliance/2014
country: {code: ME, name: Montenegro}
previous: 2013.yaml
```

Passing (the path names the 2013 report):

```yaml
form: global-alliance/2014
country: {code: ME, name: Montenegro}
previous: ../2013/montenegro.yaml
```
"""

from __future__ import annotations

from collections.abc import Iterator

from galint.core.diagnostic import Diagnostic
from galint.core.rule import Rule
from galint.form.model import Report


def check(report: Report) -> Iterator[Diagnostic]:
    if report.predecessor_error is None:
        return
    data = report.document.data
    if isinstance(data, dict) and "previous" in data:
        yield Diagnostic(report.predecessor_error, ("previous",), key=True)
    else:
        yield Diagnostic(report.predecessor_error)


RULE = Rule(
    code="F005",
    slug="missing-previous",
    severity="warning",
    summary="The previous report this one follows up cannot be found or used.",
    explanation=__doc__ or "",
    check=check,
)
