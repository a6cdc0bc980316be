"""More time expressions (publication Monday 2023-02-06)."""
from __future__ import annotations

import pytest

from conftest import make_context
from newsgraph.extract import dates

CASES = [
    ("Officials met on Jan. 5 in Vienna.", "Jan. 5", "2023-01-05", "day"),
    ("The accord dates from 5 January.", "5 January", "2023-01-05", "day"),
    ("The summit will be held on March 3.", "March 3", "2023-03-03", "day"),
    ("Leaders will meet on Friday.", "on Friday", "2023-02-10", "day"),
    ("Earlier this month the border closed.", "Earlier this month", "2023-02", "month"),
    ("This year exports doubled.", "This year", "2023", "year"),
    ("Inflation fell last year.", "last year", "2022", "year"),
    ("Today the ministry confirmed the figures.", "Today", "2023-02-06", "day"),
    ("Strikes have continued since September.", "since September", "2022-09/2023-02-06", "range"),
    ("The factory may open in the coming months.", "in the coming months", "2023-02/2023-05", "range"),
    ("The talks resumed on January 5, 2021.", "January 5, 2021", "2021-01-05", "day"),
]


@pytest.mark.parametrize("sentence, text, value, precision", CASES)
def test_more_expressions(nlp, sentence, text, value, precision):
    found = dates.extract(make_context(nlp, sentence, published="2023-02-06"))
    assert [(t.text, t.value, t.precision) for t in found] == [(text, value, precision)]


def test_durations_and_ages_are_not_times(nlp):
    found = dates.extract(make_context(nlp, "The 52-year-old general served for three years and slept two days.",
                                       published="2023-02-06"))
    assert found == []


def test_unknown_publication_keeps_relative_values_null(nlp):
    found = dates.extract(make_context(nlp, "On Wednesday, and again in November, and in 2022, they met.",
                                       published=None))
    assert [(t.value, t.precision) for t in found] == [(None, "day"), (None, "month"), ("2022", "year")]


def test_ids_follow_text_order(nlp):
    found = dates.extract(make_context(nlp, "In December talks stalled; yesterday they resumed.", published="2023-02-06"))
    assert [t.id for t in found] == ["T1", "T2"] and found[0].start < found[1].start
