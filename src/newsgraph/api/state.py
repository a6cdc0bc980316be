"""The app's one Store and one Pipeline, each behind a lock.

DuckDB allows one writing process per file and a connection is not safe to share between threads, so the app
opens the store once for its lifetime (read-write unless read_only) and serialises every call on it. The spaCy
pipeline is loaded on the first extract/ingest request and used by one request at a time.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

from ..errors import ReadOnlyViolation, StoreError


class AppState:
    def __init__(self, db_path: str | Path, read_only: bool = False, settings=None):
        from ..config import Settings

        self.db_path = Path(db_path)
        self.read_only = read_only
        self.settings = settings or Settings.from_env()
        self._store = None
        self._pipeline = None
        self._store_lock = threading.Lock()
        self._nlp_lock = threading.Lock()

    def open(self) -> None:
        from ..store import Store

        self._store = Store(self.db_path, read_only=self.read_only)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    @contextmanager
    def store(self, write: bool = False):
        if self._store is None:
            raise StoreError("the store is not open; restart 'newsgraph serve'")
        if write and self.read_only:
            raise ReadOnlyViolation("this server opened the store read-only; restart 'newsgraph serve' without "
                                    "--read-only to ingest through the API")
        with self._store_lock:
            yield self._store

    def process(self, raw):
        from ..pipeline import Pipeline

        with self._nlp_lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(self.settings)
            return self._pipeline.process(raw)
