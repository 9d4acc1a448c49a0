"""``galint report``: the secretariat's summary of every country's reports."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

from galint.cli import options
from galint.output.summary import FORMATS as REPORT_FORMATS


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(REPORT_FORMATS),
    default="text",
    show_default=True,
    help="A terminal table, CSV (one row per country and policy target), JSON, or one "
    "self-contained HTML page.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="The secretariat's configuration file; files found among the submissions are never read.",
)
@click.option("--select", multiple=True, metavar="RULE", help="Only these rules.")
@click.option("--ignore", multiple=True, metavar="RULE", help="Not these rules.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: every core)."
)
def report(
    paths: tuple[str, ...],
    output_format: str,
    output: str | None,
    config_path: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    jobs: int | None,
) -> None:
    """Check every country's reports under PATHS and summarise them, per country and per
    policy target: sections filled, plans followed up, timeframes given, findings."""
    import itertools
    import os

    from galint.output import summary
    from galint.output.summary.stats import summarise
    from galint.pipeline.run import Pipeline, Settings

    config = options.config(config_path, True, paths)
    pipeline = Pipeline(Settings(options.selection(config, select, ignore), jobs=jobs))
    found = pipeline.discover(paths)
    roots = [p if os.path.isdir(p) else os.path.dirname(os.path.abspath(p)) for p in paths]
    with _progress(len(found)) as advance:
        countries = pipeline.countries(found, summarise, roots, advance)
        chunks = summary.render(output_format, countries)
        # Each kind of output gives its first piece once the run is over: the progress bar is
        # done before anything is written, and --output is not touched if the run fails.
        first = next(chunks, "")
    options.write(itertools.chain([first], chunks), output)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on a terminal's stderr for a long run; nothing otherwise."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=total, label="Checking", file=sys.stderr) as bar:
        yield bar.update


PROGRESS_FROM = 200
