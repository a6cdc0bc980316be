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
PARTITIVE = frozenset({"part", "some", "most", "all", "much", "half", "bulk", "portion", "rest", "one", "many", "remainder",
                       "state", "mission", "team", "group", "contingent", "batch", "number", "day", "week", "round",
                       "series", "wave", "dozen", "hundred", "thousand", "kind", "type", "score", "ten", "handful",
                       "majority", "third", "quarter", "couple", "pair", "several", "few", "lot", "patch", "member"})
CONTAINER = frozenset({"effort", "bid", "campaign", "program", "programme", "operation", "package", "plan", "initiative",
                       "process", "deal", "mission"})  # "a mediation effort", "a military aid program"
SPEECH_ACT = frozenset({"demand", "call", "appeal", "request", "plea", "offer", "proposal", "plan", "invitation",
                        "ultimatum", "order", "ban", "initiative", "bid", "suggestion", "commitment", "pledge", "promise",
                        "admission", "accusation", "allegation", "claim", "crime", "violation", "abuse", "atrocity"})
PURPOSE_TARGET = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "PROTEST"})
COERCIVE = frozenset({"COERCE", "SANCTION", "ASSAULT", "MOBILIZE"})
COMMIT_ADJ = frozenset({"willing", "ready", "prepared"})
ASPECTUAL = frozenset({"resume", "continue", "begin", "start", "keep", "stop", "renew", "step"})
CONDITIONAL = frozenset({"unless", "if"})
ACCUSE_PREPS = ("against", "over", "about", "of")
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


def _depths(sent) -> dict[int, int]:
    """Token index -> depth in the parse tree, each path walked once."""
    out: dict[int, int] = {}
    for tok in sent:
        path, t = [], tok
        while t.i not in out:
            if t.head.i == t.i:
                out[t.i] = 0
                break
            path.append(t)
            t = t.head
        d = out[t.i]
        for p in reversed(path):
            d += 1
            out[p.i] = d
    return out


def _children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def _obj_tokens(tok):
    """Direct objects (with their conjuncts), or the passive subject."""
    objs = _children(tok, "dobj", "attr", "oprd") or _children(tok, "nsubjpass") or [  # "kidnapped up to 16 advisers"
        p for c in tok.children if c.dep_ == "prt" and c.lower_ == "up" for q in c.children if q.lower_ == "to"
        for p in q.children if p.dep_ == "pobj"]
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


def _governing_verb(tok):
    """The verb a noun hangs from ("staged mass demonstrations" -> staged)."""
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


class SentenceCoder:
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
            if "alert" in pat.flags and not any(p.lemma_ == "alert" for p in _prep_objs(tok, ("on", "in"))):
                continue
            return pat, extra
        return None, []

    def _joint(self, tok) -> bool:
        if any(c.lower_ in JOINT for c in tok.subtree if c.dep_ in ("advmod", "amod")):
            return True
        if tok.pos_ in ("NOUN", "PROPN"):
            tok = _governing_verb(tok)
        subj = self._subject(tok)
        if subj is not None and len(self.actors.phrase(subj)) >= 2:
            return True
        return any(self.actors.phrase(p) for p in _prep_objs(tok, ("with",)))

    def verbal(self, tok) -> Candidate | None:
        lemma = self.lemma(tok)
        pats = self.lex.verbs.get(lemma)
        pat, extra = self._match(tok, pats) if pats else (None, [])
        if pat is not None and pat.objs is None and lemma in self.lex.light_verbs:
            pat = None  # a light verb with a generic pattern: prefer its event noun
        if pat is None and lemma in self.lex.light_verbs:
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
                                             cand.actor, cand.code.event)
        if cand.code.swap:
            cand.actor, cand.recipient = cand.recipient, cand.actor

    def _recipient(self, tok, nouns, actor=(), event=None, depth=0) -> list:
        objs = _obj_tokens(tok)
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
        slots = [o for o in objs if not any(o.i == n.i for n in nouns)] + _prep_objs(tok, RECIPIENT_PREPS) + [
            p for o in objs for p in _prep_objs(o, RECIPIENT_PREPS + ("by",))]
        for obj in slots:
            if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
                found = self.actors.party(obj)
                if found:
                    return found
        return []

    def _recipient_named(self, tok, nouns, objs, actor, event, depth) -> list:
        for noun in [*nouns, *objs]:  # "sanctions on Iran", "drones to Russia", "the blockade of Serbia"
            preps = RECIPIENT_PREPS + ("of", "by") if noun in nouns else RECIPIENT_PREPS  # "violated a ban by X"
            for pobj in _prep_objs(noun, preps):
                found = self.actors.phrase(pobj)
                if found:
                    return found
        groups = (ACCUSE_PREPS, RECIPIENT_PREPS) if event in ("ACCUSE", "PROTEST") else (RECIPIENT_PREPS,)
        for preps in groups:  # "complained to the UN over Israeli raids": the accused first
            for pobj in _prep_objs(tok, preps):
                found = self.actors.phrase(pobj)
                if found:
                    return found
        for noun in _obj_tokens(tok):  # "positions of the Palestinian forces"
            for pobj in _prep_objs(noun, ("of",)):
                found = self.actors.phrase(pobj)
                if found:
                    return found
        mine = {a.code for a in actor}
        for pobj in _prep_objs(tok, RECIPIENT_PREPS):  # "reneged on its commitment to X", "assistance to the US-led war"
            for inner in _prep_objs(pobj, RECIPIENT_PREPS + ("by",)):
                found = self.actors.phrase(inner)
                if found:
                    return found
        for pobj in [p for t in (tok, *objs) for p in _prep_objs(t, ("in", "inside", "across", "near"))]:  # location
            found = self.actors.phrase(pobj)
            if found and not {a.code for a in found} <= mine:
                return found
        if event == "REQUEST":  # "demanded that the US cancel ...": the one asked to act
            for clause in _children(tok, "ccomp", "xcomp"):
                subj = self._subject(clause)
                found = self.actors.phrase(subj) if subj is not None else []
                if found and found != list(actor):
                    return found
        if depth == 0:  # "refused to respond to a demand from X"; "opened fire to disperse demonstrators"
            purpose = [c for c in _children(tok, "advcl") if event in PURPOSE_TARGET
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
            for clause in _children(tok, "xcomp") + purpose:
                found = self._recipient(clause, [], actor, event, depth + 1)
                if found:
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
        depth = _depths(sent)
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
        own = _children(embedded.head, *SUBJ) if embedded.head.pos_ in ("VERB", "AUX") else []
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
            direct = [o for o in _obj_tokens(tok) if o.i != embedded.head.i] + _prep_objs(tok, ("on", "upon", "to"))
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
        objs = _children(tok, "dobj")
        clause = _children(tok, "ccomp") or [c for o in objs for c in o.children if c.dep_ in ("acl", "ccomp")]
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
