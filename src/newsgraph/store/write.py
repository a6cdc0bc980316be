"""Rows for one ArticleRecord, table by table, and the bulk insert that writes them (the Store calls it).

``prepare`` turns a record into ``StoreRows`` (its JSON and its rows, column by column). Pool workers call it, so
the parent (the single writer) only concatenates columns and inserts them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..link.origins import event_origin
from ..types import ArticleRecord

COLUMNS = {
    "articles": ("id", "url", "title", "publisher", "published", "language", "text", "record"),
    "actors": ("article_id", "id", "text", "start", "end", "name", "code", "sector", "kind", "office", "ref"),
    "places": ("article_id", "id", "text", "start", "end", "geonameid", "name", "country_code", "lat", "lon",
               "feature_class", "kind"),
    "times": ("article_id", "id", "text", "start", "end", "value", "precision"),
    "attributions": ("article_id", "id", "parent", "source_text", "source_name", "source_kind", "source_code", "cue",
                     "content_start", "content_end", "direct"),
    "quotes": ("article_id", "id", "speaker", "speaker_code", "text", "start", "end", "attribution"),
    "quantities": ("article_id", "id", "text", "value", "unit", "bound", "per", "start", "end", "attribution"),
    "stories": ("article_id", "story_id"),
    "merged_events": ("id", "event", "mode", "cameo", "actor_codes", "recipient_codes", "actor_names",
                      "recipient_names", "date", "lat", "lon", "n_articles", "n_outlets", "n_origins",
                      "first_published", "first_article", "data"),
    "merged_event_mentions": ("merged_id", "article_id", "event_id"),
    "origins": ("merged_id", "name", "kind", "code"),
    "events": ("article_id", "id", "event", "mode", "cameo", "actor_codes", "recipient_codes", "date",
               "date_precision", "lat", "lon", "loc_name", "certainty", "attribution", "origin_name", "origin_kind",
               "origin_code", "data", "context", "negated", "event_text"),
}


def _codes(actors) -> list[str]:
    out = []
    for a in actors:
        if a.code and a.code not in out:
            out.append(a.code)
    return out


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class StoreRows:
    """One ArticleRecord ready for the store: its id, date, JSON (``record.to_json()``) and rows, column by
    column per table. Plain lists and strings, so it pickles compactly across process boundaries."""

    article_id: str
    published: str | None
    record_json: str
    columns: dict[str, list[list]]  # table -> one list per column of COLUMNS[table]


def record_rows(record: ArticleRecord, record_json: str | None = None) -> dict[str, list[tuple]]:
    a = record.article
    aid = a.id
    events = None
    if record_json is None:
        as_dict = record.to_dict()
        record_json = _dumps(as_dict)
        events = as_dict["events"]
    rows: dict[str, list[tuple]] = {
        "articles": [(aid, a.url, a.title, a.publisher, a.published, a.language, a.text, record_json)],
        "actors": [(aid, x.id, x.text, x.start, x.end, x.name, x.code, x.sector, x.kind, x.office, x.ref)
                   for x in record.actors],
        "places": [(aid, p.id, p.text, p.start, p.end, p.geonameid, p.name, p.country_code, p.lat, p.lon,
                    p.feature_class, p.kind) for p in record.places],
        "times": [(aid, t.id, t.text, t.start, t.end, t.value, t.precision) for t in record.times],
        "attributions": [(aid, r.id, r.parent, r.source.text, r.source.name, r.source.kind, r.source.code, r.cue,
                          r.content.start, r.content.end, r.direct) for r in record.attributions],
        "quotes": [(aid, q.id, q.speaker.name if q.speaker else None, q.speaker.code if q.speaker else None,
                    q.text, q.start, q.end, q.attribution) for q in record.quotes],
        "quantities": [(aid, q.id, q.text, q.value, q.unit, q.bound, q.per, q.start, q.end, q.attribution)
                       for q in record.quantities],
        "events": [],
    }
    for i, e in enumerate(record.events):
        name, kind, code = event_origin(record, e)
        loc = e.event_loc
        rows["events"].append((aid, e.id, e.event, e.mode, e.cameo, _codes(e.actor), _codes(e.recipient), e.date,
                               e.date_precision, loc.lat if loc else None, loc.lon if loc else None,
                               loc.name if loc else None, e.certainty, e.attribution, name, kind, code,
                               _dumps(events[i] if events is not None else e.to_dict()), list(e.context), e.negated,
                               e.event_text))
    return rows


def prepare(record: ArticleRecord, record_json: str | None = None) -> StoreRows:
    """The record as StoreRows (``record_json``: its JSON when already at hand, e.g. read back from Parquet)."""
    rows = record_rows(record, record_json)
    columns = {table: [list(c) for c in zip(*table_rows)] for table, table_rows in rows.items() if table_rows}
    return StoreRows(record.article.id, record.article.published, rows["articles"][0][-1], columns)


def concat(prepared: list[StoreRows]) -> dict[str, list[list]]:
    """The columns of many StoreRows, table by table."""
    out: dict[str, list[list]] = {}
    for item in prepared:
        for table, columns in item.columns.items():
            into = out.get(table)
            if into is None:
                out[table] = [list(c) for c in columns]
            else:
                for target, column in zip(into, columns):
                    target.extend(column)
    return out


def bulk_insert(con, table: str, rows: list[tuple], names: tuple[str, ...] | None = None) -> None:
    """Insert many rows at once through an Arrow table (far faster than row-by-row executemany)."""
    if rows:
        insert_columns(con, table, list(zip(*rows)), names)


def insert_columns(con, table: str, values: list, names: tuple[str, ...] | None = None, verb: str = "INSERT",
                   where: str = "") -> None:
    """Insert column-wise values (one sequence per column) through one Arrow table and one statement."""
    import pyarrow as pa

    if not values or not len(values[0]):
        return
    names = names or COLUMNS[table]
    columns = []
    for column in values:
        array = pa.array(column)
        if pa.types.is_null(array.type):
            array = array.cast(pa.string())
        elif pa.types.is_list(array.type) and pa.types.is_null(array.type.value_type):
            array = array.cast(pa.list_(pa.string()))
        columns.append(array)
    newsgraph_rows = pa.table(columns, names=list(names))  # noqa: F841 (read by DuckDB's replacement scan)
    quoted = ", ".join(f'"{c}"' for c in names)
    # DuckDB finds the Arrow table by its variable name: ~2x less CPU than register()/unregister() per statement
    con.execute(f"{verb} INTO {table} ({quoted}) SELECT {quoted} FROM newsgraph_rows {where}")
