"""The core promise: one page in, one schema-valid sourced record out, through the API and the CLI."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import newsgraph
from newsgraph.config import SAMPLES_DIR
from newsgraph.types import ArticleRecord

PAGE = """US announces sanctions on Iranian drone maker

Washington

The United States on Friday imposed new sanctions on an Iranian drone manufacturer, the Treasury Department said.

Secretary of State Antony Blinken said the company had supplied drones that Russia used in attacks on Ukrainian cities.
"We will keep holding Tehran to account," Blinken told reporters in Washington.

Iran denied the accusation, according to the state news agency IRNA.
"""


def test_every_sample_validates_against_the_schema(sample_records, validate_record):
    assert sample_records, "no bundled samples found"
    for key, record in sample_records.items():
        validate_record(record)
        assert record.article.text.strip(), key


def test_extract_api_returns_a_typed_serialisable_record(validate_record):
    record = newsgraph.extract(PAGE, url="https://harborpost.example/world/sanctions", published="2023-02-10")
    assert isinstance(record, ArticleRecord)
    data = json.loads(record.to_json())
    assert data == record.to_dict()
    validate_record(data)
    assert data["article"]["published"] == "2023-02-10"
    assert data["article"]["title"].startswith("US announces sanctions")
    assert all(name.split(".v")[1].isdigit() for name in data["extractors"].values())


def test_article_id_is_stable_and_depends_on_content():
    a = newsgraph.extract(PAGE, published="2023-02-10")
    b = newsgraph.extract(PAGE, published="2023-02-10")
    c = newsgraph.extract(PAGE.replace("Friday", "Thursday"), published="2023-02-10")
    assert a.article.id == b.article.id
    assert a.article.id != c.article.id


def test_cli_extract_prints_a_valid_record_for_a_sample_file(samples_manifest, validate_record):
    item = samples_manifest[0]
    out = subprocess.run(
        [sys.executable, "-m", "newsgraph", "extract", str(SAMPLES_DIR / item["html"]), "--url", item["url"],
         "--published", item["published"]],
        capture_output=True, text=True, check=True,
    )
    validate_record(json.loads(out.stdout))


def test_cli_extract_reads_stdin_and_prints_pretty():
    out = subprocess.run([sys.executable, "-m", "newsgraph", "extract", "-", "--published", "2023-02-10",
                          "--format", "pretty"], input=PAGE, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "Events" in out.stdout and "Attribution chains" in out.stdout


@pytest.mark.parametrize("bad", ["2023-13-01", "yesterday"])
def test_cli_rejects_a_bad_published_date_with_a_clear_message(bad):
    out = subprocess.run([sys.executable, "-m", "newsgraph", "extract", "-", "--published", bad],
                         input=PAGE, capture_output=True, text=True)
    assert out.returncode == 2
    assert "YYYY-MM-DD" in out.stderr and "Traceback" not in out.stderr
