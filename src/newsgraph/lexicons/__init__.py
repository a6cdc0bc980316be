"""Lexicons are data files in this folder; users extend them with their own files.

``load(name)`` reads ``<name>.json`` from this folder and merges, in order, every user file
whose stem is ``name`` (Settings.user_lexicons or $NEWSGRAPH_LEXICONS). Lists are appended,
mappings are updated. Each file says where its entries came from in a top-level "_source" key.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

from ..config import LEXICON_DIR
from ..errors import ConfigError


def _merge(base, extra):
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merge(out[key], value) if key in out else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [v for v in extra if v not in base]
    return extra


def _read(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"lexicon file {path} could not be read as JSON ({exc}); fix or remove it") from exc


@functools.lru_cache(maxsize=None)
def load(name: str, user_files: tuple[Path, ...] = ()) -> dict | list:
    path = LEXICON_DIR / f"{name}.json"
    if not path.exists():
        raise ConfigError(f"no bundled lexicon named '{name}' (looked for {path})")
    data = _read(path)
    for extra in user_files:
        if Path(extra).stem == name:
            data = _merge(data, _read(Path(extra)))
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if not k.startswith("_")}
    return data
