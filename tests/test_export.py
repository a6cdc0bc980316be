"""Exports: PLOVER JSONL, the 61-column GDELT 2.0 event table, CSV, GeoJSON and Parquet."""
from __future__ import annotations

import csv
import io
import json

import pytest

from newsgraph.export import GDELT_COLUMNS, export
from newsgraph.link import link
from newsgraph.store import Store
from newsgraph.types import EventFilter


@pytest.fixture(scope="module")
def events(tmp_path_factory, sample_records, samples_manifest) -> list[dict]:
    records = [sample_records[(m["slug"], "text" if m["kind"] == "content-farm" else "html")]
               for m in samples_manifest]
    with Store(tmp_path_factory.mktemp("export") / "e.duckdb") as store:
        store.add_records(records)
        link(store)
        return [store.get_event(e["id"]) for e in store.query_events(EventFilter(), limit=None)]


def test_gdelt_has_the_61_columns_in_codebook_order(events):
    assert GDELT_COLUMNS[:6] == ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate", "Actor1Code"]
    assert GDELT_COLUMNS[25:36] == ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
                                    "Actor1Geo_Type"]
    assert GDELT_COLUMNS[-10:] == ["ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
                                   "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long",
                                   "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"]
    out = io.StringIO()
    export(events, "gdelt-tsv", out)
    rows = list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert rows[0] == GDELT_COLUMNS and len(rows) == len(events) + 1
    assert all(len(r) == 61 for r in rows)
    for raw, event in zip(rows[1:], events):
        row = dict(zip(GDELT_COLUMNS, raw))
        assert row["NumArticles"] == str(event["n_articles"]) and row["NumSources"] == str(event["n_outlets"])
        if event.get("cameo"):
            assert row["EventCode"] == event["cameo"] and row["EventRootCode"] == event["cameo"][:2]
            assert row["QuadClass"] in {"1", "2", "3", "4"}
        assert row["SOURCEURL"].startswith("https://") and len(row["DATEADDED"]) == 14
        if row["Day"]:
            assert len(row["Day"]) == 8 and row["Year"] == row["Day"][:4]


def test_plover_jsonl_uses_the_manuals_field_names_with_our_extension(events):
    out = io.StringIO()
    export(events, "plover-jsonl", out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == len(events)
    for r in records:
        assert {"id", "date", "actor", "recipient", "event", "event_loc", "event_text", "quad_code", "mode",
                "context", "text", "text_info", "cite_info", "coder", "newsgraph"} <= set(r)
        assert isinstance(r["event"], list) and r["quad_code"] in {1, 2, 3, 4}
        assert all({"code", "sector", "entity_text"} <= set(a) for a in r["actor"] + r["recipient"])
        ext = r["newsgraph"]
        assert ext["n_origins"] == len(ext["origins"]) and ext["certainty"]
        assert len(ext["attribution_chains"]) >= ext["n_articles"]
    located = [r for r in records if r["event_loc"] and r["event_loc"]["country_code"]]
    assert located and all(len(r["event_loc"]["country_code"]) == 3 for r in located)


def test_csv_geojson_and_parquet(events, tmp_path):
    import pyarrow.parquet as pq

    out = io.StringIO()
    export(events, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == len(events) and rows[0]["n_origins"].isdigit()
    out = io.StringIO()
    export(events, "geojson", out)
    geo = json.loads(out.getvalue())
    assert geo["type"] == "FeatureCollection" and geo["features"]
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    with open(tmp_path / "e.parquet", "wb") as handle:
        export(events, "parquet", handle)
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == len(events) and "n_origins" in table.column_names
    with open(tmp_path / "empty.parquet", "wb") as handle:
        export([], "parquet", handle)
    assert pq.read_table(tmp_path / "empty.parquet").num_rows == 0
