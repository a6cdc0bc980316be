"""Normalise a source phrase: kind (outlet, person, official, anonymous, organisation), name and code.

Actor mentions from ``ctx.actors`` win when they overlap the phrase; otherwise the phrase's
entities, head noun and the source lexicon decide (less precisely).
"""
from __future__ import annotations

import functools
import re

from spacy.tokens import Doc

from ...types import Actor, Source
from .lexicon import lexicon

PRONOUNS = frozenset({"he", "she", "him", "her", "they", "it", "we", "i"})
SECTOR_OFFICIAL = frozenset({"GOV", "MIL", "JUD", "LEG", "POL"})


@functools.lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern:
    keys = sorted(lexicon().country_words, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")


def _country_code(phrase: str) -> str | None:
    """The code of the longest country word in the phrase (one compiled pattern)."""
    found = [m.group() for m in _country_pattern().finditer(phrase.lower())]
    return lexicon().country_words[max(found, key=len)] if found else None


class SourceResolver:
    """Builds Source records for one article; remembers the last named person for pronouns."""

    def __init__(self, doc: Doc, actors: list[Actor]):
        self.doc = doc
        self.text = doc.user_data.get("newsgraph_text") or doc.text
        self.actors = sorted(actors, key=lambda a: a.start)
        self.by_id = {a.id: a for a in actors if a.id}
        self.people = [(e.start_char, e.text) for e in doc.ents if e.label_ == "PERSON"]

    def _actors_in(self, s: int, e: int) -> list[Actor]:
        return [a for a in self.actors if a.start < e and s < a.end]

    def _resolve_ref(self, actor: Actor) -> Actor:
        seen = 0
        while actor.ref and actor.ref in self.by_id and seen < 5:
            actor, seen = self.by_id[actor.ref], seen + 1
        return actor

    def _previous_outlet(self, s: int) -> Actor | None:
        """The last named outlet before ``s``: what "the newspaper" or "the paper" refers back to."""
        outlets = [a for a in self.actors if a.kind == "outlet" and a.end <= s and a.name]
        return self._resolve_ref(outlets[-1]) if outlets else None

    def _previous_person(self, s: int) -> str | None:
        name = None
        for start, text in self.people:
            if start >= s:
                break
            name = text
        return name

    def resolve(self, s: int, e: int) -> Source:
        lex = lexicon()
        text = self.text[s:e]
        low = text.lower().strip()
        bare = re.sub(r"^(the|a|an)\s+", "", low)
        actors = self._actors_in(s, e)
        anonymous = any(cue in low for cue in lex.anonymity_cues)
        span = self.doc.char_span(s, e, alignment_mode="expand")
        head = span.root if span is not None and len(span) else None
        head_word = head.lower_ if head is not None else bare
        has_name = span is not None and any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in span)

        if actors and not anonymous:
            main = self._resolve_ref(min(actors, key=lambda a: (a.kind == "country", a.start)))
            kind = {"outlet": "outlet", "person": "person"}.get(main.kind)
            if kind is None:
                kind = "official" if (main.kind == "country" or main.sector in SECTOR_OFFICIAL) else "organisation"
            if main.kind == "country" and head_word not in lex.official_heads and len(actors) == 1 and bare == main.text.lower():
                kind = "official"
            return Source(text, main.name, main.code, kind, s, e, main.sector)
        code = next((a.code for a in actors if a.code), None) or _country_code(text)
        if low in PRONOUNS:
            name = self._previous_person(s) if low in ("he", "she") else None
            return Source(text, name, code, "person" if name else "anonymous", s, e)
        for key in (low, bare):
            if key in lex.outlets:
                name, ocode = lex.outlets[key]
                return Source(text, name, ocode, "outlet", s, e, "MED")
            if key in lex.organisations:
                ocode, sector = lex.organisations[key]
                return Source(text, self._title(text), ocode, "organisation", s, e, sector)
        for key, (name, ocode) in lex.outlets.items():
            if len(key) > 4 and key in low:  # "a Wall Street Journal report"
                return Source(text, name, ocode, "outlet", s, e, "MED")
        vague = not has_name and head_word in lex.anonymous_heads and head_word not in ("official", "officials")
        if anonymous or vague or bare in lex.vague_alone:
            return Source(text, None, code, "anonymous", s, e)
        if span is not None and any(t.ent_type_ == "PERSON" for t in span):
            person = " ".join(t.text for t in span if t.ent_type_ == "PERSON")
            return Source(text, person, code, "person", s, e)
        if head_word in lex.official_heads or any(w in low for w in ("spokes", "minister", "ministry")):
            return Source(text, self._title(text) if has_name else None, code, "official", s, e, "GOV")
        if bare in lex.country_words:  # "Kyiv said", "Washington says": the government
            return Source(text, self._title(text), code, "official", s, e, "GOV")
        if head is not None and head.pos_ == "PROPN" and head.ent_type_ in ("", "PERSON") and len(span) <= 4:
            return Source(text, self._title(text), code, "person", s, e)
        if head_word in lex.outlet_heads:
            earlier = self._previous_outlet(s) if low.startswith("the ") else None  # "the newspaper reported"
            if earlier is not None:
                return Source(text, earlier.name, earlier.code, "outlet", s, e, "MED")
            return Source(text, None, code, "outlet", s, e, "MED")
        return Source(text, self._title(text) if has_name else None, code, "organisation", s, e)

    @staticmethod
    def _title(text: str) -> str:
        return re.sub(r"^(the|a|an)\s+", "", text.strip().rstrip(","), flags=re.I)
