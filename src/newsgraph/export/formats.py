"""One writer per format. Each takes merged events (Store.query_events dicts) and a binary or text stream."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

GDELT_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
               "Type1Code", "Type2Code", "Type3Code"]
GDELT_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in GDELT_ACTOR] + [f"Actor2{c}" for c in GDELT_ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
       "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in GDELT_GEO] + [f"Actor2Geo_{c}" for c in GDELT_GEO]
    + [f"ActionGeo_{c}" for c in GDELT_GEO] + ["DATEADDED", "SOURCEURL"]
)
assert len(GDELT_COLUMNS) == 61


def _day(event: dict) -> dt.date | None:
    for value in (event.get("date"), (event.get("first_seen") or {}).get("published")):
        if value and len(value.split("/")[0]) >= 10:
            try:
                return dt.date.fromisoformat(value.split("/")[0][:10])
            except ValueError:
                continue
    return None


def _quad(cameo: str | None) -> str:
    if not cameo or not cameo[:2].isdigit():
        return ""
    root = int(cameo[:2])
    return "1" if root <= 5 else "2" if root <= 8 else "3" if root <= 13 else "4"


def _actor(parties: list[dict]) -> list[str]:
    if not parties:
        return [""] * len(GDELT_ACTOR)
    p = parties[0]
    code = p.get("code") or ""
    country = code if len(code) == 3 and code.isalpha() and code not in {"IGO", "NGO", "WST"} else ""
    return [f"{code}{p.get('sector') or ''}", (p.get("name") or p.get("text") or "").upper(), country, "", "", "", "",
            p.get("sector") or "", "", ""]


def gdelt_row(number: int, event: dict) -> list[str]:
    day = _day(event)
    cameo = event.get("cameo") or ""
    loc = event.get("event_loc") or {}
    action_geo = ["", "", "", "", "", "", "", ""]
    if loc.get("lat") is not None:
        action_geo = ["4", loc.get("name") or "", loc.get("country_code") or "", "", "", f"{loc['lat']:.4f}",
                      f"{loc['lon']:.4f}", str(loc.get("geonameid") or "")]
    row = ([str(number), day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
            str(day.year) if day else "", f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else ""]
           + _actor(event.get("actor", [])) + _actor(event.get("recipient", []))
           + ["1", cameo, cameo[:3], cameo[:2], _quad(cameo), "", str(len(event.get("mentions") or event["articles"])),
              str(event["n_outlets"]), str(event["n_articles"]), ""]
           + [""] * 8 + [""] * 8 + action_geo
           + [dt.date.today().strftime("%Y%m%d") + "000000", ""])
    return row


def write_gdelt(events, out) -> None:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(GDELT_COLUMNS)
    for number, event in enumerate(events, start=1):
        writer.writerow(gdelt_row(number, event))


def plover_record(event: dict) -> dict:
    """PLOVER's record fields, with newsgraph's provenance under the "newsgraph" extension key."""
    loc = event.get("event_loc") or {}
    return {
        "id": event["id"], "date": event.get("date") or (event.get("first_seen") or {}).get("published"),
        "event": event["event"], "mode": event.get("mode") or "", "context": list(event.get("context") or []),
        "actor": [p.get("name") or p.get("text") for p in event.get("actor", [])],
        "actor_country": [p.get("code") for p in event.get("actor", [])],
        "actor_sector": [p.get("sector") for p in event.get("actor", [])],
        "recipient": [p.get("name") or p.get("text") for p in event.get("recipient", [])],
        "recipient_country": [p.get("code") for p in event.get("recipient", [])],
        "recipient_sector": [p.get("sector") for p in event.get("recipient", [])],
        "event_text": event.get("event_text"), "text": event.get("text"),
        "event_loc": {"name": loc.get("name"), "lat": loc.get("lat"), "lon": loc.get("lon"),
                      "geonameid": loc.get("geonameid")} if loc else None,
        "cameo": event.get("cameo"),
        "newsgraph": {"certainty": event.get("certainty"), "articles": event["articles"], "outlets": event["outlets"],
                      "origins": event["origins"], "n_articles": event["n_articles"], "n_outlets": event["n_outlets"],
                      "n_origins": event["n_origins"], "first_seen": event["first_seen"]},
    }


def write_plover(events, out) -> None:
    for event in events:
        out.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")


FLAT = ["id", "event", "mode", "cameo", "actor", "recipient", "date", "place", "lat", "lon", "certainty",
        "n_articles", "n_outlets", "n_origins", "origins", "first_seen", "text"]


def flat_row(event: dict) -> dict:
    loc = event.get("event_loc") or {}
    join = lambda xs: "; ".join(f"{x.get('code') or ''} {x.get('sector') or ''}".strip() for x in xs)  # noqa: E731
    return {"id": event["id"], "event": event["event"], "mode": event.get("mode"), "cameo": event.get("cameo"),
            "actor": join(event.get("actor", [])), "recipient": join(event.get("recipient", [])),
            "date": event.get("date"), "place": loc.get("name"), "lat": loc.get("lat"), "lon": loc.get("lon"),
            "certainty": event.get("certainty"), "n_articles": event["n_articles"], "n_outlets": event["n_outlets"],
            "n_origins": event["n_origins"], "origins": "; ".join(o["name"] for o in event["origins"]),
            "first_seen": event["first_seen"]["published"], "text": event.get("text")}


def write_csv(events, out) -> None:
    writer = csv.DictWriter(out, fieldnames=FLAT)
    writer.writeheader()
    writer.writerows(flat_row(e) for e in events)


def write_geojson(events, out) -> None:
    features = []
    for e in events:
        loc = e.get("event_loc") or {}
        if loc.get("lat") is None:
            continue
        props = flat_row(e)
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                         "properties": props})
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)


def write_parquet(events, out) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flat_row(e) for e in events]
    table = pa.Table.from_pylist(rows) if rows else pa.table({k: pa.array([], pa.string()) for k in FLAT})
    pq.write_table(table, out)


FORMATS = {"plover-jsonl": (write_plover, False), "gdelt-tsv": (write_gdelt, False), "csv": (write_csv, False),
           "geojson": (write_geojson, False), "parquet": (write_parquet, True)}


def export(events: list[dict], fmt: str, out) -> None:
    """Write events in ``fmt`` to ``out`` (a text stream, or a binary one for parquet)."""
    writer, binary = FORMATS[fmt]
    if binary and isinstance(out, io.TextIOBase):
        raise ValueError("parquet needs a binary stream or a file path")
    writer(events, out)
