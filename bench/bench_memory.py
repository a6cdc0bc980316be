"""Peak RSS of one worker (the whole chain in one process, exactly what each pool worker or Ray actor runs) over
a long run, with RSS sampled along the way to show it stays flat.

    python bench/bench_memory.py [--n 10000] [--every 1000]
"""
from __future__ import annotations

import argparse
import time

from texts import all_texts, english, raws

from newsgraph.config import Settings
from newsgraph.pipeline import Pipeline


def rss_mib() -> tuple[float, float]:
    """(current RSS, peak RSS) of this process, MiB, from /proc."""
    fields = dict(line.split(":", 1) for line in open("/proc/self/status").read().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--every", type=int, default=1000)
    args = ap.parse_args()
    pipeline = Pipeline(Settings.from_env())
    pool = english(raws(all_texts(100)), pipeline)
    pipeline.nlp
    print(f"{args.n} articles (cycling through {len(pool)} distinct texts); model loaded: "
          f"RSS {rss_mib()[0]:.0f} MiB")

    def stream():
        for i in range(args.n):
            raw = pool[i % len(pool)]
            yield raw.__class__(content=raw.content, source=f"mem:{i}", published=raw.published, kind=raw.kind)

    t = time.perf_counter()
    print("articles   RSS MiB   peak MiB   articles/s")
    for done, _ in enumerate(pipeline.process_many(stream()), start=1):
        if done % args.every == 0 or done == args.n:
            now, peak = rss_mib()
            print(f"{done:8d}   {now:7.0f}   {peak:8.0f}   {done / (time.perf_counter() - t):8.2f}", flush=True)
    print(f"peak RSS of the worker: {rss_mib()[1]:.0f} MiB")


if __name__ == "__main__":
    main()
