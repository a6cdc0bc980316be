"""clean: RawDocument -> Article, or a typed InputError saying why the input is not an article.

detect (size, binary, encoding, HTML or text) -> html (trafilatura + htmldate) or straight to
text (line-level boilerplate filter, lexicons/boilerplate.json) -> dateline, title, publisher ->
language (py3langid) -> repeated paragraphs. See docs/cleaning.md.
"""
from __future__ import annotations

import hashlib

from ..config import Settings
from ..errors import NoArticleText
from ..types import Article, RawDocument
from . import detect, html, language, publisher, repeats, rules
from .text import clean_lines

__all__ = ["article_id", "clean"]


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its cleaned text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def clean(raw: RawDocument, settings: Settings | None = None) -> Article:
    settings = settings or Settings()
    source = raw.source
    detect.check_size(raw.content, settings.max_bytes, source)
    content = detect.to_text(raw.content, source)
    kind = raw.kind or ("html" if detect.looks_like_html(content) else "text")
    lexicon = rules.load(tuple(settings.user_lexicons))
    url = raw.url
    if kind == "html":
        found = html.extract(content, raw.url, settings.min_words, want_date=raw.published is None)
        if found is None:
            raise NoArticleText("no article text found in this HTML page; it may be truncated, a section front "
                                "or a script-only page: save the full page, or pass the article's text", source=source)
        cleaned = clean_lines(found.text, lexicon, title=found.title, take_title=False)
        name = found.sitename or cleaned.publisher
        url = url or found.url
        published = raw.published or found.date or cleaned.date
    else:
        cleaned = clean_lines(content, lexicon)
        name = cleaned.publisher
        published = raw.published or cleaned.date
    text = "\n\n".join(cleaned.paragraphs)
    count = len(text.split())
    if count < settings.min_words:
        raise NoArticleText(f"only {count} words of article text remain after cleaning (at least {settings.min_words} "
                            f"needed); the page may be truncated or not an article: pass the full page or its text",
                            source=source)
    lang = language.check(text, settings.languages, source)
    spans, start = [], 0
    for paragraph in cleaned.paragraphs:
        spans.append((start, start + len(paragraph)))
        start += len(paragraph) + 2
    return Article(
        id=article_id(text), url=url, title=cleaned.title, publisher=name or publisher.from_url(url),
        published=published, language=lang, text=text, removed=tuple(cleaned.removed),
        repeated=tuple(repeats.find(cleaned.paragraphs, spans)), dateline=cleaned.dateline, source_format=kind,
    )
