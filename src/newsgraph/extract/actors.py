"""Actors, coded CAMEO/PLOVER style: a country (ISO-3) or organisation code plus a sector.

- countries, ISO-3 codes, demonyms, outlets and organisations from the lexicons (one PhraseMatcher, built once);
- the sector from the head noun the name modifies ("Iranian drone manufacturer" -> IRN BUS);
- capitals only when they act ("Moscow and Tehran are moving ahead" -> RUS GOV, IRN GOV) or are a party ("talks
  between Moscow and Tehran", "warned Pyongyang": ``stands_for_state``); a capital that is only where something
  happens is a place, left to the places extractor (which drops the agents of ``is_agentive``);
- people by their title and its country ("Secretary of State Antony Blinken" -> USA GOV), by the office holders
  list on the publication date, with later mentions ("Blinken", "the secretary", "he") linked by ``ref``.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span
from spacy.util import filter_spans

from ..types import Actor
from . import actor_implied, actor_lexicon
from .actor_lexicon import CAPITAL, COUNTRY, DEMONYM, ORG, OUTLET
from .actor_people import SUBJECT_DEPS, Draft, link_pronouns, link_titles_back, title_after, title_before
from .context import Context

NAME = "actors.v1"
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod"}


def is_agentive(span: Span) -> bool:
    """True when a place name acts: a subject (or coordinated with one), a possessor ("Moscow's plan"), or a
    passive's agent ("sanctions imposed by Washington"). Shared with the places extractor."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in SUBJECT_DEPS or tok.dep_ == "poss":
        return True
    # a passive's agent, or the agent of an action noun ("an admission by Moscow", "calls by Tehran")
    return tok.dep_ == "pobj" and tok.head.lower_ == "by" and (
        tok.head.dep_ == "agent" or (tok.head.dep_ == "prep" and tok.head.head.pos_ == "NOUN"))


def stands_for_state(span: Span, lex) -> bool:
    """A capital standing for its state (actors only; the places extractor keeps ``is_agentive``): an agent as in
    ``is_agentive``, a dative ("sent Kyiv tanks"), the object of a verb whose object is a party ("warned
    Pyongyang", "urged Berlin to ..."), or the object of a preposition joining parties ("talks between Moscow and
    Tehran", "a row with Beijing", "a statement from Pyongyang", "sold drones to Moscow", "sanctions on Havana";
    ``countries.json`` ``capital_party``). "in Pyongyang", "flew to Moscow", "shelled Kyiv" stay places."""
    if is_agentive(span):
        return True
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "dative":
        return True
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() in lex.party_verbs
    words = lex.party_preps.get(tok.head.lower_) if tok.dep_ == "pobj" else None
    if not words:
        return False
    head = tok.head.head
    return "*" in words or head.lower_ in words or head.lemma_.lower() in words


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


def _code_of(span: Span, label: str, lex) -> str | None:
    text = span.text
    if label in (COUNTRY, DEMONYM) and span.start > 1 and span.doc[span.start - 1].text == "-" \
            and span.doc[span.start - 2].lower_ in ("anti", "pro"):
        return None  # "an anti-Syria journalist" is not Syrian: an attitude, not the actor's country
    if label == COUNTRY:
        return lex.countries.get(text) or lex.iso3.get(text)
    if label == DEMONYM:  # "ethnic Albanians" in Macedonia are not Albania: no country code
        if span.start > 0 and span.doc[span.start - 1].lower_ == "ethnic":
            return None
        return lex.demonyms.get(text.lower())
    if label == ORG:
        return lex.orgs[text][1]
    if label == OUTLET:
        return lex.outlets[text][1]
    return lex.capitals.get(text)


def _country_before(by_end: dict[int, Span], doc, index: int, lex) -> tuple[int, str | None] | None:
    """(start, code) of a country, demonym or organisation right before token ``index`` ("Iran 's" too)."""
    for end in (index, index - 1):
        span = by_end.get(end)
        if span is not None and (end == index or doc[index - 1].tag_ == "POS"):
            return span.start, _code_of(span, span.label_, lex)
    return None


def _shouting(doc, span: Span) -> bool:
    """An ISO-3 code inside an all-capitals headline ("IRAN CAN SELL") is not a code."""
    around = [t for t in doc[max(0, span.start - 2): span.end + 2] if t.is_alpha and not span.start <= t.i < span.end]
    return bool(around) and all(t.is_upper for t in around)


def _lexicon_spans(doc, matcher, lex) -> list[Span]:
    spans = [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in matcher(doc)]
    spans = [s for s in spans if not (s.label_ == COUNTRY and s.text in lex.iso3 and s.text not in lex.countries
                                      and _shouting(doc, s))]
    return filter_spans(spans)


PARTICLES = {"von", "der", "van", "de", "al", "bin", "ibn", "la", "le", "du"}
PLACE_PREPS = {"in", "at", "near", "outside", "to", "from", "towards", "toward", "across", "on"}


def _person_span(doc, ent: Span) -> Span:
    """The name without a trailing "'s", and completed after a particle spaCy cut ("Ursula von der" Leyen)."""
    start, end = ent.start, ent.end
    while end < len(doc) and doc[end - 1].lower_ in PARTICLES and doc[end].pos_ == "PROPN":
        end += 1
    if end - start > 1 and doc[end - 1].tag_ == "POS":
        end -= 1
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


def _is_person(ent: Span, spans: list[Span], lex) -> bool:
    text = ent.text
    if text in lex.not_people or ent[-1].text in lex.not_people_heads:
        return False  # "Twitter", "Ben Gurion Airport"
    if any(s.start <= ent.start and ent.end <= s.end for s in spans):
        return False  # "Niger", "Kyiv" tagged PERSON
    if lex.holder(text, None) is not None:
        return True
    if " " not in text and text in lex.cities:  # "Niamey"
        return False
    root = ent.root  # "the Bab al-Hawa crossing": a name modifying a thing
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.lower_ not in lex.titles:
        return False
    head = ent.root.head  # "fighting in Rostov": a place spaCy took for a person
    return not (ent.root.dep_ == "pobj" and head.lower_ in PLACE_PREPS and ent.start > 0
                and doc_title_free(ent))


def doc_title_free(ent: Span) -> bool:
    prev = ent.doc[ent.start - 1]
    return not (prev.is_title and prev.pos_ in {"NOUN", "PROPN"})


def _person(doc, ent, spans, by_end, lex, published, seen: dict[str, Draft]) -> tuple[Draft, int]:
    """The draft for one PERSON entity, and the token where its title or apposition ends."""
    name = ent.text.removesuffix("'s").removesuffix("’s").strip()
    start, code, office, sector, until = ent.start, None, None, None, ent.end
    begin = title_before(doc, ent, lex, ent.sent.start)
    if begin is not None:
        start, office = begin, doc[begin: ent.start].text
        sector = lex.titles[office.lower()]
        inside = [s for s in spans if s.start < begin < s.end]  # "European Commission President"
        found = (inside[0].start, _code_of(inside[0], inside[0].label_, lex)) if inside else \
            _country_before(by_end, doc, start, lex)
        if found:
            start, code = found
        elif ent.end + 1 < len(doc) and doc[ent.end].lower_ in ("of", ","):  # "General X of the Revolutionary Guards"
            after = [s for s in spans if ent.end < s.start <= ent.end + 3 and s.label_ in (COUNTRY, ORG, DEMONYM)]
            code = _code_of(after[0], after[0].label_, lex) if after else None
    else:
        after = title_after(doc, ent, lex)
        if after:
            office = doc[after[0]: after[1]].text
            sector, until = lex.titles[office.lower()], after[1]
            inner = [s for s in spans if ent.end < s.start <= after[1] + 4 and s.label_ in (COUNTRY, DEMONYM, ORG)]
            code = _code_of(inner[0], inner[0].label_, lex) if inner else None
    words = name.split()
    first = seen.get(name.lower()) or seen.get(words[-1].lower())
    if first is not None and len(words) > 1 and not first.first().name.lower().endswith(name.lower()):
        first = None  # "von der Leyen" is Ursula von der Leyen; "Joe Smith" is not Will Smith
    subject = ent.root.dep_ in SUBJECT_DEPS
    if first is not None:
        first = first.first()
        return Draft(ent.start, ent.end, ent.text, first.name, first.code, first.sector, "person", first.office,
                     ref=first, subject=subject), until
    holder = lex.holder(name, published)
    if holder:
        code = code or holder[1]
        office = office or holder[2]
        sector = sector or lex.titles.get(holder[2].lower(), "GOV")
    if code is None and office:
        code = lex.title_country.get(office.lower())
    full = holder[0] if holder and len(words) == 1 else name
    draft = Draft(start, ent.end, doc[start: ent.end].text, full, code, sector, "person", office, subject=subject)
    for key in {name.lower(), full.lower(), words[-1].lower(), *lex.aliases_of(full)}:
        seen.setdefault(key, draft)
    return draft, until


def extract(ctx: Context) -> list[Actor]:
    doc = ctx.doc
    user = tuple(ctx.settings.user_lexicons)
    lex = actor_lexicon.load(user)
    spans = _lexicon_spans(doc, actor_lexicon.matcher(doc.vocab, user), lex)
    keep = [(s.start_char, s.end_char) for s in ctx.sentences()]

    def kept(span) -> bool:
        return any(a <= span.start_char and span.end_char <= b for a, b in keep)

    seen: dict[str, Draft] = {}
    persons = [_person_span(doc, e) for e in doc.ents if e.label_ == "PERSON"]
    persons = [e for e in persons if _is_person(e, spans, lex)]
    taken = {i for e in persons for i in range(e.start, e.end)} | {i for s in spans for i in range(s.start, s.end)}
    persons += [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc  # a bare "Lavrov" spaCy did not tag
                if t.pos_ == "PROPN" and t.is_title and t.i not in taken and t.lower_ in lex.holders
                and lex.holder(t.text, ctx.article.published) is not None]
    persons.sort(key=lambda e: e.start)
    named = [s for s in spans if s.label_ in (OUTLET, ORG)]
    persons = [e for e in persons if not any(s.start < e.end and e.start < s.end for s in named)]
    spans = [s for s in spans if s.label_ in (OUTLET, ORG) or not any(p.start <= s.start < p.end for p in persons)]
    by_end = {s.end: s for s in spans}
    drafts: list[Draft] = []
    consumed: set[int] = set()

    for ent in persons:
        if kept(ent):
            draft, until = _person(doc, ent, spans, by_end, lex, ctx.article.published, seen)
            drafts.append(draft)
            consumed.update(range(draft.start, until))

    drafts.extend(_bare_surnames(doc, drafts, spans, consumed, kept))
    for span in spans:
        if not kept(span) or any(i in consumed for i in range(span.start, span.end)):
            continue
        drafts.extend(_coded(doc, span, lex, by_end, consumed))

    drafts.extend(link_titles_back(doc, drafts, consumed, kept))
    drafts.extend(link_pronouns(doc, drafts, kept))
    country = actor_implied.article_country(ctx.article, drafts, lex)
    for d in drafts:  # "the Supreme Court" with no country before it: the article's
        if d.kind == "organisation" and d.code is None and d.ref is None:
            d.code = country
    drafts.extend(actor_implied.implied_drafts(doc, drafts, consumed, kept, lex, country))
    return _finish(doc, drafts)


def _bare_surnames(doc, drafts: list[Draft], spans: list[Span], consumed: set[int], kept) -> list[Draft]:
    """Surnames of people already named, where spaCy missed them as PERSON ("von der Leyen" tagged GPE)."""
    known = {d.name.split()[-1]: d for d in drafts if d.kind == "person" and d.ref is None and " " in d.name}
    busy = set(consumed) | {i for d in drafts for i in range(d.start, d.end)} | \
        {i for s in spans for i in range(s.start, s.end)}
    out = []
    for tok in doc:
        first = known.get(tok.text)
        if first is None or tok.i in busy or tok.i < first.end or tok.pos_ != "PROPN":
            continue
        start = tok.i
        while start > 0 and doc[start - 1].lower_ in PARTICLES and start - 1 not in busy:
            start -= 1
        if kept(doc[start: tok.i + 1]):
            out.append(Draft(start, tok.i + 1, "", first.name, first.code, first.sector, "person", first.office,
                             ref=first, subject=tok.dep_ in SUBJECT_DEPS))
    return out


def _coded(doc, span: Span, lex, by_end, consumed: set[int]) -> list[Draft]:
    label, text = span.label_, span.text
    code = _code_of(span, label, lex)
    if label == OUTLET:
        name, code = lex.outlets[text]
        return [Draft(span.start, span.end, text, name, code, "MED", "outlet")]
    if label == ORG:
        name, code, sector = lex.orgs[text]
        start = span.start
        if code is None:  # "Israel's Supreme Court"
            found = _country_before(by_end, doc, span.start, lex)
            start, code = found if found else (start, None)
        return [Draft(start, span.end, doc[start: span.end].text, name, code, sector, "organisation")]
    if label == CAPITAL:  # acting ("Tehran said"), or hosting a diplomatic post ("an embassy in Tehran")
        head = _sector_head(span, lex) if span.root.dep_ == "compound" else None
        if head:  # "the Khartoum government", "Kyiv officials": the capital stands for its state
            consumed.update(range(span.start, head[0]))
            return [Draft(span.start, head[0], doc[span.start: head[0]].text, lex.country_names.get(code, text), code,
                          head[1], "group")]
        if not (stands_for_state(span, lex) or actor_implied.host_of_post(span)):
            return []
        return [Draft(span.start, span.end, text, lex.country_names.get(code, text), code, "GOV", "country")]
    name = lex.country_names.get(code, text)
    if label == COUNTRY and actor_implied.host_of_post(span):  # "the embassy in Iran": its government
        return [Draft(span.start, span.end, text, name, code, "GOV", "country")]
    head = _sector_head(span, lex)
    if head and any(t.pos_ == "CCONJ" for t in doc[span.end: head[0]]):  # "Iranian and Russian officials"
        return [Draft(span.start, span.end, text, name, code, head[1], "group")]
    if head:
        consumed.update(range(span.start, head[0]))
        return [Draft(span.start, head[0], doc[span.start: head[0]].text, name, code, head[1], "group")]
    plural = label == DEMONYM and span.root.pos_ in {"NOUN", "PROPN"} and span.root.tag_ in {"NNS", "NNPS"}
    return [Draft(span.start, span.end, text, name, code, None, "group" if plural else "country")]


def _finish(doc, drafts: list[Draft]) -> list[Actor]:
    drafts = sorted({(d.start, d.end): d for d in drafts}.values(), key=lambda d: (d.start, d.end))
    ids = {id(d): f"A{i}" for i, d in enumerate(drafts, start=1)}
    out = []
    for d in drafts:
        span = doc[d.start: d.end]
        ref = ids.get(id(d.ref)) if d.ref is not None else None
        out.append(Actor(text=span.text, start=span.start_char, end=span.end_char, name=d.name, code=d.code,
                         sector=d.sector, kind=d.kind, id=ids[id(d)], office=d.office, ref=ref))
    return [replace(a, ref=None) if a.ref == a.id else a for a in out]
