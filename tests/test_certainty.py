"""certainty cues on real-world-style sentences (the events extractor's helper)."""
from __future__ import annotations

import pytest

from conftest import make_context
from newsgraph.extract import certainty


def trigger(ctx, word):
    return next(t for t in ctx.doc if t.text == word)


@pytest.mark.parametrize("text, word, expected", [
    ("Russian troops allegedly shelled the town.", "shelled", "hedged"),
    ("The drones may have been assembled in Iran.", "assembled", "hedged"),
    ("Iran is believed to have shipped the drones by sea.", "shipped", "hedged"),
    ("Tehran denied that it had shipped any drones.", "shipped", "denied"),
    ("Moscow rejected the claim that its forces shelled the town.", "shelled", "denied"),
    ("Russian troops never shelled the town.", "shelled", "denied"),
    ("Russian troops shelled the town on Sunday.", "shelled", "asserted"),
    ("According to the governor, Russian troops shelled the town.", "shelled", "reported"),
])
def test_certainty(nlp, text, word, expected):
    ctx = make_context(nlp, text)
    tok = trigger(ctx, word)
    sent = tok.sent
    value, _ = certainty.assess(ctx, tok, sent, (tok.idx, tok.idx + len(tok)))
    assert value == expected
