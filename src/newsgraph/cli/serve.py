"""newsgraph serve: the REST API (/api, /openapi.json, /docs) and the web UI (/) over one store."""
from __future__ import annotations

from pathlib import Path

import typer

from ..config import Settings


def serve_command(
    db: Path = typer.Option(None, "--db", help="The DuckDB store (default: $NEWSGRAPH_DB or newsgraph.duckdb)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind. Keep 127.0.0.1 unless you set --token "
                                                         "and trust the network."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    token: str = typer.Option(None, "--token", envvar="NEWSGRAPH_TOKEN",
                              help="Require 'Authorization: Bearer TOKEN' on POST /api/ingest."),
    read_only: bool = typer.Option(False, "--read-only", help="Open the store read-only (POST /api/ingest is refused)."),
    max_body: int = typer.Option(5 * 1024 * 1024, "--max-body", min=1024, help="Largest request body, in bytes."),
) -> None:
    """Serve the REST API and the web UI (map, timeline, events, provenance graphs, articles)."""
    import uvicorn

    from ..api import create_app
    from ..errors import StoreError

    path = db or Settings.from_env().db
    if not path.exists():
        raise StoreError(f"no store at {path}; create one with 'newsgraph demo --db {path}' or "
                         f"'newsgraph ingest PAGES --db {path}'")
    app = create_app(path, token=token, max_body_bytes=max_body, read_only=read_only)
    typer.echo(f"newsgraph: serving {path} on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
