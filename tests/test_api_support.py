"""Shared helpers for the API and browser tests (no tests here): a real DuckDB store built once per session
from the bundled samples, the way 'newsgraph demo' builds it, and a real server on a free loopback port."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def build_sample_db(base: Path, sample_records: dict, samples_manifest: list[dict]) -> Path:
    """The bundled samples (HTML pages; scraped text for the content farm), stored and linked. Built once."""
    path = base / "samples.duckdb"
    if path.exists():
        return path
    from newsgraph.link import link
    from newsgraph.store import Store

    partial = base / "samples.partial.duckdb"
    partial.unlink(missing_ok=True)
    records = [sample_records[(m["slug"], "text" if m["kind"] == "content-farm" else "html")] for m in samples_manifest]
    with Store(partial) as store:
        store.add_records(records)
        link(store)
    partial.rename(path)
    return path


def copy_db(source: Path, target_dir: Path, name: str) -> Path:
    target = target_dir / name
    shutil.copyfile(source, target)
    return target


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, *extra: str, timeout: float = 60.0) -> tuple[subprocess.Popen, str]:
    """`newsgraph serve` in a subprocess on 127.0.0.1 and a free port; returns (process, base URL)."""
    port = free_port()
    cmd = [sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", str(port), *extra]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"newsgraph serve exited early: {proc.stdout.read()}")
        try:
            if httpx.get(f"{base}/openapi.json", timeout=2).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError("newsgraph serve did not start in time")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
