"""`newsgraph eval attribution`: source, cue and content span P/R/F1 on PolNeAR-style brat data.

Follows the rules of the reference scorer (../shared/tools/score_attribution.py), re-implemented:
the first annotator file per article (sorted names); gold spans are the Source/Cue/Content text-bound
annotations; discontinuous spans are split into fragments, fragments joined only by whitespace are
merged; spans are trimmed of whitespace and deduplicated per article and role; exact = identical
span, overlap = a one-to-one maximum matching of spans sharing a character; micro-averaged.

Our predicted content is one span per attribution; when that span contains the attribution's own
source or cue ("“We will respond,” Lavrov said, “when …”"), those are cut out, giving fragments. A nested
"citing" record is mapped to PolNeAR's convention (``to_predictions``).
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from ..errors import DataError
from ..types import Article, Attribution

ROLES = ("source", "cue", "content")
GOLD_LINE = re.compile(r"T\d+\t(Source|Cue|Content) ([\d ;]+)\t")


# ---------------------------------------------------------------- scoring (reference rules)
def norm(text: str, frags) -> list[tuple[int, int]]:
    """Trim whitespace; merge fragments separated by whitespace only."""
    out: list[tuple[int, int]] = []
    for s, e in sorted((int(s), int(e)) for s, e in frags):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if out and text[out[-1][1]:s].strip() == "":
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def read_gold(path: Path, text: str) -> dict[str, set]:
    spans: dict[str, set] = {r: set() for r in ROLES}
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        m = GOLD_LINE.match(line)
        if m:
            frags = [f.split() for f in m.group(2).split(";")]
            spans[m.group(1).lower()].update(norm(text, frags))
    return spans


def pred_spans(items: list[dict], text: str) -> dict[str, set]:
    spans: dict[str, set] = {r: set() for r in ROLES}
    for a in items:
        for r in ("source", "cue"):
            if a.get(r):
                spans[r].update(norm(text, [a[r]]))
        spans["content"].update(norm(text, a.get("content") or []))
    return spans


def max_matching(gold: list, pred: list) -> int:
    """Size of a maximum one-to-one matching between overlapping spans (augmenting paths)."""
    adj = [[j for j, g in enumerate(gold) if p[0] < g[1] and g[0] < p[1]] for p in pred]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set) -> bool:
        for j in adj[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, set()) for i in range(len(pred)))


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


def score(split_dir: Path, predictions: dict[str, list[dict]], stems: list[str] | None = None) -> dict:
    counts = {r: defaultdict(int) for r in ROLES}
    n = 0
    for stem, path in gold_files(split_dir).items():
        if stems is not None and stem not in stems:
            continue
        txt = split_dir / "text" / f"{stem}.txt"
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        gold, pred = read_gold(path, text), pred_spans(predictions.get(stem, []), text)
        n += 1
        for r in ROLES:
            counts[r]["gold"] += len(gold[r])
            counts[r]["pred"] += len(pred[r])
            counts[r]["exact"] += len(gold[r] & pred[r])
            counts[r]["overlap"] += max_matching(sorted(gold[r]), sorted(pred[r]))
    out: dict = {r: {k: prf(counts[r][k], counts[r]["pred"], counts[r]["gold"]) for k in ("exact", "overlap")}
                 for r in ROLES}
    out["articles"] = n
    return out


def gold_files(split_dir: Path) -> dict[str, Path]:
    """stem -> the first annotator's .ann file (sorted file names)."""
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for p in sorted((split_dir / "attributions").glob("*.ann")):
        stem = p.name[:-4].rsplit("_", 1)[0]
        by_stem[stem].append(p)
    return {stem: files[0] for stem, files in sorted(by_stem.items())}


# ---------------------------------------------------------------- predictions
QUOTE_MARKS = "\"“”«»"  # double marks only: ’ is also the apostrophe
PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")
FILLER = frozenset({"and", "but", "or", "so", "as", "because", "although", "while", "if", "then", "yet", "also",
                    "even", "still"})  # connectives left over once the source and cue are cut out


def _trim_punct(text: str, lo: int, hi: int, offset: int) -> tuple[int, int] | None:
    """A content fragment left after cutting out the cue, without the commas around it."""
    while lo < hi and text[lo] in " ,;:—–-\n.":
        lo += 1
    while hi > lo and text[hi - 1] in " ,;:—–-\n":
        hi -= 1
    return (lo + offset, hi + offset) if hi > lo else None


def _paragraphs(text: str, frag: tuple[int, int], offset: int) -> list[tuple[int, int]]:
    """A content fragment running over a paragraph break is one fragment per paragraph (as PolNeAR draws it)."""
    fs, fe = frag
    out, lo = [], fs
    for m in PARAGRAPH_BREAK.finditer(text, fs - offset, fe - offset):
        if m.start() + offset > lo:
            out.append((lo, m.start() + offset))
        lo = m.end() + offset
    if fe > lo:
        out.append((lo, fe))
    return out


def _empty_fragment(piece: str) -> bool:
    """A leftover of cutting out the source and cue ("But", "And as", "”"): no content of its own."""
    words = re.findall(r"\w+", piece.lower())
    return not words or all(w in FILLER for w in words)


def _drop_narration(text: str, frags: list, offset: int, cue: tuple[int, int]) -> list:
    """'“Q1,” X told AFP on Monday.¶“Q2”': an unquoted fragment after the cue with a quotation after it is
    narration between the two quotations, not content."""
    marked = [any(ch in QUOTE_MARKS for ch in text[a - offset:b - offset]) for a, b in frags]
    return [f for i, f in enumerate(frags) if marked[i] or f[1] <= cue[0] or not any(marked[i + 1:])]


def _quoted_part(text: str, frag: tuple[int, int], offset: int, cue: tuple[int, int]) -> tuple[int, int] | None:
    """A fragment of a quote split by its cue keeps only its quoted part: '“Cruz,” Beck joked, again using
    an accent, “Amen!”' -> '“Cruz,”' and '“Amen!”' (the narration around the cue is not content)."""
    fs, fe = frag
    piece = text[fs - offset:fe - offset]
    marks = [i for i, ch in enumerate(piece) if ch in QUOTE_MARKS]
    if not marks:
        return frag
    if fs >= cue[1]:  # after the cue: start at the opening mark
        return (fs + marks[0], fe)
    if fe <= cue[0]:  # before the cue: end at the closing mark
        return (fs, fs + marks[-1] + 1)
    return frag


def to_prediction(attr: Attribution) -> dict:
    """Scorer item for one attribution; own source and cue are cut out of the content span."""
    s, e = attr.content.start, attr.content.end
    holes = [h for h in ((attr.source.start, attr.source.end), attr.cue_span) if h and h[0] is not None]
    frags = [(s, e)]
    for hs, he in sorted(holes):
        nxt = []
        for fs, fe in frags:
            if hs < fe and fs < he:
                nxt += [f for f in ((fs, hs), (he, fe)) if f[1] > f[0]]
            else:
                nxt.append((fs, fe))
        frags = nxt
    frags = [f for f in (_trim_punct(attr.content.text, f[0] - s, f[1] - s, s) for f in frags) if f]
    frags = [p for f in frags for p in _paragraphs(attr.content.text, f, s)]
    if attr.direct and attr.cue_span and len(frags) > 1:
        frags = [f for f in (_quoted_part(attr.content.text, f, s, attr.cue_span) for f in frags) if f]
        frags = _drop_narration(attr.content.text, frags, s, attr.cue_span)
    frags = [f for f in frags if not _empty_fragment(attr.content.text[f[0] - s:f[1] - s])] or frags
    src = [attr.source.start, attr.source.end] if attr.source.start is not None else None
    return {"source": src, "cue": list(attr.cue_span) if attr.cue_span else None,
            "content": [list(f) for f in frags]}


def to_predictions(attrs: list[Attribution]) -> list[dict]:
    """Scorer items for one article. Convention mapping: a nested "citing" attribution (same content as its
    parent: "a WSJ report citing sources …") is scored as PolNeAR draws it: source = the citing host's
    source, cue = "citing", content = the cited party (newsgraph keeps the cited party as a nested source)."""
    by_id = {a.id: a for a in attrs}
    out = []
    for a in attrs:
        host = by_id.get(a.parent) if a.parent else None
        if (host is not None and a.content == host.content and a.source.start is not None
                and host.source.start is not None and a.cue_span):
            out.append({"source": [host.source.start, host.source.end], "cue": list(a.cue_span),
                        "content": [[a.source.start, a.source.end]]})
        else:
            out.append(to_prediction(a))
    return out


def predict(texts: dict[str, str], docs=None) -> dict[str, list[dict]]:
    """Run the attribution extractor on raw texts (or pre-parsed docs) -> scorer predictions."""
    from ..config import Settings
    from ..extract import attributions
    from ..extract.context import Context
    from ..nlp import load

    stems = list(texts)
    if docs is None:
        nlp = load(Settings.from_env().model)
        docs = nlp.pipe((texts[s] for s in stems), batch_size=16)
    out = {}
    for stem, doc in zip(stems, docs):
        article = Article(id=stem, url=None, title=None, publisher=None, published=None, language="en", text=texts[stem])
        ctx = Context(article=article, doc=doc)
        out[stem] = to_predictions(attributions.extract(ctx))
    return out


def save_predictions(predictions: dict[str, list[dict]], texts: dict[str, str], out_dir: Path) -> None:
    """predictions.json (the reference scorer's input) and brat files attributions/<stem>_newsgraph.ann."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "predictions.json").write_text(json.dumps(predictions), encoding="utf-8")
    ann_dir = out_dir / "attributions"
    ann_dir.mkdir(exist_ok=True)
    for stem, items in predictions.items():
        text, lines, t = texts[stem], [], 0
        for k, a in enumerate(items, 1):
            roles = []
            for role, frags in (("Source", [a["source"]] if a["source"] else []), ("Cue", [a["cue"]] if a["cue"] else []),
                                ("Content", a["content"])):
                if not frags:
                    continue
                t += 1
                pos = ";".join(f"{s} {e}" for s, e in frags)
                lines.append(f"T{t}\t{role} {pos}\t{' '.join(text[s:e] for s, e in frags)}".replace("\n", " "))
                roles.append(f"{role}:T{t}")
            lines.append(f"E{k}\tAttribution {' '.join(roles)}" if a["source"] else f"E{k}\tAttribution-no-source {' '.join(roles)}")
        (ann_dir / f"{stem}_newsgraph.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


def evaluate(data: Path, split: str = "dev", limit: int | None = None, write_predictions: Path | None = None,
             docs=None) -> dict:
    split_dir = Path(data) / split
    if not (split_dir / "attributions").is_dir() or not (split_dir / "text").is_dir():
        raise DataError(f"{split_dir} has no text/ and attributions/ folders; pass --data a PolNeAR-style "
                        f"data/ folder and --split one of its sub-folders")
    stems = [s for s in gold_files(split_dir) if (split_dir / "text" / f"{s}.txt").exists()]
    if limit:
        stems = stems[:limit]
    texts = {s: (split_dir / "text" / f"{s}.txt").read_text(encoding="utf-8") for s in stems}
    predictions = predict(texts, docs)
    result = score(split_dir, predictions, stems=set(stems))
    result["split"] = split
    if write_predictions:
        save_predictions(predictions, texts, Path(write_predictions))
        result["predictions"] = str(Path(write_predictions) / "predictions.json")
    return result


def render(result: dict, console) -> None:
    from rich.table import Table

    table = Table(title=f"Attribution spans, PolNeAR {result.get('split', '')} ({result['articles']} articles)")
    for col in ("role", "match", "P", "R", "F1", "tp", "pred", "gold"):
        table.add_column(col, justify="right" if col not in ("role", "match") else "left")
    for role in ROLES:
        for kind in ("exact", "overlap"):
            m = result[role][kind]
            table.add_row(role, kind, f"{m['p']:.3f}", f"{m['r']:.3f}", f"{m['f1']:.3f}",
                          str(m["tp"]), str(m["n_pred"]), str(m["n_gold"]))
    console.print(table)
    if result.get("predictions"):
        console.print(f"predictions written to {result['predictions']} (reference scorer input) "
                      f"and brat .ann files beside it")
