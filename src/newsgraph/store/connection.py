"""Opening the DuckDB file and applying versioned migrations (schema/NNN_*.sql)."""
from __future__ import annotations

from pathlib import Path

import duckdb

from ..errors import StoreError

SCHEMA_DIR = Path(__file__).parent / "schema"


def migrations() -> list[tuple[int, Path]]:
    return sorted((int(p.name.split("_", 1)[0]), p) for p in SCHEMA_DIR.glob("[0-9][0-9][0-9]_*.sql"))


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"no store at {path}; create one with 'newsgraph ingest PATH --db {path}' "
                         f"or 'newsgraph demo --db {path}'")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        raise StoreError(f"cannot open the store {path} ({exc}). Another newsgraph process may be writing to it: "
                         f"wait for it to finish, or use another --db file") from exc
    except duckdb.Error as exc:
        raise StoreError(f"cannot open the store {path} ({exc}); is it a DuckDB file?") from exc
    if not read_only:
        migrate(con)
    return con


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                "applied_at TIMESTAMP DEFAULT current_timestamp)")
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    for version, path in migrations():
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(path.read_text())
            con.execute("INSERT INTO schema_migrations (version) VALUES (?)", [version])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {path.name} failed: {exc}") from exc
