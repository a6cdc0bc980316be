"""Independent origins: the root of an attribution chain below the publisher.

An event attributed to R3 whose parent is R1 ("according to the WSJ … citing sources") has the origin of R1's
source (the WSJ). An event with no attribution is the publisher's own reporting: its origin is the publisher.
Origins are compared by a normalised key, so that "the Wall Street Journal", "The Wall Street Journal's report" and
"the Journal's" are one origin when written alike; the stored name is the source's own normalised name.
"""
from __future__ import annotations

import re

from ..types import ArticleRecord, Event

_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s?$")


def normalise_origin(name: str | None) -> str:
    name = _ARTICLE.sub("", (name or "").strip())
    name = _POSSESSIVE.sub("", name)
    name = re.sub(r"\s+(report|newspaper|daily)$", "", name, flags=re.I)
    return re.sub(r"\s+", " ", name).strip().lower()


def display_name(name: str | None) -> str:
    """The name as the source gives it, without a trailing possessive: "The Wall Street Journal"."""
    return re.sub(r"\s+", " ", _POSSESSIVE.sub("", (name or "").strip())).strip()


def chain(record: ArticleRecord, attribution_id: str | None) -> list:
    """Attributions from the innermost up to the root under the publisher."""
    by_id = {a.id: a for a in record.attributions}
    out, seen = [], set()
    current = by_id.get(attribution_id) if attribution_id else None
    while current is not None and current.id not in seen:
        out.append(current)
        seen.add(current.id)
        current = by_id.get(current.parent) if current.parent else None
    return out


def event_origin(record: ArticleRecord, event: Event) -> tuple[str, str, str | None]:
    """(normalised origin name, kind, code) for one event of one article."""
    links = chain(record, event.attribution)
    if links:
        root = links[-1].source
        return display_name(root.name or root.text), root.kind, root.code
    publisher = record.article.publisher or record.article.url or record.article.id
    return display_name(publisher), "publisher", None
