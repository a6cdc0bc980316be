"""newsgraph eval extraction: the cleaner on the ScrapingHub article-extraction benchmark.

Scored the benchmark's own way (scrapinghub/article-extraction-benchmark, evaluate.py): tokens are the
regex ``\\w+`` matches of the text (case kept), shingles are word 4-grams (a text shorter than four
tokens is one shorter shingle), counted as multisets. Per page, TP/FP/FN are the shingle-count overlaps
normalised by their sum; precision is averaged over pages with a non-empty prediction-or-match (tp+fp>0),
recall over pages with tp+fn>0, and F1 is the harmonic mean of the two averages. A page where the
extractor produced nothing (or raised) has an empty prediction: recall 0, no precision entry.
Bare ``trafilatura.extract(html)`` with default options is scored beside ours on the same pages in the same run.
The benchmark is multilingual and has a few very short pages, so the cleaner runs here with its language
gate and its article-length floor switched off (``languages=()``, ``min_words=1``), so no page is silently
zeroed; the result counts (and names) the pages the production gates (``Settings.languages``,
``Settings.min_words``) would have refused, and every page where a system produced nothing.
"""
from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from pathlib import Path

from ..errors import DataError, InputError

_TOKEN = re.compile(r"\w+")
NGRAM = 4


def shingles(text: str | None, n: int = NGRAM) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def match(true: str | None, pred: str | None) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp, fp, fn) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp, fp, fn) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def metrics(counts: list[tuple[float, float, float]]) -> dict:
    ps = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def load(data: Path) -> tuple[dict, Path]:
    data = Path(data)
    truth_path, html_dir = data / "ground-truth.json", data / "html"
    if not truth_path.is_file() or not html_dir.is_dir():
        raise DataError(f"no ScrapingHub benchmark at {data} (need ground-truth.json and html/<id>.html.gz); "
                        f"pass --data FOLDER or set NEWSGRAPH_DATASETS")
    try:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"cannot read {truth_path} ({exc}); pass --data with an intact benchmark folder") from exc
    return truth, html_dir


def _ours(raw_bytes: bytes, key: str, url: str | None, settings) -> str | None:
    from ..clean import clean
    from ..types import RawDocument

    try:
        return clean(RawDocument(content=raw_bytes, source=key, url=url, kind="html"), settings).text
    except InputError:
        return None


def _bare(html: str) -> str | None:
    import trafilatura

    try:
        return trafilatura.extract(html)
    except Exception:  # count as a failure, as the benchmark would see an empty body
        return None


def evaluate(data: Path, limit: int | None = None) -> dict:
    from ..clean.language import detect as detect_language
    from ..config import Settings

    truth, html_dir = load(data)
    production = Settings.from_env()
    settings = production.with_(languages=(), min_words=1)
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    systems = {"newsgraph": [], "trafilatura": []}
    failed = {"newsgraph": 0, "trafilatura": 0}
    seconds = {"newsgraph": 0.0, "trafilatura": 0.0}
    missing = 0
    scored: list[str] = []  # page keys in scoring order
    failures: dict[str, list[str]] = {"newsgraph": [], "trafilatura": []}
    gated: dict[str, list[str]] = {"not_english": [], "too_short": []}
    for key in keys:
        path = html_dir / f"{key}.html.gz"
        if not path.is_file():
            missing += 1
            continue
        raw_bytes = gzip.decompress(path.read_bytes())
        gold = truth[key].get("articleBody", "")
        started = time.perf_counter()
        ours = _ours(raw_bytes, key, truth[key].get("url"), settings)
        seconds["newsgraph"] += time.perf_counter() - started
        if ours and production.languages and detect_language(ours)[0] not in production.languages:
            gated["not_english"].append(key)
        elif ours and len(ours.split()) < production.min_words:
            gated["too_short"].append(key)
        started = time.perf_counter()
        bare = _bare(raw_bytes.decode("utf-8", "replace"))
        scored.append(key)
        seconds["trafilatura"] += time.perf_counter() - started
        for name, pred in (("newsgraph", ours), ("trafilatura", bare)):
            if not (pred or "").strip():
                failed[name] += 1
                failures[name].append(key)
            systems[name].append(match(gold, pred))
    if not systems["newsgraph"]:
        raise DataError(f"no pages of {data} could be read; pass --data with html/<id>.html.gz files")
    refused = set(gated["not_english"]) | set(gated["too_short"])
    kept = [i for i, key in enumerate(scored) if key not in refused]
    return {
        "dataset": str(data),
        "pages": len(systems["newsgraph"]),
        "missing_html": missing,
        "not_english_pages": len(gated["not_english"]),
        "production_gates": {
            "note": "pages scored here that `newsgraph extract` would refuse (language gate, min_words)",
            "not_english": gated["not_english"], "too_short": gated["too_short"]},
        "failures": failures,
        "method": "word 4-gram shingles (\\w+ tokens), per-page P/R averaged (scrapinghub/article-extraction-benchmark)",
        "systems": {name: {**metrics(counts), "failed_pages": failed[name],
                           "seconds": round(seconds[name], 2),
                           "gated_pages_only": {"pages": len(kept), **metrics([counts[i] for i in kept])}}
                    for name, counts in systems.items()},
    }


def render(result: dict, console) -> None:
    from rich.table import Table

    table = Table(title=f"Article extraction, ScrapingHub benchmark ({result['pages']} pages)")
    for column in ("system", "precision", "recall", "F1", "failed pages", "seconds"):
        table.add_column(column, justify="left" if column == "system" else "right")
    for name, m in result["systems"].items():
        table.add_row(name, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}",
                      str(m["failed_pages"]), f"{m['seconds']:.1f}")
    console.print(table)
    kept = {name: m["gated_pages_only"] for name, m in result["systems"].items()}
    console.print("Only the pages production would accept: " + "; ".join(
        f"{name} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f} ({m['pages']} pages)"
        for name, m in kept.items()))
    gates = result["production_gates"]
    console.print(f"[dim]{result['method']}.[/]")
    console.print(f"Language gate and length floor off here; in production {len(gates['not_english'])} pages would be "
                  f"refused as not English and {len(gates['too_short'])} as too short.")
    for name, keys in result["failures"].items():
        shown = ", ".join(keys[:10]) + (" ..." if len(keys) > 10 else "")
        console.print(f"{name}: {len(keys)} pages with no text" + (f" ({shown})" if keys else ""))
