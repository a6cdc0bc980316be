"""Governing constructions: obligations ("X said Y must release"), control verbs and nouns ("urged Iran to
release", "a demand that"), conditionals ("unless", "if") and the modality they lend the event they govern."""
from __future__ import annotations

from dataclasses import replace

from .syntax import (ASPECTUAL, COERCIVE, COMMIT_ADJ, CONDITIONAL, COOPERATIVE, Candidate, NOMINAL_INTENT,
    OBLIGATION, SUBJ, children_with, object_tokens, prep_objects)


class ControlRules:
    """Mixed into SentenceCoder: the methods below use its lexicon, actors and role finders."""

    def _obligation(self, tok, consumed) -> Candidate | None:
        """'X said Y must release ...': a demand by the reporting subject on the obligated one (REQUEST)."""
        if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in tok.children) or tok.dep_ != "ccomp":
            return None
        outer = self._subject(tok.head)
        inner_subj = self._subject(tok)
        actor = self.actors.phrase(outer) if outer is not None else []
        recipient = self.actors.phrase(inner_subj) if inner_subj is not None else []
        if not recipient or recipient == actor:
            return None
        inner = self.verbal(tok)
        cand = Candidate(inner.code if inner else self.lex.transforms["request"]["*"], [tok.head, tok], control=tok.head)
        if inner is not None:
            cand.trigger = [tok.head, *inner.trigger]
            self.transform(cand, "request")
        cand.actor, cand.recipient = actor, recipient
        consumed.update(t.i for t in cand.trigger)
        return cand

    def _apply_modality(self, cand: Candidate) -> None:
        if cand.negated and (cand.future or cand.hypothetical) and cand.code.event in COOPERATIVE:
            self.transform(cand, "reject")  # "will not accept", "would not allow"
            cand.negated = False
        elif cand.future and self._conditional(cand.head, marks=("unless",)) is not None:
            self.transform(cand, "threat")  # "will withdraw unless ..."
            cand.recipient = cand.recipient or self._conditional_party(cand.head)
        elif cand.future or cand.hypothetical:
            self.transform(cand, "intent")
        extra = tuple(x for x, on in (("future", cand.future), ("hypothetical", cand.hypothetical),
                                      ("negation", cand.negated)) if on)
        if extra:
            cand.code = replace(cand.code, context=cand.code.context + extra)

    def _governed(self, tok, consumed) -> Candidate | None:
        """A control verb or intent adjective over an embedded event: 'agreed to build', 'denied supplying'."""
        lemma = self.lemma(tok)
        kind = "intent" if tok.pos_ == "ADJ" else self.lex.control.get(lemma)
        by_noun = kind is None
        if kind is None:
            kind = self._noun_control(tok)  # "reiterated its demand that Israel ease ..."
        particle = self.lex.control_particles.get(lemma)
        if kind is None or (particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children)):
            return None
        inner = None
        for c in tok.children:
            if kind == "intent" and c.dep_ == "ccomp" and any(
                    a.dep_ == "aux" and a.lower_ in OBLIGATION for a in c.children):
                continue  # "announced that X must agree": a demand, coded by _obligation
            if c.dep_ in ("xcomp", "ccomp", "pcomp") or (c.dep_ == "prep" and c.lower_ in ("to", "for", "on")) or (
                    c.dep_ == "advcl" and any(m.lower_ in ("to", "for") and m.dep_ in ("aux", "mark") for m in c.children)):
                targets = [c] if c.dep_ != "prep" else [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
                for t in targets:
                    if t.pos_ in ("VERB", "AUX") and self.lemma(t) in ASPECTUAL and not self.verbal(t):
                        t = next((x for x in t.children if x.dep_ == "xcomp"), t)  # "prepared to resume shelling"
                    inner = self.verbal(t) if t.pos_ in ("VERB", "AUX") else self.nominal(t, standalone=False)
                    if inner is not None:
                        if t.pos_ in ("VERB", "AUX"):
                            self._verb_roles(inner)
                            self._modality(inner, t)
                        break
            if inner is None and c.dep_ == "dobj" and not by_noun and (kind != "intent" or lemma in NOMINAL_INTENT):
                inner = self.nominal(c, standalone=False)
            if inner is not None:
                break
        if inner is None:
            return None
        if kind == "deny" and inner.head.pos_ in ("NOUN", "PROPN") and lemma not in ("deny", "refute", "rebut"):
            kind = "reject"  # "dismissed an appeal", "disputed the deal"
        if kind == "deny":
            inner.denied = True
            inner.control = tok
            if not inner.actor:
                inner.actor = self.actors.phrase(self._subject(tok)) if self._subject(tok) is not None else []
            self._apply_modality(inner)
            consumed.update(t.i for t in inner.trigger)
            consumed.add(tok.i)
            return inner
        embedded = inner
        actor = self.subject_actors(tok)
        own = children_with(embedded.head, *SUBJ) if embedded.head.pos_ in ("VERB", "AUX") else []
        if kind in ("intent", "commit") and embedded.head.dep_ == "ccomp" and embedded.actor and own \
                and own[0].pos_ != "PRON":
            actor = embedded.actor  # "the White House announced that the US and Jordan have agreed": they agreed
        cand = Candidate(embedded.code, [tok, *embedded.trigger], control=tok)
        if kind == "intent" and (lemma in self.lex.commit_verbs or (tok.pos_ == "ADJ" and lemma in COMMIT_ADJ)):
            kind = "commit"  # an explicit agreement or offer: AGREE, whatever the embedded cooperation (manual 3.1)
        if kind in ("intent", "commit") and self._conditional(embedded.head, tok, marks=("unless",)) is not None:
            kind = "threat"  # "will withdraw its force unless ...": a conditional commitment is a threat
        if kind == "order" and embedded.code.event not in COERCIVE:
            kind = "request"  # "ordered X to leave": a demand; "ordered X to suspend publication": the coercion itself
        if kind in ("request", "order"):
            direct = [o for o in object_tokens(tok) if o.i != embedded.head.i] + prep_objects(tok, ("on", "upon", "to"))
            recip = next((r for r in (self.actors.party(o) for o in direct) if r), [])
            cand.recipient = recip or embedded.actor or embedded.recipient
            if cand.recipient == actor:
                cand.recipient = embedded.recipient
        else:
            cand.recipient = embedded.recipient
            if not cand.recipient and embedded.head.pos_ in ("NOUN", "PROPN") and embedded.actor != actor:
                cand.recipient = embedded.actor  # "rejected an Indian proposal", "rejected calls by Belarus"
        cand.actor = actor or (embedded.actor if kind not in ("request", "order") else [])
        if kind == "threat" and not cand.recipient:
            cand.recipient = self._conditional_party(*[t for t in tok.subtree if t.pos_ in ("VERB", "AUX")])
        if not cand.recipient and kind in ("intent", "commit", "threat"):  # "offered its troops to Lebanon"
            cand.recipient = [r for r in self._recipient(tok, [], actor, cand.code.event) if r not in actor]
        self._modality(cand, tok)
        if kind in ("intent", "commit") and lemma in ("agree", "accept") and embedded.head.pos_ in ("NOUN", "PROPN"):
            cand.code = self.lex.transforms["intent"]["AGREE"]
        elif kind in ("intent", "commit") and cand.negated and cand.code.event in COOPERATIVE:
            self.transform(cand, "reject")
            cand.negated = False
        elif kind != "order":
            self.transform(cand, kind)
        extra = tuple(x for x, on in (("future", kind in ("intent", "commit")), ("negation", cand.negated)) if on)
        cand.code = replace(cand.code, context=tuple(dict.fromkeys(cand.code.context + extra)))
        cand.hypothetical = embedded.hypothetical
        consumed.update(t.i for t in cand.trigger)
        return cand

    def _noun_control(self, tok) -> str | None:
        """A verb whose object is a demand/threat/offer noun with a clause: 'renewed its call that X ...'."""
        if self.lemma(tok) not in self.lex.control_noun_verbs:
            return None
        objs = children_with(tok, "dobj")
        clause = children_with(tok, "ccomp") or [c for o in objs for c in o.children if c.dep_ in ("acl", "ccomp")]
        if not objs or not clause:
            return None
        return self.lex.control_nouns.get(objs[0].lemma_.lower())

    @staticmethod
    def _conditional(*toks, marks=CONDITIONAL):
        """The 'unless ...' / 'if ...' clause on any of the tokens."""
        for tok in toks:
            for c in tok.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children):
                    return c
        return None

    def _conditional_party(self, *toks) -> list:
        """The threatened party: the subject of the condition ('... if the United States goes ahead')."""
        clause = self._conditional(*toks)
        subj = self._subject(clause) if clause is not None else None
        return self.actors.phrase(subj) if subj is not None else []
