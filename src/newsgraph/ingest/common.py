"""Helpers shared by the per-kind readers: documents and skips."""
from __future__ import annotations

from ..errors import InputError
from ..types import RawDocument, Skipped
from .single import check_published

Item = RawDocument | Skipped


def doc(source: str, content: bytes | str, url: str | None = None, published: str | None = None,
        kind: str | None = None) -> RawDocument:
    """A RawDocument; a malformed container date is dropped rather than failing the document."""
    try:
        published = check_published(published)
    except InputError:
        published = None
    return RawDocument(content=content, source=source, url=url, published=published, kind=kind)


def skip(source: str, reason: str, message: str) -> Skipped:
    return Skipped(source=source, reason=reason, message=message)
