"""The local process pool (`ingest --workers N`) and the sharded job on the local engine."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.cli.corpus import demo_inputs, run_ingest
from newsgraph.config import Settings
from newsgraph.run import shards
from newsgraph.run.load import load, record_from_json
from newsgraph.run.local import run_shards
from newsgraph.store import Store

TABLES = ["articles", "actors", "places", "attributions", "quotes", "quantities", "events", "inputs", "skips"]


def dump(db: Path) -> dict[str, list]:
    with Store(db, read_only=True) as store:
        out = {}
        for table in TABLES:
            columns, rows = store.sql(f"SELECT * FROM {table}")
            keep = [i for i, c in enumerate(columns) if not c.endswith("_at")]
            out[table] = sorted(repr(tuple(r[i] for i in keep)) for r in rows)
        return out


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory) -> list[str]:
    return demo_inputs(tmp_path_factory.mktemp("samples"))


def test_two_workers_store_exactly_the_rows_of_one(jsonl, tmp_path):
    one = run_ingest(jsonl, tmp_path / "one.duckdb", link_after=False, workers=1, quiet=True)
    two = run_ingest(jsonl, tmp_path / "two.duckdb", link_after=False, workers=2, quiet=True)
    assert one["stored"] == two["stored"] > 10
    assert dump(tmp_path / "one.duckdb") == dump(tmp_path / "two.duckdb")
    again = run_ingest(jsonl, tmp_path / "two.duckdb", link_after=False, workers=2, quiet=True)
    assert again["stored"] == 0 and again["already_present"] == again["read"]


def test_sharded_local_job_writes_parquet_markers_and_loads(jsonl, tmp_path, sample_records):
    lines = Path(jsonl[0]).read_text().splitlines()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text("\n".join(lines[:3]) + "\n")
    (folder / "b.jsonl").write_text("\n".join(lines[3:5]) + "\n{not json}\n")
    plan = shards.plan([str(folder)])
    assert [Path(s.inputs[0]).name for s in plan] == ["a.jsonl", "b.jsonl"]
    out = tmp_path / "out"
    summary = run_shards(plan, out, Settings.from_env(), workers=1, batch_size=2)
    assert summary["processed"] == 2 and summary["rows"] == 6
    assert shards.done_keys(out) == {s.key for s in plan}
    rows = [r for batch in shards.read_rows(out) for r in batch]
    assert sorted(r["status"] for r in rows) == ["skipped"] + ["stored"] * 5
    record = record_from_json(next(r["record"] for r in rows if r["status"] == "stored"))
    assert record.article.text and record.extractors
    with Store(tmp_path / "s.duckdb") as store:
        assert load(out, store)["stored"] == 5
        counts = store.counts()
    rerun = run_shards(plan, out, Settings.from_env(), workers=1)
    assert rerun["skipped_done"] == 2 and rerun["processed"] == 0
    with Store(tmp_path / "s.duckdb") as store:
        assert load(out, store)["already_present"] == 6
        assert store.counts() == counts



def test_ray_engine_without_ray_says_to_install_the_extra(monkeypatch, tmp_path):
    import sys

    from newsgraph.errors import ConfigError
    from newsgraph.run import ray_runner

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(ConfigError, match=r"newsgraph\[ray\]"):
        ray_runner.run([shards.Shard("k", ("x.jsonl",))], tmp_path, Settings.from_env())
