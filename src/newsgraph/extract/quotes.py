"""quotes extractor: direct quotations with their speaker.

Quotations are found by their marks (straight, curly, ``…''; continued over paragraphs), scare quotes
(1–3 words inside a clause) and titles are skipped. The speaker comes from the direct attribution
whose content covers the quotation ("“We will respond,” Lavrov said, “when the time comes.”" is one
quote in two parts; a quotation in the next paragraph is a quote of its own); its pronoun sources
("he said") are already resolved to the named person by the attribution extractor. A quotation with no cue of its own that opens the paragraph right after an
attributed one keeps that speaker.
"""
from __future__ import annotations

from ..types import Quote
from .attribution.lexicon import quote_regions
from .context import Context

NAME = "quotes.v1"
MIN_WORDS = 4


def _is_scare(text: str, s: int, e: int) -> bool:
    inner = text[s + 1:e - 1].strip()
    words = inner.split()
    if len(words) >= MIN_WORDS:
        return False
    # a short quote is still a quote when it is a whole utterance: "No," / "Never."
    return not (inner[-1:] in ",.!?" and (s == 0 or text[s - 1] in "\n" or text[s - 2:s].strip() in ("", ":")))


def extract(ctx: Context) -> list[Quote]:
    text = ctx.article.text
    direct = sorted((a for a in ctx.attributions if a.direct and a.source.kind != "publisher"),
                    key=lambda a: a.content.start)  # "X was asked, “…?”": no speaker for a sourceless cue
    quotes: list[Quote] = []
    used: set[str] = set()
    last_attr = None
    last_end = -10
    for s, e in quote_regions(text):
        if e - s < 3 or ctx.article.is_repeat(s, e):
            continue
        attr = next((a for a in direct if a.content.start <= s and e <= a.content.end), None)
        # a short quotation is a quote when an attribution's content starts or ends with it
        whole = attr is not None and attr.content.start == s
        if not whole and _is_scare(text, s, e):
            continue
        gap = text[last_end:s]
        if attr is None and last_attr is not None and (gap.strip() == "" or (
                gap.count("\n\n") == 1 and gap.rstrip(" ").endswith("\n"))):
            attr = last_attr  # the same speaker's quotation continued in the next paragraph
        if attr is not None and attr.id in used and quotes and quotes[-1].attribution == attr.id \
                and attr.content.start <= s and e <= attr.content.end and "\n" not in text[quotes[-1].end:s]:
            prev = quotes.pop()  # the second part of a quote split by its cue
            parts = f"{prev.text} {text[s + 1:e - 1].strip()}"
            quotes.append(Quote(prev.id, prev.speaker, parts, prev.start, e, attr.id))
            last_end = e
            continue
        inner = text[s:e].strip("\"“”‘’«»`' \n")
        quotes.append(Quote(f"Q{len(quotes) + 1}", attr.source if attr else None, inner, s, e,
                            attr.id if attr else None))
        if attr is not None:
            used.add(attr.id)
        last_attr, last_end = attr, e
    return quotes
