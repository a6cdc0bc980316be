"""Repeated paragraphs: a reworded copy is flagged with honest spans; paragraphs that merely share actors are not."""
from __future__ import annotations

from newsgraph.clean import clean
from newsgraph.types import RawDocument

TITLE = "Turkey and Egypt agree to restore ambassadors after decade-long rift"
P1 = ("Turkey and Egypt agreed on Tuesday to restore full diplomatic relations and exchange ambassadors, ending a "
      "rift that began in 2013, the two foreign ministries said in a joint statement released in Ankara and Cairo.")
P2 = ("Egyptian President Abdel Fattah al-Sisi and Turkish President Recep Tayyip Erdogan shook hands at the World "
      "Cup opening ceremony in Qatar last November, a meeting that officials later described as the start of the thaw.")
P3 = ("Turkish Foreign Minister Mevlut Cavusoglu visited Cairo in March, the first such trip in more than ten years, "
      "and his Egyptian counterpart Sameh Shoukry travelled to Ankara the following month.")
P4_REWORDED = ("In a joint statement, the Turkish and Egyptian foreign ministries announced on Tuesday that the two "
               "countries would restore full diplomatic ties and exchange ambassadors, closing a rift dating back to 2013.")
P5 = ("Trade between the two countries reached about $7 billion last year, and Turkish companies have kept "
      "investing in Egyptian textile factories despite the political dispute, business groups said.")


def run(paragraphs, settings):
    text = "\n\n".join([TITLE, *paragraphs])
    return clean(RawDocument(content=text, source="t.txt"), settings)


def test_reworded_repeat_is_flagged_and_kept(settings):
    article = run([P1, P2, P3, P4_REWORDED, P5], settings)
    assert len(article.repeated) == 1
    rep = article.repeated[0]
    assert article.text[rep.first[0]:rep.first[1]] == P1
    assert article.text[rep.again[0]:rep.again[1]] == P4_REWORDED
    assert P4_REWORDED in article.text  # both kept: offsets stay honest
    start = article.text.index("closing a rift")
    assert article.is_repeat(start, start + 10)
    assert not article.is_repeat(article.text.index("Trade between"))


def test_exact_copy_is_flagged(settings):
    article = run([P1, P2, P3, P1], settings)
    assert [(r.first, r.again) for r in article.repeated] == [((0, len(P1)), (article.text.rindex(P1),
                                                                             article.text.rindex(P1) + len(P1)))]


def test_paragraphs_about_the_same_actors_are_not_repeats(settings):
    article = run([P1, P2, P3, P5], settings)
    assert article.repeated == ()


def test_content_farm_sample_repeat(settings):
    from newsgraph.config import SAMPLES_DIR

    path = SAMPLES_DIR / "text" / "dailybuzzhub-iran-drones-russia-factory.txt"
    if not path.exists():
        import pytest

        pytest.skip("sample not written yet")
    article = clean(RawDocument(content=path.read_bytes(), source=str(path)), settings)
    assert len(article.repeated) == 1
    again = article.text[slice(*article.repeated[0].again)]
    first = article.text[slice(*article.repeated[0].first)]
    assert "Yelabuga" in again and "Yelabuga" in first
