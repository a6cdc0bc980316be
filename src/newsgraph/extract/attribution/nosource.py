"""Round-2 candidate builders: cues with no source ("X is expected to …", "seems", "Asked whether …"), passives
with an agent ("was criticized by X") and prepositional sources ("according to X", "in a CNN poll, …").
All but "according to" are judged by the cue model (``model.keep``)."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import lexicon
from .model import features
from .parse import ADDRESSEE_VERBS, SUBJECTS, _content_tokens, _cue_range, _in_quote

def _in_features(tok: Token, pobj: Token, sent) -> list[str]:
    """Model features of an 'in a poll' candidate (the model keeps 'In a CNN poll released Monday, …',
    drops 'has risen in the polls')."""
    lemma = pobj.lemma_.lower()
    det = next((c.lower_ for c in pobj.children if c.dep_ in ("det", "poss")), "")
    named = any(c.dep_ in ("compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_) for c in pobj.children)
    first = tok.i == sent.start or (tok.i > 0 and tok.nbor(-1).is_punct)
    return ["b", "in", f"IN={lemma}", f"IN|det={det}", f"IN|named={named}", f"IN|first={first}",
            f"IN|H={tok.head.pos_}", f"IN|L|named={lemma}|{named}", f"IN|num={pobj.tag_}"]


def _prep_source(doc: Doc, sent, tok: Token, prep: Token, add, feats=None) -> None:
    """'according to X, …' / 'in a CNN poll, …': source = X, content = the rest of the clause."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return
    src_hi = pobj.right_edge.i
    for c in pobj.children:  # "a report citing sources": the citing phrase is not the source
        if c.dep_ in ("acl", "relcl") and c.i > pobj.i and c.lemma_.lower() in lexicon().citing:
            src_hi = min(src_hi, c.left_edge.i - 1)
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head  # the clause the phrase modifies
    lo, hi = head.left_edge.i, head.right_edge.i
    lo, hi = max(lo, sent.start), min(hi, sent.end - 1)
    phrase = (tok.i, pobj.right_edge.i)
    if phrase[0] <= lo:
        rngs = [(phrase[1] + 1, hi)]
    elif phrase[1] >= hi:
        rngs = [(lo, phrase[0] - 1)]
    else:
        rngs = [(lo, phrase[0] - 1), (phrase[1] + 1, hi)]
    rngs = [r for r in rngs if r[1] >= r[0] and not all(t.is_punct for t in doc[r[0]:r[1] + 1])]
    add((pobj.left_edge.i, src_hi), (tok.i, prep.i), rngs, tok.i, feats=feats)


QUESTION_WORDS = frozenset({"why", "whether", "if", "how", "what", "when", "where"})


def _agent_passive(v: Token, subj: Token, agent: Token, lemma: str, add) -> bool:
    """'X was criticized by libertarians', 'was asked by a caller why …': source = the agent, content = the
    subject plus any complement (model-judged)."""
    pobj = next(g for g in agent.children if g.dep_ == "pobj")
    lo_cue = _cue_range(v)[0]
    rngs = [(subj.left_edge.i, subj.right_edge.i)]
    src_hi = pobj.right_edge.i
    for c in pobj.children:  # "asked by a caller why …": the question is content, not source
        if c.i > pobj.i and (c.dep_ == "ccomp" or (c.dep_ == "relcl" and c.left_edge.lower_ in QUESTION_WORDS)):
            src_hi = min(src_hi, c.left_edge.i - 1)
            rngs.append((c.left_edge.i, c.right_edge.i))
    rngs += [(c.left_edge.i, c.right_edge.i) for c in v.children if c.i > agent.i and c.dep_ in SOURCELESS_COMPS]
    cue_hi = agent.i if agent.i <= v.i + 2 else v.i  # "was rejected by"
    n_content = sum(b - a + 1 for a, b in rngs)
    feats = features(v, subj, "agent", False, src_hi - pobj.left_edge.i + 1, n_content)
    feats += ["agentpass", f"agent|L={lemma}", f"agent|S={_kind(pobj)}"]
    add((pobj.left_edge.i, src_hi), (lo_cue, cue_hi), rngs, v.i, feats=feats)
    return True


def _kind(t: Token) -> str:
    return t.ent_type_ or t.pos_


def _participle(v: Token, lemma: str, regions, add) -> bool:
    """'(When) asked whether he would run, …', 'a plan known as …': a past participle with no subject, auxiliary
    or agent is a cue with no source (model-judged). True when proposed."""
    if v.tag_ != "VBN" or v.dep_ not in ("advcl", "acl", "ROOT") or _in_quote(v.idx, regions) or any(
            c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass", "agent") for c in v.children):
        return False
    rngs, hi_cue, kind = _content_tokens(v, lemma, wide=True)
    if not rngs:
        return False
    lo_cue, hi0 = _cue_range(v)
    n_content = sum(b - a + 1 for a, b in rngs)
    feats = features(v, None, "nosrc:vbn:" + kind, False, 0, n_content) + ["nosrc", f"nosrc|L={lemma}", "vbn"]
    add(None, (lo_cue, max(hi_cue, hi0)), rngs, v.i, feats=feats)
    return True


RAISING = frozenset({"seem", "appear", "look", "sound"})
SOURCELESS_COMPS = ("xcomp", "oprd", "acomp", "attr", "ccomp")
SOURCELESS_PREPS = frozenset({"as", "like", "for", "of"})
SPEECH_PASSIVES = ADDRESSEE_VERBS | {"say"}  # "was asked" + a quotation: left to the speech-verb path


def _sourceless(v: Token, subj: Token, lemma: str, regions, add) -> bool:
    """'X is expected to …', 'X seems ready to …', 'it appears that …', 'X is seen as …', 'X was accused of …',
    'the plan was rejected': a cue with no source; the content is the subject plus any complement
    (model-judged). True when proposed."""
    agent = next((c for c in v.children if c.dep_ == "agent" and any(g.dep_ == "pobj" for g in c.children)), None)
    if agent is not None and subj.dep_ == "nsubjpass" and not _in_quote(v.idx, regions):
        return _agent_passive(v, subj, agent, lemma, add)
    passive = subj.dep_ == "nsubjpass" and agent is None
    raising = lemma in RAISING and v.tag_ != "VBG"  # "are looking for X" is a stance verb with a source
    if not (passive or raising) or _in_quote(v.idx, regions):
        return False
    comps = [c for c in v.children if c.i > v.i and c.dep_ in SOURCELESS_COMPS]
    lo_cue, hi_cue = _cue_range(v)
    if not comps:
        prep = next((c for c in v.children if c.i == hi_cue + 1 and c.dep_ == "prep" and c.lower_ in SOURCELESS_PREPS
                     and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
        if prep is None and (not passive or lemma in SPEECH_PASSIVES or _content_tokens(v, lemma, wide=True)[0]):
            return False
        if prep is None:  # "the proposal was rejected": the subject alone is the content
            comps, rngs = [], []
        else:
            comps, hi_cue = [prep], prep.i  # "is seen as …": the preposition belongs to the cue
            rngs = [(prep.i + 1, prep.right_edge.i)]
    else:
        rngs = [(c.left_edge.i, c.right_edge.i) for c in comps]
    dummy = subj.lower_ == "it" and any(g.dep_ == "ccomp" for c in comps for g in [c, *c.children])
    if subj.dep_ != "expl" and not dummy:  # "it seems likely that …": the clause alone is the content
        rngs.append((subj.left_edge.i, subj.right_edge.i))
    n_content = sum(b - a + 1 for a, b in rngs)
    kind = "nosrc:" + ("raise" if raising else "pass") + ":" + (comps[0].dep_ if comps else "none")
    feats = features(v, subj, kind, False, 0, n_content) + ["nosrc", f"nosrc|L={lemma}", f"nosrc|S={subj.dep_}"]
    add(None, (lo_cue, hi_cue), rngs, v.i, feats=feats)
    return True
