"""Attribution rules added for PolNeAR-style coverage: headline colons, parentheticals, continued quotes,
stance/cognition verbs and adjectives judged by the bundled cue model (real spaCy model)."""
from __future__ import annotations

from conftest import make_context
from newsgraph.evaluation.attribution import to_prediction
from newsgraph.extract import attributions, quotes
from newsgraph.extract.attribution.model import model


def run(nlp, text):
    ctx = make_context(nlp, text)
    ctx.actors = []
    return ctx, attributions.extract(ctx)


def by_cue(attrs, cue):
    found = [a for a in attrs if a.cue == cue]
    assert found, [(a.cue, a.source.text) for a in attrs]
    return found[0]


def test_cue_model_is_bundled_and_small():
    m = model()
    assert m is not None
    weights, _, threshold = m
    assert 0.0 < threshold < 1.0 and 100 < len(weights) < 60000


def test_headline_colon_names_the_source(nlp):
    _, attrs = run(nlp, "Merkel: Europe must stand together on energy\n\nBERLIN - The chancellor spoke on Monday.")
    a = by_cue(attrs, ":")
    assert a.source.text == "Merkel" and a.content.text == "Europe must stand together on energy"
    _, attrs = run(nlp, "The Latest: Storm moves north along the coast\n\nThe storm weakened overnight.")
    assert not [a for a in attrs if a.cue == ":"]


def test_parenthetical_cue_splits_its_content(nlp):
    text = "The new tariffs, the minister argued, would protect local farmers from cheap imports."
    _, attrs = run(nlp, text)
    a = by_cue(attrs, "argued")
    assert a.source.text == "the minister"
    frags = [text[s:e] for s, e in to_prediction(a)["content"]]
    assert frags == ["The new tariffs", "would protect local farmers from cheap imports"]


def test_quotation_after_the_cue_sentence_continues_the_content(nlp):
    text = '"We will not back down," the mayor said. "The city deserves better than this."\n\nThe council meets on Friday.'
    ctx, attrs = run(nlp, text)
    a = by_cue(attrs, "said")
    assert a.direct and a.content.text.endswith('"The city deserves better than this."')
    ctx.attributions = attrs
    qs = quotes.extract(ctx)
    assert len(qs) == 1 and qs[0].speaker.text == "the mayor" and "deserves better" in qs[0].text


def test_stance_and_cognition_cues(nlp):
    _, attrs = run(nlp, "Residents fear that the river will flood again this spring.")
    assert by_cue(attrs, "fear").content.text == "that the river will flood again this spring"
    _, attrs = run(nlp, "Union leaders were confident that the strike would end soon.")
    a = by_cue(attrs, "were confident")
    assert a.source.text == "Union leaders" and a.content.text == "that the strike would end soon"
    _, attrs = run(nlp, "The senator's criticism of the trade deal surprised her colleagues.")
    assert by_cue(attrs, "criticism of").content.text == "the trade deal"


def test_ordinary_actions_are_not_attributions(nlp):
    _, attrs = run(nlp, "The company built a new factory in Ohio last year.")
    assert attrs == []


def test_speaker_after_the_quotation_whatever_the_parse(nlp):
    _, attrs = run(nlp, '"The harbour will reopen in a week," said Maria Lopez, a port official who oversees '
                        'the repairs of the eastern pier.')
    a = by_cue(attrs, "said")
    assert a.source.text.startswith("Maria Lopez, a port official") and a.direct
    _, attrs = run(nlp, '"We have enough water for the summer," Okafor, 52, told Reuters on Tuesday.')
    a = by_cue(attrs, "told")
    assert a.source.text == "Okafor, 52" and a.content.text.startswith('"We have enough water')


def test_speaker_before_an_aside(nlp):
    _, attrs = run(nlp, "One delegate, who like several others asked not to be named, said the vote would be delayed.")
    a = by_cue(attrs, "said")
    assert a.source.text.startswith("One delegate") and a.content.text == "the vote would be delayed"


def test_addressee_or_day_is_not_the_content(nlp):
    _, attrs = run(nlp, '"We are not giving up," the coach told fans in Leeds.')
    a = by_cue(attrs, "told")
    assert a.source.text == "the coach" and a.content.text == '"We are not giving up,"'
    _, attrs = run(nlp, '"The bridge is safe," she said Sunday.')
    assert by_cue(attrs, "said").content.text == '"The bridge is safe,"'


def test_citing_a_reason_outside_a_report(nlp):
    _, attrs = run(nlp, "The council cancelled the parade, citing the cost of extra policing.")
    a = by_cue(attrs, "citing")
    assert a.source.text == "The council" and a.content.text == "the cost of extra policing"
    _, attrs = run(nlp, "The Journal reported the deal, citing sources from an unnamed US partner.")
    a = by_cue(attrs, "citing")
    assert a.source.text == "sources from an unnamed US partner" and a.parent == by_cue(attrs, "reported").id


def test_interview_answers_are_attributed(nlp):
    text = ("Interview with the author.\n\nQ: You wrote the book in a single winter. Why the hurry?\n\n"
            "A: I had promised my editor a draft by March, and the story would not wait.")
    _, attrs = run(nlp, text)
    labels = sorted(a.source.text for a in attrs if a.cue == ":")
    assert labels == ["A", "Q"]
    _, attrs = run(nlp, "A new poll: voters favour the bridge\n\nThe survey was taken in May.")
    assert not [a for a in attrs if a.cue == ":" and a.source.text.startswith("A")]


def test_venue_or_medium_of_a_speech_verb_is_not_the_content(nlp):
    _, attrs = run(nlp, "“We are ready for the storm,” the mayor said on local radio.")
    assert by_cue(attrs, "said").content.text == "“We are ready for the storm,”"
    _, attrs = run(nlp, "“Nobody expected this,” Ortiz said at a town meeting.")
    assert by_cue(attrs, "said").content.text == "“Nobody expected this,”"
    _, attrs = run(nlp, "The plant will close, she said on Monday.")
    assert by_cue(attrs, "said").content.text == "The plant will close"


def test_clause_goes_on_after_a_parenthetical_cue(nlp):
    text = "The shop was busy, she said, because of the sale."
    _, attrs = run(nlp, text)
    frags = [text[s:e] for s, e in to_prediction(by_cue(attrs, "said"))["content"]]
    assert frags == ["The shop was busy", "because of the sale"]


def test_quotation_continues_after_a_title_or_a_long_speaker(nlp):
    text = "“We must act now,” she said on “Morning Desk.” “There is no time left.”"
    _, attrs = run(nlp, text)
    assert by_cue(attrs, "said").content.text.endswith("“There is no time left.”")
    text = ("''We need a bigger boat,'' said Anna Berg, who ran the harbor office under two mayors yet backed "
            "neither in the election. ''The old one leaks.''")
    _, attrs = run(nlp, text)
    frags = [text[s:e] for s, e in to_prediction(by_cue(attrs, "said"))["content"]]
    assert frags == ["''We need a bigger boat,''", "''The old one leaks.''"]


def test_quotation_continues_an_indirect_content_before_the_cue(nlp):
    text = "Rents will keep rising, the planner said. “Nobody is building enough homes.”"
    _, attrs = run(nlp, text)
    frags = [text[s:e] for s, e in to_prediction(by_cue(attrs, "said"))["content"]]
    assert frags == ["Rents will keep rising", "“Nobody is building enough homes.”"]


def test_colon_before_a_quotation_is_a_cue(nlp):
    _, attrs = run(nlp, "The debate ended with one line from the governor: “We will not raise taxes.”")
    a = by_cue(attrs, ":")
    assert a.content.text == "“We will not raise taxes.”" and a.direct
    _, attrs = run(nlp, "Sen. Mia Holt (D-Ore.): “We need a vote now.”")
    a = by_cue(attrs, ":")
    assert a.source.text == "Sen. Mia Holt (D-Ore.)" and a.content.text == "“We need a vote now.”"


def test_quotation_before_the_speaker_of_a_parenthetical_cue(nlp):
    text = "“First of all,” she told the panel, “I would never sell the farm to anyone.”"
    _, attrs = run(nlp, text)
    frags = [text[s:e] for s, e in to_prediction(by_cue(attrs, "told"))["content"]]
    assert frags == ["“First of all,”", "“I would never sell the farm to anyone.”"]


def test_as_x_put_it(nlp):
    _, attrs = run(nlp, "As the mayor put it, the city is running out of room.")
    a = by_cue(attrs, "put it")
    assert a.source.text == "the mayor" and a.content.text == "the city is running out of room"
    _, attrs = run(nlp, 'As Ruiz puts it, "nobody wants to pay for the roads."')
    assert by_cue(attrs, "puts it").content.text == '"nobody wants to pay for the roads."'


def test_question_clause_of_ask_is_the_content(nlp):
    _, attrs = run(nlp, "The teacher asked the pupils if they had read the book.")
    a = by_cue(attrs, "asked")
    assert a.source.text == "The teacher" and a.content.text == "if they had read the book"


def test_described_as_after_a_fronted_object(nlp):
    text = "The museum bought what its director described as a turning point for the town."
    _, attrs = run(nlp, text)
    frags = [text[s:e] for s, e in to_prediction(by_cue(attrs, "described"))["content"]]
    assert frags == ["what", "as a turning point for the town"]


def proposed(nlp, text):
    """Candidates before the cue model judges them: (cue, source, content) texts."""
    from newsgraph.extract.attribution.finder import find
    from newsgraph.extract.attribution.lexicon import quote_regions
    ctx = make_context(nlp, text)
    cands = find(ctx.doc, ctx.sentences(), quote_regions(text), open_verbs=True)
    return [(text[c.cue[0]:c.cue[1]], c.source and text[c.source[0]:c.source[1]], text[c.content[0]:c.content[1]])
            for c in cands]


def test_passive_with_of_is_a_sourceless_cue(nlp):
    text = "The treasurer was accused of moving funds without approval."
    assert ("was accused of", None, text[:-1]) in proposed(nlp, text)


def test_passive_without_complement_is_a_sourceless_cue(nlp):
    text = "The zoning proposal was rejected."
    assert ("was rejected", None, "The zoning proposal") in proposed(nlp, text)
    text = 'Later the coach was asked. "Will you stay?"'  # a speech verb keeps its own path (the quotation)
    assert ("was asked", "the coach", '"Will you stay?"') in proposed(nlp, text)


def test_yes_or_no_after_a_speech_verb_is_the_content(nlp):
    _, attrs = run(nlp, "When the mayor put the question, a third of the residents said yes.")
    a = by_cue(attrs, "said")
    assert a.source.text == "a third of the residents" and a.content.text == "yes"
    _, attrs = run(nlp, "The council said no to the new stadium.")
    assert by_cue(attrs, "said").content.text == "no to the new stadium"


def test_a_time_after_a_speech_verb_is_no_content(nlp):
    _, attrs = run(nlp, "The library will close early this winter, and the head librarian said on Sunday.")
    assert not [a for a in attrs if a.content.text == "Sunday"]


def test_participle_on_a_noun_keeps_its_content(nlp):
    text = "On Monday the union sent a letter saying its members would strike in June."
    _, attrs = run(nlp, text)
    a = by_cue(attrs, "saying")
    assert "saying" not in a.source.text and a.content.text == "its members would strike in June"
    assert [text[s:e] for s, e in to_prediction(a)["content"]] == ["its members would strike in June"]


def test_light_object_noun_points_to_the_content(nlp):
    _, attrs = run(nlp, "The senator took some shots at the harbour plan on Monday.")
    a = by_cue(attrs, "took some shots at")
    assert a.source.text == "The senator" and a.content.text == "the harbour plan"
    _, attrs = run(nlp, "She drew attention to the gap in the school budget.")
    assert by_cue(attrs, "drew attention to").content.text == "the gap in the school budget"


def test_citing_at_the_end_of_a_reported_clause_nests_under_the_report(nlp):
    _, attrs = run(nlp, "According to the newspaper, the minister flew to Kazan on Monday, citing two officials.")
    report, citing = by_cue(attrs, "According to"), by_cue(attrs, "citing")
    assert citing.source.text == "two officials" and citing.parent == report.id
