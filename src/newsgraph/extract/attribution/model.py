"""A small linear model that decides whether a verb with a subject and a complement is an attribution cue.

The finder proposes every verb with a subject and a complement (clause, to-infinitive, object,
prepositional object, or a clause/quotation around it); the model scores it from parse features
(lemma, complement kind, subject kind, dependency, tense, negation, modality, the other reporting verbs of the
sentence). Weights live in ``lexicons/attribution_cue_model.json``, trained by ``scripts/train_attribution.py``
on PolNeAR train.
Without that file only lexicon verbs are proposed and all are kept (the rule-only behaviour).
"""
from __future__ import annotations

import functools
import math

from spacy.tokens import Token

from ...config import LEXICON_DIR
from ...lexicons import load
from .lexicon import lexicon

MODEL_NAME = "attribution_cue_model"
PRONOUN_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "it", "they", "who", "which", "that", "this"})


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n <= 3 else "4" if n <= 8 else "9" if n <= 20 else "21"


def _subject_kind(subj: Token | None) -> str:
    if subj is None:
        return "none"
    if subj.lower_ in PRONOUN_SUBJECTS:
        return subj.lower_
    if subj.ent_type_:
        return subj.ent_type_
    return subj.pos_


def features(tok: Token, subj: Token | None, kind: str, inlex: bool, src_len: int, content_len: int) -> list[str]:
    """Feature strings of one verb candidate (``kind``: where its content was found)."""
    lemma = tok.lemma_.lower()
    kids = list(tok.children)
    sk = _subject_kind(subj)
    prep = next((c.lower_ for c in kids if c.dep_ == "prep" and c.i > tok.i), "")
    mark = next((g.lower_ for c in kids if c.dep_ == "ccomp" for g in c.children if g.dep_ == "mark"), "")
    f = [
        "b", f"L={lemma}", f"K={kind}", f"L|K={lemma}|{kind}", f"D={tok.dep_}", f"T={tok.tag_}",
        f"S={sk}", f"S|K={sk}|{kind}", f"L|D={lemma}|{tok.dep_}", f"L|S={lemma}|{sk}",
        f"sl={_bucket(src_len)}", f"cl={_bucket(content_len)}", f"K|cl={kind}|{_bucket(content_len)}",
    ]
    if inlex:
        f += ["inlex", f"inlex|K={kind}"]
    if prep:
        f += [f"P={prep}", f"L|P={lemma}|{prep}"]
    if mark:
        f.append(f"M={mark}")
    f += [f"L|T={lemma}|{tok.tag_}", f"L|cl={lemma}|{_bucket(content_len)}"]
    doc = tok.doc
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else "<s>"
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "</s>"
    f += [f"W-1={prev}", f"W+1={nxt}", f"L|W+1={lemma}|{nxt}"]
    for c in kids:
        if c.dep_ == "neg":
            f += ["neg", f"L|neg={lemma}"]
        elif c.dep_ == "aux" and c.tag_ == "MD":
            f += [f"md={c.lower_}", f"L|md={lemma}"]
        elif c.dep_ == "dative":
            f.append(f"L|dative={lemma}")
    if subj is not None and subj.dep_ == "nsubjpass":
        f += ["passive", f"L|passive={lemma}"]
    if subj is not None and subj.pos_ == "NOUN":
        f.append(f"SL={subj.lemma_.lower()}")
    comp = next((c for c in kids if c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis") and c.i > tok.i), None)
    if comp is not None:
        ck = comp.ent_type_ or comp.pos_
        f += [f"C={comp.dep_}|{ck}", f"L|C={lemma}|{ck}"]
        if comp.dep_ == "xcomp":
            f.append(f"X={comp.lemma_.lower()}")
        elif comp.dep_ == "dobj":  # light verbs: "issued a statement", "took credit for", "expressed concern"
            ol = comp.lemma_.lower()
            f += [f"O={ol}", f"L|O={lemma}|{ol}"]
            for g in comp.children:  # what the object governs: "credit for X", "a statement saying …"
                if g.i > comp.i and g.dep_ == "prep":
                    f += [f"OP={g.lower_}", f"O|OP={ol}|{g.lower_}"]
                    break
                if g.i > comp.i and g.dep_ in ("acl", "relcl", "ccomp"):
                    f += [f"Ocl={g.dep_}", f"O|cl={ol}|{g.dep_}"]
                    break
            det = next((g for g in comp.children if g.dep_ in ("det", "poss") and g.i < comp.i), None)
            f.append(f"Odet={'poss' if det is not None and det.dep_ == 'poss' else det.lower_ if det is not None else ''}")
    if tok.head.i != tok.i:
        f.append(f"H={tok.dep_}|{tok.head.lemma_.lower()}")
    return f + _sentence_features(tok, kind)


def _sentence_features(tok: Token, kind: str) -> list[str]:
    """The other reporting verbs around the candidate: how many lexicon verbs with a subject share its sentence,
    and whether one of its heads is a lexicon verb (the candidate then sits inside reported material)."""
    verbs = lexicon().verbs
    others = sum(1 for t in tok.sent if t.i != tok.i and t.pos_ == "VERB" and t.lemma_.lower() in verbs
                 and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children))
    inside = any(a.lemma_.lower() in verbs for a in tok.ancestors)
    return [f"nother={min(others, 3)}", f"anclex={inside}", f"K|anclex={kind}|{inside}"]


def noun_features(noun: Token, poss: Token | None, kind: str) -> list[str]:
    """Feature strings of a possessed noun candidate ('Trump's criticism of ...')."""
    lemma = noun.lemma_.lower()
    sk = _subject_kind(poss)
    return ["b", "noun", f"NL={lemma}", f"NK={kind}", f"NL|K={lemma}|{kind}", f"NS={sk}", f"ND={noun.dep_}"]


@functools.lru_cache(maxsize=1)
def model() -> tuple[dict[str, float], float, float] | None:
    """(weights, bias, threshold) or None when no model file is bundled."""
    if not (LEXICON_DIR / f"{MODEL_NAME}.json").exists():
        return None
    data = load(MODEL_NAME)
    return data["weights"], float(data["bias"]), float(data["threshold"])


@functools.lru_cache(maxsize=1)
def group_thresholds() -> dict[str, float]:
    """Per-kind thresholds (``group``), chosen on held-out train articles; missing groups use the global one."""
    if not (LEXICON_DIR / f"{MODEL_NAME}.json").exists():
        return {}
    return {k: float(v) for k, v in load(MODEL_NAME).get("thresholds", {}).items()}


GROUPS = ("clause", "object", "xcomp", "prep", "nosrc", "noun", "other")


def group(feats: list[str]) -> str:
    """The candidate kind a threshold applies to: clause / object / xcomp / prep complements, sourceless cues,
    nouns (possessed or not), other (clause before, quotation, agent passive, be + adjective, "in a poll")."""
    if feats[1] == "noun":
        return "noun"
    if feats[1] == "in":
        return "other"
    kind = feats[2][2:]
    if kind.startswith("nosrc"):
        return "nosrc"
    return kind if kind in GROUPS else "other"


def probability(feats: list[str]) -> float:
    m = model()
    if m is None:
        return 1.0
    weights, bias, _ = m
    z = bias + sum(weights.get(x, 0.0) for x in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def keep(feats: list[str] | None) -> bool:
    """Candidates without features (according to, citing, nouns, punctuation) are always kept."""
    m = model()
    return feats is None or m is None or probability(feats) >= group_thresholds().get(group(feats), m[2])
