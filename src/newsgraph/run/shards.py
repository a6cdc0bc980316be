"""Sharded jobs: inputs -> shards (one per file; a directory's files grouped), Parquet output per shard, and the
done-markers that let a rerun skip finished shards.

Layout of ``--out DIR``::

    DIR/shard=<key>/part-0.parquet   one file per finished shard (written to a .tmp name, then renamed)
    DIR/_done/<key>                  JSON marker: the shard finished; a rerun skips it

Each Parquet row is one input: its key (where + content hash), source, status (``stored``/``skipped``), the
article id and date, the full ArticleRecord as JSON (``record``) or the skip reason and message.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..ingest.sources import PAGE_SUFFIXES, expand
from ..store.write import StoreRows
from ..types import ArticleRecord, RawDocument, Skipped

CONTAINER_SUFFIXES = (".warc", ".warc.gz", ".jsonl", ".ndjson", ".rss", ".atom", ".xml", ".urls")
FILES_PER_SHARD = 64


@dataclass(frozen=True)
class Shard:
    key: str  # stable, filesystem-safe
    inputs: tuple[str, ...]  # what `ingest.sources.expand` reads for this shard


def _key(label: str, inputs: Iterable[str]) -> str:
    digest = hashlib.sha1("\n".join(inputs).encode()).hexdigest()[:10]
    return f"{re.sub(r'[^A-Za-z0-9._-]+', '_', label)[-60:]}-{digest}"


def plan(inputs: list[str], files_per_shard: int = FILES_PER_SHARD) -> list[Shard]:
    """One shard per container file (WARC, JSONL, feed, URL list) or URL; loose pages of a directory are grouped
    ``files_per_shard`` at a time. Order is stable (sorted paths), so keys are the same on every run."""
    shards: list[Shard] = []
    for item in inputs:
        path = Path(item)
        if not path.is_dir():
            shards.append(Shard(_key(path.name or item, [str(path.resolve()) if path.exists() else item]), (item,)))
            continue
        loose: list[str] = []
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            name = child.name.lower()
            if name.endswith(CONTAINER_SUFFIXES):
                shards.append(Shard(_key(child.name, [str(child.resolve())]), (str(child),)))
            elif child.suffix.lower() in PAGE_SUFFIXES:
                loose.append(str(child))
        for i in range(0, len(loose), files_per_shard):
            group = loose[i: i + files_per_shard]
            shards.append(Shard(_key(f"{path.name}-{i // files_per_shard:05d}",
                                     [str(Path(p).resolve()) for p in group]), tuple(group)))
    return shards


def read(shard: Shard, settings: Settings) -> Iterator[tuple[str, RawDocument | Skipped]]:
    """The shard's documents, streamed (a WARC record by record), as (input key, RawDocument | Skipped)."""
    yield from expand(list(shard.inputs), settings)


# ---------------------------------------------------------------- markers
def marker(out: Path, key: str) -> Path:
    return Path(out) / "_done" / key


def is_done(out: Path, key: str) -> bool:
    return marker(out, key).exists()


def mark_done(out: Path, shard: Shard, counts: dict) -> None:
    path = marker(out, shard.key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"inputs": list(shard.inputs), **counts}))


def done_keys(out: Path) -> set[str]:
    folder = Path(out) / "_done"
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


# ---------------------------------------------------------------- Parquet rows
def _schema():
    import pyarrow as pa

    return pa.schema([("shard", pa.string()), ("key", pa.string()), ("source", pa.string()),
                      ("status", pa.string()), ("article_id", pa.string()), ("published", pa.string()),
                      ("reason", pa.string()), ("message", pa.string()), ("record", pa.large_string())])


def to_row(shard_key: str, key: str, source: str, item: ArticleRecord | StoreRows | Skipped) -> dict:
    if isinstance(item, Skipped):
        return {"shard": shard_key, "key": key, "source": source, "status": "skipped", "article_id": None,
                "published": None, "reason": item.reason, "message": item.message, "record": None}
    if not isinstance(item, StoreRows):
        item = StoreRows(item.article.id, item.article.published, item.to_json(), {})
    return {"shard": shard_key, "key": key, "source": source, "status": "stored", "article_id": item.article_id,
            "published": item.published, "reason": None, "message": None, "record": item.record_json}


def shard_file(out: Path, key: str) -> Path:
    return Path(out) / f"shard={key}" / "part-0.parquet"


class ShardWriter:
    """Append rows batch by batch (one row group each: memory stays bounded); ``finish`` renames and marks."""

    def __init__(self, out: Path, shard: Shard):
        import pyarrow.parquet as pq

        self.out, self.shard = Path(out), shard
        self.path = shard_file(out, shard.key)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = self.path.with_suffix(".parquet.tmp")
        self.writer = pq.ParquetWriter(self.tmp, _schema(), compression="zstd")
        self.counts = {"rows": 0, "stored": 0, "skipped": 0}

    def write(self, rows: list[dict]) -> None:
        import pyarrow as pa

        if not rows:
            return
        self.writer.write_table(pa.Table.from_pylist(rows, schema=_schema()))
        self.counts["rows"] += len(rows)
        for r in rows:
            self.counts[r["status"]] += 1

    def finish(self) -> dict:
        self.writer.close()
        self.tmp.replace(self.path)
        mark_done(self.out, self.shard, self.counts)
        return self.counts


def read_rows(out: Path, batch_size: int = 256) -> Iterator[list[dict]]:
    """Rows of every finished shard, a batch at a time, shard by shard in key order."""
    import pyarrow.parquet as pq

    for key in sorted(done_keys(out)):
        path = shard_file(out, key)
        if not path.exists():
            continue
        for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_size):
            yield batch.to_pylist()
