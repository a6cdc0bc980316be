"""Dependency-parse helpers shared by the attribution candidate builders (``finder``, ``nosource``)."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import CLOSE_QUOTES, OPEN_QUOTES

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CLAUSES = ("ccomp", "parataxis")
OBJECTS = ("dobj", "oprd", "attr")
CUE_MODIFIERS = ("aux", "auxpass", "neg", "advmod")
ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "ask", "urge", "warn", "remind", "advise"})
CUE_PREPS = frozenset({"for", "to", "on", "against", "at", "about"})  # "called for", "pointed to"
# verbs outside the lexicon (model-judged) also take these: "went after X", "agreed with X", "identifies as X"
WIDE_PREPS = CUE_PREPS | {"with", "as", "of", "over", "after", "toward", "towards", "into", "behind", "like", "upon"}


def _chars(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Character span of tokens lo..hi inclusive."""
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _widen_to_quotes(text: str, span: tuple[int, int], regions: list[tuple[int, int]]) -> tuple[tuple[int, int], bool]:
    s, e = span
    direct = False
    for qs, qe in regions:
        if qs >= e + 3:
            break
        if qe <= s - 3:
            continue
        # the quotation overlaps or directly wraps the content
        overlaps = qs < e and s < qe
        closes_after = e <= qe < e + 3 and text[e:qe].strip(",.!? ") in ("",) + tuple(CLOSE_QUOTES)
        opens_before = qs <= s < qs + 3 and text[qs:s].strip() in ("",) + tuple(OPEN_QUOTES)
        if overlaps or (closes_after and qs < e) or (opens_before and s < qe):
            s, e = min(s, qs), max(e, qe)
            direct = direct or qs == s or qe == e  # quoted at an edge, not a scare quote inside
    return (s, e), direct


def _in_quote(pos: int, regions: list[tuple[int, int]]) -> bool:
    """True inside a quotation: reporting verbs there belong to the quoted speaker's words."""
    return any(qs < pos < qe for qs, qe in regions)


def _subject(v: Token, depth: int = 0) -> Token | None:
    subjects = [c for c in v.children if c.dep_ in SUBJECTS]
    if subjects:  # the nearest one: a misparsed second subject sits inside the quotation
        return min(subjects, key=lambda c: abs(c.i - v.i))
    if depth < 3 and v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
        return _subject(v.head, depth + 1)
    if depth < 3 and v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX"):
        return _subject(v.head.head, depth + 1)  # "After blasting X, Beck said …"
    return None


def _cue_range(v: Token) -> tuple[int, int]:
    lo = v.i
    for c in sorted((c for c in v.children if c.i < v.i and c.dep_ in CUE_MODIFIERS
                             and c.lower_ != "reportedly"), key=lambda t: -t.i):
        if c.i == lo - 1:
            lo = c.i
    hi = v.i
    for c in v.children:
        if c.dep_ == "prt" and c.i == hi + 1:
            hi = c.i
    return lo, hi


# nouns that, as a verb's object, only carry the stance towards what follows ("took aim at", "paid attention to")
LIGHT_NOUNS = frozenset({"attention", "aim", "support", "shot", "swipe", "jab", "dig", "assault", "attack", "issue",
                         "exception", "doubt", "light", "praise", "scorn", "pressure", "sight", "focus", "blame"})
LIGHT_PREPS = frozenset({"to", "at", "on", "behind", "against", "with", "toward", "towards", "upon", "for"})


def _light_noun_target(obj: Token) -> Token | None:
    """The preposition right after a light object noun ('took some shots at', 'threw her support behind')."""
    if obj.lemma_.lower() not in LIGHT_NOUNS or obj.i + 1 >= len(obj.doc):
        return None
    p = obj.doc[obj.i + 1]
    if p.dep_ == "prep" and p.lower_ in LIGHT_PREPS and p.head.i in (obj.i, obj.head.i) and any(
            g.dep_ in ("pobj", "pcomp") for g in p.children):
        return p
    return None


def _content_tokens(v: Token, lemma: str, wide: bool = False) -> tuple[list[tuple[int, int]], int, str]:
    """Token ranges of the content, the cue's last token (widened by a preposition) and the kind."""
    kids = list(v.children)
    hi_cue = v.i
    clauses = [c for c in kids if c.dep_ in CLAUSES or (  # "asked the pupils if they had read it"
        c.dep_ == "advcl" and c.i > v.i and lemma in ADDRESSEE_VERBS and any(
            g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.children))]
    if clauses:
        return [(c.left_edge.i, c.right_edge.i) for c in clauses], hi_cue, "clause"
    xcomps = [c for c in kids if c.dep_ == "xcomp" and c.i > v.i]
    if xcomps:
        return [(c.left_edge.i, c.right_edge.i) for c in xcomps], hi_cue, "xcomp"
    objs = [c for c in kids if c.dep_ in OBJECTS]
    if objs and not (lemma in ADDRESSEE_VERBS and len(objs) == 1 and objs[0].ent_type_ in ("PERSON", "ORG", "NORP")):
        last = max(objs, key=lambda t: t.i)
        hi = last.right_edge.i
        for c in kids:  # "blasted him for not paying" / "described it as ..." / "what she described as ..."
            if c.dep_ == "prep" and (c.i == hi + 1 and c.lower_ in ("for", "as") or c.i == v.i + 1 and c.lower_ == "as"):
                hi = c.right_edge.i
        aimed = _light_noun_target(objs[0]) if len(objs) == 1 else None
        if aimed is not None:  # "took aim at X", "drew attention to X": X is the content
            return [(aimed.i + 1, aimed.right_edge.i)], aimed.i, "object"
        return [(min(o.left_edge.i for o in objs), hi)], hi_cue, "object"
    answer = next((c for c in kids if c.dep_ == "intj" and c.i == v.i + 1 and c.lower_ in ("yes", "no")), None)
    if answer is not None:  # "most voters said yes", "the council said no to the stadium"
        to = next((c for c in kids if c.dep_ == "prep" and c.i == answer.i + 1 and c.lower_ == "to"), None)
        return [(answer.i, answer.i if to is None else to.right_edge.i)], hi_cue, "object"
    allowed = WIDE_PREPS if wide else CUE_PREPS
    gap = v.i + 1
    while wide and gap < len(v.doc) and v.doc[gap].head.i == v.i and v.doc[gap].dep_ in ("advmod", "prt") and gap < v.i + 3:
        gap += 1  # "stuck firmly to", "take over as"
    preps = [c for c in kids if c.dep_ == "prep" and c.i == gap and c.lower_ in allowed and any(g.dep_ in ("pobj", "pcomp") for g in c.children)]
    if preps:
        p = preps[0]
        return [(p.i + 1, p.right_edge.i)], p.i, "prep"
    return [], hi_cue, ""


def _speaker_after_quote(v: Token, regions: list[tuple[int, int]]) -> tuple[int, int] | None:
    """'“…,” Lindqvist, 47, told the agency': the words between a closing quotation and the speech verb, when the parser
    hung them on the quotation (so the verb has no subject of its own, or one inside the quotation)."""
    doc = v.doc
    end = max((qe for qs, qe in regions if qe <= v.idx), default=None)
    if end is None or v.idx - end > 120:
        return None
    toks = [t for t in doc[v.sent.start:v.i] if t.idx >= end]
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and toks[-1].dep_ in CUE_MODIFIERS and toks[-1].head.i == v.i:
        toks = toks[:-1]  # "Lindqvist later told"
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks or len(toks) > 20 or toks[0].pos_ not in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"):
        return None
    relative = any(t.lower_ in ("who", "which", "whose") for t in toks)
    if any(t.pos_ == "VERB" for t in toks) and not relative:
        return None  # narration, not a speaker
    return toks[0].i, toks[-1].i


def _speaker_inverted(v: Token, regions: list[tuple[int, int]]) -> tuple[int, int] | None:
    """'“…,” said Maria Lopez, a port official who …': a speech verb right after a closing quotation, its
    speaker after it, which the parser hung elsewhere (the verb has no subject): the rest of the sentence, up
    to a following quotation or a participle clause (', adding that …')."""
    doc = v.doc
    text = doc.user_data.get("newsgraph_text") or doc.text
    if not any(qe <= v.idx and text[qe:v.idx].strip(" ,") == "" for qs, qe in regions):
        return None
    toks = []
    for t in doc[v.i + 1:v.sent.end]:
        if any(qs <= t.idx < qe for qs, qe in regions) or (toks and toks[-1].text == "," and t.tag_ == "VBG"):
            break
        toks.append(t)
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if not toks or len(toks) > 30 or toks[0].pos_ not in ("PROPN", "NOUN", "DET", "ADJ"):
        return None
    return toks[0].i, toks[-1].i


def _speaker_before_aside(v: Token, regions: list[tuple[int, int]]) -> tuple[int, int] | None:
    """'One delegate, who like several others asked not to be named, said …': a speech verb with no subject,
    after a noun phrase and an aside set off by commas, which the parser made the subject of the aside: the
    sentence up to the verb is the speaker."""
    doc = v.doc
    toks = list(doc[v.sent.start:v.i])
    while toks and (toks[0].is_space or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].dep_ in CUE_MODIFIERS and toks[-1].head.i == v.i:
        toks = toks[:-1]  # "…, later said"
    if len(toks) < 4 or toks[-1].text not in (",", "-", "—", "–") or len(toks) > 40:
        return None
    if toks[0].pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "NUM") or any(
            qs <= t.idx < qe for t in toks for qs, qe in regions):
        return None
    first_break = next((i for i, t in enumerate(toks) if t.text in (",", "-", "—", "–")), len(toks))
    if first_break == 0 or any(t.pos_ in ("VERB", "AUX") for t in toks[:first_break]):
        return None  # a clause, not a noun phrase, before the aside
    return toks[0].i, toks[-2].i


def _reduced_relative_start(subj: Token) -> int:
    """'…, a step officials hope will …': the parser glues the head of a reduced relative ('a step') onto its
    subject as a compound; a singular determiner on a plural subject marks the glue, the source starts after it."""
    lo = subj.left_edge.i
    while lo < subj.i and subj.doc[lo].is_punct:
        lo += 1  # '“…,” Okafor, 52, told': the closing quotation mark hung on the subject
    det = subj.doc[lo]
    if subj.tag_ in ("NNS", "NNPS") and det.dep_ == "det" and det.lower_ in SINGULAR_DETS:
        glued = [c for c in subj.children if c.dep_ == "compound" and c.i < subj.i and c.tag_ == "NN"]
        if glued and glued[0].left_edge.i <= lo + 2:  # "a step officials", "a major step officials"
            return max(g.right_edge.i for g in glued) + 1
    return lo


SINGULAR_DETS = frozenset({"a", "an", "each", "every", "this", "another"})
