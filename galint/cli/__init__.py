"""The command line: click commands that turn options into the pipeline's settings and pick a
formatter. Each command imports only what it needs: ``galint check`` runs on every commit,
so its start-up time is part of the product.

May import: everything in galint; nothing imports it.
"""

from __future__ import annotations

import importlib
import sys

import click

from galint import __version__
from galint.cli.options import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE

__all__ = ["cli", "entry_point", "main"]


class _Run:
    """What the group's options say about the whole run."""

    debug = False


# Each command and where it is defined: a command's module (and what it imports) is loaded
# only when that command runs or help lists it, so that `galint check` loads none of the others.
COMMANDS = {
    "check": "galint.cli.check:check",
    "report": "galint.cli.report:report",
    "rules": "galint.cli.info:rules",
    "explain": "galint.cli.info:explain",
    "schema": "galint.cli.info:schema",
    "trace": "galint.cli.follow_up:trace_command",
    "new": "galint.cli.follow_up:new",
    "timeframe": "galint.cli.info:timeframe",
    "import": "galint.cli.import_:import_command",
    "server": "galint.cli.server:server",
}


class _Commands(click.Group):
    """A group that imports a command when it is asked for (click's "lazily loading
    subcommands")."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, _, name = COMMANDS[cmd_name].partition(":")
        command: click.Command = getattr(importlib.import_module(module), name)
        return command


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="galint")
@click.option(
    "--debug",
    is_flag=True,
    envvar="GALINT_DEBUG",
    help="On an internal error, print the traceback (or set GALINT_DEBUG=1).",
)
@click.pass_context
def cli(context: click.Context, debug: bool) -> None:
    """galint checks Global Alliance against Child Sexual Abuse Online country reports."""
    context.ensure_object(_Run).debug = debug


def main() -> None:
    """Run the command line; ends with SystemExit and galint's exit status."""
    import gc

    # A run allocates many small objects (positions, report models, findings) that reference
    # counting frees: checking makes no reference cycles (tests/test_engine.py holds it to
    # that), so the collector, which looks for them, only needs to run when a million more
    # objects are alive than at its last run. Every 700, the default, costs a tenth of a bulk
    # run; every 20,000, 3%.
    gc.set_threshold(1_000_000, 10, 10)
    run = _Run()
    try:
        cli.main(standalone_mode=False, obj=run)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(EXIT_INTERNAL)
    except SystemExit:
        raise
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except Exception as error:
        import traceback

        click.echo(f"galint: internal error: {type(error).__name__}: {error}", err=True)
        click.echo("Please report this with the command and the file that caused it.", err=True)
        if run.debug:
            traceback.print_exc()
        sys.exit(EXIT_INTERNAL)


def entry_point() -> None:
    """The ``galint`` command (and ``python -m galint``): main(), then the output flushed
    while a failure to write it can still be said and change the exit status."""
    try:
        main()
        status: object = EXIT_OK
    except SystemExit as done:
        status = done.code
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader is gone (galint check | head): what is left goes nowhere, quietly, as
        # the Python documentation advises, instead of a second error at exit.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError) as error:
        click.echo(f"galint: cannot write the output: {error}", err=True)
        status = EXIT_INTERNAL
    sys.exit(status)
