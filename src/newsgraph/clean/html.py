"""HTML pages: the article body and metadata with trafilatura (publication date through htmldate)."""
from __future__ import annotations

import logging
from dataclasses import dataclass

# trafilatura and htmldate log every odd page at WARNING/ERROR; our errors say what matters.
for _name in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

INCLUDE_TABLES = True
DATE_PARAMS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%d"}


@dataclass
class Extracted:
    text: str  # one paragraph (or heading, or list item) per line
    title: str | None
    sitename: str | None
    date: str | None
    language: str | None  # as the page declares it
    url: str | None = None  # the canonical link (or og:url)


def _run(html: str, url: str | None, *, recall: bool, want_date: bool):
    from trafilatura import bare_extraction

    return bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=INCLUDE_TABLES, include_images=False,
        include_links=False, include_formatting=False, deduplicate=False, favor_recall=recall,
        date_extraction_params=DATE_PARAMS if want_date else {"extensive_search": False, "original_date": True},
    )


def extract(html: str, url: str | None, min_words: int, want_date: bool = True) -> Extracted | None:
    """The article text and metadata; a second, recall-oriented pass when the first finds too little
    (truncated or unusual pages). None when trafilatura finds nothing at all."""
    doc = None
    for recall in (False, True):
        try:
            found = _run(html, url, recall=recall, want_date=want_date)
        except Exception:  # trafilatura/lxml on malformed markup: treat as "no article found"
            found = None
        if found is not None and (doc is None or len(found.text or "") > len(doc.text or "")):
            doc = found
        if doc is not None and len((doc.text or "").split()) >= min_words:
            break
    if doc is None:
        return None
    return Extracted(text=doc.text or "", title=doc.title or None, sitename=doc.sitename or None,
                     date=doc.date or None, language=getattr(doc, "language", None), url=_absolute(doc.url))


def _absolute(url: str | None) -> str | None:
    """Only an absolute http(s) link counts as the page's URL."""
    return url if url and url.startswith(("http://", "https://")) else None
