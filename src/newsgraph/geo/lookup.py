"""From a toponym's text (and the words after it) to gazetteer candidates.

- ``candidates``: the exact key, then variants ("Ontarians", "Republic of Armenia", "Benue State"), then the
  longest known place inside a longer name ("Manila Cathedral" -> Manila), never a generic word alone, never a
  place named inside a street's name ("Kingsley Road"), never a short acronym that is not a country or state.
- ``qualifier``: the state or country named right after a toponym (", La.", ", Texas", " in western Russia").
- ``host``: the place a facility is said to be in ("the CHU in Montpellier", "Atlantic Avenue in Garden City").
"""
from __future__ import annotations

import functools

from .. import lexicons
from . import gazetteer
from .gazetteer import Entry, normalise
from .rank import DIRECTIONS

AREA_CODES = {"PCLI", "PCLF", "ADM1", "ADM2"}
PREFIXES = ("republic of ", "state of ", "kingdom of ", "city of ", "town of ", "province of ", "greater ")
ACRONYM_TOWN = 3_000_000  # a town is called by its initials only when it is this big ("LA", "NYC")
SUFFIXES = (" state", " city", " province", " region", " area", " metro", " township", " twp")


@functools.lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    return lexicons.load("us_state_abbreviations")["abbreviations"]


@functools.lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in lexicons.load("place_qualifiers").items()}


def lookup(text: str) -> tuple[str, tuple[Entry, ...], str]:
    """(normalised key, entries, how): how is "exact", "variant", "inside" or "" (nothing found)."""
    index = gazetteer.load()
    text = text.removesuffix("'s").removesuffix("’s").strip()
    key = normalise(text)
    found = index.get(key)
    if text.isalpha() and text.isupper() and len(key) <= 4:  # "SRT", "TLC": airport codes among towns' alternate names
        found = tuple(e for e in found if e.feature_class != "P" or e.population >= ACRONYM_TOWN
                      or normalise(e.name) == key)
    if any(e.feature_code == "PCLI" and normalise(e.name) == key for e in found):
        # "Mexico" is the country: towns called so only by an alternate name ("Mexico City") drop out
        found = tuple(e for e in found if e.feature_class != "P" or normalise(e.name) == key)
    if key in words()["generic"]:  # "the Valley", "the West": a kind of place, not the town of that name
        found = tuple(e for e in found if e.feature_class != "P")
    if found or not key:
        return key, found, "exact" if found else ""
    variants = [key[:-1]] if key.endswith("s") else []  # "Ontarians", "Latvians"
    if text.isalpha() and text.isupper() and len(text) <= 3:
        variants.append(" ".join(key))  # "BC" as "B.C."
    variants += [key[len(p):] for p in PREFIXES if key.startswith(p)]
    variants += [key[: -len(s)] for s in SUFFIXES if key.endswith(s)]
    if key not in words()["generic"]:
        variants.append(key + " county")  # "Miami-Dade"
    for variant in variants:
        if index.get(variant):
            return key, index.get(variant), "variant"
    lexicon = words()
    tokens = text.split()
    if normalise(tokens[-1]) in lexicon["streets"]:
        return key, (), ""
    for size in range(len(tokens) - 1, 0, -1):  # "Manila Cathedral" -> Manila: the longest known place inside
        for start in range(len(tokens) - size + 1):
            part = tokens[start: start + size]
            sub_key = normalise(" ".join(part))
            if not part[0][:1].isupper() or all(w in lexicon["generic"] for w in sub_key.split()):
                continue
            sub = index.get(sub_key)
            if size == 1 and part[0].isupper() and len(part[0]) <= 4:  # "MDC": only a country or state code
                sub = tuple(e for e in sub if e.feature_code in {"PCLI", "PCLF", "ADM1"})
            sub = tuple(e for e in sub if e.feature_class != "P" or normalise(e.name) == sub_key)  # no nicknames
            if sub and any(e.feature_class != "P" or e.population >= 10_000 for e in sub):
                return key, sub, "inside"
    return key, (), ""


def candidates(text: str) -> tuple[str, tuple[Entry, ...]]:
    """(normalised key, gazetteer entries) for a toponym's text, with fallbacks for variants."""
    return lookup(text)[:2]


def is_facility(text: str) -> bool:
    """A name ending in a kind of building, street or site ("Third Street", "Barclays Center")."""
    tokens = text.split()
    return bool(tokens) and normalise(tokens[-1]) in words()["facilities"]


def _named_place(doc, i: int, codes: set[str] | None) -> tuple[list[Entry], int]:
    index = gazetteer.load()
    for length in (3, 2, 1):
        if i + length > len(doc):
            continue
        span = doc[i: i + length]
        if not span[0].is_title and not span[0].is_upper:
            continue
        key = normalise(abbreviations().get(span.text, span.text))
        found = [e for e in index.get(key) if codes is None or e.feature_code in codes]
        if found:
            return found, i + length
    return [], i


def qualifier(doc, end_token: int) -> tuple[list[Entry], str | None, int]:
    """States or countries named right after a toponym (", La." / ", Texas" / " in western Russia"),
    the direction word if any, and the token where the qualifier ends."""
    lexicon = words()
    i, direction = end_token, None
    if i < len(doc) and doc[i].text == ",":
        i += 1
        if i < len(doc) and doc[i].lower_ in lexicon["prepositions"]:
            i += 1
    elif i + 1 < len(doc) and doc[i].lower_ in lexicon["prepositions"]:
        i += 1
    else:
        return [], None, end_token
    while i < len(doc) and (doc[i].lower_ in lexicon["skip"] or doc[i].lower_ in DIRECTIONS):
        if doc[i].lower_ in DIRECTIONS:
            direction = doc[i].lower_
        i += 1
    found, end = _named_place(doc, i, AREA_CODES)
    return (found, direction, end) if found else ([], None, end_token)


def host(doc, end_token: int) -> list[Entry]:
    """The place a facility is in: "<facility>[,] [one common noun] in|at|near [the] <place>"."""
    i = end_token
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i < len(doc) and doc[i].pos_ == "NOUN" and doc[i].lower_ in words()["facilities"]:
        i += 1  # "the Pioneer cinema in Dewsbury"
    if not (i < len(doc) and doc[i].lower_ in {"in", "at", "near", "outside"}):
        return []
    i += 1
    while i < len(doc) and (doc[i].lower_ in words()["skip"] or doc[i].lower_ in DIRECTIONS):
        i += 1
    return _named_place(doc, i, None)[0]
