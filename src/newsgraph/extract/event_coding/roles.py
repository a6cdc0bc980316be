"""Who: the actors named by a noun phrase, through ``ctx.actors`` (spaCy entities as a code-less fallback)."""
from __future__ import annotations

import functools

from ... import lexicons
from ...types import Actor, EventActor

CORE_SKIP = frozenset({"relcl", "acl", "prep", "appos", "punct", "cc", "conj", "advcl", "ccomp", "parataxis", "agent"})
INNER_PREPS = frozenset({"of", "in", "from", "at", "inside", "by"})  # "calls by Belarus", "an offer from Kabul"
QUANTITY = frozenset({"thousand", "hundred", "dozen", "ten", "million", "score", "group", "number", "crowd", "band",
                      "handful", "majority", "some", "many", "most", "all", "part", "third", "half", "batch", "contingent"})
FALLBACK_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
ETHNIC_BLOCS = frozenset({"KUR", "WST"})  # actor-lexicon codes of a people / bloc that is no state
NOT_STATE = ETHNIC_BLOCS | {"EUR", "IGO", "UNO", "NGO", "IMG"}
OWNERSHIP = frozenset({"belong", "own", "run", "operate", "link", "affiliate", "tie", "control"})
LOCATION_PREPS = frozenset({"in", "at", "inside"})
# purpose nouns ("for use in Ukraine") and places ("at a prison in Diyarbakir"): their "in X" names where, not a party
ACTIVITY = frozenset({"use", "purpose", "deployment", "service", "jail", "prison", "camp", "hospital", "school",
                      "market", "square", "street", "building", "station", "plant", "factory", "airport", "port",
                      "town", "city", "village", "region", "area", "district", "province", "border", "site", "facility"})


@functools.lru_cache(maxsize=1)
def _sector_nouns() -> dict[str, str]:
    nouns = lexicons.load("sectors")["nouns"]
    return {n: sector for sector, words in nouns.items() if not sector.startswith("_") for n in words}


def antecedent(tok):
    """A relative pronoun stands for the noun its clause modifies ("Ukraine, which Russia invaded": Ukraine)."""
    if tok.tag_ in ("WDT", "WP") or (tok.lower_ == "that" and tok.dep_ in ("nsubj", "nsubjpass", "dobj")):
        clause = tok.head
        for _ in range(2):  # "Ukraine, which the US sends weapons to": which <- to <- sends
            if clause.dep_ == "relcl" or clause.head.i == clause.i:
                break
            clause = clause.head
        if clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return clause.head
    return tok


def _repeated_slots(head) -> list:
    """Objects of a repeated, coordinated preposition: "to Sudan and to South Sudan", "with Iran and with Turkey"."""
    prep = head.head
    if head.dep_ != "pobj" or prep.pos_ != "ADP":
        return []
    return [p for other in prep.conjuncts if other.pos_ == "ADP" and other.lower_ == prep.lower_
            for p in other.children if p.dep_ == "pobj"]


def is_placeholder(party: EventActor) -> bool:
    """A party named only by a sector noun ("the demonstrators"), with no country yet."""
    return party.code is None and party.name is None and party.actor_id is None


class ActorIndex:
    """Token index -> Actor mentions covering it, built once per article."""

    def __init__(self, doc, actors: list[Actor]):
        self.doc = doc
        self.by_token: dict[int, list[Actor]] = {}
        for actor in actors:
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is None:
                continue
            for i in range(span.start, span.end):
                self.by_token.setdefault(i, []).append(actor)
        self.fallback = not actors
        self.ent_by_token: dict[int, object] = {}
        if self.fallback:
            for ent in doc.ents:
                if ent.label_ in FALLBACK_LABELS:
                    for i in range(ent.start, ent.end):
                        self.ent_by_token[i] = ent

    def _in_tokens(self, tokens) -> list[EventActor]:
        found: dict[tuple, EventActor] = {}
        seen_ids = set()
        for tok in tokens:
            for actor in self.by_token.get(tok.i, ()):
                if id(actor) in seen_ids:
                    continue
                seen_ids.add(id(actor))
                key = actor.code or actor.name
                old = found.get(key)
                if old is None or (old.sector is None and actor.sector) or (
                        (old.sector is None) == (actor.sector is None) and len(actor.text) > len(old.text)):
                    found[key] = EventActor(actor.text, actor.name, actor.code, actor.sector, actor.id or None)
            ent = self.ent_by_token.get(tok.i)
            if ent is not None and ("ent", ent.start) not in seen_ids:
                seen_ids.add(("ent", ent.start))
                found.setdefault(ent.text, EventActor(ent.text, ent.text, None, None, None))
        return list(found.values())

    def names(self, tok) -> bool:
        """True when an actor mention covers the token itself ("the UN refugee *agency*"), not only a modifier."""
        return bool(self.by_token.get(tok.i))

    def phrase(self, head, deep: bool | str = True) -> list[EventActor]:
        """Actors of the phrase headed by ``head``, one list over its coordinated heads ("Moscow and Tehran");
        ``deep`` also searches its prepositional phrases ("of" only when ``deep == "of"``)."""
        if head is None:
            return []
        head = antecedent(head)
        out: list[EventActor] = []
        for h in [head, *head.conjuncts, *_repeated_slots(head)]:
            for actor in self._head(h, deep):
                if all(a.code != actor.code or a.name != actor.name for a in out):
                    out.append(actor)
        return out

    def party(self, head, any_noun: bool = False) -> list[EventActor]:
        """``phrase``, or else a code-less party when the head is a sector noun ("the demonstrators",
        "security forces"; any noun when ``any_noun``, for protesters); events.py gives it the sentence's one
        country or drops it."""
        found = self.phrase(head)
        if found or head is None or self.fallback:
            return found
        if head.lemma_.lower() in QUANTITY:  # "a group of refugees"
            inner = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj"), None)
            if inner is not None:
                return self.party(inner, any_noun)
        sector = _sector_nouns().get(head.lower_) or _sector_nouns().get(head.lemma_.lower())
        if sector is None and any_noun and head.pos_ in ("NOUN", "PROPN"):
            sector = "CVL"
        if sector is None:
            return []
        span = self.doc[head.left_edge.i: head.i + 1]
        return [EventActor(span.text, None, None, sector, None)]

    def _head(self, h, deep: bool | str) -> list[EventActor]:
        core = [h]
        stack = [c for c in h.children if c.dep_ not in CORE_SKIP]
        while stack:
            t = stack.pop()
            core.append(t)
            stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "cc", "appos", "prep"))  # "Syrian and Afghan refugees"
        found = self._in_tokens(core)
        if any(a.code for a in found):  # "UN envoy Martin Griffiths": the coded actor names the uncoded one
            found = [a for a in found if a.code]
        if any(a.code in ETHNIC_BLOCS for a in found) and any(a.code and len(a.code) == 3 and a.code not in NOT_STATE
                                                               for a in found) and not any(t.dep_ == "conj" for t in core):
            found = [a for a in found if a.code not in ETHNIC_BLOCS]  # "Syrian Kurds": the state names them
        if found or not deep:
            return found
        preps = INNER_PREPS if deep is True else ("of",)  # nested: only "of" chains ("the head of the army of X")
        for child in h.children:  # "leaders of Iran", "forces in Guinea", "thousands of students throughout Indonesia"
            if child.dep_ == "prep" and child.lower_ in preps and not (
                    child.lower_ in LOCATION_PREPS and h.lemma_.lower() in ACTIVITY):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self.phrase(pobj, deep=True if h.lemma_.lower() in QUANTITY and child.lower_ == "of"
                                            else "of" if child.lower_ == "of" else False)
                        if found:
                            return found
        for child in h.children:
            if child.dep_ == "appos":
                found = self._head(child, False)
                if found:
                    return found
            if child.dep_ == "acl" and child.lemma_.lower() in OWNERSHIP:  # "targets belonging to X", "a ship owned by X"
                for prep in child.children:
                    if prep.dep_ in ("prep", "agent") and prep.lower_ in ("to", "by", "with"):
                        found = [a for p in prep.children if p.dep_ == "pobj" for a in self.phrase(p, deep=False)]
                        if found:
                            return found
        return []
