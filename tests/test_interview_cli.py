"""`assistant interview` and `assistant history` end to end, offline, as a user runs them."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app

DATA = Path(__file__).resolve().parent / "data"
ANSWERS = DATA / "answers_director_mixed.txt"


@pytest.fixture(scope="module")
def shared_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data dir for the module, so the knowledge store is ingested once, not per test."""
    return tmp_path_factory.mktemp("cli-data")


@pytest.fixture
def runner(shared_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("DATA_DIR", str(shared_data_dir))
    monkeypatch.setenv("LLM_PROVIDER", "offline")
    return CliRunner()


def _json(output: str) -> dict:
    return json.loads(output[output.index("{") :])


def test_unattended_six_question_interview_with_json(runner: CliRunner) -> None:
    started = time.perf_counter()
    result = runner.invoke(app, ["interview", "--answers", str(ANSWERS), "--json", "--seed", "21"])
    elapsed = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    payload = _json(result.stdout)

    assert payload["engine"] == "offline"
    report = payload["report"]
    assert report["answered_questions"] == 6 and report["finished"] is True
    assert 1 <= report["overall"] <= 5 and report["competencies"]
    assert all(q["strong_answer_outline"] for q in report["questions"])
    transcript = payload["transcript"]
    kinds = [t["kind"] for t in transcript]
    assert kinds.count("question") == 6
    assert all(t["evaluation"]["engine"] == "offline" for t in transcript)
    vague = [t for t in transcript if t["answer"].startswith("We usually talk it through")]
    assert vague and vague[0]["evaluation"]["gaps"]
    per_question: dict[int, int] = {}
    for t in transcript:
        per_question[t["question_index"]] = per_question.get(t["question_index"], 0) + (t["kind"] == "follow_up")
    assert max(per_question.values()) <= 2
    # The vague answer was followed up; the block after it answered that follow-up.
    after_vague = transcript[transcript.index(vague[0]) + 1]
    assert after_vague["kind"] == "follow_up"

    non_llm = [t["timings"]["non_llm_ms"] for t in transcript]
    engine_only = [t["timings"]["non_llm_ms"] - t["timings"]["scoring_ms"] for t in transcript]
    print(f"\nCLI interview: {len(transcript)} turns in {elapsed:.1f}s (incl. model load and first ingest); "
          f"non-LLM ms per turn mean {sum(non_llm) / len(non_llm):.1f} (of which engine+storage "
          f"{sum(engine_only) / len(engine_only):.1f}, the rest offline scoring); "
          f"follow-ups {kinds.count('follow_up')}; overall {report['overall']}")
    assert "Engine: Offline coach" in result.stderr


def test_answers_running_out_saves_the_session_unfinished_and_continue_finishes_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    blocks = ANSWERS.read_text().split("\n---\n")
    first = tmp_path / "first.txt"
    first.write_text(blocks[0])
    result = runner.invoke(app, ["interview", "--answers", str(first), "--json", "--questions", "3", "--seed", "4"])
    assert result.exit_code == 0, result.output
    payload = _json(result.stdout)
    assert payload["status"] == "active" and payload["report"]["answered_questions"] == 1
    assert payload["report"]["finished"] is False

    rest = tmp_path / "rest.txt"
    rest.write_text("\n---\n".join(blocks[3:]))
    again = runner.invoke(app, ["interview", "--answers", str(rest), "--json", "--continue", payload["session_id"]])
    assert again.exit_code == 0, again.output
    finished = _json(again.stdout)
    assert finished["session_id"] == payload["session_id"] and finished["status"] == "finished"
    assert finished["report"]["answered_questions"] == 3
    assert finished["transcript"][0]["answer"] == blocks[0].strip()  # nothing from the first run was lost

    history = runner.invoke(app, ["history", "--json"])
    sessions = _json(history.stdout)["sessions"]
    assert any(s["id"] == payload["session_id"] and s["overall"] is not None for s in sessions)


def test_resume_file_adds_a_probe_of_its_strongest_bullet(runner: CliRunner, tmp_path: Path) -> None:
    resume = tmp_path / "resume.txt"
    resume.write_text(
        "Alex Example\n\nEXPERIENCE\nDirector of ML Engineering, Example Retail Co\nJan 2020 - Present\n"
        "- Responsible for various machine learning projects\n"
        "- Grew the ML engineering org from 8 to 35 engineers across 4 teams and hired 3 managers\n"
        "- Worked with stakeholders on roadmap\n\nEDUCATION\nMSc Computer Science, Example University, 2012\n"
    )
    result = runner.invoke(
        app, ["interview", "--answers", str(ANSWERS), "--resume", str(resume), "--questions", "3", "--json"]
    )
    assert result.exit_code == 0, result.output
    questions = [q for q in _json(result.stdout)["report"]["questions"] if q["source"] == "resume_probe"]
    assert len(questions) == 1 and "from 8 to 35 engineers" in questions[0]["question"]


def test_missing_answers_file_is_a_plain_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["interview", "--answers", str(tmp_path / "nope.txt"), "--json"])
    assert result.exit_code == 2
    assert _json(result.stdout)["error"]["code"] == "invalid_input"
    assert "Traceback" not in result.output


PLATFORM_JD = """Senior Manager, ML Platform
You will own our ML platform: feature store, model registry, training pipelines on Kubernetes, model serving
and monitoring. You will build self-service MLOps tooling that lets 200 data scientists ship models to production,
run GPU capacity planning, and set the platform roadmap with infrastructure partners.
"""


def _jd_pdf(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, text)
    return bytes(pdf.output())


def test_a_pdf_job_description_is_read_as_text_like_review_does(runner: CliRunner, tmp_path: Path) -> None:
    """`review --jd JD.pdf` reads the PDF; `interview --jd JD.pdf` used its raw bytes as the job description,
    so the interview leaned toward whatever the PDF's binary happened to match."""
    as_text, as_pdf = tmp_path / "jd.txt", tmp_path / "jd.pdf"
    as_text.write_text(PLATFORM_JD, encoding="utf-8")
    as_pdf.write_bytes(_jd_pdf(PLATFORM_JD))
    answers = tmp_path / "answers.txt"
    answers.write_text("I led the platform team of 12 engineers; deploy time fell from 3 weeks to 2 days.\n")
    first: dict[str, str] = {}
    for jd in (as_text, as_pdf):
        result = runner.invoke(app, ["interview", "-n", "1", "--jd", str(jd), "--answers", str(answers), "--json"])
        assert result.exit_code == 0, result.output
        first[jd.suffix] = _json(result.stdout)["transcript"][0]["competency"]
    assert first[".txt"] == "ml_platform"
    assert first[".pdf"] == first[".txt"]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [("jd.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "not_pdf"), ("jd.txt", "Führung".encode("latin-1"),
                                                                   "invalid_input")],
)
def test_a_job_description_that_is_not_text_is_refused(
    runner: CliRunner, tmp_path: Path, name: str, content: bytes, code: str
) -> None:
    jd = tmp_path / name
    jd.write_bytes(content)
    answers = tmp_path / "answers.txt"
    answers.write_text("I led a team of 12 engineers.\n")
    result = runner.invoke(app, ["interview", "-n", "1", "--jd", str(jd), "--answers", str(answers), "--json"])
    assert result.exit_code == 2, result.output
    assert json.loads(result.stdout)["error"]["code"] == code


def test_answers_that_are_not_utf8_are_refused_not_mangled(runner: CliRunner, tmp_path: Path) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_bytes("Ich führte ein Team von 12 Ingenieuren.\n".encode("latin-1"))
    result = runner.invoke(app, ["interview", "-n", "1", "--answers", str(answers), "--json"])
    assert result.exit_code == 2, result.output
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "invalid_input" and "UTF-8" in error["message"]


def test_continuing_a_finished_interview_says_so_instead_of_calling_it_unfinished(
    runner: CliRunner, tmp_path: Path
) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_text("I led the platform team of 12 engineers; deploy time fell from 3 weeks to 2 days.\n")
    done = runner.invoke(app, ["interview", "-n", "1", "--answers", str(answers), "--json"])
    assert done.exit_code == 0, done.output
    first = _json(done.stdout)
    status = first["status"]
    for _ in range(2):  # at most two follow-ups: answer them
        if status == "finished":
            break
        more = runner.invoke(app, ["interview", "--continue", first["session_id"], "--answers", str(answers),
                                   "--json"])
        status = _json(more.stdout)["status"]
    assert status == "finished"
    again = runner.invoke(app, ["interview", "--continue", first["session_id"], "--answers", str(answers), "--json"])
    assert again.exit_code == 0, again.output
    payload = _json(again.stdout)
    assert payload["status"] == "finished" and payload["report"]["finished"] is True
    assert "already finished" in again.stderr and "unfinished" not in again.stderr


def test_continuing_an_unknown_session_names_the_id_and_where_to_find_ids(runner: CliRunner, tmp_path: Path) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_text("An answer.\n")
    result = runner.invoke(app, ["interview", "--continue", "no-such-id", "--answers", str(answers), "--json"])
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "not_found"
    assert "no-such-id" in error["message"] and "assistant history" in error["message"]
    assert "deleted" not in error["message"]


def test_empty_standard_input_stores_no_session(runner: CliRunner) -> None:
    """`assistant interview --json < /dev/null` (a script or cron job) created an empty session and exited 0,
    where an empty --answers file is refused; nothing is written on bad input."""
    before = _json(runner.invoke(app, ["history", "--json"]).stdout)["sessions"]
    result = runner.invoke(app, ["interview", "-n", "1", "--json"], input="")
    assert result.exit_code == 2, result.output
    assert json.loads(result.stdout)["error"]["code"] == "empty_file"
    assert _json(runner.invoke(app, ["history", "--json"]).stdout)["sessions"] == before
    piped = runner.invoke(app, ["interview", "-n", "1", "--json"], input="I led a team of 12 engineers.\n")
    assert piped.exit_code == 0 and _json(piped.stdout)["transcript"], piped.output


GENERATED = "Walk me through the last time you had to choose between two platform designs: what did you decide?"


def test_a_spent_token_budget_is_announced_not_silently_replaced_by_bank_questions(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a small SESSION_TOKEN_BUDGET the LLM stops mid-interview; the candidate must be told that the offline
    coach took over (in the terminal and in --json), not just see the questions change style."""
    from assistant.llm.fakes import FakeChatModel
    from assistant.services import override_chat_model

    monkeypatch.setenv("SESSION_TOKEN_BUDGET", "4000")
    model = FakeChatModel(responder=lambda _messages: GENERATED)
    args = ["interview", "--answers", str(ANSWERS), "--seed", "21", "-n", "3"]
    with override_chat_model(lambda _settings: model):
        text = runner.invoke(app, args)
        as_json = runner.invoke(app, [*args, "--json"])

    assert text.exit_code == 0, text.output
    assert text.stdout.count("token budget of this session ran out") == 1, text.stdout
    after = text.stdout[text.stdout.index("token budget of this session ran out"):text.stdout.index("# Mock interview")]
    assert "offline coach took over" in text.stdout and "SESSION_TOKEN_BUDGET" in text.stdout
    assert GENERATED not in after, "after the notice the questions come from the bank"

    assert as_json.exit_code == 0, as_json.output
    payload = _json(as_json.stdout)
    assert payload["usage"]["budget_exhausted"] is True
    notices = payload["notices"]
    assert [n["code"] for n in notices] == ["llm_budget"]
    assert "offline coach took over" in notices[0]["message"]


def test_a_too_long_answer_in_the_file_is_refused_before_the_interview_starts(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second block over MAX_ANSWER_CHARS used to stop the run after question 1, leaving a half-done session
    and a message that did not say which answer to shorten."""
    monkeypatch.setenv("MAX_ANSWER_CHARS", "500")
    answers = tmp_path / "answers.txt"
    answers.write_text("I led a team of 12 engineers and cut latency by 40% in two quarters.\n---\n"
                       + "I decided things and measured them. " * 30 + "\n")
    before = _json(runner.invoke(app, ["history", "--json"]).stdout)["sessions"]
    result = runner.invoke(app, ["interview", "-n", "3", "--answers", str(answers), "--json"])
    assert result.exit_code == 2, result.output
    error = _json(result.stdout)["error"]
    assert error["code"] == "too_large" and "answer 2" in error["message"] and "answers.txt" in error["message"]
    assert "the limit is 500 characters" in error["message"] and "MAX_ANSWER_CHARS" in error["message"]
    assert _json(runner.invoke(app, ["history", "--json"]).stdout)["sessions"] == before, "nothing was stored"


class _Terminal:
    """Standard input as a terminal: lines typed one by one (the interview answers interactively)."""

    def __init__(self, text: str) -> None:
        import io

        self._lines = io.StringIO(text)

    def isatty(self) -> bool:
        return True

    def readline(self) -> str:
        return self._lines.readline()


def test_a_too_long_answer_typed_in_the_terminal_is_refused_and_the_question_asked_again(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed answers cannot be checked in advance: one over the limit used to end the whole interview."""
    import types

    import assistant.cli.interview as module

    monkeypatch.setenv("MAX_ANSWER_CHARS", "500")
    typed = ("I decided things and measured them. " * 30) + "\n\n" + \
        "I led a team of 12 engineers and cut serving latency by 40% in two quarters.\n\n"
    monkeypatch.setattr(module, "sys", types.SimpleNamespace(stdin=_Terminal(typed)))
    result = runner.invoke(app, ["interview", "-n", "1"])
    assert result.exit_code == 0, result.output
    assert "Not saved:" in result.stdout and "the limit is 500 characters" in result.stdout
    first = result.stdout.index("Question 1/1")
    assert result.stdout.index("Question 1/1", first + 1) > first, "the question is asked again"
    assert "Score:" in result.stdout, "the shorter answer was scored"


def test_why_the_offline_coach_scored_an_answer_is_said_once_in_the_terminal(runner: CliRunner) -> None:
    """'[offline fallback]' alone left the candidate guessing; the reason is printed (once, not per answer)."""
    from langchain_core import exceptions as lc_errors

    from assistant.llm.fakes import FakeChatModel
    from assistant.services import override_chat_model

    def down(_messages: object) -> str:
        raise lc_errors.ModelConnectionError("connection refused")

    with override_chat_model(lambda _settings: FakeChatModel(responder=down)):
        result = runner.invoke(app, ["interview", "--answers", str(ANSWERS), "--seed", "21", "-n", "2"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("[offline fallback]") >= 2
    assert result.stdout.count("Could not reach the LLM server") == 1, result.stdout


def test_a_red_flag_is_quoted_in_the_answers_own_feedback_not_only_in_the_report(
    runner: CliRunner, tmp_path: Path
) -> None:
    from tests.test_scoring_llm import CONCEALED

    answers = tmp_path / "answers.txt"
    answers.write_text(CONCEALED, encoding="utf-8")
    result = runner.invoke(app, ["interview", "-n", "1", "--seed", "3", "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    feedback = result.stdout[: result.stdout.index("# Mock interview report")]
    assert "Red flags (the score stays at 2 or below" in feedback
    assert '! Concealment from legal, leadership or customers: "I chose not to tell compliance' in feedback
    assert feedback.count("I chose not to tell compliance") == feedback.count("! "), "each flag quoted once"
