"""`newsgraph eval extraction`: the benchmark's shingle scoring, the missing-data error, a small real run."""
from __future__ import annotations

import json
import sys

import pytest

from conftest import DATASETS, needs_datasets
from newsgraph.errors import DataError
from newsgraph.evaluation.extraction import evaluate, match, metrics, shingles

TRUE = "Ministers from both countries met in Geneva on Friday to discuss a ceasefire."


def test_shingles_are_word_4grams_of_w_tokens():
    grams = shingles("Troops crossed the border, officials said.")
    assert ("Troops", "crossed", "the", "border") in grams
    assert ("border", "officials", "said") not in grams and len(grams) == 3
    assert shingles("Two words") == {("Two", "words"): 1}  # shorter than 4 tokens: one short shingle
    assert shingles("") == {}


def test_match_and_conventions():
    assert match(TRUE, TRUE) == (1.0, 0.0, 0.0)
    assert match(TRUE, "") == (0.0, 0.0, 1.0)  # empty prediction: recall 0, no precision entry
    tp, fp, fn = match(TRUE, TRUE + " Subscribe to our newsletter for more news today.")
    assert fn == 0 and 0 < fp < tp
    result = metrics([match(TRUE, TRUE), match(TRUE, "")])
    assert result["precision"] == 1.0 and result["recall"] == 0.5
    assert result["f1"] == pytest.approx(2 * 0.5 / 1.5, abs=1e-4)


def test_missing_data_folder_is_a_data_error(tmp_path, monkeypatch, capsys):
    with pytest.raises(DataError, match="--data"):
        evaluate(tmp_path / "nowhere")
    from newsgraph.cli import main

    monkeypatch.setattr(sys, "argv", ["newsgraph", "eval", "extraction", "--data", str(tmp_path)])
    with pytest.raises(SystemExit) as info:
        main()
    err = capsys.readouterr().err
    assert info.value.code == DataError.exit_code and "--data" in err and "Traceback" not in err


@needs_datasets("extraction", "scrapinghub")
def test_small_real_run_scores_both_systems():
    result = evaluate(DATASETS / "extraction" / "scrapinghub", limit=6)
    assert result["pages"] == 6
    json.dumps(result)
    for name in ("newsgraph", "trafilatura"):
        m = result["systems"][name]
        assert 0.0 <= m["precision"] <= 1.0 and 0.0 <= m["recall"] <= 1.0 and m["failed_pages"] >= 0
    assert result["systems"]["newsgraph"]["f1"] > 0.5
    gates = result["production_gates"]  # refusals are counted, not silently scored as zero
    assert isinstance(gates["not_english"], list) and isinstance(gates["too_short"], list)
    assert set(result["failures"]) == {"newsgraph", "trafilatura"}
