"""The server never dies on bad input: random edits to Montenegro's reports, each followed
by hovers, definitions, completions and code actions at random places. In-process, every
handler runs unguarded, so that a failure shows as one; over stdio, a burst of edits must
end with the diagnostics of the last text and a server that still answers."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from fuzz_strategies import ODD_CHARACTERS, YAML_TOKENS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types

from galint.server import features
from galint.server.server import GalintServer

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
FRAGMENTS = (
    *YAML_TOKENS,
    *ODD_CHARACTERS,
    "follows: ",
    "follows: ['1.1', ",
    "  - ",
    "# galint: ignore[",
    "timeframe: Q3 2014",
    "previous: ../2013.yaml",
    "\n",
    "    ",
)

edits = st.lists(
    st.tuples(st.floats(0, 1), st.integers(0, 40), st.sampled_from(FRAGMENTS)),
    min_size=1,
    max_size=6,
)
places = st.lists(st.tuples(st.integers(0, 140), st.integers(0, 120)), min_size=1, max_size=4)


def edited(text: str, changes: list[tuple[float, int, str]]) -> str:
    for where, deleted, inserted in changes:
        at = int(where * len(text))
        text = text[:at] + inserted + text[at + deleted :]
    return text


class Unguarded:
    """A server whose handlers raise what they raise, talking to nobody."""

    def __init__(self, folder: Path) -> None:
        self.server = server = GalintServer()
        features.register(server, lambda handler: handler)
        self.handlers = server.protocol.fm.features
        self.published: list[types.PublishDiagnosticsParams] = []
        self.texts: dict[str, tuple[str, int]] = {}
        server.debounce = 0  # checked at once, without an event loop
        server.text_document_publish_diagnostics = self.published.append  # type: ignore[method-assign]
        server.window_show_message = lambda params: None  # type: ignore[method-assign]
        server.window_log_message = lambda params: None  # type: ignore[method-assign]
        server.update = self.update  # type: ignore[method-assign]
        self.folder = folder

    def update(self, uri: str) -> None:
        text, version = self.texts[uri]
        self.server.session.update(uri, self.server.path_of(uri), text, version)

    def open(self, name: str, text: str) -> str:
        uri = (self.folder / name).as_uri()
        self.texts[uri] = (text, 1)
        item = types.TextDocumentItem(uri, "yaml", 1, text)
        self.handlers[types.TEXT_DOCUMENT_DID_OPEN](types.DidOpenTextDocumentParams(item))
        return uri

    def change(self, uri: str, text: str) -> None:
        version = self.texts[uri][1] + 1
        self.texts[uri] = (text, version)
        self.handlers[types.TEXT_DOCUMENT_DID_CHANGE](
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version, uri),
                [types.TextDocumentContentChangeWholeDocument(text)],
            )
        )
        last = [p for p in self.published if p.uri == uri][-1]
        assert last.version == version

    def ask(self, uri: str, line: int, character: int) -> None:
        document = types.TextDocumentIdentifier(uri)
        position = types.Position(line, character)
        self.handlers[types.TEXT_DOCUMENT_HOVER](types.HoverParams(document, position))
        self.handlers[types.TEXT_DOCUMENT_DEFINITION](types.DefinitionParams(document, position))
        self.handlers[types.TEXT_DOCUMENT_COMPLETION](types.CompletionParams(document, position))
        diagnostics = [p for p in self.published if p.uri == uri][-1].diagnostics
        where = types.Range(position, types.Position(line + 2, 0))
        self.handlers[types.TEXT_DOCUMENT_CODE_ACTION](
            types.CodeActionParams(
                document, where, types.CodeActionContext(diagnostics=list(diagnostics))
            )
        )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "montenegro"
    shutil.copytree(ROOT / "examples" / "montenegro", target)
    return target


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.sampled_from(["2013.yaml", "2014.yaml"]), edits, places, st.booleans())
def test_no_edit_and_no_request_makes_a_handler_fail(
    folder: Path,
    name: str,
    changes: list[tuple[float, int, str]],
    asked: list[tuple[int, int]],
    both_open: bool,
) -> None:
    editor = Unguarded(folder)
    original = (folder / name).read_text(encoding="utf-8")
    if both_open:
        other = "2014.yaml" if name == "2013.yaml" else "2013.yaml"
        editor.open(other, (folder / other).read_text(encoding="utf-8"))
    uri = editor.open(name, original)
    text = original
    for change in changes:
        text = edited(text, [change])
        editor.change(uri, text)
        for line, character in asked:
            editor.ask(uri, line, character)
    editor.handlers[types.TEXT_DOCUMENT_DID_CLOSE](
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
    )


@pytest.mark.asyncio
async def test_a_burst_of_random_edits_over_stdio_ends_checked(editor: Any) -> None:
    chance = random.Random(18)
    await editor.open("2013.yaml")
    await editor.open("2014.yaml")
    text = editor.texts["2014.yaml"]
    for _ in range(12):
        mark = editor.mark()
        for _ in range(15):  # typed faster than the server waits for
            where = chance.random()
            text = edited(text, [(where, chance.randint(0, 30), chance.choice(FRAGMENTS))])
            editor.type("2014.yaml", text)
        await editor.diagnostics("2014.yaml", mark)  # of the last text typed
        line = chance.randint(0, text.count("\n"))
        await editor.client.text_document_hover_async(
            types.HoverParams(editor.document("2014.yaml"), types.Position(line, 4))
        )
    # Still alive, and checking: the original text back gives the original findings.
    original = (editor.folder / "2014.yaml").read_text(encoding="utf-8")
    found = await editor.change("2014.yaml", original)
    assert "C003" in {str(d.code) for d in found}
    assert editor.client.error is None
