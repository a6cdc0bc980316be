"""places extractor (placeholder: being written)."""
from __future__ import annotations

from ..types import Place
from .context import Context

NAME = "places.v0"


def extract(ctx: Context) -> list[Place]:
    return []
