"""Knowledge fixtures shared by every area: the real embedder, the shipped role knowledge and a ready store.

All are session-scoped because they are expensive (the ONNX model loads once; the shipped knowledge is embedded
once). `knowledge_store` is for read-only use: a test that ingests, edits or deletes builds its own store.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

import assistant.config  # noqa: F401  (telemetry off before onnxruntime / chromadb)
from assistant.config import REPO_ROOT, Settings
from assistant.knowledge.embeddings import Embedder, shared_local_minilm
from assistant.knowledge.schema import RoleKnowledge
from assistant.knowledge.store import KnowledgeStore

SHIPPED_KNOWLEDGE = REPO_ROOT / "knowledge"
SHIPPED_ROLE = "ml-director"


def knowledge_settings(data_dir: Path, **overrides: object) -> Settings:
    """Offline settings that read no environment-specific state: an embedded store under `data_dir`."""
    values: dict[str, object] = {
        "data_dir": data_dir,
        "llm_provider": "offline",
        "chroma_host": None,
        "embedding_backend": "local",
        "assistant_knowledge_dir": SHIPPED_KNOWLEDGE,
        "role": SHIPPED_ROLE,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg,arg-type]


class MemoEmbedder:
    """The real model with a memo of text -> vector, shared for the session.

    Test stores that ingest the shipped (or a cut-down) knowledge again get the very same vectors without paying
    for the model again; `calls` counts the texts that really reached the model.
    """

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self.memo: dict[str, np.ndarray] = {}
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if missing:
            self.calls += len(missing)
            self.memo.update(zip(missing, self.inner.embed(missing), strict=True))
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self.memo[t] for t in texts])


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real local all-MiniLM-L6-v2 (int8 ONNX), loaded once per test session (and shared with app code)."""
    model = shared_local_minilm()
    model.embed(["warm up"])
    return model


@pytest.fixture(scope="session")
def role_knowledge() -> RoleKnowledge:
    """The shipped ml-director knowledge, validated."""
    from assistant.knowledge.loader import load_role

    return load_role(SHIPPED_KNOWLEDGE / SHIPPED_ROLE)


@pytest.fixture(scope="session")
def memo_embedder(embedder: Embedder) -> MemoEmbedder:
    """The real model behind a session-wide memo: cheap re-ingests of the same texts (see `MemoEmbedder`)."""
    return MemoEmbedder(embedder)


@pytest.fixture(scope="session")
def knowledge_store(tmp_path_factory: pytest.TempPathFactory, memo_embedder: MemoEmbedder) -> KnowledgeStore:
    """A store holding the shipped knowledge, ingested once per session. Read-only: do not ingest or delete.

    Its `settings.data_dir` holds a ready `chroma` folder that tests needing a writable store can copy."""
    store = KnowledgeStore(knowledge_settings(tmp_path_factory.mktemp("knowledge-store")), memo_embedder)
    store.ingest()
    return store
