"""Choose one gazetteer entry per toponym, using the whole article as context.

First, a local score per candidate: log population, a feature prior (countries, continents, first-order
divisions and capitals above same-named towns), exact name over alternate name, and a qualifier named right
after the toponym ("Pineville, La.", "Paris, Texas", "Yelabuga in western Russia"), which confines the choice to
that state or country and, with a direction word, to that side of it. The local scores give each reading of a
name its odds (``reading_odds``: "Louisville" is mostly Kentucky's, "Henry County" is spread over many states).
Then the article's context re-ranks every candidate: the expected number of other names read near it or in its
first-order division (candidate support), the shares of countries and first-order divisions among the other
names' readings, weighted by their odds (the focus), the actors' countries, and closeness to another name's
best local reading. A mention never votes for itself (leave-one-name-out), so "Gainesville" said ten times does
not outvote one "Hall County, Ga.".
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
COUNTRY_FOCUS = 3.0  # times the share of the other toponyms' readings (by odds) in the candidate's country
ADMIN1_FOCUS = 4.0  # times that share in the candidate's first-order division
ACTOR_COUNTRY = 0.5  # times the share of the actors' countries
NEAR = 0.75  # a candidate within 200 km of another name's best local reading
BIG_CITY = 1_000_000  # a state named like a city this big inside it ("New York") means the city
CITY_STATE = 6.0  # taken off such a state
SUPPORT = 2.0  # per other name expected to be read near the candidate or in its first-order division
SUPPORT_CAP = 2.0  # support counted at most this much
ODDS = 0.5  # a reading's odds grow as 10 ** (ODDS * local score): about the square root of its population
STRAY_POP = 10_000  # a town this small, 300 km from all the article's other places and with under half an
STRAY_KM = 300  # other name expected near it, is more likely a local place the gazetteer lacks: it goes to
STRAY_SUPPORT = 0.5  # the most named town of its country
LISTED = 2.0  # a reading of the same kind (and country) as the names listed with it: "Idaho and Washington"
CLEAR = 0.6  # a listed name counts when one of its readings has these odds
SEATED = {"PCLI", "PCLF", "ADM1"}  # areas with a seat of government (lookup.capital)
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
    areas: tuple[Entry, ...] = ()  # a facility named after an area ("Iowa State University"): a town in it
    partners: tuple[tuple[Entry, ...], ...] = ()  # candidates of the names listed with it ("Idaho and X")
    within_area: bool = False  # a building or organisation in the place it names or is said to be in: resolved
    # to a country or state, it is put in the article's most named town there, else at the area's seat


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


def reading_odds(m: Mention) -> list[float]:
    """How likely each candidate is from its local score alone (a softmax over 10 ** (ODDS * score)): a name's
    well-known reading takes most of the mass ("Louisville" is Kentucky's), an ambiguous one spreads it ("Henry
    County")."""
    scores = [ODDS * local_score(e, m) for e in m.candidates]
    top = max(scores, default=0.0)
    weights = [10 ** (s - top) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


def _support_index(mentions: list[Mention], odds: list[list[float]]) -> tuple[dict, dict]:
    """Each name's candidates by 1-degree cell and by first-order division, with the odds of each reading."""
    cells: dict[tuple[int, int], list] = {}
    admins: dict[tuple[str, str], list] = {}
    seen: set[str] = set()
    for m, m_odds in zip(mentions, odds):
        if m.key in seen or not m.candidates:
            continue
        seen.add(m.key)
        for i, (e, p) in enumerate(zip(m.candidates, m_odds)):
            if e.feature_code in AREAS:
                continue  # a country or sea says nothing about which town is meant
            cells.setdefault(_cell(e), []).append((m.key, i, p))
            if e.country_code and e.admin1 and e.population < BIG_CITY:  # New York City says nothing of Boston, N.Y.
                admins.setdefault((e.country_code, e.admin1), []).append((m.key, i, p))
    return cells, admins


def support(e: Entry, key: str, index: tuple[dict, dict]) -> float:
    """The expected number of other names of the article read as a place near this candidate (within about a
    degree) or in its first-order division, each name's readings weighted by their odds; capped."""
    if e.feature_code in AREAS:
        return 0.0
    cells, admins = index
    y, x = _cell(e)
    near: dict[tuple[str, int], float] = {}
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for name, i, p in cells.get((y + dy, x + dx), ()):
                near[(name, i)] = p
    if e.country_code and e.admin1:
        for name, i, p in admins.get((e.country_code, e.admin1), ()):
            near[(name, i)] = p
    return min(SUPPORT_CAP, sum(p for (name, _), p in near.items() if name != key))


def resolve_all(mentions: list[Mention], actor_countries: Counter | None = None) -> list[Entry | None]:
    """The chosen entry for each mention (None when it has no candidate)."""
    odds = [reading_odds(m) for m in mentions]
    spread = _support_index(mentions, odds)
    firsts = [max(m.candidates, key=lambda e: local_score(e, m)) if m.candidates else None for m in mentions]
    countries: Counter = Counter()  # the article's focus: each mention's readings, weighted by their odds
    admins: Counter = Counter()
    by_key: dict[str, tuple[Counter, Counter]] = {}
    for m, m_odds in zip(mentions, odds):
        if not m.candidates:
            continue
        own_c, own_a = by_key.setdefault(m.key, (Counter(), Counter()))
        for e, p in zip(m.candidates, m_odds):
            if e.country_code:
                countries[e.country_code] += p
                own_c[e.country_code] += p
            if e.country_code and e.admin1 and e.feature_code not in {"PCLI", "PCLF"}:
                admins[(e.country_code, e.admin1)] += p
                own_a[(e.country_code, e.admin1)] += p
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

        kinds = _partner_kinds(m)

        def score(e: Entry, kinds: set = kinds) -> float:
            s = local_score(e, m) + SUPPORT * support(e, m.key, spread)
            if (_kind(e), e.country_code if _kind(e) != "country" else None) in kinds:
                s += LISTED
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
    strays = {i for i, (m, e) in enumerate(zip(mentions, out)) if _stray(e, m, spread, out)}
    return _locate_facilities(mentions, out, strays)


def _kind(e: Entry) -> str:
    if e.feature_code in {"PCLI", "PCLF", "PCLH"}:
        return "country"
    return {"ADM1": "state", "ADM2": "county"}.get(e.feature_code, "town" if e.feature_class == "P" else "other")


def _partner_kinds(m: Mention) -> set[tuple[str, str | None]]:
    """The kind (and country) of the reading of each name listed with this one, when that name has one clear
    reading ("Idaho"; not "Washington", the city or the state)."""
    out = set()
    for found in m.partners:
        if found:
            odds, best = max(zip(reading_odds(Mention("", found)), found), key=lambda pair: pair[0])
            if odds >= CLEAR:
                out.add((_kind(best), best.country_code if _kind(best) != "country" else None))
    return out


def _stray(e: Entry | None, m: Mention, spread: tuple[dict, dict], out: list) -> bool:
    """A small town far from every other place of the article, with no other name read near it: more likely a
    local place the gazetteer lacks (a hamlet near the story's town) than that faraway namesake."""
    if e is None or e.feature_class != "P" or e.population >= STRAY_POP or m.qualifiers or m.within_area:
        return False
    if support(e, m.key, spread) > STRAY_SUPPORT:
        return False
    towns = [o for o in out if o is not None and o is not e and (o.feature_class == "P" or o.feature_code == "ADM2")]
    return bool(towns) and all(_close(e, o) > STRAY_KM for o in towns)


def _locate_facilities(mentions: list[Mention], out: list[Entry | None], strays=frozenset()) -> list[Entry | None]:
    """A facility or unknown name with no candidate of its own is in the most named town of the article's main
    country (the nearest one named before it breaks a tie), else in that country itself. One named after an area
    ("Iowa State University", "Bank of England"), said to be in one ("the summit in Peru") or qualified by one
    is in the most named town of that area, else at the area's seat of government (Denver, London, Lima). With no
    town named, a facility is in the most named county or state, else in the country."""
    from .lookup import capital

    countries = Counter(e.country_code for e in out if e is not None and e.country_code)
    main = countries.most_common(1)[0][0] if countries else None
    towns = [i for i, e in enumerate(out) if e is not None and e.feature_class == "P"]
    country = next((e for e in out if e is not None and e.country_code == main and e.feature_code in {"PCLI", "PCLF"}),
                   None)
    divisions = Counter(e.geonameid or id(e) for e in out if e is not None and e.country_code == main
                        and e.feature_code in {"ADM2", "ADM1"})
    top = divisions.most_common(1)[0][0] if divisions else None  # the most named county or state of that country
    division = next((e for e in out if e is not None and (e.geonameid or id(e)) == top), None)
    counts = Counter(out[i].geonameid or id(out[i]) for i in towns if i not in strays)
    towns = [i for i in towns if i not in strays]
    for i, m in enumerate(mentions):
        areas = m.areas
        if m.within_area and out[i] is not None and out[i].feature_code in SEATED:
            areas = (out[i],)  # resolved to the area it is in: a town of it
        elif i in strays:
            here = [j for j in towns if out[j].country_code == out[i].country_code]
            if here:  # the most named town of that country
                out[i] = out[max(here, key=lambda j: (counts[out[j].geonameid or id(out[j])], j < i, -abs(i - j)))]
            continue
        elif out[i] is not None or not m.facility:
            continue
        if areas:
            here = [j for j in towns if any(within(out[j], a) for a in areas)]
        else:
            here = [j for j in towns if out[j].country_code == main]
        if here:
            best = max(here, key=lambda j: (counts[out[j].geonameid or id(out[j])], j < i, -abs(i - j)))
            out[i] = out[best]
        elif areas:
            out[i] = capital(areas[0]) or areas[0]
        elif division:  # no town named: the county or state named most ("the county hospital")
            out[i] = division
        elif country:  # nor a county or state: the main country itself (a small country is a close guess)
            out[i] = country
    return out


def population_baseline(mention: Mention) -> Entry | None:
    return max(mention.candidates, key=lambda e: e.population) if mention.candidates else None
