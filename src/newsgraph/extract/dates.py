"""dates extractor (placeholder: being written)."""
from __future__ import annotations

from ..types import TimeRef
from .context import Context

NAME = "dates.v0"


def extract(ctx: Context) -> list[TimeRef]:
    return []
