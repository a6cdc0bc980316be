"""Parse helpers and the constants the event coder shares: the candidate record, token depths, objects and
prepositional objects, and the word classes that steer the coding."""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Code

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
# "issued a statement demanding ...": a document's clause is its issuer's act
DOCUMENT = frozenset({"statement", "declaration", "communique", "letter", "resolution", "message", "note", "memorandum",
                      "document", "appeal", "petition", "ultimatum", "notice", "decree", "report"})
PURPOSE_TARGET = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "PROTEST"})
# "provided funds to help Afghanistan rebuild", "deployed jets to protect Estonia": a cooperative act's beneficiary
BENEFIT_VERBS = frozenset({"help", "assist", "aid", "support", "bolster", "strengthen", "protect", "defend", "rebuild",
                           "reconstruct", "stabilize", "stabilise", "feed", "equip", "train", "reinforce", "rescue"})
BENEFIT_TYPES = frozenset({"AID", "SUPPORT", "COOPERATE", "AGREE"})
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


def depths(sent) -> dict[int, int]:
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


def children_with(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def object_tokens(tok):
    """Direct objects (with their conjuncts), or the passive subject."""
    objs = children_with(tok, "dobj", "attr", "oprd") or children_with(tok, "nsubjpass") or [  # "kidnapped up to 16 advisers"
        p for c in tok.children if c.dep_ == "prt" and c.lower_ == "up" for q in c.children if q.lower_ == "to"
        for p in q.children if p.dep_ == "pobj"]
    out = [t for o in objs for t in (o, *o.conjuncts)]
    for o in list(out):  # "part of the aid programme", "some of its troops"
        if o.lemma_.lower() in PARTITIVE:
            out.extend(p for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj")
    return out


def prep_objects(tok, preps=None):
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent", "prt") and (preps is None or c.lower_ in preps):
            objs = [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
            if not objs and c.dep_ in ("prep", "dative") and c.pos_ == "ADP":
                objs = stranded_object(c)
            out.extend(objs)
            if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                out.append(c)
    return out


NP_INNER = frozenset({"compound", "amod", "nmod", "poss", "nummod", "det", "quantmod", "case", "advmod"})


def stranded_object(prep) -> list:
    """A preposition the parse left without an object takes the noun phrase right after it (at the end of a
    relative clause, the noun the clause modifies): shared objects
    ("restored relations with and reopened its embassy in Iran") and mis-attached ones ("granted asylum to three
    Belarusian activists hiding ...")."""
    sent_end = prep.sent.end
    clause = prep.head
    if clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN") and (
            prep.i + 1 >= sent_end or prep.doc[prep.i + 1].is_punct or prep.doc[prep.i + 1].pos_ in ("VERB", "AUX")):
        return [clause.head]  # "the country Ukraine is fighting against", "the militia Iran sends arms to"
    shared = prep.i + 1 < sent_end and prep.doc[prep.i + 1].dep_ == "cc"  # "relations with and reopened its embassy in X"
    for j in range(prep.i + 1 + shared, min(prep.i + 8, sent_end)):
        tok = prep.doc[j]
        if tok.is_punct or tok.pos_ in ("ADP", "SCONJ", "CCONJ") or (tok.pos_ in ("VERB", "AUX") and not shared):
            return []
        if tok.pos_ in ("NOUN", "PROPN"):
            for _ in range(4):
                if tok.dep_ not in NP_INNER or tok.head.i == tok.i:
                    break
                tok = tok.head
            return [tok]
    return []


def governing_verb(tok):
    """The verb a noun hangs from ("staged mass demonstrations" -> staged)."""
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok
