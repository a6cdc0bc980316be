"""What and to whom: match event triggers in a parsed sentence and code them in PLOVER (CAMEO beside).

One pass per sentence over its tokens, shallowest first, so a governing verb ("agreed to build",
"urged Iran to release", "launched an attack") consumes the event it governs before that is coded alone.
"""
from __future__ import annotations

from dataclasses import replace

from .control import ControlRules
from .lexicon import Lexicon, Pattern
from .parties import RoleRules
from .roles import ActorIndex
from .syntax import (CONDITIONAL, CONTAINER, Candidate, FUTURE, JOINT, MODAL_HEDGE, NEG, depths, governing_verb,
    object_tokens, prep_objects)


class SentenceCoder(ControlRules, RoleRules):
    def __init__(self, lex: Lexicon, actors: ActorIndex):
        self.lex = lex
        self.actors = actors
        self.known = lex.known_verbs

    def lemma(self, tok) -> str:
        """The token's lemma; for a verb the model mis-lemmatised ("staged" -> "stag"), the surface form
        de-inflected to a lexicon verb when one fits."""
        lem = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") or lem in self.known:
            return lem
        low = tok.lower_
        tries = [low, low[:-1], low[:-2]]
        if low.endswith("ing"):
            tries += [low[:-3], low[:-3] + "e", low[:-4]]
        if low.endswith("ied"):
            tries.append(low[:-3] + "y")
        return next((t for t in tries if t in self.known), lem)

    # ---------------------------------------------------------------- matching
    def _match(self, tok, patterns: list[Pattern]) -> tuple[Pattern | None, list]:
        preps = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "agent", "dative")}
        objs = object_tokens(tok)
        for pat in patterns:
            extra = []
            if pat.preps is not None:
                if not preps & pat.preps:
                    continue
                extra = [c for c in tok.children if c.lower_ in pat.preps and c.dep_ in ("prt", "prep", "dative")]
            if pat.objs is not None:
                pool = objs + prep_objects(tok, pat.preps) if pat.preps else objs + prep_objects(tok, ("in", "into"))
                hit = [o for o in pool if o.lemma_.lower() in pat.objs or o.lower_ in pat.objs]
                hit = hit or [c for o in pool for c in o.children if c.dep_ == "compound"
                              and (c.lemma_.lower() in pat.objs or c.lower_ in pat.objs)]
                if not hit:
                    continue
                extra = extra + hit[:1]
            if pat.mods is not None:
                hit = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "npadvmod")
                       and (c.lemma_.lower() in pat.mods or c.lower_ in pat.mods)]
                if not hit:
                    continue
                extra = hit[:1] + extra
            if "joint" in pat.flags and not self._joint(tok):
                continue
            if "person" in pat.flags and not any(self.actors.phrase(o) for o in objs):
                continue
            if "alert" in pat.flags and not any(p.lemma_ == "alert" for p in prep_objects(tok, ("on", "in"))):
                continue
            return pat, extra
        return None, []

    def _joint(self, tok) -> bool:
        if any(c.lower_ in JOINT for c in tok.subtree if c.dep_ in ("advmod", "amod")):
            return True
        if tok.pos_ in ("NOUN", "PROPN"):
            tok = governing_verb(tok)
        subj = self._subject(tok)
        if subj is not None and len(self.actors.phrase(subj)) >= 2:
            return True
        return any(self.actors.phrase(p) for p in prep_objects(tok, ("with",)))

    def verbal(self, tok) -> Candidate | None:
        lemma = self.lemma(tok)
        pats = self.lex.verbs.get(lemma)
        pat, extra = self._match(tok, pats) if pats else (None, [])
        if pat is not None and pat.objs is None and lemma in self.lex.light_verbs:
            pat = None  # a light verb with a generic pattern: prefer its event noun
        if pat is None and lemma in self.lex.light_verbs:
            for obj in object_tokens(tok) + prep_objects(tok, ("in", "into", "on")):
                nominal = self.nominal(obj, standalone=False)
                if nominal is not None:
                    nominal.trigger = [tok, *nominal.trigger]
                    return nominal
        if pat is None and pats:
            pat, extra = self._match(tok, pats)
        if pat is None:
            return None
        return Candidate(pat.code, [tok, *extra])

    def nominal(self, tok, standalone: bool = True) -> Candidate | None:
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        pats = self.lex.nouns.get(tok.lemma_.lower()) or self.lex.nouns.get(tok.lower_)
        if not pats and tok.lemma_.lower() in CONTAINER:  # "a mediation effort": the compound names the event
            inner = next((c for c in tok.children if c.dep_ == "compound" and c.lemma_.lower() in self.lex.nouns), None)
            if inner is not None:
                pats = self.lex.nouns[inner.lemma_.lower()]
                pat, extra = self._match(inner, pats)
                if pat is None:
                    return None
                cand = Candidate(pat.code, [tok, inner, *extra])
                self._nominal_roles(cand)
                return cand
        if not pats:
            return None
        pat, extra = self._match(tok, pats)
        if pat is None:
            return None
        cand = Candidate(pat.code, [tok, *extra])
        self._nominal_roles(cand)
        return cand

    # ---------------------------------------------------------------- modality
    def _modality(self, cand: Candidate, tok) -> None:
        for c in tok.children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and low in NEG):
                cand.negated = True
            if c.dep_ == "aux" and low in FUTURE:
                cand.future = True
            if c.dep_ == "aux" and low in MODAL_HEDGE:
                cand.hypothetical = True
        if any(c.dep_ == "det" and c.lower_ == "no" for t in cand.trigger[1:] if t.head.i == tok.i for c in t.children):
            cand.negated = True  # "sent no weapons", "received no aid"
        if tok.dep_ == "xcomp" and tok.head.lemma_ == "go" and any(c.lower_ == "to" for c in tok.children):
            cand.future = True  # "going to meet"
        if tok.dep_ == "conj" and not (cand.future or cand.hypothetical):
            self._modality(cand, tok.head)  # "will meet and sign"

    def transform(self, cand: Candidate, kind: str) -> None:
        table = self.lex.transforms[kind]
        new = table.get(cand.code.event) or table.get("*")
        if new is None:
            return
        mode = new.mode
        if new.event == "THREATEN" and cand.code.mode in self.lex.threaten_modes:
            mode = self.lex.threaten_modes[cand.code.mode]
        cand.code = replace(new, mode=mode, context=tuple(dict.fromkeys(cand.code.context + new.context)))

    # ---------------------------------------------------------------- the sentence
    def code(self, sent) -> list[Candidate]:
        depth = depths(sent)
        tokens = sorted(sent, key=lambda t: depth[t.i])
        consumed: set[int] = set()
        out: list[Candidate] = []
        for tok in tokens:
            if tok.i in consumed:
                continue
            if tok.dep_ == "amod":
                continue  # a participle describing a noun ("jailed activists", "the banned party") is no event
            if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.lemma_ in self.lex.intent_adjectives):
                cand = self._governed(tok, consumed)
                if cand is None and tok.pos_ != "ADJ":
                    cand = self._obligation(tok, consumed)
                if cand is None and tok.pos_ != "ADJ":
                    cand = self.verbal(tok)
                    if cand is not None:
                        own = (cand.actor, cand.recipient)
                        self._verb_roles(cand)
                        if cand.code.event == "THREATEN" and not cand.recipient:  # "threatened ... if the US ..."
                            cand.recipient = self._conditional_party(*[t for t in tok.subtree if t.pos_ in ("VERB", "AUX")])
                        subj = self._subject(tok)
                        noun_actor = [a for a in self._noun_actor(cand) if a not in cand.recipient]  # "a ban by X"
                        cand.actor = cand.actor or own[0] or noun_actor or (
                            self.actors.party(subj, cand.code.event == "PROTEST")
                            if subj is not None and not cand.code.swap else [])
                        cand.recipient = cand.recipient or own[1]
                        self._modality(cand, tok)
                        self._apply_modality(cand)
                        for t in cand.trigger:
                            consumed.update(c.i for c in t.subtree if t.i != tok.i and c.pos_ in ("NOUN", "PROPN"))
                            consumed.add(t.i)
                        subj = self._subject(tok)
                        if subj is not None and subj.lemma_.lower() in self.lex.nouns:
                            consumed.add(subj.i)
                if cand is not None:
                    out.append(cand)
            elif tok.pos_ in ("NOUN", "PROPN"):
                cand = self.nominal(tok)
                if cand is not None and (cand.actor or cand.recipient):
                    consumed.add(tok.i)
                    out.append(cand)
        for cand in out:  # "... unless Ukraine lifts the blockade": a condition, not an event that happened
            if not cand.hypothetical and self._in_condition(cand.head):
                cand.hypothetical = True
                cand.code = replace(cand.code, context=cand.code.context + ("hypothetical",))
        return self._absorb_purposes(out)

    @staticmethod
    def _in_condition(tok) -> bool:
        for _ in range(6):
            if tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL for m in tok.children):
                return True
            if tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    @staticmethod
    def _absorb_purposes(out: list[Candidate]) -> list[Candidate]:
        """A demand or protest stated as a protest's purpose ('staged rallies to demand ...', 'in protest against X')
        is part of that PROTEST (manual 3.8: demands in the form of demonstrations are PROTEST): its parties fill
        the protest's missing ones and it is not coded again."""
        protests = [c for c in out if c.code.event == "PROTEST"]
        if not protests:
            return out
        drop = set()
        for p in protests:
            heads = {t.i for t in p.trigger}
            for o in out:
                if o is p or id(o) in drop or o.code.event not in ("REQUEST", "PROTEST", "ACCUSE"):
                    continue
                tok = o.head
                for _ in range(4):
                    if tok.dep_ in ("ccomp", "conj", "parataxis", "relcl") or tok.head.i == tok.i:
                        break
                    tok = tok.head
                    if tok.i in heads:
                        p.recipient = p.recipient or o.recipient
                        p.actor = p.actor or o.actor
                        drop.add(id(o))
                        break
        return [c for c in out if id(c) not in drop]
