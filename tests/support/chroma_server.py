"""A real `chroma run` server on a free loopback port, for tests of server mode (CHROMA_HOST / CHROMA_PORT)."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.processes import free_port, stop

CHROMA = Path(sys.executable).parent / "chroma"


def wait_healthy(port: int, server: subprocess.Popen[bytes], timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"chroma run exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"chroma run did not answer on port {port} within {timeout_s} s")


def start_chroma(path: Path) -> tuple[subprocess.Popen[bytes], int]:
    """Start `chroma run` with its data under `path`; the caller stops the process (processes.stop)."""
    if not CHROMA.exists():
        pytest.skip("the chroma CLI is not installed in this environment")
    port = free_port()
    server = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_healthy(port, server)
    except BaseException:
        stop(server)
        raise
    return server, port


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    """A real Chroma server on a free loopback port, with its data under tmp_path; stopped after the test."""
    server, port = start_chroma(tmp_path / "server-data")
    try:
        yield port
    finally:
        stop(server)


def ingest_and_search(data_dir: str, port: int, start: object = None) -> dict[str, object]:
    """One app process starting against a shared Chroma server: make the store ready, then search it.

    Runs in its own process (multiprocessing, spawn) with the real MiniLM embedder, as a replica would; waits on
    `start` (a multiprocessing event) so several of them really start at the same moment."""
    from assistant.knowledge.embeddings import get_embedder
    from assistant.knowledge.store import KnowledgeStore
    from tests.support.knowledge_fixtures import knowledge_settings

    settings = knowledge_settings(Path(data_dir), chroma_host="127.0.0.1", chroma_port=port)
    store = KnowledgeStore(settings, get_embedder(settings))
    if start is not None:
        start.wait(timeout=60)  # type: ignore[attr-defined]
    report = store.ensure_ready()
    hits = store.search("how is a director of ML engineering judged", k=3)
    return {
        "added": report.added if report else 0,
        "count": store.count(),
        "top": [h.id for h in hits],
    }
