"""Publisher name from the page's URL when the page does not name itself."""
from __future__ import annotations

from urllib.parse import urlsplit

_SUBDOMAINS = {"www", "www2", "m", "mobile", "amp", "news", "edition", "en", "english", "eu", "us", "uk"}
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "gv"}


def from_url(url: str | None) -> str | None:
    """``https://www.meridian-ledger.example/x`` -> "Meridian Ledger"; ``bbc.co.uk`` -> "Bbc"."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return None
    labels = [p for p in host.split(".") if p]
    if len(labels) < 2 or all(p.isdigit() for p in labels):
        return None
    labels = labels[:-1]  # the top-level domain
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL and len(host.rsplit(".", 1)[-1]) == 2:
        labels = labels[:-1]  # co.uk, com.au ...
    while len(labels) > 1 and labels[0] in _SUBDOMAINS:
        labels = labels[1:]
    name = labels[-1] if labels else ""
    words = [w for w in name.replace("_", "-").split("-") if w]
    return " ".join(w.capitalize() for w in words) or None
