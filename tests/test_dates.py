"""Time expressions normalised against the publication date (Monday 2023-02-06 here)."""
from __future__ import annotations

import pytest

from conftest import make_context
from newsgraph.extract import dates

CASES = [
    ("The delegation arrived on January 5 for talks.", "January 5", "2023-01-05", "day"),
    ("Prices rose in March, officials said.", "in March", "2022-03", "month"),
    ("Last month, the two sides resumed talks.", "Last month", "2023-01", "month"),
    ("In November the ministers met again.", "In November", "2022-11", "month"),
    ("On Wednesday the ministry issued a statement.", "On Wednesday", "2023-02-01", "day"),
    ("The plant could build drones in the next few years.", "in the next few years", "2023-02/2026-02", "range"),
    ("Since 2015 the programme has grown.", "Since 2015", "2015/2023-02-06", "range"),
    ("Yesterday the convoy crossed the border.", "Yesterday", "2023-02-05", "day"),
    ("A deal was signed on March 10, 2023 in Beijing.", "March 10, 2023", "2023-03-10", "day"),
    ("The ceasefire collapsed three days ago.", "three days ago", "2023-02-03", "day"),
    ("The war began in 2022.", "in 2022", "2022", "year"),
    ("Talks resume next week in Geneva.", "next week", "2023-02-13/2023-02-19", "range"),
    ("Last Year Was Hard, The Headline Said.", "Last Year", "2022", "year"),
]


@pytest.mark.parametrize("sentence, text, value, precision", CASES)
def test_expressions_resolve_against_publication(nlp, sentence, text, value, precision):
    found = dates.extract(make_context(nlp, sentence, published="2023-02-06"))
    assert [(t.text, t.value, t.precision) for t in found] == [(text, value, precision)]


def test_without_a_publication_date_relative_values_stay_null(nlp):
    found = dates.extract(make_context(nlp, "Last month officials met; on March 10, 2023 they signed.", published=None))
    assert [(t.text, t.value) for t in found] == [("Last month", None), ("March 10, 2023", "2023-03-10")]


def test_the_modal_may_and_the_verb_march_are_not_dates(nlp):
    found = dates.extract(make_context(nlp, "Protesters may march to the parliament, police said.", published="2023-02-06"))
    assert found == []
