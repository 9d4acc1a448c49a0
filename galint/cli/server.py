"""``galint server``: the language server, for editors."""

from __future__ import annotations

import importlib.util

import click


@click.command("server")
@click.option(
    "--stdio",
    is_flag=True,
    help="Speak over standard input and output (what the server always does; editors may pass it).",
)
def server(stdio: bool) -> None:
    """Run the language server over standard input and output, for editors.

    Findings show as the report is typed, with hovers, go to definition, completion and
    quick fixes. See the README for the set-up of VS Code, Neovim, Helix and Zed.
    """
    if importlib.util.find_spec("pygls") is None:
        raise click.UsageError(
            "galint server needs pygls; install galint with it: pip install 'galint[server]'"
        )
    from galint.server.server import serve

    serve()
