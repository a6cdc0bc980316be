"""Batch ingest: documents -> pipeline -> store, one transaction per batch, resumable after a crash.

Inputs already recorded in the store (by key: where + content hash) are skipped before any parsing, so a rerun
after `kill -9` redoes only the batch that was interrupted, and ends with exactly the rows of an uninterrupted run.
"""
from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..config import Settings
from ..types import ArticleRecord, RawDocument, Skipped
from .sources import RETRY_REASONS, expand

Processor = Callable[[list[RawDocument]], list[ArticleRecord | Skipped]]


@dataclass
class Summary:
    read: int = 0
    stored: int = 0
    already: int = 0  # processed in an earlier run, or the same article from another input
    skipped: Counter = field(default_factory=Counter)
    skipped_sources: list[tuple[str, str, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"read": self.read, "stored": self.stored, "already_present": self.already,
                "skipped": sum(self.skipped.values()), "skipped_by_reason": dict(self.skipped),
                "skipped_sources": [{"source": s, "reason": r, "message": m} for s, r, m in self.skipped_sources]}


def batches(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of at most ``size`` items."""
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _recorded_key(key: str, item) -> str | None:
    """The key to mark as processed; None for a skip that may pass by itself (network, missing file)."""
    return None if isinstance(item, Skipped) and item.reason in RETRY_REASONS else key


def ingest(inputs: list[str], store, process: Processor, settings: Settings, batch_size: int = 16,
           on_batch: Callable[[Summary], None] | None = None) -> Summary:
    """Read, process and store ``inputs`` batch by batch. When ``process`` has a ``stream`` method (the process
    pool), batches are read ahead and parsed by the workers while this process writes earlier ones; writes stay
    in input order, one transaction per batch, so the store ends with the rows of a one-process run."""
    summary = Summary()
    held: deque = deque()  # (batch of fresh (key, item), keys to release) in submission order
    in_flight: set[str] = set()  # keys read ahead, not committed yet: a repeat of one counts as already present

    def todo() -> Iterator[list[RawDocument]]:
        for batch in batches(expand(inputs, settings), batch_size):
            summary.read += len(batch)
            seen = store.seen_inputs([key for key, _ in batch])
            fresh = [(key, item) for key, item in batch if key not in seen and key not in in_flight]
            summary.already += len(batch) - len(fresh)
            keys = {k for k, item in fresh if _recorded_key(k, item) is not None} - in_flight
            in_flight.update(keys)
            held.append((fresh, keys))
            yield [item for _, item in fresh if isinstance(item, RawDocument)]

    stream = getattr(process, "stream", None) or (lambda todo: (process(raws) if raws else [] for raws in todo))
    for outputs in stream(todo()):
        fresh, keys = held.popleft()
        outputs = iter(outputs)
        results = {key: next(outputs) for key, item in fresh if isinstance(item, RawDocument)}
        rows = [(_recorded_key(key, results.get(key, item)), item.source, results.get(key, item))
                for key, item in fresh]
        counts = store.add_batch(rows)
        in_flight.difference_update(keys)
        summary.stored += counts["stored"]
        summary.already += counts["duplicate"]
        for _, source, item in rows:
            if isinstance(item, Skipped):
                summary.skipped[item.reason] += 1
                summary.skipped_sources.append((item.source, item.reason, item.message))
        if on_batch:
            on_batch(summary)
    return summary
