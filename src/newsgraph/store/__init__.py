"""The DuckDB store: the only module that runs SQL. One writer process at a time (DuckDB's rule)."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb

from ..errors import ReadOnlyViolation, StoreError
from ..types import ArticleRecord, EventFilter, Skipped
from . import derived, read
from .connection import connect
from .write import StoreRows, bulk_insert, concat, insert_columns, prepare

__all__ = ["Store"]

_READ_ONLY_TYPES = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
LINK_TABLES = ("stories", "merged_events", "merged_event_mentions", "origins")


class Store:
    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self.con = connect(self.path, read_only=read_only)
        # merged events carry their lists (migration 003); shared with reader() views, updated by relinks
        self._derived = {"columns": derived.available(self.con), "filled": derived.filled(self.con)}

    @property
    def derived(self) -> bool:
        """Whether reads use the derived columns of merged_events (one query per page, no joins)."""
        return self._derived["filled"]

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

    def add_batch(self, items: list[tuple[str | None, str, ArticleRecord | StoreRows | Skipped]]) -> dict[str, int]:
        """Store one batch atomically: (input key, source, record or skip) each. Returns counts by status.
        A key of None is not recorded as processed (a skip worth retrying on the next run). A record may come
        already prepared (``store.write.prepare``, done in pool workers) so this process only inserts."""
        counts = {"stored": 0, "duplicate": 0, "skipped": 0}

        def work():
            stored = self._insert_records([item for _, _, item in items if not isinstance(item, Skipped)])
            skips, inputs = [], {}
            for key, source, item in items:
                if isinstance(item, Skipped):
                    skips.append(item)
                    status, article_id, reason = "skipped", None, item.reason
                else:
                    article_id = item.article_id if isinstance(item, StoreRows) else item.article.id
                    reason = None
                    status = "stored" if stored.pop(article_id, False) else "duplicate"
                counts[status] += 1
                if key is not None and key not in inputs:  # the first of a repeated key wins
                    inputs[key] = (key, source, article_id, status, reason)
            self._insert_skips(skips)
            if inputs:
                insert_columns(self.con, "inputs", list(zip(*inputs.values())),
                               ("key", "source", "article_id", "status", "reason"), verb="INSERT OR IGNORE")

        self._transaction(work)
        return counts

    def _insert_skips(self, skips: list[Skipped]) -> None:
        """One row per (source, reason): a skip seen again on a rerun is not added twice."""
        first: dict[tuple, tuple] = {}
        for s in skips:
            first.setdefault((s.source, s.reason), (s.source, s.reason, s.message))
        rows = list(first.values())
        if rows:
            insert_columns(self.con, "skips", list(zip(*rows)), ("source", "reason", "message"),
                           where="WHERE NOT EXISTS (SELECT 1 FROM skips s WHERE s.source = newsgraph_rows.source "
                                 "AND s.reason = newsgraph_rows.reason)")

    def _insert_records(self, records: list[ArticleRecord | StoreRows]) -> dict[str, bool]:
        """Insert the records not stored yet, table by table in bulk (Arrow). Returns {article id: newly stored}."""
        prepared = [r if isinstance(r, StoreRows) else prepare(r) for r in records]
        ids = [r.article_id for r in prepared]
        present = {row[0] for row in self.con.execute(
            "SELECT id FROM articles WHERE list_contains(?, id)", [ids]).fetchall()} if ids else set()
        fresh: dict[str, StoreRows] = {}
        for item in prepared:
            if item.article_id not in present and item.article_id not in fresh:
                fresh[item.article_id] = item
        for table, columns in concat(list(fresh.values())).items():
            insert_columns(self.con, table, columns)
        return {aid: aid in fresh for aid in ids}

    def add_records(self, records: Iterable[ArticleRecord]) -> int:
        stored = 0

        def work():
            nonlocal stored
            stored = sum(self._insert_records(list(records)).values())

        self._transaction(work)
        return stored

    def add_skips(self, skips: Iterable[Skipped]) -> None:
        self._transaction(lambda: self._insert_skips(list(skips)))

    def replace_links(self, stories: list[tuple], merged: list[tuple], mentions: list[tuple],
                      origins: list[tuple]) -> None:
        """Rebuild every cross-article table in one transaction (linking is deterministic)."""
        def work():
            for table in LINK_TABLES:
                self.con.execute(f"DELETE FROM {table}")
            for table, rows in zip(LINK_TABLES, (stories, merged, mentions, origins)):
                bulk_insert(self.con, table, list(rows))
            self.con.execute("UPDATE merged_events SET geonameid = "
                             "TRY_CAST(json_extract_string(data, '$.event_loc.geonameid') AS BIGINT)")
            self.con.execute("UPDATE articles SET story_id = s.story_id FROM stories s WHERE s.article_id = articles.id "
                             "AND articles.story_id IS DISTINCT FROM s.story_id")
            if self._derived["columns"]:
                derived.rebuild(self.con)

        self._transaction(work)
        self._derived["filled"] = self._derived["columns"]

    # ------------------------------------------------------------ reads for linking
    def article_texts(self) -> list[tuple[str, str, str | None]]:
        return self.con.execute("SELECT id, text, publisher FROM articles ORDER BY id").fetchall()

    def link_ids(self) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
        """The last linking's ids: article id -> story id, and (article id, event id) -> merged id."""
        stories = dict(self.con.execute("SELECT article_id, story_id FROM stories").fetchall())
        merged = {(a, e): m for m, a, e in self.con.execute(
            "SELECT merged_id, article_id, event_id FROM merged_event_mentions").fetchall()}
        return stories, merged

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
        tables = ["articles", "events", "actors", "places", "times", "attributions", "quotes", "quantities", "skips",
                  *LINK_TABLES]
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def rebuild_derived(self) -> None:
        """Refill merged events' derived columns (replace_links does it; call it after a bulk load of link tables)."""
        if self._derived["columns"]:
            self._transaction(lambda: derived.rebuild(self.con))
            self._derived["filled"] = True

    # ------------------------------------------------------------ queries
    def reader(self) -> "Store":
        """A Store over a new cursor of this connection, for reads from another thread (DuckDB cursors are
        separate connections to the same database; one Store's connection must not be shared between threads)."""
        view = object.__new__(Store)
        view.path, view.read_only, view._derived = self.path, self.read_only, self._derived
        view.con = self.con.cursor()
        return view

    def query_events(self, filters: EventFilter, limit: int = 50, offset: int = 0) -> list[dict]:
        return read.query_events(self.con, filters, limit, offset, self.derived)

    def count_events(self, filters: EventFilter) -> int:
        return read.count_events(self.con, filters, self.derived)

    def get_event(self, event_id: str) -> dict | None:
        return read.get_event(self.con, event_id, self.derived)

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
        return read.query_events(self.con, EventFilter(), None, 0, self.derived)

    def sql(self, query: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
        """Run one read-only statement (SELECT, WITH … SELECT, EXPLAIN, DESCRIBE, SHOW, SUMMARIZE). Anything that could
        write, attach, copy, install or change settings is refused, and the query runs in a read-only transaction."""
        try:
            statements = duckdb.extract_statements(query)
        except duckdb.Error as exc:
            raise StoreError(f"the query does not parse: {exc}") from exc
        if len(statements) != 1 or statements[0].type not in _READ_ONLY_TYPES:
            raise ReadOnlyViolation("only one read-only statement (SELECT, WITH, EXPLAIN, DESCRIBE, SHOW) is allowed; "
                                    "the store is changed only by 'newsgraph ingest' and 'newsgraph link'")
        cursor = self.con.cursor()
        try:
            if self.read_only:
                cursor.execute("SET enable_external_access = false")  # no reading or writing files through SQL
            else:
                cursor.execute("BEGIN TRANSACTION READ ONLY")
            result = cursor.execute(query, params or [])
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
            cursor.close()
        return columns, rows
