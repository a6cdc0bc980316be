"""newsgraph extract SOURCE"""
from __future__ import annotations

from enum import Enum

import typer
from rich.console import Console


class OutputFormat(str, Enum):
    json = "json"
    pretty = "pretty"


def extract_command(
    source: str = typer.Argument(..., help="A file, an http(s) URL, or '-' to read standard input."),
    url: str = typer.Option(None, "--url", help="The page's URL, when SOURCE is a file or stdin (used for the publisher)."),
    published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD; anchors relative dates."),
    fmt: OutputFormat = typer.Option(OutputFormat.json, "--format", help="json: the record; pretty: a readable summary."),
) -> None:
    """Extract one page's sourced event graph and print it as JSON (or a readable summary)."""
    from ..config import Settings
    from ..ingest.single import read_source

    settings = Settings.from_env()
    raw = read_source(source, url=url, published=published, settings=settings)
    from ..pipeline import Pipeline  # spaCy loads only once the input is readable

    record = Pipeline(settings).process(raw)
    if fmt is OutputFormat.json:
        typer.echo(record.to_json(indent=2))
    else:
        from ..render import render_record

        Console().print(render_record(record))


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
