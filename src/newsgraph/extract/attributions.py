"""attributions extractor (placeholder: being written)."""
from __future__ import annotations

from ..types import Attribution
from .context import Context

NAME = "attributions.v0"


def extract(ctx: Context) -> list[Attribution]:
    return []
