"""Merged events: the same event reported by several articles becomes one, with its mentions and corroboration.

Two article events merge when they have the same PLOVER type, overlapping actors (order-insensitive for
symmetric types, where PLOVER lists every party as an actor), a compatible date and a compatible place. Within a
story cluster that is enough; across clusters the recipients must overlap too and both events must be dated.
"""
from __future__ import annotations

import json
import math

from .ids import digest, keep_ids
from .origins import normalise_origin

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
MAX_KM = 200.0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    a, b = a.split("/")[0], b.split("/")[0]
    return a.startswith(b) or b.startswith(a)


def _parties(e: dict) -> tuple[set, set]:
    actors, recipients = set(e["actor_codes"] or []), set(e["recipient_codes"] or [])
    if e["event"] in SYMMETRIC:
        return actors | recipients, actors | recipients
    return actors, recipients


def compatible(a: dict, b: dict, same_story: bool) -> bool:
    if a["event"] != b["event"] or a["article_id"] == b["article_id"]:
        return False
    actors_a, rec_a = _parties(a)
    actors_b, rec_b = _parties(b)
    if not (actors_a & actors_b):
        return False
    if not _dates_compatible(a["date"], b["date"]):
        return False
    if a["lat"] is not None and b["lat"] is not None and _km((a["lat"], a["lon"]), (b["lat"], b["lon"])) > MAX_KM:
        return False
    if same_story:
        return not (rec_a and rec_b) or bool(rec_a & rec_b)
    return bool(rec_a & rec_b) and bool(a["date"]) and bool(b["date"])


def merge(events: list[dict], stories: dict[str, str]) -> list[list[dict]]:
    """Groups of article events (each a dict from Store.article_events), first report first."""
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # block by (type, actor code): only events that share one can merge, so no comparison of every pair
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, e in enumerate(events):
        for code in sorted(_parties(e)[0]):
            blocks.setdefault((e["event"], code), []).append(i)
    done: set[tuple[int, int]] = set()
    for key in sorted(blocks):
        indices = blocks[key]
        for x, i in enumerate(indices):
            for j in indices[x + 1:]:
                if (i, j) in done or find(i) == find(j):
                    continue
                done.add((i, j))
                a, b = events[i], events[j]
                if compatible(a, b, stories.get(a["article_id"]) == stories.get(b["article_id"])):
                    parent[find(j)] = find(i)
    groups: dict[int, list[dict]] = {}
    for i, e in enumerate(events):
        groups.setdefault(find(i), []).append(e)
    return list(groups.values())


def origins_of(group: list[dict], stories: dict[str, str]) -> dict[str, tuple[str, str, str | None]]:
    """Independent origins: distinct chain roots. An unattributed mention is its publisher's own reporting, unless
    another article of the same story attributes this event to an outside source: a rewrite that drops the
    attribution is not a new origin."""
    attributed_stories = {stories.get(e["article_id"]) for e in group if e["origin_kind"] != "publisher"}
    out: dict[str, tuple[str, str, str | None]] = {}  # normalised key -> (name, kind, code)
    for e in group:
        if e["origin_kind"] == "publisher" and stories.get(e["article_id"]) in attributed_stories:
            continue
        out.setdefault(normalise_origin(e["origin_name"]), (e["origin_name"], e["origin_kind"], e["origin_code"]))
    return out


def _one_per_sentence(group: list[dict]) -> list[dict]:
    """One mention per article sentence: two events of one sentence that both merged with another article's event
    (two triggers, "flew to Yelabuga ... and toured a plot") are one mention, the first."""
    out, seen = [], set()
    for e in group:
        info = (json.loads(e["data"]).get("text_info") or {}) if e.get("data") else {}
        key = (e["article_id"], info.get("start"), info.get("end")) if info else (e["article_id"], e["id"])
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def merged_rows(groups: list[list[dict]], stories: dict[str, str], previous: dict[tuple[str, str], str] | None = None):
    """Rows for merged_events, merged_event_mentions and origins. `previous` maps (article id, event id) to the
    merged id of the last linking: a merged event keeps its id when an earlier report of it arrives."""
    merged, mentions, origins = [], [], []
    kept = [_one_per_sentence(group) for group in groups]
    ids = keep_ids([[(e["article_id"], e["id"]) for e in group] for group in kept], previous or {},
                   lambda keys, attempt: digest("M", "{}:{}".format(*keys[0]) + "#" * attempt, 12))
    for group, mid, mentioned in zip(groups, ids, kept):
        first = group[0]
        data = json.loads(first["data"])
        found = origins_of(group, stories)
        actor_codes = sorted({c for e in group for c in e["actor_codes"] or []})
        recipient_codes = sorted({c for e in group for c in e["recipient_codes"] or []})

        def names(key):
            return "; ".join(f"{x.get('code') or ''} {x.get('sector') or ''} {x.get('name') or x.get('text')}".strip()
                             for x in data.get(key, []))

        located = next((e for e in group if e["lat"] is not None), None)
        dated = next((e["date"] for e in group if e["date"]), None)
        merged.append((mid, first["event"], data.get("mode"), data.get("cameo"), actor_codes, recipient_codes,
                       names("actor"), names("recipient"), dated, located["lat"] if located else None,
                       located["lon"] if located else None, len({e["article_id"] for e in group}),
                       len({e["publisher"] for e in group if e["publisher"]}), len(found), first["published"],
                       first["article_id"], first["data"]))
        mentions.extend((mid, e["article_id"], e["id"]) for e in mentioned)
        origins.extend((mid, name, kind, code) for _, (name, kind, code) in sorted(found.items()))
    return merged, mentions, origins
