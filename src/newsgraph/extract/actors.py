"""actors extractor (placeholder: being written)."""
from __future__ import annotations

from ..types import Actor
from .context import Context

NAME = "actors.v0"


def extract(ctx: Context) -> list[Actor]:
    return []
