"""The commands on a report and its predecessor: trace, and new (the next report's
skeleton)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from galint.form.model import Report


@click.command("trace")
@click.argument("previous", type=click.Path(dir_okay=False))
@click.argument("current", type=click.Path(dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def trace_command(previous: str, current: str, output_format: str) -> None:
    """The traceability matrix: each plan of PREVIOUS and where CURRENT follows it up."""
    import json

    from galint.analysis.trace import render_text, to_json
    from galint.pipeline.run import ReportError, trace_pair

    try:
        result = trace_pair(previous, current)
    except ReportError as error:
        raise click.UsageError(str(error)) from error
    if output_format == "json":
        click.echo(json.dumps(to_json(result), indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(result), nl=False)


@click.command()
@click.option(
    "--from",
    "previous",
    required=True,
    type=click.Path(dir_okay=False),
    help="The previous report, whose plans the new one must follow up.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="The new report's path.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def new(previous: str, output: str | None, force: bool) -> None:
    """Write the skeleton of the next report: every target, goal and section of the form, and
    in each section A one stub per previous plan, linked to it by `follows`."""
    import os

    from galint.form.spec import SCHEMA_FILE
    from galint.output.skeleton import skeleton

    old = _report(previous)
    where = os.path.dirname(os.path.abspath(output)) if output else os.getcwd()
    relative = os.path.relpath(os.path.abspath(previous), where).replace(os.sep, "/")
    schema = os.path.relpath(SCHEMA_FILE, where).replace(os.sep, "/")
    try:
        text = skeleton(old, relative, schema)
    except ValueError as error:
        raise click.UsageError(str(error)) from error
    if output is None:
        click.echo(text, nl=False)
        return
    if os.path.exists(output) and not force:
        raise click.UsageError(f"{output} exists; use --force to overwrite it")
    from galint.fix import write_atomic

    write_atomic(output, text)
    click.echo(f"Wrote {output}: fill in each stub, then run 'galint check {output}'.", err=True)


def _report(path: str) -> Report:
    """A report that must parse, for commands that work on one; else a usage error."""
    from galint.pipeline.run import ReportError, load_report

    try:
        return load_report(path)
    except ReportError as error:
        raise click.UsageError(str(error)) from error
