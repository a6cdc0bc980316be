"""The store: the Store API the web layer codes against, read-only SQL, parameterised filters, migrations."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import ReadOnlyViolation, StoreError
from newsgraph.link import link
from newsgraph.store import Store
from newsgraph.types import EventFilter


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, sample_records, samples_manifest) -> Path:
    path = tmp_path_factory.mktemp("store") / "s.duckdb"
    records = [sample_records[(m["slug"], "text" if m["kind"] == "content-farm" else "html")]
               for m in samples_manifest]
    with Store(path) as store:
        assert store.add_records(records) == len(records)
        assert store.add_records(records) == 0  # idempotent: nothing stored twice
        link(store)
    return path


@pytest.fixture()
def store(store_path):
    with Store(store_path, read_only=True) as s:
        yield s


def test_migrations_are_recorded_and_rerun_safely(store_path):
    with Store(store_path) as s:  # reopening read-write applies nothing twice
        versions = [r[0] for r in s.sql("SELECT version FROM schema_migrations ORDER BY version")[1]]
    assert versions == sorted(set(versions)) and versions[:2] == [1, 2]


def test_articles_round_trip_with_their_story(store):
    some_id = store.sql("SELECT id FROM articles ORDER BY id LIMIT 1")[1][0][0]
    assert store.has_article(some_id)
    art = store.get_article(some_id)
    assert art["article"]["id"] == some_id and art["story_id"].startswith("S")
    assert {"actors", "places", "times", "events", "attributions", "quotes", "quantities"} <= set(art)
    assert store.get_article("nope") is None and not store.has_article("nope")


def test_query_events_shape_and_counts(store):
    events = store.query_events(EventFilter(), limit=500)
    assert events and store.count_events(EventFilter()) == len(events)
    for e in events:
        assert {"id", "event", "actor", "recipient", "date", "event_loc", "text", "articles", "outlets", "origins",
                "first_seen", "n_articles", "n_outlets", "n_origins"} <= set(e)
        assert e["n_articles"] == len(e["articles"]) and e["n_outlets"] == len(e["outlets"]) <= e["n_articles"]
        assert e["n_origins"] == len(e["origins"]) >= 1
        assert e["first_seen"]["article_id"] in e["articles"]
    page = store.query_events(EventFilter(), limit=3, offset=2)
    assert [e["id"] for e in page] == [e["id"] for e in events[2:5]]


def test_filters(store):
    every = store.query_events(EventFilter(), limit=None)
    kind = every[0]["event"]
    assert all(e["event"] == kind for e in store.query_events(EventFilter(type=kind.lower()), limit=None))
    irn = store.query_events(EventFilter(actor="IRN"), limit=None)
    assert irn and all("IRN" in {a.get("code") for a in e["actor"]} or "IRN" in str(e) for e in irn)
    assert all(e["n_origins"] >= 2 for e in store.query_events(EventFilter(min_origins=2), limit=None))
    late = store.query_events(EventFilter(since="2023-03-01"), limit=None)
    assert all((e["date"] or e["first_seen"]["published"]) >= "2023-03" for e in late)
    assert len(late) < len(every)
    point = store.resolve_place("Yelabuga")
    assert point is not None and 55 < point[0] < 56.5
    near = store.query_events(EventFilter(near=point, radius_km=50), limit=None)
    assert all(e["event_loc"] and e["event_loc"]["lat"] is not None for e in near)
    assert store.resolve_place("Atlantis Nowhere Town") is None


def test_filters_are_parameterised_not_injected(store):
    assert store.query_events(EventFilter(actor="' OR 1=1 --"), limit=5) == []
    assert store.get_event("x' OR '1'='1") is None


def test_get_event_has_mentions_with_sentences_and_chains(store):
    multi = store.query_events(EventFilter(), limit=None)
    event = next(e for e in multi if e["n_articles"] > 1)
    shown = store.get_event(event["id"])
    assert len({m["article_id"] for m in shown["mentions"]}) == event["n_articles"]
    for m in shown["mentions"]:
        assert m["sentence"] and m["start"] < m["end"] and isinstance(m["chain"], list)


def test_lists(store):
    actors = store.list_actors(limit=10)
    assert actors and {"code", "sector", "name", "n_events"} <= set(actors[0])
    assert actors == sorted(actors, key=lambda a: -a["n_events"]) or actors[0]["n_events"] >= actors[-1]["n_events"]
    places = store.list_places(limit=10)
    assert places and {"geonameid", "name", "country_code", "lat", "lon", "n_events"} <= set(places[0])
    stories = store.list_stories(limit=3)
    assert stories[0]["n_articles"] == 3 and len(stories[0]["articles"]) == 3 and len(stories[0]["outlets"]) == 3


@pytest.mark.parametrize("bad", ["DELETE FROM articles", "DROP TABLE articles", "SELECT 1; DELETE FROM articles",
                                 "INSERT INTO skips VALUES ('a','b','c', now())", "UPDATE articles SET title = 'x'",
                                 "COPY articles TO '/tmp/x.csv'", "ATTACH 'x.duckdb'"])
def test_sql_refuses_writes(store, bad):
    with pytest.raises(ReadOnlyViolation):
        store.sql(bad)


def test_sql_reads_with_parameters_on_a_writable_store_too(store_path):
    with Store(store_path) as s:
        columns, rows = s.sql("SELECT count(*) AS n FROM articles WHERE language = ?", ["en"])
        assert columns == ["n"] and rows[0][0] == 16
        with pytest.raises(ReadOnlyViolation):
            s.sql("WITH x AS (SELECT 1) DELETE FROM articles")


def test_a_second_writer_gets_a_helpful_error(store_path, tmp_path):
    import subprocess
    import sys

    code = ("from newsgraph.store import Store\nimport sys, time\ns = Store(sys.argv[1])\nprint('open', flush=True)\n"
            "time.sleep(20)")
    holder = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "locked.duckdb")], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="Another newsgraph process"):
            Store(tmp_path / "locked.duckdb")
    finally:
        holder.kill()
        holder.wait()


def test_a_missing_store_read_only_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError, match="newsgraph ingest"):
        Store(tmp_path / "none.duckdb", read_only=True)
