"""The sharded job on Ray Data: the only module that imports ``ray`` (the ``newsgraph[ray]`` extra).

shards (one row each) -> flat_map: stream each shard's documents (a WARC record by record) -> map_batches on an
actor pool (one model per actor) -> the driver appends rows to one Parquet file per shard and, once a shard's
last row is in, renames it and writes its done-marker. Every reader emits a final "end" row carrying the shard's
row count, so the driver knows when a shard is complete whatever order the blocks arrive in.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa

from ..config import Settings
from ..errors import ConfigError
from ..types import RawDocument, Skipped
from . import shards

END = "end"


def _ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise ConfigError("--engine ray needs Ray: install the extra with 'pip install \"newsgraph[ray]\"' "
                          "(or use --engine local)") from exc
    return ray


def _read_shard(row: dict, settings: Settings):
    """One shard -> its documents as rows (streamed), then one END row with the count."""
    shard = shards.Shard(row["shard"], tuple(row["inputs"]))
    n = 0
    for key, item in shards.read(shard, settings):
        n += 1
        base = {"shard": shard.key, "key": key, "source": item.source, "expected": -1}
        if isinstance(item, Skipped):
            yield {**base, "status": "skipped", "content": b"", "decoded": False, "url": "", "published": "",
                   "kind": "", "reason": item.reason, "message": item.message}
        else:
            text = isinstance(item.content, str)
            yield {**base, "status": "raw", "content": item.content.encode("utf-8", "surrogatepass") if text
                   else item.content, "decoded": text, "url": item.url or "", "published": item.published or "",
                   "kind": item.kind or "", "reason": "", "message": ""}
    yield {"shard": shard.key, "key": "", "source": "", "expected": n, "status": END, "content": b"",
           "decoded": False, "url": "", "published": "", "kind": "", "reason": "", "message": ""}


OUT_SCHEMA = pa.schema([*shards._schema(), ("expected", pa.int64())])


class Extractor:
    """Actor: loads the model once, runs the whole per-article chain on each batch."""

    def __init__(self, settings: Settings):
        from ..pipeline import Pipeline

        self.pipeline = Pipeline(settings)
        self.pipeline.nlp

    def __call__(self, batch: pa.Table) -> pa.Table:
        rows = batch.to_pylist()
        raws = [RawDocument(content=r["content"].decode("utf-8", "surrogatepass") if r["decoded"] else r["content"],
                            source=r["source"], url=r["url"] or None, published=r["published"] or None,
                            kind=r["kind"] or None) for r in rows if r["status"] == "raw"]
        results = iter(self.pipeline.process_many(raws))
        out = []
        for r in rows:
            if r["status"] == END:
                out.append({"shard": r["shard"], "status": END, "expected": r["expected"]})
                continue
            item = next(results) if r["status"] == "raw" else Skipped(r["source"], r["reason"], r["message"])
            out.append({**shards.to_row(r["shard"], r["key"], r["source"], item), "expected": -1})
        return pa.Table.from_pylist(out, schema=OUT_SCHEMA)


def run(plan: list[shards.Shard], out: Path, settings: Settings, address: str | None = None, num_actors: int = 2,
        cpus_per_actor: float = 0.5, batch_size: int = 16) -> dict:
    """Run every unfinished shard on Ray. ``address``: None starts a local Ray; 'auto' or 'ray://host:10001'
    joins a cluster (``--out`` must then be storage every node and the driver can reach)."""
    ray = _ray()
    summary = {"shards": len(plan), "skipped_done": 0, "processed": 0, "rows": 0}
    todo = [s for s in plan if not shards.is_done(out, s.key)]
    summary["skipped_done"] = len(plan) - len(todo)
    if not todo:
        return summary
    if not ray.is_initialized():
        if address in (None, "local"):
            os.environ.setdefault("RAY_AUTH_MODE", "disabled")
        ray.init(address=address, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    context = ray.data.DataContext.get_current()
    context.target_max_block_size = 16 * 1024 * 1024  # a big WARC streams as many small blocks
    context.enable_progress_bars = False
    ds = ray.data.from_items([{"shard": s.key, "inputs": list(s.inputs)} for s in todo],
                             override_num_blocks=len(todo))
    ds = ds.flat_map(_read_shard, fn_kwargs={"settings": settings})
    # actors take half a CPU each so the read tasks are never starved (ray-project/ray#44687)
    ds = ds.map_batches(Extractor, fn_constructor_args=(settings,), batch_size=batch_size, batch_format="pyarrow",
                        compute=ray.data.ActorPoolStrategy(size=num_actors), num_cpus=cpus_per_actor)
    writers: dict[str, shards.ShardWriter] = {}
    expected: dict[str, int] = {}
    by_key = {s.key: s for s in todo}

    def maybe_finish(key: str) -> None:
        w = writers[key]
        if key in expected and w.counts["rows"] == expected[key]:
            summary["rows"] += w.finish()["rows"]
            summary["processed"] += 1
            del writers[key]

    for batch in ds.iter_batches(batch_format="pyarrow", batch_size=None):
        grouped: dict[str, list[dict]] = {}
        for row in batch.to_pylist():
            key = row["shard"]
            if key not in writers:
                writers[key] = shards.ShardWriter(out, by_key[key])
            if row["status"] == END:
                expected[key] = row["expected"]
            else:
                row.pop("expected")
                grouped.setdefault(key, []).append(row)
        for key, rows in grouped.items():
            writers[key].write(rows)
        for key in [k for k in writers if k in expected]:
            maybe_finish(key)
    return summary
