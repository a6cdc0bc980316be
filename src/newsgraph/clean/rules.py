"""The boilerplate lexicon (lexicons/boilerplate.json) compiled once per process."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .. import lexicons


@dataclass(frozen=True)
class Rule:
    reason: str
    max_words: int
    patterns: tuple[re.Pattern, ...]
    then: re.Pattern | None  # buttons/links that follow a matched line, removed with the same reason
    then_headline: bool  # also remove the short headline right under the matched line (sponsored slots)

    def matches(self, line: str, words: int) -> bool:
        return words <= self.max_words and any(p.fullmatch(line) for p in self.patterns)


@dataclass(frozen=True)
class Lexicon:
    rules: tuple[Rule, ...]
    menu_words: frozenset[str]
    empty_headings: frozenset[str]


@functools.lru_cache(maxsize=8)
def load(user_files: tuple[Path, ...] = ()) -> Lexicon:
    data = lexicons.load("boilerplate", tuple(user_files))
    rules = []
    for item in data["rules"]:
        flags = 0 if item.get("case_sensitive") else re.I
        then = item.get("then")
        rules.append(Rule(
            reason=item["reason"],
            max_words=int(item.get("max_words", 12)),
            patterns=tuple(re.compile(p, flags) for p in item["patterns"]),
            then=re.compile("|".join(f"(?:{p})" for p in then), re.I) if then else None,
            then_headline=bool(item.get("then_headline")),
        ))
    return Lexicon(tuple(rules), frozenset(w.casefold() for w in data.get("menu_words", ())),
                   frozenset(w.casefold() for w in data.get("empty_headings", ())))
