"""The LLM path against a real model: llama.cpp's own server (xllamacpp wheel) with SmolLM2-135M-Instruct.

The model is tiny on purpose: it is imperfect, so these tests assert only what must hold for ANY model. Every
turn is the model's or an honestly flagged fallback; quotes shown as evidence occur in the answer; scores are in
range; the verdict is sane (the one-line non-answer never scores above 3); answers are stored; no traceback. They
claim nothing about quality (see docs/llm-eval.md for what SmolLM2 measured).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import Settings
from assistant.interview.store import InterviewRepository
from assistant.services import Services
from tests.support.llama_server import MODEL_ALIAS, LlamaServer

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]

NON_ANSWER = "I think hiring is important and I try to hire good people."
STRONG = (
    "Last year our ranking team's model releases took six weeks. I decided to own the fix myself: I set up an "
    "automated evaluation gate and shadow deployments, and moved two engineers onto the platform for a quarter. "
    "Release time fell to eight days and incidents from rollouts dropped from five a quarter to one."
)
RESUME = """Jane Example
Director of Machine Learning, Example Corp (2019 - Present)
- Grew the ML platform team from 4 to 18 engineers across two sites.
- Cut model release time from six weeks to eight days with automated evaluation gates.
Senior ML Engineer, Other Corp (2014 - 2019)
- Built the feature store used by 12 product teams.
Skills: Python, Kubernetes, MLOps
"""


@pytest.fixture(scope="session")
def llama() -> Iterator[LlamaServer]:
    with LlamaServer() as server:
        yield server


@pytest.fixture
def real_env(llama: LlamaServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Environment (for the CLI) and Settings (for the container) pointing at the real server."""
    env = {
        "LLM_PROVIDER": "openai",
        "OPENAI_BASE_URL": llama.base_url,
        "CHAT_MODEL": MODEL_ALIAS,
        "DATA_DIR": str(tmp_path / "data"),
        "LLM_MAX_RETRIES": "0",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return Settings(_env_file=None)  # type: ignore[call-arg]


def _no_traceback(result: object) -> None:
    output = getattr(result, "output", "") + getattr(result, "stderr", "")
    assert "Traceback" not in output
    exception = getattr(result, "exception", None)
    assert exception is None or isinstance(exception, SystemExit), repr(exception)


def _check_evaluation(evaluation: dict, answer: str) -> None:
    assert 1 <= evaluation["score"] <= 5
    assert all(1 <= v <= 5 for v in evaluation["dimensions"].values())
    if evaluation["engine"] == "llm":
        assert not evaluation["fallback"]
    else:
        assert evaluation["fallback"] and evaluation["flag"], "an offline score in an LLM run is a flagged fallback"
    for quote in evaluation["evidence"]:
        assert quote in answer, f"quote not in the answer: {quote!r}"


def test_unattended_two_question_interview_finishes_with_every_turn_the_models_or_flagged(
    real_env: Settings, tmp_path: Path
) -> None:
    answers = [NON_ANSWER, STRONG, NON_ANSWER, STRONG, STRONG, STRONG]
    answers_file = tmp_path / "answers.txt"
    answers_file.write_text("\n---\n".join(answers), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["interview", "-n", "2", "--seed", "3", "--answers", str(answers_file), "--json"]
    )
    _no_traceback(result)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["engine"] == "llm" and payload["status"] == "finished"
    turns = payload["transcript"]
    assert turns and all(t["question"].strip() for t in turns)
    for turn, answer in zip(turns, answers, strict=False):
        assert turn["answer"] == answer, "every answer is stored as given"
        _check_evaluation(turn["evaluation"], answer)
        if answer == NON_ANSWER:
            assert turn["evaluation"]["score"] <= 3, turn["evaluation"]
    report = payload["report"]
    assert report["questions"] and all(q["score"] is None or 1 <= q["score"] <= 5 for q in report["questions"])
    # The session is in the database with the answers, as the app would show it.
    stored = InterviewRepository(Services(real_env).db).get_session(payload["session_id"])
    assert any(t["citations"] for t in turns), "questions are grounded in the (ingested) knowledge store"
    assert [t.answer for t in stored.turns if t.answer] == [t["answer"] for t in turns if t["answer"]]


def test_streamed_question_and_sane_verdict_for_the_non_answer(real_env: Settings) -> None:
    """The app's path: the question streams in pieces, the answer is evaluated through the container's wiring."""
    services = Services(real_env)
    engine = services.new_interview_engine()
    streamed: list[str] = []
    session = engine.start("leadership", 1, seed=5, on_question_chunk=streamed.append)
    turn = engine.current_question(session)
    assert turn is not None and turn.question.strip()
    assert "".join(streamed).strip(), "the question was shown as it streamed"
    result = engine.submit_answer(session, NON_ANSWER)
    evaluation = result.turn.evaluation
    assert evaluation is not None and evaluation.score <= 3
    assert evaluation.engine == "llm" or (evaluation.fallback and evaluation.flag)
    assert all(q in NON_ANSWER for q in evaluation.evidence)


def test_stream_through_the_real_server_finishes_or_says_it_was_cut(real_env: Settings) -> None:
    from assistant.llm.errors import LLMError
    from assistant.prompting import sample_variables

    client = Services(real_env).new_llm_client()
    assert client is not None
    try:
        pieces = list(client.stream("follow_up", sample_variables("follow_up")))
    except LLMError as exc:  # a flagged failure is acceptable; a traceback is not
        assert exc.message
        return
    assert "".join(pieces).strip()
    assert client.meter.calls == 1 and client.meter.prompt_tokens > 0


def test_resume_review_with_llm_feedback(real_env: Settings, tmp_path: Path) -> None:
    resume = tmp_path / "resume.txt"
    resume.write_text(RESUME, encoding="utf-8")
    result = CliRunner().invoke(app, ["review", str(resume), "--json"])
    _no_traceback(result)
    assert result.exit_code == 0, result.output
    review = json.loads(result.stdout)
    assert 0 <= review["fit"]["score"] <= 100
    if review["engine"] == "llm":
        feedback = review["llm_feedback"]
        lines = {ln.strip() for ln in RESUME.splitlines()}
        for bullet in feedback["bullets"]:
            assert bullet["text"].strip() in {ln.lstrip("- ").strip() for ln in lines} | lines
    else:
        assert review["fallback"] is True and any("LLM" in issue for issue in review["issues"])


def test_tailoring_flags_invented_facts_and_cites_real_lines(real_env: Settings, tmp_path: Path) -> None:
    resume = tmp_path / "resume.txt"
    resume.write_text(RESUME, encoding="utf-8")
    out = tmp_path / "tailored.md"
    result = CliRunner().invoke(app, ["tailor", str(resume), "--out", str(out), "--json"])
    _no_traceback(result)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    source = RESUME.lower()
    for change in payload["changes"]:
        after = (change.get("after") or "").lower()
        numbers = [tok.strip(".,;:%()") for tok in after.split() if any(ch.isdigit() for ch in tok)]
        invented = [n for n in numbers if n and n not in source]
        if invented:  # the guard flags it and it is not applied unless the candidate accepts it
            assert change["findings"] and not change["accepted"], f"invented {invented} not flagged: {change}"
    assert payload["engine"] in ("llm", "offline")
    assert out.is_file()
