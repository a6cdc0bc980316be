"""Refuse what cannot be an article (empty, too large, binary) and decode bytes to text.

Decoding order: a byte-order mark; a charset declared in the HTML (<meta charset> or http-equiv);
strict UTF-8; Windows-1252 for mostly-ASCII bytes (the usual undeclared Western page, and what browsers
use for "latin-1"); charset_normalizer's best guess; else EncodingError.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import BinaryInput, EmptyInput, EncodingError, TooLarge

MAGIC = {b"%PDF": "a PDF", b"PK\x03\x04": "a ZIP archive (or an Office document)", b"\x1f\x8b": "a gzip archive",
         b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"RIFF": "a media file",
         b"\x7fELF": "a program", b"7z\xbc\xaf": "a 7-Zip archive", b"Rar!": "a RAR archive"}
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# WHATWG: pages labelled latin-1/ascii are decoded as windows-1252.
ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
           "us-ascii": "cp1252", "ascii": "cp1252", "l1": "cp1252"}
META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
# C0 controls other than tab, newline, vertical tab, form feed, carriage return, escape.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_CONTROL_STR = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SURROGATE = re.compile("[\ud800-\udfff]")

TOO_LARGE = "raise NEWSGRAPH_MAX_BYTES if you really want it, or pass only the article's text"


def check_size(content: bytes | str, max_bytes: int, source: str) -> None:
    """Refuse oversize input before any decoding or parsing (len() is O(1))."""
    size = len(content)
    if isinstance(content, str) and size * 4 > max_bytes and size <= max_bytes:
        size = len(content.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise TooLarge(f"the input is {size:,} bytes, over the {max_bytes:,}-byte limit; {TOO_LARGE}", source=source)


def _binary_kind(head: bytes) -> str | None:
    for magic, kind in MAGIC.items():
        if head.startswith(magic):
            return kind
    return None


def check_binary(data: bytes, source: str) -> None:
    kind = _binary_kind(data[:8])
    if kind:
        raise BinaryInput(f"this looks like {kind}, not a web page or text; give the page's HTML or its text",
                          source=source)
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if b"\x00" in sample or controls > 0.05 * len(sample):
        raise BinaryInput("this is binary data, not a web page or text; give the page's HTML or its text",
                          source=source)


def _declared(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    name = ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, source: str) -> str:
    """Bytes -> str, or EncodingError/BinaryInput."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                name = codec.replace("-sig", "").upper()
                raise EncodingError(f"the text starts with a {name} byte-order mark but is not valid {name}; "
                                    f"re-save it as UTF-8", source=source) from exc
    check_binary(data, source)
    declared = _declared(data)
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # wrong declaration: guess below
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = data[:65536]
    high = sum(1 for b in sample if b >= 0x80)
    if high <= 0.1 * len(sample):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[:262144]).best()
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text and text.count("\ufffd") <= 0.01 * len(text):
            return text
    raise EncodingError("cannot tell which character encoding this text uses; re-save it as UTF-8", source=source)


def normalise(text: str, source: str) -> str:
    """NFC, Unix newlines, no invisible or control characters, no lone surrogates."""
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    controls = len(_CONTROL_STR.findall(text[:65536]))
    if "\x00" in text[:65536] or controls > 0.05 * min(len(text), 65536):
        raise BinaryInput("this is binary data, not a web page or text; give the page's HTML or its text",
                          source=source)
    text = _CONTROL_STR.sub("", _INVISIBLE.sub("", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u2028", "\n")
    return unicodedata.normalize("NFC", text)


def to_text(content: bytes | str, source: str) -> str:
    if isinstance(content, bytes):
        if not content.strip():
            raise EmptyInput("the input is empty; give a news page or its text", source=source)
        text = decode(content, source)
    else:
        text = content
    text = normalise(text, source)
    if not text.strip():
        raise EmptyInput("the input is empty; give a news page or its text", source=source)
    return text


_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|p|div|article|section|br|span|a|h[1-6]|title|meta|ul|li|table|"
                  r"main|header|footer|nav|script|style|!--)[\s>/]", re.I)


def looks_like_html(text: str) -> bool:
    head = text[:20000]
    stripped = head.lstrip()[:200].lower()
    if stripped.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return len(_TAG.findall(head)) >= 3
