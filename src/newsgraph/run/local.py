"""A local process pool: one model per worker process, batches through nlp.pipe, plain records back.

No spaCy object crosses a process boundary: workers receive RawDocuments and return ArticleRecord or Skipped.
The parent stays the single DuckDB writer.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from ..config import Settings
from ..types import ArticleRecord, RawDocument, Skipped

_pipeline = None


def _init(settings: Settings) -> None:
    global _pipeline
    from ..pipeline import Pipeline

    _pipeline = Pipeline(settings)
    _pipeline.nlp  # load the model once per worker


def _work(raws: list[RawDocument]) -> list[ArticleRecord | Skipped]:
    return list(_pipeline.process_many(raws))


class PoolProcessor:
    """Callable like the in-process processor: a batch of documents in, their outputs out, in order."""

    def __init__(self, settings: Settings, workers: int):
        self.workers = workers
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_init, initargs=(settings,))

    def __call__(self, raws: list[RawDocument]) -> list[ArticleRecord | Skipped]:
        size = max(1, -(-len(raws) // self.workers))
        chunks = [raws[i: i + size] for i in range(0, len(raws), size)]
        return [out for chunk in self.pool.map(_work, chunks) for out in chunk]

    def close(self) -> None:
        self.pool.shutdown()
