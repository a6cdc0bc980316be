"""Read one SOURCE (a file path, an http(s) URL, or "-" for stdin) into a RawDocument."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from ..config import Settings
from ..errors import EmptyInput, FetchError, InputError, TooLarge
from ..types import RawDocument


def check_published(published: str | None) -> str | None:
    """Validate a YYYY-MM-DD publication date given by the user."""
    if published is None or published == "":
        return None
    try:
        return dt.date.fromisoformat(str(published)[:10]).isoformat()
    except ValueError as exc:
        raise InputError(f"published date '{published}' is not YYYY-MM-DD; give it as e.g. 2023-02-06") from exc


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch(url: str, settings: Settings) -> bytes:
    """GET a page, capped at settings.max_bytes."""
    import httpx

    try:
        with httpx.stream("GET", url, timeout=settings.fetch_timeout, follow_redirects=True,
                          headers={"User-Agent": "newsgraph/0.1 (+https://pypi.org/project/newsgraph)"}) as resp:
            if resp.status_code >= 400:
                raise FetchError(f"the server answered HTTP {resp.status_code}; check the URL", source=url)
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > settings.max_bytes:
                    raise TooLarge(f"the page is larger than {settings.max_bytes} bytes; "
                                   f"raise NEWSGRAPH_MAX_BYTES if you really want it", source=url)
                chunks.append(chunk)
            return b"".join(chunks)
    except httpx.HTTPError as exc:
        raise FetchError(f"could not fetch the page ({type(exc).__name__}: {exc}); "
                         f"check the URL and your network, or save the page and pass the file", source=url) from exc


def read_source(source: str, url: str | None = None, published: str | None = None,
                settings: Settings | None = None) -> RawDocument:
    settings = settings or Settings.from_env()
    published = check_published(published)
    if source == "-":
        content = sys.stdin.buffer.read(settings.max_bytes + 1)
    elif is_url(source):
        content = fetch(source, settings)
        url = url or source
    else:
        path = Path(source)
        if not path.exists():
            raise InputError("no such file; give a path, an http(s) URL or '-' for stdin", source=source)
        if path.is_dir():
            raise InputError("this is a directory; extract takes one page (use 'newsgraph ingest' for folders)",
                             source=source)
        try:
            size = path.stat().st_size
            if size > settings.max_bytes:
                raise TooLarge(f"the file is {size} bytes, over the {settings.max_bytes}-byte limit; "
                               f"raise NEWSGRAPH_MAX_BYTES if you really want it", source=source)
            content = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read the file ({exc.strerror}); check its permissions", source=source) from exc
    if len(content) > settings.max_bytes:
        raise TooLarge(f"the input is over the {settings.max_bytes}-byte limit; "
                       f"raise NEWSGRAPH_MAX_BYTES if you really want it", source=source)
    if not content.strip():
        raise EmptyInput("the input is empty; give a news page or its text", source=source)
    return RawDocument(content=content, source=source, url=url, published=published)
