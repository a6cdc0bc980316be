"""Actors whose country is implied (the article's country, a diplomatic post's host, a capital before a sector
noun) and the wider organisation / office-holder lexicons, on real-world-style sentences through the real model."""
from __future__ import annotations

import dataclasses

import pytest

from conftest import make_context
from newsgraph.extract import actors


def coded(nlp, text, published="2023-02-06", dateline=None):
    ctx = make_context(nlp, text, published=published)
    if dateline:
        ctx.article = dataclasses.replace(ctx.article, dateline=dateline)
    return {a.text: (a.code, a.sector) for a in actors.extract(ctx)}


def test_bare_sector_nouns_take_the_article_country(nlp):
    text = ("Nigeria's electoral commission postponed the vote in Kano state. The government said the delay was "
            "needed, and police arrested dozens of protesters. Nigerian troops were deployed to the city.")
    found = coded(nlp, text)
    assert found["The government"] == ("NGA", "GOV")
    assert found["police"] == ("NGA", "COP")


def test_the_dateline_names_the_article_country(nlp):
    found = coded(nlp, "The army said it had repelled an attack on a border post overnight.",
                  dateline="LAHORE, Pakistan")
    assert found["The army"] == ("PAK", "MIL")


def test_no_country_is_implied_when_the_article_has_no_clear_one(nlp):
    found = coded(nlp, "Turkey and Greece traded accusations on Monday. The government denied any wrongdoing.")
    assert "The government" not in found or found["The government"][0] is None
    found = coded(nlp, "The government condemned Iran's missile test.")  # one mention is no article country
    assert "The government" not in found or found["The government"][0] is None
    # an owned or qualified noun is someone else's: "its army", "Kurdish rebels", "the government of Chad"
    found = coded(nlp, "Russia said its army had advanced, while Syria accused the government of Chad of meddling.")
    assert "army" not in " ".join(found) and all(not t.startswith("the government") for t in found)


def test_the_host_of_an_embassy_is_its_government(nlp):
    found = coded(nlp, "Norway opened an embassy in Kabul, and Denmark reopened its consulate in Iraq.")
    assert found["Kabul"] == ("AFG", "GOV")
    assert found["Iraq"] == ("IRQ", "GOV")
    assert "Kabul" not in coded(nlp, "The talks were held in Kabul on Monday.")


def test_a_capital_before_a_sector_noun_stands_for_its_state(nlp):
    found = coded(nlp, "The Damascus government rejected the plan, and Beijing officials welcomed it.")
    assert found["Damascus government"] == ("SYR", "GOV")
    assert found["Beijing officials"] == ("CHN", "GOV")


@pytest.mark.parametrize("text, name, code", [
    ("The Shanghai Cooperation Organisation and the Organization of American States issued statements.",
     "Organization of American States", "IGO"),
    ("The World Trade Organization ruled against the tariffs.", "World Trade Organization", "IGO"),
    ("Oxfam warned of famine in the region.", "Oxfam", "NGO"),
    ("Abu Sayyaf militants kidnapped two tourists on Jolo island.", "Abu Sayyaf", "PHL"),
    ("The Tigray People's Liberation Front accepted the truce.", "Tigray People's Liberation Front", "ETH"),
    ("The African National Congress lost its majority.", "African National Congress", "ZAF"),
    ("Yonhap and the Vietnam News Agency reported the visit.", "Vietnam News Agency", "VNM"),
])
def test_wider_lexicons_code_organisations_parties_and_agencies(nlp, text, name, code):
    assert coded(nlp, text)[name][0] == code


def test_a_ministry_without_a_country_takes_the_article_one(nlp):
    found = coded(nlp, "Kenya's president met Ethiopian envoys. Kenyan officials said the Foreign Ministry would "
                       "host talks in Nairobi, and Kenya expects a deal.")
    assert found["Foreign Ministry"][0] == "KEN"


def test_historical_heads_of_state_are_dated(nlp):
    found = coded(nlp, "President Jacques Chirac met Chancellor Helmut Kohl in Bonn.", published="1996-03-02")
    assert found["President Jacques Chirac"][0] == "FRA"
    assert found["Chancellor Helmut Kohl"][0] == "DEU"
