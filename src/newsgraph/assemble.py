"""Assemble extractor outputs into one ArticleRecord, linking each quote and quantity to the
innermost attribution that covers it."""
from __future__ import annotations

from dataclasses import replace

from .extract import ORDER
from .extract.context import Context
from .types import ArticleRecord, Event


def assemble(ctx: Context, events: list[Event]) -> ArticleRecord:
    def link(item):
        if item.attribution is not None:
            return item
        attr = ctx.innermost_attribution(item.start, item.end)
        return replace(item, attribution=attr.id) if attr else item

    return ArticleRecord(
        article=ctx.article,
        actors=tuple(ctx.actors),
        places=tuple(ctx.places),
        times=tuple(ctx.times),
        events=tuple(events),
        attributions=tuple(ctx.attributions),
        quotes=tuple(link(q) for q in ctx.quotes),
        quantities=tuple(link(q) for q in ctx.quantities),
        extractors={stage: module.NAME for stage, module in ORDER},
    )
