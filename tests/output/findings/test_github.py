"""GitHub Actions workflow commands: exact lines, escaped as GitHub's toolkit escapes them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from galint.core.diagnostic import Diagnostic
from galint.output.findings import Summary
from galint.output.findings.github import escape_data, escape_property, render

MakeFinding = Callable[..., Diagnostic]


def lines(*findings: Diagnostic) -> list[str]:
    output = render(Summary(1, list(findings)))
    assert output.endswith("\n")
    return output.splitlines()


def test_one_command_per_finding(make_finding: MakeFinding) -> None:
    assert lines(
        make_finding(path="reports/me.yaml", line=23, column=9, end_column=87),
        make_finding(
            path="reports/me.yaml",
            line=1,
            column=1,
            end_column=2,
            code="S001",
            rule="schema-required",
            severity="error",
            message="the key 'country' is missing",
        ),
    ) == [
        "::warning file=reports/me.yaml,line=23,col=9,endLine=23,endColumn=87,"
        "title=T001 [missing-timeframe]::planned action 1.1 has no timeframe",
        "::error file=reports/me.yaml,line=1,col=1,endLine=1,endColumn=2,"
        "title=S001 [schema-required]::the key 'country' is missing",
    ]


@pytest.mark.parametrize(
    ("severity", "command"), [("error", "error"), ("warning", "warning"), ("info", "notice")]
)
def test_commands_by_severity(make_finding: MakeFinding, severity: str, command: str) -> None:
    [line] = lines(make_finding(severity=severity))
    assert line.startswith(f"::{command} file=")


def test_a_span_over_several_lines_has_no_columns(make_finding: MakeFinding) -> None:
    # GitHub's toolkit: columns cannot be sent when the start and end lines differ.
    [line] = lines(make_finding(line=4, column=3, end_line=6, end_column=1))
    assert line == (
        "::warning file=reports/me.yaml,line=4,endLine=6,"
        "title=T001 [missing-timeframe]::planned action 1.1 has no timeframe"
    )


def test_the_message_is_escaped_as_data(make_finding: MakeFinding) -> None:
    [line] = lines(make_finding(message="100% done\r\nnext: a, b\nlast"))
    # ':' and ',' stay as they are in the message.
    assert line.endswith("::100%25 done%0D%0Anext: a, b%0Alast")


def test_the_path_is_escaped_as_a_property(make_finding: MakeFinding) -> None:
    [line] = lines(make_finding(path="C:/a,b/50%\r\nx.yaml", line=2, column=1, end_column=4))
    assert line == (
        "::warning file=C%3A/a%2Cb/50%25%0D%0Ax.yaml,line=2,col=1,endLine=2,endColumn=4,"
        "title=T001 [missing-timeframe]::planned action 1.1 has no timeframe"
    )


def test_the_title_is_escaped_as_a_property(make_finding: MakeFinding) -> None:
    [line] = lines(make_finding(code="P:1", rule="a,b"))
    assert ",title=P%3A1 [a%2Cb]::" in line


def test_escape_functions() -> None:
    assert escape_data("%\r\n:,") == "%25%0D%0A:,"
    assert escape_property("%\r\n:,") == "%25%0D%0A%3A%2C"
    # '%' first, so that an escape is not escaped again.
    assert escape_property("%3A") == "%253A"


def test_no_findings_no_output() -> None:
    assert render(Summary(3, [])) == ""


def test_a_real_run(example_summary: Summary) -> None:
    output = render(example_summary).splitlines()
    assert len(output) == 39
    assert all(line.startswith("::warning file=") for line in output)
    assert sum(",title=T001 [missing-timeframe]::" in line for line in output) == 27
    assert sum(",title=C003 [empty-section]::" in line for line in output) == 4
    first = example_summary.findings[0]
    path = first.file.replace(":", "%3A").replace(",", "%2C")
    assert output[0] == (
        f"::warning file={path},line={first.line},col={first.column},"
        f"endLine={first.end_line},endColumn={first.end_column},"
        f"title={first.code} [{first.rule}]::{first.message}"
    )
