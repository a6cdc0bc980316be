"""Find attribution candidates (source, cue, content) with the dependency parse.

Rules, per sentence:
  * a reporting/stance verb (lexicon) with a subject: source = the subject's phrase, content = its
    clausal complement (ccomp, parataxis, xcomp), else its object (or prepositional object), else the
    clause it is attached to ("CONTENT, X said"), else a quotation that follows ("X said: “…”");
  * "according to X": source = X, content = the rest of the clause;
  * "citing X" hanging on another cue or source: a nested attribution whose parent is that one;
  * "X's report that …": a cue noun with a possessor and a that-clause;
  * with the cue model (``open_verbs``): any verb with a subject and a complement, possessed nouns
    ("X's criticism of …") and "be + adjective" ("were confident that …"), judged by ``keep(feats)``.
Content touching a quotation is widened to the whole quotation (which may run over sentences).
Text-level rules (punctuation cues, headline colons, speaker lines, continued quotations) are in ``text_cues``;
"citing" phrases in ``citing``;
sourceless cues, agent passives and prepositional sources ("according to", "in a poll") in ``nosource``; shared
parse helpers in ``parse``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import lexicon
from .model import features, group, noun_features
from .nosource import _in_features, _participle, _prep_source, _sourceless
from .citing import _citer, _fill_citing
from .parse import (ADDRESSEE_VERBS, CLAUSES, SUBJECTS, _chars, _content_tokens, _cue_range, _in_quote,
                    _reduced_relative_start, _speaker_after_quote, _speaker_before_aside, _speaker_inverted, _subject,
                    _widen_to_quotes)
from .text_cues import Candidate, _continue_quotes, _headline, _punctuation_cues, _speaker_lines, _trim


def _clause_before(v: Token) -> list[tuple[int, int]]:
    """'CONTENT, X said' parsed with the verb hanging on the content clause."""
    h = v.head
    if v.dep_ in ("parataxis", "ccomp", "advcl") and h.i < v.i:
        lo = h.left_edge.i
        hi = v.left_edge.i - 1
        if hi >= lo:
            # "The shop was busy, she said, because of the sale": the clause goes on after the cue
            rngs = [(lo, hi), (v.right_edge.i + 1, h.right_edge.i)]
            return [(a, b) for a, b in rngs if b >= a and not all(t.is_punct for t in v.doc[a:b + 1])]
    as_clause = v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children)
    if (v.dep_ in ("parataxis", "ccomp") or as_clause) and h.i > v.i and h.pos_ in ("VERB", "AUX"):
        # "Voters, Clinton suggested, don't have to worry" / "As Crane said, the two have become ..."
        rngs = [(h.left_edge.i, v.left_edge.i - 1), (v.right_edge.i + 1, h.right_edge.i)]
        return [(a, b) for a, b in rngs if b >= a and not all(t.is_punct for t in v.doc[a:b + 1])]
    return []


def _addressee_or_time(doc: Doc, rngs, lemma: str) -> bool:
    """The object of a speech verb names whom it was told to, when or where ('told fans in Leeds', 'said
    Sunday', 'said on the radio', 'wrote to the board'), not what was said."""
    if len(rngs) != 1:
        return False
    span = doc[rngs[0][0]:rngs[0][1] + 1]
    if all(t.ent_type_ in ("DATE", "TIME") or t.is_punct for t in span):
        return True
    prep = doc[rngs[0][0] - 1]
    if lemma in SETTING_VERBS and prep.dep_ == "prep" and prep.lower_ in SETTING_PREPS:
        return True
    return lemma in ADDRESSEE_VERBS


SETTING_VERBS = frozenset({"say", "add", "tell", "write", "tweet", "post", "note", "explain", "state", "declare"})
SETTING_PREPS = frozenset({"on", "at", "to", "in"})  # the medium, venue or addressee of a speech verb


def _quote_near(doc: Doc, v: Token, first: int, regions: list[tuple[int, int]],
                skip: int | None = None) -> tuple[int, int] | None:
    """A quotation outside the verb's parse: 'X said: “…”', 'X said. “…”', '“…?” X said' (the
    quotation ends right before the clause that starts at token ``first``), or 'X added:' followed
    by a paragraph of quoted text without marks. ``skip``: look for it after this token (the addressee)."""
    text = doc.user_data.get("newsgraph_text") or doc.text  # Doc.text rebuilds the string on every call
    end = v.idx + len(v) if skip is None else doc[skip].idx + len(doc[skip])
    start = doc[first].idx
    for qs, qe in regions:
        if qs >= end and text[end:qs].strip(" :,.\n") == "" and qs - end < 6:
            return qs, qe
        if qe <= start and start - qe < 4 and text[qe:start].strip(" ,") == "":
            return qs, qe
        if qs > end + 6:
            break
    rest = text[end:end + 4]
    if rest.lstrip(" ").startswith(":"):
        colon = text.index(":", end) + 1
        stop = text.find("\n\n", colon + 3)
        stop = len(text) if stop < 0 else stop
        if stop - colon > 10:
            return colon, stop
    return None


def find(doc: Doc, sents, regions: list[tuple[int, int]], open_verbs: bool = False,
         keep=None) -> list[Candidate]:
    """``open_verbs``: also propose verbs outside the lexicon; ``keep(feats)`` judges verb candidates."""
    lex = lexicon()
    text = doc.user_data.get("newsgraph_text") or doc.user_data.setdefault("newsgraph_text", doc.text)
    out: list[Candidate] = []

    def add(src_rng, cue_rng, content_rngs, verb, cites=None, extra=None, feats=None):
        spans = [_chars(doc, a, b) for a, b in content_rngs]
        if extra:
            spans.append(extra)
        if not spans:
            return
        s, e = min(a for a, _ in spans), max(b for _, b in spans)
        s, e = _trim(text, s, e)
        if e <= s:
            return
        (s, e), direct = _widen_to_quotes(text, (s, e), regions)
        if feats is not None and direct:
            feats = feats + ["direct", f"direct|{feats[1]}"]  # quoted content: reported speech
        source = None
        if src_rng is not None:
            source = _trim(text, *_chars(doc, *src_rng))
        out.append(Candidate(source, _chars(doc, *cue_rng), (s, e), direct, verb, cites, src_rng, feats))

    for sent in sents:
        for tok in sent:
            low = tok.lower_
            if low == "reportedly" and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX"):
                h = tok.head  # "X reportedly told Y ...": no source, the clause is the content
                add(None, (tok.i, tok.i), [(h.left_edge.i, h.right_edge.i)], tok.i)
                continue
            if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                _prep_source(doc, sent, tok, doc[tok.i + 1], add)
                continue
            if low == "in" and tok.dep_ == "prep":
                pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.lemma_.lower() in lex.in_sources:
                    _prep_source(doc, sent, tok, tok, add, feats=_in_features(tok, pobj, sent))  # "in a CNN poll, …"
                continue
            if tok.pos_ == "NOUN" and open_verbs:
                _possessed_noun(tok, add)
            if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and low in lex.noun_cues):
                continue
            lemma = tok.lemma_.lower()
            if tok.pos_ == "NOUN":
                _noun_cue(doc, tok, add)
                continue
            relative = tok.dep_ == "relcl" and any(c.dep_ in SUBJECTS and c.tag_ in ("WDT", "WP") for c in tok.children)
            if lemma in lex.citing and (relative or (
                    tok.tag_ == "VBG" and not any(c.dep_ in SUBJECTS for c in tok.children))):  # "which cited X"
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    hi = max(obj.right_edge.i, tok.right_edge.i)  # "citing sources from an unnamed partner"
                    cited = _trim(text, *_chars(doc, obj.left_edge.i, hi))
                    alone = None if relative else _citer(tok, cited, regions)
                    out.append(Candidate(cited, _chars(doc, tok.i, tok.i), (0, 0), False, tok.i, tok.head.i,
                                         (obj.left_edge.i, hi), alone=alone))
                continue
            inlex = lemma in lex.verbs
            if open_verbs and lemma == "be" and tok.dep_ not in ("aux", "auxpass"):
                _adjective_cue(tok, text, regions, add)
                continue
            if not inlex and not (open_verbs and tok.pos_ == "VERB"):
                continue
            if tok.pos_ == "AUX" and lemma not in ("say",):
                continue
            if open_verbs and _participle(tok, lemma, regions, add):
                continue
            subj = _subject(tok)
            if open_verbs and subj is not None and _sourceless(tok, subj, lemma, regions, add):
                continue
            if subj is None and inlex and any(c.dep_ in CLAUSES and c.i < tok.i for c in tok.children):
                # "“…,” added a Georgia Republican": the inverted subject parsed as an object
                subj = next((c for c in tok.children if c.dep_ in ("dobj", "attr", "npadvmod") and c.i > tok.i), None)
            if subj is None and inlex and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
                subj = _stray_subject(tok)  # "About 4 in 10 say they …": the parser gave the verb no subject
            src_rng = None
            if inlex and (subj is None or _in_quote(subj.idx, regions)):
                src_rng = _speaker_after_quote(tok, regions)  # "“…,” Lindqvist, 47, told the agency"
                if src_rng is None and subj is None:
                    src_rng = _speaker_inverted(tok, regions)  # "“…,” said Lopez, a port official"
                if src_rng is None and subj is None:
                    src_rng = _speaker_before_aside(tok, regions)  # "One delegate, who …, said"
                subj = doc[src_rng[1]] if src_rng else subj
            after_quote = src_rng is not None
            if not after_quote and subj is not None:
                if subj.dep_ == "expl" or subj.lower_ in lex.no_source:
                    continue
                hi = subj.right_edge.i if not subj.i < tok.i <= subj.right_edge.i else tok.left_edge.i - 1
                src_rng = (_reduced_relative_start(subj), hi)  # "a statement saying …": the noun before the verb
            elif not after_quote and tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.i < tok.i:  # "a spokesman saying ..."
                src_rng = (tok.head.left_edge.i, tok.left_edge.i - 1)
            if src_rng is None or src_rng[1] < src_rng[0] or _in_quote(doc[src_rng[0]].idx, regions):
                continue
            rngs, hi_cue, kind = _content_tokens(tok, lemma, wide=open_verbs and not inlex)
            if after_quote and kind != "clause":
                rngs = []  # the quotation before the speaker is the content
            if kind == "clause":
                rngs = _drop_clause_before_source(doc, rngs, src_rng, tok.i, regions)
                rngs = _fronted(doc, tok, src_rng, rngs) + rngs
            extra = None
            if inlex and kind in ("object", "prep") and _addressee_or_time(doc, rngs, lemma):
                near = _quote_near(doc, tok, min(src_rng[0], tok.i), regions, skip=rngs[0][1])
                if near is not None:  # "“…,” the coach told fans in Leeds": the quotation is the content
                    rngs, extra, kind = [], near, "quote"
                elif not after_quote and (before := _clause_before(tok)):  # "The plant will close, she said …"
                    rngs, kind = before, "before"
                elif lemma not in ADDRESSEE_VERBS:
                    rngs = []  # "X said on Saturday": a time or setting is no content
            if not rngs and not after_quote:
                rngs, kind = _clause_before(tok), "before"
            if not rngs:
                extra, kind = _quote_near(doc, tok, min(src_rng[0], tok.i), regions), "quote"
                if extra is None:
                    continue
            lo_cue, hi0 = _cue_range(tok)
            n_content = sum(b - a + 1 for a, b in rngs) if rngs else 10
            feats = features(tok, subj, kind, inlex, src_rng[1] - src_rng[0] + 1, n_content) if open_verbs else None
            if lemma == "put" and kind == "object" and rngs[0][0] == rngs[0][1] and doc[rngs[0][0]].lower_ == "it":
                said = _put_it(doc, tok, rngs[0][0], regions)  # "As the mayor put it, …"
                if said is not None:
                    rngs, extra, hi_cue = said[0], said[1], rngs[0][0]
            add(src_rng, (lo_cue, max(hi_cue, hi0)), rngs, tok.i, extra=extra, feats=feats)
    _nesting_features(out)
    if keep is not None:
        out = [c for c in out if keep(c.feats)]
    _continue_quotes(text, out, regions)
    out += _punctuation_cues(text, regions, {c.content for c in out})
    out += _headline(text, {c.cue for c in out})
    out += _speaker_lines(text, {c.cue for c in out} | {c.content for c in out})
    return _fill_citing(out)


def _put_it(doc: Doc, v: Token, it: int, regions):
    """'As the mayor put it, the city is full' / 'As Ruiz puts it, “…”': the words 'it' stands for are the content
    (the clause the phrase hangs on, else the quotation after it): (token ranges, character span)."""
    rngs = _clause_before(v)
    if rngs:
        return rngs, None
    near = _quote_near(doc, v, v.i, regions, skip=it)
    return None if near is None else ([], near)


def _nesting_features(cands: list[Candidate]) -> None:
    """Mark weak model-judged candidates (not a reporting verb with a clause) whose cue lies inside another
    candidate's content ("X said Y wants to …"): annotators mark such nested cues far less often. "strong" hosts
    are lexicon verbs with a clause and candidates the model does not judge ("according to")."""
    def strong(c: Candidate) -> bool:
        return c.feats is None or ("inlex" in c.feats and "K=clause" in c.feats)

    hosts = [(c.content, strong(c)) for c in cands if c.content[1] > c.content[0]]
    for c in cands:
        if strong(c):
            continue  # a reporting verb with a clause stays a nested attribution ("X reported that Y said …")
        lo, hi = c.cue
        inside = [strong for (s, e), strong in hosts if s <= lo and hi <= e and (s, e) != c.content]
        if inside:
            kind = group(c.feats)
            c.feats += ["nest", f"nest|{kind}", f"nest|{c.feats[1]}"]
            if any(inside):
                c.feats += ["nest:strong", f"nest:strong|{kind}"]
            if len(inside) > 1:
                c.feats.append("nest:deep")


def _fronted(doc: Doc, v: Token, src_rng, rngs) -> list[tuple[int, int]]:
    """'“First of all,” she told the panel, “I would …”': a quotation before the speaker of a cue set off by
    commas begins the content (the parser hung it on the verb as an adverb)."""
    if not rngs or min(a for a, _ in rngs) <= v.i or src_rng[0] > v.i:
        return []
    first = min(a for a, _ in rngs)
    if not any(t.text == "," for t in doc[v.i + 1:first]):
        return []  # "Later, she said that …": no parenthetical cue
    lo, hi = max(v.left_edge.i, v.sent.start), src_rng[0] - 1
    if hi < lo or not (doc[hi].text == "," or doc[hi].is_quote):
        return []
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space) and not doc[hi].is_quote:
        hi -= 1
    if hi <= lo or not (doc[lo].is_quote and doc[hi].is_quote):
        return []  # "On Friday, she told reporters, …": a setting, not content
    return [(lo, hi)]


def _stray_subject(v: Token) -> Token | None:
    """The nominal right before a subjectless speech verb ('About 4 in 10 say …', '…, 55 percent, say …')."""
    prev = v.doc[v.i - 1] if v.i > 0 else None
    while prev is not None and prev.dep_ in ("aux", "neg", "advmod") and prev.head.i == v.i and prev.i > 0:
        prev = v.doc[prev.i - 1]
    if prev is None or prev.pos_ not in ("NOUN", "PROPN", "NUM") or prev.ent_type_ in ("DATE", "TIME"):
        return None
    while prev.head.i != prev.i and prev.head.i < v.i and prev.head.pos_ in ("NOUN", "PROPN", "NUM") \
            and prev.dep_ in ("nummod", "compound", "quantmod", "pobj", "prep"):
        prev = prev.head
    return prev


def _drop_clause_before_source(doc: Doc, rngs, src_rng, verb: int, regions) -> list[tuple[int, int]]:
    """A clause complement before the source (not quoted) when another one follows the verb: the parser hung the
    preceding sentence part on the verb ('X signed a deal, a step officials hope will …'); the content is the
    clause after the verb. Quoted parts of a split quote ('“Q1,” X said, “Q2”') stay."""
    after = [r for r in rngs if r[0] > verb]
    if not after or any(t.is_punct for t in doc[verb + 1:after[0][0] + 1]):
        return rngs  # "It was impossible, Gabuyev said, so …": a parenthetical cue keeps both sides
    return [r for r in rngs if r[0] > verb or r[1] >= src_rng[0] or any(
        qs < doc[r[1]].idx + len(doc[r[1]]) and doc[r[0]].idx < qe for qs, qe in regions)]


NOUN_PREPS = frozenset({"of", "on", "about", "for", "against", "to", "toward", "towards", "with", "over"})


def _adjective_cue(be: Token, text: str, regions, add) -> None:
    """'Voters were acutely aware that ...', 'she is confident about ...' (model-judged)."""
    adj = next((c for c in be.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
    subj = _subject(be)
    if adj is None or subj is None or _in_quote(subj.idx, regions):
        return
    comp = next((c for c in adj.children if c.i > adj.i and c.dep_ in ("ccomp", "xcomp")), None)
    if subj.lower_ == "it" or subj.dep_ == "expl":  # "it is not clear whether …": no source, the clause is content
        clause = comp or next((c for c in be.children if c.i > adj.i and c.dep_ == "ccomp"), None)
        if clause is not None and clause.dep_ == "ccomp":
            feats = features(be, None, "nosrc:adj", False, 0, clause.right_edge.i - clause.left_edge.i + 1)
            feats += ["nosrc", f"A={adj.lemma_.lower()}", f"nosrc|A={adj.lemma_.lower()}"]
            add(None, (_cue_range(be)[0], adj.i), [(clause.left_edge.i, clause.right_edge.i)], be.i, feats=feats)
        return
    hi_cue = adj.i
    if comp is None:
        comp = next((c for c in adj.children if c.dep_ == "prep" and c.i == adj.i + 1
                     and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
        if comp is None:
            return
        lo, hi_cue = comp.i + 1, comp.i
    else:
        lo = comp.left_edge.i
    lo_cue = _cue_range(be)[0]
    feats = features(be, subj, "adj", False, subj.right_edge.i - subj.left_edge.i + 1, comp.right_edge.i - lo + 1)
    feats += [f"A={adj.lemma_.lower()}", f"A|K={adj.lemma_.lower()}|{comp.dep_}"]
    add((subj.left_edge.i, subj.right_edge.i), (lo_cue, hi_cue), [(lo, comp.right_edge.i)], be.i, feats=feats)


def _possessed_noun(noun: Token, add) -> None:
    """'Trump's criticism of X', 'its decision not to cooperate': possessor = source; without a possessor
    ('support for X', 'questions about X') a cue with no source (model-judged)."""
    poss = next((c for c in noun.children if c.dep_ == "poss" and c.i < noun.i), None)
    comp = next((c for c in noun.children if c.i > noun.i and c.dep_ in ("acl", "ccomp", "xcomp")), None)
    if poss is None and comp is not None and comp.dep_ != "xcomp" and not any(
            g.dep_ == "mark" for g in comp.children):
        comp = None  # "a report released Monday": a participle, not a complement
    cue_hi, kind = noun.i, "clause"
    if comp is None:
        prep = next((c for c in noun.children if c.dep_ == "prep" and (c.i == noun.i + 1 or poss is not None) and c.lower_ in NOUN_PREPS
                     and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
        if prep is None:
            return
        comp, cue_hi, kind = prep, prep.i, "prep:" + prep.lower_
        lo = prep.i + 1
    else:
        lo = comp.left_edge.i
    src = None if poss is None else (poss.left_edge.i, poss.right_edge.i)
    feats = noun_features(noun, poss, kind)
    if poss is None:
        feats += ["nopos", f"nopos|NL={noun.lemma_.lower()}", f"nopos|NK={kind}", f"nopos|ND={noun.dep_}",
                  f"nopos|HL={noun.head.lemma_.lower()}"]
        agent = _noun_agent(noun)  # "Trump voiced support for X", "who raised concerns about X"
        if agent is not None:
            src = (agent.left_edge.i, agent.right_edge.i)
            feats += ["nopos|agent", f"nopos|agent|NL={noun.lemma_.lower()}", f"nopos|agent|S={agent.ent_type_ or agent.pos_}"]
    add(src, (noun.i, cue_hi), [(lo, comp.right_edge.i)], noun.i, feats=feats)


def _noun_agent(noun: Token) -> Token | None:
    """The subject of the verb a possessor-less cue noun is the object of ('X voiced support for …', 'X has
    concerns about …', 'X spoke in support of …'): PolNeAR's source of the noun cue."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in ("dobj", "attr"):
        return None
    if head.pos_ not in ("VERB", "AUX") or head.i == noun.i:
        return None
    subj = _subject(head)
    if subj is None or subj.dep_ in ("expl", "nsubjpass") or subj.lower_ in ("it", "there", "this", "that"):
        return None
    return subj


def _noun_cue(doc: Doc, noun: Token, add) -> None:
    """'a New York Times report that ...', 'Trump's claim that ...'."""
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound") and c.i < noun.i
              and (c.pos_ == "PROPN" or c.dep_ == "poss")]
    content = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
               and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
    if owners and content:
        add((noun.left_edge.i, noun.i - 1), (noun.i, noun.i), [(content[0].left_edge.i, content[0].right_edge.i)], noun.i)
