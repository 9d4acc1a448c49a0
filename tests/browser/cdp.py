"""Headless Chromium driven over the Chrome DevTools Protocol, with the standard library only.

Chromium is started with ``--remote-debugging-pipe``: it reads commands from its file
descriptor 3 and writes replies and events to its descriptor 4, as JSON messages ended by a
NUL byte. A pipe needs no port, no websocket and no polling for a port file. Every wait has a
deadline, and the browser runs in its own session, so closing kills its whole process group
even when it hangs.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Message = dict[str, Any]

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-pipe",
)


class BrowserError(RuntimeError):
    """The browser failed, answered with an error, or did not answer in time."""


class Chromium:
    """One headless Chromium process and one page (tab) attached in flat session mode."""

    def __init__(self, executable: str, workdir: Path, deadline: float) -> None:
        """Start the browser; ``deadline`` (time.monotonic()) bounds every wait."""
        self.deadline = deadline
        self.log = workdir / "chromium.log"
        self.events: list[Message] = []
        self._next_id = 0
        self._buffer = b""
        profile = workdir / "profile"
        profile.mkdir(parents=True, exist_ok=True)
        commands_r, self._commands = os.pipe()
        self._replies, replies_w = os.pipe()
        # The child's ends go above 10 first, so that placing them on 3 and 4 cannot
        # overwrite one with the other.
        child_r = fcntl.fcntl(commands_r, fcntl.F_DUPFD_CLOEXEC, 10)
        child_w = fcntl.fcntl(replies_w, fcntl.F_DUPFD_CLOEXEC, 10)
        for fd in (commands_r, replies_w):
            os.close(fd)
        argv = [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"]
        try:
            # posix_spawn rather than Popen: its dup2 actions place the pipes on 3 and 4
            # without a preexec_fn, and setsid gives the browser a process group of its own.
            self.pid = os.posix_spawn(
                executable,
                argv,
                os.environ,
                file_actions=[
                    (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                    (os.POSIX_SPAWN_OPEN, 1, str(self.log), os.O_WRONLY | os.O_CREAT, 0o644),
                    (os.POSIX_SPAWN_DUP2, 1, 2),
                    (os.POSIX_SPAWN_DUP2, child_r, 3),
                    (os.POSIX_SPAWN_DUP2, child_w, 4),
                ],
                setsid=True,
            )
        except OSError:
            for fd in (self._commands, self._replies):
                os.close(fd)
            raise
        finally:
            os.close(child_r)
            os.close(child_w)
        self.session = ""
        try:
            target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            attached = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
            self.session = attached["sessionId"]
        except BaseException:
            self.close()
            raise

    # --- the protocol ---------------------------------------------------------------------

    def send(self, method: str, params: Message | None = None, timeout: float = 20) -> Message:
        """Send a command (to the page once attached) and return its result."""
        until = self._until(timeout)
        sent = self._post(method, params, until)
        reply = self._receive(lambda m: m.get("id") == sent, until, method)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def _post(self, method: str, params: Message | None, until: float) -> int:
        """Write a command without waiting for its reply; its id."""
        self._next_id += 1
        message: Message = {"id": self._next_id, "method": method, "params": params or {}}
        if self.session:
            message["sessionId"] = self.session
        data = json.dumps(message).encode() + b"\0"
        while data:
            _, writable, _ = select.select([], [self._commands], [], self._left(until, method))
            if not writable:
                raise BrowserError(f"{method}: the browser does not read its commands")
            data = data[os.write(self._commands, data) :]
        return self._next_id

    def wait_for(self, method: str, since: int = 0, timeout: float = 20) -> Message:
        """The first event called ``method`` from ``self.events[since:]`` on, waiting for it
        if it has not come yet."""
        for event in self.events[since:]:
            if event.get("method") == method:
                return event
        return self._receive(lambda m: m.get("method") == method, self._until(timeout), method)

    def _until(self, timeout: float) -> float:
        return min(time.monotonic() + timeout, self.deadline)

    def _left(self, until: float, what: str) -> float:
        left = until - time.monotonic()
        if left <= 0:
            raise BrowserError(f"{what}: no answer in time (see {self.log})")
        return left

    def _receive(self, wanted: Callable[[Message], bool], until: float, what: str) -> Message:
        """Read messages, keeping events, until one is ``wanted``."""
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "method" in message:
                    self.events.append(message)
                if message.get("method") == "Page.javascriptDialogOpening":
                    # A dialog blocks the page: dismiss it (problems() reports it) and go on.
                    self._post("Page.handleJavaScriptDialog", {"accept": False}, until)
                if wanted(message):
                    return message
            readable, _, _ = select.select([self._replies], [], [], self._left(until, what))
            if readable:
                chunk = os.read(self._replies, 1 << 20)
                if not chunk:
                    raise BrowserError(f"{what}: the browser exited (see {self.log})")
                self._buffer += chunk

    # --- the page -------------------------------------------------------------------------

    def open(self, url: str, width: int = 1280, height: int = 900) -> None:
        """Load ``url`` at a given viewport size and wait for its load event."""
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.viewport(width, height)
        self.events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired", since=0)

    def viewport(self, width: int, height: int) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (JSON-able values only)."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression!r} threw: {result['exceptionDetails']}")
        return result["result"].get("value")

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions, error log entries and dialogs seen so far."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(f"exception: {params['exceptionDetails']}")
            elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
                found.append(f"console.{params['type']}: {params['args']}")
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(f"log: {params['entry']['text']}")
            elif method == "Page.javascriptDialogOpening":
                found.append(f"dialog: {params['message']}")
        return found

    def requests(self) -> list[str]:
        """The URLs of every request the page made."""
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e.get("method") == "Network.requestWillBeSent"
        ]

    def screenshot(self, path: Path, selector: str | None = None) -> None:
        """A PNG of the whole page, or of the first element matching ``selector``."""
        if selector is None:
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"]}
        else:
            clip = self.evaluate(
                f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
                ".getBoundingClientRect(); return {x: r.left + scrollX, y: r.top + scrollY,"
                " width: r.width, height: r.height}; })()"
            )
        clip["scale"] = 1
        shot = self.send(
            "Page.captureScreenshot",
            {"format": "png", "captureBeyondViewport": True, "clip": clip},
            timeout=30,
        )
        path.write_bytes(base64.b64decode(shot["data"]))

    def pdf(self, path: Path) -> None:
        """The page printed to A4 with its print stylesheet."""
        printed = self.send(
            "Page.printToPDF",
            {"paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True},
            timeout=30,
        )
        path.write_bytes(base64.b64decode(printed["data"]))

    # --- the end --------------------------------------------------------------------------

    def close(self) -> None:
        """Ask the browser to quit, then kill its process group whatever it did."""
        try:
            if self.session:
                self.session = ""
                self.send("Browser.close", timeout=3)
        except (BrowserError, OSError):
            pass
        finally:
            self._kill()

    def _kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)
        end = time.monotonic() + 10
        while time.monotonic() < end:
            try:
                if os.waitpid(self.pid, os.WNOHANG)[0]:
                    break
            except ChildProcessError:
                break
            time.sleep(0.05)
        for fd in (self._commands, self._replies):
            with contextlib.suppress(OSError):
                os.close(fd)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
