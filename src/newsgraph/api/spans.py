"""Labelled character spans over an article's clean text, for displaCy-style highlighting."""
from __future__ import annotations


def _span(start, end, label: str, detail: str | None = None, ref: str | None = None) -> dict | None:
    if start is None or end is None or end <= start:
        return None
    return {"start": int(start), "end": int(end), "label": label, "detail": detail, "ref": ref}


def article_spans(record: dict) -> list[dict]:
    spans = []
    for a in record.get("actors", []):
        code = " ".join(x for x in (a.get("code"), a.get("sector")) if x)
        spans.append(_span(a["start"], a["end"], "ACTOR", f"{a.get('name')} ({code})" if code else a.get("name"),
                           a.get("id")))
    for p in record.get("places", []):
        spans.append(_span(p["start"], p["end"], "PLACE", p.get("name"), p.get("id")))
    for t in record.get("times", []):
        spans.append(_span(t["start"], t["end"], "TIME", t.get("value"), t.get("id")))
    for e in record.get("events", []):
        for m in e.get("mentions", []):
            spans.append(_span(m["start"], m["end"], "EVENT", f"{e['event']} {e.get('cameo') or ''}".strip(),
                               e.get("id")))
    for q in record.get("quotes", []):
        speaker = (q.get("speaker") or {}).get("name")
        spans.append(_span(q["start"], q["end"], "QUOTE", speaker, q.get("id")))
    for r in record.get("attributions", []):
        src = r.get("source") or {}
        spans.append(_span(src.get("start"), src.get("end"), "SOURCE", f"{src.get('name')} ({src.get('kind')})",
                           r.get("id")))
        cue = r.get("cue_span")
        if cue:
            spans.append(_span(cue[0], cue[1], "CUE", r.get("cue"), r.get("id")))
    spans = [s for s in spans if s]
    spans.sort(key=lambda s: (s["start"], -s["end"], s["label"]))
    return spans
