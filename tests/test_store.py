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


READ_FILTERS = [EventFilter(), EventFilter(actor="IRN"), EventFilter(actor="USA GOV"), EventFilter(type="sanction"),
                EventFilter(since="2023-02-05"), EventFilter(until="2023-02-06"), EventFilter(min_origins=2),
                EventFilter(recipient="RUS", since="2023")]


def test_merged_events_carry_their_lists_in_rank_order(store):
    assert store.derived
    rows = store.sql("SELECT rank, n_origins, n_articles, first_published, id, articles, outlets, origin_list "
                     "FROM merged_events ORDER BY rank")[1]
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    by_order = store.sql("SELECT id FROM merged_events ORDER BY n_origins DESC, n_articles DESC, first_published, id")
    assert [r[4] for r in rows] == [r[0] for r in by_order[1]]
    for _, n_origins, n_articles, _, _, articles, outlets, origin_list in rows:
        assert len(articles) == n_articles and len(origin_list) == n_origins and outlets == sorted(set(outlets))


def test_one_query_pages_equal_the_per_page_join(store):
    """The derived columns (migration 003) give exactly what the mentions/origins tables give."""
    from newsgraph.store import read

    point = store.resolve_place("Yelabuga")
    for f in [*READ_FILTERS, EventFilter(near=point, radius_km=300)]:
        assert read.count_events(store.con, f, True) == read.count_events(store.con, f, False)
        for limit, offset in [(None, 0), (4, 0), (4, 3), (50, 7)]:
            assert (read.query_events(store.con, f, limit, offset, True)
                    == read.query_events(store.con, f, limit, offset, False)), (f, limit, offset)
    for e in store.query_events(EventFilter(), limit=None):
        assert read.get_event(store.con, e["id"], True) == read.get_event(store.con, e["id"], False)


def test_a_store_from_before_migration_003_reads_and_upgrades(store_path, tmp_path):
    import shutil

    old = tmp_path / "old.duckdb"
    shutil.copyfile(store_path, old)
    with Store(old) as s:  # back to the 002 schema
        for column in ("articles", "outlets", "origin_list", "first_url", "day", "rank"):
            s.con.execute(f"ALTER TABLE merged_events DROP COLUMN {column}")
        s.con.execute("DELETE FROM schema_migrations WHERE version = 3")
    with Store(store_path, read_only=True) as new:
        expected = [new.query_events(f, limit=None) for f in READ_FILTERS]
    with Store(old, read_only=True) as s:  # read-only: not migrated, read through the join path
        assert not s.derived
        assert [s.query_events(f, limit=None) for f in READ_FILTERS] == expected
    with Store(old) as s:  # read-write: migration 003 fills the lists
        assert s.derived and [s.query_events(f, limit=None) for f in READ_FILTERS] == expected
        s.con.execute("UPDATE merged_events SET rank = NULL WHERE rank = 2")  # as after a bulk load, no rebuild
    with Store(old) as s:  # rows without a rank: read through the join path until the lists are rebuilt
        assert not s.derived and [s.query_events(f, limit=None) for f in READ_FILTERS] == expected
        s.rebuild_derived()
        assert s.derived and s.reader().derived and [s.query_events(f, limit=None) for f in READ_FILTERS] == expected


def test_near_box_never_drops_a_point_in_the_radius():
    import math
    import random

    from newsgraph.store.read import _box

    def km(a, b):
        (la1, lo1), (la2, lo2) = map(lambda p: (math.radians(p[0]), math.radians(p[1])), (a, b))
        h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
        return 6371.0 * 2 * math.asin(math.sqrt(h))

    rng = random.Random(3)
    for center in [(55.75, 37.62), (0.0, 179.9), (-33.9, -179.5), (89.5, 10.0), (-88.0, -60.0), (64.0, -150.0)]:
        for radius in (1.0, 50.0, 400.0, 3000.0):
            sql, params = _box(*center, radius)
            lat_lo, lat_hi = params[:2]
            lon_lo, lon_hi = params[2:] if len(params) == 4 else (-180.0, 180.0)
            for _ in range(3000):
                p = (rng.uniform(-90, 90), rng.uniform(-180, 180))
                if rng.random() < 0.8:  # most samples close to the centre, where the box edge is
                    p = (max(-90, min(90, center[0] + rng.gauss(0, radius / 90))),
                         (center[1] + rng.gauss(0, radius / 60) + 180) % 360 - 180)
                if km(center, p) <= radius:
                    assert lat_lo <= p[0] <= lat_hi and lon_lo <= p[1] <= lon_hi, (center, radius, p)
