#!/usr/bin/env python3
"""Train the attribution cue model (lexicons/attribution_cue_model.json) on PolNeAR train.

    python scripts/train_attribution.py [--data ../shared/datasets/attribution/polnear] [--limit N]
        [--holdout 200 [--holdout-out PATH] [--select spans|cues] [--group-thresholds]] [--docs cache.spacy --stems cache.stems] [--out PATH]

Every verb candidate the finder proposes (lexicon verbs and, with ``open_verbs``, any verb with a
subject and a complement) is labelled positive when its cue overlaps a gold cue of the first
annotator's file (the scorer's gold). A logistic regression (numpy, L2, full-batch Adam) is fitted on
the parse features of ``extract/attribution/model.py``. With ``--holdout N`` the weights are first fitted on
the other articles and the threshold is chosen on the N held-out train articles (``--select spans``: best mean
of source and content overlap F1 of the full extractor; ``cues``: best verb-cue F1), then the weights are
refitted on all articles; without it the threshold maximises cue F1 on the training candidates. Only the
train split is read; the dev split stays unseen for evaluation. ``--docs``/``--stems`` reuse a saved DocBin instead of parsing.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

import numpy as np

from newsgraph.config import LEXICON_DIR, Settings, default_datasets_dir
from newsgraph.evaluation.attribution import gold_files
from newsgraph.extract.attribution.finder import find
from newsgraph.extract.attribution.lexicon import quote_regions
from newsgraph.extract.context import Context
from newsgraph.nlp import load
from newsgraph.types import Article

CUE = re.compile(r"T\d+\tCue ([\d ;]+)\t")


def gold_cues(path: Path) -> list[tuple[int, int]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = CUE.match(line)
        if m:
            out += [tuple(map(int, f.split())) for f in m.group(1).split(";")]
    return out


def candidates(split_dir: Path, stems: list[str], docs) -> tuple[list[list[str]], list[int], int]:
    feats, labels, n_gold = [], [], 0
    files = gold_files(split_dir)
    for stem, doc in zip(stems, docs):
        text = (split_dir / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        gold = set(gold_cues(files[stem]))
        n_gold += len(gold)
        article = Article(id=stem, url=None, title=None, publisher=None, published=None, language="en", text=text)
        ctx = Context(article=article, doc=doc)
        for c in find(doc, ctx.sentences(), quote_regions(text), open_verbs=True):
            if c.feats is None:
                continue
            feats.append(c.feats)
            labels.append(int(any(c.cue[0] < e and s < c.cue[1] for s, e in gold)))
    return feats, labels, n_gold


def fit(feats: list[list[str]], labels: list[int], l2: float, epochs: int, min_count: int):
    counts: dict[str, int] = {}
    for f in feats:
        for x in set(f):
            counts[x] = counts.get(x, 0) + 1
    vocab = {x: i for i, x in enumerate(sorted(x for x, n in counts.items() if n >= min_count and x != "b"))}
    rows, cols = [], []
    for r, f in enumerate(feats):
        for x in set(f):
            if x in vocab:
                rows.append(r)
                cols.append(vocab[x])
    rows_a, cols_a = np.array(rows), np.array(cols)
    y = np.array(labels, dtype=np.float64)
    w, b = np.zeros(len(vocab)), 0.0
    m, v, mb, vb = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    lr, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, epochs + 1):
        z = np.bincount(rows_a, weights=w[cols_a], minlength=len(y)) + b
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        g = p - y
        gw = np.bincount(cols_a, weights=g[rows_a], minlength=len(w)) / len(y) + l2 * w
        gb = g.mean()
        m, v = b1 * m + (1 - b1) * gw, b2 * v + (1 - b2) * gw ** 2
        mb, vb = b1 * mb + (1 - b1) * gb, b2 * vb + (1 - b2) * gb ** 2
        w -= lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + 1e-8)
        b -= lr * (mb / (1 - b1 ** t)) / (np.sqrt(vb / (1 - b2 ** t)) + 1e-8)
    return {x: float(w[i]) for x, i in vocab.items()}, float(b)


def scores(weights: dict, bias: float, feats: list[list[str]]) -> np.ndarray:
    z = np.array([bias + sum(weights.get(x, 0.0) for x in f) for f in feats])
    return 1 / (1 + np.exp(-np.clip(z, -30, 30)))


def best_threshold(p: np.ndarray, y: np.ndarray, n_gold: int) -> tuple[float, float]:
    best = (0.5, 0.0)
    for th in np.arange(0.1, 0.9, 0.02):
        sel = p >= th
        tp = int((y[sel] == 1).sum())
        prec = tp / max(1, sel.sum())
        rec = tp / max(1, n_gold)
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if f > best[1]:
            best = (round(float(th), 2), f)
    return best


def span_threshold(split_dir: Path, stems: list[str], docs: list, weights: dict, bias: float) -> float:
    """The threshold with the best mean of source and content overlap F1 on held-out articles (full extractor)."""
    from newsgraph.evaluation import attribution as ev
    from newsgraph.extract.attribution import model as cue_model

    texts = {s: (split_dir / "text" / f"{s}.txt").read_text(encoding="utf-8") for s in stems}
    best = (0.0, 0.5)
    original, original_groups = cue_model.model, cue_model.group_thresholds
    cue_model.group_thresholds = lambda: {}  # the global threshold first (not the bundled per-kind ones)
    try:
        for th in np.arange(0.26, 0.56, 0.04):
            cue_model.model = lambda th=th: (weights, bias, float(th))
            res = ev.score(split_dir, ev.predict(texts, docs), stems=set(stems))
            f = (res["source"]["overlap"]["f1"] + res["content"]["overlap"]["f1"]) / 2
            print(f"  threshold {th:.2f}: source {res['source']['overlap']['f1']:.3f} "
                  f"content {res['content']['overlap']['f1']:.3f} cue {res['cue']['overlap']['f1']:.3f}")
            best = max(best, (f, round(float(th), 2)))
    finally:
        cue_model.model, cue_model.group_thresholds = original, original_groups
    return best[1]


def group_span_thresholds(split_dir: Path, stems: list[str], docs: list, weights: dict, bias: float,
                          threshold: float) -> dict[str, float]:
    """Per-kind thresholds (model.GROUPS): one pass of coordinate ascent from the global threshold on the held-out
    articles (mean of source and content overlap F1 of the full extractor); a group moves only on a real gain."""
    from newsgraph.evaluation import attribution as ev
    from newsgraph.extract.attribution import model as cue_model

    texts = {s: (split_dir / "text" / f"{s}.txt").read_text(encoding="utf-8") for s in stems}
    chosen: dict[str, float] = {}
    original = cue_model.model, cue_model.group_thresholds

    def run(ths: dict[str, float]) -> float:
        cue_model.group_thresholds = lambda: ths
        res = ev.score(split_dir, ev.predict(texts, docs), stems=set(stems))
        return (res["source"]["overlap"]["f1"] + res["content"]["overlap"]["f1"]) / 2

    try:
        cue_model.model = lambda: (weights, bias, threshold)
        best = run({})
        for g in cue_model.GROUPS:
            for delta in (-0.16, -0.08, 0.08, 0.16):
                th = round(threshold + delta, 2)
                f = run({**chosen, g: th})
                if f > best + 0.0005:
                    best, chosen[g] = f, th
            print(f"  group {g}: threshold {chosen.get(g, threshold)}, mean span F1 {best:.4f}")
    finally:
        cue_model.model, cue_model.group_thresholds = original
    return chosen


def save(weights: dict, bias: float, threshold: float, prune: float, out: Path,
         thresholds: dict[str, float] | None = None) -> None:
    kept = {x: round(w, 2) for x, w in sorted(weights.items()) if abs(w) >= prune}
    out.write_text(json.dumps({
        "_source": "Trained by scripts/train_attribution.py on the PolNeAR train split (networkdynamics/PolNeAR, "
                   "first annotator per article): logistic-regression weights over parse features of verb "
                   "candidates (extract/attribution/model.py). No text from the data is stored.",
        "bias": round(bias, 4), "threshold": threshold, "thresholds": thresholds or {}, "weights": kept}, indent=0, ensure_ascii=False) + "\n",
        encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path(default_datasets_dir()) / "attribution" / "polnear")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--holdout", type=int, default=0, help="report on the first N (shuffled) train articles, fit on the rest")
    ap.add_argument("--no-refit", action="store_true", help="with --holdout: keep the weights fitted without it")
    ap.add_argument("--holdout-out", type=Path, help="with --holdout: also write the weights fitted without it")
    ap.add_argument("--select", choices=("cues", "spans"), default="spans",
                    help="with --holdout: threshold by verb-cue F1 or by source+content overlap F1 of the extractor")
    ap.add_argument("--group-thresholds", action="store_true",
                    help="with --holdout --select spans: also choose one threshold per candidate kind")
    ap.add_argument("--docs", type=Path)
    ap.add_argument("--stems", type=Path)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--epochs", type=int, default=400)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--prune", type=float, default=0.0, help="drop weights smaller than this (file size; the threshold is chosen without pruning)")
    ap.add_argument("--out", type=Path, default=LEXICON_DIR / "attribution_cue_model.json")
    args = ap.parse_args()

    split_dir = args.data / "train"
    if not (split_dir / "text").is_dir() or not (split_dir / "attributions").is_dir():
        ap.error(f"{split_dir} has no text/ and attributions/ folders; pass --data a PolNeAR-style data/ folder")
    nlp = load(Settings.from_env().model)
    if args.docs:
        from spacy.tokens import DocBin

        stems = args.stems.read_text().split("\n")
        docs = list(DocBin().from_disk(args.docs).get_docs(nlp.vocab))
    else:
        stems = [s for s in gold_files(split_dir) if (split_dir / "text" / f"{s}.txt").exists()]
        random.Random(0).shuffle(stems)
        if args.limit:
            stems = stems[:args.limit]
        docs = list(nlp.pipe(((split_dir / "text" / f"{s}.txt").read_text(encoding="utf-8") for s in stems),
                             batch_size=16))
    if args.limit:
        stems, docs = stems[:args.limit], docs[:args.limit]
    k = args.holdout
    thresholds: dict[str, float] = {}
    feats, labels, n_gold = candidates(split_dir, stems[k:], docs[k:])
    print(f"{len(stems) - k} articles, {len(feats)} verb candidates, {sum(labels)} positive, {n_gold} gold cues")
    weights, bias = fit(feats, labels, args.l2, args.epochs, args.min_count)
    threshold, f = best_threshold(scores(weights, bias, feats), np.array(labels), n_gold)
    print(f"fit part: threshold {threshold}, verb-cue F1 {f:.3f}")
    if k:  # the threshold is chosen on the held-out train articles; the weights are then refitted on all
        hf, hl, hg = candidates(split_dir, stems[:k], docs[:k])
        hp, hy = scores(weights, bias, hf), np.array(hl)
        threshold, f = best_threshold(hp, hy, hg)
        if args.select == "spans":
            threshold = span_threshold(split_dir, stems[:k], docs[:k], weights, bias)
            if args.group_thresholds:
                thresholds = group_span_thresholds(split_dir, stems[:k], docs[:k], weights, bias, threshold)
        sel = hp >= threshold
        tp = int(hy[sel].sum())
        print(f"holdout ({k} articles): proposed {len(hl)} (pos {sum(hl)}), threshold {threshold}, kept {int(sel.sum())}, "
              f"tp {tp}, P {tp / max(1, sel.sum()):.3f}, share of gold cues {tp / max(1, hg):.3f}, F1 {f:.3f}")
        if args.holdout_out:
            save(weights, bias, threshold, args.prune, args.holdout_out, thresholds)
        if not args.no_refit:
            weights, bias = fit(feats + hf, labels + hl, args.l2, args.epochs, args.min_count)
    save(weights, bias, threshold, args.prune, args.out, thresholds)
    print(f"per-kind thresholds: {thresholds or 'none'}")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
