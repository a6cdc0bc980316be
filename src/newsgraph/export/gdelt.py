"""GDELT 2.0 event table: the 61 columns of the GDELT Event Codebook V2.0, in order, tab-separated.

Filled: ids, dates, CAMEO actor and event codes, QuadClass, NumMentions/NumSources/NumArticles, ActionGeo, DATEADDED
(the first report's publication day) and SOURCEURL (the first report). Empty where we have no value: GoldsteinScale,
AvgTone, the actors' known-group/ethnic/religion codes and the actors' own geography. ActionGeo_FeatureID is a
GeoNames id (GDELT uses GNS/GNIS ids) and ActionGeo_CountryCode is FIPS 10-4, as in GDELT.
"""
from __future__ import annotations

import csv
import datetime as dt

from .countries import fips, is_country

ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
         "Type1Code", "Type2Code", "Type3Code"]
GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
COLUMNS = (
    ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in ACTOR] + [f"Actor2{c}" for c in ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
       "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in GEO] + [f"Actor2Geo_{c}" for c in GEO] + [f"ActionGeo_{c}" for c in GEO]
    + ["DATEADDED", "SOURCEURL"]
)
assert len(COLUMNS) == 61
NOT_COUNTRIES = {"IGO", "NGO", "MNC", "WST", "UNO", "EUR", "IMG", "KUR"}


def _day(value: str | None) -> dt.date | None:
    head = (value or "").split("/")[0]
    try:
        return dt.date.fromisoformat(head[:10]) if len(head) >= 10 else None
    except ValueError:
        return None


def _quad(cameo: str) -> str:
    if not cameo[:2].isdigit():
        return ""
    root = int(cameo[:2])
    return "1" if root <= 5 else "2" if root <= 8 else "3" if root <= 13 else "4"


def _actor(parties: list[dict]) -> list[str]:
    if not parties:
        return [""] * len(ACTOR)
    p = parties[0]
    code, sector = p.get("code") or "", p.get("sector") or ""
    country = code if len(code) == 3 and code.isalpha() and code not in NOT_COUNTRIES else ""
    return [code + sector, (p.get("name") or p.get("text") or "").upper(), country, "", "", "", "", sector, "", ""]


def _action_geo(loc: dict) -> list[str]:
    if loc.get("lat") is None:
        return [""] * len(GEO)
    kind = "1" if is_country(loc.get("geonameid")) else "4"
    return [kind, loc.get("name") or "", fips(loc.get("country_code")) or "", "", "", f"{loc['lat']:.4f}",
            f"{loc['lon']:.4f}", str(loc.get("geonameid") or "")]


def _mentions(event: dict) -> int:
    """Article mentions (Store.get_event) when present, else one per article. The record's own event "mentions"
    are trigger spans inside one sentence, not reports."""
    reports = [m for m in event.get("mentions") or [] if isinstance(m, dict) and "article_id" in m]
    return len(reports) or event["n_articles"]


def row(number: int, event: dict) -> list[str]:
    first = event.get("first_seen") or {}
    day = _day(event.get("date")) or _day(first.get("published"))
    added = _day(first.get("published"))
    cameo = event.get("cameo") or ""
    return ([str(number), day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
             str(day.year) if day else "", f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else ""]
            + _actor(event.get("actor") or []) + _actor(event.get("recipient") or [])
            + ["1", cameo, cameo[:3], cameo[:2], _quad(cameo), "", str(_mentions(event)),
               str(event["n_outlets"]), str(event["n_articles"]), ""]
            + [""] * 16 + _action_geo(event.get("event_loc") or {})
            + [added.strftime("%Y%m%d") + "000000" if added else "", first.get("url") or ""])


def write(events, out) -> None:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for number, event in enumerate(events, start=1):
        writer.writerow(row(number, event))
