"""newsgraph export"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from ..types import EventFilter


class ExportFormat(str, Enum):
    plover_jsonl = "plover-jsonl"
    gdelt_tsv = "gdelt-tsv"
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"


def export_command(
    fmt: ExportFormat = typer.Option(..., "--format", help="plover-jsonl, gdelt-tsv, csv, geojson or parquet."),
    out: Path = typer.Option(None, "--out", help="Output file (default: standard output; parquet needs a file)."),
    db: Path = typer.Option(None, "--db", help="The DuckDB store (default: $NEWSGRAPH_DB or newsgraph.duckdb)."),
    type_: str = typer.Option(None, "--type", help="Only this PLOVER event type."),
    min_origins: int = typer.Option(None, "--min-origins", help="Only events with at least this many origins."),
) -> None:
    """Export merged events: PLOVER JSONL (provenance under "newsgraph"), GDELT 2.0 event TSV (61 columns),
    CSV, GeoJSON or Parquet."""
    from ..config import Settings
    from ..errors import InputError
    from ..export import export
    from ..store import Store

    with Store(db or Settings.from_env().db, read_only=True) as store:
        events = store.query_events(EventFilter(type=type_, min_origins=min_origins), limit=None)
    if fmt is ExportFormat.parquet:
        if out is None:
            raise InputError("parquet is binary: give --out FILE.parquet")
        with open(out, "wb") as handle:
            export(events, fmt.value, handle)
    elif out is None:
        export(events, fmt.value, sys.stdout)
    else:
        with open(out, "w", encoding="utf-8", newline="") as handle:
            export(events, fmt.value, handle)
    if out is not None:
        typer.echo(f"wrote {len(events)} events to {out}", err=True)
