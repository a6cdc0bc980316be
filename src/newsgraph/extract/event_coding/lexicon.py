"""Compile the event lexicons (event_verbs, event_nouns, cameo_plover) into lemma-keyed lookups, once per process."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ... import lexicons

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "THREATEN", "REJECT", "ACCUSE"})


@dataclass(frozen=True)
class Code:
    """A PLOVER coding with the CAMEO code beside it."""

    event: str
    mode: str | None
    cameo: str | None
    context: tuple[str, ...] = ()
    swap: bool = False  # recipient is the grammatical subject ("X hosted Y": Y visits X)


@dataclass(frozen=True)
class Pattern:
    lemma: str
    preps: frozenset[str] | None
    objs: frozenset[str] | None
    mods: frozenset[str] | None
    flags: frozenset[str]
    code: Code

    @property
    def specificity(self) -> int:
        return 4 * bool(self.objs) + 3 * bool(self.mods) + 2 * bool(self.preps) + len(self.flags - {"swap"})


def parse_spec(spec: str, table: dict) -> Code:
    """'163 SANCTION/discontinue @swap' -> Code; the CAMEO table fills what the spec leaves out."""
    parts = spec.split()
    cameo = parts[0]
    row = table.get(cameo) or table.get(cameo[:3]) or table.get(cameo[:2]) or {}
    event, mode = row.get("event"), row.get("mode")
    swap = False
    for part in parts[1:]:
        if part == "@swap":
            swap = True
        elif part.startswith("/"):
            mode = part[1:] or None
        else:
            ev, _, md = part.partition("/")
            event, mode = ev, (md or None)
    if event not in PLOVER_TYPES:
        raise ValueError(f"event lexicon spec {spec!r}: unknown PLOVER type {event!r}")
    return Code(event, mode, cameo, tuple(row.get("context") or ()), swap)


def _parse_patterns(patterns: dict, table: dict) -> dict[str, list[Pattern]]:
    out: dict[str, list[Pattern]] = {}
    for key, spec in patterns.items():
        heads, *rest = key.split()
        preps = objs = mods = None
        flags = set()
        for part in rest:
            values = frozenset(part[1:].split("|"))
            if part[0] == "~":
                preps = values
            elif part[0] == "+":
                objs = values
            elif part[0] == "%":
                mods = values
            elif part[0] == "@":
                flags.add(part[1:])
        code = parse_spec(spec, table)
        if code.swap:
            flags.add("swap")
        for lemma in heads.split("|"):
            out.setdefault(lemma, []).append(Pattern(lemma, preps, objs, mods, frozenset(flags), code))
    for items in out.values():
        items.sort(key=lambda p: -p.specificity)
    return out


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[Pattern]]
    nouns: dict[str, list[Pattern]]
    control: dict[str, str]
    light_verbs: frozenset[str]
    intent_adjectives: frozenset[str]
    transforms: dict[str, dict[str, Code]]
    threaten_modes: dict[str, str]
    table: dict[str, dict]
    commit_verbs: frozenset[str] = frozenset()  # intent verbs that state an agreement or offer (-> AGREE)
    control_noun_verbs: frozenset[str] = frozenset()
    control_nouns: dict[str, str] = None  # "demand" -> request: a verb + this object + a clause governs the clause
    control_particles: dict[str, str] = None  # "rule" -> "out": control only with that particle
    known_verbs: frozenset[str] = frozenset()  # every verb lemma the lexicons name (for lemma repair)


@functools.lru_cache(maxsize=8)
def load(user_files: tuple = ()) -> Lexicon:
    table = lexicons.load("cameo_plover", user_files)["codes"]
    verbs = lexicons.load("event_verbs", user_files)
    nouns = lexicons.load("event_nouns", user_files)
    transforms = {kind: {etype: parse_spec(spec, table) for etype, spec in mapping.items() if not etype.startswith("_")}
                  for kind, mapping in verbs["transforms"].items() if not kind.startswith("_")}
    verb_patterns = _parse_patterns(verbs["patterns"], table)
    control = {k: v for k, v in verbs["control"].items() if not k.startswith("_")}
    return Lexicon(
        verbs=verb_patterns,
        nouns=_parse_patterns(nouns["patterns"], table),
        control=control,
        light_verbs=frozenset(verbs["light_verbs"]),
        intent_adjectives=frozenset(verbs["intent_adjectives"]),
        transforms=transforms,
        threaten_modes=dict(verbs["threaten_modes"]),
        table=table,
        commit_verbs=frozenset(verbs.get("commit_verbs", ())),
        control_noun_verbs=frozenset(verbs.get("control_noun_verbs", ())),
        control_nouns={k: v for k, v in verbs.get("control_nouns", {}).items() if not k.startswith("_")},
        control_particles={k: v for k, v in verbs.get("control_particles", {}).items() if not k.startswith("_")},
        known_verbs=frozenset(verb_patterns) | frozenset(control) | frozenset(verbs["light_verbs"]),
    )
