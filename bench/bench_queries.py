"""p50/p95 latency of the main store queries over a synthetic store of N merged events (default 1M).

    python bench/bench_queries.py [--events 1000000] [--db /tmp/synthetic-1m.duckdb] [--runs 30] [--no-upgrade]

The store is generated once by bench/synthetic_store.py (reused when --db already exists; a store from before
migration 003 is upgraded first unless --no-upgrade, which measures the older per-page join path). Columns: wall-clock
p50/p95, and the median CPU time of the process (all DuckDB threads), steadier than wall time on a shared machine.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from synthetic_store import build

from newsgraph.store import Store
from newsgraph.types import EventFilter

FILTERS = {
    "no filter": EventFilter(),
    "actor=IRN": EventFilter(actor="IRN"),
    "actor='RUS GOV'": EventFilter(actor="RUS GOV"),
    "recipient=UKR": EventFilter(recipient="UKR"),
    "type=SANCTION": EventFilter(type="SANCTION"),
    "since/until 2022": EventFilter(since="2022-01-01", until="2022-12-31"),
    "near Moscow 100 km": EventFilter(near=(55.75, 37.62), radius_km=100),
    "min_origins=3": EventFilter(min_origins=3),
    "actor+type+since": EventFilter(actor="USA", type="SANCTION", since="2022-06-01"),
}


def timed(fn, runs: int) -> tuple[float, float, float]:
    fn()  # warm
    samples, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        samples.append(1000 * (time.perf_counter() - t))
        cpu.append(1000 * (time.process_time() - c))
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(0.95 * len(samples)))], statistics.median(cpu)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--no-upgrade", action="store_true", help="do not apply missing migrations to --db")
    args = ap.parse_args()
    db = args.db or Path(f"/tmp/newsgraph-synthetic-{args.events}.duckdb")
    if not db.exists():
        t = time.perf_counter()
        counts = build(db, args.events)
        print(f"built {db}: {counts} in {time.perf_counter() - t:.1f} s")
    if not args.no_upgrade:
        Store(db).close()  # a store from before migration 003 is upgraded once (read-only opens do not migrate)
    with Store(db, read_only=True) as store:
        n = store.count_events(EventFilter())
        ids = [r[0] for r in store.sql("SELECT id FROM merged_events USING SAMPLE 200 ROWS")[1]]
        print(f"{n} merged events in {db} (derived columns: {store.derived}); {args.runs} runs each; milliseconds")
        print(f"{'query':42s} {'p50':>8s} {'p95':>8s} {'cpu p50':>8s}")
        for name, f in FILTERS.items():
            p50, p95, cpu = timed(lambda f=f: store.query_events(f, limit=50), args.runs)
            print(f"{'query_events ' + name:42s} {p50:8.1f} {p95:8.1f} {cpu:8.1f}")
        for name, f in FILTERS.items():
            p50, p95, cpu = timed(lambda f=f: store.count_events(f), args.runs)
            print(f"{'count_events ' + name:42s} {p50:8.1f} {p95:8.1f} {cpu:8.1f}")
        rng = random.Random(1)
        p50, p95, cpu = timed(lambda: store.get_event(rng.choice(ids)), args.runs)
        print(f"{'get_event (random id)':42s} {p50:8.1f} {p95:8.1f} {cpu:8.1f}")


if __name__ == "__main__":
    main()
