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


COLUMNS = {
    "articles": 8, "actors": 11, "places": 11, "attributions": 11, "quotes": 8, "quantities": 10, "events": 18,
}
INSERTS = {
    "articles": "INSERT INTO articles (id, url, title, publisher, published, language, text, record) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    **{t: f"INSERT INTO {t} VALUES ({', '.join('?' * n)})" for t, n in COLUMNS.items() if t != "articles"},
}
