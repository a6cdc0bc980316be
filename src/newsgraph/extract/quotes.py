"""quotes extractor (placeholder: being written)."""
from __future__ import annotations

from ..types import Quote
from .context import Context

NAME = "quotes.v0"


def extract(ctx: Context) -> list[Quote]:
    return []
