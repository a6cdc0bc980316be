"""The Ray engine on one local Ray instance (2 CPUs) per session: JSONL shards and a WARC -> Parquet + markers
-> store; a rerun skips the finished shards."""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.ray

from newsgraph.config import SAMPLES_DIR, Settings  # noqa: E402
from newsgraph.run import ray_runner, shards  # noqa: E402
from newsgraph.run.load import load  # noqa: E402
from newsgraph.store import Store  # noqa: E402


@pytest.fixture(scope="session")
def local_ray():
    os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def write_warc(path: Path, pages: list[dict]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for m in pages:
            body = (SAMPLES_DIR / m["html"]).read_bytes()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(m["url"], "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_ray_shards_to_parquet_then_store_and_rerun_skips(local_ray, tmp_path, samples_manifest):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, chunk in (("a.jsonl", samples_manifest[:2]), ("b.jsonl", samples_manifest[2:3])):
        (folder / name).write_text("".join(json.dumps({"text": (SAMPLES_DIR / m["text"]).read_text(), "url": m["url"],
                                                       "published": m["published"]}) + "\n" for m in chunk))
    write_warc(folder / "c.warc.gz", samples_manifest[3:5])
    plan = shards.plan([str(folder)])
    assert len(plan) == 3
    out = tmp_path / "out"
    summary = ray_runner.run(plan, out, Settings(), num_actors=2, batch_size=2)
    assert summary == {"shards": 3, "skipped_done": 0, "processed": 3, "rows": 5}
    assert shards.done_keys(out) == {s.key for s in plan}
    assert all(shards.shard_file(out, s.key).exists() for s in plan)
    with Store(tmp_path / "s.duckdb") as store:
        assert load(out, store)["stored"] == 5
        counts = store.counts()
        urls = {r[0] for r in store.sql("SELECT url FROM articles")[1]}
    assert urls == {m["url"] for m in samples_manifest[:5]}
    again = ray_runner.run(plan, out, Settings(), num_actors=2)
    assert again["skipped_done"] == 3 and again["processed"] == 0
    with Store(tmp_path / "s.duckdb") as store:
        load(out, store)
        assert store.counts() == counts
