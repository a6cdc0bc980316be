"""Articles/s with 1 and 2 workers: the local process pool (model load excluded: workers are warmed first) and
Ray (1 and 2 actors on a local Ray with 2 CPUs; wall time of the whole sharded run, actor start-up included).

    python bench/bench_workers.py [--n 96] [--engines local,ray]
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from texts import all_texts, english, raws

from newsgraph.config import Settings
from newsgraph.pipeline import Pipeline
from newsgraph.run import shards
from newsgraph.run.local import processor


def local(docs, settings, workers: int, batch_size: int) -> float:
    proc = processor(settings, workers)
    try:
        proc.warm()  # start every worker and load its model
        t = time.perf_counter()
        n = sum(len(out) for out in proc.stream(docs[i: i + batch_size] for i in range(0, len(docs), batch_size)))
        return n / (time.perf_counter() - t)
    finally:
        proc.close()


def ray_rate(docs, settings, actors: int, batch_size: int) -> float:
    from newsgraph.run import ray_runner

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        inputs = folder / "in"
        inputs.mkdir()
        per = -(-len(docs) // 4)
        for i in range(4):  # four JSONL shards
            (inputs / f"part-{i}.jsonl").write_text("".join(
                json.dumps({"text": d.content, "published": d.published}) + "\n" for d in docs[i * per:(i + 1) * per]))
        t = time.perf_counter()
        summary = ray_runner.run(shards.plan([str(inputs)]), folder / "out", settings, num_actors=actors,
                                 cpus_per_actor=0.5, batch_size=batch_size)
        return summary["rows"] / (time.perf_counter() - t)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=96)
    ap.add_argument("--engines", default="local,ray")
    ap.add_argument("--batch-size", type=int, default=8)
    args = ap.parse_args()
    settings = Settings.from_env()
    pool = english(raws(all_texts(40)), Pipeline(settings))
    docs = [pool[i % len(pool)] for i in range(args.n)]
    print(f"{len(docs)} articles, {os.cpu_count()} CPUs")
    if "local" in args.engines:
        one, two = local(docs, settings, 1, args.batch_size), local(docs, settings, 2, args.batch_size)
        print(f"local  1 worker: {one:6.2f} articles/s   2 workers: {two:6.2f} articles/s   ratio 2/1: {two / one:.2f}")
    if "ray" in args.engines:
        import ray

        os.environ.setdefault("RAY_AUTH_MODE", "disabled")
        ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
        one, two = ray_rate(docs, settings, 1, args.batch_size), ray_rate(docs, settings, 2, args.batch_size)
        print(f"ray    1 actor:  {one:6.2f} articles/s   2 actors:  {two:6.2f} articles/s   ratio 2/1: {two / one:.2f}")
        ray.shutdown()


if __name__ == "__main__":
    main()
