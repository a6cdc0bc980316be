"""End-to-end speed against the spaCy floor, with the time per stage.

    python bench/bench_pipeline.py [--per-set 40] [--repeat 1]

Prints: bare ``nlp.pipe`` articles/s (fresh spacy.load of the same model, on the cleaned texts), end-to-end
``Pipeline.process_many`` articles/s, their ratio, seconds per stage (clean, nlp, each extractor, assemble, store
write: ``store prepare`` turns records into rows and JSON, done by the workers in a pool; ``store write`` is
the parent's insert, batches of 16) and articles/s into the store (``ingest`` with one process, store writes
included).
"""
from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path

from texts import all_texts, english, raws

from newsgraph.config import Settings
from newsgraph.extract import ORDER
from newsgraph.extract.context import Context
from newsgraph.pipeline import Pipeline


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-set", type=int, default=40, help="texts per shared dataset (plus the 16 samples)")
    ap.add_argument("--rounds", type=int, default=2, help="alternating timing rounds; the best of each is kept")
    ap.add_argument("--repeat", type=int, default=1, help="repeat the text list this many times")
    args = ap.parse_args()
    settings = Settings.from_env()
    pipeline = Pipeline(settings)
    docs = english(raws(all_texts(args.per_set)), pipeline) * args.repeat
    pipeline.nlp  # load + warm up outside the timings
    articles = [pipeline.clean(r) for r in docs]
    texts = [a.text for a in articles]
    n, chars = len(texts), sum(map(len, texts))
    print(f"{n} articles, {chars / n:.0f} characters on average, model {settings.model}")

    import spacy

    bare_nlp = spacy.load(settings.model)
    list(bare_nlp.pipe(texts[:8]))  # warm-up
    bare = end_to_end = 0.0
    for _ in range(args.rounds):  # alternate and keep the best of each: the machine is shared
        t = time.perf_counter()
        with bare_nlp.memory_zone():
            for _ in bare_nlp.pipe(texts, batch_size=settings.batch_size):
                pass
        bare = max(bare, n / (time.perf_counter() - t))
        t = time.perf_counter()
        records = list(pipeline.process_many(docs))
        end_to_end = max(end_to_end, n / (time.perf_counter() - t))
    print(f"bare nlp.pipe:      {bare:6.2f} articles/s")
    print(f"end-to-end chain:   {end_to_end:6.2f} articles/s")
    print(f"ratio end-to-end / bare parse: {end_to_end / bare:.2f}")

    # time per stage, same texts, one pass
    stage = Counter()
    t = time.perf_counter()
    articles = [pipeline.clean(r) for r in docs]
    stage["clean"] = time.perf_counter() - t
    nlp = pipeline.nlp
    with nlp.memory_zone():
        t = time.perf_counter()
        parsed = list(nlp.pipe([a.text for a in articles], batch_size=settings.batch_size))
        stage["nlp"] = time.perf_counter() - t
        from newsgraph.assemble import assemble

        for article, doc in zip(articles, parsed):
            ctx = Context(article=article, doc=doc, settings=settings)
            events = []
            for name, module in ORDER:
                t = time.perf_counter()
                result = module.extract(ctx)
                stage[f"extract.{name}"] += time.perf_counter() - t
                if name == "events":
                    events = result
                else:
                    setattr(ctx, name, result)
            t = time.perf_counter()
            assemble(ctx, events)
            stage["assemble"] += time.perf_counter() - t
        del parsed
    from newsgraph.store import Store

    from newsgraph.store.write import prepare

    t = time.perf_counter()
    prepared = [prepare(r) for r in records]  # in a pool, the workers do this
    stage["store prepare"] = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as folder:
        with Store(Path(folder) / "bench.duckdb") as store:
            store.add_batch([("warm-up", "warm-up", prepared[0])])  # first insert imports pandas/pyarrow
            t = time.perf_counter()
            for i in range(1, len(prepared), 16):
                store.add_batch([(f"k{i + j}", f"s{i + j}", r) for j, r in enumerate(prepared[i: i + 16])])
            stage["store write"] = time.perf_counter() - t
    total = sum(stage.values())
    print("stage            seconds   share   ms/article")
    for name, secs in stage.most_common():
        print(f"{name:16s} {secs:7.2f}  {100 * secs / total:5.1f}%  {1000 * secs / n:8.1f}")

    # articles/s into the store: the real ingest loop, one process
    from newsgraph.ingest.batch import ingest

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        import json

        jsonl = folder / "in.jsonl"
        jsonl.write_text("".join(json.dumps({"text": r.content, "published": r.published}) + "\n" for r in docs))
        with Store(folder / "ingest.duckdb") as store:
            t = time.perf_counter()
            summary = ingest([str(jsonl)], store, lambda b: list(pipeline.process_many(b)), settings)
            secs = time.perf_counter() - t
    print(f"into the store (ingest, 1 process): {summary.stored} stored in {secs:.1f} s = "
          f"{summary.read / secs:.2f} articles/s")


if __name__ == "__main__":
    main()
