"""Paragraphs that repeat an earlier paragraph of the same page in other words.

Each paragraph becomes a set of content-word stems (stop words, hedges and attribution verbs dropped,
crude suffix stripping so "travelled"/"travel", "cited"/"citing" meet). Each stem is weighted by its
inverse paragraph frequency inside the article (log((N+1)/df) + 1): the names every paragraph repeats
("Iran", "drones") count little, the specific facts (a place, a date, a number) count a lot. A later
paragraph repeats an earlier one when the weighted overlap coefficient
sum(w, A∩B) / min(sum(w, A), sum(w, B)) reaches THRESHOLD and the overlap is not carried by names alone
(at least MIN_COMMON_WORDS shared stems are ordinary lower-case words). Short paragraphs (< MIN_STEMS
stems) are never compared. On the 16 bundled samples, distinct paragraphs of one article score at most
0.32 and the reworded repeat 0.47; exact copies score 1.0. THRESHOLD sits between.
"""
from __future__ import annotations

import functools
import math
import re

from ..types import Repeat

THRESHOLD = 0.4
MIN_STEMS = 8
MIN_COMMON_WORDS = 3
WINDOW = 300  # compare with at most this many earlier paragraphs (bounded cost on huge inputs)
_TOKEN = re.compile(r"[\w’']+")
# words that reworded copies add or drop without changing the facts
_FILLER = frozenset("""reportedly allegedly apparently according report reports reported reporting said says say
told tell claim claims claimed back also just still even really very some any every many much more most""".split())
_SUFFIXES = ("ing", "ed", "es", "s", "ly")


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | _FILLER


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "sl":  # planned -> plan
        word = word[:-1]
    return word


def stems(paragraph: str) -> tuple[frozenset[str], frozenset[str]]:
    """(all content stems, stems of ordinary lower-case words)."""
    stop = _stop_words()
    every, ordinary = set(), set()
    for token in _TOKEN.findall(paragraph):
        low = token.casefold().strip("’'-")
        if not low or low in stop:
            continue
        stem = _stem(low.replace("’", "'").removesuffix("'s"))
        every.add(stem)
        if token[0].islower():
            ordinary.add(stem)
    return frozenset(every), frozenset(ordinary)


def _weights(prepared) -> dict[str, float]:
    df: dict[str, int] = {}
    for every, _ in prepared:
        for stem in every:
            df[stem] = df.get(stem, 0) + 1
    n = len(prepared)
    return {stem: math.log((n + 1) / count) + 1.0 for stem, count in df.items()}


def _score(a, b, weights) -> float:
    (sa, oa), (sb, ob) = a, b
    if min(len(sa), len(sb)) < MIN_STEMS:
        return 0.0
    common = sa & sb
    if len(common & (oa | ob)) < MIN_COMMON_WORDS:
        return 0.0
    mass = lambda stems_: sum(weights[s] for s in stems_)  # noqa: E731
    return mass(common) / min(mass(sa), mass(sb))


def similarity(paragraphs: list[str], i: int, j: int) -> float:
    """Weighted overlap of paragraphs i and j, weighted within ``paragraphs`` (0 when too short or names only)."""
    prepared = [stems(p) for p in paragraphs]
    return _score(prepared[i], prepared[j], _weights(prepared))


def find(paragraphs: list[str], spans: list[tuple[int, int]]) -> list[Repeat]:
    """Repeats among ``paragraphs`` (with their spans in the final text); each later paragraph is
    flagged once, against the earliest paragraph it repeats."""
    prepared = [stems(p) for p in paragraphs]
    weights = _weights(prepared)
    repeats = []
    again: set[int] = set()
    for j in range(1, len(paragraphs)):
        if len(prepared[j][0]) < MIN_STEMS:
            continue
        for i in range(max(0, j - WINDOW), j):
            if i not in again and _score(prepared[i], prepared[j], weights) >= THRESHOLD:
                repeats.append(Repeat(first=spans[i], again=spans[j]))
                again.add(j)
                break
    return repeats
