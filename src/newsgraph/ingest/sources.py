"""Expand ingest arguments into documents: (input key, RawDocument | Skipped) pairs, streamed.

Directories (recursive .html/.htm/.txt), WARC/WARC.gz (warcio, streamed), RSS/Atom feeds (feedparser), JSONL
(`text` or `html`, `url`, `published`), lists of URLs, and single URLs. The key (where + content hash) lets a
rerun skip inputs already processed before any parsing.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from ..errors import InputError
from ..types import RawDocument, Skipped
from .single import check_published, fetch, is_url

PAGE_SUFFIXES = {".html", ".htm", ".txt"}
Item = tuple[str, RawDocument | Skipped]


def input_key(source: str, content: bytes | str) -> str:
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return f"{source}#{hashlib.sha1(data).hexdigest()[:16]}"


def _skip(source: str, reason: str, message: str) -> Item:
    return f"{source}#{reason}", Skipped(source=source, reason=reason, message=message)


def _doc(source: str, content, url=None, published=None, kind=None) -> Item:
    try:
        published = check_published(published)
    except InputError:
        published = None
    return input_key(source, content), RawDocument(content=content, source=source, url=url, published=published,
                                                   kind=kind)


def _is_url_list(data: bytes) -> bool:
    lines = [ln.strip() for ln in data.decode("utf-8", "replace").splitlines() if ln.strip()]
    return bool(lines) and all(is_url(ln) and " " not in ln for ln in lines)


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2000].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head) or head.startswith((b"<rss", b"<feed"))


def from_path(path: Path, settings: Settings) -> Iterator[Item]:
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        from .warc import read_warc

        yield from read_warc(path)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield _skip(str(path), "unreadable", f"cannot read the file ({exc.strerror}); check its permissions")
        return
    if name.endswith((".jsonl", ".ndjson")):
        yield from from_jsonl(path, data)
    elif name.endswith((".rss", ".atom", ".xml")) or _looks_like_feed(data):
        from .feeds import read_feed

        yield from read_feed(str(path), data, settings)
    elif name.endswith((".urls", ".txt")) and _is_url_list(data):
        for line in data.decode("utf-8", "replace").splitlines():
            if line.strip():
                yield from from_url(line.strip(), settings)
    else:
        yield _doc(str(path), data, kind="html" if name.endswith((".html", ".htm")) else None)


def from_jsonl(path: Path, data: bytes) -> Iterator[Item]:
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _skip(source, "bad-jsonl", f"line {number} is not JSON ({exc.msg}); fix or remove the line")
            continue
        if not isinstance(row, dict) or not (row.get("text") or row.get("html")):
            yield _skip(source, "bad-jsonl", f"line {number} has no 'text' or 'html' field")
            continue
        kind = "html" if row.get("html") else "text"
        yield _doc(source, row.get("html") or row.get("text"), row.get("url"), row.get("published"), kind)


def from_url(url: str, settings: Settings) -> Iterator[Item]:
    try:
        data = fetch(url, settings)
    except InputError as exc:
        yield _skip(url, exc.code, exc.message)
        return
    if _looks_like_feed(data):
        from .feeds import read_feed

        yield from read_feed(url, data, settings)
    else:
        yield _doc(url, data, url=url)


def expand(inputs: list[str], settings: Settings) -> Iterator[Item]:
    """Every document named by the inputs, in a stable order."""
    for item in inputs:
        if is_url(item):
            yield from from_url(item, settings)
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in PAGE_SUFFIXES | {".jsonl", ".ndjson", ".warc", ".gz", ".rss", ".atom",
                                                             ".xml", ".urls"}:
                    if child.suffix.lower() == ".gz" and not child.name.lower().endswith(".warc.gz"):
                        continue
                    yield from from_path(child, settings)
        elif path.exists():
            yield from from_path(path, settings)
        else:
            yield _skip(item, "not-found", "no such file or directory; check the path")
