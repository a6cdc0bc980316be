"""RSS and Atom feeds via feedparser: an entry's own content when it is substantial, else its linked page."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ..config import Settings
from ..types import RawDocument
from .common import Item, doc, skip

MIN_ENTRY_WORDS = 120  # shorter entries are teasers: fetch the linked article instead


def _published(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return "%04d-%02d-%02d" % tuple(parsed[:3]) if parsed else None


def read_feed(source: str, data: bytes, settings: Settings) -> Iterator[Item]:
    import feedparser

    from .urls import read_url

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield skip(source, "bad-feed", f"not a readable RSS/Atom feed ({feed.get('bozo_exception')}); "
                                       f"check that the file or URL is a feed")
        return
    for number, entry in enumerate(feed.entries, start=1):
        content = " ".join(c.get("value", "") for c in entry.get("content", [])) or entry.get("summary", "")
        published, link = _published(entry), entry.get("link")
        if len(content.split()) >= MIN_ENTRY_WORDS:
            yield doc(f"{source}#{number}", content, url=link, published=published, kind="html")
        elif link:
            for item in read_url(link, settings):
                if isinstance(item, RawDocument) and published and not item.published:
                    item = dataclasses.replace(item, published=published)
                yield item
        else:
            yield skip(f"{source}#{number}", "no-text", "the feed entry has no content and no link")
