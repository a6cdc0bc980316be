"""JSONL files: one document per line with `text` or `html`, plus optional `url` and `published`."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from .common import Item, doc, skip


def read_jsonl(path: Path, data: bytes) -> Iterator[Item]:
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield skip(source, "bad-jsonl", f"line {number} is not JSON ({exc.msg}); fix or remove the line")
            continue
        if not isinstance(row, dict) or not (row.get("text") or row.get("html")):
            yield skip(source, "bad-jsonl", f"line {number} has no 'text' or 'html' field")
            continue
        kind = "html" if row.get("html") else "text"
        yield doc(source, row.get("html") or row.get("text"), row.get("url"), row.get("published"), kind)
