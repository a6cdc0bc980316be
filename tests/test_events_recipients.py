"""Who the event is directed at: recipient (and actor) finding through the whole pipeline on sentences written
for these tests (coordinated prepositions, relative clauses, purpose clauses, reduced passives, third parties,
stranded prepositions, documents, places of use, domestic protests)."""
from __future__ import annotations

import pytest

from newsgraph.types import Article


def coded(pipeline, text):
    art = Article(id="t", url=None, title=None, publisher=None, published="2024-03-04", language="en", text=text)
    return pipeline.extract_article(art, pipeline.nlp(text)).events


def find(events, etype):
    found = [e for e in events if e.event == etype]
    assert found, [(e.event, e.event_text) for e in events]
    return found[0]


def codes(parties):
    return sorted(a.code for a in parties if a.code)


@pytest.mark.parametrize("text, etype, actor, recipient", [
    # a repeated, coordinated preposition is a second recipient slot
    ("The UN sent food aid to Sudan and to South Sudan.", "AID", ["UNO"], ["SDN", "SSD"]),
    ("Canada expelled diplomats from Russia and from Belarus.", "SANCTION", ["CAN"], ["BLR", "RUS"]),
    # a relative pronoun stands for the noun its clause modifies
    ("Ukraine, which Russia invaded in 2022, asked for more weapons.", "ASSAULT", ["RUS"], ["UKR"]),
    ("Russia criticised Ukraine, which the United States sends weapons to.", "AID", ["USA"], ["UKR"]),
    # a reduced passive: the modified noun is acted on, the by-agent acts
    ("Villages shelled by Russian forces were left without power.", "ASSAULT", ["RUS"], []),
    ("Ukrainian positions came under attack from Russian artillery.", "ASSAULT", ["RUS"], ["UKR"]),
    # a cooperative act's purpose names its beneficiary
    ("Norway provided funds to help Afghanistan rebuild its schools.", "AID", ["NOR"], ["AFG"]),
    ("Japan donated $10 million to help Turkey after the earthquake.", "AID", ["JPN"], ["TUR"]),
    # a third party convening the parties "between" them
    ("Qatar mediated between Israel and Hamas.", "CONSULT", ["QAT"], ["ISR", "PSE"]),
    ("Saudi Arabia hosted talks between Russia and Ukraine.", "CONSULT", ["SAU"], ["RUS", "UKR"]),
    # a preposition left without its object shares the next noun phrase
    ("Canada restored relations with and reopened its embassy in Iran.", "SUPPORT", ["CAN"], ["IRN"]),
    # a document's clause is its issuer's act
    ("Hamas issued a statement demanding that Israel release all prisoners.", "REQUEST", ["PSE"], ["ISR"]),
    # a party noun in the pattern is the recipient; the author of a ban is not its violator
    ("Moscow forced the UN human rights office out of the region.", "SANCTION", ["RUS"], ["UNO"]),
    # a possessive pronoun in a reported clause is the speaker's; an owner named by "owned by" / "belonging to"
    ("Turkey's defence ministry said its jets struck Kurdish militants in northern Iraq.", "ASSAULT", ["TUR"], ["KUR"]),
    ("The Syrian army said their positions were shelled by Turkish troops.", "ASSAULT", ["TUR"], ["SYR"]),
    ("Iran seized a tanker owned by a Greek company.", "COERCE", ["IRN"], ["GRC"]),
    # a chain of "of" phrases
    ("The deputy head of the intelligence service of Pakistan met CIA officials.", "CONSULT", ["PAK"], ["USA"]),
    # the author of a bid/proposal/offer reacted to
    ("Hungary blocked Ukraine's bid to join NATO.", "REJECT", ["HUN"], ["UKR"]),
    ("Iran accepted Oman's offer to mediate.", "AGREE", ["IRN"], ["OMN"]),
    # receiving: the giver is the actor, the receiver the recipient
    ("Ukraine received air defence systems from Germany and the Netherlands.", "AID", ["DEU", "NLD"], ["UKR"]),
])
def test_recipient_mechanisms(pipeline, text, etype, actor, recipient):
    ev = find(coded(pipeline, text), etype)
    assert codes(ev.actor) == actor
    assert codes(ev.recipient) == recipient


def test_place_of_use_is_not_the_aid_recipient(pipeline):
    for text in ("Iranian officials have denied supplying drones for use in Ukraine.",
                 "Officials said Iran was supplying the drones for combat operations to target power plants in Ukraine."):
        ev = find(coded(pipeline, text), "AID")
        assert codes(ev.actor) == ["IRN"]
        assert "UKR" not in codes(ev.recipient)
    ev = find(coded(pipeline, "Iran supplied drones to Russia for use in Ukraine."), "AID")
    assert codes(ev.recipient) == ["RUS"]


def test_uncoded_name_beside_a_coded_one_takes_no_country(pipeline):
    ev = find(coded(pipeline, "Kenyan officials will meet UN envoy Martin Griffiths next week."), "AGREE")
    assert codes(ev.recipient) == ["UNO"]


def test_country_adjective_specifies_an_ethnic_group(pipeline):
    ev = find(coded(pipeline, "Thousands of Syrian Kurds protested in Qamishli on Friday."), "PROTEST")
    assert codes(ev.actor) == ["SYR"]


def test_domestic_protest_targets_its_country_but_a_protest_abroad_does_not(pipeline):
    ev = find(coded(pipeline, "French workers protested in Paris against the pension reform."), "PROTEST")
    assert codes(ev.actor) == ["FRA"] and codes(ev.recipient) == ["FRA"]
    ev = find(coded(pipeline, "Iranian exiles rallied in London on Sunday."), "PROTEST")
    assert codes(ev.actor) == ["IRN"] and "GBR" not in codes(ev.recipient)


def test_a_no_object_negates_the_transfer(pipeline):
    ev = find(coded(pipeline, "Germany sent no weapons to Ukraine last year."), "AID")
    assert ev.negated and ev.certainty == "denied"
    ev = find(coded(pipeline, "Germany sent weapons to Ukraine last year."), "AID")
    assert not ev.negated
