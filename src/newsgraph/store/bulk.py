"""Bulk loads of whole Arrow tables (benchmarks, synthetic stores, imports): one transaction per call."""
from __future__ import annotations

from ..errors import StoreError

TABLES = {"articles", "actors", "places", "times", "events", "attributions", "quotes", "quantities", "stories",
          "merged_events", "merged_event_mentions", "origins", "inputs", "skips"}


def load_arrow(store, table: str, data) -> int:
    """Append a pyarrow Table to a store table, matching columns by name. Returns the number of rows."""
    if table not in TABLES:
        raise StoreError(f"unknown table '{table}'; one of {', '.join(sorted(TABLES))}")
    columns = ", ".join(f'"{c}"' for c in data.column_names)

    def work():
        store.con.register("newsgraph_bulk", data)
        try:
            store.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM newsgraph_bulk")
        finally:
            store.con.unregister("newsgraph_bulk")

    store._transaction(work)
    return data.num_rows
