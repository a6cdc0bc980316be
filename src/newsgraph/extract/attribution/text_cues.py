"""Text-level attribution rules that need no parse: punctuation cues ("“…” ― Name", "Name: “…”"), headline
colons ("Graham: Trump will lose"), and quotations that continue a direct attribution's content."""
from __future__ import annotations

import re
from dataclasses import dataclass

TRIM = " \t\n\r,;:.—–-"


@dataclass
class Candidate:
    source: tuple[int, int] | None
    cue: tuple[int, int]
    content: tuple[int, int]
    direct: bool = False
    verb: int = -1  # token index of the cue's head word
    cites: int | None = None  # token index the "citing" phrase hangs on
    source_tokens: tuple[int, int] | None = None  # token range of the source phrase
    feats: list[str] | None = None  # model features of a verb candidate (model.features)
    alone: Candidate | None = None  # a "citing" phrase that hangs on no attribution: the clause's subject cites


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        # keep a full stop or comma that sits inside a closing quotation mark
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


SENTENCE_TAIL = re.compile(r"[^\n]{0,200}?[.!?][\"”’']*[ \t\xa0]+")  # '… on “Morning Desk.” “Q2”'
PARAGRAPH_TAIL = re.compile(r"[^\n]{0,200}?[.!?][\"”’']*[ \t]*\n[ \t\n]*")  # '… Lee said.¶“Q2”'
INNER_STOP = re.compile(r"(?:[a-z]{2,}|\d)[.!?][\"”’']*[ \t]+[A-Z“\"]")  # a sentence end ("Gov. Bill" is none)


def _sentence_tail(text: str, end: int, regions: list[tuple[int, int]]):
    """The rest of the cue's sentence up to a quotation that opens the next one ('…,” said Jane Doe,
    a former trade minister. “Q2”', '…,” she said on ABC’s “This Week.” “Q2”'), or to a quotation that opens
    the next paragraph ('…,” Lee said.¶“Q2”'); None when a full sentence of narration comes between."""
    for qs, _ in regions:
        if qs <= end:
            continue
        if qs - end > 200:
            return None
        m = SENTENCE_TAIL.fullmatch(text, end, qs) or PARAGRAPH_TAIL.fullmatch(text, end, qs)
        if m is not None and not INNER_STOP.search(text, end, qs - 1):
            return m
    return None


MID_TAIL = re.compile(r"[^\n“”\".!?]{0,80},[ \t]*")


def _continue_quotes(text: str, cands: list[Candidate], regions: list[tuple[int, int]]) -> None:
    """'“Q1,” X said. “Q2.”' / '“Q1,” X said on Friday, “q2”': a quotation right after the cue's clause or
    sentence (or opening the next paragraph), claimed by no other attribution, continues its content."""
    starts = {qs: qe for qs, qe in regions}
    for c in cands:
        end = max(c.content[1], c.cue[1], c.source[1] if c.source else 0)
        if not c.direct and not (c.content[1] <= c.cue[0] and c.source is not None):
            continue  # 'Rents will rise, Lee said. “Q2”' continues too
        m = None
        # '“Q1,” X said on Friday, “Q2”' (same sentence), else the next sentence; the content may run up to the
        # end of the speaker when the parser hung the quotation on the verb
        if c.content[1] <= c.cue[0] or (c.content[0] < c.cue[0] and c.content[1] == end):
            m = MID_TAIL.match(text, end)
            if m is None or m.end() not in starts:
                m = _sentence_tail(text, end, regions)
        pos = m.end() if m else (c.content[1] + len(text[c.content[1]:]) - len(text[c.content[1]:].lstrip(" \t\xa0")))
        new_end = c.content[1]
        while pos in starts:
            qe = starts[pos]
            if any(o is not c and o.content[0] < qe and pos < o.content[1] for o in cands):
                break
            new_end = qe
            rest = text[qe:qe + 3]
            pos = qe + len(rest) - len(rest.lstrip(" \t\xa0"))
        if new_end > c.content[1]:
            c.content = (c.content[0], new_end)


HEADLINE = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})(?: to [A-Z][\w.'’ -]{1,30}?)?:[ \t]+(\S[^\n]{8,}?)[.]?[ \t]*(?=\n|$)")


HEADLINE_LABELS = frozenset({"the", "a", "an", "breaking", "exclusive", "watch", "video", "photos", "live", "update",
                             "opinion", "editorial", "analysis", "poll", "polls", "report", "review", "interview",
                             "explainer", "podcast", "latest", "read", "listen", "correction", "fact", "factbox",
                             "timeline", "quiz", "new"})


def _headline(text: str, taken: set) -> list[Candidate]:
    """'Graham: Trump will lose the state' in the headline (first line): name, colon, claim."""
    m = HEADLINE.match(text)
    if m is None or len(m.group(1)) > 40 or m.group(1).split()[0].lower() in HEADLINE_LABELS:
        return []
    colon = text.index(":", m.end(1))
    if (colon, colon + 1) in taken:
        return []
    return [Candidate((m.start(1), m.end(1)), (colon, colon + 1), (m.start(2), m.end(2)), False)]


SPEAKER_LINE = re.compile(r"(?m)^(Q|A|[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})"
                          r":[ \t]+(\S[^\n]{8,}?)[ \t]*$")


def _speaker_lines(text: str, taken: set) -> list[Candidate]:
    """Paragraphs opening with a speaker label: transcripts ('HOST: Welcome back …', 'Q: …', 'A: …') and
    'Maria Lopez: Rents are too high …' (an all-caps label or a name of 2–4 capitalised words, then a colon)."""
    found = []
    for m in SPEAKER_LINE.finditer(text, text.find("\n") + 1 if "\n" in text else len(text)):
        colon = m.end(1)
        label = m.group(1)
        if (colon, colon + 1) in taken or (label not in ("Q", "A") and label.split()[0].lower() in HEADLINE_LABELS):
            continue  # "A:" answers an interview question; "A new poll: …" is a headline
        if any(a <= m.start(2) < b for a, b in taken):
            continue
        found.append(Candidate((m.start(1), m.end(1)), (colon, colon + 1), _trim(text, m.start(2), m.end(2)), False))
    return found


DASH_SOURCE = re.compile(r"[ \t]*(?:―|—|–|--)[ \t]*([A-Z@][^\n.,;:“”\"]{1,60})")
COLON_SOURCE = re.compile(r"(?:^|(?<=\n))([A-Z][\w.'’ -]{1,40}?):[ \t]*$")


def _punctuation_cues(text: str, regions: list[tuple[int, int]], taken: set) -> list[Candidate]:
    """'“…” ― Marta Quiroga', 'Trump: “…”' and any other colon right before a quotation that no attribution
    claims (the dash or colon is the cue)."""
    found = []
    for qs, qe in regions:
        if any(a <= qs and qe <= b for a, b in taken):
            continue
        m = DASH_SOURCE.match(text, qe)
        if m:
            dash = m.start() + len(m.group()) - len(m.group().lstrip(" \t"))
            src = _trim(text, m.start(1), m.end(1))
            found.append(Candidate(src, (dash, dash + 1 if text[dash] != "-" else dash + 2), (qs, qe), True))
            continue
        line_start = text.rfind("\n", 0, qs) + 1
        m = COLON_SOURCE.search(text[line_start:qs])
        if m:
            src = (line_start + m.start(1), line_start + m.end(1))
            colon = line_start + m.end(1)
            found.append(Candidate(src, (colon, colon + 1), (qs, qe), True))
            continue
        colon = len(text[:qs].rstrip(" \t\xa0\n")) - 1  # "… her verdict on the plan: “It will fail.”"
        if colon > 0 and text[colon] == ":":  # also at the end of the paragraph before the quotation
            src = _name_before(text, text.rfind("\n", 0, colon) + 1, colon)
            found.append(Candidate(src, (colon, colon + 1), (qs, qe), True))
    return found


NAME_BEFORE = re.compile(r"(?:^|(?<=[.!?”\"] ))([A-Z][\w.'’-]*(?: [\w.'’-]+){0,6}?(?: [A-Z][\w.'’-]*)(?: \([\w.-]+\))?|[A-Z][\w'’-]+)$")


def _name_before(text: str, line_start: int, colon: int) -> tuple[int, int] | None:
    """'… the mission.” Hale: “Q”', 'Rep. Ana Ruiz (D-Ore.): “Q”': a short phrase ending in a name, opening the
    line or a sentence right before the colon, is the speaker."""
    m = NAME_BEFORE.search(text[line_start:colon])
    return None if m is None else (line_start + m.start(1), line_start + m.end(1))
