"""Batch ingest into a real DuckDB file: every input kind, bad input, idempotence, and resume after kill -9."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from newsgraph.cli.corpus import run_ingest
from newsgraph.config import SAMPLES_DIR, Settings
from newsgraph.ingest.sources import expand
from newsgraph.store import Store
from newsgraph.types import RawDocument, Skipped

TABLES = ["articles", "inputs", "actors", "places", "times", "events", "attributions", "quotes", "quantities",
          "skips", "stories", "merged_events", "merged_event_mentions", "origins"]
TIMESTAMPS = {"ingested_at", "processed_at", "skipped_at"}


def table_rows(db: Path) -> dict[str, list]:
    with Store(db, read_only=True) as store:
        out = {}
        for table in TABLES:
            keep = [c for c in store.sql(f"SELECT * FROM {table} LIMIT 0")[0] if c not in TIMESTAMPS]
            quoted = ", ".join(f'"{c}"' for c in keep)
            out[table] = sorted(map(repr, store.sql(f"SELECT {quoted} FROM {table}")[1]))
        return out


def corpus(folder: Path, n: int) -> Path:
    """n copies of the bundled sample texts, each with a small edit so its id differs."""
    folder.mkdir()
    texts = sorted((SAMPLES_DIR / "text").glob("*.txt"))
    for i in range(n):
        text = texts[i % len(texts)].read_text()
        (folder / f"doc{i:03}.txt").write_text(text.rstrip() + f"\n\nThis is edition note number {i}.\n")
    return folder


def test_readers_yield_documents_and_skips_without_parsing(tmp_path):
    (tmp_path / "urls.txt").write_text("https://a.invalid/1\n\nhttps://a.invalid/2\n")
    (tmp_path / "notes.txt").write_text("Iran and Russia signed a deal on Friday. https://a.invalid/1\n")
    (tmp_path / "rows.jsonl").write_text('{"text": "Hello there.", "url": "https://x.example/1", '
                                         '"published": "2023-02-06"}\n{oops\n{"title": "no text"}\n')
    items = [item for _, item in expand([str(tmp_path / "notes.txt"), str(tmp_path / "rows.jsonl")], Settings())]
    docs = [i for i in items if isinstance(i, RawDocument)]
    skips = [i for i in items if isinstance(i, Skipped)]
    assert [d.published for d in docs] == [None, "2023-02-06"] and docs[1].url == "https://x.example/1"
    assert [s.reason for s in skips] == ["bad-jsonl", "bad-jsonl"] and skips[0].source.endswith("rows.jsonl:2")
    from newsgraph.ingest.urls import is_url_list

    assert is_url_list((tmp_path / "urls.txt").read_bytes()) and not is_url_list((tmp_path / "notes.txt").read_bytes())


def test_bad_inputs_are_recorded_skips_and_the_batch_goes_on(tmp_path):
    good = (SAMPLES_DIR / "html" / "meridian-blinken-xi-beijing.html").read_text()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(json.dumps({"html": good, "url": "https://x.example/a"}) + "\n{not json\n")
    (tmp_path / "in" / "feed.rss").write_text("this is not xml at all")
    (tmp_path / "in" / "broken.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage" * 10)
    (tmp_path / "in" / "empty.txt").write_text("")
    db = tmp_path / "s.duckdb"
    summary = run_ingest([str(tmp_path / "in"), str(tmp_path / "missing.html")], db, quiet=True)
    assert summary["stored"] == 1
    reasons = summary["skipped_by_reason"]
    assert reasons == {"bad-jsonl": 1, "bad-feed": 1, "bad-warc-record": 1, "empty-input": 1, "not-found": 1}
    assert {s["reason"] for s in summary["skipped_sources"]} == set(reasons)
    with Store(db, read_only=True) as store:
        assert store.sql("SELECT count(*) FROM skips")[1][0][0] == 5
    # a rerun stores nothing new and records no skip twice; the missing file is retried, not remembered
    again = run_ingest([str(tmp_path / "in"), str(tmp_path / "missing.html")], db, quiet=True)
    assert again["stored"] == 0 and again["skipped_by_reason"] == {"not-found": 1}
    with Store(db, read_only=True) as store:
        assert store.sql("SELECT count(*) FROM skips")[1][0][0] == 5


def test_warc_feed_and_jsonl_inputs(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = sorted((SAMPLES_DIR / "html").glob("*.html"))[:3]
    with open(tmp_path / "crawl.warc.gz", "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i, page in enumerate(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response",
                                                          payload=io.BytesIO(page.read_bytes()), http_headers=headers))
        writer.write_record(writer.create_warc_record("https://example.org/x.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG"),
                                                      http_headers=StatusAndHeaders("200 OK", [("Content-Type",
                                                                                                "image/png")],
                                                                                    protocol="HTTP/1.1")))
    body = (SAMPLES_DIR / "text" / "northwind-black-sea-grain-deal.txt").read_text()
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n")[1:])
    (tmp_path / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Grain deal</title>'
        f'<link>https://example.org/grain</link><pubDate>Fri, 22 Jul 2022 18:00:00 GMT</pubDate>'
        f'<description><![CDATA[{paragraphs}]]></description></item></channel></rss>')
    summary = run_ingest([str(tmp_path / "crawl.warc.gz"), str(tmp_path / "feed.rss")], tmp_path / "s.duckdb",
                         quiet=True, link_after=False)
    assert summary["stored"] == 4 and summary["skipped"] == 0
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        urls = {r[0]: r[1] for r in store.sql("SELECT url, published FROM articles")[1]}
    assert {"https://example.org/0", "https://example.org/grain"} <= set(urls)
    assert str(urls["https://example.org/grain"]) == "2022-07-22"


def test_ingest_is_idempotent(tmp_path):
    docs = corpus(tmp_path / "c", 4)
    db = tmp_path / "s.duckdb"
    first = run_ingest([str(docs)], db, quiet=True)
    before = table_rows(db)
    second = run_ingest([str(docs)], db, quiet=True)
    assert first["stored"] == 4 and second["stored"] == 0 and second["already_present"] == 4
    assert table_rows(db) == before


def test_resume_after_kill_9_ends_with_the_rows_of_an_uninterrupted_run(tmp_path):
    docs = corpus(tmp_path / "corpus", 40)
    reference = tmp_path / "reference.duckdb"
    run_ingest([str(docs)], reference, quiet=True, batch_size=4)

    crashed = tmp_path / "crashed.duckdb"
    progress = tmp_path / "progress.json"
    cmd = [sys.executable, "-m", "newsgraph", "ingest", str(docs), "--db", str(crashed), "--json",
           "--progress-file", str(progress), "--batch-size", "4"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        if progress.exists() and json.loads(progress.read_text() or "{}").get("stored", 0) >= 8:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store(crashed, read_only=True) as store:
        partial = store.sql("SELECT count(*) FROM articles")[1][0][0]
        assert store.sql("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM events e "
                         "WHERE e.article_id = a.id)")[1][0][0] == 0  # no half-written article
    assert 8 <= partial < 40
    rerun = subprocess.run(cmd, check=True, capture_output=True, text=True)
    summary = json.loads(rerun.stdout)
    assert summary["stored"] == 40 - partial and summary["already_present"] == partial  # stored ones not re-parsed
    assert table_rows(crashed) == table_rows(reference)
