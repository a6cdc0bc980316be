"""The REST API on a real DuckDB store built from the bundled samples, through FastAPI's TestClient."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import create_app
from test_api_support import build_sample_db, copy_db

INJECTIONS = ["' OR 1=1 --", "IRN'; DROP TABLE articles; --", "%' UNION SELECT * FROM articles --", "\" OR \"\"=\"",
              "1; DELETE FROM merged_events", "') OR ('a'='a"]
PAGE = ("Turkey and Greece agreed on Friday to reopen talks on their maritime borders, the Turkish foreign ministry "
        "said in a statement. Foreign Minister Mevlut Cavusoglu met his Greek counterpart Nikos Dendias in Ankara, "
        "and both governments pledged to settle their disputes in the Aegean through dialogue, officials said.")


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, sample_records, samples_manifest):
    return build_sample_db(tmp_path_factory.getbasetemp(), sample_records, samples_manifest)


@pytest.fixture(scope="module")
def client(sample_db, tmp_path_factory, pipeline):
    app = create_app(copy_db(sample_db, tmp_path_factory.mktemp("api"), "api.duckdb"), max_body_bytes=64 * 1024)
    app.state.ng._pipeline = pipeline  # reuse the session's loaded model
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def events(client):
    return client.get("/api/events", params={"limit": 500}).json()["items"]


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/actors", "/api/places",
                 "/api/stories", "/api/extract", "/api/ingest"):
        assert path in paths


def test_events_are_paginated_with_totals(client, events):
    first = client.get("/api/events", params={"limit": 5}).json()
    assert set(first) == {"items", "total", "limit", "offset"}
    assert first["total"] == len(events) > 5 and len(first["items"]) == 5
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    capped = client.get("/api/events", params={"limit": 100_000}).json()
    assert capped["limit"] == 500
    past = client.get("/api/events", params={"offset": 10_000}).json()
    assert past["items"] == [] and past["total"] == len(events)
    e = first["items"][0]
    for key in ("id", "event", "actor", "recipient", "event_loc", "date", "articles", "outlets", "origins",
                "first_seen", "n_articles", "n_outlets", "n_origins"):
        assert key in e


def test_event_filters(client, events):
    kind = events[0]["event"]
    typed = client.get("/api/events", params={"type": kind.lower(), "limit": 500}).json()
    assert typed["total"] == sum(e["event"] == kind for e in events) and all(e["event"] == kind for e in typed["items"])
    corroborated = client.get("/api/events", params={"min_origins": 2, "limit": 500}).json()
    assert 0 < corroborated["total"] < len(events)
    assert all(e["n_origins"] >= 2 for e in corroborated["items"])
    iran = client.get("/api/events", params={"actor": "IRN", "limit": 500}).json()["items"]
    assert iran and all(any(a.get("code") == "IRN" or "iran" in (a.get("name") or "").lower() for a in e["actor"])
                        for e in iran)
    dated = [e["date"] for e in events if e.get("date") and len(e["date"]) == 10]
    day = sorted(dated)[len(dated) // 2]
    window = client.get("/api/events", params={"since": day, "until": day, "limit": 500}).json()["items"]
    assert window and all((e.get("date") or e["first_seen"]["published"])[:10] == day for e in window)


def test_near_resolves_a_place_and_unknown_places_say_what_to_do(client):
    place = client.get("/api/places", params={"limit": 1}).json()["items"][0]
    near = client.get("/api/events", params={"near": place["name"], "radius_km": 50}).json()
    assert near["total"] >= 1
    assert all(e["event_loc"] and e["event_loc"]["lat"] is not None for e in near["items"])
    err = error_of(client.get("/api/events", params={"near": "Atlantis-under-the-sea"}), 422)
    assert "/api/places" in err["message"]


def test_event_page_has_mentions_chains_and_a_provenance_graph(client, events):
    outlet_sourced = [e for e in events if any(o["kind"] == "outlet" for o in e["origins"]) and e["n_articles"] > 1]
    assert outlet_sourced, "the drone story is attributed to a newspaper by several outlets"
    event = client.get(f"/api/events/{outlet_sourced[0]['id']}").json()
    assert len(event["mentions"]) >= 2
    for m in event["mentions"]:
        assert {"article_id", "title", "publisher", "sentence", "chain"} <= set(m)
    graph = event["provenance"]
    publishers = [n for n in graph["nodes"] if n["kind"] == "publisher"]
    origins = [n for n in graph["nodes"] if n["origin"]]
    assert len(publishers) >= 2 and origins
    outlet = next(n for n in origins if n["kind"] == "outlet")
    assert sum(edge["target"] == outlet["id"] for edge in graph["edges"]) >= 2  # several outlets, one origin
    assert all(n["layer"] > 0 for n in origins if n["kind"] != "publisher")


def test_article_has_clean_text_and_spans_inside_it(client, events):
    article_id = events[0]["articles"][0]
    record = client.get(f"/api/articles/{article_id}").json()
    text = record["article"]["text"]
    labels = {s["label"] for s in record["spans"]}
    assert {"ACTOR", "PLACE", "EVENT"} <= labels
    for s in record["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(text)
    for actor in record["actors"]:
        assert text[actor["start"]:actor["end"]] == actor["text"]
    assert "story_id" in record


def test_lists(client):
    actors = client.get("/api/actors", params={"limit": 5}).json()["items"]
    assert actors and all(a["code"] for a in actors)
    stories = client.get("/api/stories").json()["items"]
    assert stories[0]["n_articles"] >= 3  # the drone-factory story, told three times
    assert client.get("/api/places", params={"limit": 2}).json()["limit"] == 2


def test_unknown_ids_and_paths_are_json_404s(client):
    assert error_of(client.get("/api/events/M000000000000"), 404)["code"] == "not-found"
    assert "GET /api/events" in error_of(client.get("/api/events/nope"), 404)["message"]
    error_of(client.get("/api/articles/0000000000000000"), 404)
    error_of(client.get("/api/nothing-here"), 404)
    error_of(client.delete("/api/events"), 405)


def test_validation_errors_name_the_parameter(client):
    err = error_of(client.get("/api/events", params={"since": "last tuesday"}), 422)
    assert err["code"] == "invalid-request" and "since" in err["message"]
    assert "limit" in error_of(client.get("/api/events", params={"limit": 0}), 422)["message"]
    assert "min_origins" in error_of(client.get("/api/events", params={"min_origins": "many"}), 422)["message"]


@pytest.mark.parametrize("attack", INJECTIONS)
def test_sql_injection_in_filters_and_ids_is_inert(client, events, attack):
    for key in ("actor", "recipient", "type", "near"):
        r = client.get("/api/events", params={key: attack})
        assert r.status_code in (200, 422), r.text
        if r.status_code == 200:
            assert r.json()["total"] == 0
    error_of(client.get("/api/events", params={"since": attack}), 422)
    error_of(client.get(f"/api/events/{attack}"), 404)
    error_of(client.get(f"/api/articles/{attack}"), 404)
    assert client.get("/api/events", params={"limit": 500}).json()["total"] == len(events)  # nothing dropped


def test_extract_returns_the_record_without_storing(client, events):
    r = client.post("/api/extract", json={"content": PAGE, "url": "https://example.org/talks", "published": "2023-03-03"})
    assert r.status_code == 200, r.text
    record = r.json()
    assert record["article"]["published"] == "2023-03-03" and record["article"]["url"] == "https://example.org/talks"
    assert {a["code"] for a in record["actors"]} & {"TUR", "GRC"}
    assert any(s["label"] == "ACTOR" for s in record["spans"])
    raw = client.post("/api/extract", content=PAGE.encode(), headers={"Content-Type": "text/plain"})
    assert raw.status_code == 200 and raw.json()["article"]["text"] == record["article"]["text"]
    assert client.get(f"/api/articles/{record['article']['id']}").status_code == 404
    assert client.get("/api/events", params={"limit": 1}).json()["total"] == len(events)


def test_extract_bad_input_is_a_clear_error(client):
    assert error_of(client.post("/api/extract", json={"content": ""}), 422)["code"] == "empty-input"
    assert "content" in error_of(client.post("/api/extract", json={"url": "x"}), 422)["message"]
    bad = client.post("/api/extract", content=b"{not json", headers={"Content-Type": "application/json"})
    assert "JSON" in error_of(bad, 422)["message"]
    error_of(client.post("/api/extract", content=b"Too short.", headers={"Content-Type": "text/plain"}), 422)


def test_request_size_is_capped(client):
    big = "word " * 20_000  # 100 kB > the 64 kB cap of this app
    err = error_of(client.post("/api/extract", json={"content": big}), 413)
    assert err["code"] == "too-large"

    def stream():  # no Content-Length: chunked
        for _ in range(100):
            yield b"x" * 1024

    error_of(client.post("/api/extract", content=stream(), headers={"Content-Type": "text/plain"}), 413)
    error_of(client.post("/api/ingest", content=stream(), headers={"Content-Type": "text/plain"}), 413)


def test_ingest_without_token_stores_and_links(client):
    before = client.get("/api/stories", params={"limit": 500}).json()["items"]
    totals = {f: client.get("/api/events", params={"type": f}).json()["total"] for f in ("AGREE", "CONSULT")}
    r = client.post("/api/ingest", json={"content": PAGE, "url": "https://example.org/talks", "published": "2023-03-03"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] and body["link"]["stories"] == len(before) + 1
    # cached totals are dropped on every write: the new article's events are counted at once
    after = {f: client.get("/api/events", params={"type": f}).json() for f in totals}
    assert sum(a["total"] for a in after.values()) > sum(totals.values())
    assert all(a["total"] == len(client.get("/api/events", params={"type": f, "limit": 500}).json()["items"])
               for f, a in after.items())
    assert any(body["article_id"] in e["articles"] for a in after.values() for e in a["items"])
    assert client.get(f"/api/articles/{body['article_id']}").json()["story_id"] == body["story_id"]
    again = client.post("/api/ingest", json={"content": PAGE, "published": "2023-03-03"}).json()
    assert again["already_present"] and again["article_id"] == body["article_id"]


def test_write_endpoint_needs_the_token(sample_db, tmp_path, pipeline):
    app = create_app(copy_db(sample_db, tmp_path, "token.duckdb"), token="s3cret-token")
    app.state.ng._pipeline = pipeline
    with TestClient(app) as c:
        payload = {"content": PAGE, "published": "2023-03-03"}
        assert error_of(c.post("/api/ingest", json=payload), 401)["code"] == "unauthorized"
        error_of(c.post("/api/ingest", json=payload, headers={"Authorization": "Bearer wrong"}), 401)
        error_of(c.post("/api/ingest", json=payload, headers={"Authorization": "s3cret-token"}), 401)
        ok = c.post("/api/ingest", json=payload, headers={"Authorization": "Bearer s3cret-token"})
        assert ok.status_code == 200 and ok.json()["stored"]
        assert c.post("/api/extract", json=payload).status_code == 200  # reads need no token
        assert c.get("/api/events").status_code == 200


def test_read_only_server_refuses_ingest(sample_db, tmp_path):
    with TestClient(create_app(copy_db(sample_db, tmp_path, "ro.duckdb"), read_only=True)) as c:
        assert c.get("/api/events").json()["total"] > 0
        assert error_of(c.post("/api/ingest", json={"content": PAGE}), 403)["code"] == "read-only"


@pytest.mark.parametrize("path", ["/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
                                  "/static/..%2f..%2fetc%2fpasswd", "/static//etc/passwd", "/static/%2fetc%2fpasswd",
                                  "/static/assets/../../../../pyproject.toml", "/static/..%5c..%5cetc%5cpasswd",
                                  "/etc/passwd", "/static/%252e%252e/etc/passwd"])
def test_no_path_outside_the_static_root(client, path):
    r = client.get(path)
    assert r.status_code == 404, (path, r.status_code)
    assert "root:" not in r.text and "[project]" not in r.text


def test_home_serves_the_built_ui(client):
    home = client.get("/")
    assert home.status_code == 200 and 'id="app"' in home.text
    asset = next(part.split('"')[0] for part in home.text.split('src="')[1:])
    assert asset.startswith("/static/assets/") and client.get(asset).status_code == 200
    assert json.loads(client.get("/openapi.json").text)["info"]["title"] == "newsgraph"


def test_a_sourceless_cue_adds_no_node_or_self_loop_to_the_provenance_graph():
    from newsgraph.api.provenance import provenance

    voice = {"cue": "is expected to", "source": {"name": "Harbor Post", "kind": "publisher", "text": ""}}
    wsj = {"cue": "according to", "source": {"name": "The Wall Street Journal", "kind": "outlet"}}
    graph = provenance({"mentions": [{"article_id": "a1", "publisher": "Harbor Post", "chain": [voice]},
                                     {"article_id": "a2", "publisher": "Atlas Daily", "chain": [wsj]}]})
    assert all(e["source"] != e["target"] for e in graph["edges"])
    assert {n["id"] for n in graph["nodes"]} == {"harbor post", "atlas daily", "wall street journal"}
    assert graph["n_origins"] == 2
