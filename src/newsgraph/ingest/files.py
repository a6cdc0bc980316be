"""Files and directories: each file is dispatched by its name and content to the reader of its kind."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from .common import Item, doc, skip

PAGE_SUFFIXES = {".html", ".htm", ".txt"}
CONTAINER_SUFFIXES = {".jsonl", ".ndjson", ".warc", ".gz", ".rss", ".atom", ".xml", ".urls"}


def read_file(path: Path, settings: Settings) -> Iterator[Item]:
    from .feeds import read_feed
    from .jsonl import read_jsonl
    from .urls import is_url_list, looks_like_feed, read_url_list
    from .warc import read_warc

    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        yield from read_warc(path)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield skip(str(path), "unreadable", f"cannot read the file ({exc.strerror}); check its permissions")
        return
    if name.endswith((".jsonl", ".ndjson")):
        yield from read_jsonl(path, data)
    elif name.endswith((".rss", ".atom", ".xml")) or looks_like_feed(data):
        yield from read_feed(str(path), data, settings)
    elif name.endswith((".urls", ".txt")) and is_url_list(data):
        yield from read_url_list(data, settings)
    else:
        yield doc(str(path), data, kind="html" if name.endswith((".html", ".htm")) else None)


def read_directory(folder: Path, settings: Settings) -> Iterator[Item]:
    """Every readable file below ``folder``, recursively, in sorted order."""
    for child in sorted(p for p in folder.rglob("*") if p.is_file()):
        suffix = child.suffix.lower()
        if suffix == ".gz" and not child.name.lower().endswith(".warc.gz"):
            continue
        if suffix in PAGE_SUFFIXES | CONTAINER_SUFFIXES:
            yield from read_file(child, settings)
