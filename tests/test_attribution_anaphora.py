"""A definite outlet noun ("the newspaper reported") refers back to the outlet named before it."""
from __future__ import annotations

from conftest import make_context
from newsgraph.extract import actors, attributions


def sources(nlp, text):
    ctx = make_context(nlp, text)
    ctx.actors = actors.extract(ctx)
    return {a.cue: a.source for a in attributions.extract(ctx)}


def test_the_newspaper_is_the_outlet_named_before(nlp):
    found = sources(nlp, "The Guardian said on Monday that the talks had stalled. Negotiators will meet again in "
                         "Geneva next week, the newspaper reported.")
    assert found["reported"].kind == "outlet" and found["reported"].name == "The Guardian"


def test_a_newspaper_with_no_outlet_before_stays_unnamed(nlp):
    found = sources(nlp, "Negotiators will meet again in Geneva next week, a local newspaper reported.")
    assert found["reported"].kind == "outlet" and found["reported"].name is None
