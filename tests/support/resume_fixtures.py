"""Resume fixtures (registered in tests/conftest.py): corpus PDFs read once per session through the real intake."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.resume.models import ExtractedText

CORPUS_RESUMES = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "resumes"


def corpus_resume_names() -> list[str]:
    """File names of every corpus resume (empty when the corpus is not beside the checkout)."""
    return sorted(p.name for p in CORPUS_RESUMES.glob("*.pdf")) if CORPUS_RESUMES.is_dir() else []


@pytest.fixture(scope="session")
def corpus_extracted() -> dict[str, ExtractedText]:
    """Every corpus resume through `read_pdf` (one subprocess each), shared by parser and review tests."""
    from assistant.resume.intake import read_pdf

    if not CORPUS_RESUMES.is_dir():
        pytest.skip("../shared/corpus is not beside the checkout")
    settings = Settings(_env_file=None, llm_provider="offline")  # type: ignore[call-arg]
    return {name: read_pdf((CORPUS_RESUMES / name).read_bytes(), settings) for name in corpus_resume_names()}

