"""`newsgraph eval attribution`: our scorer equals the reference scorer on the same predictions."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import DATASETS, needs_datasets
from newsgraph.evaluation import attribution as ev

POLNEAR = DATASETS / "attribution" / "polnear"
REFERENCE = DATASETS.parent / "tools" / "score_attribution.py"


def test_norm_and_matching_rules():
    text = "ab  cd, ef"
    assert ev.norm(text, [(0, 2), (4, 6)]) == [(0, 6)]  # joined by whitespace only
    assert ev.norm(text, [(0, 2), (8, 10)]) == [(0, 2), (8, 10)]
    assert ev.max_matching([(0, 5), (6, 9)], [(0, 9)]) == 1  # one-to-one
    assert ev.max_matching([(0, 5), (6, 9)], [(0, 9), (4, 7)]) == 2


@needs_datasets("attribution", "polnear", "dev")
def test_figures_equal_reference_scorer(tmp_path):
    result = ev.evaluate(POLNEAR, split="dev", limit=5, write_predictions=tmp_path)
    assert result["articles"] == 5
    preds = json.loads((tmp_path / "predictions.json").read_text())
    assert len(preds) == 5 and len(list((tmp_path / "attributions").glob("*.ann"))) == 5
    if not REFERENCE.exists():
        return
    out = subprocess.run([sys.executable, str(REFERENCE), str(POLNEAR / "dev"), str(tmp_path / "predictions.json")],
                         capture_output=True, text=True, check=True).stdout
    reference = json.loads(out)
    # the reference scores every article of the split; predictions cover 5, so compare on our 5 only
    ours = ev.score(POLNEAR / "dev", preds, stems=set(preds))
    full = ev.score(POLNEAR / "dev", preds)
    for role in ev.ROLES:
        assert ours[role] == result[role]
        assert full[role] == reference[role]
    assert full["articles"] == reference["articles"]
