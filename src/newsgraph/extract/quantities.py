"""quantities extractor (placeholder: being written)."""
from __future__ import annotations

from ..types import Quantity
from .context import Context

NAME = "quantities.v0"


def extract(ctx: Context) -> list[Quantity]:
    return []
