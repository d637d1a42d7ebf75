"""The CLI's bad-input contract across commands (PRODUCT.md: exit status 2 and, with `--json`,
`{"error": {"code", "message"}}` on stdout, never a traceback).

Every command that reads a file answers a folder, or a path the file system refuses, with that contract (never
"does not exist" for a folder that is right there); so do usage errors (a value out of range, an unknown option).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from tests.support.openai_server import FakeOpenAIServer, fault

# (arguments before the file, arguments after it) for each command that takes a file.
COMMANDS = {
    "review": (["review"], []),
    "review --jd": (["review", "{resume}", "--jd"], []),
    "tailor": (["tailor"], ["--out", "{tmp}/out.md"]),
    "interview --answers": (["interview", "--answers"], []),
    "interview --resume": (["interview", "--resume"], ["--answers", "{answers}"]),
    "score --input": (["score", "--input"], []),
    "transcribe": (["transcribe"], []),
    "exercise memo": (["exercise", "memo"], []),
}


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, str]:
    resume = tmp_path / "resume.md"
    resume.write_text("Jordan Example\nExperience\nDirector of ML, Example Corp 2020 - Present\n- Led 20 engineers\n")
    answers = tmp_path / "answers.txt"
    answers.write_text("I led a team of 12 engineers.\n")
    return {"resume": str(resume), "answers": str(answers), "tmp": str(tmp_path)}


@pytest.mark.parametrize("bad", ["folder", "name too long", "device"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_folder_or_an_impossible_name_is_a_plain_input_error(
    command: str, bad: str, tmp_path: Path, inputs: dict[str, str]
) -> None:
    if bad == "folder":
        target = tmp_path / "resume.pdf"
        target.mkdir()
    elif bad == "device":
        target = Path("/dev/null")  # there, but not a file: "does not exist" sent users looking for a typo
    else:
        target = tmp_path / ("r" * 300 + ".pdf")
    before, after = COMMANDS[command]
    args = [a.format(**inputs) for a in before] + [str(target)] + [a.format(**inputs) for a in after] + ["--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, (command, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "invalid_input"
    if bad == "folder":
        assert "folder" in error["message"] and "does not exist" not in error["message"]
    elif bad == "device":
        assert "not a regular file" in error["message"] and "does not exist" not in error["message"]
    else:
        assert "too long" in error["message"]


USAGE_ERRORS = {
    "value out of range": (["interview", "--questions", "0", "--json"], "--questions"),
    "not a number": (["search", "hiring", "-k", "many", "--json"], "'-k'"),
    "missing option": (["tailor", "cv.pdf", "--json"], "--out"),
    "unknown option": (["score", "--question", "Q", "--answr", "A", "--json"], "--answr"),
    "unknown command": (["interveiw", "--json"], "interveiw"),
    "sub-command option": (["prompts", "show", "follow_up", "--json"], "--json"),
}


@pytest.mark.parametrize("case", sorted(USAGE_ERRORS))
def test_usage_errors_under_json_follow_the_error_contract(case: str) -> None:
    args, named = USAGE_ERRORS[case]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "invalid_input" and named in error["message"]


def test_usage_errors_without_json_keep_the_readable_message() -> None:
    result = CliRunner().invoke(app, ["interview", "--questions", "0"])
    assert result.exit_code == 2
    assert not result.stdout.lstrip().startswith("{") and "--questions" in result.output


@pytest.mark.parametrize("bad", ["folder", "missing folder"])
def test_eval_checks_its_report_path_before_minutes_of_measuring(bad: str, tmp_path: Path) -> None:
    """`assistant eval --report X` wrote the report only at the end: a folder there was a traceback after the
    whole run. The path is now checked first (before the engine is even looked at)."""
    target = tmp_path / "reports"
    if bad == "folder":
        target.mkdir()
    else:
        target = tmp_path / "no-such-folder" / "eval.md"
    result = CliRunner().invoke(app, ["eval", "--report", str(target), "--json"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "invalid_input" and "--report" in error["message"]


def test_a_memo_that_is_not_utf8_is_refused_not_scored_mangled(tmp_path: Path) -> None:
    memo = tmp_path / "plan.md"
    memo.write_bytes(("In my first 90 days I will meet every team lead, audit the ML platform's costs and "
                      "reliability, and agree three priorities with the CTO. Größte Risiken: Datenqualität. " * 3)
                     .encode("latin-1"))
    result = CliRunner().invoke(app, ["exercise", "memo", str(memo), "--json"])
    assert result.exit_code == 2, result.output
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "invalid_input" and "UTF-8" in error["message"]


def test_role_play_replies_that_are_not_utf8_or_absent_are_refused(tmp_path: Path) -> None:
    replies = tmp_path / "replies.txt"
    replies.write_bytes("Die Plattform spart 2 Mio. pro Jahr, weil wir GPU-Kosten halbiert und Ausfälle verkürzt haben.\n".encode("latin-1",
                                                                                                           "replace"))
    result = CliRunner().invoke(app, ["interview", "--mode", "roleplay", "--persona", "cfo", "--answers",
                                      str(replies), "--json"])
    assert result.exit_code == 2, result.output
    assert "UTF-8" in json.loads(result.stdout)["error"]["message"]
    empty = CliRunner().invoke(app, ["interview", "--mode", "roleplay", "--persona", "cfo", "--json"], input="")
    assert empty.exit_code == 2, empty.output
    assert json.loads(empty.stdout)["error"]["code"] == "empty_file"


def test_a_fallback_warning_reads_as_a_cli_message_on_stderr_and_json_stays_pure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, openai_server: FakeOpenAIServer
) -> None:
    """A logged fallback used to come out as a bare line ("LLM resume feedback failed ...") mixed in with the
    output; it is now one "Warning: ..." line on stderr, and `--json` stdout is still exactly one JSON object."""
    resume = tmp_path / "resume.md"
    resume.write_text("Jordan Example\njordan@example.com\nExperience\nDirector of ML, Example Corp 2020 - Present\n"
                      "- Led 20 engineers on the ranking platform\nEducation\nBSc, Example University 2008\n")
    openai_server.script(*[fault(500)] * 10)
    for name, value in (("OPENAI_BASE_URL", openai_server.base_url), ("CHAT_MODEL", "test-model"),
                        ("LLM_TIMEOUT_S", "2"), ("LLM_MAX_RETRIES", "0")):
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(app, ["review", str(resume), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["fallback"] is True
    lines = result.stderr.splitlines()
    assert "Warning: LLM resume feedback failed (llm_unavailable); showing the offline review" in lines
    assert all(line.startswith(("Engine: ", "Warning: ")) for line in lines), lines
    assert "Led 20 engineers" not in result.stderr and "jordan@example.com" not in result.stderr


def test_a_logged_exception_shows_its_kind_never_its_text_or_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    """An exception's message can quote what the failing call held (a resume line, an answer): the CLI line names
    only its type."""
    import logging

    from assistant.cli.logs import cli_logging

    with cli_logging():
        try:
            raise ValueError("could not embed 'Led 20 engineers at Example Corp; jordan@example.com'")
        except ValueError:
            logging.getLogger("assistant.text.instructions").warning("semantic check failed; grammar only",
                                                                      exc_info=True)
    out, err = capsys.readouterr()
    assert out == "" and err == "Warning: semantic check failed; grammar only (ValueError)\n"
