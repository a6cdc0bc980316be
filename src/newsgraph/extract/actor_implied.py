"""Actors whose country the text implies rather than names.

- "the government", "the army", "police", "the rebels": a bare state-sector noun (``countries.json``
  ``implied_country_nouns``) takes the article's country: the dateline's, else the country a strict majority
  (at least two) of the article's coded mentions name. With no such country the noun stays uncoded (events may
  still give it the one country its sentence names).
- "an embassy in Tehran", "the consulate in Iran": the host of a diplomatic post is that country's government
  (PLOVER coders take the host state as the target of acts against or about the post).
"""
from __future__ import annotations

from collections import Counter

from .actor_people import Draft

DIPLOMATIC_POSTS = frozenset({"embassy", "embassies", "consulate", "consulates", "legation", "mission", "missions",
                              "chancery"})
DEFINITE = frozenset({"the"})
NOT_STATES = frozenset({"WST", "EUR", "KUR"})
OWNER_DEPS = frozenset({"poss", "compound", "nmod"})  # "its army", "the Kurdish army" are someone else's


def host_of_post(span) -> bool:
    """True when the name is where a diplomatic post is: "an embassy in Tehran", "its consulate in Iran"."""
    tok = span.root
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at") and tok.head.head.lower_ in DIPLOMATIC_POSTS


def article_country(article, drafts: list[Draft], lex) -> str | None:
    """The country an article is about: its dateline's ("KANO, Nigeria", "MOSCOW"), else the ISO-3 code of a
    strict majority, at least two, of its coded mentions (outlets excluded: they report, they are not the subject)."""
    if article.dateline:
        for part in reversed([p.strip(" ()-—") for p in article.dateline.replace("(", ",").split(",")]):
            for name in (part, part.title()):
                code = lex.countries.get(name) or lex.capitals.get(name)
                if code and code not in NOT_STATES:  # "BRUSSELS" datelines are the EU's, not a state's
                    return code
    isos = set(lex.countries.values()) - NOT_STATES
    counts = Counter(d.first().code for d in drafts if d.first().code in isos and d.kind != "outlet")
    if not counts:
        return None
    code, n = counts.most_common(1)[0]
    return code if n >= 2 and n * 2 > sum(counts.values()) else None


def implied_drafts(doc, drafts: list[Draft], consumed: set[int], kept, lex, country: str | None) -> list[Draft]:
    """Drafts for bare state-sector nouns ("the government", "police", "the rebels") coded with ``country``."""
    if country is None or not lex.implied_nouns:
        return []
    busy = set(consumed) | {i for d in drafts for i in range(d.start, d.end)}
    out = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.i in busy:
            continue
        two = f"{doc[tok.i - 1].lower_} {tok.lower_}" if tok.i > 0 else ""
        sector = lex.implied_nouns.get(two) or lex.implied_nouns.get(tok.lower_)
        if sector is None or tok.dep_ == "compound":
            continue
        start = tok.i - 1 if two in lex.implied_nouns else tok.i
        left = [c for c in tok.children if c.i < tok.i]
        if any(c.dep_ in OWNER_DEPS or (c.dep_ == "det" and c.lower_ not in DEFINITE) or c.i in busy for c in left):
            continue  # "its army", "a government", "Kurdish rebels" coded elsewhere
        if any(c.dep_ == "prep" and c.lower_ in ("of", "in", "from") for c in tok.children):
            continue  # "the government of X", "rebels in X": the phrase names its own country (events read it)
        if tok.tag_ == "NN" and not any(c.dep_ == "det" for c in left) and tok.lower_ not in lex.implied_bare:
            continue  # a bare singular ("government spending") is no actor; "police" is
        start = min([start] + [c.i for c in left if c.dep_ in ("det", "amod")])
        span = doc[start: tok.i + 1]
        if not kept(span):
            continue
        out.append(Draft(start, tok.i + 1, span.text, lex.country_names.get(country, country), country, sector,
                         "group"))
        busy.update(range(start, tok.i + 1))
    return out
