"""Time expressions, normalised against the publication date.

"January 5" is the most recent January 5 on or before publication; "in November" the most recent November;
"on Wednesday" the most recent Wednesday (the publication day itself if it is one); "last month" the month
before; "in the next few years" a future range. Without a publication date, expressions that need one keep
``value`` None rather than a guessed year. Precision is day, month, year or range.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace

from ..types import TimeRef
from .context import Context

NAME = "dates.v1"

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "a few": 3, "several": 3, "a couple of": 2}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUM = r"(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|a couple of)"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

PATTERNS = [
    ("mdy", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    ("dmy", rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"),
    ("md", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?\d)"),
    ("dm", rf"\b{_DAY}\s+{_MONTH}\b"),
    ("my", rf"\b{_MONTH},?\s+{_YEAR}\b"),
    ("ago", rf"\b{_NUM}\s+{_UNIT}\s+ago\b"),
    ("future", r"\b(?:in|over|within)\s+the\s+(?:next|coming)\s+(?:(?P<n>few|several|two|three|four|five|ten|\d+)\s+)?"
               r"(?P<unit>day|week|month|year|decade)(?P<plural>s?)\b"),
    ("since", rf"\bsince\s+{_YEAR}\b"),
    ("rel_unit", r"\b(?P<rel>last|this|next|earlier this|later this|early this|late last|earlier last)\s+"
                 r"(?P<unit>week|month|year)\b"),
    ("rel_month", rf"\b(?P<rel>last|next|this|in|since|early|late|mid-|by)\s*{_MONTH}(?!\s+\d)"),
    ("weekday", rf"\b(?:(?P<rel>last|next|on|this)\s+)?{_WEEKDAY}\b"),
    ("day_word", r"\b(?P<word>yesterday|today|tonight|tomorrow)\b"),
    ("year", rf"\b(?P<rel>in|since|by|during|until|early|late|mid-)\s*{_YEAR}\b"),
]
REGEX = re.compile("|".join(f"(?P<{name}>{pattern.replace('?P<', f'?P<{name}_')})" for name, pattern in PATTERNS),
                   re.IGNORECASE)


def _month_index(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _next(month: int, day: int | None, anchor: dt.date) -> dt.date:
    """The first such date on or after the anchor (for "will meet on March 3")."""
    last = _most_recent(month, day, anchor)
    if last == anchor or (day is None and (last.year, last.month) == (anchor.year, anchor.month)):
        return last
    return last.replace(year=last.year + 1)


def _most_recent(month: int, day: int | None, anchor: dt.date) -> dt.date:
    year = anchor.year
    try:
        candidate = dt.date(year, month, day or 1)
    except ValueError:
        candidate = dt.date(year, month, 1)
    if candidate > anchor:
        candidate = candidate.replace(year=year - 1)
    return candidate


def resolve(kind: str, g: dict, anchor: dt.date | None) -> tuple[str | None, str | None]:
    """(value, precision) of one matched expression."""
    g = {k: (v.lower() if k in ("unit", "rel", "word", "n") else v) for k, v in g.items()}
    if kind in ("mdy", "dmy"):
        try:
            return dt.date(int(g["year"]), _month_index(g["month"]), int(g["day"])).isoformat(), "day"
        except ValueError:
            return None, "day"
    if kind == "my":
        return f"{int(g['year']):04d}-{_month_index(g['month']):02d}", "month"
    if kind == "since":
        return (f"{g['year']}/{anchor.isoformat()}" if anchor else None), "range"
    if kind == "rel_month" and (g.get("rel") or "").lower() == "since":
        start = _most_recent(_month_index(g["month"]), None, anchor) if anchor else None
        return (f"{start.strftime('%Y-%m')}/{anchor.isoformat()}" if anchor else None), "range"
    if kind == "year":
        return g["year"], "year"
    precision = {"md": "day", "dm": "day", "weekday": "day", "day_word": "day", "rel_month": "month",
                 "future": "range", "ago": "day"}.get(kind)
    if kind == "rel_unit":
        precision = {"week": "range", "month": "month", "year": "year"}[g["unit"]]
    if anchor is None:
        return None, precision
    future = g.get("future") == "1"
    if kind in ("md", "dm"):
        pick = _next if future else _most_recent
        return pick(_month_index(g["month"]), int(g["day"]), anchor).isoformat(), "day"
    if kind == "rel_month":
        month, rel = _month_index(g["month"]), (g.get("rel") or "").lower()
        if rel == "next" or (future and rel not in ("last", "since")):
            year = anchor.year + (1 if month <= anchor.month else 0)
            return f"{year:04d}-{month:02d}", "month"
        start = _most_recent(month, None, anchor)
        return start.strftime("%Y-%m"), "month"
    if kind == "weekday":
        weekday, rel = WEEKDAYS[g["weekday"].lower()], (g.get("rel") or "").lower()
        if rel == "next" or (future and rel != "last"):
            days = (weekday - anchor.weekday()) % 7 or (7 if rel == "next" else 0)
            return (anchor + dt.timedelta(days=days)).isoformat(), "day"
        back = (anchor.weekday() - weekday) % 7
        if rel == "last" and back == 0:
            back = 7
        return (anchor - dt.timedelta(days=back)).isoformat(), "day"
    if kind == "day_word":
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["word"].lower()]
        return (anchor + dt.timedelta(days=shift)).isoformat(), "day"
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else NUMBERS[g["n"].lower()]
        unit = g["unit"]
        if unit == "day":
            return (anchor - dt.timedelta(days=n)).isoformat(), "day"
        if unit == "week":
            return (anchor - dt.timedelta(weeks=n)).isoformat(), "day"
        if unit == "month":
            return _add_months(anchor, -n).strftime("%Y-%m"), "month"
        return str(anchor.year - n), "year"
    if kind == "rel_unit":
        rel, unit = g["rel"].lower(), g["unit"]
        offset = -1 if rel.startswith(("last", "late last", "earlier last")) else 1 if rel == "next" else 0
        if unit == "year":
            return str(anchor.year + offset), "year"
        if unit == "month":
            return _add_months(anchor, offset).strftime("%Y-%m"), "month"
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=offset)
        end = min(monday + dt.timedelta(days=6), anchor) if offset == 0 else monday + dt.timedelta(days=6)
        return f"{monday.isoformat()}/{end.isoformat()}", "range"
    if kind == "future":
        n = g.get("n")
        plural = g.get("plural") == "s"
        count = int(n) if n and n.isdigit() else NUMBERS.get((n or "").lower(), 3 if n or plural else 1)
        unit = g["unit"]
        months = {"day": 0, "week": 0, "month": count, "year": 12 * count, "decade": 120 * count}[unit]
        if months == 0:
            days = count * (7 if unit == "week" else 1)
            return f"{anchor.isoformat()}/{(anchor + dt.timedelta(days=days)).isoformat()}", "range"
        return f"{anchor.strftime('%Y-%m')}/{_add_months(anchor, months).strftime('%Y-%m')}", "range"
    return None, precision


FUTURE_AUX = {"will", "shall", "'ll", "wo"}
FUTURE_HEADS = {"schedule", "due", "plan", "expect", "set"}


def _future(doc, start: int, end: int) -> bool:
    """The clause the expression belongs to is about the future: "will meet on Friday", "is due to ... in May"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    for _ in range(3):  # "will begin talks ...": the aux of this verb or of the verbs governing it
        past = verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in verb.children if c.dep_ in ("aux", "auxpass"))
        if any(c.lower_ in FUTURE_AUX for c in verb.children) or (verb.lemma_ in FUTURE_HEADS and not past):
            return True  # "is due to", "are scheduled for", but not "was planned for February"
        if verb.head is verb or verb.dep_ not in ("xcomp", "conj", "advcl"):
            break
        verb = verb.head
    return False


BARE_MONTH = re.compile(rf"^(?:(?:early|late|mid-?)\s*)?{_MONTH}$")


def _bare_months(ctx: Context, taken: list[tuple[int, int]]):
    """spaCy DATE entities that are a bare month name ("December's talks"), not already matched."""
    for ent in ctx.doc.ents:
        if ent.label_ != "DATE" or any(a < ent.end_char and ent.start_char < b for a, b in taken):
            continue
        m = BARE_MONTH.match(ent.text)
        if m and m.group("month") != "May":
            yield ent.start_char, ent.end_char, ent.text, {"month": m.group("month")}


def extract(ctx: Context) -> list[TimeRef]:
    text = ctx.article.text
    anchor = dt.date.fromisoformat(ctx.article.published) if ctx.article.published else None
    out: list[TimeRef] = []
    for match in REGEX.finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        if ctx.article.is_repeat(start, end):
            continue
        prefix = f"{kind}_"
        groups = {k[len(prefix):]: v for k, v in match.groupdict().items() if k.startswith(prefix) and v}
        if any(groups.get(k) and not groups[k][0].isupper() for k in ("month", "weekday")):
            continue  # "may", "march": months and weekdays are capitalised
        if kind == "rel_month" and groups["month"] == "May" and groups.get("rel", "").lower() not in (
                "in", "last", "next", "since", "early", "late", "mid-", "by"):
            continue  # the modal verb
        if kind in ("md", "dm") and groups["month"] == "May" and not groups.get("day"):
            continue
        if kind in ("md", "dm", "rel_month", "weekday") and _future(ctx.doc, start, end):
            groups["future"] = "1"
        value, precision = resolve(kind, groups, anchor)
        out.append(TimeRef(text=match.group(0), start=start, end=end, value=value, precision=precision,
                           id=f"T{len(out) + 1}"))
    anchor_groups = [(t.start, t.end) for t in out]
    for start, end, text_, groups in list(_bare_months(ctx, anchor_groups)):
        if ctx.article.is_repeat(start, end):
            continue
        if _future(ctx.doc, start, end):
            groups["future"] = "1"
        value, precision = resolve("rel_month", groups, anchor)
        out.append(TimeRef(text=text_, start=start, end=end, value=value, precision=precision))
    out.sort(key=lambda t: t.start)
    return [replace(t, id=f"T{i}") for i, t in enumerate(out, start=1)]
