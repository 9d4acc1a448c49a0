"""``galint import``: Word, PDF and text reports into galint's YAML format."""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import click

from galint.cli import options
from galint.cli.options import EXIT_FOUND, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from galint.core.diagnostic import Diagnostic

STDIN = "-"


@dataclass(slots=True)
class _Run:
    """What the run did so far."""

    written: list[str] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    failed: int = 0
    items: int = 0
    unplaced: int = 0


@click.command("import")
@click.argument("sources", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write the report to this file (one source only; default: standard output).",
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False),
    help="Write each report to DIR/<country code>/<year>.yaml (needed for folders and "
    "several files).",
)
@click.option("--strict", is_flag=True, help="Exit 1 when any text could not be placed.")
@click.option(
    "--check", "check_after", is_flag=True, help="Run galint check on the imported reports."
)
def import_command(
    sources: tuple[str, ...],
    output: str | None,
    output_dir: str | None,
    strict: bool,
    check_after: bool,
) -> None:
    """Import reports written in Word (.docx), PDF or plain text (.txt, or - for standard
    input) into galint's YAML format, and folders of them with --output-dir.

    Headings are found by the form's wording; text that fits nowhere is kept as a comment
    and reported. Exit status: 0 when every file was imported, 1 when one could not be (or,
    with --strict, left text unplaced, or with --check, has problems), 2 for a usage error.
    """
    from galint import importing

    lacking = importing.missing()
    if lacking:
        click.echo(
            "galint import needs the 'import' extra: pip install 'galint[import]' "
            f"(missing: {', '.join(lacking)})",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    files = _files(sources, output, output_dir)
    if check_after and output_dir is None and output in (None, STDIN):
        raise click.UsageError("--check checks the reports written: give -o or --output-dir")
    run = _Run()
    to_stdout = output_dir is None and output in (None, STDIN)
    for source in files:
        _one(source, output, output_dir, run)
    sys.exit(_finish(run, to_stdout, strict, check_after))


def _files(sources: tuple[str, ...], output: str | None, output_dir: str | None) -> list[str]:
    from galint.importing.bulk import sources_under

    if output and output_dir:
        raise click.UsageError("give either -o/--output or --output-dir, not both")
    files: list[str] = []
    for source in sources:
        if source != STDIN and os.path.isdir(source):
            if output_dir is None:
                raise click.UsageError(f"{source} is a folder: give --output-dir for its reports")
            files.extend(sources_under(source))
        elif source != STDIN and not os.path.exists(source):
            raise click.UsageError(f"{source}: no such file or folder")
        else:
            files.append(source)
    if files.count(STDIN) > 1:
        raise click.UsageError("standard input (-) can be read only once")
    if len(files) > 1 and output_dir is None:
        raise click.UsageError("several files give several reports: give --output-dir")
    return files


def _one(source: str, output: str | None, output_dir: str | None, run: _Run) -> None:
    from galint.importing import findings
    from galint.importing.bulk import output_path
    from galint.importing.importer import import_bytes, import_path
    from galint.importing.writer import render

    run.files += 1
    if source == STDIN:
        imported = import_bytes(sys.stdin.buffer.read(), "<stdin>", "text")
    else:
        imported = import_path(source)
    if not imported.ok:
        run.failed += 1
        run.findings.extend(findings.of(imported, None, source))
        return
    rendered = render(imported)
    if output_dir is not None:
        target = output_path(output_dir, imported, set(map(os.path.normpath, run.written)))
    else:
        target = output or STDIN
    if not _write(target, rendered.text):
        run.failed += 1
        return
    run.written.append(target)
    run.items += imported.items
    run.unplaced += len(imported.unplaced)
    shown = "<stdout>" if target == STDIN else target
    run.findings.extend(findings.of(imported, rendered, shown))
    if target == STDIN:
        run.findings.extend(_schema_findings_of_text(rendered.text, shown))


def _write(target: str, text: str) -> bool:
    if target == STDIN:
        click.echo(text, nl=False)
        return True
    try:
        folder = os.path.dirname(target)
        if folder:
            os.makedirs(folder, exist_ok=True)
        with open(target, "w", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as error:
        click.echo(f"galint: {target}: not written: {error.strerror or error}", err=True)
        return False
    return True


def _finish(run: _Run, to_stdout: bool, strict: bool, check_after: bool) -> int:
    """Print the findings and the summary; the exit status."""
    from galint.output.findings.text import line

    files = [path for path in run.written if path != STDIN]
    found = run.findings + (_schema_findings(files) if files and not check_after else [])
    for finding in sorted(found, key=lambda f: f.sort_key):
        click.echo(line(finding), err=to_stdout)
    click.echo(_summary(run), err=to_stdout)
    status = EXIT_FOUND if run.failed or (strict and run.unplaced) else EXIT_OK
    if check_after and files:
        status = max(status, _check(files))
    return status


def _summary(run: _Run) -> str:
    def count(number: int, noun: str) -> str:
        return f"{number} {noun}{'' if number == 1 else 's'}"

    done = run.files - run.failed
    summary = (
        f"Imported {done} of {count(run.files, 'file')}: {count(run.items, 'item')}, "
        f"{count(run.unplaced, 'unplaced text')}."
    )
    return summary + (f" {run.failed} could not be imported." if run.failed else "")


def _schema_findings(paths: list[str]) -> list[Diagnostic]:
    """What the schema says of the reports written: each failure is a finding of the import."""
    from galint.pipeline.config import Config
    from galint.pipeline.run import Pipeline, Settings

    selection = options.selection(Config(), ("Y", "S"), ())
    pipeline = Pipeline(Settings(selection))
    results = pipeline.check(pipeline.discover(paths))
    return [finding for result in results for finding in result.findings]


def _schema_findings_of_text(text: str, shown: str) -> list[Diagnostic]:
    from dataclasses import replace

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "report.yaml")
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text)
        return [replace(f, file=shown) for f in _schema_findings([path])]


def _check(paths: list[str]) -> int:
    """``galint check`` on the reports written; its exit status."""
    from galint.cli.check import CheckOptions, run

    given = CheckOptions(
        paths=tuple(paths),
        output_format="text",
        output=None,
        statistics=False,
        fix=False,
        diff=False,
        unsafe_fixes=False,
        fail_on=None,
        exit_zero=False,
        reports_only=False,
        previous=None,
        require_previous=False,
        baseline_path=None,
        write_baseline=None,
        verbose=False,
        config_path=None,
        isolated=False,
        select=(),
        ignore=(),
    )
    return run(given)
