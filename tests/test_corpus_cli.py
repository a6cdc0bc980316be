"""The corpus commands end to end in a subprocess: demo, events, show, sql, export, link."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest


def newsgraph(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], capture_output=True, text=True, cwd=cwd,
                          env={**__import__("os").environ, "COLUMNS": "160"})


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    out = newsgraph("demo", "--db", "demo.duckdb", cwd=folder)
    assert out.returncode == 0, out.stderr
    assert "Top merged events" in out.stdout and "independent" not in out.stderr
    return folder / "demo.duckdb"


def test_events_json_csv_and_filters(demo_db):
    out = newsgraph("events", "--db", str(demo_db), "--format", "json", "--limit", "100")
    events = json.loads(out.stdout)
    assert events and {"articles", "outlets", "origins", "first_seen", "n_origins"} <= set(events[0])
    out = newsgraph("events", "--db", str(demo_db), "--format", "csv", "--min-origins", "2")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows and all(int(r["origins"]) >= 2 for r in rows)
    assert "\r" not in out.stdout  # shell users cut ids from these lines
    out = newsgraph("events", "--db", str(demo_db), "--near", "Yelabuga", "--radius-km", "100", "--format", "json")
    assert out.returncode == 0 and all(e["event_loc"] for e in json.loads(out.stdout))
    bad = newsgraph("events", "--db", str(demo_db), "--since", "last tuesday")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr and "Traceback" not in bad.stderr


def test_show_prints_mentions_and_chains(demo_db):
    events = json.loads(newsgraph("events", "--db", str(demo_db), "--format", "json", "--limit", "100").stdout)
    multi = next(e for e in events if e["n_articles"] > 1)
    out = newsgraph("show", multi["id"], "--db", str(demo_db))
    assert out.returncode == 0 and "independent origins" in out.stdout
    assert newsgraph("show", "Mnope", "--db", str(demo_db)).returncode == 2


def test_sql_reads_and_refuses_writes_with_exit_4(demo_db):
    out = newsgraph("sql", "SELECT count(*) AS n FROM articles", "--db", str(demo_db), "--format", "json")
    assert json.loads(out.stdout) == [{"n": 16}]
    for bad in ["DELETE FROM articles", "WITH x AS (SELECT 1) DELETE FROM articles"]:
        out = newsgraph("sql", bad, "--db", str(demo_db))
        assert out.returncode == 4 and "read-only" in out.stderr and "Traceback" not in out.stderr


def test_export_cli_and_relink(demo_db, tmp_path):
    out = newsgraph("export", "--format", "gdelt-tsv", "--db", str(demo_db), "--type", "AID")
    lines = out.stdout.splitlines()
    assert len(lines) >= 2 and all(len(line.split("\t")) == 61 for line in lines)
    out = newsgraph("export", "--format", "parquet", "--db", str(demo_db), "--out", str(tmp_path / "e.parquet"))
    assert out.returncode == 0 and (tmp_path / "e.parquet").stat().st_size > 0
    assert newsgraph("export", "--format", "parquet", "--db", str(demo_db)).returncode == 2
    before = newsgraph("sql", "SELECT * FROM merged_events ORDER BY id", "--db", str(demo_db), "--format", "csv").stdout
    assert newsgraph("link", "--db", str(demo_db)).returncode == 0
    assert newsgraph("sql", "SELECT * FROM merged_events ORDER BY id", "--db", str(demo_db),
                     "--format", "csv").stdout == before
