"""Browser tests: Debian's Chromium, driven by playwright-core (web/tests/ui.test.mjs, node's test runner),
against `newsgraph serve` on a real store built from the bundled samples. Screenshots go to docs/img/.

Skips when Chromium, Node or web/node_modules are missing, unless NEWSGRAPH_REQUIRE_BROWSER=1 (CI), then fails.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from test_api_support import build_sample_db, copy_db, start_server, stop_server

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "web"
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def _missing() -> str | None:
    if not CHROMIUM:
        return "Chromium is not installed (apt-get install -y chromium)"
    if not shutil.which("node"):
        return "Node is not installed (apt-get install -y nodejs npm)"
    if not (WEB / "node_modules" / "playwright-core").is_dir():
        return "web/node_modules is missing (cd web && npm ci)"
    return None


@pytest.mark.browser
def test_web_ui_in_chromium(tmp_path_factory, sample_records, samples_manifest):
    missing = _missing()
    if missing:
        if os.environ.get("NEWSGRAPH_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests required (NEWSGRAPH_REQUIRE_BROWSER=1) but {missing}")
        pytest.skip(missing)
    db = build_sample_db(tmp_path_factory.getbasetemp(), sample_records, samples_manifest)
    proc, base = start_server(copy_db(db, tmp_path_factory.mktemp("web"), "web.duckdb"))
    try:
        result = subprocess.run(["node", "--test", "--test-reporter=spec", "tests/"], cwd=WEB, capture_output=True,
                                text=True, timeout=300,
                                env={**os.environ, "NEWSGRAPH_URL": base, "CHROMIUM": CHROMIUM,
                                     "SCREENSHOTS": str(ROOT / "docs" / "img")})
    finally:
        stop_server(proc)
    print(result.stdout[-6000:])
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
