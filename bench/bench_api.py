"""Load test of GET /api/events on a store of >= 100k merged events (synthetic), over loopback.

    python bench/bench_api.py [--events 100000] [--db /tmp/newsgraph-bench-api.duckdb] [--requests 3000]
                              [--concurrency 8] [--seconds 60] [--limit 20]

Builds the store once (reused when it already holds enough events), starts `newsgraph serve` on 127.0.0.1 and a
free port, sends a bounded number of requests (stops at --requests or --seconds, whichever first) with a mix of
filters and pages, and prints p50/p99 latency, the achieved requests/s and the server's CPU time per request (user +
system time of the server process over the run: steadier than requests/s on a machine shared with other work).
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_api_support import start_server, stop_server  # noqa: E402

TYPES = ["AGREE", "ASSAULT", "AID", "ACCUSE", "CONSULT", "COERCE", "COOPERATE", "DEMAND", "MOBILIZE", "PROTEST",
         "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN", "CONCEDE", "INVESTIGATE"]
ACTORS = ["USA", "RUS", "IRN", "CHN", "UKR", "TUR", "SAU", "ISR", "PRK", "KOR", "JPN", "FRA", "DEU", "GBR", "IND"]
OUTLETS = ["Northwind Wire", "The Meridian Ledger", "Harbor Post", "DailyBuzzHub", "Atlas Daily", "Coastline Times"]


def synthetic_store(path: Path, n_events: int, n_articles: int = 2000, seed: int = 7) -> None:
    """Write synthetic articles and merged events through the Store's public methods (add_records, replace_links)."""
    import json

    from newsgraph.store import Store
    from newsgraph.types import Article, ArticleRecord

    rng = random.Random(seed)
    articles = []
    for i in range(n_articles):
        day = f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        articles.append(ArticleRecord(article=Article(
            id=f"bench{i:011d}", url=f"https://bench.example/{i}", title=f"Synthetic article {i}",
            publisher=rng.choice(OUTLETS), published=day, language="en", text=f"Synthetic article number {i}.")))
    merged, mentions, origins = [], [], []
    for i in range(n_events):
        kind, actor, recipient = rng.choice(TYPES), rng.choice(ACTORS), rng.choice(ACTORS)
        lat, lon = rng.uniform(-50, 65), rng.uniform(-120, 140)
        date = f"20{rng.randint(20, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        picked = rng.sample(range(n_articles), rng.randint(1, 3))
        mid = f"M{i:012x}"
        data = {"id": "E1", "event": kind, "mode": None, "context": [], "cameo": None,
                "actor": [{"text": actor, "name": actor, "code": actor, "sector": "GOV", "actor_id": "A1"}],
                "recipient": [{"text": recipient, "name": recipient, "code": recipient, "sector": None,
                               "actor_id": "A2"}],
                "event_loc": {"text": "somewhere", "name": f"Place {i % 500}", "geonameid": None,
                              "country_code": None, "lat": lat, "lon": lon, "inferred": False},
                "date": date, "date_precision": "day", "event_text": "did", "text": f"Synthetic event {i}.",
                "text_info": {"start": 0, "end": 10}, "certainty": "asserted", "attribution": None,
                "mentions": [{"start": 0, "end": 3}], "extractor": "bench", "negated": False}
        n_origins = rng.randint(1, len(picked))
        merged.append((mid, kind, None, None, [actor], [recipient], f"{actor} GOV {actor}", f"{recipient} {recipient}",
                       date, lat, lon, len(picked), len(picked), n_origins, date, f"bench{picked[0]:011d}",
                       json.dumps(data)))
        mentions.extend((mid, f"bench{a:011d}", "E1") for a in picked)
        origins.extend((mid, f"origin {rng.randint(0, 300)}-{k}", "outlet", None) for k in range(n_origins))
    with Store(path) as store:
        store.add_records(articles)
        store.replace_links([(a.article.id, f"S{i % 500}") for i, a in enumerate(articles)], merged, mentions, origins)


def ensure_store(path: Path, n_events: int) -> None:
    from newsgraph.store import Store
    from newsgraph.types import EventFilter

    if path.exists():
        with Store(path) as store:  # read-write: applies any missing migration before the server starts
            if store.count_events(EventFilter()) >= n_events:
                return
        path.unlink()
    t0 = time.perf_counter()
    synthetic_store(path, n_events)
    print(f"built {path} with {n_events} merged events in {time.perf_counter() - t0:.1f} s")


def queries(limit: int):
    rng = random.Random(11)
    while True:
        params = {"limit": limit, "offset": rng.choice([0, 0, 20, 100, 1000])}
        choice = rng.randrange(5)
        if choice == 1:
            params["type"] = rng.choice(TYPES)
        elif choice == 2:
            params["actor"] = rng.choice(ACTORS)
        elif choice == 3:
            params["min_origins"] = 2
        elif choice == 4:
            params.update(since="2023-01-01", until="2023-06-30")
        yield params


async def load(base: str, n: int, concurrency: int, seconds: float, limit: int) -> tuple[list[float], int, float]:
    latencies, errors = [], 0
    gen = queries(limit)
    deadline = time.perf_counter() + seconds
    sent = 0

    async def worker(client: httpx.AsyncClient):
        nonlocal sent, errors
        while sent < n and time.perf_counter() < deadline:
            sent += 1
            t0 = time.perf_counter()
            r = await client.get("/api/events", params=next(gen))
            latencies.append(time.perf_counter() - t0)
            errors += r.status_code != 200

    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        for _ in range(20):  # warm up
            await client.get("/api/events", params={"limit": limit})
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        return latencies, errors, time.perf_counter() - t0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/newsgraph-bench-api.duckdb"))
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--limit", type=int, default=20, help="page size of each request")
    args = ap.parse_args()
    ensure_store(args.db, args.events)
    proc, base = start_server(args.db)
    try:
        cpu0 = cpu_seconds(proc.pid)
        lat, errors, elapsed = asyncio.run(load(base, args.requests, args.concurrency, args.seconds, args.limit))
        cpu = cpu_seconds(proc.pid) - cpu0  # includes the 20 warm-up requests
    finally:
        stop_server(proc)
    lat.sort()
    pct = lambda p: lat[min(len(lat) - 1, int(p / 100 * len(lat)))] * 1000  # noqa: E731
    print(f"store: {args.db} (>= {args.events} merged events); page size {args.limit}; concurrency {args.concurrency}")
    print(f"requests: {len(lat)} in {elapsed:.1f} s, errors: {errors}")
    print(f"achieved: {len(lat) / elapsed:.1f} req/s · p50 {pct(50):.1f} ms · p90 {pct(90):.1f} ms · p99 {pct(99):.1f} ms")
    print(f"server CPU: {1000 * cpu / (len(lat) + 20):.1f} ms per request ({cpu:.1f} s over the run; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
