"""Server mode: the same ingest and search against a real `chroma run` server (CHROMA_HOST / CHROMA_PORT)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.knowledge.store import KnowledgeStore
from tests.support.knowledge_fixtures import MemoEmbedder, knowledge_settings
from tests.support.processes import free_port


@pytest.mark.slow
def test_ingest_and_search_through_a_chroma_server(
    tmp_path: Path, chroma_server: int, memo_embedder: MemoEmbedder, knowledge_store: KnowledgeStore
) -> None:
    settings = knowledge_settings(tmp_path / "data", chroma_host="localhost", chroma_port=chroma_server)
    store = KnowledgeStore(settings, memo_embedder)
    assert "server" in store.location

    report = store.ensure_ready()
    assert report is not None and report.added == knowledge_store.count()
    assert not settings.chroma_dir.exists()  # nothing was written locally: the vectors live in the server

    again = KnowledgeStore(settings, memo_embedder).ingest()
    assert (again.added, again.updated, again.unchanged) == (0, 0, report.added)
    top = store.search("how is a director of ML engineering judged", k=3)
    assert top[0].item_id == "success_metrics"
    assert [h.id for h in top] == [
        h.id for h in knowledge_store.search("how is a director of ML engineering judged", k=3)
    ]


def test_unreachable_server_is_a_config_error_with_the_fix(
    tmp_path: Path, memo_embedder: MemoEmbedder
) -> None:
    settings = knowledge_settings(tmp_path / "data", chroma_host="127.0.0.1", chroma_port=free_port())
    with pytest.raises(ConfigError, match="chroma run") as info:
        KnowledgeStore(settings, memo_embedder).search("salary", k=1)
    assert info.value.code == "chroma_unreachable"
