"""Attribution lexicons, loaded once per process."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...lexicons import load

OPEN_QUOTES = "\"“‘«"
CLOSE_QUOTES = "\"”’»"


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]  # lemma -> complement kind: clause | both
    prepositional: tuple[str, ...]
    citing: frozenset[str]
    noun_cues: frozenset[str]
    anonymous_heads: frozenset[str]
    anonymity_cues: tuple[str, ...]
    vague_alone: frozenset[str]
    official_heads: frozenset[str]
    organisations: dict[str, tuple[str, str | None]]
    outlets: dict[str, tuple[str, str]]
    outlet_heads: frozenset[str]
    country_words: dict[str, str | None]
    no_source: frozenset[str]
    in_sources: frozenset[str]  # "in a CNN poll, …", "in his words, …"


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    verbs_data = load("reporting_verbs")
    verbs: dict[str, str] = {}
    for group in ("cognition", "speech"):  # speech wins for lemmas listed in both
        for lemma in verbs_data[group]["lemmas"]:
            verbs[lemma] = verbs_data[group]["complement"]
    cues = load("attribution_cues")
    src = load("attribution_sources")
    return Lexicon(
        verbs=verbs,
        prepositional=tuple(cues["prepositional"]),
        citing=frozenset(cues["citing_verbs"]),
        noun_cues=frozenset(cues["noun_cues"]),
        anonymous_heads=frozenset(src["anonymous_heads"]),
        anonymity_cues=tuple(src["anonymity_cues"]),
        vague_alone=frozenset(src["vague_alone"]),
        official_heads=frozenset(src["official_heads"]),
        organisations={k: tuple(v) for k, v in src["organisations"].items()},
        outlets={k: tuple(v) for k, v in src["outlets"].items()},
        outlet_heads=frozenset(src["outlet_heads"]),
        country_words=dict(src["country_words"]),
        no_source=frozenset(verbs_data["no_source_subjects"]),
        in_sources=frozenset(cues.get("in_sources", ())),
    )


QUOTE_MARK_RE = re.compile(r"''|``|[\"“”‘’«»]")


def _opens(text: str, s: int, e: int) -> bool:
    mark = text[s:e]
    if mark in ("“", "``", "«", "‘"):
        return mark != "‘" or s == 0 or not text[s - 1].isalnum()
    if mark in ("”", "»", "’"):
        return False
    before = text[s - 1] if s else " "
    after = text[e] if e < len(text) else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


def quote_regions(text: str) -> list[tuple[int, int]]:
    """[start, end) of every quotation, quote marks included. Marks are read as opening or closing by
    their neighbours; an opening mark left unclosed at a paragraph end runs to that end (news style
    for quotes continued over paragraphs). Apostrophes (don’t, Trump’s) are not quote marks."""
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    open_mark = ""
    for m in QUOTE_MARK_RE.finditer(text):
        s, e = m.span()
        mark = m.group()
        if mark == "’" and (s and text[s - 1].isalnum() and e < len(text) and text[e].isalnum()):
            continue  # apostrophe
        if open_at is not None and "\n\n" in text[open_at:s]:
            regions.append((open_at, text.index("\n\n", open_at)))
            open_at = None
        if open_at is None:
            if _opens(text, s, e):
                open_at, open_mark = s, mark
        elif mark in ("‘", "’") and open_mark not in ("‘", "’"):
            continue  # single quotes nested in a double-quoted passage
        elif not _opens(text, s, e) or mark in ("”", "»", "''"):
            regions.append((open_at, e))
            open_at = None
    if open_at is not None:
        end = text.find("\n\n", open_at)
        regions.append((open_at, len(text) if end < 0 else end))
    return regions
