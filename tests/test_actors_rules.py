"""More actor-coding rules, on sentences written for these tests (publication date fixed)."""
from __future__ import annotations

from conftest import make_context
from newsgraph.extract import actors


def coded(nlp, text, published="2023-06-20"):
    return actors.extract(make_context(nlp, text, published=published))


def by_text(found):
    return {a.text: a for a in found}


def test_capital_as_possessor_and_coordinated_subject_but_not_as_a_venue(nlp):
    found = by_text(coded(nlp, "Washington imposed sanctions, and Moscow's plan drew criticism. "
                               "Ministers later gathered in Paris."))
    assert (found["Washington"].code, found["Washington"].sector) == ("USA", "GOV")
    assert found["Moscow"].code == "RUS"
    assert "Paris" not in found


def test_is_agentive_helper_is_shared_with_places(nlp):
    doc = nlp("Beijing rejected the proposal before talks in Geneva.")
    beijing, geneva = doc[0:1], [doc[i: i + 1] for i, t in enumerate(doc) if t.text == "Geneva"][0]
    assert actors.is_agentive(beijing) and not actors.is_agentive(geneva)


def test_demonym_sectors_longest_mention_wins(nlp):
    found = by_text(coded(nlp, "Israeli police detained protesters while Palestinian militants and Iranian judges "
                               "were named in the report."))
    assert found["Israeli police"].sector == "COP"
    assert (found["Palestinian militants"].code, found["Palestinian militants"].sector) == ("PSE", "REB")
    assert found["Iranian judges"].sector == "JUD"
    assert "Israeli" not in found


def test_defence_ministry_is_government_and_drones_are_not_an_actor_sector(nlp):
    found = by_text(coded(nlp, "Britain's defence ministry said Iranian drones hit the port."))
    assert found["Britain's defence ministry"].sector == "GOV"
    assert found["Iranian"].sector is None


def test_igo_and_group_codes_follow_plover(nlp):
    found = by_text(coded(nlp, "The United Nations and the European Union condemned Hezbollah, while NATO and "
                               "the Houthis traded accusations."))
    assert found["United Nations"].code == "UNO" and found["European Union"].code == "EUR"
    assert found["NATO"].code == "IGO" and found["NATO"].kind == "organisation"
    assert (found["Hezbollah"].code, found["Hezbollah"].sector) == ("LBN", "REB")


def test_bare_surname_of_a_known_office_holder_uses_the_publication_date(nlp):
    first = by_text(coded(nlp, "Lavrov rejected the offer.", published="2022-05-01"))["Lavrov"]
    assert (first.name, first.code, first.sector) == ("Sergei Lavrov", "RUS", "GOV")
    later = by_text(coded(nlp, "Rubio met Pompeo.", published="2025-03-01"))
    assert later["Rubio"].office == "Secretary of State"


def test_apposition_and_the_title_linked_back(nlp):
    found = coded(nlp, "Antony Blinken, the US secretary of state, arrived in Beijing. "
                       "The secretary met officials for two days.")
    people = [a for a in found if a.kind == "person"]
    assert people[0].code == "USA" and people[0].office.lower() == "secretary of state"
    assert people[1].text == "The secretary" and people[1].ref == people[0].id


def test_pronoun_is_linked_only_when_unambiguous(nlp):
    found = coded(nlp, "Ukrainian President Volodymyr Zelensky spoke on Monday. He said the front was stable.")
    he = by_text(found)["He"]
    assert he.code == "UKR" and he.ref == found[0].id


def test_east_asian_family_names_link_back(nlp):
    found = by_text(coded(nlp, "North Korean leader Kim Jong Un toured the site. Kim praised the engineers."))
    assert found["Kim"].code == "PRK" and found["Kim"].ref is not None


def test_places_tagged_as_people_are_not_people(nlp):
    found = by_text(coded(nlp, "Troops stormed the palace in Niamey, and a convoy left Kyiv, officials told Twitter."))
    assert all(a.kind != "person" for a in found.values())


def test_outlets_and_iso3_codes(nlp):
    found = by_text(coded(nlp, "Xinhua and the Associated Press reported that IRN and RUS delegations met."))
    assert (found["Xinhua"].code, found["Xinhua"].kind) == ("CHN", "outlet")
    assert found["Associated Press"].code == "USA"
    assert any(a.code == "IRN" for a in found.values()) and any(a.code == "RUS" for a in found.values())


def test_ids_are_in_text_order_and_unique(nlp):
    found = coded(nlp, "Iran and Russia signed a deal. Reuters reported the signing.")
    assert [a.id for a in found] == [f"A{i}" for i in range(1, len(found) + 1)]
    assert [a.start for a in found] == sorted(a.start for a in found)
