"""Quotes extractor: speakers before/after, split and multi-sentence quotes, pronouns, scare quotes."""
from __future__ import annotations

from conftest import make_context
from newsgraph.extract import attributions, quotes


def run(nlp, text):
    ctx = make_context(nlp, text)
    ctx.attributions = attributions.extract(ctx)
    return ctx, quotes.extract(ctx)


def test_speaker_after_and_before(nlp):
    _, qs = run(nlp, '"The harvest will be the smallest in a decade," the farm minister said. '
                     'The union leader said: "Our members cannot wait another month."')
    assert [q.text for q in qs] == ["The harvest will be the smallest in a decade,", "Our members cannot wait another month."]
    assert qs[0].speaker.text == "the farm minister" and qs[1].speaker.text == "The union leader"


def test_split_quote_is_one_quote(nlp):
    ctx, qs = run(nlp, "“We will respond,” Lavrov said, “when the time comes.”")
    assert len(qs) == 1
    assert qs[0].text == "We will respond, when the time comes."
    assert qs[0].speaker.name == "Lavrov"
    attr = next(a for a in ctx.attributions if a.id == qs[0].attribution)
    assert attr.direct


def test_multi_sentence_quote_and_pronoun_speaker(nlp):
    _, qs = run(nlp, "Foreign Minister Sergei Lavrov met his Iranian counterpart on Monday.\n\n"
                     "“The West has made its choice. We will make ours,” he said.")
    assert len(qs) == 1
    assert qs[0].text.startswith("The West has made its choice. We will make ours")
    assert qs[0].speaker.text == "he" and qs[0].speaker.name == "Sergei Lavrov"


def test_statement_form(nlp):
    _, qs = run(nlp, 'In a statement, the Pentagon said: "The strike was lawful and proportionate."')
    assert qs[0].speaker.code == "USA" and qs[0].attribution is not None


def test_scare_quotes_and_titles_skipped(nlp):
    _, qs = run(nlp, 'Critics called the plan a "reset" of relations, and the minister praised the film "Oppenheimer" on Sunday.')
    assert qs == []


def test_curly_and_continued_paragraph(nlp):
    _, qs = run(nlp, "“Prices will keep rising,” the central bank governor said on Tuesday.\n\n"
                     "“We see no relief before the summer.”")
    assert len(qs) == 2
    assert qs[1].speaker is not None and qs[1].speaker.text == "the central bank governor"
