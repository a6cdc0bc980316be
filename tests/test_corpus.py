"""The corpus: batch ingest into a real DuckDB file, idempotence, resume after kill -9, bad input, links, exports."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.cli.corpus import demo_inputs, run_ingest
from newsgraph.config import SAMPLES_DIR
from newsgraph.errors import ReadOnlyViolation
from newsgraph.export import export
from newsgraph.export.formats import GDELT_COLUMNS
from newsgraph.store import Store
from newsgraph.types import EventFilter

TABLES = ["articles", "inputs", "actors", "places", "events", "attributions", "quotes", "quantities", "skips",
          "stories", "merged_events", "merged_event_mentions", "origins"]


def table_rows(db: Path) -> dict[str, list]:
    with Store(db, read_only=True) as store:
        out = {}
        for table in TABLES:
            columns, _ = store.sql(f"DESCRIBE {table}")
            keep = [c for c in store.sql(f"SELECT * FROM {table} LIMIT 0")[0]
                    if c not in {"ingested_at", "processed_at", "skipped_at"}]
            out[table] = sorted(map(repr, store.sql(f"SELECT {', '.join(chr(34) + c + chr(34) for c in keep)} "
                                                    f"FROM {table}")[1]))
        return out


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    db = folder / "demo.duckdb"
    run_ingest(demo_inputs(folder), db, quiet=True)
    return db


def test_ingest_is_idempotent(tmp_path, demo_store):
    before = table_rows(demo_store)
    summary = run_ingest(demo_inputs(demo_store.parent), demo_store, quiet=True)
    assert summary["stored"] == 0 and summary["already_present"] == summary["read"] == 16
    assert table_rows(demo_store) == before


def test_retellings_of_one_story_cluster_together_and_others_apart(demo_store, samples_manifest):
    with Store(demo_store, read_only=True) as store:
        _, rows = store.sql("SELECT a.url, s.story_id FROM articles a JOIN stories s ON s.article_id = a.id")
    story_of = dict(rows)
    label = {m["url"]: m["story"] for m in samples_manifest}
    for a in story_of:
        for b in story_of:
            if a < b:
                assert (story_of[a] == story_of[b]) == (label[a] == label[b]), (a, b)


def test_corroboration_counts_independent_origins_not_repeats(demo_store):
    with Store(demo_store, read_only=True) as store:
        events = store.query_events(EventFilter(), limit=None)
        assert events
        for e in events:
            assert 1 <= e["n_origins"] <= e["n_articles"] + len(e["origins"])
            assert e["n_outlets"] <= e["n_articles"]
            assert e["n_origins"] == len(e["origins"])
            assert e["first_seen"]["article_id"] in e["articles"]
        multi = [e for e in events if e["n_articles"] > 1]
        assert multi, "no event was merged across articles"
        shown = store.get_event(multi[0]["id"])
        assert len({m["article_id"] for m in shown["mentions"]}) == multi[0]["n_articles"]


def test_sql_is_read_only(demo_store):
    with Store(demo_store, read_only=True) as store:
        assert store.sql("SELECT count(*) FROM articles")[1][0][0] == 16
        for bad in ["DELETE FROM articles", "DROP TABLE articles", "SELECT 1; DELETE FROM articles",
                    "INSERT INTO skips VALUES ('a','b','c', now())"]:
            with pytest.raises(ReadOnlyViolation):
                store.sql(bad)
    out = subprocess.run([sys.executable, "-m", "newsgraph", "sql", "DELETE FROM articles", "--db", str(demo_store)],
                         capture_output=True, text=True)
    assert out.returncode == 4 and "read-only" in out.stderr and "Traceback" not in out.stderr


def test_filters_are_parameterised_not_injected(demo_store):
    with Store(demo_store, read_only=True) as store:
        assert store.query_events(EventFilter(actor="' OR 1=1 --"), limit=5) == []
        assert store.get_event("x' OR '1'='1") is None


def test_exports(demo_store):
    with Store(demo_store, read_only=True) as store:
        events = store.query_events(EventFilter(), limit=None)
    out = io.StringIO()
    export(events, "gdelt-tsv", out)
    rows = list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert rows[0] == GDELT_COLUMNS and len(rows) == len(events) + 1
    assert all(len(r) == 61 for r in rows)
    first = dict(zip(GDELT_COLUMNS, rows[1]))
    assert first["NumArticles"] and first["NumSources"] and first["EventCode"].isdigit()
    out = io.StringIO()
    export(events, "plover-jsonl", out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {"id", "date", "event", "mode", "actor", "recipient", "newsgraph"} <= set(records[0])
    out = io.StringIO()
    export(events, "geojson", out)
    assert json.loads(out.getvalue())["type"] == "FeatureCollection"


def test_bad_inputs_are_recorded_skips_and_the_batch_goes_on(tmp_path):
    good = (SAMPLES_DIR / "html" / "meridian-blinken-xi-beijing.html").read_text()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(json.dumps({"html": good, "url": "https://x.example/a"}) + "\n{not json\n")
    (tmp_path / "in" / "feed.rss").write_text("this is not xml at all")
    (tmp_path / "in" / "broken.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage" * 10)
    (tmp_path / "in" / "empty.txt").write_text("")
    summary = run_ingest([str(tmp_path / "in"), str(tmp_path / "missing.html")], tmp_path / "s.duckdb", quiet=True)
    assert summary["stored"] == 1
    reasons = summary["skipped_by_reason"]
    assert reasons.get("bad-jsonl") == 1 and reasons.get("bad-feed") == 1 and reasons.get("bad-warc-record") == 1
    assert reasons.get("empty-input") == 1 and reasons.get("not-found") == 1


def _corpus(folder: Path, n: int = 24) -> Path:
    folder.mkdir()
    pages = sorted((SAMPLES_DIR / "html").glob("*.html"))
    for i in range(n):
        page = pages[i % len(pages)].read_text().replace("</article>", f"<p>Edition note number {i}.</p></article>")
        (folder / f"page{i:03}.html").write_text(page)
    return folder


def test_resume_after_kill_9_ends_with_the_rows_of_an_uninterrupted_run(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    reference = tmp_path / "reference.duckdb"
    run_ingest([str(corpus)], reference, quiet=True)

    crashed = tmp_path / "crashed.duckdb"
    progress = tmp_path / "progress.json"
    cmd = [sys.executable, "-m", "newsgraph", "ingest", str(corpus), "--db", str(crashed), "--json",
           "--progress-file", str(progress), "--batch-size", "3"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        if progress.exists() and json.loads(progress.read_text() or "{}").get("stored", 0) >= 1:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store(crashed, read_only=True) as store:
        partial = store.sql("SELECT count(*) FROM articles")[1][0][0]
    assert 0 < partial < 24
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert table_rows(crashed) == table_rows(reference)


def test_two_workers_store_exactly_what_one_does(tmp_path):
    corpus = _corpus(tmp_path / "corpus", n=12)
    run_ingest([str(corpus)], tmp_path / "one.duckdb", quiet=True, batch_size=6)
    run_ingest([str(corpus)], tmp_path / "two.duckdb", quiet=True, batch_size=6, workers=2)
    one, two = table_rows(tmp_path / "one.duckdb"), table_rows(tmp_path / "two.duckdb")
    assert one == two and len(one["articles"]) == 12


def test_warc_feed_jsonl_and_url_list_inputs(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = sorted((SAMPLES_DIR / "html").glob("*.html"))[:3]
    with open(tmp_path / "crawl.warc.gz", "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i, page in enumerate(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://example.org/{i}", "response",
                                               payload=io.BytesIO(page.read_bytes()), http_headers=headers)
            writer.write_record(record)
    body = (SAMPLES_DIR / "text" / "northwind-black-sea-grain-deal.txt").read_text()
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n")[1:])
    (tmp_path / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Grain deal</title>'
        f'<link>https://example.org/grain</link><pubDate>Fri, 22 Jul 2022 18:00:00 GMT</pubDate>'
        f'<description><![CDATA[{paragraphs}]]></description></item></channel></rss>')
    summary = run_ingest([str(tmp_path / "crawl.warc.gz"), str(tmp_path / "feed.rss")], tmp_path / "s.duckdb",
                         quiet=True)
    assert summary["stored"] == 4 and summary["skipped"] == 0
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        urls = {r[0]: r[1] for r in store.sql("SELECT url, published FROM articles")[1]}
    assert {"https://example.org/0", "https://example.org/grain"} <= set(urls)
    assert str(urls["https://example.org/grain"]) == "2022-07-22"
