"""Decoding, HTML-or-text detection and the HTML path (trafilatura + htmldate)."""
from __future__ import annotations

import codecs

import pytest

from newsgraph.clean import clean
from newsgraph.clean.detect import decode, looks_like_html
from newsgraph.types import RawDocument

BODY = ("The mayor’s office said on Monday that the café district near the old harbour would be closed to cars "
        "from June, a plan that restaurant owners called “naïve” and “a blow to trade”. City councillors voted 31 "
        "to 14 in favour of the scheme after a debate that lasted more than six hours, according to the minutes.")
PAGE = """<!DOCTYPE html>
<html lang="en"><head>{meta}<title>Harbour district to go car-free | Coastline Gazette</title>
<meta property="og:site_name" content="Coastline Gazette">
<meta property="article:published_time" content="2024-05-13T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/city">City</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour district to go car-free</h1>
<p>{body}</p>
<p>Opponents said they would collect signatures for a referendum on the plan before the summer recess, which
begins in the second week of July, and several shop owners said they were considering legal action.</p>
</article>
<footer>© 2024 Coastline Gazette</footer>
</body></html>"""


def page(meta: str = "") -> str:
    return PAGE.format(meta=meta, body=BODY)


def test_cp1252_without_declaration_decodes(settings):
    data = f"Harbour district to go car-free\n\n{BODY}".encode("cp1252")
    assert decode(data, "t") == f"Harbour district to go car-free\n\n{BODY}"
    article = clean(RawDocument(content=data, source="t.txt"), settings)
    assert "“naïve”" in article.text and "mayor’s" in article.text


def test_utf8_bom(settings):
    data = codecs.BOM_UTF8 + f"Harbour district to go car-free\n\n{BODY}".encode("utf-8")
    article = clean(RawDocument(content=data, source="t.txt"), settings)
    assert article.title == "Harbour district to go car-free"
    assert "\ufeff" not in article.text


def test_utf16_with_bom(settings):
    data = f"Harbour district to go car-free\n\n{BODY}".encode("utf-16")
    assert clean(RawDocument(content=data, source="t.txt"), settings).text == BODY


def test_declared_charset_in_html_wins(settings):
    html = page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
    article = clean(RawDocument(content=html.encode("cp1252"), source="p.html"), settings)
    assert "“naïve”" in article.text
    html = page('<meta charset="iso-8859-15">')
    data = html.replace("’", "'").replace("“", '"').replace("”", '"').encode("iso-8859-15")
    assert "naïve" in clean(RawDocument(content=data, source="p.html"), settings).text


def test_html_path_metadata(settings):
    article = clean(RawDocument(content=page(), source="p.html", url="https://coastline-gazette.example/a"), settings)
    assert article.source_format == "html"
    assert article.title == "Harbour district to go car-free"
    assert article.publisher == "Coastline Gazette"
    assert article.published == "2024-05-13"
    assert article.language == "en"
    assert article.text.startswith("The mayor’s office")
    assert "Home" not in article.text and "©" not in article.text
    assert "\n\n" in article.text  # paragraphs separated by blank lines


def test_url_from_the_canonical_link_unless_the_caller_gives_one(settings):
    meta = '<link rel="canonical" href="https://coastline-gazette.example/city/2024/05/13/harbour-car-free">'
    article = clean(RawDocument(content=page(meta), source="p.html"), settings)
    assert article.url == "https://coastline-gazette.example/city/2024/05/13/harbour-car-free"
    given = clean(RawDocument(content=page(meta), source="p.html", url="https://example.org/given"), settings)
    assert given.url == "https://example.org/given"


def test_callers_date_wins(settings):
    article = clean(RawDocument(content=page(), source="p.html", published="2024-05-14"), settings)
    assert article.published == "2024-05-14"


def test_truncated_html_keeps_what_is_there(settings):
    html = page()
    cut = html[: html.index("Opponents said") + 40]  # the page stops mid-paragraph
    article = clean(RawDocument(content=cut, source="p.html"), settings)
    assert "café district" in article.text


def test_kind_detection_and_override(settings):
    assert looks_like_html(page())
    assert not looks_like_html(f"Headline\n\n{BODY}\n\nShares fell 3% as x < y and y > z.")
    as_text = clean(RawDocument(content=f"Headline here\n\n{BODY}", source="t", kind="text"), settings)
    assert as_text.source_format == "text"
    forced = clean(RawDocument(content=page(), source="t", kind="html"), settings)
    assert forced.source_format == "html"


@pytest.mark.parametrize("html_sample", ["meridian-iran-russia-drone-factory", "dailybuzzhub-iran-drones-russia-factory"])
def test_bundled_html_and_text_agree(settings, html_sample):
    from newsgraph.config import SAMPLES_DIR

    html, text = SAMPLES_DIR / "html" / f"{html_sample}.html", SAMPLES_DIR / "text" / f"{html_sample}.txt"
    if not (html.exists() and text.exists()):
        pytest.skip("samples not written yet")
    a = clean(RawDocument(content=html.read_bytes(), source=str(html)), settings)
    b = clean(RawDocument(content=text.read_bytes(), source=str(text)), settings)
    assert a.title == b.title
    assert a.dateline == b.dateline
    assert len(a.repeated) == len(b.repeated)
    assert set(b.text.split("\n\n")) - set(a.text.split("\n\n")) == set()
