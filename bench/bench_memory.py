"""Memory over a long run: RSS of every worker (and of the parent, the store writer) sampled along the way, to
show it stays flat and under 1.5 GiB per worker.

    python bench/bench_memory.py [--n 10000] [--every 1000] [--workers 2] [--no-store]

``--workers N`` (default 2): the local process pool, exactly what ``newsgraph ingest --workers N`` runs
(batches streamed through the pool, records written to a fresh DuckDB store by this process, one transaction
per batch). ``--workers 0``: the chain in this process without a pool or store (one worker's code path).
Texts cycle through the benchmark pool (samples + shared datasets); each copy is made a distinct article.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from texts import all_texts, english, raws

from newsgraph.config import Settings
from newsgraph.ingest.batch import batches
from newsgraph.pipeline import Pipeline


def rss_mib(pid: int | str = "self") -> tuple[float, float]:
    """(current RSS, peak RSS) of a process, MiB, from /proc."""
    status = Path(f"/proc/{pid}/status").read_text().splitlines()
    fields = dict(line.split(":", 1) for line in status if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--every", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2, help="pool workers; 0 = the chain in this process")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--no-store", action="store_true", help="pool only: do not write the records to a store")
    args = ap.parse_args()
    settings = Settings.from_env()
    pipeline = Pipeline(settings)
    pool = english(raws(all_texts(100)), pipeline)
    chars = sum(len(r.content) for r in pool) / len(pool)

    def stream():
        for i in range(args.n):
            raw = pool[i % len(pool)]
            copy = i // len(pool)  # a distinct last line: every copy is a new article, as in a real crawl
            content = raw.content if not copy else f"{raw.content}\n\nUpdated edition {copy}."
            yield raw.__class__(content=content, source=f"mem:{i}", published=raw.published, kind=raw.kind)

    if args.workers == 0:
        pipeline.nlp
        pids, outputs = [], ([x] for x in pipeline.process_many(stream()))
    else:
        from newsgraph.run.local import PoolProcessor

        proc = PoolProcessor(settings, args.workers)
        proc.warm()
        pids = sorted(proc.pool._processes)
        outputs = proc.stream(batches(stream(), args.batch_size))
    print(f"{args.n} articles (cycling through {len(pool)} distinct texts, {chars:.0f} characters on average); "
          f"workers {args.workers}; models loaded: parent RSS {rss_mib()[0]:.0f} MiB, workers "
          f"{', '.join(f'{rss_mib(p)[0]:.0f}' for p in pids) or '-'} MiB")
    folder = tempfile.TemporaryDirectory()
    store = None
    if args.workers and not args.no_store:
        from newsgraph.store import Store

        store = Store(Path(folder.name) / "memory.duckdb")
    header = "   ".join(f"worker{i + 1} RSS  peak" for i in range(len(pids)))
    print(f"articles   parent RSS  peak   {header}   articles/s")
    done, t = 0, time.perf_counter()
    worker_peak = 0.0
    next_report = args.every
    for out in outputs:
        if store is not None:
            store.add_batch([(None, f"mem:{done + j}", item) for j, item in enumerate(out)])
        done += len(out)
        if done >= next_report or done == args.n:
            next_report += args.every
            now, peak = rss_mib()
            cols = []
            for pid in pids:
                w_now, w_peak = rss_mib(pid)
                worker_peak = max(worker_peak, w_peak)
                cols.append(f"{w_now:11.0f} {w_peak:5.0f}")
            print(f"{done:8d}   {now:10.0f} {peak:5.0f}   {'   '.join(cols)}   "
                  f"{done / (time.perf_counter() - t):10.2f}", flush=True)
    secs = time.perf_counter() - t
    if args.workers:
        proc.close()
    if store is not None:
        stored = store.counts()["articles"]
        store.close()
        print(f"stored {stored} articles")
    folder.cleanup()
    print(f"{done} articles in {secs / 60:.1f} min; peak RSS: parent {rss_mib()[1]:.0f} MiB"
          + (f", worker {worker_peak:.0f} MiB" if pids else ""))


if __name__ == "__main__":
    main()
