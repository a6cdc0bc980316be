"""Quantities extractor: values, counted things, bounds, rates, periods, number words and exclusions."""
from __future__ import annotations

import pytest

from conftest import make_context
from newsgraph.extract import quantities


def run(nlp, text):
    return quantities.extract(make_context(nlp, text))


@pytest.mark.parametrize("text, value, unit, bound", [
    ("Russia plans to produce up to 6,000 drones at the plant.", 6000, "drones", "max"),
    ("As many as 200 families were evacuated from the valley.", 200, "families", "max"),
    ("At least 40 people were killed in the strikes.", 40, "people", "min"),
    ("More than 1,500 soldiers crossed the river.", 1500, "soldiers", "min"),
    ("About 300 trucks were waiting at the border crossing.", 300, "trucks", "approx"),
    ("The blast damaged roughly 120 homes in the district.", 120, "homes", "approx"),
    ("The army deployed 12 tanks to the north.", 12, "tanks", "exact"),
    ("The government pledged $2 billion for reconstruction.", 2e9, "USD", "exact"),
    ("The deal is worth 1.5 million euros.", 1.5e6, "EUR", "exact"),
    ("Three ships left the port on Sunday.", 3, "ships", "exact"),
    ("A dozen journalists were detained outside the court.", 12, "journalists", "exact"),
    ("Dozens of protesters gathered outside parliament.", 24, "protesters", "approx"),
    ("Turnout reached 62 percent in the capital.", 62, "percent", "exact"),
])
def test_value_unit_bound(nlp, text, value, unit, bound):
    q = run(nlp, text)[0]
    assert (q.value, q.unit, q.bound) == (value, unit, bound)
    assert text[q.start:q.end] == q.text


def test_rate_and_period(nlp):
    q = run(nlp, "The factory is expected to make 300 drones each month in the next few years.")[0]
    assert (q.value, q.unit, q.per, q.period) == (300, "drones", "month", "in the next few years")
    r = run(nlp, "Kyiv will receive 50 shells per day over two years.")[0]
    assert (r.value, r.per, r.period) == (50, "day", "over two years")
    m = run(nlp, "The company ships 4,000 barrels monthly.")[0]
    assert m.per == "month"


def test_exclusions(nlp):
    text = ("The 45-year-old mayor, aged 45 by then, signed Section 12 on March 3, 2023, at 10:30 in 1998 style; "
            "call 555-123-4567. He was the second person to speak.")
    assert run(nlp, text) == []
