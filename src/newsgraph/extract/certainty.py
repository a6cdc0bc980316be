"""How sure the text is that an event happened: asserted | reported | hedged | denied.

Order of precedence: denied (grammatical negation of the event, or the event sits under a denial:
"denied supplying", "rejected the claim that ...") > hedged (reportedly, allegedly, may/might/could,
"is believed to", "appears to", "alleged attack", "could not be verified") > reported (the event lies
inside an attribution's content; when no attribution extractor ran, under a reporting verb or
"according to") > asserted. Cues come from lexicons/hedges.json, compiled once per process.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .. import lexicons
from ..types import Certainty
from .context import Context

COMPLEMENT = frozenset({"ccomp", "xcomp", "pcomp", "dobj", "acl", "relcl", "pobj", "prep", "advcl", "conj", "attr", "nsubjpass"})


@dataclass(frozen=True)
class Cues:
    adverbs: frozenset[str]
    modals: frozenset[str]
    raising: frozenset[str]
    adjectives: frozenset[str]
    phrases: tuple[str, ...]
    denial_verbs: frozenset[str]
    denial_objects: frozenset[str]
    negators: frozenset[str]
    report_verbs: frozenset[str]


@functools.lru_cache(maxsize=8)
def cues(user_files: tuple = ()) -> Cues:
    data = lexicons.load("hedges", user_files)
    return Cues(frozenset(data["adverbs"]), frozenset(data["modals"]), frozenset(data["raising_verbs"]),
                frozenset(data["adjectives"]), tuple(data["phrases"]), frozenset(data["denial_verbs"]),
                frozenset(data["denial_objects"]), frozenset(data["negators"]), frozenset(data["report_verbs"]))


def _chain(tok, limit: int = 12):
    """The token and its ancestors up to the sentence root."""
    out = [tok]
    while tok.head.i != tok.i and len(out) < limit:
        tok = tok.head
        out.append(tok)
    return out


def is_negated(tok, c: Cues) -> bool:
    return any(ch.dep_ == "neg" or (ch.dep_ in ("advmod", "det") and ch.lower_ in c.negators) for ch in tok.children)


def is_hedged(tok, sent, c: Cues) -> bool:
    chain = _chain(tok)
    for t in chain[:4]:  # the trigger's own clause and the verbs right above it
        for ch in t.children:
            if ch.dep_ in ("advmod", "aux") and ch.lower_ in (c.adverbs | c.modals):
                return True
            if ch.dep_ == "amod" and ch.lower_ in c.adjectives:
                return True
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in c.raising and (
                t.head.lemma_.lower() in ("appear", "seem") or any(x.dep_ == "auxpass" for x in t.head.children)):
            return True  # "is believed to have", "appears to"
    low = sent.text.lower()
    return any(p in low for p in c.phrases)


def is_under_denial(tok, c: Cues) -> bool:
    chain = _chain(tok)
    for below, above in zip(chain, chain[1:]):
        lemma = above.lemma_.lower()
        if below.dep_ not in COMPLEMENT:
            continue
        if lemma in ("deny", "refute", "rebut", "disavow"):
            return True
        if lemma in c.denial_verbs and any(x.lemma_.lower() in c.denial_objects for x in chain[: chain.index(above)]):
            return True
    return False


def _reported_fallback(tok, sent) -> bool:
    c = cues()
    if any(t.lower_ == "according" for t in sent):
        return True
    chain = _chain(tok)
    return any(above.lemma_.lower() in c.report_verbs and below.dep_ in ("ccomp", "xcomp", "conj")
               for below, above in zip(chain, chain[1:]))


def assess(ctx: Context, trigger, sent, span: tuple[int, int], *, negated: bool = False,
           denied: bool = False, hypothetical: bool = False) -> tuple[Certainty, str | None]:
    """Certainty and the id of the innermost attribution covering ``span``."""
    c = cues(tuple(ctx.settings.user_lexicons))
    attr = ctx.innermost_attribution(*span)
    attr_id = attr.id if attr else None
    if negated or denied or is_negated(trigger, c) or is_under_denial(trigger, c):
        return "denied", attr_id
    if hypothetical or is_hedged(trigger, sent, c):
        return "hedged", attr_id
    if attr is not None or (not ctx.attributions and _reported_fallback(trigger, sent)):
        return "reported", attr_id
    return "asserted", attr_id
