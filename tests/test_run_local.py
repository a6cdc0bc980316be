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


def test_prepared_rows_match_the_record_and_store_like_records(sample_records, tmp_path):
    """Workers send StoreRows (JSON and rows built in the worker): the same JSON as ``to_json`` and the same
    stored rows as the records themselves."""
    from newsgraph.store.write import prepare

    records = list(sample_records.values())
    assert all(prepare(r).record_json == r.to_json() for r in records)
    with Store(tmp_path / "records.duckdb") as a, Store(tmp_path / "prepared.duckdb") as b:
        a.add_batch([(f"k{i}", "s", r) for i, r in enumerate(records)])
        b.add_batch([(f"k{i}", "s", prepare(r)) for i, r in enumerate(records)])
    assert dump(tmp_path / "records.duckdb") == dump(tmp_path / "prepared.duckdb")


def test_chunks_balance_characters_and_keep_order():
    from newsgraph.run.local import _chunks
    from newsgraph.types import RawDocument

    raws = [RawDocument(content="x" * n, source=str(i)) for i, n in enumerate([9000, 200, 300, 400, 8000, 100])]
    chunks = _chunks(raws, 2)
    assert [r for c in chunks for r in c] == raws and len(chunks) == 2
    sizes = [sum(len(r.content) for r in c) for c in chunks]
    assert max(sizes) < 0.6 * sum(sizes)
    assert _chunks(raws[:1], 2) == [raws[:1]] and _chunks([], 2) == []


def test_streamed_ingest_reads_ahead_without_parsing_an_input_twice(pipeline, tmp_path):
    """With a streaming processor the reader runs ahead of the writer; an input repeated in a later batch is
    dropped before parsing (it is in flight), and the counts and rows match a plain run."""
    from newsgraph.ingest.batch import ingest
    from newsgraph.store.write import prepare

    page = tmp_path / "deal.txt"
    page.write_text("Ukraine and Russia signed a deal in Istanbul on Friday to reopen Black Sea ports for grain "
                    "exports, officials said. The United Nations and Turkey brokered the agreement after months "
                    "of talks, and the first ships could leave Odesa within weeks, a Turkish official said.\n")
    parsed = []

    class ReadAhead:
        def stream(self, batches):
            todo = list(batches)  # read every batch before the first one is written
            for raws in todo:
                parsed.extend(raws)
                yield [prepare(r) for r in pipeline.process_many(raws)]

    settings = Settings.from_env()
    with Store(tmp_path / "a.duckdb") as store:
        summary = ingest([str(page), str(page)], store, ReadAhead(), settings, batch_size=1)
    assert len(parsed) == 1 and summary.read == 2 and summary.stored == 1 and summary.already == 1
    with Store(tmp_path / "b.duckdb") as store:
        plain = ingest([str(page), str(page)], store, lambda raws: list(pipeline.process_many(raws)), settings,
                       batch_size=1)
    assert plain.to_dict() == summary.to_dict()
    assert dump(tmp_path / "a.duckdb") == dump(tmp_path / "b.duckdb")
