"""Shared fixtures: the real spaCy model, the bundled samples, the shared gold data, and the schema check."""
from __future__ import annotations

import json

import jsonschema
import pytest

from newsgraph.config import SAMPLES_DIR, SCHEMA_PATH, Settings, default_datasets_dir

DATASETS = default_datasets_dir()


def needs_datasets(*parts: str):
    """Skip marker for tests that read ../shared/datasets/<parts>."""
    path = DATASETS.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"gold data not found at {path}")


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def pipeline(settings):
    from newsgraph.pipeline import Pipeline

    return Pipeline(settings)


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def samples_manifest() -> list[dict]:
    return json.loads((SAMPLES_DIR / "manifest.json").read_text())


@pytest.fixture(scope="session")
def sample_records(pipeline, samples_manifest):
    """Every bundled sample (HTML and text) through the real pipeline, keyed by (slug, 'html'|'text')."""
    from newsgraph.types import RawDocument

    out = {}
    for item in samples_manifest:
        for kind in ("html", "text"):
            path = SAMPLES_DIR / item[kind]
            raw = RawDocument(content=path.read_bytes(), source=str(path), url=item["url"], published=item["published"])
            out[(item["slug"], kind)] = pipeline.process(raw)
    return out


@pytest.fixture(scope="session")
def record_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text())


@pytest.fixture(scope="session")
def validate_record(record_schema):
    validator = jsonschema.Draft202012Validator(record_schema)

    def check(record) -> None:
        data = record if isinstance(record, dict) else record.to_dict()
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
        text = data["article"]["text"]
        for key in ("actors", "places", "times", "quantities", "quotes"):
            for item in data[key]:
                assert 0 <= item["start"] <= item["end"] <= len(text), (key, item)
        for ev in data["events"]:
            assert ev["text_info"]["end"] <= len(text)

    return check


def make_context(nlp, text: str, published: str | None = "2023-02-06", url: str | None = None):
    """A real Context for one text, as the pipeline builds it, for extractor unit tests."""
    from newsgraph.clean import article_id
    from newsgraph.extract.context import Context
    from newsgraph.types import Article

    article = Article(id=article_id(text), url=url, title=None, publisher=None, published=published,
                      language="en", text=text)
    return Context(article=article, doc=nlp(text))
