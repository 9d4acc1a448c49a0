"""The language server: pygls speaks the protocol, the session checks, each feature's module
answers. Checks run on the server's one event loop: on open and save at once, on change
after a short pause in typing (``debounce``), from the editor's unsaved text.

Nothing a client sends can stop the server: every handler that fails logs why to the
client and answers nothing, and the check itself turns any failure into a diagnostic.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import traceback
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import quote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from galint import __version__
from galint.server import features
from galint.server.lint import Links, to_lsp_all
from galint.server.positions import UTF16, Positions
from galint.server.session import Checked, Session

# Seconds of quiet after a change before the text is checked: long enough to let a burst
# of keystrokes pass, short enough that the findings follow the typing.
DEBOUNCE = 0.05

F = TypeVar("F", bound=Callable[..., Any])
logger = logging.getLogger("galint.server")


class GalintServer(LanguageServer):
    """The server, its session, and the checks waiting for a pause in typing."""

    def __init__(self) -> None:
        super().__init__(
            "galint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
        )
        self.session = Session()
        self.links = Links()
        self.debounce = DEBOUNCE
        self.timers: dict[str, asyncio.TimerHandle] = {}

    # What the client can do, from its capabilities.

    def encoding(self) -> str:
        """The code units positions count in, as agreed on at initialization."""
        try:
            chosen = self.workspace.position_encoding
        except RuntimeError:  # not initialized: the protocol's default
            return UTF16
        return str(getattr(chosen, "value", chosen) or UTF16)

    def positions(self, text: str) -> Positions:
        return Positions(text, self.encoding())

    def can(self, *names: str) -> bool:
        """Whether the client's capabilities say yes along ``names``."""
        found: Any = getattr(self.protocol, "client_capabilities", None)  # once initialized
        for name in names:
            found = getattr(found, name, None)
        return bool(found)

    # Documents, and their checks.

    def path_of(self, uri: str) -> str:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        return path or os.path.join(os.getcwd(), quote(uri, safe=""))

    def update(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        self.session.update(uri, self.path_of(uri), document.source, document.version)

    def publish(self, uri: str) -> Checked | None:
        """Check ``uri`` now and send its diagnostics."""
        self.cancel(uri)
        checked = self.session.check(uri)
        if checked is None:
            return None
        self.say_problems()  # why the configuration does not apply, before what it makes
        findings = checked.result.findings if checked.result is not None else []
        diagnostics = to_lsp_all(findings, self.positions(checked.buffer.text), self.links)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, diagnostics=diagnostics, version=checked.buffer.version
            )
        )
        return checked

    def publish_with_dependents(self, uri: str) -> None:
        """Check ``uri``, then the open reports that follow it up."""
        self.publish(uri)
        for other in self.session.dependents(uri):
            self.publish(other)

    def schedule(self, uri: str) -> None:
        """Check ``uri`` when typing pauses."""
        self.cancel(uri)
        if self.debounce <= 0:
            self.publish_with_dependents(uri)
            return
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(self.debounce, self.publish_with_dependents, uri)

    def cancel(self, uri: str) -> None:
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()

    def current(self, uri: str) -> Checked | None:
        """The check of ``uri``'s text as it stands now (a waiting check is run now)."""
        if uri in self.timers:
            self.publish_with_dependents(uri)
        checked = self.session.checked.get(uri)
        buffer = self.session.buffers.get(uri)
        if checked is not None and buffer is not None and checked.buffer != buffer:
            checked = self.publish(uri)
        return checked

    def recheck_all(self) -> None:
        for uri in self.session.reports():
            self.publish(uri)

    def say_problems(self) -> None:
        problems = self.session.configs.problems
        while problems:
            self.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=problems.pop(0))
            )

    def log(self, message: str) -> None:
        self.window_log_message(types.LogMessageParams(type=types.MessageType.Log, message=message))

    def uri_of(self, path: str) -> str:
        return from_fs_path(os.path.abspath(path)) or path


def guarded(server: GalintServer, handler: F) -> F:
    """``handler``, which logs its failure to the client and answers nothing, never raising."""

    @functools.wraps(handler)
    def run(*args: Any) -> Any:
        try:
            return handler(*args)
        except Exception:
            message = f"galint: {handler.__name__} failed:\n{traceback.format_exc()}"
            logger.error(message)
            with contextlib.suppress(Exception):  # the client is gone: nothing to tell
                server.log(message)
            return None

    return run  # type: ignore[return-value]


def build() -> GalintServer:
    """A server with every feature registered."""
    server = GalintServer()
    features.register(server, lambda handler: guarded(server, handler))
    return server


def serve() -> None:
    """Run the server over standard input and output until the client ends it."""
    import gc

    # A long-lived process: the collector runs as often as Python's default says, rather
    # than as rarely as a one-off check can afford (galint.cli.main).
    gc.set_threshold(700, 10, 10)
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    import sys

    build().start_io()
    # pygls closes the standard output when the client says exit: what galint's command
    # line flushes at its end is now nothing.
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the process's end)
