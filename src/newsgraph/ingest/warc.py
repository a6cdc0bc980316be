"""WARC and WARC.gz files, streamed record by record with warcio."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..types import Skipped


def read_warc(path: Path) -> Iterator[tuple]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .sources import _doc, _skip

    number = 0
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                number += 1
                if record.rec_type != "response":
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                mime = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if "html" not in mime.lower():
                    continue
                source = f"{path}#{number}"
                try:
                    body = record.content_stream().read()
                except Exception as exc:  # noqa: BLE001  (warcio raises many kinds on a broken record)
                    yield _skip(source, "bad-warc-record", f"record {number} could not be read ({exc})")
                    continue
                date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                yield _doc(source, body, url=uri, published=date, kind="html")
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as exc:
        yield f"{path}#broken-{number}", Skipped(source=f"{path}#{number + 1}", reason="bad-warc-record",
                                                 message=f"the WARC is broken after record {number} ({exc}); "
                                                         f"the records before it were read")
