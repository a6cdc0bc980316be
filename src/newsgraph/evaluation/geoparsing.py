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
from collections import defaultdict
from pathlib import Path

from ..errors import DataError
from ..extract import actors, places
from ..extract.context import Context
from ..geo.gazetteer import km, load
from ..geo.rank import population_baseline, resolve_all
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


def _context(doc, text: str) -> Context:
    article = Article(id="eval", url=None, title=None, publisher=None, published=None, language="en", text=text)
    return Context(article=article, doc=doc)


def _score_predicted(predicted, item, matched: set[int] | None = None) -> tuple[int, int, int]:
    """(tp, fp, fn): a prediction matches an unmatched overlapping gold toponym within 161 km; a prediction
    overlapping only a gold annotation without coordinates (or a non-toponym type) is neither right nor wrong."""
    tp = fp = 0
    matched = set() if matched is None else matched  # indices of the gold toponyms found
    for p in predicted:
        hit = next((i for i, g in enumerate(item["gold"]) if i not in matched and p.start < g["end"]
                    and g["start"] < p.end and p.lat is not None
                    and km((p.lat, p.lon), (g["lat"], g["lon"])) <= KM), None)
        if hit is not None:
            matched.add(hit)
            tp += 1
        elif not any(p.start < e and s < p.end for s, e in item["ignore"]):
            fp += 1
    return tp, fp, len(item["gold"]) - len(matched)


def _resolve_gold(ctx: Context, gold: list[dict]) -> tuple[list, list]:
    """Ours (the article's gold spans ranked together, as the extractor does) and the population baseline."""
    mentions = [places.mention(ctx, g["start"], g["end"]) for g in gold]
    ours = resolve_all(mentions, places.actor_countries(ctx))
    return ours, [population_baseline(m) for m in mentions]


def _accuracy(pairs: list[tuple]) -> dict:
    errors = [km((e.lat, e.lon), (g["lat"], g["lon"])) for e, g in pairs if e is not None]
    hits = sum(1 for e, g in pairs if e is not None and km((e.lat, e.lon), (g["lat"], g["lon"])) <= KM)
    return {"n": len(pairs), "resolved": len(errors), "accuracy_161km": round(hits / len(pairs), 4) if pairs else 0.0,
            "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
            "median_error_km": round(statistics.median(errors), 1) if errors else None}


def evaluate(data: Path, suite: str = "gwn", gold_spans: bool = False, limit: int | None = None,
             settings=None, errors: int = 0) -> dict:
    """The figures; ``errors`` > 0 adds the biggest gold-span errors (unresolved first) and their counts by cause."""
    from ..config import Settings
    from ..nlp import load as load_model

    settings = settings or Settings.from_env()
    articles = _gold(suite, Path(data), limit)
    nlp = load_model(settings.model)
    t0 = time.perf_counter()
    load()  # the gazetteer (from its disk cache), counted in geoparsing time
    t_geo, t_parse, t_actors = time.perf_counter() - t0, 0.0, 0.0
    ours_pairs, base_pairs = [], []
    by_type: dict[str, list] = defaultdict(list)
    found_by_type: dict[str, list[bool]] = defaultdict(list)
    tp = fp = fn = 0
    for item in articles:
        t0 = time.perf_counter()
        doc = nlp(item["text"])
        t1 = time.perf_counter()
        ctx = _context(doc, item["text"])
        ctx.actors = actors.extract(ctx)  # places use the actors' countries and skip their persons/organisations
        t2 = time.perf_counter()
        ours, baseline = _resolve_gold(ctx, item["gold"])
        for entry, base, g in zip(ours, baseline, item["gold"]):
            g["text"] = item["text"][g["start"]:g["end"]]
            ours_pairs.append((entry, g))
            base_pairs.append((base, g))
            by_type[g["type"]].append((entry, g))
        if not gold_spans:
            found: set[int] = set()
            counts = _score_predicted(places.extract(ctx), item, found)
            for i, g in enumerate(item["gold"]):
                found_by_type[g["type"]].append(i in found)
            tp, fp, fn = tp + counts[0], fp + counts[1], fn + counts[2]
        t_parse += t1 - t0
        t_actors += t2 - t1
        t_geo += time.perf_counter() - t2
    result = {"suite": suite, "articles": len(articles), "gold_toponyms": len(ours_pairs),
              "gold_spans": {"ours": _accuracy(ours_pairs), "population_baseline": _accuracy(base_pairs)},
              "seconds": {"spacy_parse": round(t_parse, 2), "actors": round(t_actors, 2),
                          "geoparsing": round(t_geo, 2)}}
    if errors:
        result["errors"] = _errors(ours_pairs, errors)
    if suite == "gwn":
        result["by_type"] = {k: _accuracy(v) for k, v in sorted(by_type.items())}
        for k, hits in found_by_type.items():  # end to end: share of this type's gold toponyms found and resolved
            result["by_type"][k]["end_to_end_recall"] = round(sum(hits) / len(hits), 4) if hits else 0.0
    if not gold_spans:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        result["end_to_end"] = {"precision": round(p, 4), "recall": round(r, 4),
                                "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}
    return result


def _cause(entry, g: dict) -> str:
    if entry is None:
        return "no candidate"
    if entry.feature_class in {"H", "L", "T"} or entry.feature_code in {"CONT", "PCLI", "PCLF", "PCLH", "ADM1"}:
        return "area point"  # a large area (country, sea, region) whose gold point is elsewhere
    return "wrong namesake"


def _errors(pairs: list[tuple], n: int) -> dict:
    """The n biggest errors (> 161 km or unresolved; unresolved first), and how many of each cause."""
    wrong = []
    for e, g in pairs:
        d = None if e is None else km((e.lat, e.lon), (g["lat"], g["lon"]))
        if d is None or d > KM:
            wrong.append({"text": g["text"], "type": g["type"], "ours": None if e is None else
                          f"{e.name} ({e.country_code or '-'} {e.feature_code})", "km": None if d is None else round(d),
                          "gold": [round(g["lat"], 2), round(g["lon"], 2)], "cause": _cause(e, g)})
    wrong.sort(key=lambda w: -(w["km"] if w["km"] is not None else 1e9))
    causes = defaultdict(int)
    for w in wrong:
        causes[w["cause"]] += 1
    return {"by_cause": dict(causes), "biggest": wrong[:n]}


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
        e2e = "end_to_end" in result
        types = Table("type", "n", "acc@161km", "median km", *(["e2e recall"] if e2e else []),
                      title="by toponym type (gold spans; recall end to end)")
        for name, fig in result["by_type"].items():
            types.add_row(name, str(fig["n"]), f"{fig['accuracy_161km']:.3f}", str(fig["median_error_km"]),
                          *([f"{fig.get('end_to_end_recall', 0.0):.3f}"] if e2e else []))
        console.print(types)
    if "errors" in result:
        console.print("errors by cause: " + ", ".join(f"{k} {v}" for k, v in result["errors"]["by_cause"].items()))
        rows = Table("toponym", "type", "ours", "km", "gold lat, lon", title="biggest gold-span errors")
        for w in result["errors"]["biggest"]:
            rows.add_row(w["text"], w["type"], w["ours"] or "-", str(w["km"] or "-"), f"{w['gold'][0]}, {w['gold'][1]}")
        console.print(rows)
    s = result["seconds"]
    console.print(f"time: spaCy parse {s['spacy_parse']} s, geoparsing {s['geoparsing']} s "
                  f"(gazetteer load, gold-span and end-to-end resolution; actors, needed as context: {s['actors']} s)")
