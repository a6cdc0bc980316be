"""Actors, coded CAMEO/PLOVER style: a country (ISO-3) or organisation code plus a sector.

- countries, demonyms and outlets/organisations from the lexicons (one PhraseMatcher, built once);
- the sector from the head noun the name modifies ("Iranian drone manufacturer" -> IRN BUS);
- capitals only when they act ("Moscow and Tehran are moving ahead" -> RUS GOV, IRN GOV); a capital that is
  only where something happens is a place, left to the places extractor;
- people by their title and its country ("Secretary of State Antony Blinken" -> USA GOV), by the office holders
  list on the publication date, with later mentions ("Blinken", "he") linked to the first by ``ref``.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span
from spacy.util import filter_spans

from ..types import Actor
from . import actor_lexicon
from .actor_lexicon import CAPITAL, COUNTRY, DEMONYM, ORG, OUTLET
from .context import Context

NAME = "actors.v1"
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}
PRONOUNS = {"he", "she"}
TITLE_WINDOW = 7


@dataclass
class _Draft:
    start: int
    end: int
    text: str
    name: str
    code: str | None
    sector: str | None
    kind: str
    office: str | None = None
    ref: "_Draft | None" = None


def is_agentive(span: Span) -> bool:
    """True when a place name acts: a subject (or coordinated with one), a possessor, or a passive's agent."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in SUBJECT_DEPS or tok.dep_ == "poss":
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.dep_ == "agent"


def _sector_head(span: Span, lex) -> tuple[int, str] | None:
    """(end token index, sector) when the name modifies a sector noun: "US officials", "Iranian drone maker".
    The outermost sector noun wins: "Ukrainian state media" is MED, not GOV."""
    tok, found = span.root, None
    for _ in range(3):
        if tok.dep_ not in MODIFIER_DEPS or tok.head is tok or tok.head.pos_ not in {"NOUN", "PROPN"}:
            break
        head = tok.head
        if head.i < span.start:
            break
        two = f"{head.nbor(-1).lower_} {head.lower_}" if head.i > 0 else ""
        sector = lex.sector_nouns.get(two) or lex.sector_nouns.get(head.lower_) or lex.sector_nouns.get(head.lemma_)
        if sector:
            found = (head.i + 1, sector)
        tok = head
    return found


def _title_before(doc, ent: Span, lex, sent_start: int) -> tuple[int, str] | None:
    """(start token, title) of the longest known title right before a name."""
    best = None
    for k in range(1, TITLE_WINDOW):
        start = ent.start - k
        if start < sent_start:
            break
        phrase = doc[start: ent.start].text.lower()
        if phrase in lex.titles:
            best = (start, phrase)
    return best


def _title_after(doc, ent: Span, lex) -> tuple[int, str] | None:
    """A title in an apposition: "Antony Blinken, the US secretary of state," -> (end token, title)."""
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    stop = min(len(doc), ent.end + 10)
    for end in range(stop, ent.end + 1, -1):
        for start in range(ent.end + 1, end):
            phrase = doc[start:end].text.lower()
            if phrase in lex.titles:
                return end, phrase
    return None


def _country_before(spans_by_end: dict[int, Span], doc, index: int, lex) -> tuple[int, str | None] | None:
    """(start, code) of a country, demonym or organisation right before token ``index`` ("Iran 's" too)."""
    for end in (index, index - 1):
        span = spans_by_end.get(end)
        if span is not None and (end == index or doc[index - 1].tag_ == "POS"):
            return span.start, _code_of(span, span.label_, lex)
    return None


def _code_of(span: Span, label: str, lex) -> str | None:
    text = span.text
    if label == COUNTRY:
        return lex.countries.get(text)
    if label == DEMONYM:
        return lex.demonyms.get(text.lower())
    if label == ORG:
        return lex.orgs[text][1]
    if label == OUTLET:
        return lex.outlets[text][1]
    return lex.capitals.get(text)


def extract(ctx: Context) -> list[Actor]:
    doc = ctx.doc
    user = tuple(ctx.settings.user_lexicons)
    lex = actor_lexicon.load(user)
    matcher = actor_lexicon.matcher(doc.vocab, user)
    published = ctx.article.published
    keep = [(s.start_char, s.end_char) for s in ctx.sentences()]

    def kept(span) -> bool:
        return any(a <= span.start_char and span.end_char <= b for a, b in keep)

    spans = [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in matcher(doc)]
    spans = filter_spans(spans)
    named = [s for s in spans if s.label_ in (OUTLET, ORG)]
    persons = [e for e in doc.ents if e.label_ == "PERSON" and not any(
        s.start < e.end and e.start < s.end for s in named)]
    spans = [s for s in spans if s.label_ in (OUTLET, ORG) or not any(p.start <= s.start < p.end for p in persons)]
    by_end = {s.end: s for s in spans}
    drafts: list[_Draft] = []
    consumed: set[int] = set()

    people: dict[str, _Draft] = {}
    for ent in persons:
        if not kept(ent):
            continue
        name = ent.text.removesuffix("'s").removesuffix("’s").strip()
        sent_start = ent.sent.start
        title = _title_before(doc, ent, lex, sent_start)
        start, code, office, sector = ent.start, None, None, None
        appositive_end = ent.end
        if title:
            start, office = title
            sector = lex.titles[office]
            office = doc[start: ent.start].text
            found = _country_before(by_end, doc, start, lex)
            if found:
                start, code = found
        else:
            after = _title_after(doc, ent, lex)
            if after:
                appositive_end, office = after
                sector = lex.titles[office]
                inner = [s for s in spans if ent.end < s.start < after[0] and s.label_ in (COUNTRY, DEMONYM)]
                code = _code_of(inner[0], inner[0].label_, lex) if inner else None
        first = people.get(name.split()[-1].lower())
        holder = lex.holder(name, published)
        if code is None and holder:
            code = holder[1]
            office = office or holder[2]
            sector = sector or lex.titles.get(holder[2].lower(), "GOV")
        if code is None and office:
            code = lex.title_country.get(office)
        if first is not None and (len(name.split()) == 1 or name == first.name):
            draft = _Draft(ent.start, ent.end, ent.text, first.name, first.code, first.sector, "person", first.office,
                           ref=first.ref or first)
        else:
            full = holder[0] if holder and len(name.split()) == 1 else name
            draft = _Draft(start, ent.end, doc[start: ent.end].text, full, code, sector, "person",
                           office)
            people.setdefault(name.split()[-1].lower(), draft)
        drafts.append(draft)
        consumed.update(range(start, appositive_end))

    for span in spans:
        if not kept(span) or any(i in consumed for i in range(span.start, span.end)):
            continue
        label = span.label_
        code = _code_of(span, label, lex)
        if label == OUTLET:
            name, code = lex.outlets[span.text]
            drafts.append(_Draft(span.start, span.end, span.text, name, code, "MED", "outlet"))
        elif label == ORG:
            name, code, sector = lex.orgs[span.text]
            drafts.append(_Draft(span.start, span.end, span.text, name, code, sector, "organisation"))
        elif label == CAPITAL:
            if is_agentive(span):
                drafts.append(_Draft(span.start, span.end, span.text, lex.country_names.get(code, span.text), code,
                                     "GOV", "country"))
        else:
            head = _sector_head(span, lex)
            name = lex.country_names.get(code, span.text)
            if head:
                drafts.append(_Draft(span.start, head[0], doc[span.start: head[0]].text, name, code, head[1], "group"))
                consumed.update(range(span.start, head[0]))
            else:
                kind = "group" if label == DEMONYM and span.root.pos_ in {"NOUN", "PROPN"} and \
                    span.root.tag_ in {"NNS", "NNPS"} else "country"
                drafts.append(_Draft(span.start, span.end, span.text, name, code, None, kind))

    drafts.extend(_pronouns(ctx, drafts, kept))
    return _finish(doc, drafts)


def _pronouns(ctx: Context, drafts: list[_Draft], kept) -> list[_Draft]:
    """"he"/"she" as a subject refers to the last person named within the two sentences before it."""
    out = []
    persons = sorted((d for d in drafts if d.kind == "person"), key=lambda d: d.start)
    for tok in ctx.doc:
        if tok.lower_ not in PRONOUNS or tok.dep_ not in SUBJECT_DEPS or not kept(tok.doc[tok.i: tok.i + 1]):
            continue
        before = [p for p in persons if p.end <= tok.i and tok.sent.start - p.start < 120]
        if before:
            first = before[-1].ref or before[-1]
            out.append(_Draft(tok.i, tok.i + 1, tok.text, first.name, first.code, first.sector, "person",
                              first.office, ref=first))
    return out


def _finish(doc, drafts: list[_Draft]) -> list[Actor]:
    drafts = sorted({(d.start, d.end): d for d in drafts}.values(), key=lambda d: (d.start, d.end))
    ids = {id(d): f"A{i}" for i, d in enumerate(drafts, start=1)}
    out = []
    for d in drafts:
        span = doc[d.start: d.end]
        out.append(Actor(text=span.text, start=span.start_char, end=span.end_char, name=d.name, code=d.code,
                         sector=d.sector, kind=d.kind, id=ids[id(d)], office=d.office,
                         ref=ids.get(id(d.ref)) if d.ref is not None else None))
    return [replace(a, ref=None) if a.ref == a.id else a for a in out]
