"""'citing' phrases: nested under the attribution they hang on or sit in ("according to the report, …, citing
sources from …"), else the attribution of the clause's subject ("The council refused, citing the cost")."""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import lexicon
from .parse import _chars, _in_quote, _reduced_relative_start, _subject
from .text_cues import Candidate, _trim


def _citer(tok: Token, cited: tuple[int, int], regions) -> Candidate | None:
    """'The council refused, citing the cost': the subject of the clause the phrase hangs on is the source and
    what it cites the content (used when that clause is no attribution)."""
    subj = _subject(tok)
    doc = tok.doc
    text = doc.user_data.get("newsgraph_text") or doc.text
    if subj is None or subj.dep_ == "expl" or subj.lower_ in lexicon().no_source or _in_quote(subj.idx, regions):
        return None
    src = (_reduced_relative_start(subj), subj.right_edge.i)
    if src[1] < src[0] or src[0] <= tok.i <= src[1]:
        return None
    return Candidate(_trim(text, *_chars(doc, *src)), _chars(doc, tok.i, tok.i), cited, False, tok.i, None, src)


def _reporting_around(c: Candidate, cands: list[Candidate]) -> Candidate | None:
    """The innermost reporting attribution ("according to", a lexicon verb) whose content holds the citing cue."""
    around = [h for h in cands if h.cites is None and h is not c and h.content[0] <= c.cue[0] < h.content[1]
              and (h.feats is None or "inlex" in h.feats)]
    return min(around, key=lambda h: h.content[1] - h.content[0], default=None)


def _fill_citing(cands: list[Candidate]) -> list[Candidate]:
    """A 'citing' candidate takes its content from the attribution it hangs on, else from the reporting
    attribution whose content holds it; one with neither is the clause subject's attribution of what it cites."""
    out = []
    for c in cands:
        if c.cites is not None:
            host = next((h for h in cands if h.cites is None and (h.verb == c.cites or (
                h.source_tokens and h.source_tokens[0] <= c.cites <= h.source_tokens[1]))), None)
            if host is None or (host.feats and "inlex" not in host.feats):
                host = _reporting_around(c, cands)  # "According to the report, X did Y, citing sources …"
                if host is not None:
                    c.cites = host.verb  # its parent
            if host is None and c.alone is not None:
                out.append(c.alone)  # "refused, citing the cost": the reason is what is cited
                continue
            if host is None:
                continue
            c.content, c.direct = host.content, host.direct
        out.append(c)
    return out
