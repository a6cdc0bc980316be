"""Offline geoparsing on sentences written for these tests."""
from __future__ import annotations

from conftest import make_context, needs_datasets
from newsgraph.config import default_datasets_dir
from newsgraph.extract import actors, places


def resolved(nlp, text):
    ctx = make_context(nlp, text)
    ctx.actors = actors.extract(ctx)
    ctx.places = places.extract(ctx)
    return ctx, {p.text: p for p in ctx.places}


def test_a_small_town_with_a_country_qualifier(nlp):
    _, found = resolved(nlp, "An Iranian delegation toured a factory site near Yelabuga in western Russia last month.")
    assert found["Yelabuga"].country_code == "RU" and abs(found["Yelabuga"].lat - 55.76) < 0.5
    assert found["Russia"].feature_class == "A"


def test_state_qualifiers_pick_the_namesake_in_that_state(nlp):
    _, found = resolved(nlp, "Flooding closed roads in Pineville, La. on Monday, and a storm later reached Paris, Texas.")
    assert (found["Pineville"].country_code, round(found["Pineville"].lat)) == ("US", 31)
    assert found["Paris"].country_code == "US" and "La." not in found


def test_without_qualifiers_the_well_known_place_wins(nlp):
    _, found = resolved(nlp, "The summit was held in Paris, and leaders later flew to Tokyo.")
    assert found["Paris"].country_code == "FR" and found["Tokyo"].country_code == "JP"


def test_a_capital_that_acts_is_not_a_place_but_one_that_hosts_is(nlp):
    ctx, found = resolved(nlp, "Moscow and Tehran are moving ahead with the plan. The talks were held in Ankara.")
    assert "Moscow" not in found and "Tehran" not in found
    assert found["Ankara"].country_code == "TR"
    assert places.dominant_place(ctx).name == "Ankara"


def test_regions_and_continents_resolve(nlp):
    _, found = resolved(nlp, "Tensions rose across the Middle East and Europe after the strikes.")
    assert found["the Middle East"].geonameid and found["Europe"].feature_code == "CONT"


@needs_datasets("geoparsing", "lgl.xml")
def test_eval_geoparsing_reports_sane_figures_on_a_small_run():
    from newsgraph.evaluation.geoparsing import evaluate

    result = evaluate(default_datasets_dir() / "geoparsing", suite="gwn", limit=5)
    ours = result["gold_spans"]["ours"]
    assert 0.0 <= ours["accuracy_161km"] <= 1.0 and ours["n"] == result["gold_toponyms"] > 0
    assert set(result["end_to_end"]) >= {"precision", "recall", "f1"}
    assert result["by_type"] and result["gold_spans"]["population_baseline"]["n"] == ours["n"]
