"""A readable Rich view of an ArticleRecord (``--format pretty``)."""
from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from .types import ArticleRecord


def _attribution_tree(record: ArticleRecord) -> Tree:
    root = Tree(f"[bold]{record.article.publisher or record.article.url or 'article'}[/] (publisher)")
    nodes = {None: root}
    pending = list(record.attributions)
    while pending:
        progressed = False
        for attr in list(pending):
            if attr.parent in nodes or attr.parent not in {a.id for a in pending}:
                parent = nodes.get(attr.parent, root)
                label = f"{attr.id} [cyan]{attr.source.name or attr.source.text}[/] ({attr.source.kind}) " \
                        f"[dim]{attr.cue}[/]: {attr.content.text[:90]}"
                nodes[attr.id] = parent.add(label)
                pending.remove(attr)
                progressed = True
        if not progressed:
            break
    return root


def render_record(record: ArticleRecord) -> Group:
    a = record.article
    head = Text.assemble((a.title or "(untitled)", "bold"), f"\n{a.publisher or '?'} · {a.published or 'date unknown'}"
                         f" · {a.language or '?'} · {len(a.text)} chars · {len(a.removed)} lines removed"
                         f" · {len(a.repeated)} repeated paragraphs")
    events = Table("event", "mode", "actor", "recipient", "where", "when", "certainty", "source", title="Events")
    names = {x.id: x.source.name or x.source.text for x in record.attributions}
    for e in record.events:
        events.add_row(f"{e.event} ({e.cameo or '-'})", e.mode or "",
                       ", ".join(f"{x.code or '?'} {x.sector or ''}".strip() for x in e.actor),
                       ", ".join(f"{x.code or '?'} {x.sector or ''}".strip() for x in e.recipient),
                       (e.event_loc.name if e.event_loc else "") or "", e.date or "", e.certainty,
                       names.get(e.attribution, "") if e.attribution else "")
    actors = Table("actor", "code", "sector", "kind", title="Actors")
    for x in record.actors:
        actors.add_row(x.text, x.code or "", x.sector or "", x.kind)
    places = Table("place", "geonameid", "name", "cc", "lat", "lon", title="Places")
    for p in record.places:
        places.add_row(p.text, str(p.geonameid or ""), p.name or "", p.country_code or "",
                       f"{p.lat:.2f}" if p.lat is not None else "", f"{p.lon:.2f}" if p.lon is not None else "")
    times = Table("time", "value", "precision", title="Times")
    for t in record.times:
        times.add_row(t.text, t.value or "", t.precision or "")
    quants = Table("quantity", "value", "unit", "bound", "per", title="Quantities")
    for q in record.quantities:
        quants.add_row(q.text, f"{q.value:g}", q.unit or "", q.bound, q.per or "")
    quotes = Table("speaker", "quote", title="Quotes")
    for q in record.quotes:
        quotes.add_row(q.speaker.name if q.speaker else "?", q.text[:120])
    return Group(head, events, Text("\nAttribution chains", style="bold"), _attribution_tree(record),
                 actors, places, times, quants, quotes)
