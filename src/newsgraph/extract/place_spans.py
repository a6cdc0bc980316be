"""Where the toponyms are: character spans of an article's place mentions, of four kinds.

- ``literal``: spaCy GPE/LOC/FAC entities.
- ``context``: ORG or PERSON entities and untagged proper nouns the gazetteer knows, when the context says place:
  a locative preposition before ("in Nitra"), a qualifier after ("Yelabuga in western Russia"), an ORG that is
  exactly a well-known place ("Minnesota") or is named like a facility said to be somewhere ("the Barclays Center
  in Brooklyn"), an untagged country or state; and every other ORG/untagged mention of a name already found as a
  place (one sense per article).
- ``adjective``: a country or region adjective ("Russian troops", "anti-Russian", "European"), which GeoWebNews
  counts as a toponym (a non-literal modifier).
- ``embedded``: a country, state, big city, place named elsewhere in the article, town before a civic body or
  place adjective inside an organisation's name ("Air Canada Cargo", "the US Energy Department", "BBC
  Arabic", "the Riverside Police Department").
"""
from __future__ import annotations

import functools
import re

from .. import lexicons
from ..geo import gazetteer
from ..geo.gazetteer import normalise
from ..geo.lookup import host, is_facility, qualifier, words
from .context import Context

LABELS = {"GPE", "LOC", "FAC"}
WELL_KNOWN = {"PCLI", "PCLF", "ADM1", "ADM2", "CONT", "RGN", "PPLC"}
EMBEDDED = {"PCLI", "PCLF", "ADM1"}
HOSTS = {"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}  # names that may hold an embedded place
LOCATIVE = {"in", "near", "outside", "across", "throughout", "around"}
AFFIXES = ("anti-", "pro-", "ex-", "non-", "post-", "pan-")
BIG_CITY = 100_000
WORD = re.compile(r"[A-Z][\w']*")


@functools.lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    words = set(lexicons.load("countries")["demonyms"]) | set(lexicons.load("regions")["adjectives"])
    return frozenset(normalise(w) for w in words) - {"georgia"}


def _known(key: str, codes=None, population=0) -> bool:
    """Known to the gazetteer (with ``codes``: as one of those feature codes, or as the main name of a town of
    ``population`` or more)."""
    found = gazetteer.load().get(key)
    if codes is None:
        return bool(found)
    return any(e.feature_code in codes or (e.feature_class == "P" and e.population >= population
                                           and normalise(e.name) == key) for e in found)


def _locative(doc, start: int) -> bool:
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVE


def _proper_runs(doc, covered: set[int]):
    """Runs of capitalised proper nouns that no entity covers."""
    i = 0
    while i < len(doc):
        if i in covered or doc[i].pos_ != "PROPN" or not (doc[i].is_title or doc[i].is_upper):
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and j + 1 not in covered and doc[j + 1].pos_ == "PROPN" and doc[j + 1].is_title:
            j += 1
        yield doc[i: j + 1]
        i = j + 1


def _literal(span, label: str) -> bool:
    doc, key = span.doc, normalise(span.text)
    if label in LABELS:
        return True
    if label == "ORG" and is_facility(span.text) and host(doc, span.end):  # "the Barclays Center in Brooklyn"
        return True
    if not key or not _known(key):
        return False
    if not label and _known(key, EMBEDDED, 10**12):  # an untagged country or state
        return True
    if qualifier(doc, span.end)[0] or _locative(doc, span.start):
        return True
    return label == "ORG" and _known(key, WELL_KNOWN, BIG_CITY)


def _adjectives(span) -> list[tuple[int, int]]:
    """Place adjectives in a NORP entity: the whole ("Central American") or its parts ("anti-Russian",
    "Austro-Hungarian", "Sino-Russian")."""
    text = span.text
    if text.lower().startswith("the "):
        text = text[4:]
    if normalise(text) in demonyms():
        return [(span.end_char - len(text), span.end_char)]
    return [(span.start_char + m.start(), span.start_char + m.end()) for m in WORD.finditer(span.text)
            if normalise(m.group()) in demonyms()]


def _embedded(span, names: set[str]) -> list[tuple[int, int]]:
    """Countries, states, big cities, places the article names elsewhere, towns followed by a civic body
    ("the Riverside Police Department") and place adjectives named inside a longer name."""
    out, i, doc = [], span.start, span.doc
    civic = words()["civic"]
    while i < span.end:
        for size in (3, 2, 1):
            part = doc[i: i + size]
            if part.end > span.end or len(part) == len(span) or any(t.is_stop or t.pos_ != "PROPN" and
                                                                    t.pos_ != "ADJ" for t in part):
                continue
            if not (part[0].is_title or part[0].is_upper):
                continue
            key = normalise(part.text)
            acronym = size == 1 and part[0].is_upper  # "US" is a country; "MDC" is not a city's nickname here
            town = part.end < len(doc) and doc[part.end].lower_ in civic and _known(key, EMBEDDED, 0)
            if key in demonyms() or key in names or town or _known(key, EMBEDDED, 10**12 if acronym else BIG_CITY):
                out.append((part.start_char, part.end_char))
                i += size - 1
                break
        i += 1
    return out


def find(ctx: Context) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the article's place mentions, in text order. Kinds: "literal" (NER places),
    "context" (other names the context makes places), "adjective", "embedded"."""
    doc = ctx.doc
    found: dict[tuple[int, int], str] = {}
    names: set[str] = set()
    pending = []
    for ent in doc.ents:
        if ent.label_ == "NORP":
            for where in _adjectives(ent):
                found[where] = "adjective"
        elif ent.label_ in LABELS:
            found[(ent.start_char, ent.end_char)] = "literal"
            names.add(normalise(ent.text))
        elif ent.label_ in {"ORG", "PERSON"} and _literal(ent, ent.label_):
            found[(ent.start_char, ent.end_char)] = "context"
            names.add(normalise(ent.text))
        elif ent.label_ in HOSTS:
            pending.append(ent)
    covered = {i for e in doc.ents for i in range(e.start, e.end)}
    runs = list(_proper_runs(doc, covered))
    for run in runs:
        key = normalise(run.text)
        if key in demonyms():
            found[(run.start_char, run.end_char)] = "adjective"
        elif _literal(run, ""):
            found[(run.start_char, run.end_char)] = "context"
            names.add(key)
    for tok in doc:  # "Salvadoran" left untagged
        if tok.i not in covered and tok.pos_ == "ADJ" and tok.is_title and normalise(tok.text) in demonyms():
            found.setdefault((tok.idx, tok.idx + len(tok)), "adjective")
    for span in pending + runs:  # one sense per article: "Nitra" tagged ORG once and GPE elsewhere
        where = (span.start_char, span.end_char)
        if where in found:
            continue
        if normalise(span.text) in names:
            found[where] = "context"
        elif span in pending:
            for sub in _embedded(span, names):
                found[sub] = "embedded"
    return sorted((s, e, kind) for (s, e), kind in found.items())
