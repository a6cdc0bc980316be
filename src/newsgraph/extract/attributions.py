"""attributions extractor: who says what, with nesting ("according to X, citing Y").

Candidates come from the dependency parse (``attribution.finder``); sources are normalised with
``ctx.actors`` when present (``attribution.sources``). An attribution whose cue lies inside another
one's content, or that a "citing" phrase hangs on, gets that one as ``parent``; parent None means
"directly under the publisher". Cues with no source ("X is expected to …", "reportedly") get
``Source(kind="publisher", text="")``: the outlet's own hedged voice.
"""
from __future__ import annotations

from ..types import Attribution, Source, Span
from .attribution.finder import Candidate, find
from .attribution.lexicon import quote_regions
from .attribution.model import keep, model
from .attribution.sources import SourceResolver
from .context import Context

NAME = "attributions.v1"


def _parent(i: int, cands: list[Candidate]) -> int | None:
    c = cands[i]
    if c.cites is not None:
        for j, h in enumerate(cands):
            if j != i and h.cites is None and (h.verb == c.cites or (
                    h.source_tokens and h.source_tokens[0] <= c.cites <= h.source_tokens[1])):
                return j
    best = None
    for j, h in enumerate(cands):
        hs, he = h.content
        if j != i and hs <= c.cue[0] and c.cue[1] <= he and (hs, he) != c.content:
            if best is None or he - hs < cands[best].content[1] - cands[best].content[0]:
                best = j
    return best


def candidates(ctx: Context) -> list[Candidate]:
    """Raw candidates in text order, one per cue (for evaluation and debugging)."""
    cands = find(ctx.doc, ctx.sentences(), quote_regions(ctx.article.text), open_verbs=model() is not None, keep=keep)
    seen: set[tuple[int, int]] = set()
    sources = [c.source for c in cands if c.source]
    out = []
    for c in sorted(cands, key=lambda c: (c.cue, c.content)):
        clause = c.feats is not None and "K=clause" in c.feats  # "Berger, who said he is friendly with …"
        if c.cue in seen or (not clause and any(s <= c.cue[0] and c.cue[1] <= e for s, e in sources)):
            continue  # a duplicate, or a verb describing a source ("officials who spoke on condition ...")
        seen.add(c.cue)
        out.append(c)
    return out


def extract(ctx: Context) -> list[Attribution]:
    text = ctx.article.text
    cands = candidates(ctx)
    resolver = SourceResolver(ctx.doc, ctx.actors)
    parents = [_parent(i, cands) for i in range(len(cands))]
    out = []
    unsourced = Source("", ctx.article.publisher, None, "publisher")  # "X is expected to …": the outlet's voice
    for i, c in enumerate(cands):
        s, e = c.content
        out.append(Attribution(
            id=f"R{i + 1}",
            source=unsourced if c.source is None else resolver.resolve(*c.source),
            cue=text[c.cue[0]:c.cue[1]],
            content=Span(s, e, text[s:e]),
            parent=None if parents[i] is None else f"R{parents[i] + 1}",
            direct=c.direct,
            cue_span=c.cue,
        ))
    return out
