"""Resume fixtures (registered in tests/conftest.py): corpus PDFs read once per session through the real intake."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.resume.models import ExtractedText, Resume

# Resumes made for the tests from HTML, printed by Chromium (`tests/data/layouts/*.html` beside each PDF).
LAYOUTS = Path(__file__).resolve().parent.parent / "data" / "layouts"


def layout_pdf(name: str, settings: Settings) -> ExtractedText:
    """`tests/data/layouts/<name>.pdf` read through the real intake."""
    from assistant.resume.intake import read_pdf

    return read_pdf((LAYOUTS / f"{name}.pdf").read_bytes(), settings)


def roles(resume: Resume) -> list[tuple[str | None, str | None]]:
    """(title, employer) of each role the reader found, in order: what most reading tests assert on."""
    return [(job.title, job.company) for job in resume.experience]


# Two invented work histories several test files share. UNSURE_HISTORY has its dates drawn as a column before the
# entries: the reader finds two dated roles but cannot tell whose they are (no titles, no employers).
UNSURE_HISTORY = """Robin Example
robin@example.org
Experience
2019 - 2023
2015 - 2019
staff engineer, platform team at globex
• Ran the build farm for 300 engineers
engineer at initech
• Wrote the billing service used by 2M customers
Education
BSc Computer Science, Example University, 2015"""

# The same person's history as the reader expects it: read with confidence.
CONFIDENT_HISTORY = """Robin Example
robin@example.org
Experience
Staff Engineer, Globex Jan 2019 - Present
• Ran the build farm for 300 engineers
Engineer, Initech Mar 2015 - Dec 2018
• Wrote the billing service used by 2M customers"""

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

# With an LLM configured, a review's first model call is the model's own reading of the roles (a second opinion,
# `assistant.resume.llm_extract`); this reply reads none, so the reader's roles stand and the calls that follow are
# the ones a test is about.
NO_SECOND_READING: dict[str, list[object]] = {"roles": []}

