"""Publisher name from the page's URL when the page does not name itself."""
from __future__ import annotations

import functools
from urllib.parse import urlsplit

_SUBDOMAINS = {"www", "www2", "m", "mobile", "amp", "news", "edition", "en", "english", "eu", "us", "uk"}
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "gv"}
MIN_PART = 3  # never split off a piece shorter than this


@functools.lru_cache(maxsize=1)
def _masthead_words() -> frozenset[str]:
    from .. import lexicons

    return frozenset(w.casefold() for w in lexicons.load("boilerplate").get("masthead_words", ()))


def split_compound(label: str) -> list[str]:
    """'harborpost' -> ['harbor', 'post'], 'dailybuzzhub' -> ['daily', 'buzz', 'hub'], 'nytimes' -> ['ny', 'times'].
    Masthead words are peeled off the end (longest first); off the start only when what is left is all
    masthead words too ('theguardian' splits, 'newsweek' does not)."""
    known = _masthead_words()
    tail: list[str] = []
    rest = label
    while rest not in known:
        for size in range(len(rest) - 2, MIN_PART - 1, -1):
            if rest[-size:] in known:
                tail.insert(0, rest[-size:])
                rest = rest[:-size]
                break
        else:
            break
    for size in range(len(rest) - MIN_PART, MIN_PART - 1, -1):
        if rest not in known and rest[:size] in known and rest[size:] in known:
            return [rest[:size], rest[size:]] + tail
    return [rest] + tail


def _word(part: str, alone: bool) -> str:
    acronym = part.isalpha() and (len(part) <= 2 or (alone and len(part) <= 3))
    return part.upper() if acronym else part.capitalize()


def from_url(url: str | None) -> str | None:
    """``https://www.meridian-ledger.example/x`` -> "Meridian Ledger"; ``harborpost.example`` -> "Harbor Post";
    ``bbc.co.uk`` -> "BBC" (a name of three letters or fewer is taken for an acronym)."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return None
    labels = [p for p in host.split(".") if p]
    if len(labels) < 2 or all(p.isdigit() for p in labels):
        return None
    labels = labels[:-1]  # the top-level domain
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL and len(host.rsplit(".", 1)[-1]) == 2:
        labels = labels[:-1]  # co.uk, com.au ...
    while len(labels) > 1 and labels[0] in _SUBDOMAINS:
        labels = labels[1:]
    name = labels[-1] if labels else ""
    pieces = [w for w in name.replace("_", "-").split("-") if w]
    if len(pieces) == 1 and pieces[0].isalpha():
        pieces = split_compound(pieces[0])
    return " ".join(_word(w, len(pieces) == 1) for w in pieces) or None
