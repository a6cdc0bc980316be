"""Choose one gazetteer entry per toponym, using the whole article as context.

Two passes. First, a local score per candidate: log population, a feature prior (countries, continents,
first-order divisions and capitals above same-named towns), exact name over alternate name, and a qualifier
named right after the toponym ("Pineville, La.", "Paris, Texas", "Yelabuga in western Russia"), which confines
the choice to that state or country and, with a direction word, to that side of it. Then the article's focus:
the countries and first-order divisions of the other toponyms' first-pass picks (and the actors' countries),
and closeness to those picks, re-rank every candidate. A mention never votes for itself (leave-one-name-out),
so "Gainesville" said ten times does not outvote one "Hall County, Ga.".
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .gazetteer import Entry

FEATURE_PRIOR = {"PCLI": 4.0, "PCLF": 4.0, "PCLH": 3.0, "CONT": 4.0, "OCN": 4.0, "ADM1": 3.0, "RGN": 3.0,
                 "SEA": 3.0, "GULF": 3.0, "ADM2": 2.0, "PPLC": 3.0}
EXACT_NAME = 1.5  # the toponym is the entry's main name, not one of its alternate names
QUALIFIED = 10.0  # inside (or outside) the named qualifier
DIRECTION = 1.5  # on the named side of the qualifying country
COUNTRY_FOCUS = 3.0  # times the share of the article's other toponyms in the candidate's country
ADMIN1_FOCUS = 4.0  # times the share of the article's other toponyms in the candidate's first-order division
ACTOR_COUNTRY = 1.0  # times the share of the actors' countries
NEAR = 1.5  # a candidate within 200 km of another toponym's pick
BIG_CITY = 1_000_000  # a state named like a city this big inside it ("New York") means the city
CITY_STATE = 6.0  # taken off such a state
SUPPORT = 2.0  # per other name (weighted by how unambiguous it is) with a candidate near or in the same state
SUPPORT_CAP = 2.0  # support counted at most this much
SPREAD = 0.5  # a name spread over n divisions weighs n ** -SPREAD
AREAS = {"PCLI", "PCLF", "PCLH", "CONT", "OCN", "RGN", "SEA", "GULF"}  # too large for "near"
DIRECTIONS = {"northern": (1, 0), "southern": (-1, 0), "eastern": (0, 1), "western": (0, -1),
              "northeastern": (1, 1), "northwestern": (1, -1), "southeastern": (-1, 1), "southwestern": (-1, -1),
              "north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1)}


@dataclass
class Mention:
    key: str  # normalised name
    candidates: tuple[Entry, ...]
    qualifiers: list[Entry] = field(default_factory=list)  # states or countries named right after it
    direction: str | None = None  # "western" in "in western Russia"
    facility: bool = False  # a building, street, site or unknown name: without candidates, in the article's town
    areas: tuple[Entry, ...] = ()  # a facility named after an area ("Colorado State University"): a town in it


def within(entry: Entry, area: Entry) -> bool:
    if entry.country_code != area.country_code or entry.geonameid == area.geonameid:
        return False
    return area.feature_code != "ADM1" or entry.admin1 == area.admin1


def local_score(entry: Entry, mention: Mention) -> float:
    score = math.log10(entry.population + 10) + FEATURE_PRIOR.get(entry.feature_code, 0.0)
    if entry.name and mention.key == _norm(entry.name):
        score += EXACT_NAME
    if _city_state(entry, mention):
        score -= CITY_STATE  # "New York" is the city
    if mention.qualifiers:
        inside = [q for q in mention.qualifiers if within(entry, q)]
        score += QUALIFIED if inside else -QUALIFIED
        if inside and mention.direction in DIRECTIONS and inside[0].feature_class == "A":
            dlat, dlon = DIRECTIONS[mention.direction]
            q = inside[0]
            agree = dlat * (entry.lat - q.lat) + dlon * (entry.lon - q.lon)
            score += DIRECTION if agree > 0 else -DIRECTION
    return score


def _city_state(entry: Entry, mention: Mention) -> bool:
    """A first-order division named like a city of a million inside it ("New York")."""
    return entry.feature_code == "ADM1" and any(
        c.feature_class == "P" and c.population >= BIG_CITY and c.admin1 == entry.admin1
        and c.country_code == entry.country_code for c in mention.candidates)


def _norm(name: str) -> str:
    from .gazetteer import normalise

    return normalise(name)


def _close(a: Entry, b: Entry) -> float:
    """Rough distance in km (equirectangular; enough to tell 'near' from 'far')."""
    x = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    y = math.radians(b.lat - a.lat)
    return 6371.0 * math.hypot(x, y)


def _cell(e: Entry) -> tuple[int, int]:
    return int(math.floor(e.lat)), int(math.floor(e.lon))


def _support_index(mentions: list[Mention]) -> tuple[dict, dict, dict]:
    """Which names have some candidate in each 1-degree cell and in each first-order division, and each name's
    weight (1 / sqrt of the number of divisions its candidates spread over: "Springfield" says little)."""
    cells: dict[tuple[int, int], set[str]] = {}
    admins: dict[tuple[str, str], set[str]] = {}
    weights: dict[str, float] = {}
    for m in mentions:
        if m.key in weights or not m.candidates:
            continue
        if max(m.candidates, key=lambda e: local_score(e, m)).feature_code in AREAS:
            continue  # "Russia" is the country: its namesake towns (Russia, Ohio) lend no support
        local = [e for e in m.candidates if e.feature_code not in AREAS]
        groups = {(e.country_code, e.admin1) for e in local}
        weights[m.key] = max(1, len(groups)) ** -SPREAD
        for e in local:
            cells.setdefault(_cell(e), set()).add(m.key)
            if e.country_code and e.admin1:
                admins.setdefault((e.country_code, e.admin1), set()).add(m.key)
    return cells, admins, weights


def support(e: Entry, key: str, index: tuple[dict, dict, dict]) -> float:
    """Other names of the article with a candidate near this one or in its first-order division."""
    if e.feature_code in AREAS:
        return 0.0
    cells, admins, weights = index
    y, x = _cell(e)
    names: set[str] = set()
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            names |= cells.get((y + dy, x + dx), set())
    if e.country_code and e.admin1:
        names |= admins.get((e.country_code, e.admin1), set())
    names.discard(key)
    return min(SUPPORT_CAP, sum(weights[n] for n in names))


def resolve_all(mentions: list[Mention], actor_countries: Counter | None = None) -> list[Entry | None]:
    """The chosen entry for each mention (None when it has no candidate)."""
    spread = _support_index(mentions)
    firsts = [max(m.candidates, key=lambda e: local_score(e, m)) if m.candidates else None for m in mentions]
    countries: Counter = Counter()
    admins: Counter = Counter()
    by_key: dict[str, tuple[Counter, Counter]] = {}
    for m, e in zip(mentions, firsts):
        if e is None:
            continue
        own_c, own_a = by_key.setdefault(m.key, (Counter(), Counter()))
        if e.country_code:
            countries[e.country_code] += 1
            own_c[e.country_code] += 1
        if e.country_code and e.admin1 and e.feature_code not in {"PCLI", "PCLF"}:
            admins[(e.country_code, e.admin1)] += 1
            own_a[(e.country_code, e.admin1)] += 1
    picks = {}
    for m, e in zip(mentions, firsts):
        if e is not None:
            picks.setdefault(e.geonameid or id(e), (m.key, e))
    actors = actor_countries or Counter()
    actor_total = sum(actors.values())
    out = []
    for m, first in zip(mentions, firsts):
        if first is None or len(m.candidates) == 1:
            out.append(first)
            continue
        own_c, own_a = by_key[m.key]
        c_total = sum(countries.values()) - sum(own_c.values())
        a_total = sum(admins.values()) - sum(own_a.values())
        others = [e for key, e in picks.values() if key != m.key][:40]

        def score(e: Entry) -> float:
            s = local_score(e, m) + SUPPORT * support(e, m.key, spread)
            if e.country_code and c_total > 0:
                s += COUNTRY_FOCUS * (countries[e.country_code] - own_c[e.country_code]) / c_total
            if e.country_code and e.admin1 and a_total > 0:
                key = (e.country_code, e.admin1)
                s += ADMIN1_FOCUS * (admins[key] - own_a[key]) / a_total
            if e.country_code and actor_total:
                s += ACTOR_COUNTRY * actors[e.country_code] / actor_total
            if others and e.feature_class == "P":
                if any(_close(e, o) < 200 for o in others if o.feature_class == "P" or o.feature_code == "ADM2"):
                    s += NEAR
            return s

        out.append(max(m.candidates, key=score))
    return _locate_facilities(mentions, out)


def _locate_facilities(mentions: list[Mention], out: list[Entry | None]) -> list[Entry | None]:
    """A facility or unknown name with no candidate of its own is in the most named town of the article's main
    country (the nearest one named before it breaks a tie), else in that country itself. One named after an area
    ("Colorado State University") or qualified by one is in the most named town of that area, else at the area."""
    countries = Counter(e.country_code for e in out if e is not None and e.country_code)
    main = countries.most_common(1)[0][0] if countries else None
    towns = [i for i, e in enumerate(out) if e is not None and e.feature_class == "P"]
    country = next((e for e in out if e is not None and e.country_code == main and e.feature_code in {"PCLI", "PCLF"}),
                   None)
    counts = Counter(out[i].geonameid or id(out[i]) for i in towns)
    for i, m in enumerate(mentions):
        if out[i] is not None or not m.facility:
            continue
        if m.areas:
            here = [j for j in towns if any(within(out[j], a) for a in m.areas)]
        else:
            here = [j for j in towns if out[j].country_code == main]
        if here:
            best = max(here, key=lambda j: (counts[out[j].geonameid or id(out[j])], j < i, -abs(i - j)))
            out[i] = out[best]
        elif m.areas:
            out[i] = m.areas[0]
        elif country:  # no town named: the main country itself (a small country is a close guess)
            out[i] = country
    return out


def population_baseline(mention: Mention) -> Entry | None:
    return max(mention.candidates, key=lambda e: e.population) if mention.candidates else None
