"""Actor coding on sentences written for these tests."""
from __future__ import annotations

import json

from conftest import make_context
from newsgraph.config import Settings
from newsgraph.extract import actors


def coded(nlp, text, published="2023-02-06", settings=None):
    ctx = make_context(nlp, text, published=published)
    if settings:
        ctx.settings = settings
    return {a.text: a for a in actors.extract(ctx)}


def test_capitals_that_act_are_actors_and_capitals_that_host_are_not(nlp):
    found = coded(nlp, "Moscow and Tehran are moving ahead with the plan. The talks were later held in Ankara.")
    assert (found["Moscow"].code, found["Moscow"].sector) == ("RUS", "GOV")
    assert (found["Tehran"].code, found["Tehran"].sector) == ("IRN", "GOV")
    assert "Ankara" not in found


def test_sector_comes_from_the_head_noun(nlp):
    found = coded(nlp, "US officials said Russian forces had used drones from an Iranian drone manufacturer, "
                       "and Ukrainian state media reported the strikes.")
    assert (found["US officials"].code, found["US officials"].sector) == ("USA", "GOV")
    assert (found["Russian forces"].code, found["Russian forces"].sector) == ("RUS", "MIL")
    assert (found["Iranian drone manufacturer"].code, found["Iranian drone manufacturer"].sector) == ("IRN", "BUS")
    assert found["Ukrainian state media"].sector == "MED"


def test_people_by_title_with_later_mentions_linked(nlp):
    found = coded(nlp, "Secretary of State Antony Blinken met Chinese President Xi Jinping on Monday. "
                       "Blinken said the talks were candid. He added that more meetings would follow.")
    first = found["Secretary of State Antony Blinken"]
    assert (first.code, first.sector, first.office, first.kind) == ("USA", "GOV", "Secretary of State", "person")
    assert (found["Chinese President Xi Jinping"].code, found["Chinese President Xi Jinping"].sector) == ("CHN", "GOV")
    assert found["Blinken"].ref == first.id and found["Blinken"].code == "USA"
    assert found["He"].ref == first.id


def test_possessive_country_and_apposition_titles(nlp):
    found = coded(nlp, "Iran's Foreign Minister Hossein Amir-Abdollahian rejected the claim. "
                       "Olaf Scholz, the German chancellor, called for calm.")
    assert found["Iran's Foreign Minister Hossein Amir-Abdollahian"].code == "IRN"
    assert (found["Olaf Scholz"].code, found["Olaf Scholz"].sector) == ("DEU", "GOV")


def test_outlets_and_organisations(nlp):
    found = coded(nlp, "The Kremlin declined to comment on the Wall Street Journal report, while NATO and Reuters "
                       "cited the Treasury Department.")
    assert (found["Wall Street Journal"].kind, found["Wall Street Journal"].sector,
            found["Wall Street Journal"].code) == ("outlet", "MED", "USA")
    assert (found["Kremlin"].code, found["Kremlin"].sector) == ("RUS", "GOV")
    assert found["NATO"].code == "IGO" and found["Reuters"].code == "GBR"


def test_users_extend_the_outlet_lexicon_with_their_own_file(nlp, tmp_path):
    extra = tmp_path / "outlets.json"
    extra.write_text(json.dumps({"_source": "test", "outlets": {"Valley Courier Gazette": ["CAN"]}}))
    text = "The Valley Courier Gazette reported that the mayor resigned."
    assert "Valley Courier Gazette" not in coded(nlp, text)
    found = coded(nlp, text, settings=Settings(user_lexicons=(extra,)))
    assert found["Valley Courier Gazette"].code == "CAN" and found["Valley Courier Gazette"].kind == "outlet"


def test_capitals_that_are_parties_are_actors_and_destinations_are_not(nlp):
    found = coded(nlp, "Talks between Moscow and Tehran resumed. The White House warned Pyongyang on Friday. "
                       "The envoy later flew to Beijing.")
    assert (found["Moscow"].code, found["Tehran"].code) == ("RUS", "IRN")
    assert (found["Pyongyang"].code, found["Pyongyang"].sector) == ("PRK", "GOV")
    assert "Beijing" not in found


def test_common_variant_spellings_of_countries(nlp):
    found = coded(nlp, "Troops from Afganistan and the Phillipines joined the exercise in Cote d'Ivoire.")
    assert {found[name].code for name in ("Afganistan", "Phillipines")} == {"AFG", "PHL"}


def test_a_counterpart_named_after_his_country_is_coded(nlp):
    found = coded(nlp, "The Dutch foreign minister met his Polish counterpart Anna Kowalczyk in Warsaw on Monday.")
    person = next(a for a in found.values() if "Kowalczyk" in a.text)
    assert (person.code, person.sector, person.kind) == ("POL", "GOV", "person")
