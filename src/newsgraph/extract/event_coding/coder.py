"""What and to whom: match event triggers in a parsed sentence and code them in PLOVER (CAMEO beside).

One pass per sentence over its tokens, shallowest first, so a governing verb ("agreed to build",
"urged Iran to release", "launched an attack") consumes the event it governs before that is coded alone.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from .lexicon import Code, Lexicon, Pattern
from .roles import ActorIndex

RECIPIENT_PREPS = ("on", "against", "with", "to", "at", "into", "toward", "towards", "upon", "from", "for", "over")
SUBJ = ("nsubj", "csubj", "expl")
FUTURE = frozenset({"will", "shall", "would", "'ll", "wo"})
MODAL_HEDGE = frozenset({"may", "might", "could"})
NEG = frozenset({"not", "never", "n't", "no"})
JOINT = frozenset({"together", "jointly", "bilaterally"})
PARTITIVE = frozenset({"part", "some", "most", "all", "much", "half", "bulk", "portion", "rest", "one", "many", "remainder"})
OBLIGATION = frozenset({"must", "should", "ought"})
NOMINAL_INTENT = frozenset({"offer", "promise", "pledge", "propose", "accept", "agree"})
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE", "RETREAT", "CONCEDE"})


@dataclass
class Candidate:
    code: Code
    trigger: list  # tokens, the first is the head
    actor: list = field(default_factory=list)  # EventActor
    recipient: list = field(default_factory=list)
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    denied: bool = False
    control: object = None  # the governing token, for certainty

    @property
    def head(self):
        return self.trigger[0]


def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i:
        tok, d = tok.head, d + 1
    return d


def _children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def _obj_tokens(tok):
    """Direct objects (with their conjuncts), or the passive subject."""
    objs = _children(tok, "dobj", "attr", "oprd") or _children(tok, "nsubjpass")
    out = [t for o in objs for t in (o, *o.conjuncts)]
    for o in list(out):  # "part of the aid programme", "some of its troops"
        if o.lemma_.lower() in PARTITIVE:
            out.extend(p for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj")
    return out


def _prep_objs(tok, preps=None):
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent", "prt") and (preps is None or c.lower_ in preps):
            out.extend(p for p in c.children if p.dep_ in ("pobj", "pcomp"))
            if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                out.append(c)
    return out


class SentenceCoder:
    def __init__(self, lex: Lexicon, actors: ActorIndex):
        self.lex = lex
        self.actors = actors

    # ---------------------------------------------------------------- matching
    def _match(self, tok, patterns: list[Pattern]) -> tuple[Pattern | None, list]:
        preps = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "agent", "dative")}
        objs = _obj_tokens(tok)
        for pat in patterns:
            extra = []
            if pat.preps is not None:
                if not preps & pat.preps:
                    continue
                extra = [c for c in tok.children if c.lower_ in pat.preps and c.dep_ in ("prt", "prep", "dative")]
            if pat.objs is not None:
                pool = objs + _prep_objs(tok, pat.preps) if pat.preps else objs + _prep_objs(tok, ("in", "into"))
                hit = [o for o in pool if o.lemma_.lower() in pat.objs or o.lower_ in pat.objs]
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
            if "alert" in pat.flags and not any(p.lemma_ == "alert" for p in _prep_objs(tok, ("on",))):
                continue
            return pat, extra
        return None, []

    def _joint(self, tok) -> bool:
        if any(c.lower_ in JOINT for c in tok.subtree if c.dep_ in ("advmod", "amod")):
            return True
        subj = self._subject(tok)
        if subj is not None and len(self.actors.phrase(subj)) >= 2:
            return True
        return any(self.actors.phrase(p) for p in _prep_objs(tok, ("with",)))

    def verbal(self, tok) -> Candidate | None:
        pats = self.lex.verbs.get(tok.lemma_.lower())
        pat, extra = self._match(tok, pats) if pats else (None, [])
        if pat is not None and pat.objs is None and tok.lemma_.lower() in self.lex.light_verbs:
            pat = None  # a light verb with a generic pattern: prefer its event noun
        if pat is None and tok.lemma_.lower() in self.lex.light_verbs:
            for obj in _obj_tokens(tok) + _prep_objs(tok, ("in", "into", "on")):
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
            subj = _children(tok, *SUBJ)
            if subj:
                return subj[0]
            if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.i != tok.i:
                if tok.dep_ == "xcomp" and _children(tok.head, "dobj"):
                    return _children(tok.head, "dobj")[0]  # "urged Iran to ..."
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
        passive = bool(_children(tok, "nsubjpass", "auxpass"))
        if passive:
            agents = [p for c in _children(tok, "agent") for p in c.children if p.dep_ == "pobj"]
            cand.actor = self.actors.phrase(agents[0]) if agents else []
            subj = _children(tok, "nsubjpass")
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
                                             cand.actor)
        if cand.code.swap:
            cand.actor, cand.recipient = cand.recipient, cand.actor

    def _recipient(self, tok, nouns, actor=()) -> list:
        for obj in _obj_tokens(tok):
            if any(obj.i == n.i for n in nouns):
                continue  # the event noun itself ("US sanctions") is not the recipient
            found = self.actors.phrase(obj)
            if found:
                return found
        for noun in [*nouns, *_obj_tokens(tok)]:  # "sanctions on Iran", "drones to Russia"
            for pobj in _prep_objs(noun, RECIPIENT_PREPS):
                found = self.actors.phrase(pobj)
                if found:
                    return found
        for pobj in _prep_objs(tok, RECIPIENT_PREPS):
            found = self.actors.phrase(pobj)
            if found:
                return found
        for noun in _obj_tokens(tok):  # "positions of the Palestinian forces"
            for pobj in _prep_objs(noun, ("of",)):
                found = self.actors.phrase(pobj)
                if found:
                    return found
        mine = {a.code for a in actor}
        for pobj in _prep_objs(tok, ("in", "inside", "across", "near")):  # location as recipient
            found = self.actors.phrase(pobj)
            if found and not {a.code for a in found} <= mine:
                return found
        return []

    def _nominal_roles(self, cand: Candidate) -> None:
        tok = cand.head
        between = [p for p in _prep_objs(tok, ("between", "among", "amongst"))]
        if between:
            cand.actor = self.actors.phrase(between[0])  # reciprocal: all parties are the actor
            return
        inner = [c for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
        actor = [a for c in inner for a in self.actors.phrase(c, deep=False)]
        agents = _prep_objs(tok, ("by",))
        if not actor and agents:
            actor = self.actors.phrase(agents[0])
        recipient = []
        for pobj in _prep_objs(tok, RECIPIENT_PREPS):
            recipient = self.actors.phrase(pobj)
            if recipient:
                break
        if not actor:  # "the withdrawal of Serbian forces"
            for pobj in _prep_objs(tok, ("of",)):
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
        tokens = sorted(sent, key=_depth)
        consumed: set[int] = set()
        out: list[Candidate] = []
        for tok in tokens:
            if tok.i in consumed:
                continue
            if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.lemma_ in self.lex.intent_adjectives):
                cand = self._governed(tok, consumed)
                if cand is None and tok.pos_ != "ADJ":
                    cand = self._obligation(tok, consumed)
                if cand is None and tok.pos_ != "ADJ":
                    cand = self.verbal(tok)
                    if cand is not None:
                        own = (cand.actor, cand.recipient)
                        self._verb_roles(cand)
                        cand.actor = cand.actor or own[0] or self._noun_actor(cand)
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
        return out

    def _noun_actor(self, cand: Candidate) -> list:
        """'announced new US sanctions': the actor named inside the event noun."""
        for t in cand.trigger[1:]:
            if t.pos_ in ("NOUN", "PROPN"):
                probe = Candidate(cand.code, [t])
                self._nominal_roles(probe)
                if probe.actor:
                    return probe.actor
        return []

    def _obligation(self, tok, consumed) -> Candidate | None:
        """'X said Y must release ...': a demand by the reporting subject on the obligated one (REQUEST)."""
        if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in tok.children) or tok.dep_ != "ccomp":
            return None
        outer = self._subject(tok.head)
        inner_subj = self._subject(tok)
        actor = self.actors.phrase(outer) if outer is not None else []
        recipient = self.actors.phrase(inner_subj) if inner_subj is not None else []
        if not actor or not recipient:
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
        elif cand.future or cand.hypothetical:
            self.transform(cand, "intent")
        extra = tuple(x for x, on in (("future", cand.future), ("hypothetical", cand.hypothetical),
                                      ("negation", cand.negated)) if on)
        if extra:
            cand.code = replace(cand.code, context=cand.code.context + extra)

    def _governed(self, tok, consumed) -> Candidate | None:
        """A control verb or intent adjective over an embedded event: 'agreed to build', 'denied supplying'."""
        lemma = tok.lemma_.lower()
        kind = "intent" if tok.pos_ == "ADJ" else self.lex.control.get(lemma)
        if kind is None:
            return None
        inner = None
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp", "pcomp") or (c.dep_ == "prep" and c.lower_ in ("to", "for", "on")):
                targets = [c] if c.dep_ != "prep" else [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
                for t in targets:
                    inner = self.verbal(t) if t.pos_ in ("VERB", "AUX") else self.nominal(t, standalone=False)
                    if inner is not None:
                        if t.pos_ in ("VERB", "AUX"):
                            self._verb_roles(inner)
                            self._modality(inner, t)
                        break
            if inner is None and c.dep_ == "dobj" and (kind != "intent" or lemma in NOMINAL_INTENT):
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
        cand = Candidate(embedded.code, [tok, *embedded.trigger], control=tok)
        if kind == "request":
            direct = [o for o in _obj_tokens(tok) if o.i != embedded.head.i] + _prep_objs(tok, ("on", "upon", "to"))
            recip = next((r for r in (self.actors.phrase(o) for o in direct) if r), [])
            cand.recipient = recip or embedded.actor or embedded.recipient
            if cand.recipient == actor:
                cand.recipient = embedded.recipient
        else:
            cand.recipient = embedded.recipient
            if not cand.recipient and embedded.head.pos_ in ("NOUN", "PROPN") and embedded.actor != actor:
                cand.recipient = embedded.actor  # "rejected an Indian proposal", "rejected calls by Belarus"
        cand.actor = actor or embedded.actor
        self._modality(cand, tok)
        if kind == "intent" and lemma in ("agree", "accept") and embedded.head.pos_ in ("NOUN", "PROPN"):
            cand.code = self.lex.transforms["intent"]["AGREE"]
        elif kind == "intent" and cand.negated and cand.code.event in COOPERATIVE:
            self.transform(cand, "reject")
            cand.negated = False
        else:
            self.transform(cand, kind)
        extra = tuple(x for x, on in (("future", kind == "intent"), ("negation", cand.negated)) if on)
        cand.code = replace(cand.code, context=tuple(dict.fromkeys(cand.code.context + extra)))
        cand.hypothetical = embedded.hypothetical
        consumed.update(t.i for t in cand.trigger)
        return cand
