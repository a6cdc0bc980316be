"""What and to whom: match event triggers in a parsed sentence and code them in PLOVER (CAMEO beside).

One pass per sentence over its tokens, shallowest first, so a governing verb ("agreed to build",
"urged Iran to release", "launched an attack") consumes the event it governs before that is coded alone.
"""
from __future__ import annotations

from dataclasses import replace

from .control import ControlRules
from .lexicon import Lexicon, Pattern
from .roles import ActorIndex
from .syntax import (ACCUSE_PREPS, CONDITIONAL, CONTAINER, Candidate, FUTURE, JOINT, MODAL_HEDGE, NEG,
    PURPOSE_TARGET, RECIPIENT_PREPS, SUBJ, children_with, depths, governing_verb, object_tokens, prep_objects)


class SentenceCoder(ControlRules):
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

    # ---------------------------------------------------------------- roles
    def _subject(self, tok):
        seen = 0
        while seen < 8:
            seen += 1
            subj = children_with(tok, *SUBJ)
            if subj:
                return subj[0]
            if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.i != tok.i:
                if tok.dep_ == "xcomp" and children_with(tok.head, "dobj"):
                    return children_with(tok.head, "dobj")[0]  # "urged Iran to ..."
                tok = tok.head
                continue
            if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
                return tok.head
            if tok.dep_ == "acomp" or tok.dep_ == "pcomp":
                tok = tok.head
                continue
            return None
        return None

    def subject_actors(self, tok) -> list:
        """Actors of the clause subject; a pronoun subject of a reported clause ("Syria says it will")
        falls back to the reporting clause's subject when the actors extractor did not resolve it."""
        subj = self._subject(tok)
        if subj is None:
            return []
        found = self.actors.phrase(subj)
        hops = 0
        while not found and subj is not None and subj.pos_ == "PRON" and hops < 3:
            clause = subj.head
            while clause.dep_ in ("xcomp", "conj", "acomp") and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ != "ccomp":
                break
            subj = self._subject(clause.head)
            found = self.actors.phrase(subj) if subj is not None else []
            hops += 1
        return found

    def _verb_roles(self, cand: Candidate) -> None:
        tok = cand.head
        passive = bool(children_with(tok, "nsubjpass", "auxpass"))
        if passive:
            agents = [p for c in children_with(tok, "agent") for p in c.children if p.dep_ == "pobj"]
            cand.actor = self.actors.phrase(agents[0]) if agents else []
            subj = children_with(tok, "nsubjpass")
            cand.recipient = self.actors.phrase(subj[0]) if subj else []
            if not cand.recipient:  # "sanctions were imposed on Iran"
                cand.recipient = self._recipient(tok, subj, cand.actor)
        else:
            subj = self._subject(tok)
            cand.actor = self.subject_actors(tok)
            if subj is not None and not cand.actor:
                nested = self.nominal(subj, standalone=False)  # "Russian drone strikes hit ..."
                if nested is not None:
                    cand.actor = nested.actor
            cand.recipient = self._recipient(tok, [t for t in cand.trigger[1:] if t.pos_ in ("NOUN", "PROPN")],
                                             cand.actor, cand.code.event)
        if cand.code.swap:
            cand.actor, cand.recipient = cand.recipient, cand.actor

    def _recipient(self, tok, nouns, actor=(), event=None, depth=0) -> list:
        objs = object_tokens(tok)
        for obj in objs:
            if any(obj.i == n.i for n in nouns):
                continue  # the event noun itself ("US sanctions") is not the recipient
            found = self.actors.phrase(obj)
            if found:
                return found
        found = self._recipient_named(tok, nouns, objs, actor, event, depth)
        if found or (depth and event not in PURPOSE_TARGET):
            return found
        # last resort, a sector-noun party: "arrested dozens of protesters" (not "withdrew its troops"),
        # "aid to refugees", "demands from rebels"
        slots = [o for o in objs if not any(o.i == n.i for n in nouns)] + prep_objects(tok, RECIPIENT_PREPS) + [
            p for o in objs for p in prep_objects(o, RECIPIENT_PREPS + ("by",))]
        for obj in slots:
            if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
                found = self.actors.party(obj)
                if found:
                    return found
        return []

    def _recipient_named(self, tok, nouns, objs, actor, event, depth) -> list:
        for noun in [*nouns, *objs]:  # "sanctions on Iran", "drones to Russia", "the blockade of Serbia"
            preps = RECIPIENT_PREPS + ("of", "by") if noun in nouns else RECIPIENT_PREPS  # "violated a ban by X"
            for pobj in prep_objects(noun, preps):
                found = self.actors.phrase(pobj)
                if found:
                    return found
        groups = (ACCUSE_PREPS, RECIPIENT_PREPS) if event in ("ACCUSE", "PROTEST") else (RECIPIENT_PREPS,)
        for preps in groups:  # "complained to the UN over Israeli raids": the accused first
            for pobj in prep_objects(tok, preps):
                found = self.actors.phrase(pobj)
                if found:
                    return found
        for noun in object_tokens(tok):  # "positions of the Palestinian forces"
            for pobj in prep_objects(noun, ("of",)):
                found = self.actors.phrase(pobj)
                if found:
                    return found
        mine = {a.code for a in actor}
        for pobj in prep_objects(tok, RECIPIENT_PREPS):  # "reneged on its commitment to X", "assistance to the US-led war"
            for inner in prep_objects(pobj, RECIPIENT_PREPS + ("by",)):
                found = self.actors.phrase(inner)
                if found:
                    return found
        for pobj in [p for t in (tok, *objs) for p in prep_objects(t, ("in", "inside", "across", "near"))]:  # location
            found = self.actors.phrase(pobj)
            if found and not {a.code for a in found} <= mine:
                return found
        if event == "REQUEST":  # "demanded that the US cancel ...": the one asked to act
            for clause in children_with(tok, "ccomp", "xcomp"):
                subj = self._subject(clause)
                found = self.actors.phrase(subj) if subj is not None else []
                if found and found != list(actor):
                    return found
        if depth == 0:  # "refused to respond to a demand from X"; "opened fire to disperse demonstrators"
            purpose = [c for c in children_with(tok, "advcl") if event in PURPOSE_TARGET
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
            for clause in children_with(tok, "xcomp") + purpose:
                found = self._recipient(clause, [], actor, event, depth + 1)
                if found:
                    return found
        return []

    def _nominal_roles(self, cand: Candidate) -> None:
        tok = cand.head
        between = [p for p in prep_objects(tok, ("between", "among", "amongst"))]
        if between:
            cand.actor = self.actors.phrase(between[0])  # reciprocal: all parties are the actor
            return
        inner = [c for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
        actor = [a for c in inner for a in self.actors.phrase(c, deep=False)]
        agents = prep_objects(tok, ("by",))
        if not actor and agents:
            actor = self.actors.phrase(agents[0])
        recipient = []
        for pobj in prep_objects(tok, RECIPIENT_PREPS):
            recipient = self.actors.phrase(pobj)
            if recipient:
                break
        if not actor:  # "the withdrawal of Serbian forces"
            for pobj in prep_objects(tok, ("of",)):
                actor = self.actors.phrase(pobj)
                if actor:
                    break
        cand.actor, cand.recipient = actor, recipient

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
                        cand.actor = cand.actor or own[0] or self._noun_actor(cand) or (
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

    def _noun_actor(self, cand: Candidate) -> list:
        """'announced new US sanctions': the actor named inside the event noun."""
        for t in cand.trigger[1:]:
            if t.pos_ in ("NOUN", "PROPN"):
                probe = Candidate(cand.code, [t])
                self._nominal_roles(probe)
                if probe.actor:
                    return probe.actor
        return []
