"""The typed context handed to each extractor: the article, its parsed Doc, and earlier results."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..config import Settings
from ..types import Actor, Article, Attribution, Place, Quantity, Quote, TimeRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


@dataclass
class Context:
    article: Article
    doc: "Doc"
    settings: Settings = field(default_factory=Settings)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def sentences(self) -> list["Span"]:
        """Sentences to extract from: those outside repeated paragraphs (a repeat is used once)."""
        return [s for s in self.doc.sents if not self.article.is_repeat(s.start_char, s.end_char)]

    def innermost_attribution(self, start: int, end: int) -> Attribution | None:
        """The narrowest attribution whose content covers [start, end)."""
        best = None
        for attr in self.attributions:
            c = attr.content
            if c.start <= start and end <= c.end:
                if best is None or (c.end - c.start) < (best.content.end - best.content.start):
                    best = attr
        return best
