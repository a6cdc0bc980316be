"""Expand ingest arguments into documents: (input key, RawDocument | Skipped) pairs, streamed.

One reader per kind: ``files`` (directories and files), ``warc``, ``feeds``, ``jsonl``, ``urls``. The key (where +
content hash) lets a rerun skip inputs already processed before any parsing.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from ..types import RawDocument, Skipped
from .common import skip
from .files import PAGE_SUFFIXES, read_directory, read_file
from .single import is_url
from .urls import read_url

__all__ = ["PAGE_SUFFIXES", "RETRY_REASONS", "expand", "input_key", "key_of"]

Keyed = tuple[str, RawDocument | Skipped]
# skips that may pass on their own (network, a missing or locked file): retried on the next run
RETRY_REASONS = {"fetch-failed", "not-found", "unreadable"}


def input_key(source: str, content: bytes | str) -> str:
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return f"{source}#{hashlib.sha1(data).hexdigest()[:16]}"


def key_of(item: RawDocument | Skipped) -> str:
    if isinstance(item, Skipped):
        return f"{item.source}#{item.reason}"
    return input_key(item.source, item.content)


def _items(inputs: list[str], settings: Settings) -> Iterator[RawDocument | Skipped]:
    for item in inputs:
        path = Path(item)
        if is_url(item):
            yield from read_url(item, settings)
        elif path.is_dir():
            yield from read_directory(path, settings)
        elif path.exists():
            yield from read_file(path, settings)
        else:
            yield skip(item, "not-found", "no such file or directory; check the path")


def expand(inputs: list[str], settings: Settings) -> Iterator[Keyed]:
    """Every document named by the inputs, in a stable order, with its input key."""
    for item in _items(inputs, settings):
        yield key_of(item), item
