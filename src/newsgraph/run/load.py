"""Load the Parquet shards of a sharded run into the DuckDB store: ONE writer, batch by batch, resumable
(inputs already in the store are skipped; articles are deduplicated by id)."""
from __future__ import annotations

import functools
import json
from pathlib import Path

from ..store.write import StoreRows, prepare
from ..types import ArticleRecord, Skipped
from . import shards


@functools.cache
def _adapter():
    from pydantic import TypeAdapter  # already installed with spaCy; validates nested frozen dataclasses

    return TypeAdapter(ArticleRecord)


def record_from_json(text: str) -> ArticleRecord:
    return _adapter().validate_python(json.loads(text))


def item(row: dict) -> StoreRows | Skipped:
    if row["status"] == "skipped":
        return Skipped(source=row["source"], reason=row["reason"], message=row["message"])
    return prepare(record_from_json(row["record"]), record_json=row["record"])  # the stored JSON, not re-serialised


def load(out: Path, store, batch_size: int = 256) -> dict:
    counts = {"rows": 0, "stored": 0, "duplicate": 0, "skipped": 0, "already_present": 0}
    for rows in shards.read_rows(out, batch_size):
        counts["rows"] += len(rows)
        seen = store.seen_inputs([r["key"] for r in rows])
        fresh = [r for r in rows if r["key"] not in seen]
        counts["already_present"] += len(rows) - len(fresh)
        if fresh:
            for status, n in store.add_batch([(r["key"], r["source"], item(r)) for r in fresh]).items():
                counts[status] += n
    return counts
