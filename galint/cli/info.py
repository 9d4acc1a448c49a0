"""The commands that explain galint itself: rules, explain, schema, timeframe."""

from __future__ import annotations

import click

from galint.cli import options


@click.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def rules(output_format: str) -> None:
    """List every rule: code, slug, default severity and summary."""
    import json

    all_rules = options.rules()
    if output_format == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "code": r.code,
                        "rule": r.slug,
                        "severity": r.severity,
                        "summary": r.summary,
                        "explanation": r.explanation,
                    }
                    for r in all_rules
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    width = max(len(r.slug) for r in all_rules)
    for r in all_rules:
        click.echo(f"{r.code}  {r.slug:<{width}}  {r.severity:<7}  {r.summary}")


@click.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Explain a rule, with a failing and a passing example."""
    import difflib

    from galint.rules import find

    found = find(rule, options.rules())
    if found is None:
        names = [name for r in options.rules() for name in (r.code, r.slug)]
        close = difflib.get_close_matches(rule, names, n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise click.UsageError(f"no rule is named '{rule}'.{hint} See 'galint rules'.")
    click.echo(f"{found.code} [{found.slug}] ({found.severity})\n")
    click.echo(f"{found.summary}\n")
    click.echo(found.explanation.rstrip())


@click.command()
@click.option("--path", "show_path", is_flag=True, help="Print the schema's path instead.")
def schema(show_path: bool) -> None:
    """Print galint's JSON Schema for reports (draft-07)."""
    from galint.form.spec import SCHEMA_FILE

    if show_path:
        click.echo(str(SCHEMA_FILE))
    else:
        click.echo(SCHEMA_FILE.read_text(encoding="utf-8"), nl=False)


@click.command()
@click.argument("texts", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
def timeframe(texts: tuple[str, ...], output_format: str) -> None:
    """Show how galint reads the timeframe in each TEXT (a timeframe or a whole sentence)."""
    import json

    from galint.analysis.timeframe import extract, parse

    readings = []
    for text in texts:
        found = parse(text)
        readings.append(found if found.kind != "none" else extract(text))
    if output_format == "json":
        rows = [
            {
                "text": text,
                "kind": found.kind,
                "start": found.start.isoformat() if found.start else None,
                "end": found.end.isoformat() if found.end else None,
                "matched": found.matched,
            }
            for text, found in zip(texts, readings, strict=True)
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for text, found in zip(texts, readings, strict=True):
        if found.kind == "none":
            click.echo(f"{text}  ->  none (no timeframe found)")
        elif found.kind == "interval":
            click.echo(f'{text}  ->  interval {found.describe()} (read "{found.matched}")')
        else:
            click.echo(f'{text}  ->  {found.kind}, no dates (read "{found.matched}")')
