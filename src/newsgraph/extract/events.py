"""events extractor (placeholder: being written)."""
from __future__ import annotations

from ..types import Event
from .context import Context

NAME = "events.v0"


def extract(ctx: Context) -> list[Event]:
    return []
