"""Several app processes on one `chroma run` server (the replica topology): each process, on its own machine
and data dir, makes the shared store ready at start-up. Two starting at the same moment on an empty server must
both come up, build one copy of the knowledge (not two, not a half), and search it alike."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from assistant.knowledge.store import KnowledgeStore
from tests.support.chroma_server import ingest_and_search
from tests.support.knowledge_fixtures import MemoEmbedder, knowledge_settings

pytestmark = pytest.mark.slow


def test_two_processes_starting_at_once_on_an_empty_server_share_one_store(
    tmp_path: Path, chroma_server: int, knowledge_store: KnowledgeStore, memo_embedder: MemoEmbedder
) -> None:
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Manager().Event()
    with ctx.Pool(2) as pool:
        # Separate data dirs: replicas on different machines share no file lock, only the server.
        jobs = [pool.apply_async(ingest_and_search, (str(tmp_path / f"replica-{n}"), chroma_server, start))
                for n in range(2)]
        start.set()
        results = [job.get(timeout=240) for job in jobs]

    chunks = knowledge_store.count()
    assert [r["count"] for r in results] == [chunks, chunks]
    assert results[0]["top"] == results[1]["top"] == [
        h.id for h in knowledge_store.search("how is a director of ML engineering judged", k=3)
    ]
    # Whatever the interleaving, the two ingests together added each chunk at least once and the store holds
    # exactly one copy of each; a third process then finds nothing to do.
    assert sum(int(r["added"]) for r in results) >= chunks  # type: ignore[call-overload]
    settings = knowledge_settings(tmp_path / "third", chroma_host="127.0.0.1", chroma_port=chroma_server)
    again = KnowledgeStore(settings, memo_embedder).ingest()
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, chunks)
