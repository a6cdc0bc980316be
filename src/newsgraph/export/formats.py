"""The export formats: name -> (writer, needs a binary stream)."""
from __future__ import annotations

import io

from . import flat, gdelt, plover

GDELT_COLUMNS = gdelt.COLUMNS
FORMATS = {"plover-jsonl": (plover.write, False), "gdelt-tsv": (gdelt.write, False), "csv": (flat.write_csv, False),
           "geojson": (flat.write_geojson, False), "parquet": (flat.write_parquet, True)}


def export(events: list[dict], fmt: str, out) -> None:
    """Write merged events (Store.query_events or Store.get_event dicts) in ``fmt`` to ``out``."""
    writer, binary = FORMATS[fmt]
    if binary and isinstance(out, io.TextIOBase):
        raise ValueError("parquet needs a binary stream or a file path")
    writer(events, out)
