"""events extractor: PLOVER v2.0 events (CAMEO code beside each) from the dependency parse.

Triggers and roles come from ``event_coding`` (lexicons event_verbs, event_nouns, cameo_plover);
certainty from ``certainty``; date, place and attribution from the earlier extractors on the Context.
The same event told twice in one article (same type, actor and recipient codes, compatible date)
becomes one Event with two mentions. See docs/events.md.
"""
from __future__ import annotations

from .. import lexicons
from ..types import Event, EventLocation, Mention, TextInfo
from . import certainty
from .context import Context
from .event_coding.coder import Candidate, SentenceCoder
from .event_coding.lexicon import load as load_lexicon
from .event_coding.roles import ActorIndex

NAME = "events.v1"
LOC_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "over", "around", "from"})


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


def _location(ctx: Context, cand: Candidate, sent) -> EventLocation | None:
    clause = _clause(cand.head)
    lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    best = None
    for p in ctx.places:
        if not (sent.start_char <= p.start and p.end <= sent.end_char):
            continue
        span = ctx.doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        prep = head.head if head.dep_ == "pobj" else None
        rank = (prep is None or prep.lower_ not in LOC_PREPS, not (lo <= p.start < hi), abs(p.start - cand.head.idx))
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


def _codes(actors) -> frozenset:
    return frozenset(a.code or a.name for a in actors)


def extract(ctx: Context) -> list[Event]:
    user = tuple(ctx.settings.user_lexicons)
    coder = SentenceCoder(load_lexicon(user), ActorIndex(ctx.doc, ctx.actors))
    weapons = _weapon_modes(user)
    events: list[Event] = []
    keys: dict[tuple, int] = {}
    for sent in ctx.sentences():
        for cand in coder.code(sent):
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
            actor = tuple(cand.actor)
            recipient = tuple(r for r in cand.recipient if r not in actor)
            key = (code.event, _codes(actor), _codes(recipient), cand.negated)
            if key[1] or key[2]:
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
                actor=actor, recipient=recipient, event_loc=_location(ctx, cand, sent), date=date,
                date_precision=precision, event_text=" ".join(t.text for t in trig), text=sent.text,
                text_info=TextInfo(sent.start_char, sent.end_char), certainty=sure, attribution=attr,
                mentions=(Mention(start, end),), extractor=NAME, negated=cand.negated))
    return events
