"""Story clusters: near-duplicate and rewritten articles.

Rewrites reorder and reword paragraphs, so long word n-grams rarely survive; what survives is the vocabulary,
and above all the names and numbers ("Alabuga", "Tatarstan", "6,000"). So:
1. each article becomes a bag of features: content words (stop words dropped, light suffix strip) plus its
   capitalised names and numbers as extra features;
2. MinHash LSH (datasketch) over the feature sets finds candidate pairs cheaply;
3. candidates are scored by TF-IDF cosine (IDF over the store, so words every article shares count little);
   (near-duplicates, with feature-set Jaccard >= ``NEAR_DUPLICATE``, count as identical);
4. clusters grow by average linkage above ``MIN_SIMILARITY``: a related story (the Treasury's sanctions beside
   the drone-plant scoop) that resembles one member strongly but the cluster weakly stays apart.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from datasketch import MinHash, MinHashLSH
from spacy.lang.en.stop_words import STOP_WORDS

from .ids import digest, keep_ids

NUM_PERM = 128
LSH_THRESHOLD = 0.1  # recall-oriented candidate search on feature-set Jaccard
MIN_SIMILARITY = 0.30  # average TF-IDF cosine between two clusters to merge them
NAME_WEIGHT = 2.0
NEAR_DUPLICATE = 0.8  # feature-set Jaccard above which two articles are one story whatever the IDF says

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d[\d,.]*")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+)*|\d[\d,.]*\d")
_NOT_NAMES = {"the", "a", "an", "in", "on", "but", "it", "he", "she", "they", "this", "that", "according", "and",
              "we", "i", "if", "as", "at", "for", "its", "his", "her", "their", "there", "after", "before", "when"}


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    return [_stem(w.lower().strip("'’")) for w in _WORD.findall(text) if w.lower() not in STOP_WORDS and len(w) > 2]


def features(text: str) -> Counter:
    bag = Counter(content_words(text))
    for name in _NAME.findall(text):
        if name.lower() not in _NOT_NAMES:
            bag["name:" + name.lower()] += 1
    return bag


def _minhash(items) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=7)
    for item in items:
        m.update(item.encode("utf-8"))
    return m


def _vectors(bags: dict[str, Counter]) -> dict[str, dict[str, float]]:
    df = Counter(f for bag in bags.values() for f in bag)
    n = len(bags)
    out = {}
    for aid, bag in bags.items():
        vec = {f: (1 + math.log(c)) * math.log((n + 1) / (df[f] + 1)) * (NAME_WEIGHT if f.startswith("name:") else 1)
               for f, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out[aid] = {f: v / norm for f, v in vec.items()}
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(f, 0.0) for f, v in a.items())


def cluster(articles: list[tuple[str, str]], previous: dict[str, str] | None = None) -> dict[str, str]:
    """article id -> story id. Deterministic for a given set of articles and `previous` ids (article id -> the story
    id of the last linking), which stories keep."""
    bags = {aid: features(text) for aid, text in sorted(articles)}
    vectors = _vectors(bags)
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    hashes = {}
    for aid, bag in bags.items():
        hashes[aid] = _minhash(bag)
        lsh.insert(aid, hashes[aid])
    sims: dict[tuple[str, str], float] = {}
    for aid in bags:
        for other in lsh.query(hashes[aid]):
            if other > aid:
                sims[(aid, other)] = _cosine(vectors[aid], vectors[other])
                shared = len(bags[aid].keys() & bags[other].keys()) / (len(bags[aid].keys() | bags[other].keys()) or 1)
                if shared >= NEAR_DUPLICATE:  # copies: in a tiny corpus every word is common and IDF is ~0
                    sims[(aid, other)] = 1.0

    members = {aid: [aid] for aid in bags}  # cluster key -> article ids
    owner = {aid: aid for aid in bags}

    def linkage(x: str, y: str) -> float:
        total = sum(sims.get((min(a, b), max(a, b)), 0.0) for a in members[x] for b in members[y])
        return total / (len(members[x]) * len(members[y]))

    while True:
        pairs = {(min(owner[a], owner[b]), max(owner[a], owner[b])) for (a, b) in sims if owner[a] != owner[b]}
        scored = sorted(((linkage(x, y), x, y) for x, y in pairs), key=lambda t: (-t[0], t[1], t[2]))
        if not scored or scored[0][0] < MIN_SIMILARITY:
            break
        _, x, y = scored[0]
        for aid in members.pop(y):
            owner[aid] = x
            members[x].append(aid)
    groups = [sorted(group) for _, group in sorted(members.items())]
    ids = keep_ids(groups, previous or {}, lambda group, attempt: digest("S", min(group) + "#" * attempt, 10))
    return {aid: story for group, story in zip(groups, ids) for aid in group}
