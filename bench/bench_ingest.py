"""Ingest throughput: articles/s from documents to a fresh DuckDB store, with the time split pipeline vs store.

    python bench/bench_ingest.py [--copies 4] [--shared ../shared/datasets]

Inputs: the bundled sample pages, each repeated --copies times with a small edit (so ids differ), plus the
ScrapingHub benchmark pages when ../shared/datasets is present. Prints one line per figure.
"""
from __future__ import annotations

import argparse
import gzip
import tempfile
import time
from pathlib import Path

from newsgraph.config import SAMPLES_DIR, Settings, default_datasets_dir
from newsgraph.ingest.sources import input_key
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store
from newsgraph.types import RawDocument


def documents(copies: int, shared: Path) -> list[RawDocument]:
    docs = []
    for i in range(copies):
        for path in sorted((SAMPLES_DIR / "html").glob("*.html")):
            html = path.read_text().replace("</article>", f"<p>Edition {i}.</p></article>")
            docs.append(RawDocument(content=html, source=f"{path}#{i}", kind="html"))
    pages = shared / "extraction" / "scrapinghub" / "html"
    if pages.is_dir():
        for path in sorted(pages.glob("*.html.gz")):
            docs.append(RawDocument(content=gzip.decompress(path.read_bytes()), source=str(path), kind="html"))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--shared", type=Path, default=default_datasets_dir())
    parser.add_argument("--batch", type=int, default=32)
    args = parser.parse_args()
    docs = documents(args.copies, args.shared)
    pipeline = Pipeline(Settings())
    pipeline.nlp  # load the model outside the timings
    t_pipe = t_store = 0.0
    stored = 0
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.duckdb") as store:
        start = time.perf_counter()
        for i in range(0, len(docs), args.batch):
            chunk = docs[i: i + args.batch]
            t0 = time.perf_counter()
            outputs = list(pipeline.process_many(chunk))
            t1 = time.perf_counter()
            counts = store.add_batch([(input_key(d.source, d.content), d.source, o) for d, o in zip(chunk, outputs)])
            t_store += time.perf_counter() - t1
            t_pipe += t1 - t0
            stored += counts["stored"]
        total = time.perf_counter() - start
    print(f"documents              {len(docs)}")
    print(f"stored                 {stored}")
    print(f"total seconds          {total:.2f}")
    print(f"articles/s into store  {len(docs) / total:.2f}")
    print(f"pipeline seconds       {t_pipe:.2f} ({100 * t_pipe / total:.0f}%)")
    print(f"store-write seconds    {t_store:.2f} ({100 * t_store / total:.0f}%)")


if __name__ == "__main__":
    main()
