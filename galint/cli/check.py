"""``galint check``: the options, then the pipeline, then a formatter."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, NamedTuple

import click

from galint.cli import options
from galint.cli.options import EXIT_FOUND, EXIT_OK
from galint.output.findings import FORMATS as FINDINGS_FORMATS

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import ModuleType

    from galint.pipeline.config import Config
    from galint.pipeline.engine import FileResult
    from galint.pipeline.run import Pipeline, Settings


class CheckOptions(NamedTuple):
    """The options of ``galint check``, as the command line gave them."""

    paths: tuple[str, ...]
    output_format: str
    output: str | None
    statistics: bool
    fix: bool
    diff: bool
    unsafe_fixes: bool
    fail_on: str | None
    exit_zero: bool
    reports_only: bool
    previous: str | None
    require_previous: bool
    baseline_path: str | None
    write_baseline: str | None
    verbose: bool
    config_path: str | None
    isolated: bool
    select: tuple[str, ...]
    ignore: tuple[str, ...]

    @property
    def fixing(self) -> bool:
        return self.fix or self.diff

    @property
    def keep_models(self) -> bool:
        """Fixes and baselines need each file's report model, which stays in this process."""
        return self.fixing or bool(self.baseline_path or self.write_baseline)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FINDINGS_FORMATS),
    default="text",
    show_default=True,
    help="How findings are printed: text, json, SARIF 2.1.0, JUnit XML, GitHub Actions "
    "workflow commands, or GitLab Code Quality JSON.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the findings to this file instead of standard output.",
)
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead.")
@click.option(
    "--fix",
    is_flag=True,
    help="Apply the safe fixes (ids for plans, timeframe fields read from the text), "
    "then report what remains.",
)
@click.option(
    "--diff", is_flag=True, help="Show the fixes as a diff instead of writing them (exit 1 if any)."
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff, also write the follows links galint found by comparing texts.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["info", "warning", "error"]),
    default=None,
    help="The lowest severity that makes galint exit 1.  [default: warning]",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems are found.")
@click.option(
    "--reports-only",
    is_flag=True,
    help="Skip named files that do not declare the form key, as in directories "
    "(for pre-commit, which passes every YAML file).",
)
@click.option(
    "--previous",
    type=click.Path(dir_okay=False),
    help="The previous report that the checked reports follow up (overrides their "
    "'previous' key and the pairing by country).",
)
@click.option(
    "--require-previous",
    is_flag=True,
    help="Report a progress report whose previous report cannot be found.",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    help="Hide the findings recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    help="Record the current findings in this baseline file (and exit 0).",
)
@click.option(
    "-v", "--verbose", is_flag=True, help="Also show suppressed findings, with their reasons."
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="The configuration file (default: the nearest .galint.yaml or pyproject.toml "
    "with [tool.galint] above the first path).",
)
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option(
    "--select",
    multiple=True,
    metavar="RULE",
    help="Only these rules (code, code prefix or slug; repeat or separate with commas).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULE",
    help="Not these rules (code, code prefix or slug; repeat or separate with commas).",
)
def check(**given: object) -> None:
    """Check report files, and reports found under directories (default: .).

    Exit status: 0 when nothing at or above --fail-on was found, 1 when something was,
    2 for a usage error, 3 when galint itself failed.
    """
    sys.exit(run(CheckOptions(**given)))  # type: ignore[arg-type]


def run(given: CheckOptions) -> int:
    """Run a check as ``given`` asks; the exit status."""
    from galint.pipeline.run import Pipeline

    config = options.config(given.config_path, given.isolated, given.paths)
    pipeline = Pipeline(_settings(given, config))
    found = pipeline.discover(given.paths or ["."])
    results = pipeline.check(found, keep_models=given.keep_models)
    if given.fixing:
        changed = _fix(pipeline, results, given)
        if given.diff:
            return EXIT_FOUND if changed else EXIT_OK
        if changed:
            results = pipeline.check(found, keep_models=given.keep_models)
    if given.write_baseline:
        with _baseline_errors() as baseline:
            count = baseline.write(given.write_baseline, results)
        click.echo(f"Recorded {count} findings in {given.write_baseline}.")
        return EXIT_OK
    hidden = 0
    if given.baseline_path:
        with _baseline_errors() as baseline:
            hidden = baseline.hide(given.baseline_path, results)
    return _report(results, hidden, given, given.fail_on or config.fail_on or "warning")


def _settings(given: CheckOptions, config: Config) -> Settings:
    from galint.pipeline.run import Settings

    return Settings(
        options.selection(config, given.select, given.ignore, given.fixing),
        previous=given.previous,
        require_previous=given.require_previous,
        jobs=None,
        named_are_reports=not given.reports_only,
    )


@contextmanager
def _baseline_errors() -> Iterator[ModuleType]:
    """The baseline module, for a block in which a baseline that cannot be read or written
    is a usage error."""
    from galint.pipeline import baseline

    try:
        yield baseline
    except baseline.BaselineError as error:
        raise click.UsageError(str(error)) from error


def _report(results: list[FileResult], hidden: int, given: CheckOptions, fail_on: str) -> int:
    """Print the findings as asked; the exit status they make."""
    from galint.core.diagnostic import severity_rank
    from galint.output.findings import Summary, render

    findings = [finding for result in results for finding in result.findings]
    suppressed = [item for result in results for item in result.suppressed]
    summary = Summary(
        len(results), findings, suppressed, hidden, given.verbose, [r.path for r in results]
    )
    name = "statistics" if given.statistics else given.output_format
    options.write(render(name, summary, options.rules(), options.ci_root(), fail_on), given.output)
    threshold = severity_rank(fail_on)
    failed = any(severity_rank(f.severity) >= threshold for f in findings)
    return EXIT_FOUND if failed and not given.exit_zero else EXIT_OK


def _fix(pipeline: Pipeline, results: list[FileResult], given: CheckOptions) -> int:
    """Fix every report that parsed, or with --diff show the fixes; the files changed."""
    from galint.fix import unified_diff, write_atomic

    changed = fixes = 0
    for outcome in pipeline.fix(results, unsafe=given.unsafe_fixes):
        if outcome.refused:
            click.echo(f"galint: {outcome.path}: not fixed: {outcome.refused}", err=True)
        if not outcome.changed:
            continue
        changed += 1
        fixes += len(outcome.applied)
        if given.diff:
            click.echo(unified_diff(outcome.path, outcome.before, outcome.after), nl=False)
            continue
        try:
            write_atomic(outcome.path, outcome.after)
        except OSError as error:
            click.echo(f"galint: {outcome.path}: not written: {error}", err=True)
    verb = "Would apply" if given.diff else "Applied"
    files = f"{changed} file{'s' if changed != 1 else ''}"
    click.echo(f"{verb} {fixes} fix{'es' if fixes != 1 else ''} to {files}.", err=True)
    return changed
