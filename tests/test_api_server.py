"""The real server: `newsgraph serve` (uvicorn) on 127.0.0.1 and a free port, probed over real sockets."""
from __future__ import annotations

import inspect
import socket

import httpx
import pytest

from newsgraph.cli import serve
from test_api_support import build_sample_db, copy_db, start_server, stop_server


@pytest.fixture(scope="module")
def server(tmp_path_factory, sample_records, samples_manifest):
    db = build_sample_db(tmp_path_factory.getbasetemp(), sample_records, samples_manifest)
    proc, base = start_server(copy_db(db, tmp_path_factory.mktemp("server"), "server.duckdb"),
                              "--token", "t0ken", "--max-body", "2048")
    yield base
    stop_server(proc)


def raw_request(base: str, request: bytes) -> tuple[int, bytes]:
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(request)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return int(data.split(b" ", 2)[1]), data


def test_binds_loopback_by_default(server):
    default = inspect.signature(serve.serve_command).parameters["host"].default.default
    assert default == "127.0.0.1"
    assert server.startswith("http://127.0.0.1:")


def test_real_server_answers_the_api(server):
    with httpx.Client(base_url=server, timeout=10) as c:
        page = c.get("/api/events", params={"min_origins": 2}).json()
        assert page["total"] > 0
        event = c.get(f"/api/events/{page['items'][0]['id']}").json()
        assert event["provenance"]["nodes"]
        assert c.get("/").status_code == 200
        assert c.get("/api/events/unknown").json()["error"]["code"] == "not-found"


def test_concurrent_reads_give_the_sequential_answers(server):
    """Reads run in parallel on per-thread cursors: the same pages as one request at a time."""
    from concurrent.futures import ThreadPoolExecutor

    queries = [{"limit": 5, "offset": o} for o in (0, 5, 10)] + [{"min_origins": 2}, {"since": "2023-02"},
                                                               {"actor": "IRN", "limit": 3}]
    with httpx.Client(base_url=server, timeout=30) as c:
        expected = [c.get("/api/events", params=q).json() for q in queries]
        ids = [e["id"] for page in expected for e in page["items"]][:6]
        events = {i: c.get(f"/api/events/{i}").json() for i in ids}
        with ThreadPoolExecutor(8) as pool:
            pages = list(pool.map(lambda q: c.get("/api/events", params=q).json(), queries * 6))
            shown = list(pool.map(lambda i: c.get(f"/api/events/{i}").json(), ids * 4))
    assert pages == expected * 6
    assert shown == [events[i] for i in ids * 4]


@pytest.mark.parametrize("target", [b"/static/../../etc/passwd", b"/static/../../../../../../etc/passwd",
                                    b"/static/%2e%2e/%2e%2e/etc/passwd", b"/static/..%2f..%2f..%2fetc/passwd",
                                    b"/static//etc/passwd", b"/static/assets/../../api/app.py",
                                    b"/static/../../../pyproject.toml", b"/../../etc/passwd"])
def test_path_traversal_over_a_raw_socket(server, target):
    status, data = raw_request(server, b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert status == 404, data[:300]
    assert b"root:" not in data and b"create_app" not in data


def test_oversized_bodies_are_refused(server):
    status, data = raw_request(server, b"POST /api/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                                       b"Content-Length: 999999\r\nConnection: close\r\n\r\n" + b"x" * 100)
    assert status == 413 and b"too-large" in data
    chunk = b"x" * 1000
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(5)) + b"0\r\n\r\n"
    status, data = raw_request(server, b"POST /api/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                                       b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + body)
    assert status == 413 and b"too-large" in data


def test_token_is_required_on_the_real_server(server):
    r = httpx.post(f"{server}/api/ingest", json={"content": "some page"}, timeout=10)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    r = httpx.post(f"{server}/api/ingest", json={"content": "x"}, headers={"Authorization": "Bearer nope"}, timeout=10)
    assert r.status_code == 401
