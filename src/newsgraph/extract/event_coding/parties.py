"""Roles: the actor and the recipient of a coded event (subjects, objects, prepositions, passives, relative
clauses, purpose clauses, third parties); mixed into SentenceCoder."""
from __future__ import annotations

from .lexicon import parse_spec
from .syntax import (ACCUSE_PREPS, BENEFIT_TYPES, BENEFIT_VERBS, DOCUMENT, Candidate, PURPOSE_TARGET, RECIPIENT_PREPS,
    SPEECH_ACT, SUBJ, children_with, object_tokens, prep_objects)


class RoleRules:
    """Mixed into SentenceCoder: the methods below use its lexicon (``self.lex``), actors (``self.actors``) and
    ``lemma``."""

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
        while not found and subj is not None and hops < 3 and (subj.pos_ == "PRON" or any(  # "X said its jets struck"
                c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children)):
            clause = subj.head
            while clause.dep_ in ("xcomp", "conj", "acomp") and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ != "ccomp":
                break
            subj = self._subject(clause.head) or self._reporter(clause.head)
            found = self.actors.phrase(subj) if subj is not None else []
            hops += 1
        if not found and tok.dep_ == "acl" and subj.lemma_.lower() in DOCUMENT and subj.dep_ == "dobj":
            found = self.subject_actors(subj.head)  # "X issued a statement demanding ...": X demands
        return found

    def _speaker_actors(self, verb) -> list:
        """Actors of the one reporting the clause of ``verb`` ("X said ... were shelled": X)."""
        while verb.dep_ in ("xcomp", "conj", "acomp") and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ != "ccomp":
            return []
        subj = self._subject(verb.head) or self._reporter(verb.head)
        return self.actors.phrase(subj) if subj is not None else []

    @staticmethod
    def _reporter(tok):
        """The quoted party of "X was quoted as saying ...", "X is reported as saying ..." (a passive reporter)."""
        for _ in range(3):
            found = children_with(tok, "nsubj", "nsubjpass")
            if found:
                return found[0]
            if tok.dep_ not in ("pcomp", "prep", "advcl", "xcomp") or tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    def _verb_roles(self, cand: Candidate) -> None:
        tok = cand.head
        reduced = tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN")  # "villages shelled by X"
        passive = reduced or bool(children_with(tok, "nsubjpass", "auxpass"))
        if passive:
            agents = [p for c in children_with(tok, "agent") for p in c.children if p.dep_ == "pobj"]
            cand.actor = self.actors.phrase(agents[0]) if agents else []
            subj = [tok.head] if reduced else children_with(tok, "nsubjpass")
            cand.recipient = self.actors.phrase(subj[0]) if subj else []
            if not cand.recipient and subj and not reduced and any(c.dep_ == "poss" and c.pos_ == "PRON"
                                                                   for c in subj[0].children):
                cand.recipient = self._speaker_actors(tok)  # "X said its positions were shelled by Y": X's positions
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
        if self._third_party(cand):
            return
        if cand.code.swap:
            cand.actor, cand.recipient = cand.recipient, cand.actor

    def _third_party(self, cand: Candidate) -> bool:
        """'Qatar mediated between Israel and Hamas', 'Saudi Arabia hosted talks between Russia and Ukraine': a
        subject outside the 'between' parties convenes them; it is the actor, the parties the recipients (CAMEO 045
        mediation for a consultation)."""
        tok = cand.head
        mine = self.subject_actors(tok) if cand.code.swap or tok.pos_ not in ("VERB", "AUX") else cand.actor
        if not mine:
            return False
        nouns = [tok, *object_tokens(tok), *(t for t in cand.trigger[1:] if t.pos_ in ("NOUN", "PROPN"))]
        parties = [a for n in nouns for p in prep_objects(n, ("between", "among", "amongst")) for a in self.actors.phrase(p)]
        codes = {a.code or a.name for a in parties}
        if len(codes) < 2 or codes & {a.code or a.name for a in mine}:
            return False
        cand.actor, cand.recipient = list(mine), list({(a.code or a.name): a for a in parties}.values())
        if cand.code.event == "CONSULT":
            cand.code = parse_spec("045", self.lex.table)
        return True

    def _recipient(self, tok, nouns, actor=(), event=None, depth=0) -> list:
        objs = object_tokens(tok)
        for obj in objs:
            if any(obj.i == n.i for n in nouns) and not self.actors.names(obj):
                continue  # the event noun itself ("US sanctions") is not the recipient, a party noun is ("the UN agency")
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
        mine = {a.code for a in actor}
        for noun in nouns:  # "blocked Ukraine's bid", "rejected a Chinese proposal": the author of the act reacted to
            if noun.lemma_.lower() in SPEECH_ACT and noun.head.i == tok.i:
                found = [a for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                         for a in self.actors.phrase(c, deep=False)]
                if found and not {a.code for a in found} <= mine:
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
        if depth and self.lemma(tok) in BENEFIT_VERBS:  # "to help Afghanistan rebuild": the one helped
            for clause in children_with(tok, "ccomp"):
                subj = self._subject(clause)
                found = self.actors.phrase(subj) if subj is not None else []
                if found:
                    return found
        if depth == 0:  # "declined to answer a request from X"; "opened fire to disperse demonstrators"
            def infinitive(c):
                return any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)

            def benefit(c):  # "supplied drones to target power plants in X": X is no recipient of the drones
                return event != "AID" or self.lemma(c) in BENEFIT_VERBS

            purpose = [c for c in children_with(tok, "advcl") if infinitive(c) and (
                       event in PURPOSE_TARGET or (event in BENEFIT_TYPES and self.lemma(c) in BENEFIT_VERBS))]
            xcomps = [c for c in children_with(tok, "xcomp") if not infinitive(c) or benefit(c)]
            for clause in xcomps + purpose:
                found = self._recipient(clause, [], actor, event, depth + 1)
                if found:
                    return found
        return []

    def _nominal_roles(self, cand: Candidate) -> None:
        tok = cand.head
        if tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.head.lemma_ in ("come", "be", "remain", "fall"):
            agents = prep_objects(tok, ("from", "by")) + prep_objects(tok.head.head, ("from", "by"))
            if agents:  # "Ukrainian positions came under attack from Russian artillery": a passive in disguise
                cand.actor = self.actors.phrase(agents[0])
                cand.recipient = self.subject_actors(tok.head.head)
                return
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

    def _noun_actor(self, cand: Candidate) -> list:
        """'announced new US sanctions': the actor named inside the event noun (not inside a party noun: "forced the UN
        mission out" does not make the UN the actor)."""
        for t in cand.trigger[1:]:
            if t.pos_ in ("NOUN", "PROPN") and (t.lemma_.lower() in self.lex.nouns or t.lower_ in self.lex.nouns):
                probe = Candidate(cand.code, [t])
                self._nominal_roles(probe)
                if probe.actor:
                    return probe.actor
        return []
