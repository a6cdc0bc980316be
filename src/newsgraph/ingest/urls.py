"""Single URLs and URL lists. A `.urls` or `.txt` file is a URL list when every non-empty line is one URL."""
from __future__ import annotations

from collections.abc import Iterator

from ..config import Settings
from ..errors import InputError
from .common import Item, doc, skip
from .single import fetch, is_url


def is_url_list(data: bytes) -> bool:
    lines = [ln.strip() for ln in data.decode("utf-8", "replace").splitlines() if ln.strip()]
    return bool(lines) and all(is_url(ln) and " " not in ln for ln in lines)


def looks_like_feed(data: bytes) -> bool:
    head = data[:2000].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head) or head.startswith((b"<rss", b"<feed"))


def read_url(url: str, settings: Settings) -> Iterator[Item]:
    """The page at ``url``; a feed URL expands to its entries."""
    try:
        data = fetch(url, settings)
    except InputError as exc:
        yield skip(url, exc.code, exc.message)
        return
    if looks_like_feed(data):
        from .feeds import read_feed

        yield from read_feed(url, data, settings)
    else:
        yield doc(url, data, url=url)


def read_url_list(data: bytes, settings: Settings) -> Iterator[Item]:
    for line in data.decode("utf-8", "replace").splitlines():
        if line.strip():
            yield from read_url(line.strip(), settings)
