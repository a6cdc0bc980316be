"""RSS and Atom feeds via feedparser: an entry's own content when it is substantial, else its linked page."""
from __future__ import annotations

from collections.abc import Iterator

from ..config import Settings

MIN_ENTRY_WORDS = 120


def read_feed(source: str, data: bytes, settings: Settings) -> Iterator[tuple]:
    import feedparser

    from .sources import _doc, _skip, from_url

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield _skip(source, "bad-feed", f"not a readable RSS/Atom feed ({feed.get('bozo_exception')}); "
                                        f"check that the file or URL is a feed")
        return
    for number, entry in enumerate(feed.entries, start=1):
        content = " ".join(c.get("value", "") for c in entry.get("content", [])) or entry.get("summary", "")
        published = None
        if entry.get("published_parsed"):
            published = "%04d-%02d-%02d" % tuple(entry.published_parsed[:3])
        link = entry.get("link")
        if len(content.split()) >= MIN_ENTRY_WORDS:
            yield _doc(f"{source}#{number}", content, url=link, published=published, kind="html")
        elif link:
            for key, item in from_url(link, settings):
                if published and hasattr(item, "published") and not item.published:
                    from dataclasses import replace

                    item = replace(item, published=published)
                yield key, item
        else:
            yield _skip(f"{source}#{number}", "no-text", "the feed entry has no content and no link")
