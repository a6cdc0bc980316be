"""quantities extractor: counts and amounts with what they count, their bound, rate and period.

A quantity is a run of number tokens (digits, number words, scale words, "a dozen", "dozens") that is
not inside a DATE/TIME/ORDINAL entity, not a year, age, phone or section number, and not a duration.
``unit`` is the counted thing: the noun the number modifies ("6,000 drones"), the object of "of"
("dozens of drones"), "percent", or a currency code for money. Bounds come from the words before
("up to" -> max, "at least" -> min, "about" -> approx), rates from "each/per/a month" or "monthly",
the period from "in the next few years" / "over two years" in the same sentence.
The attribution link is added later by ``assemble`` (innermost attribution covering the quantity).
"""
from __future__ import annotations

import functools
import re

from spacy.tokens import Token

from ..lexicons import load
from ..types import Quantity
from .context import Context

NAME = "quantities.v1"

SKIP_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})
LABEL_BEFORE = frozenset({"section", "article", "chapter", "resolution", "no", "no.", "number", "flight", "route",
                          "page", "room", "item", "clause", "paragraph", "amendment", "title", "act", "rule", "phase"})
PHONE = re.compile(r"^\+?\d[\d\-\s().]{6,}\d$")
PERIOD_RE = re.compile(
    r"\b(?:in|over|within|during|across|for)\s+(?:the\s+)?(?:next|coming|past|last|first|following)?\s*"
    r"(?:few|several|couple\s+of|\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|many)?\s*"
    r"(?:days?|weeks?|months?|years?|decades?)\b", re.I)


@functools.lru_cache(maxsize=1)
def _lex():
    words, units = load("number_words"), load("units")
    bounds = sorted(((p, kind) for kind in ("max", "min", "approx") for p in words["bounds"][kind]),
                    key=lambda x: -len(x[0]))
    # "nearly"/"almost" are listed as max and approx: the first listing (max) wins
    seen: dict[str, str] = {}
    for p, kind in bounds:
        seen.setdefault(p, kind)
    return words, units, sorted(seen.items(), key=lambda x: -len(x[0]))


def _text(doc) -> str:
    """The Doc's text, built once (``Doc.text`` joins every token on each access)."""
    text = doc.user_data.get("newsgraph_text")
    if text is None:
        text = doc.user_data["newsgraph_text"] = doc.text
    return text


def _is_number(tok: Token) -> bool:
    words, _, _ = _lex()
    low = tok.lower_
    return (tok.like_num or low in words["units"] or low in words["scales"] or low in ("dozen", "dozens", "hundreds",
            "thousands", "millions", "billions", "scores")) and tok.ent_type_ not in SKIP_ENTS


def _value(tokens: list[Token]) -> float | None:
    words, _, _ = _lex()
    total, current, seen = 0.0, 0.0, False
    low_all = " ".join(t.lower_ for t in tokens)
    for phrase, val in sorted(words["vague"].items(), key=lambda x: -len(x[0])):
        if low_all == phrase or low_all.endswith(" " + phrase) and phrase.startswith(("hundreds", "tens")):
            return float(val)
    for t in tokens:
        low = t.lower_.replace(",", "")
        if re.fullmatch(r"\d+(\.\d+)?", low):
            current += float(low)
            seen = True
        elif low in words["units"]:
            current += words["units"][low]
            seen = True
        elif low in ("dozen",):
            current = (current or 1) * 12
            seen = True
        elif low in words["scales"]:
            scale = words["scales"][low]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
            seen = True
        elif low in words["vague"]:
            current += words["vague"][low]
            seen = True
    return total + current if seen else None


def _counted(last: Token, first: Token) -> Token | None:
    """The noun a number counts: its head when it is a modifier, or the object of a following 'of'."""
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    if last.dep_ in ("nummod", "quantmod", "amod", "compound") and last.head.pos_ in ("NOUN", "PROPN") and last.head.i > last.i:
        head = last.head
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        return head
    nxt = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if nxt is not None and nxt.pos_ == "NOUN":
        return nxt
    return None


def _excluded(doc, first: Token, last: Token, text: str) -> bool:
    words, _, _ = _lex()
    prev = doc[first.i - 1] if first.i > 0 else None
    if first.i == last.i and re.fullmatch(r"(1[5-9]|20)\d\d", first.text) and (prev is None or prev.text not in "$€£"):
        return True  # a year
    if prev is not None and prev.lower_ in LABEL_BEFORE:
        return True
    lo, hi = first.idx, last.idx + len(last)
    while lo > 0 and (_text(doc)[lo - 1].isdigit() or _text(doc)[lo - 1] in "-().+ " and lo > 1 and _text(doc)[lo - 2].isdigit()):
        lo -= 1
    while hi < len(_text(doc)) and (_text(doc)[hi].isdigit() or _text(doc)[hi] in "-(). " and hi + 1 < len(_text(doc))
                                  and _text(doc)[hi + 1].isdigit()):
        hi += 1
    if PHONE.match(_text(doc)[lo:hi].strip()) and "-" in _text(doc)[lo:hi] or ":" in text:
        return True  # a phone number or a time
    after = _text(doc)[last.idx + len(last): last.idx + len(last) + 12].lower()
    if after.startswith(("-year-old", " years old", " year old", "-years-old")) or (prev is not None and prev.lower_ in ("aged", "age")):
        return True
    return False


def _bound(doc, first: Token) -> tuple[str, int]:
    """The bound and the start index of its words (to include them in the quantity's text)."""
    _, _, bounds = _lex()
    lo = max(first.sent.start, first.i - 4)
    before = doc[lo:first.i]
    low = " ".join(t.lower_ for t in before)
    for phrase, kind in bounds:
        if low == phrase or low.endswith(" " + phrase):
            return kind, first.i - len(phrase.split())
    if _text(doc)[first.idx + len(first): first.idx + len(first) + 7].lower().startswith(" or so"):
        return "approx", first.i
    return "exact", first.i


def _rate(doc, unit: Token | None, last: Token) -> str | None:
    words, _, _ = _lex()
    anchor = unit if unit is not None else last
    for t in doc[anchor.i + 1: min(len(doc), anchor.i + 4)]:
        if t.lower_ in words["rates"]["adverbs"]:
            return words["rates"]["adverbs"][t.lower_]
        if t.lower_ in words["rates"]["per"] and t.i + 1 < len(doc) and doc[t.i + 1].lemma_.lower() in words["period_words"]:
            return doc[t.i + 1].lemma_.lower()
        if t.is_punct:
            break
    if unit is not None and unit.text == "/" and unit.i + 1 < len(doc):
        return doc[unit.i + 1].lemma_.lower()
    return None


def extract(ctx: Context) -> list[Quantity]:
    words, units, _ = _lex()
    doc = ctx.doc
    out: list[Quantity] = []
    for sent in ctx.sentences():
        periods = [(sent.start_char + m.start(), sent.start_char + m.end(), m.group()) for m in PERIOD_RE.finditer(sent.text)]
        i = sent.start
        while i < sent.end:
            tok = doc[i]
            if not _is_number(tok) or tok.lower_ in ("one",) and tok.dep_ not in ("nummod",):
                i += 1
                continue
            j = i
            while j + 1 < sent.end and (_is_number(doc[j + 1]) or doc[j + 1].lower_ in ("and", "-") and j + 2 < sent.end
                                        and _is_number(doc[j + 2]) and not doc[j + 2].like_num):
                j += 1
            first, last = doc[i], doc[j]
            i = j + 1
            if first.lower_ == "dozen" and first.i > 0 and doc[first.i - 1].lower_ == "a":
                first = doc[first.i - 1]
            s, e = first.idx, last.idx + len(last)
            num_text = _text(doc)[s:e]
            if _excluded(doc, first, last, num_text) or any(ps <= s and e <= pe for ps, pe, _ in periods):
                continue
            value = _value(list(doc[first.i:last.i + 1]))
            if value is None:
                continue
            bound, b_lo = _bound(doc, first)
            if bound == "exact" and all(t.lower_ in words["vague"] or t.lower_ in ("a", "of") for t in doc[first.i:last.i + 1]) \
                    and first.lower_ not in ("a", "dozen"):
                bound = "approx"  # "dozens", "hundreds", "several"
            unit_tok = _counted(last, first)
            unit = None
            prev = doc[first.i - 1] if first.i > 0 else None
            if prev is not None and prev.text in units["currency_symbols"]:
                unit, s = units["currency_symbols"][prev.text], prev.idx
            elif last.ent_type_ == "PERCENT" or _text(doc)[e:e + 9].lower().lstrip().startswith(("percent", "per cent", "%")):
                unit = "percent"
                unit_tok = None
                pct_end = _text(doc).lower().find("percent", e, e + 10)
                e = pct_end + 7 if pct_end >= 0 else (e + 1 if _text(doc)[e:e + 1] == "%" else e)
            elif unit_tok is not None and unit_tok.lower_ in units["currency_words"]:
                unit = units["currency_words"][unit_tok.lower_]
            elif unit_tok is not None:
                if unit_tok.lemma_.lower() in words["period_words"] and unit_tok.i == last.i + 1:
                    continue  # a duration ("three years"), not a count
                unit = None if unit_tok.pos_ == "PRON" else unit_tok.text.lower()
            if b_lo < first.i:
                s = min(s, doc[b_lo].idx)
            if unit_tok is not None and unit_tok.i > last.i and unit_tok.i - last.i <= 4:
                e = unit_tok.idx + len(unit_tok)
            period = next((p for ps, pe, p in periods if not (ps <= s and e <= pe)), None)
            out.append(Quantity(text=_text(doc)[s:e], start=s, end=e, value=value, unit=unit, bound=bound,
                                per=_rate(doc, unit_tok, last), period=period, id=f"N{len(out) + 1}"))
    return out
