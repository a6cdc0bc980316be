"""Attribution extractor on real-world-style news sentences (real spaCy model)."""
from __future__ import annotations

import pytest

from conftest import make_context
from newsgraph.extract import attributions
from newsgraph.types import Actor


def run(nlp, text, actors=()):
    ctx = make_context(nlp, text)
    ctx.actors = list(actors)
    return attributions.extract(ctx)


def one(nlp, text, cue):
    found = [a for a in run(nlp, text) if a.cue.split()[-1].lower() == cue]
    assert found, [(a.cue, a.source.text) for a in run(nlp, text)]
    return found[0]


@pytest.mark.parametrize("text, cue, source, content", [
    ("The foreign ministry said that the talks would resume in Vienna next week.", "said",
     "The foreign ministry", "that the talks would resume in Vienna next week"),
    ("Officials in Kyiv told reporters the power grid had been hit again overnight.", "told",
     "Officials in Kyiv", "the power grid had been hit again overnight"),
    ("The ministry denied that any troops had crossed the border.", "denied",
     "The ministry", "that any troops had crossed the border"),
    ("The agency confirmed the ship was carrying grain to Egypt.", "confirmed",
     "The agency", "the ship was carrying grain to Egypt"),
    ("The governor warned that more evacuations might be needed before the storm.", "warned",
     "The governor", "that more evacuations might be needed before the storm"),
    ("The minister wrote on Twitter that the shipment had arrived safely.", "wrote",
     "The minister", "that the shipment had arrived safely"),
    ("Ceasefire talks will resume on Monday, the mediators announced.", "announced",
     "the mediators", "Ceasefire talks will resume on Monday"),
])
def test_reporting_verbs(nlp, text, cue, source, content):
    a = one(nlp, text, cue)
    assert a.source.text == source
    assert a.content.text == content
    assert text[a.cue_span[0]:a.cue_span[1]] == a.cue


def test_inverted_order(nlp):
    a = one(nlp, "Iran has supplied hundreds of drones to Russia, said Secretary of State Antony Blinken.", "said")
    assert a.source.text == "Secretary of State Antony Blinken"
    assert a.content.text == "Iran has supplied hundreds of drones to Russia"


def test_according_to_before_and_after(nlp):
    a = one(nlp, "According to the United Nations, more than 8 million people have fled the country.", "to")
    assert a.cue == "According to" and a.source.text == "the United Nations"
    assert a.content.text == "more than 8 million people have fled the country"
    assert a.source.kind == "organisation" and a.source.code == "UNO"
    b = one(nlp, "The convoy reached the city on Tuesday, according to local officials.", "to")
    assert b.source.text == "local officials" and b.content.text == "The convoy reached the city on Tuesday"


def test_nested_according_to_citing_chain(nlp):
    text = ("According to a Wall Street Journal report citing sources from an unnamed US partner, "
            "Iran and Russia agreed to build a drone factory in Yelabuga.")
    attrs = run(nlp, text)
    wsj = next(a for a in attrs if a.source.kind == "outlet")
    assert wsj.source.name == "The Wall Street Journal" and wsj.source.code == "USA" and wsj.parent is None
    cited = next(a for a in attrs if a.cue == "citing")
    assert cited.parent == wsj.id
    assert cited.source.kind == "anonymous" and cited.source.code == "USA"
    assert "sources from an unnamed US partner" in cited.source.text
    assert cited.content == wsj.content and "drone factory" in wsj.content.text


def test_nested_inside_content(nlp):
    text = "The newspaper reported that Iranian officials had said the drones were for defence only."
    attrs = run(nlp, text)
    outer = next(a for a in attrs if a.cue == "reported")
    inner = next(a for a in attrs if a.cue.endswith("said"))
    assert outer.source.kind == "outlet" and inner.parent == outer.id
    assert inner.source.kind == "official" and inner.source.code == "IRN"


@pytest.mark.parametrize("text, code", [
    ("US officials who spoke on condition of anonymity said the factory was nearly finished.", "USA"),
    ("A person familiar with the matter said the deal was signed in Tehran.", None),
    ("Some former military sources said the base had been abandoned weeks earlier.", None),
    ("The first shipment left the port last month, sources say.", None),
])
def test_anonymous_sources(nlp, text, code):
    a = [a for a in run(nlp, text) if a.cue.split()[-1] in ("said", "say")][0]
    assert a.source.kind == "anonymous"
    assert a.source.code == code


def test_officials_and_organisations(nlp):
    a = one(nlp, "Iranian officials denied that any drones had been delivered.", "denied")
    assert (a.source.kind, a.source.code) == ("official", "IRN")
    b = one(nlp, "The Kremlin said the sanctions would not change its course.", "said")
    assert (b.source.kind, b.source.code, b.source.sector) == ("organisation", "RUS", "GOV")
    c = one(nlp, "The Pentagon said the strike had hit a weapons depot.", "said")
    assert (c.source.kind, c.source.code) == ("organisation", "USA")


def test_person_source_uses_actor_code(nlp):
    text = "Russian Foreign Minister Sergei Lavrov said the proposal was unacceptable. He added that talks could continue."
    lavrov = Actor(text="Sergei Lavrov", start=text.index("Sergei"), end=text.index("Sergei") + 13, name="Sergei Lavrov",
                   code="RUS", sector="GOV", kind="person", id="A1", office="Foreign Minister")
    he = Actor(text="He", start=text.index("He "), end=text.index("He ") + 2, name="Sergei Lavrov", code="RUS",
               sector="GOV", kind="person", id="A2", ref="A1")
    attrs = run(nlp, text, actors=[lavrov, he])
    first, second = attrs[0], attrs[1]
    assert (first.source.kind, first.source.name, first.source.code) == ("person", "Sergei Lavrov", "RUS")
    assert second.source.text == "He" and second.source.name == "Sergei Lavrov" and second.source.code == "RUS"


def test_pronoun_source_without_actors(nlp):
    attrs = run(nlp, "Prime Minister Justin Trudeau visited the site on Friday. He said the rebuilding would take years.")
    a = next(a for a in attrs if a.source.text == "He")
    assert a.source.kind == "person" and a.source.name == "Justin Trudeau"


def test_in_a_statement_and_direct_quote(nlp):
    text = 'In a statement, the State Department said: "We are deeply concerned by these reports."'
    a = one(nlp, text, "said")
    assert a.source.kind == "organisation" and a.source.code == "USA"
    assert a.direct and a.content.text == '"We are deeply concerned by these reports."'


def test_reporting_verbs_inside_quotes_are_not_sources(nlp):
    text = '"I think we can still reach a deal," the envoy said.'
    attrs = run(nlp, text)
    assert [a.source.text for a in attrs] == ["the envoy"]


def test_a_relative_clause_citing_sources_nests_under_the_report(nlp):
    from conftest import make_context as _ctx
    from newsgraph.extract import actors as _actors, attributions as _attributions

    ctx = _ctx(nlp, "Moscow is building the plant, according to a Financial Times report, which cited two "
                    "diplomats familiar with the talks.")
    ctx.actors = _actors.extract(ctx)
    found = {a.source.text: a for a in _attributions.extract(ctx)}
    report = next(a for a in found.values() if "Financial Times" in a.source.text)
    cited = next(a for a in found.values() if "diplomats" in a.source.text)
    assert cited.parent == report.id and report.parent is None
