"""Line-level cleaner for text a scraper (or trafilatura) has already extracted.

Every dropped line is recorded as Removal(text, reason); reasons come from lexicons/boilerplate.json
plus "navigation" (menu-word lines), "section-heading" (headings named in the page's own "Jump to"
list), "empty-heading" (FAQ/Contents headers with nothing under them) and "dateline".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..types import Removal
from . import dateline as datelines
from .rules import Lexicon

_SPACES = re.compile(r"[ \t\f\v]+")
_MENU_SPLIT = re.compile(r"\s*(?:[|·•/»›]|\s{2,})\s*")
_BULLET = re.compile(r"^(?:[-*•·▪►>]+\s+)")
_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ":", ";", ")")
_SELF_NAMED = (re.compile(r"\bAt ([A-Z][\w&.'’ -]{1,40}?), we (?:may )?(?:earn|receive)"),
               re.compile(r"(?:©|\(c\)|[Cc]opyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?"
                          r"([A-Z][\w&.'’ -]{1,40}?)(?:[.,]|\s+All rights|\s*$)"))


@dataclass
class Cleaned:
    paragraphs: list[str]
    title: str | None = None
    removed: list[Removal] = field(default_factory=list)
    dateline: str | None = None
    publisher: str | None = None  # the page naming itself
    date: str | None = None  # from a byline or timestamp line
    order: list[int] = field(default_factory=list)  # line number of each removal

    def drop(self, lineno: int, text: str, reason: str) -> None:
        self.removed.append(Removal(text, reason))
        self.order.append(lineno)


def words(line: str) -> int:
    return len(line.split())


def _is_menu(line: str, lex: Lexicon) -> bool:
    parts = [p for p in _MENU_SPLIT.split(line.casefold().strip(" |·•")) if p]
    return bool(parts) and all(p in lex.menu_words for p in parts)


def _headingish(line: str) -> bool:
    return words(line) <= 8 and not line.endswith(_TERMINAL[:3])


def _toc_entries(line: str) -> set[str]:
    _, _, rest = line.partition(":") if ":" in line else ("", "", "")
    return {p.strip().casefold() for p in re.split(r"\s*[|·•,;]\s*", rest) if p.strip()}


def clean_lines(text: str, lex: Lexicon, title: str | None = None, take_title: bool = True) -> Cleaned:
    """Drop boilerplate lines. A first line repeating ``title`` is dropped; with ``take_title`` and no
    title, the first content line becomes the title (scraped text starts with its headline)."""
    out = Cleaned(paragraphs=[], title=title)
    kept: list[tuple[int, str, int]] = []  # (block number, line, line number)
    block, then_rule, headline_rule, toc = 0, None, None, set()
    blank_since_match = False
    for lineno, raw_line in enumerate(text.split("\n")):
        line = _SPACES.sub(" ", raw_line).strip()
        if not line:
            block += 1
            blank_since_match = True
            headline_rule = None
            continue
        n = words(line)
        bare = _BULLET.sub("", line)
        if then_rule and then_rule.then.fullmatch(bare.casefold()):
            out.drop(lineno, line, then_rule.reason)
            continue
        then_rule = None
        if headline_rule and not blank_since_match and n <= 14 and not line.endswith(_TERMINAL[:3]):
            out.drop(lineno, line, headline_rule.reason)
            headline_rule = None
            continue
        headline_rule = None
        reason = None
        for rule in lex.rules:
            if rule.matches(bare, n):
                reason = rule.reason
                then_rule = rule if rule.then else None
                headline_rule = rule if rule.then_headline else None
                blank_since_match = False
                break
        if reason is None and _is_menu(bare, lex):
            reason = "navigation"
        if reason is None:
            if take_title and not kept and out.title is None and n <= 25 and not line.endswith("."):
                out.title = line  # scraped text opens with its headline
                continue
            take_title = False
            kept.append((block, line, lineno))
            continue
        out.drop(lineno, line, reason)
        if reason == "table-of-contents":
            toc |= _toc_entries(line)
        if reason in ("disclaimer", "copyright") and out.publisher is None:
            out.publisher = _self_name(line)
        if reason in ("byline", "timestamp") and out.date is None:
            out.date = datelines.date_in(line)
    if title and kept and _same(kept[0][1], title):
        kept.pop(0)
    kept = _drop_headings(kept, toc, lex, out)
    kept = _take_dateline(kept, out)
    out.paragraphs = _paragraphs(kept)
    out.removed = [r for _, r in sorted(zip(out.order, out.removed), key=lambda pair: pair[0])]
    return out


def _same(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\W+", " ", s).strip().casefold()  # noqa: E731
    return norm(a) == norm(b)


def _self_name(line: str) -> str | None:
    for pattern in _SELF_NAMED:
        m = pattern.search(line)
        if m:
            name = m.group(1).strip(" .,")
            if name and not name.casefold().startswith(("our ", "this ", "the site", "all ")):
                return name
    return None


def _drop_headings(kept: list[tuple[int, str, int]], toc: set[str], lex: Lexicon, out: Cleaned) -> list:
    result = []
    for i, (block, line, lineno) in enumerate(kept):
        key = line.casefold().rstrip(":")
        if key in toc and _headingish(line):
            out.drop(lineno, line, "section-heading")
            continue
        if key in lex.empty_headings:
            nxt = kept[i + 1][1] if i + 1 < len(kept) else None
            if nxt is None or (_headingish(nxt) and words(nxt) <= 5):
                out.drop(lineno, line, "empty-heading")
                continue
        result.append((block, line, lineno))
    return result


def _take_dateline(kept: list[tuple[int, str, int]], out: Cleaned) -> list:
    """The first dateline before the first body paragraph (a lone line, or a wire prefix)."""
    for i, (block, line, lineno) in enumerate(kept):
        if words(line) >= 8 and line.endswith(_TERMINAL):
            found = datelines.inline(line)
            if found:
                out.dateline, cut = found
                out.drop(lineno, line[:cut].rstrip(), "dateline")
                return kept[:i] + [(block, line[cut:], lineno)] + kept[i + 1:]
            return kept
        if i < 6:
            found = datelines.lone(line)
            if found:
                out.dateline = found
                out.drop(lineno, line, "dateline")
                return kept[:i] + kept[i + 1:]
    return kept


def _paragraphs(kept: list[tuple[int, str, int]]) -> list[str]:
    """Blank lines separate paragraphs; inside a block, a line continues the previous one only when that
    one has no closing punctuation and this one starts in lower case (hard-wrapped text)."""
    paragraphs: list[str] = []
    last_block = None
    for block, line, _ in kept:
        if paragraphs and block == last_block and not paragraphs[-1].endswith(_TERMINAL) and line[:1].islower():
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        last_block = block
    return paragraphs
