"""newsgraph ingest | link | events | show | sql | export | demo"""
from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.tree import Tree

from ..config import SAMPLES_DIR, Settings
from ..types import EventFilter

console = Console()
DB_HELP = "The DuckDB store (default: $NEWSGRAPH_DB or newsgraph.duckdb in the working directory)."


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _db(db: Path | None) -> Path:
    return db or Settings.from_env().db


def _local_processor(settings: Settings, workers: int):
    if workers > 1:
        from ..run.local import PoolProcessor

        return PoolProcessor(settings, workers)
    from ..pipeline import Pipeline

    pipeline = Pipeline(settings)
    return lambda raws: list(pipeline.process_many(raws))


def run_ingest(inputs: list[str], db: Path, link_after: bool = True, workers: int = 1, quiet: bool = False,
               progress_file: Path | None = None, batch_size: int = 16) -> dict:
    from ..ingest.batch import ingest
    from ..store import Store

    settings = Settings.from_env()
    process = _local_processor(settings, workers)
    with Store(db) as store, Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                      TextColumn("{task.fields[stats]}"), TimeElapsedColumn(),
                                      console=Console(stderr=True), disable=quiet, transient=False) as progress:
        task = progress.add_task("ingesting", total=None, stats="")

        def on_batch(s):
            progress.update(task, stats=f"read {s.read} · stored {s.stored} · already {s.already} · "
                                        f"skipped {sum(s.skipped.values())}")
            if progress_file:
                progress_file.write_text(json.dumps({"read": s.read, "stored": s.stored}))

        try:
            summary = ingest(inputs, store, process, settings, batch_size=batch_size, on_batch=on_batch).to_dict()
        finally:
            if hasattr(process, "close"):
                process.close()
        if link_after:
            from ..link import link

            progress.update(task, description="linking")
            summary["link"] = link(store)
        progress.update(task, description="done", total=1, completed=1)
    return summary


def _print_summary(summary: dict) -> None:
    table = Table("read", "stored", "already present", "skipped", title="Ingest summary")
    table.add_row(*(str(summary[k]) for k in ("read", "stored", "already_present", "skipped")))
    console.print(table)
    if summary["skipped_by_reason"]:
        console.print("skipped by reason: " + ", ".join(f"{reason} {n}" for reason, n in
                                                         sorted(summary["skipped_by_reason"].items())))
    if summary["skipped_sources"]:
        skips = Table("source", "reason", "message", title="Skipped")
        for s in summary["skipped_sources"][:50]:
            skips.add_row(s["source"], s["reason"], s["message"])
        console.print(skips)
    if "link" in summary:
        console.print(f"linked: {summary['link']['stories']} stories, {summary['link']['merged_events']} merged events")


def ingest_command(
    inputs: list[str] = typer.Argument(..., help="Files, directories, WARC(.gz), RSS/Atom feeds, JSONL, URL lists or URLs."),
    db: Path = typer.Option(None, "--db", help=DB_HELP),
    no_link: bool = typer.Option(False, "--no-link", help="Store only; skip clustering and event merging."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes, each with its own model."),
    progress_file: Path = typer.Option(None, "--progress-file", help="Write running counts here after each batch."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Documents per batch; each batch is one transaction."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Ingest news pages into the store, then link them (story clusters, merged events, origins). Rerunning
    resumes: inputs already processed are skipped, and nothing is stored twice."""
    summary = run_ingest(inputs, _db(db), link_after=not no_link, workers=workers, quiet=as_json,
                         progress_file=progress_file, batch_size=batch_size)
    if as_json:
        typer.echo(json.dumps(summary, indent=2))
    else:
        _print_summary(summary)


def link_command(db: Path = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Rebuild story clusters, merged events and corroboration from the stored articles."""
    from ..link import link
    from ..store import Store

    with Store(_db(db)) as store:
        result = link(store)
    console.print(f"{result['stories']} stories, {result['merged_events']} merged events")


def _party(xs: list[dict]) -> str:
    return ", ".join(f"{x.get('code') or '?'} {x.get('sector') or ''}".strip() for x in xs)


def _event_rows(events: list[dict]) -> list[dict]:
    return [{"id": e["id"], "event": e["event"], "mode": e.get("mode"), "cameo": e.get("cameo"),
             "actor": _party(e["actor"]), "recipient": _party(e["recipient"]),
             "where": (e.get("event_loc") or {}).get("name"), "date": e.get("date"),
             "articles": e["n_articles"], "outlets": e["n_outlets"], "origins": e["n_origins"],
             "origin_names": "; ".join(o["name"] for o in e["origins"]),
             "first_seen": e["first_seen"]["published"], "text": e.get("text")} for e in events]


def print_events(events: list[dict], fmt: TableFormat, title: str = "Merged events") -> None:
    if fmt is TableFormat.json:
        typer.echo(json.dumps(events, indent=2, ensure_ascii=False, default=str))
        return
    rows = _event_rows(events)
    if fmt is TableFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    table = Table("id", "event", "who → whom", "when", "art", "out", "orig", "origins", title=title)
    for r in rows:
        table.add_row(r["id"], f"{r['event']} {r['cameo'] or ''}", f"{r['actor'] or '?'} → {r['recipient'] or '-'}",
                      r["date"] or r["first_seen"] or "", str(r["articles"]), str(r["outlets"]), str(r["origins"]),
                      r["origin_names"])
    console.print(table)


def _filters(store, actor, recipient, type_, since, until, near, radius_km, min_origins) -> EventFilter:
    """Build the shared EventFilter; a place name for --near is resolved to coordinates first."""
    from ..errors import InputError
    from ..ingest.single import check_published

    point = None
    if near:
        point = store.resolve_place(near)
        if point is None:
            raise InputError(f"'{near}' is not a known place; try a name that 'newsgraph sql "
                             f"\"SELECT DISTINCT name FROM places\"' lists")
    return EventFilter(actor=actor, recipient=recipient, type=type_, since=check_published(since),
                       until=check_published(until), near=point, radius_km=radius_km, min_origins=min_origins)


ACTOR_OPT = typer.Option(None, "--actor", help="Actor code ('IRN', 'USA GOV') or part of a name.")
RECIPIENT_OPT = typer.Option(None, "--recipient", help="Recipient code or part of a name.")
TYPE_OPT = typer.Option(None, "--type", help="PLOVER event type, e.g. SANCTION.")
SINCE_OPT = typer.Option(None, "--since", help="Earliest date, YYYY-MM-DD.")
UNTIL_OPT = typer.Option(None, "--until", help="Latest date, YYYY-MM-DD.")
NEAR_OPT = typer.Option(None, "--near", help="A place name; keeps events within --radius-km of it.")
RADIUS_OPT = typer.Option(100.0, "--radius-km", help="Radius for --near, in km.")
ORIGINS_OPT = typer.Option(None, "--min-origins", help="Keep events with at least this many independent origins.")


def events_command(
    db: Path = typer.Option(None, "--db", help=DB_HELP),
    actor: str = ACTOR_OPT, recipient: str = RECIPIENT_OPT, type_: str = TYPE_OPT, since: str = SINCE_OPT,
    until: str = UNTIL_OPT, near: str = NEAR_OPT, radius_km: float = RADIUS_OPT, min_origins: int = ORIGINS_OPT,
    limit: int = typer.Option(20, "--limit", help="At most this many events."),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", help="table, json or csv."),
) -> None:
    """List merged events with their corroboration (articles, outlets, independent origins, first report)."""
    from ..store import Store

    with Store(_db(db), read_only=True) as store:
        filters = _filters(store, actor, recipient, type_, since, until, near, radius_km, min_origins)
        print_events(store.query_events(filters, limit=limit), fmt)


class ExportFormat(str, Enum):
    plover_jsonl = "plover-jsonl"
    gdelt_tsv = "gdelt-tsv"
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"


def export_command(
    fmt: ExportFormat = typer.Option(..., "--format", help="plover-jsonl, gdelt-tsv, csv, geojson or parquet."),
    out: Path = typer.Option(None, "--out", help="Output file (default: standard output; parquet needs a file)."),
    db: Path = typer.Option(None, "--db", help=DB_HELP),
    actor: str = ACTOR_OPT, recipient: str = RECIPIENT_OPT, type_: str = TYPE_OPT, since: str = SINCE_OPT,
    until: str = UNTIL_OPT, near: str = NEAR_OPT, radius_km: float = RADIUS_OPT, min_origins: int = ORIGINS_OPT,
) -> None:
    """Export merged events: PLOVER JSONL (provenance and attribution chains under "newsgraph"), the GDELT 2.0
    event table (61 columns, TSV), CSV, GeoJSON or Parquet."""
    from ..errors import InputError
    from ..export import export
    from ..store import Store

    if fmt is ExportFormat.parquet and out is None:
        raise InputError("parquet is binary: give --out FILE.parquet")
    with Store(_db(db), read_only=True) as store:
        filters = _filters(store, actor, recipient, type_, since, until, near, radius_km, min_origins)
        events = store.query_events(filters, limit=None)
        if fmt is ExportFormat.plover_jsonl:  # with every mention's attribution chain
            events = [store.get_event(e["id"]) or e for e in events]
    if out is None:
        export(events, fmt.value, sys.stdout)
    else:
        with open(out, "wb") if fmt is ExportFormat.parquet else open(out, "w", encoding="utf-8", newline="") as handle:
            export(events, fmt.value, handle)
        typer.echo(f"wrote {len(events)} events to {out}", err=True)


def show_command(event_id: str = typer.Argument(..., help="A merged event id, as 'newsgraph events' lists it."),
                 db: Path = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Show one merged event: every mention, its sentence, and its attribution chains as a tree."""
    from ..errors import InputError
    from ..store import Store

    with Store(_db(db), read_only=True) as store:
        event = store.get_event(event_id)
    if event is None:
        raise InputError(f"no merged event '{event_id}'; list them with 'newsgraph events'")
    root = Tree(f"[bold]{event['event']}[/] ({event.get('cameo') or '-'}) {_party(event['actor'])} → "
                f"{_party(event['recipient'])} · {event.get('date') or 'undated'} · "
                f"{event['n_articles']} articles, {event['n_outlets']} outlets, {event['n_origins']} independent origins")
    origins = root.add("[bold]independent origins[/]")
    for o in event["origins"]:
        origins.add(f"{o['name']} ({o['kind']}{', ' + o['code'] if o['code'] else ''})")
    for m in event["mentions"]:
        node = root.add(f"[cyan]{m['publisher'] or m['article_id']}[/] {m['published'] or ''} [dim]{m['article_id']}[/]"
                        f" «{m['event_text']}» ({m['certainty']})")
        node.add(f"“{m['sentence']}”")
        parent = node
        for link in m["chain"]:
            src = link["source"]
            parent = parent.add(f"{link['cue']}: [yellow]{src.get('name') or src['text']}[/] ({src['kind']})")
    console.print(root)


def sql_command(query: str = typer.Argument(..., help="One read-only statement (SELECT, WITH, DESCRIBE, SHOW…)."),
                db: Path = typer.Option(None, "--db", help=DB_HELP),
                fmt: TableFormat = typer.Option(TableFormat.table, "--format", help="table, json or csv.")) -> None:
    """Run a read-only SQL query on the store. Writes are refused."""
    from ..store import Store

    with Store(_db(db), read_only=True) as store:
        columns, rows = store.sql(query)
    if fmt is TableFormat.json:
        typer.echo(json.dumps([dict(zip(columns, r)) for r in rows], indent=2, default=str))
    elif fmt is TableFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        table = Table(*columns)
        for r in rows:
            table.add_row(*("" if v is None else str(v) for v in r))
        console.print(table)


def demo_inputs(folder: Path) -> list[str]:
    """The bundled samples as a user would have them, with their URLs and dates: the HTML pages, and the scraped
    text of the content-farm pages. Written as one JSONL file in ``folder``."""
    manifest = json.loads((SAMPLES_DIR / "manifest.json").read_text())
    path = folder / "samples.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for m in manifest:
            kind = "text" if m["kind"] == "content-farm" else "html"
            content = (SAMPLES_DIR / m[kind]).read_text(encoding="utf-8")
            out.write(json.dumps({kind: content, "url": m["url"], "published": m["published"]}) + "\n")
    return [str(path)]


def demo_command(db: Path = typer.Option(None, "--db", help=DB_HELP),
                 limit: int = typer.Option(10, "--limit", help="How many merged events to show.")) -> None:
    """The main job on the bundled samples: ingest them into the store and show the top merged events with
    their corroboration."""
    import tempfile

    db = _db(db)
    with tempfile.TemporaryDirectory() as folder:
        summary = run_ingest(demo_inputs(Path(folder)), db)
    _print_summary(summary)
    from ..store import Store

    with Store(db, read_only=True) as store:
        print_events(store.query_events(EventFilter(), limit=limit), TableFormat.table,
                     title="Top merged events, by independent origins")
    console.print(f"store: {db}  ·  next: newsgraph events --db {db} --min-origins 2  ·  newsgraph show EVENT_ID")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("link")(link_command)
    app.command("events")(events_command)
    app.command("show")(show_command)
    app.command("sql")(sql_command)
    app.command("demo")(demo_command)
    app.command("export")(export_command)
