"""The protocol's messages and what answers each: documents opened, changed, saved and
closed; files changed on disk; hover, definition, completion, code actions and the one
command. Each handler only translates between the protocol and the modules that answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from galint.server import actions, completion, definition, hover, locate
from galint.server.configs import is_config
from galint.server.offers import offer_actions

if TYPE_CHECKING:
    from galint.server.server import GalintServer

Guard = Callable[[Callable[..., Any]], Callable[..., Any]]
TRIGGERS = [":", " ", '"', "'", "[", ",", "-", "."]
# Files whose change on disk may change findings: configurations, and reports.
WATCHED = ("**/.galint.yaml", "**/.galint.yml", "**/pyproject.toml", "**/*.yaml", "**/*.yml")


def register(server: GalintServer, guard: Guard) -> None:
    """Register every handler on ``server``, each wrapped by ``guard``."""
    _documents(server, guard)
    _language(server, guard)
    _actions(server, guard)


def _documents(server: GalintServer, guard: Guard) -> None:
    @server.feature(types.INITIALIZE)
    @guard
    def initialize(params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict):
            debounce = options.get("debounce")
            if isinstance(debounce, (int, float)) and not isinstance(debounce, bool):
                server.debounce = max(0.0, float(debounce) / 1000)
            if isinstance(options.get("rulesUrl"), str):
                from galint.server.lint import Links

                server.links = Links(options["rulesUrl"])

    @server.feature(types.INITIALIZED)
    @guard
    def initialized(params: types.InitializedParams) -> None:
        from galint.pipeline.engine import prepare_worker

        # What the first check would otherwise wait for: the rules, the timeframe patterns
        # and the stemmer.
        server.session.configs.rules()
        prepare_worker()
        if server.can("workspace", "did_change_watched_files", "dynamic_registration"):
            watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED]
            registration = types.Registration(
                id="galint-watched-files",
                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers),
            )
            server.client_register_capability(types.RegistrationParams([registration]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @guard
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        server.update(uri)
        server.publish_with_dependents(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @guard
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        server.update(uri)
        server.schedule(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    @guard
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = server.path_of(uri)
        server.session.sources.forget(path)
        if is_config(path):
            server.session.configs.clear()
            server.recheck_all()
        elif uri in server.session.buffers:
            server.publish_with_dependents(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @guard
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        server.cancel(uri)
        dependents = server.session.dependents(uri)
        server.session.close(uri)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )
        for other in dependents:  # their predecessor now comes from the disk
            server.publish(other)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guard
    def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        paths = [server.path_of(change.uri) for change in params.changes]
        if any(is_config(path) for path in paths):
            server.session.configs.clear()
            server.recheck_all()
            return
        for path in paths:
            server.session.sources.forget(path)
        for uri in server.session.following(set(paths)):
            server.publish(uri)

    @server.feature(types.SHUTDOWN)
    @guard
    def shutdown(params: None) -> None:
        for uri in list(server.timers):
            server.cancel(uri)


def _language(server: GalintServer, guard: Guard) -> None:
    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guard
    def on_hover(params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        checked = server.current(uri)
        report = checked.report if checked is not None else None
        if checked is None or report is None:
            return None
        positions = server.positions(checked.buffer.text)
        spot = locate.at(report.document, *positions.point(params.position))
        if spot is None:
            return None
        said = hover.hover(report, spot, lambda: server.session.successor_trace(uri))
        if said is None:
            return None
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=said),
            range=positions.range(spot.span),
        )

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    @guard
    def on_definition(params: types.DefinitionParams) -> types.Location | None:
        checked = server.current(params.text_document.uri)
        report = checked.report if checked is not None else None
        if checked is None or report is None:
            return None
        positions = server.positions(checked.buffer.text)
        spot = locate.at(report.document, *positions.point(params.position))
        target = definition.definition(report, spot) if spot is not None else None
        if target is None:
            return None
        if target.span is None:
            where = types.Range(types.Position(0, 0), types.Position(0, 0))
        else:
            where = server.positions(target.text).range(target.span)
        return types.Location(uri=server.uri_of(target.path), range=where)

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=TRIGGERS)
    )
    @guard
    def on_completion(params: types.CompletionParams) -> types.CompletionList | None:
        uri = params.text_document.uri
        checked = server.current(uri)
        if checked is None or checked.result is None:
            return None
        positions = server.positions(checked.buffer.text)
        line, column = positions.point(params.position)
        report = server.session.latest_report(uri)
        offers = completion.complete(positions.lines, line, column, report)
        items = [
            types.CompletionItem(
                label=offer.label,
                kind=(
                    types.CompletionItemKind.Reference
                    if offer.plan
                    else types.CompletionItemKind.Property
                ),
                detail=offer.detail or None,
                documentation=offer.documentation or None,
                sort_text=f"{n:04d}",
                filter_text=offer.insert.rstrip("\"': "),
                text_edit=types.TextEdit(
                    types.Range(
                        positions.position(line, column - offer.replace),
                        params.position,
                    ),
                    offer.insert,
                ),
            )
            for n, offer in enumerate(offers)
        ]
        return types.CompletionList(is_incomplete=False, items=items)


def _actions(server: GalintServer, guard: Guard) -> None:
    kinds: list[types.CodeActionKind | str] = [types.CodeActionKind.QuickFix, actions.FIX_ALL]

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=kinds)
    )
    @guard
    def on_code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        return offer_actions(server, params)

    @server.command(actions.SELECT_REASON)
    @guard
    def select_reason(uri: str, line: int, start: int, end: int) -> None:
        selection = types.Range(types.Position(line, start), types.Position(line, end))
        server.window_show_document(
            types.ShowDocumentParams(uri=uri, take_focus=True, selection=selection)
        )
