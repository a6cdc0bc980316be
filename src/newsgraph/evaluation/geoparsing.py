"""newsgraph eval geoparsing: GeoWebNews and LGL, with gold spans and end to end, beside a population baseline.

Conventions (Gritta et al. 2019, "A pragmatic guide to geoparsing evaluation"): GeoWebNews annotations whose
type is a non-toponym (Non_Toponym, Literal_Expression, Non_Lit_Expression, Homonym, Demonym, Language) carry
no coordinates and are excluded from the gold set; so are any toponyms without coordinates. A toponym is
resolved correctly when our coordinates are within 161 km (100 miles) of the gold ones.
"""
from __future__ import annotations

import statistics
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

from ..errors import DataError
from ..extract import actors, places
from ..extract.context import Context
from ..geo.gazetteer import km, load, normalise
from ..types import Article

KM = 161.0


def _gold(suite: str, data: Path, limit: int | None) -> list[dict]:
    path = data / f"{suite}.xml"
    if not path.exists():
        raise DataError(f"{path} not found; pass --data with a folder holding gwn.xml and lgl.xml")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise DataError(f"{path} is not valid XML ({exc})") from exc
    out = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        gold, ignore = [], []
        for t in article.iter("toponym"):
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            if suite == "gwn":
                lat, lon, kind = t.findtext("latitude"), t.findtext("longitude"), t.findtext("type")
            else:
                tag = t.find("gaztag")
                lat = tag.findtext("lat") if tag is not None else None
                lon = tag.findtext("lon") if tag is not None else None
                kind = "toponym"
            if lat and lon and lat.strip() and lon.strip():
                gold.append({"start": start, "end": end, "lat": float(lat), "lon": float(lon), "type": kind})
            else:
                ignore.append((start, end))
        out.append({"text": text, "gold": gold, "ignore": ignore})
        if limit and len(out) >= limit:
            break
    return out


def _context(nlp, text: str) -> Context:
    article = Article(id="eval", url=None, title=None, publisher=None, published=None, language="en", text=text)
    ctx = Context(article=article, doc=nlp(text))
    ctx.actors = actors.extract(ctx)
    return ctx


def _resolve_gold(ctx: Context, gold: list[dict]) -> tuple[list, list]:
    """Ours and the population baseline, for each gold span."""
    index = load()
    mentions = []
    for g in gold:
        key = normalise(ctx.article.text[g["start"]: g["end"]].removesuffix("'s").removesuffix("’s"))
        span = ctx.doc.char_span(g["start"], g["end"], alignment_mode="expand")
        qualifiers = places._qualifier(ctx, span.end)[0] if span is not None else []
        mentions.append((key, places.candidates(key), qualifiers))
    countries = places._article_countries(ctx)
    anchors = [c[0] for _, c, _ in mentions if c and len({e.country_code for e in c}) == 1 and c[0].feature_class == "A"]
    ours = [places.resolve(key, c, q, countries, anchors) for key, c, q in mentions]
    baseline = [max(c, key=lambda e: e.population) if c else None for _, c, _ in mentions]
    return ours, baseline


def _accuracy(pairs: list[tuple]) -> dict:
    errors = [km((e.lat, e.lon), (g["lat"], g["lon"])) for e, g in pairs if e is not None]
    hits = sum(1 for e, g in pairs if e is not None and km((e.lat, e.lon), (g["lat"], g["lon"])) <= KM)
    return {"n": len(pairs), "resolved": len(errors), "accuracy_161km": round(hits / len(pairs), 4) if pairs else 0.0,
            "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
            "median_error_km": round(statistics.median(errors), 1) if errors else None}


def evaluate(data: Path, suite: str = "gwn", gold_spans: bool = False, limit: int | None = None,
             settings=None) -> dict:
    from ..config import Settings
    from ..nlp import load as load_model

    settings = settings or Settings.from_env()
    articles = _gold(suite, Path(data), limit)
    nlp = load_model(settings.model)
    load()
    t_parse = t_geo = 0.0
    ours_pairs, base_pairs = [], []
    by_type: dict[str, list] = defaultdict(list)
    tp = fp = fn = 0
    for item in articles:
        t0 = time.perf_counter()
        ctx = _context(nlp, item["text"])
        t1 = time.perf_counter()
        ours, baseline = _resolve_gold(ctx, item["gold"])
        for entry, base, g in zip(ours, baseline, item["gold"]):
            ours_pairs.append((entry, g))
            base_pairs.append((base, g))
            by_type[g["type"]].append((entry, g))
        if not gold_spans:
            predicted = places.extract(ctx)
            matched = set()
            for p in predicted:
                hit = next((i for i, g in enumerate(item["gold"]) if i not in matched and p.start < g["end"]
                            and g["start"] < p.end and p.lat is not None
                            and km((p.lat, p.lon), (g["lat"], g["lon"])) <= KM), None)
                if hit is not None:
                    matched.add(hit)
                    tp += 1
                elif not any(p.start < e and s < p.end for s, e in item["ignore"]) and not any(
                        p.start < g["end"] and g["start"] < p.end for g in item["gold"]):
                    fp += 1
                else:
                    fp += 0 if any(p.start < e and s < p.end for s, e in item["ignore"]) else 1
            fn += len(item["gold"]) - len(matched)
        t_parse += t1 - t0
        t_geo += time.perf_counter() - t1
    result = {"suite": suite, "articles": len(articles), "gold_toponyms": len(ours_pairs),
              "gold_spans": {"ours": _accuracy(ours_pairs), "population_baseline": _accuracy(base_pairs)},
              "seconds": {"spacy_parse": round(t_parse, 2), "geoparsing": round(t_geo, 2)}}
    if suite == "gwn":
        result["by_type"] = {k: _accuracy(v) for k, v in sorted(by_type.items())}
    if not gold_spans:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        result["end_to_end"] = {"precision": round(p, 4), "recall": round(r, 4),
                                "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}
    return result


def render(result: dict, console) -> None:
    from rich.table import Table

    console.print(f"[bold]Geoparsing[/] {result['suite']}: {result['articles']} articles, "
                  f"{result['gold_toponyms']} gold toponyms with coordinates")
    table = Table("gold spans", "acc@161km", "mean km", "median km", "resolved")
    for name, fig in result["gold_spans"].items():
        table.add_row(name, f"{fig['accuracy_161km']:.3f}", str(fig["mean_error_km"]), str(fig["median_error_km"]),
                      f"{fig['resolved']}/{fig['n']}")
    console.print(table)
    if "end_to_end" in result:
        e = result["end_to_end"]
        console.print(f"end to end: P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}  "
                      f"(tp {e['tp']}, fp {e['fp']}, fn {e['fn']})")
    if "by_type" in result:
        types = Table("type", "n", "acc@161km", "median km", title="by toponym type (gold spans)")
        for name, fig in result["by_type"].items():
            types.add_row(name, str(fig["n"]), f"{fig['accuracy_161km']:.3f}", str(fig["median_error_km"]))
        console.print(types)
    s = result["seconds"]
    console.print(f"time: spaCy parse {s['spacy_parse']} s, geoparsing {s['geoparsing']} s")
