"""The DuckDB store: the only module that runs SQL. One writer process at a time (DuckDB's rule)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import duckdb

from ..errors import ReadOnlyViolation, StoreError
from ..types import ArticleRecord, EventFilter, Skipped
from . import read
from .connection import connect
from .write import bulk_insert, record_rows

__all__ = ["Store"]

_READ_ONLY_SQL = re.compile(r"^\s*(select|with|explain|describe|show|summarize|from|values|pragma\s+table_info)\b",
                            re.I)
LINK_TABLES = ("stories", "merged_events", "merged_event_mentions", "origins")


class Store:
    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self.con = connect(self.path, read_only=read_only)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ writes
    def _transaction(self, work) -> None:
        if self.read_only:
            raise ReadOnlyViolation("this store was opened read-only; open it without --read-only to write")
        self.con.execute("BEGIN TRANSACTION")
        try:
            work()
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def seen_inputs(self, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        rows = self.con.execute("SELECT key FROM inputs WHERE list_contains(?, key)", [keys]).fetchall()
        return {r[0] for r in rows}

    def add_batch(self, items: list[tuple[str, str, ArticleRecord | Skipped]]) -> dict[str, int]:
        """Store one batch atomically: (input key, source, record or skip) each. Returns counts by status."""
        counts = {"stored": 0, "duplicate": 0, "skipped": 0}

        def work():
            stored = self._insert_records([item for _, _, item in items if not isinstance(item, Skipped)])
            skips, inputs = [], []
            for key, source, item in items:
                if isinstance(item, Skipped):
                    skips.append((item.source, item.reason, item.message))
                    status, article_id, reason = "skipped", None, item.reason
                else:
                    article_id, reason = item.article.id, None
                    status = "stored" if stored.pop(article_id, False) else "duplicate"
                counts[status] += 1
                inputs.append((key, source, article_id, status, reason))
            if skips:
                self.con.executemany("INSERT INTO skips (source, reason, message) VALUES (?, ?, ?)", skips)
            if inputs:
                self.con.executemany("INSERT OR IGNORE INTO inputs (key, source, article_id, status, reason) "
                                     "VALUES (?, ?, ?, ?, ?)", inputs)

        self._transaction(work)
        return counts

    def _insert_records(self, records: list[ArticleRecord]) -> dict[str, bool]:
        """Insert the records not stored yet, table by table in bulk (Arrow). Returns {article id: newly stored}."""
        ids = [r.article.id for r in records]
        present = {row[0] for row in self.con.execute(
            "SELECT id FROM articles WHERE list_contains(?, id)", [ids]).fetchall()} if ids else set()
        fresh: dict[str, ArticleRecord] = {}
        for record in records:
            if record.article.id not in present and record.article.id not in fresh:
                fresh[record.article.id] = record
        tables: dict[str, list[tuple]] = {}
        for record in fresh.values():
            for table, rows in record_rows(record).items():
                tables.setdefault(table, []).extend(rows)
        for table, rows in tables.items():
            if rows:
                bulk_insert(self.con, table, rows)
        return {aid: aid in fresh for aid in ids}

    def add_records(self, records: Iterable[ArticleRecord]) -> int:
        stored = 0

        def work():
            nonlocal stored
            stored = sum(self._insert_records(list(records)).values())

        self._transaction(work)
        return stored

    def add_skips(self, skips: Iterable[Skipped]) -> None:
        self._transaction(lambda: self.con.executemany(
            "INSERT INTO skips (source, reason, message) VALUES (?, ?, ?)",
            [(s.source, s.reason, s.message) for s in skips]))

    def replace_links(self, stories: list[tuple], merged: list[tuple], mentions: list[tuple],
                      origins: list[tuple]) -> None:
        """Rebuild every cross-article table in one transaction (linking is deterministic)."""
        def work():
            for table in LINK_TABLES:
                self.con.execute(f"DELETE FROM {table}")
            if stories:
                self.con.executemany("INSERT INTO stories VALUES (?, ?)", stories)
            if merged:
                self.con.executemany(f"INSERT INTO merged_events VALUES ({', '.join('?' * 17)})", merged)
            if mentions:
                self.con.executemany("INSERT INTO merged_event_mentions VALUES (?, ?, ?)", mentions)
            if origins:
                self.con.executemany("INSERT INTO origins VALUES (?, ?, ?, ?)", origins)

        self._transaction(work)

    # ------------------------------------------------------------ reads for linking
    def article_texts(self) -> list[tuple[str, str, str | None]]:
        return self.con.execute("SELECT id, text, publisher FROM articles ORDER BY id").fetchall()

    def article_events(self) -> list[dict]:
        cols = ["article_id", "id", "event", "actor_codes", "recipient_codes", "date", "lat", "lon", "origin_name",
                "origin_kind", "origin_code", "data", "publisher", "published"]
        rows = self.con.execute(
            "SELECT e.article_id, e.id, e.event, e.actor_codes, e.recipient_codes, e.date, e.lat, e.lon, "
            "e.origin_name, e.origin_kind, e.origin_code, e.data, a.publisher, a.published "
            "FROM events e JOIN articles a ON a.id = e.article_id ORDER BY a.published NULLS LAST, e.article_id, e.id"
        ).fetchall()
        return [dict(zip(cols, r)) for r in rows]

    def counts(self) -> dict[str, int]:
        tables = ["articles", "events", "actors", "places", "attributions", "quotes", "quantities", "skips",
                  *LINK_TABLES]
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    # ------------------------------------------------------------ queries
    def query_events(self, filters: EventFilter, limit: int = 50, offset: int = 0) -> list[dict]:
        return read.query_events(self.con, filters, limit, offset)

    def count_events(self, filters: EventFilter) -> int:
        return read.count_events(self.con, filters)

    def get_event(self, event_id: str) -> dict | None:
        return read.get_event(self.con, event_id)

    def get_article(self, article_id: str) -> dict | None:
        return read.get_article(self.con, article_id)

    def list_actors(self, limit: int = 100, offset: int = 0) -> list[dict]:
        return read.list_actors(self.con, limit, offset)

    def list_places(self, limit: int = 100, offset: int = 0) -> list[dict]:
        return read.list_places(self.con, limit, offset)

    def list_stories(self, limit: int = 100, offset: int = 0) -> list[dict]:
        return read.list_stories(self.con, limit, offset)

    def resolve_place(self, name: str) -> tuple[float, float] | None:
        return read.resolve_place(self.con, name)

    def all_merged_events(self) -> list[dict]:
        return read.query_events(self.con, EventFilter(), limit=None, offset=0)

    def sql(self, query: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
        """Run a read-only query. Anything that could write is refused."""
        statement = query.strip().rstrip(";")
        if ";" in statement or not _READ_ONLY_SQL.match(statement):
            raise ReadOnlyViolation("only one read-only statement (SELECT, WITH, EXPLAIN, DESCRIBE, SHOW) is allowed; "
                                    "the store is changed only by 'newsgraph ingest' and 'newsgraph link'")
        cursor = self.con.cursor()
        try:
            cursor.execute("BEGIN TRANSACTION READ ONLY") if not self.read_only else None
            result = cursor.execute(statement, params or [])
            columns = [d[0] for d in result.description or []]
            rows = result.fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"the query failed: {exc}") from exc
        finally:
            if not self.read_only:
                try:
                    cursor.execute("ROLLBACK")
                except duckdb.Error:
                    pass
        return columns, rows
