"""Ids that survive relinking: a story or merged event keeps its id when a new article joins it."""
from __future__ import annotations

import hashlib
from collections import Counter
from typing import Callable, Hashable, Sequence


def digest(prefix: str, key: str, size: int) -> str:
    return prefix + hashlib.sha1(key.encode()).hexdigest()[:size]


def keep_ids(groups: Sequence[Sequence[Hashable]], previous: dict[Hashable, str],
             fresh: Callable[[Sequence[Hashable], int], str]) -> list[str]:
    """One id per group. A group takes the old id that most of its members had; an old id goes to one group only,
    the one holding most of its old members. Other groups get `fresh(group, attempt)`, retried on a clash."""
    claims = []
    for index, group in enumerate(groups):
        votes = Counter(previous[m] for m in group if m in previous)
        claims.extend((-count, index, old) for old, count in votes.items())
    ids: list[str | None] = [None] * len(groups)
    taken: set[str] = set()
    for _, index, old in sorted(claims):
        if ids[index] is None and old not in taken:
            ids[index] = old
            taken.add(old)
    for index, group in enumerate(groups):
        attempt = 0
        while ids[index] is None:
            candidate = fresh(group, attempt)
            if candidate not in taken:
                ids[index] = candidate
                taken.add(candidate)
            attempt += 1
    return ids
