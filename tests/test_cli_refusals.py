"""Refusals are quick and clear: bad paths are refused before any model loads."""
from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from newsgraph.cli import app


def test_import_newsgraph_does_not_load_spacy():
    code = ("import sys, newsgraph, newsgraph.cli, newsgraph.store; "
            "print('spacy' in sys.modules, callable(newsgraph.extract))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


def test_extract_stays_the_function_after_the_subpackage_loads():
    import newsgraph
    import newsgraph.extract.actors  # noqa: F401

    assert callable(newsgraph.extract)
    assert newsgraph.extract.__name__ == "extract"


def test_run_refuses_when_no_input_exists(tmp_path):
    result = subprocess.run([sys.executable, "-m", "newsgraph", "run", str(tmp_path / "missing.jsonl"), "--out",
                             str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 2
    assert "no such input" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_run_warns_about_a_missing_input_and_runs_the_others(tmp_path):
    shard = tmp_path / "part.jsonl"
    shard.write_text("")
    result = CliRunner().invoke(app, ["run", str(shard), str(tmp_path / "missing.jsonl"), "--out",
                                      str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "warning" in result.output and "missing.jsonl" in result.output
