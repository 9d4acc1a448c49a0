"""An editor for the language server's tests: pytest-lsp starts ``galint server`` as an
editor would (``python -m galint server``, over stdio) and ``Editor`` types into it."""

from __future__ import annotations

import asyncio
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Union

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = Path(__file__).resolve().parents[2]
MONTENEGRO = ROOT / "examples" / "montenegro"
# How long to wait for an answer that a working server gives in a fraction of a second.
PATIENCE = 60


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Montenegro's two reports, in a folder of their own."""
    target = tmp_path / "montenegro"
    target.mkdir()
    for name in ("2013.yaml", "2014.yaml"):
        shutil.copy(MONTENEGRO / name, target / name)
    return target


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "galint", "server"])
)
async def client(lsp_client: LanguageClient, folder: Path):
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: types.RegistrationParams) -> None:
        """As an editor does: the server asks to be told of changed files."""
        lsp_client.registrations = [*getattr(lsp_client, "registrations", []), params]

    params = types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=folder.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="montenegro")],
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def editor(client: LanguageClient, folder: Path) -> Editor:
    return Editor(client, folder)


def position_of(text: str, needle: str, offset: int = 0) -> types.Position:
    """Where ``offset`` characters into the first ``needle`` of ``text`` stands."""
    index = text.index(needle) + offset
    before = text[:index]
    line = before.count("\n")
    column = before[before.rfind("\n") + 1 :]
    return types.Position(line, len(column.encode("utf-16-le")) // 2)


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """``text`` with LSP text edits made (UTF-16 positions, as the client asked)."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        start = sum(len(line) + 1 for line in lines[: position.line])
        if position.line >= len(lines):
            return len(text)
        units = lines[position.line].encode("utf-16-le")[: position.character * 2]
        return start + len(units.decode("utf-16-le"))

    spans = sorted((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits)
    for start, end, new in reversed(spans):
        text = text[:start] + new + text[end:]
    return text


class Editor:
    """Opens and types into reports, and waits for what the server says back."""

    def __init__(self, client: LanguageClient, folder: Path) -> None:
        self.client = client
        self.folder = folder
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}
        self.published: list[types.PublishDiagnosticsParams] = []
        self.last = 0
        features = client.protocol.fm.features
        record_next = features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

        def record(params: types.PublishDiagnosticsParams) -> Any:
            self.published.append(params)
            return record_next(params)

        features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
        # lsprotocol reads any answer with a "command" as a Command, though a CodeAction
        # may carry a command (an object) besides its edit, as the server's do; editors
        # tell them apart by the type of "command", as this does.
        converter = client.protocol._converter

        def command_or_action(data: Any, _: type) -> types.Command | types.CodeAction:
            if isinstance(data.get("command"), str):
                return converter.structure(data, types.Command)
            return converter.structure(data, types.CodeAction)

        converter.register_structure_hook(
            Union[types.Command, types.CodeAction],  # noqa: UP007 (the type lsprotocol names)
            command_or_action,
        )

    def uri(self, name: str) -> str:
        return (self.folder / name).as_uri()

    def mark(self) -> int:
        return len(self.published)

    async def published_after(self, name: str, mark: int) -> types.PublishDiagnosticsParams:
        """The first diagnostics of ``name`` published after ``mark``."""
        uri = self.uri(name)
        for _ in range(PATIENCE * 100):
            for params in self.published[mark:]:
                if params.uri == uri:
                    return params
            await asyncio.sleep(0.01)
        raise AssertionError(f"no diagnostics were published for {name}")

    async def until(
        self, name: str, mark: int, wanted: Callable[[list[types.Diagnostic]], bool]
    ) -> list[types.Diagnostic]:
        """The first diagnostics of ``name`` published after ``mark`` that are ``wanted``."""
        uri = self.uri(name)
        for _ in range(PATIENCE * 100):
            for params in self.published[mark:]:
                if params.uri == uri and wanted(list(params.diagnostics)):
                    return list(params.diagnostics)
            await asyncio.sleep(0.01)
        raise AssertionError(f"no such diagnostics were published for {name}")

    async def diagnostics(self, name: str, mark: int) -> list[types.Diagnostic]:
        """The diagnostics of ``name``'s current version, published after ``mark``."""
        uri = self.uri(name)
        for _ in range(PATIENCE * 100):
            for index in range(mark, len(self.published)):
                params = self.published[index]
                if params.uri == uri and params.version == self.versions[name]:
                    self.last = index + 1  # what the server publishes next comes after
                    return list(params.diagnostics)
            await asyncio.sleep(0.01)
        raise AssertionError(f"no diagnostics were published for {name}")

    async def open(self, name: str, text: str | None = None) -> list[types.Diagnostic]:
        if text is None:
            text = (self.folder / name).read_text(encoding="utf-8")
        mark = self.mark()
        self.texts[name], self.versions[name] = text, 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(self.uri(name), "yaml", 1, text))
        )
        return await self.diagnostics(name, mark)

    def type(self, name: str, text: str) -> None:
        """Replace the whole text of ``name``, unsaved, without waiting."""
        self.texts[name] = text
        self.versions[name] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(self.versions[name], self.uri(name)),
                [types.TextDocumentContentChangeWholeDocument(text)],
            )
        )

    async def change(self, name: str, text: str) -> list[types.Diagnostic]:
        mark = self.mark()
        self.type(name, text)
        return await self.diagnostics(name, mark)

    async def replace(self, name: str, old: str, new: str) -> list[types.Diagnostic]:
        assert old in self.texts[name]
        return await self.change(name, self.texts[name].replace(old, new, 1))

    def close(self, name: str) -> None:
        self.client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(self.uri(name)))
        )

    def at(self, name: str, needle: str, offset: int = 0) -> types.Position:
        return position_of(self.texts[name], needle, offset)

    def document(self, name: str) -> types.TextDocumentIdentifier:
        return types.TextDocumentIdentifier(self.uri(name))

    async def hover(self, name: str, needle: str, offset: int = 0) -> str | None:
        found = await self.client.text_document_hover_async(
            types.HoverParams(self.document(name), self.at(name, needle, offset))
        )
        if found is None:
            return None
        assert isinstance(found.contents, types.MarkupContent)
        return found.contents.value

    async def definition(self, name: str, needle: str, offset: int = 0) -> Any:
        return await self.client.text_document_definition_async(
            types.DefinitionParams(self.document(name), self.at(name, needle, offset))
        )

    async def completion(self, name: str, position: types.Position) -> list[types.CompletionItem]:
        found = await self.client.text_document_completion_async(
            types.CompletionParams(self.document(name), position)
        )
        if found is None:
            return []
        return list(found.items if isinstance(found, types.CompletionList) else found)

    async def code_actions(
        self,
        name: str,
        where: types.Range,
        diagnostics: list[types.Diagnostic] | None = None,
        only: list[str] | None = None,
    ) -> list[types.CodeAction]:
        found = await self.client.text_document_code_action_async(
            types.CodeActionParams(
                self.document(name),
                where,
                types.CodeActionContext(diagnostics=diagnostics or [], only=only),
            )
        )
        return [action for action in found or [] if isinstance(action, types.CodeAction)]

    def applied(self, name: str, edit: types.WorkspaceEdit) -> str:
        """The text of ``name`` with the edit a code action carries made."""
        edits: list[types.TextEdit] = []
        for change in edit.document_changes or []:
            assert isinstance(change, types.TextDocumentEdit)
            assert change.text_document.uri == self.uri(name)
            assert change.text_document.version == self.versions[name]
            edits += [e for e in change.edits if isinstance(e, types.TextEdit)]
        for uri, more in (edit.changes or {}).items():
            assert uri == self.uri(name)
            edits += list(more)
        return apply_edits(self.texts[name], edits)
