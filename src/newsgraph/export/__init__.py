"""Export merged events: PLOVER JSONL (with our provenance as an extension), GDELT 2.0 TSV, CSV, GeoJSON, Parquet."""
from __future__ import annotations

from .formats import FORMATS, GDELT_COLUMNS, export

__all__ = ["FORMATS", "GDELT_COLUMNS", "export"]
