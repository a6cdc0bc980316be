"""WARC and WARC.gz files, streamed record by record with warcio (never the whole file in memory)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .common import Item, doc, skip


def read_warc(path: Path) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                number += 1
                if record.rec_type != "response":
                    continue
                mime = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if "html" not in mime.lower():
                    continue
                source = f"{path}#{number}"
                try:
                    body = record.content_stream().read()
                except Exception as exc:  # noqa: BLE001  (warcio raises many kinds on a broken record)
                    yield skip(source, "bad-warc-record", f"record {number} could not be read ({exc})")
                    continue
                date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                yield doc(source, body, url=record.rec_headers.get_header("WARC-Target-URI"), published=date,
                          kind="html")
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as exc:
        yield skip(f"{path}#{number + 1}", "bad-warc-record",
                   f"the WARC is broken after record {number} ({exc}); the records before it were read")
