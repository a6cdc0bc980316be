"""The app's one Store (read cursors per thread, one writer at a time) and its one Pipeline.

DuckDB allows one writing process per file and a connection must not be shared between threads, so the app opens
the store once for its lifetime (read-write unless read_only). Reads run concurrently, each request thread on its
own cursor of that connection (DuckDB cursors are independent connections to the same database, with their own
transactions); writes are serialised behind a lock on the main connection. Event counts are cached per filter
until the next write. The spaCy pipeline is loaded on the first extract/ingest request and used by one request at
a time.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

from ..errors import ReadOnlyViolation, StoreError

COUNT_CACHE_SIZE = 4096


class AppState:
    def __init__(self, db_path: str | Path, read_only: bool = False, settings=None):
        from ..config import Settings

        self.db_path = Path(db_path)
        self.read_only = read_only
        self.settings = settings or Settings.from_env()
        self._store = None
        self._pipeline = None
        self._write_lock = threading.Lock()
        self._nlp_lock = threading.Lock()
        self._readers_lock = threading.Lock()
        self._local = threading.local()
        self._readers: list = []
        self._generation = 0  # bumped after every write: cached counts of older generations are never read
        self._counts: dict = {}

    def open(self) -> None:
        from ..store import Store

        self._store = Store(self.db_path, read_only=self.read_only)

    def close(self) -> None:
        with self._readers_lock:
            for reader in self._readers:
                reader.close()
            self._readers.clear()
            self._local = threading.local()
        if self._store is not None:
            self._store.close()
            self._store = None

    def _reader(self):
        reader = getattr(self._local, "store", None)
        if reader is None:
            with self._readers_lock:
                reader = self._local.store = self._store.reader()
                self._readers.append(reader)
        return reader

    @contextmanager
    def store(self, write: bool = False):
        if self._store is None:
            raise StoreError("the store is not open; restart 'newsgraph serve'")
        if write and self.read_only:
            raise ReadOnlyViolation("this server opened the store read-only; restart 'newsgraph serve' without "
                                    "--read-only to ingest through the API")
        if not write:
            yield self._reader()
            return
        with self._write_lock:
            try:
                yield self._store
            finally:
                self._generation += 1
                self._counts = {}

    def count_events(self, store, filters) -> int:
        """store.count_events(filters), cached until the next write through this app (the only writer)."""
        key = (self._generation, filters)
        total = self._counts.get(key)
        if total is None:
            total = store.count_events(filters)
            if len(self._counts) >= COUNT_CACHE_SIZE:
                self._counts = {}
            self._counts[key] = total
        return total

    def process(self, raw):
        from ..pipeline import Pipeline

        with self._nlp_lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(self.settings)
            return self._pipeline.process(raw)
