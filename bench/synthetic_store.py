"""Bulk synthetic data for query benchmarks: a store with N merged events (and their mentions, article-level
events, origins and minimal article records), generated with numpy and written as Arrow tables through
``newsgraph.store.bulk.load_arrow``. The rows are random, not real news; they only have realistic shapes.

    python bench/synthetic_store.py --events 1000000 --db /tmp/synthetic.duckdb
"""
from __future__ import annotations

import argparse
import json
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa

from newsgraph.store import Store
from newsgraph.store.bulk import load_arrow

TYPES = ["CONSULT", "AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
         "COERCE", "ASSAULT", "AID", "RETREAT", "COOPERATE", "CONCEDE"]
CODES = ["USA", "RUS", "IRN", "CHN", "UKR", "ISR", "SAU", "TUR", "PRK", "KOR", "JPN", "DEU", "FRA", "GBR", "IND",
         "PAK", "SYR", "EGY", "NGA", "NER", "BRA", "MEX", "ZAF", "IRQ", "AFG", "UNO", "EUR", "NATO"]
SECTORS = ["", " GOV", " MIL", " CVL", " BUS", " MED"]
PLACES = [(55.75, 37.62), (35.69, 51.39), (39.90, 116.40), (50.45, 30.52), (31.77, 35.21), (24.71, 46.68),
          (38.90, -77.04), (13.51, 2.11), (33.51, 36.28), (55.76, 52.05), (37.57, 126.98), (35.68, 139.69)]


def generate(n_events: int, seed: int = 7) -> dict[str, pa.Table]:
    rng = np.random.default_rng(seed)
    n_articles = max(1, n_events * 3 // 10)
    start = date(2020, 1, 1)
    art_ids = np.array([f"a{i:08x}" for i in range(n_articles)])
    art_days = rng.integers(0, 1400, n_articles)
    published = [start + timedelta(days=int(d)) for d in art_days]
    publishers = [f"Outlet {i % 400}" for i in range(n_articles)]
    ids = [f"m{i:08x}" for i in range(n_events)]
    etype = rng.integers(0, len(TYPES), n_events)
    actor, recip = rng.integers(0, len(CODES), n_events), rng.integers(0, len(CODES), n_events)
    sector_a, sector_r = rng.integers(0, len(SECTORS), n_events), rng.integers(0, len(SECTORS), n_events)
    place = rng.integers(0, len(PLACES) + 1, n_events)  # last one: no location
    n_art = np.minimum(rng.geometric(0.6, n_events), 8)
    first = rng.integers(0, n_articles, n_events)
    jitter = rng.normal(0, 0.3, (n_events, 2))
    lat = np.array([PLACES[p][0] if p < len(PLACES) else np.nan for p in place]) + jitter[:, 0]
    lon = np.array([PLACES[p][1] if p < len(PLACES) else np.nan for p in place]) + jitter[:, 1]
    dates = [published[f].isoformat() for f in first]
    merged = pa.table({
        "id": ids, "event": [TYPES[t] for t in etype], "mode": [None] * n_events, "cameo": [None] * n_events,
        "actor_codes": [[CODES[a]] for a in actor], "recipient_codes": [[CODES[r]] for r in recip],
        "actor_names": [CODES[a] + SECTORS[s] for a, s in zip(actor, sector_a)],
        "recipient_names": [CODES[r] + SECTORS[s] for r, s in zip(recip, sector_r)],
        "date": dates, "lat": pa.array(lat, mask=np.isnan(lat)), "lon": pa.array(lon, mask=np.isnan(lon)),
        "n_articles": n_art.astype("int32"), "n_outlets": n_art.astype("int32"),
        "n_origins": np.maximum(1, n_art - rng.integers(0, 2, n_events)).astype("int32"),
        "first_published": [published[f] for f in first], "first_article": art_ids[first],
        "data": [json.dumps({"event": TYPES[t], "actor": [{"code": CODES[a]}], "recipient": [{"code": CODES[r]}],
                             "date": d}) for t, a, r, d in zip(etype, actor, recip, dates)],
    })
    # mentions: the first article plus n_art - 1 others; article-level event ids e<k> within each article
    mention_merged = np.repeat(np.arange(n_events), n_art)
    mention_article = rng.integers(0, n_articles, len(mention_merged))
    mention_article[np.r_[0, np.cumsum(n_art)[:-1]]] = first
    per_article = np.zeros(n_articles, dtype=np.int64)
    event_ids = []
    for a in mention_article:
        per_article[a] += 1
        event_ids.append(f"e{per_article[a]}")
    mentions = pa.table({"merged_id": [ids[m] for m in mention_merged], "article_id": art_ids[mention_article],
                         "event_id": event_ids})
    events = pa.table({"article_id": art_ids[mention_article], "id": event_ids,
                       "event": [TYPES[etype[m]] for m in mention_merged],
                       "origin_name": [f"Outlet {a % 400}" for a in mention_article],
                       "origin_kind": ["publisher"] * len(event_ids), "origin_code": [None] * len(event_ids)})
    records = [json.dumps({"events": [{"id": f"e{k + 1}", "text": "A synthetic sentence.", "text_info":
                                       {"start": 0, "end": 21}, "event_text": "met", "certainty": "asserted",
                                       "attribution": None} for k in range(per_article[i])], "attributions": []})
               for i in range(n_articles)]
    articles = pa.table({"id": art_ids, "url": [None] * n_articles, "title": [f"Synthetic {i}" for i in range(n_articles)],
                         "publisher": publishers, "published": published, "language": ["en"] * n_articles,
                         "text": ["A synthetic sentence."] * n_articles, "record": records})
    origins = pa.table({"merged_id": [ids[m] for m in mention_merged], "name": [f"Outlet {a % 400}" for a in
                                                                               mention_article],
                        "kind": ["publisher"] * len(mention_merged), "code": [None] * len(mention_merged)})
    return {"articles": articles, "events": events, "merged_events": merged, "merged_event_mentions": mentions,
            "origins": origins}


def build(db: Path, n_events: int) -> dict[str, int]:
    tables = generate(n_events)
    with Store(db) as store:
        counts = {name: load_arrow(store, name, table) for name, table in tables.items()}
        store.rebuild_derived()  # merged events' lists and rank (replace_links does it when linking)
        return counts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, required=True)
    args = ap.parse_args()
    t = time.perf_counter()
    print(build(args.db, args.events), f"in {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
