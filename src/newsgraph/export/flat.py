"""Flat views of merged events: CSV, GeoJSON (plain json) and Parquet (pyarrow), one row per merged event."""
from __future__ import annotations

import csv
import json

FIELDS = ["id", "event", "mode", "cameo", "actor", "recipient", "date", "place", "lat", "lon", "certainty",
          "n_articles", "n_outlets", "n_origins", "origins", "first_seen", "first_url", "text"]


def flat_row(event: dict) -> dict:
    loc = event.get("event_loc") or {}
    first = event.get("first_seen") or {}

    def parties(xs):
        return "; ".join(f"{x.get('code') or ''} {x.get('sector') or ''}".strip() for x in xs or [])

    return {"id": event["id"], "event": event["event"], "mode": event.get("mode"), "cameo": event.get("cameo"),
            "actor": parties(event.get("actor")), "recipient": parties(event.get("recipient")),
            "date": event.get("date"), "place": loc.get("name"), "lat": loc.get("lat"), "lon": loc.get("lon"),
            "certainty": event.get("certainty"), "n_articles": event["n_articles"], "n_outlets": event["n_outlets"],
            "n_origins": event["n_origins"], "origins": "; ".join(o["name"] for o in event["origins"]),
            "first_seen": first.get("published"), "first_url": first.get("url"), "text": event.get("text")}


def write_csv(events, out) -> None:
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat_row(e) for e in events)


def write_geojson(events, out) -> None:
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [e["event_loc"]["lon"],
                                                                                 e["event_loc"]["lat"]]},
                 "properties": flat_row(e)}
                for e in events if (e.get("event_loc") or {}).get("lat") is not None]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)


def write_parquet(events, out) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(f, pa.float64() if f in {"lat", "lon"} else pa.int64() if f.startswith("n_") else pa.string())
                        for f in FIELDS])
    pq.write_table(pa.Table.from_pylist([flat_row(e) for e in events], schema=schema), out)
