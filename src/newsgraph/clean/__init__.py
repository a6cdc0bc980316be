"""clean: RawDocument -> Article (or a typed InputError saying why not).

Placeholder: being written (detect encoding/binary/kind, HTML via trafilatura+htmldate, scraped text
via the line-level boilerplate filter, repeated paragraphs, dateline, title and publisher, language).
"""
from __future__ import annotations

import hashlib

from ..config import Settings
from ..errors import EmptyInput
from ..types import Article, RawDocument


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def clean(raw: RawDocument, settings: Settings | None = None) -> Article:
    content = raw.content.decode("utf-8", "replace") if isinstance(raw.content, bytes) else raw.content
    text = content.strip()
    if not text:
        raise EmptyInput("the input is empty; give a news page or its text", source=raw.source)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    title = lines[0] if lines else None
    return Article(id=article_id(text), url=raw.url, title=title, publisher=None, published=raw.published,
                   language="en", text=text)
