"""Resume text and contact details never reach INFO (or higher) logs, whatever the model does with them.

SECURITY.md: "resume text: never in INFO logs". The flows a user runs (review, tailor, an interview probing the
resume, scoring an answer) are driven with a model that echoes the candidate's text back in prose (the usual way a
small local model fails a structured request), so every fallback and repair path that logs is exercised.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from langchain_core.messages import BaseMessage
from typer.testing import CliRunner

from assistant.cli import app

NAME = "Quillon Vantrebeck"
EMAIL = "quillon.vantrebeck@example.org"
PHONE = "+44 20 7946 0321"
BULLET = "Grew the Zephyrine ranking platform team from 6 to 31 engineers"
RESUME = f"""{NAME}
{EMAIL} | {PHONE}

EXPERIENCE
Director of ML Engineering, Example Retail Co
Jan 2020 - Present
- {BULLET} and cut serving cost 35%
- Owned a $4M annual GPU budget

EDUCATION
MSc Computer Science, Example University, 2012
"""
SECRETS = (NAME, EMAIL, PHONE, "Zephyrine")


def _echo(messages: list[BaseMessage]) -> str:
    """A model that answers every request in prose quoting what it was sent."""
    text = "\n".join(str(m.content) for m in messages)
    quoted = next((s for s in SECRETS if s in text), "")
    return f"Sure! Here is what I think about {quoted}: {text[-400:]}"


@pytest.fixture
def logged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[logging.LogRecord]]:
    from assistant.llm.fakes import FakeChatModel
    from assistant.services import override_chat_model

    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LLM_PROVIDER", "offline")
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Keep(level=logging.INFO)
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        with override_chat_model(lambda _settings: FakeChatModel(responder=_echo)):
            yield records
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)


def _leaks(records: list[logging.LogRecord]) -> list[str]:
    lines = []
    for record in records:
        text = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            text += f" {record.exc_info[1]!s} {record.exc_info[1].__cause__!s}"
        if any(secret in text for secret in SECRETS):
            lines.append(f"{record.levelname} {record.name}: {text[:300]}")
    return lines


def test_no_resume_text_in_info_logs_across_the_llm_flows(logged: list[logging.LogRecord], tmp_path: Path) -> None:
    resume = tmp_path / "resume.txt"
    resume.write_text(RESUME, encoding="utf-8")
    answers = tmp_path / "answers.txt"
    answers.write_text(f"{BULLET}; I hired 4 managers. My email is {EMAIL}.\n---\nWe did fine.\n", encoding="utf-8")
    runner = CliRunner()
    runs = [
        ["review", str(resume), "--json"],
        ["tailor", str(resume), "--out", str(tmp_path / "out.md"), "--json"],
        ["interview", "-n", "2", "--resume", str(resume), "--answers", str(answers), "--json"],
        ["score", "--question", "Tell me about a team you grew.", "--answer", f"{BULLET}, said {NAME}.", "--json"],
    ]
    for args in runs:
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args[0], result.output[-2000:])
    assert logged, "the flows ran through their logging paths"
    assert not _leaks(logged), "\n".join(_leaks(logged))
