"""PLOVER JSONL: one record per merged event with the field names of the PLOVER manual's data-fields chapter
(id, date, actor, recipient, event, event_loc, event_text, quad_code, mode, context, text, text_info, cite_info,
coder), and newsgraph's provenance under the extension key "newsgraph"."""
from __future__ import annotations

import json

from .. import __version__
from .countries import iso3

QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
        "INVESTIGATE": 3, "DEMAND": 3, "REQUEST": 3, "ACCUSE": 3, "DISAPPROVE": 3, "REJECT": 3, "THREATEN": 3,
        "PROTEST": 4, "CRIME": 4,
        "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}


def _entity(p: dict) -> dict:
    return {"code": p.get("code"), "sector": [p["sector"]] if p.get("sector") else [],
            "entity_text": p.get("text"), "name": p.get("name")}


def _location(loc: dict | None) -> dict | None:
    if not loc:
        return None
    return {"extracted_place": loc.get("text"), "resolved_place": loc.get("name"), "geonameid": loc.get("geonameid"),
            "lat": loc.get("lat"), "lon": loc.get("lon"), "country_code": iso3(loc.get("country_code")),
            "inferred": loc.get("inferred", False)}


def _chains(event: dict) -> list[dict]:
    """Per mention (when the event comes from Store.get_event): the attribution chain, root first."""
    return [{"article_id": m["article_id"], "publisher": m.get("publisher"), "certainty": m.get("certainty"),
             "chain": [{"source": c["source"].get("name") or c["source"].get("text"), "kind": c["source"].get("kind"),
                        "code": c["source"].get("code"), "cue": c.get("cue")} for c in m.get("chain") or []]}
            for m in event.get("mentions") or [] if isinstance(m, dict) and "article_id" in m]


def record(event: dict) -> dict:
    first = event.get("first_seen") or {}
    return {
        "id": event["id"], "date": event.get("date") or first.get("published"),
        "actor": [_entity(p) for p in event.get("actor") or []],
        "recipient": [_entity(p) for p in event.get("recipient") or []],
        "event": [event["event"]], "event_loc": _location(event.get("event_loc")),
        "event_text": [event["event_text"]] if event.get("event_text") else [],
        "quad_code": QUAD.get(event["event"]), "mode": [event["mode"]] if event.get("mode") else [],
        "context": list(event.get("context") or []), "text": event.get("text"),
        "text_info": event.get("text_info"),
        "cite_info": {"url": first.get("url"), "article_id": first.get("article_id"), "published": first.get("published")},
        "coder": f"newsgraph {__version__} ({event.get('extractor') or 'events'})",
        "newsgraph": {"cameo": event.get("cameo"), "date_precision": event.get("date_precision"),
                      "certainty": event.get("certainty"), "negated": event.get("negated", False),
                      "articles": event["articles"], "outlets": event["outlets"], "origins": event["origins"],
                      "n_articles": event["n_articles"], "n_outlets": event["n_outlets"],
                      "n_origins": event["n_origins"], "first_seen": first, "attribution_chains": _chains(event)},
    }


def write(events, out) -> None:
    for event in events:
        out.write(json.dumps(record(event), ensure_ascii=False) + "\n")
