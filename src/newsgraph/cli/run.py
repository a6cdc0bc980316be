"""newsgraph run: the sharded job (Parquet shards + done-markers), on Ray or on a local process pool, then ONE
loader writes the DuckDB store."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

console = Console()


class Engine(str, Enum):
    local = "local"
    ray = "ray"


def run_command(
    inputs: list[str] = typer.Argument(..., help="WARC(.gz) files, JSONL shards, feeds, URL lists or directories."),
    out: Path = typer.Option(..., "--out", help="Folder for the Parquet shards and the _done/ markers (on a cluster: "
                                                "shared storage every node can write)."),
    db: Path = typer.Option(None, "--db", help="Load the finished shards into this DuckDB store afterwards."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local (process pool) or ray."),
    address: str = typer.Option(None, "--address", help="Ray cluster: 'auto' or 'ray://HEAD:10001'. "
                                                        "Default: start a local Ray."),
    num_actors: int = typer.Option(2, "--num-actors", min=1, help="Ray: actors, one model each."),
    cpus_per_actor: float = typer.Option(0.5, "--cpus-per-actor", help="Ray: CPUs reserved per actor. Keep the "
                                         "pool below the CPU count so read tasks can run."),
    workers: int = typer.Option(1, "--workers", min=1, help="local: worker processes, one model each."),
    files_per_shard: int = typer.Option(64, "--files-per-shard", min=1, help="Loose pages of a directory per shard."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Documents per batch."),
    no_link: bool = typer.Option(False, "--no-link", help="With --db: load only; skip linking."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Process inputs as shards into Parquet (one file + one done-marker per shard; a rerun skips finished
    shards), then optionally load them into the store with a single writer."""
    from ..config import Settings
    from ..run import shards

    settings = Settings.from_env()
    missing = [i for i in inputs if "://" not in i and not Path(i).exists()]
    if missing and len(missing) == len(inputs):
        from ..errors import InputError

        raise InputError(f"no such input: {', '.join(missing)}; give WARC/JSONL files, feeds, URL lists, "
                              f"directories or URLs")
    for item in missing:
        console.print(f"[yellow]warning:[/] no such input {item}; it is recorded as a skip, the other inputs run")
    plan = shards.plan(inputs, files_per_shard)
    out.mkdir(parents=True, exist_ok=True)
    if engine is Engine.ray:
        from ..run import ray_runner

        summary = ray_runner.run(plan, out, settings, address=address, num_actors=num_actors,
                                 cpus_per_actor=cpus_per_actor, batch_size=batch_size)
    else:
        from ..run.local import run_shards

        summary = run_shards(plan, out, settings, workers=workers, batch_size=batch_size)
    if db:
        from ..run.load import load
        from ..store import Store

        with Store(db) as store:
            summary["load"] = load(out, store)
            if not no_link:
                from ..link import link

                summary["link"] = link(store)
    if as_json:
        typer.echo(json.dumps(summary, indent=2))
        return
    console.print(f"shards: {summary['shards']} · already done {summary['skipped_done']} · processed "
                  f"{summary['processed']} · rows {summary['rows']} → {out}")
    if "load" in summary:
        ld = summary["load"]
        console.print(f"store {db}: stored {ld['stored']} · duplicate {ld['duplicate']} · skipped {ld['skipped']} "
                      f"· already present {ld['already_present']}")
    if "link" in summary:
        console.print(f"linked: {summary['link']['stories']} stories, {summary['link']['merged_events']} merged events")


def register(app: typer.Typer) -> None:
    app.command("run")(run_command)
