"""Rows for one ArticleRecord, table by table (no SQL here: the Store executes them)."""
from __future__ import annotations

import json

from ..link.origins import event_origin
from ..types import ArticleRecord


def _codes(actors) -> list[str]:
    out = []
    for a in actors:
        if a.code and a.code not in out:
            out.append(a.code)
    return out


def record_rows(record: ArticleRecord) -> dict[str, list[tuple]]:
    a = record.article
    aid = a.id
    rows: dict[str, list[tuple]] = {
        "articles": [(aid, a.url, a.title, a.publisher, a.published, a.language, a.text, record.to_json())],
        "actors": [(aid, x.id, x.text, x.start, x.end, x.name, x.code, x.sector, x.kind, x.office, x.ref)
                   for x in record.actors],
        "places": [(aid, p.id, p.text, p.start, p.end, p.geonameid, p.name, p.country_code, p.lat, p.lon,
                    p.feature_class) for p in record.places],
        "attributions": [(aid, r.id, r.parent, r.source.text, r.source.name, r.source.kind, r.source.code, r.cue,
                          r.content.start, r.content.end, r.direct) for r in record.attributions],
        "quotes": [(aid, q.id, q.speaker.name if q.speaker else None, q.speaker.code if q.speaker else None,
                    q.text, q.start, q.end, q.attribution) for q in record.quotes],
        "quantities": [(aid, q.id, q.text, q.value, q.unit, q.bound, q.per, q.start, q.end, q.attribution)
                       for q in record.quantities],
        "events": [],
    }
    for e in record.events:
        name, kind, code = event_origin(record, e)
        loc = e.event_loc
        rows["events"].append((aid, e.id, e.event, e.mode, e.cameo, _codes(e.actor), _codes(e.recipient), e.date,
                               e.date_precision, loc.lat if loc else None, loc.lon if loc else None,
                               loc.name if loc else None, e.certainty, e.attribution, name, kind, code,
                               json.dumps(e.to_dict(), ensure_ascii=False)))
    return rows


ARTICLE_COLUMNS = "id, url, title, publisher, published, language, text, record"


def bulk_insert(con, table: str, rows: list[tuple]) -> None:
    """Insert many rows at once through an Arrow table (far faster than row-by-row executemany)."""
    import pyarrow as pa

    columns = []
    for values in zip(*rows):
        array = pa.array(values)
        if pa.types.is_list(array.type) and pa.types.is_null(array.type.value_type):
            array = array.cast(pa.list_(pa.string()))
        columns.append(array)
    batch = pa.table(columns, names=[f"c{i}" for i in range(len(columns))])
    target = f"articles ({ARTICLE_COLUMNS})" if table == "articles" else table
    con.register("newsgraph_rows", batch)
    try:
        con.execute(f"INSERT INTO {target} SELECT * FROM newsgraph_rows")
    finally:
        con.unregister("newsgraph_rows")
