"""Typed read queries. Every user value is a bound parameter.

Stores from migration 003 on keep each merged event's articles, outlets and origins on its row, with a listing
`rank` (merged_events is stored in rank order): a page of events is then two small queries, with no join on the
mentions or origins tables. `derived=False` reads an older
store (opened read-only, so not migrated) with one extra query for the mentions and one for the origins per page.
"""
from __future__ import annotations

import json
import math

import duckdb

from ..types import EventFilter

_MERGED_COLS = ("id, event, mode, cameo, actor_codes, recipient_codes, actor_names, recipient_names, date, lat, lon, "
                "n_articles, n_outlets, n_origins, first_published, first_article, data")
# only what an event dict is built from (the filter columns are in `data` already): fewer columns, cheaper fetch
_DERIVED_COLS = ("id, n_articles, n_outlets, n_origins, first_published, first_article, data, articles, outlets, "
                 "origin_list, first_url")
_ORDER = "n_origins DESC, n_articles DESC, first_published, id"


def _box(lat: float, lon: float, km: float) -> tuple[str, list]:
    """A bounding box around (lat, lon) holding every point within km (a cheap prefilter for the haversine)."""
    dlat = km / 111.0 + 0.01
    clauses, params = ["lat BETWEEN ? AND ?"], [lat - dlat, lat + dlat]
    cos = math.cos(math.radians(min(89.9, abs(lat) + dlat)))
    dlon = km / (111.0 * cos) + 0.01 if cos > 0 else 360.0
    if abs(lat) + dlat < 89.9 and lon - dlon > -180 and lon + dlon < 180:  # no pole, no date line: box on lon too
        clauses.append("lon BETWEEN ? AND ?")
        params.extend([lon - dlon, lon + dlon])
    return " AND ".join(clauses), params


def _where(f: EventFilter, derived: bool = False) -> tuple[str, list]:
    clauses, params = [], []
    day = "day" if derived else "coalesce(date, CAST(first_published AS VARCHAR))"

    def party(column_codes: str, column_names: str, value: str) -> None:
        parts = value.split()
        code = parts[0].upper()
        clause = f"(list_contains({column_codes}, ?) OR {column_names} ILIKE ?)"
        params.extend([code, f"%{value}%"])
        if len(parts) > 1:  # "USA GOV": the sector must match too
            clause = f"({clause} AND {column_names} ILIKE ?)"
            params.append(f"%{code} {parts[1].upper()}%")
        clauses.append(clause)

    if f.actor:
        party("actor_codes", "actor_names", f.actor)
    if f.recipient:
        party("recipient_codes", "recipient_names", f.recipient)
    if f.type:
        clauses.append("event = ?")
        params.append(f.type.upper())
    if f.since:
        clauses.append(f"{day} >= ?")
        params.append(f.since)
    if f.until:
        clauses.append(f"left({day}, 10) <= ?")
        params.append(f.until)
    if f.min_origins:
        clauses.append("n_origins >= ?")
        params.append(int(f.min_origins))
    if f.near:
        box, box_params = _box(float(f.near[0]), float(f.near[1]), float(f.radius_km))
        clauses.append(f"lat IS NOT NULL AND {box} AND 6371.0 * 2 * asin(sqrt(pow(sin(radians(lat - ?) / 2), 2) + "
                       "cos(radians(?)) * cos(radians(lat)) * pow(sin(radians(lon - ?) / 2), 2))) <= ?")
        params.extend([*box_params, f.near[0], f.near[0], f.near[1], float(f.radius_km)])
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _derived(row) -> dict:
    """A merged event from one row with its derived list columns (no further query)."""
    (mid, n_articles, n_outlets, n_origins, first_published, first_article, data, articles, outlets, origin_list,
     first_url) = row
    out = json.loads(data)
    out["id"] = mid
    out["articles"] = list(articles or [])
    out["outlets"] = list(outlets or [])
    out["origins"] = [dict(o) for o in origin_list or []]
    out["first_seen"] = {"published": first_published.isoformat() if first_published else None,
                         "article_id": first_article, "url": first_url}
    out.update(n_articles=n_articles, n_outlets=n_outlets, n_origins=n_origins)
    return out


def _merged_many(con, rows: list[tuple]) -> list[dict]:
    """Merged events in the record's event format, with their articles, outlets and origins: one query for the
    mentions and one for the origins of the whole page (not two per event)."""
    ids = [row[0] for row in rows]
    mentions: dict[str, list[tuple]] = {i: [] for i in ids}
    origins: dict[str, list[dict]] = {i: [] for i in ids}
    if ids:
        for mid, article_id, publisher, url in con.execute(
                "SELECT m.merged_id, m.article_id, a.publisher, a.url FROM merged_event_mentions m JOIN articles a "
                "ON a.id = m.article_id WHERE m.merged_id IN (SELECT unnest(?::VARCHAR[])) "
                "ORDER BY m.merged_id, a.published, m.article_id", [ids]).fetchall():
            mentions[mid].append((article_id, publisher, url))
        for mid, name, kind, code in con.execute(
                "SELECT merged_id, name, kind, code FROM origins WHERE merged_id IN (SELECT unnest(?::VARCHAR[])) "
                "ORDER BY merged_id, name", [ids]).fetchall():
            origins[mid].append({"name": name, "kind": kind, "code": code})
    return [_merged(row, mentions[row[0]], origins[row[0]]) for row in rows]


def _merged(row, mentions: list[tuple], origins: list[dict]) -> dict:
    (mid, event, mode, cameo, actor_codes, recipient_codes, _an, _rn, date, lat, lon, n_articles, n_outlets,
     n_origins, first_published, first_article, data) = row
    out = json.loads(data)
    out["id"] = mid
    out["articles"] = list(dict.fromkeys(r[0] for r in mentions))
    out["outlets"] = sorted({r[1] for r in mentions if r[1]})
    out["origins"] = origins
    out["first_seen"] = {"published": first_published.isoformat() if first_published else None,
                         "article_id": first_article,
                         "url": next((r[2] for r in mentions if r[0] == first_article), None)}
    out.update(n_articles=n_articles, n_outlets=n_outlets, n_origins=n_origins)
    return out


def query_events(con: duckdb.DuckDBPyConnection, f: EventFilter, limit: int | None, offset: int,
                 derived: bool = False) -> list[dict]:
    where, params = _where(f, derived)
    if not derived:
        sql = f"SELECT {_MERGED_COLS} FROM merged_events {where} ORDER BY {_ORDER}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, int(limit), int(offset)]
        return _merged_many(con, con.execute(sql, params).fetchall())
    if limit is None:
        return [_derived(r) for r in con.execute(
            f"SELECT {_DERIVED_COLS} FROM merged_events {where} ORDER BY rank", params).fetchall()]
    # late materialisation: the page's ranks from the filter columns alone, then only those rows (their rank range
    # lets the zonemaps skip every other row group: the table is stored in rank order). The filter is applied again
    # to the rows (cheap on a page): should a relink commit between the two queries, no row outside it is returned.
    ranks = [r[0] for r in con.execute(f"SELECT rank FROM merged_events {where} ORDER BY rank LIMIT ? OFFSET ?",
                                       [*params, int(limit), int(offset)]).fetchall()]
    if not ranks:
        return []
    marks = ", ".join("?" * len(ranks))
    page = f"rank BETWEEN ? AND ? AND rank IN ({marks})"
    rows = con.execute(f"SELECT {_DERIVED_COLS} FROM merged_events {where + ' AND' if where else 'WHERE'} {page} "
                       f"ORDER BY rank", [*params, ranks[0], ranks[-1], *ranks]).fetchall()
    return [_derived(r) for r in rows]


def count_events(con, f: EventFilter, derived: bool = False) -> int:
    where, params = _where(f, derived)
    return con.execute(f"SELECT count(*) FROM merged_events {where}", params).fetchone()[0]


def _tree(attributions: dict[str, dict], attribution_id: str | None) -> list[dict]:
    """The chain from the root under the publisher down to the innermost attribution."""
    chain, seen = [], set()
    current = attributions.get(attribution_id) if attribution_id else None
    while current and current["id"] not in seen:
        seen.add(current["id"])
        chain.append(current)
        current = attributions.get(current["parent"]) if current.get("parent") else None
    return list(reversed(chain))


def get_event(con, event_id: str, derived: bool = False) -> dict | None:
    """One merged event with its mentions: a handful of index lookups (by id, never a join over whole tables)."""
    if derived:
        row = con.execute(f"SELECT {_DERIVED_COLS} FROM merged_events WHERE id = ?", [event_id]).fetchone()
        if row is None:
            return None
        out = _derived(row)
    else:
        row = con.execute(f"SELECT {_MERGED_COLS} FROM merged_events WHERE id = ?", [event_id]).fetchone()
        if row is None:
            return None
        out = _merged_many(con, [row])[0]
    pairs = con.execute("SELECT article_id, event_id FROM merged_event_mentions WHERE merged_id = ?",
                        [event_id]).fetchall()
    article_ids = sorted({a for a, _ in pairs})
    marks = ", ".join("?" * len(article_ids))
    articles, origins = {}, {}
    if article_ids:  # IN with one bound parameter per id: DuckDB answers it from the primary-key index
        for aid, title, publisher, published, url, record in con.execute(
                f"SELECT id, title, publisher, published, url, record FROM articles WHERE id IN ({marks})",
                article_ids).fetchall():
            articles[aid] = (title, publisher, published, url, json.loads(record))
        for aid, eid, *origin in con.execute(
                f"SELECT article_id, id, origin_name, origin_kind, origin_code FROM events "
                f"WHERE article_id IN ({marks})",
                article_ids).fetchall():
            origins.setdefault((aid, eid), origin)
    pairs = sorted((p for p in pairs if p[0] in articles),
                   key=lambda p: (articles[p[0]][2] is None, articles[p[0]][2] or 0, p[0], p[1]))
    out["mentions"] = []
    for article_id, eid in pairs:
        title, publisher, published, url, record = articles[article_id]
        event = next((e for e in record["events"] if e["id"] == eid), None)
        if event is None:
            continue
        attributions = {a["id"]: a for a in record["attributions"]}
        origin = origins.get((article_id, eid))
        out["mentions"].append({
            "article_id": article_id, "event_id": eid, "title": title, "publisher": publisher, "url": url,
            "published": published.isoformat() if published else None, "sentence": event["text"],
            "start": event["text_info"]["start"], "end": event["text_info"]["end"], "event_text": event["event_text"],
            "certainty": event["certainty"], "chain": _tree(attributions, event["attribution"]),
            "origin": {"name": origin[0], "kind": origin[1], "code": origin[2]} if origin else None,
        })
    return out


def get_article(con, article_id: str) -> dict | None:
    row = con.execute("SELECT a.record, s.story_id FROM articles a LEFT JOIN stories s ON s.article_id = a.id "
                      "WHERE a.id = ?", [article_id]).fetchone()
    if row is None:
        return None
    out = json.loads(row[0])
    out["story_id"] = row[1]
    return out


def list_actors(con, limit: int, offset: int) -> list[dict]:
    """Coded actors by number of merged events they take part in (as actor or recipient)."""
    rows = con.execute(
        "WITH a AS (SELECT code, sector, mode(name) AS name, count(*) AS n_mentions, "
        "count(DISTINCT article_id) AS n_articles FROM actors WHERE code IS NOT NULL GROUP BY code, sector), "
        "e AS (SELECT code, count(DISTINCT id) AS n_events FROM (SELECT id, unnest(list_concat(actor_codes, "
        "recipient_codes)) AS code FROM merged_events) GROUP BY code) "
        "SELECT a.code, a.sector, a.name, coalesce(e.n_events, 0) AS n_events, a.n_mentions, a.n_articles "
        "FROM a LEFT JOIN e ON e.code = a.code "
        "ORDER BY n_events DESC, a.n_mentions DESC, a.code, a.sector NULLS FIRST LIMIT ? OFFSET ?",
        [int(limit), int(offset)]).fetchall()
    return [dict(zip(("code", "sector", "name", "n_events", "n_mentions", "n_articles"), r)) for r in rows]


def list_places(con, limit: int, offset: int) -> list[dict]:
    """Resolved places by number of merged events located there."""
    rows = con.execute(
        "WITH p AS (SELECT geonameid, mode(name) AS name, any_value(country_code) AS country_code, "
        "any_value(lat) AS lat, any_value(lon) AS lon, count(*) AS n_mentions FROM places "
        "WHERE geonameid IS NOT NULL GROUP BY geonameid), "
        "e AS (SELECT geonameid, count(*) AS n_events FROM merged_events WHERE geonameid IS NOT NULL "
        "GROUP BY geonameid) "
        "SELECT p.geonameid, p.name, p.country_code, p.lat, p.lon, coalesce(e.n_events, 0) AS n_events, p.n_mentions "
        "FROM p LEFT JOIN e ON e.geonameid = p.geonameid ORDER BY n_events DESC, p.n_mentions DESC, p.geonameid "
        "LIMIT ? OFFSET ?", [int(limit), int(offset)]).fetchall()
    return [dict(zip(("geonameid", "name", "country_code", "lat", "lon", "n_events", "n_mentions"), r)) for r in rows]


def list_stories(con, limit: int, offset: int) -> list[dict]:
    rows = con.execute(
        "SELECT s.story_id, count(*) AS n, list(a.id ORDER BY a.published, a.id), "
        "list(DISTINCT a.publisher) FILTER (WHERE a.publisher IS NOT NULL), arg_min(a.title, a.published) "
        "FROM stories s JOIN articles a ON a.id = s.article_id GROUP BY s.story_id ORDER BY n DESC, s.story_id "
        "LIMIT ? OFFSET ?", [int(limit), int(offset)]).fetchall()
    return [{"story_id": r[0], "n_articles": r[1], "articles": r[2], "outlets": sorted(r[3] or []), "title": r[4]}
            for r in rows]


def resolve_place(con, name: str) -> tuple[float, float] | None:
    """A place name -> (lat, lon): the stored places first (what this corpus means by it), else the gazetteer."""
    row = con.execute("SELECT lat, lon FROM places WHERE (lower(text) = lower(?) OR lower(name) = lower(?)) "
                      "AND lat IS NOT NULL GROUP BY lat, lon ORDER BY count(*) DESC, lat, lon LIMIT 1",
                      [name, name]).fetchone()
    if row:
        return row[0], row[1]
    try:
        from ..geo import gazetteer

        entries = gazetteer.load().get(gazetteer.normalise(name))
    except Exception:  # noqa: BLE001  (the gazetteer is optional here: no match rather than a crash)
        return None
    if not entries:
        return None
    best = max(entries, key=lambda e: (e.population or 0, -e.geonameid))
    return best.lat, best.lon
