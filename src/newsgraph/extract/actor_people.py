"""People in actor coding: titles before a name or in an apposition after it, the office-holders list, and
later mentions ("Blinken", "the secretary", "he") linked to the first one."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}
PRONOUNS = {"he", "she"}
TITLE_WINDOW = 7
APPOSITION_LEAD = {"DET", "ADJ", "PART", "PROPN"}  # "the", "top", "'s", "US" before an appositive title
BACK_TITLES = {"secretary", "minister", "president", "chancellor", "spokesman", "spokeswoman", "spokesperson",
               "premier", "general", "ambassador", "envoy", "king", "prince", "leader", "senator", "adviser"}


@dataclass
class Draft:
    start: int  # token offsets
    end: int
    text: str
    name: str
    code: str | None
    sector: str | None
    kind: str
    office: str | None = None
    ref: "Draft | None" = None
    subject: bool = False  # the name is a subject of its clause (for pronoun linking)

    def first(self) -> "Draft":
        return self.ref or self


def title_before(doc, ent: Span, lex, sent_start: int) -> int | None:
    """Start token of the longest known title right before a name ("Secretary of State" Antony Blinken)."""
    best = None
    for k in range(1, TITLE_WINDOW):
        start = ent.start - k
        if start < sent_start:
            break
        if doc[start: ent.start].text.lower() in lex.titles:
            best = start
    return best


def title_after(doc, ent: Span, lex) -> tuple[int, int] | None:
    """(start, end) of the title heading an apposition: "Antony Blinken, the US secretary of state," or
    "Omar Touray, president of the ECOWAS Commission". Only determiners, adjectives, possessives and proper
    nouns (a country) may come before the title."""
    if ent.end >= len(doc) - 1 or doc[ent.end].text != ",":
        return None
    start, stop = ent.end + 1, min(len(doc), ent.end + 8)
    while start < stop:
        for end in range(min(stop, start + 5), start, -1):
            if doc[start:end].text.lower() in lex.titles:
                return start, end
        if doc[start].pos_ not in APPOSITION_LEAD or doc[start].text == ",":
            return None
        start += 1
    return None


def link_titles_back(doc, drafts: list[Draft], taken: set[int], kept) -> list[Draft]:
    """"the secretary", "the minister": the one earlier person whose office has that word."""
    people = [d for d in drafts if d.kind == "person" and d.ref is None and d.office]
    out = []
    if not people:
        return out
    for tok in doc:
        if tok.lower_ not in BACK_TITLES or tok.i == 0 or doc[tok.i - 1].lower_ != "the" or tok.i in taken:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" or not kept(doc[tok.i - 1: tok.i + 1]):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
            continue  # "the president of Armenia" names its own office holder, not an earlier one
        found = {id(p): p for p in people if p.end <= tok.i and tok.lower_ in p.office.lower().split()}
        if len(found) == 1:
            p = next(iter(found.values()))
            out.append(Draft(tok.i - 1, tok.i + 1, "", p.name, p.code, p.sector, "person", p.office, ref=p))
    return out


def link_pronouns(doc, drafts: list[Draft], kept) -> list[Draft]:
    """"he"/"she" as a subject: the person named earlier in the same sentence, or else in the previous one,
    when that is one person (or one subject among several)."""
    persons = sorted((d for d in drafts if d.kind == "person"), key=lambda d: d.start)
    sents = {s.start: s for s in doc.sents}
    out = []
    for tok in doc:
        if tok.lower_ not in PRONOUNS or tok.dep_ not in SUBJECT_DEPS or not kept(doc[tok.i: tok.i + 1]):
            continue
        sent = tok.sent
        here = [p for p in persons if sent.start <= p.start and p.end <= tok.i]
        if not here and sent.start > 0:
            prev = doc[sent.start - 1].sent
            here = [p for p in persons if prev.start <= p.start < sents.get(sent.start, sent).start]
        target = _unambiguous(here)
        if target is not None:
            out.append(Draft(tok.i, tok.i + 1, tok.text, target.name, target.code, target.sector, "person",
                             target.office, ref=target))
    return out


def _unambiguous(mentions: list[Draft]) -> Draft | None:
    distinct = {id(m.first()): m.first() for m in mentions}
    if len(distinct) == 1:
        return next(iter(distinct.values()))
    subjects = {id(m.first()): m.first() for m in mentions if m.subject}
    return next(iter(subjects.values())) if len(subjects) == 1 else None
