"""Every command that reads a file answers a folder, or a path the file system refuses, with exit 2 and the JSON
error contract (never a traceback, never "does not exist" for a folder that is right there)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app

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


@pytest.mark.parametrize("bad", ["folder", "name too long"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_folder_or_an_impossible_name_is_a_plain_input_error(
    command: str, bad: str, tmp_path: Path, inputs: dict[str, str]
) -> None:
    if bad == "folder":
        target = tmp_path / "resume.pdf"
        target.mkdir()
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
    else:
        assert "too long" in error["message"]
