"""A local process pool: one model per worker process, batches through nlp.pipe, plain records back.

No spaCy object crosses a process boundary: workers receive RawDocuments and return ``StoreRows`` (the record's
JSON and its table rows, built in the worker by ``store.write.prepare``) or Skipped, so the parent, the single
writer (DuckDB store, or the Parquet shards of ``newsgraph run --engine local``), only inserts.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..config import Settings
from ..ingest.batch import batches
from ..store.write import StoreRows, prepare
from ..types import ArticleRecord, RawDocument, Skipped
from . import shards

Output = ArticleRecord | StoreRows | Skipped
IN_FLIGHT_PER_WORKER = 3  # batches queued per worker: a worker always has the next batch when it finishes one
_pipeline = None


def _init(settings: Settings) -> None:
    global _pipeline
    from ..pipeline import Pipeline

    _pipeline = Pipeline(settings)
    _pipeline.nlp  # load the model (and build every matcher) once per worker


def _pid(_=None) -> int:
    time.sleep(0.2)  # hold this worker so the next probe reaches another one
    return os.getpid()


def _work(raws: list[RawDocument]) -> list[StoreRows | Skipped]:
    return [out if isinstance(out, Skipped) else prepare(out) for out in _pipeline.process_many(raws)]


def _chunks(raws: list[RawDocument], parts: int) -> list[list[RawDocument]]:
    """At most ``parts`` consecutive chunks of about the same number of characters (parse time ~ length)."""
    sizes = [len(r.content) for r in raws]
    target, chunks, chunk, size = sum(sizes) / max(1, parts), [], [], 0
    for raw, n in zip(raws, sizes):
        if chunk and size + n / 2 > target and len(chunks) < parts - 1:
            chunks.append(chunk)
            chunk, size = [], 0
        chunk.append(raw)
        size += n
    return chunks + [chunk] if chunk else chunks


class PoolProcessor:
    """Callable like the in-process processor: a batch of documents in, their outputs out, in order."""

    def __init__(self, settings: Settings, workers: int):
        self.workers = workers
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")  # one process per core: no BLAS threads fighting over the cores
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_init, initargs=(settings,))

    def __call__(self, raws: list[RawDocument]) -> list[Output]:
        return [out for chunk in self.pool.map(_work, _chunks(raws, self.workers)) for out in chunk]

    def warm(self) -> None:
        """Wait until every worker has started and loaded its model."""
        pids: set[int] = set()
        while len(pids) < self.workers:
            pids.update(self.pool.map(_pid, range(self.workers)))

    def stream(self, batches: Iterable[list[RawDocument]]) -> Iterator[list[Output]]:
        """Outputs batch by batch, in input order, with ``IN_FLIGHT_PER_WORKER × workers`` batches in flight (no
        barrier): while the caller writes one batch, every worker is already parsing the next ones."""
        pending: deque = deque()
        depth = IN_FLIGHT_PER_WORKER * self.workers
        for batch in batches:
            pending.append(self.pool.submit(_work, batch) if batch else None)
            while len(pending) >= depth or (pending and (pending[0] is None or pending[0].done())):
                head = pending.popleft()
                yield head.result() if head is not None else []
        while pending:
            head = pending.popleft()
            yield head.result() if head is not None else []

    def close(self) -> None:
        self.pool.shutdown()


class InProcess:
    """The same interface without a pool (``--workers 1``)."""

    def __init__(self, settings: Settings):
        from ..pipeline import Pipeline

        self.pipeline = Pipeline(settings)

    def __call__(self, raws: list[RawDocument]) -> list[Output]:
        return list(self.pipeline.process_many(raws))

    def warm(self) -> None:
        self.pipeline.nlp

    def stream(self, batches: Iterable[list[RawDocument]]) -> Iterator[list[Output]]:
        for batch in batches:
            yield self(batch)

    def close(self) -> None:
        pass


def processor(settings: Settings, workers: int) -> PoolProcessor | InProcess:
    return PoolProcessor(settings, workers) if workers > 1 else InProcess(settings)


def run_shards(plan: list[shards.Shard], out: Path, settings: Settings, workers: int = 1,
               batch_size: int = 16) -> dict:
    """The sharded job on this machine: every unfinished shard -> Parquet + marker. Returns counts."""
    summary = {"shards": len(plan), "skipped_done": 0, "processed": 0, "rows": 0}
    todo = [s for s in plan if not shards.is_done(out, s.key)]
    summary["skipped_done"] = len(plan) - len(todo)
    if not todo:
        return summary
    proc = processor(settings, workers)
    try:
        for shard in todo:
            writer = shards.ShardWriter(out, shard)
            items = batches(shards.read(shard, settings), batch_size)
            held: deque = deque()

            def raws(batches=items):
                for batch in batches:
                    held.append(batch)
                    yield [item for _, item in batch if isinstance(item, RawDocument)]

            for outputs in proc.stream(raws()):
                batch, results = held.popleft(), iter(outputs)
                writer.write([shards.to_row(shard.key, key, item.source,
                                            next(results) if isinstance(item, RawDocument) else item)
                              for key, item in batch])
            summary["rows"] += writer.finish()["rows"]
            summary["processed"] += 1
    finally:
        proc.close()
    return summary
