"""A reduced relative after a clause ("…, a move teachers say will …") gives the
relative's subject as source and the clause after the cue as content (real spaCy model)."""
from __future__ import annotations

from conftest import make_context
from newsgraph.extract import attributions


def run(nlp, text):
    ctx = make_context(nlp, text)
    ctx.actors = []
    return attributions.extract(ctx)


def test_reduced_relative_source_and_content(nlp):
    text = ("The city council approved a new budget for public schools on Tuesday, "
            "a move teachers say will reduce class sizes across the district.")
    a = next(a for a in run(nlp, text) if a.cue == "say")
    assert a.source.text == "teachers"
    assert a.content.text.startswith("will reduce class sizes")
    # the content never contains its own cue or source
    assert not (a.content.start <= a.cue_span[0] < a.content.end)
    assert not (a.content.start <= a.source.start < a.content.end)


def test_parenthetical_cue_keeps_the_clause_before(nlp):
    text = "The plan is too expensive, the mayor said, and it will not pass the council."
    a = next(a for a in run(nlp, text) if a.cue == "said")
    assert a.source.text == "the mayor"
    assert a.content.text.startswith("The plan is too expensive")
