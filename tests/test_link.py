"""Linking: story clusters on the bundled samples, merged events, and corroboration by independent origin."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsgraph.link import link
from newsgraph.link.clusters import cluster
from newsgraph.store import Store
from newsgraph.types import (Article, ArticleRecord, Attribution, Event, EventActor, EventLocation, Mention, Source,
                             Span, TextInfo)


def demo_records(sample_records, samples_manifest) -> list[ArticleRecord]:
    """As `newsgraph demo` ingests them: the HTML pages, and the scraped text of the content-farm pages."""
    return [sample_records[(m["slug"], "text" if m["kind"] == "content-farm" else "html")] for m in samples_manifest]


def test_retellings_of_one_story_cluster_together_and_others_apart(sample_records, samples_manifest):
    records = demo_records(sample_records, samples_manifest)
    stories = cluster([(r.article.id, r.article.text) for r in records])
    label = {r.article.id: m["story"] for r, m in zip(records, samples_manifest)}
    for a in label:
        for b in label:
            if a < b:
                assert (stories[a] == stories[b]) == (label[a] == label[b]), (a, b)
    assert max(list(stories.values()).count(s) for s in set(stories.values())) >= 3  # the drone story, told 3 times


def test_clusters_are_deterministic_whatever_the_input_order(sample_records, samples_manifest):
    pairs = [(r.article.id, r.article.text) for r in demo_records(sample_records, samples_manifest)]
    assert cluster(pairs) == cluster(list(reversed(pairs)))


# ---------------------------------------------------------------- hand-built records: exact corroboration rules
SENTENCE = "Iran agreed to supply drones to Russia, the newspaper reported."


def _party(code: str) -> EventActor:
    return EventActor(text=code, name=code, code=code, sector=None)


def article(aid: str, publisher: str, published: str, sources: list[tuple[str, str]], text: str = SENTENCE,
            kind: str = "AID", actor: str = "IRN", recipient: str = "RUS", date: str | None = "2023-01-05",
            lat: float | None = 55.76, lon: float | None = 52.03) -> ArticleRecord:
    """One article whose single event is attributed through the chain ``sources`` (outermost first)."""
    attributions, parent = [], None
    for i, (name, kind_) in enumerate(sources, start=1):
        attributions.append(Attribution(id=f"R{i}", source=Source(text=name, name=name, code=None, kind=kind_),
                                        cue="said", content=Span(0, len(text), text), parent=parent))
        parent = f"R{i}"
    loc = EventLocation(text="Yelabuga", name="Yelabuga", geonameid=467978, country_code="RU", lat=lat, lon=lon) \
        if lat is not None else None
    event = Event(id="E1", event=kind, mode=None, context=(), cameo="070", actor=(_party(actor),),
                  recipient=(_party(recipient),), event_loc=loc, date=date, date_precision="day" if date else None,
                  event_text="supply", text=text, text_info=TextInfo(0, len(text)), certainty="reported",
                  attribution=parent, mentions=(Mention(0, 4),), extractor="test")
    art = Article(id=aid, url=f"https://{publisher.lower().replace(' ', '')}.example/{aid}", title=aid,
                  publisher=publisher, published=published, language="en", text=text)
    return ArticleRecord(article=art, events=(event,), attributions=tuple(attributions))


def linked(tmp_path: Path, records: list[ArticleRecord]) -> list[dict]:
    with Store(tmp_path / "l.duckdb") as store:
        store.add_records(records)
        link(store)
        return store.query_events(__import__("newsgraph.types").types.EventFilter(), limit=None)


def test_five_articles_citing_the_wsj_are_one_origin(tmp_path):
    records = [article(f"a{i}", f"Outlet {i}", f"2023-02-0{i + 1}", [("The Wall Street Journal", "outlet")])
               for i in range(5)]
    [event] = linked(tmp_path, records)
    assert (event["n_articles"], event["n_outlets"], event["n_origins"]) == (5, 5, 1)
    assert event["origins"] == [{"name": "The Wall Street Journal", "kind": "outlet", "code": None}]
    assert event["first_seen"]["article_id"] == "a0" and event["first_seen"]["published"] == "2023-02-01"


def test_the_wsj_and_an_official_statement_are_two_origins_and_nesting_counts_the_root(tmp_path):
    records = [article("a1", "Outlet A", "2023-02-06", [("the Wall Street Journal's", "outlet"),
                                                         ("officials from a US ally", "anonymous")]),
               article("a2", "Outlet B", "2023-02-07", [("Kremlin spokesman Dmitry Peskov", "official")]),
               article("a3", "Outlet C", "2023-02-08", [("The Wall Street Journal", "outlet")])]
    [event] = linked(tmp_path, records)
    assert event["n_origins"] == 2 and event["n_articles"] == 3
    assert {o["kind"] for o in event["origins"]} == {"outlet", "official"}


def test_unattributed_rewrite_inherits_the_origin_of_its_story(tmp_path):
    # the same story (same text, so one cluster): a rewrite that drops "according to the WSJ" is not a new origin
    records = [article("a1", "Outlet A", "2023-02-06", [("The Wall Street Journal", "outlet")]),
               article("a2", "Content Farm", "2023-02-07", [])]
    [event] = linked(tmp_path, records)
    assert event["n_origins"] == 1 and event["n_outlets"] == 2


def test_unattributed_reports_in_different_stories_are_their_publishers_own(tmp_path):
    other = "Russian forces received Iranian drones near Yelabuga on Thursday, officials in Kyiv confirmed today."
    records = [article("a1", "Outlet A", "2023-01-06", []), article("a2", "Outlet B", "2023-01-07", [], text=other)]
    [event] = linked(tmp_path, records)
    assert event["n_origins"] == 2 and {o["kind"] for o in event["origins"]} == {"publisher"}


@pytest.mark.parametrize("change", [dict(kind="ASSAULT"), dict(actor="USA"), dict(date="2023-03-09"),
                                    dict(lat=40.71, lon=-74.0)])
def test_incompatible_events_stay_apart(tmp_path, change):
    records = [article("a1", "Outlet A", "2023-02-06", []), article("a2", "Outlet B", "2023-02-07", [], **change)]
    assert len(linked(tmp_path, records)) == 2


def test_symmetric_types_merge_whatever_the_order_and_missing_dates_are_compatible(tmp_path):
    records = [article("a1", "Outlet A", "2023-02-06", [], kind="CONSULT"),
               article("a2", "Outlet B", "2023-02-07", [], kind="CONSULT", actor="RUS", recipient="IRN", date=None)]
    [event] = linked(tmp_path, records)
    assert event["n_articles"] == 2


def test_relinking_is_idempotent(tmp_path):
    records = [article(f"a{i}", f"Outlet {i}", f"2023-02-0{i + 1}", [("Reuters", "outlet")]) for i in range(3)]
    with Store(tmp_path / "l.duckdb") as store:
        store.add_records(records)
        link(store)
        first = store.sql("SELECT * FROM merged_events ORDER BY id")[1], store.sql("SELECT * FROM origins")[1]
        link(store)
        assert (store.sql("SELECT * FROM merged_events ORDER BY id")[1], store.sql("SELECT * FROM origins")[1]) == first
        assert store.sql("SELECT count(DISTINCT story_id) FROM articles")[1][0][0] == 1


def test_an_earlier_report_arriving_later_keeps_the_ids_users_already_hold(tmp_path):
    later = [article(f"a{i}", f"Outlet {i}", f"2023-02-0{i + 5}", [("Reuters", "outlet")]) for i in range(2)]
    earliest = article("a9", "Outlet 9", "2023-02-01", [("Reuters", "outlet")])
    with Store(tmp_path / "l.duckdb") as store:
        store.add_records(later)
        link(store)
        [(merged_id,)] = store.sql("SELECT id FROM merged_events")[1]
        [(story_id,)] = store.sql("SELECT DISTINCT story_id FROM articles")[1]
        store.add_records([earliest])
        link(store)
        [event] = store.query_events(__import__("newsgraph.types").types.EventFilter(), limit=None)
        assert event["id"] == merged_id and event["n_articles"] == 3
        assert event["first_seen"]["article_id"] == "a9"  # the merged event now starts at the earliest report
        assert store.sql("SELECT DISTINCT story_id FROM articles")[1] == [(story_id,)]


def test_ids_kept_across_relinking_never_collide():
    from newsgraph.link.ids import keep_ids

    groups = [["x", "y"], ["z"], ["w"]]  # the old group {x, y, z} split; "z" alone cannot take the old id too
    ids = keep_ids(groups, {"x": "OLD", "y": "OLD", "z": "OLD"}, lambda g, attempt: "OLD" if attempt == 0 else g[0])
    assert ids == ["OLD", "z", "w"]


def test_two_triggers_of_one_sentence_are_one_mention_of_the_merged_event(tmp_path):
    # one article's sentence gave two events (two triggers) that each merge with another article's report
    text = "An Iranian delegation flew to Yelabuga on January 5 and toured the site, the newspaper said."
    first = article("a1", "Outlet A", "2023-02-06", [], text=text, kind="CONSULT")
    second = dataclasses.replace(first.events[0], id="E2", recipient=(), mentions=(Mention(50, 56),))
    first = dataclasses.replace(first, events=(first.events[0], second))
    other = article("a2", "Outlet B", "2023-02-07", [], kind="CONSULT")
    with Store(tmp_path / "l.duckdb") as store:
        store.add_records([first, other])
        link(store)
        rows = store.sql("SELECT merged_id, article_id, event_id FROM merged_event_mentions ORDER BY article_id")[1]
    assert [(r[1], r[2]) for r in rows] == [("a1", "E1"), ("a2", "E1")]
    assert len({r[0] for r in rows}) == 1
