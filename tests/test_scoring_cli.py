"""`assistant score` as a user runs it: text, --json, JSONL in and out, and exit 2 on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.cli.score import render_text
from assistant.interview.models import Dimensions, Evaluation

QUESTION = "Tell me about a time you had to deal with an underperforming manager on your team."
STRONG = (
    "Last year one of my four EMs, running the ranking team of nine, missed two quarterly commitments and two of "
    "his seniors asked to transfer. I sat in on his planning for two weeks and saw he wasn't delegating. I told him "
    "directly and we agreed a 60-day plan; I coached him weekly. By the end of the quarter the team hit 5 of 6 "
    "milestones and neither senior left."
)
VAGUE = (
    "Performance management is always tricky. We basically tried to support him as much as possible and we had "
    "lots of conversations about expectations. I think it's important to be empathetic but clear."
)


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("LLM_PROVIDER", "offline")
    return CliRunner()


def test_text_output_names_score_dimensions_and_follow_up(runner: CliRunner) -> None:
    result = runner.invoke(app, ["score", "--question", QUESTION, "--answer", VAGUE])
    assert result.exit_code == 0, result.output
    assert "Score: " in result.stdout and "on people_leadership" in result.stdout
    assert "ownership" in result.stdout and "Follow-up: " in result.stdout
    assert "offline coach" in result.stderr


def test_no_follow_up_is_called_landed_only_for_an_answer_that_scored_4_or_5(runner: CliRunner) -> None:
    d = Dimensions(structure=3, ownership=3, specificity=3, relevance=3, altitude=3)
    middling = render_text(Evaluation(score=3, competency="hiring", dimensions=d))
    landed = render_text(Evaluation(score=4, competency="hiring", dimensions=d))
    assert "the answer landed" not in middling and "Follow-up: none" in middling
    assert "Follow-up: none (the answer landed)" in landed


def test_json_output_has_the_documented_fields(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["score", "-q", QUESTION, "-a", STRONG, "--competency", "people_leadership", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {
        "score",
        "dimensions",
        "strengths",
        "improvements",
        "follow_up",
        "engine",
        "evidence",
        "gaps",
    } <= set(data)
    assert data["engine"] == "offline" and 1 <= data["score"] <= 5
    assert set(data["dimensions"]) == {"structure", "ownership", "specificity", "relevance", "altitude"}
    assert data["follow_up"] is None and data["score"] >= 4
    assert all(quote in STRONG for quote in data["evidence"])
    # The offline coach says what it measures and what it cannot judge, in the JSON too.
    assert "red flags" in data["scope"] and "judgment" in data["scope"] and "LLM" in data["scope"]


def test_competency_is_inferred_when_omitted(runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        [
            "score",
            "-q",
            "How do you run interview loops so the ML engineers you hire turn out well?",
            "-a",
            STRONG,
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["competency"] == "hiring"


def test_a_competency_read_from_a_users_own_question_is_named_with_how_to_set_it(runner: CliRunner) -> None:
    own = runner.invoke(app, ["score", "-q", "Tell me about a time you had to let someone go.", "-a", STRONG])
    assert own.exit_code == 0, own.output
    assert "read from the question's words" in own.stdout and "--competency (one of: people_leadership" in own.stdout
    given = runner.invoke(app, ["score", "-q", "Tell me about a time you had to let someone go.", "-a", STRONG,
                                "--competency", "people_leadership"])
    assert given.exit_code == 0 and "read from the question's words" not in given.stdout


def test_jsonl_in_one_result_per_line_in_order(runner: CliRunner, tmp_path: Path) -> None:
    lines = [
        {"question": QUESTION, "answer": VAGUE},
        {"question": QUESTION, "answer": STRONG, "competency": "people_leadership"},
        {
            "question": "How do you monitor models in production for drift?",
            "answer": "Dashboards and alerts.",
        },
    ]
    source = tmp_path / "answers.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    result = runner.invoke(app, ["score", "--input", str(source)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 3
    assert out[1]["score"] > out[0]["score"] and out[1]["follow_up"] is None and out[0]["follow_up"]
    assert "too_short" in out[2]["gaps"]


@pytest.mark.parametrize(
    "args",
    [
        ["--question", QUESTION, "--answer", "   "],
        ["--question", QUESTION, "--answer", STRONG, "--competency", "juggling"],
        ["--question", "", "--answer", STRONG],
        ["--answer", STRONG],
    ],
    ids=["empty-answer", "unknown-competency", "empty-question", "missing-question"],
)
def test_bad_input_exits_2_with_a_plain_message(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, ["score", *args])
    assert result.exit_code == 2
    assert "Error (" in result.stderr and "Traceback" not in result.output


def test_an_empty_question_names_the_question_option(runner: CliRunner) -> None:
    result = runner.invoke(app, ["score", "-q", " ", "-a", STRONG, "--json"])
    assert result.exit_code == 2
    message = json.loads(result.stdout)["error"]["message"]
    assert "question" in message and "--question" in message and "--answer" not in message


def test_empty_answer_with_json_prints_a_json_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["score", "-q", QUESTION, "-a", "", "--json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["code"] == "invalid_input"


def test_a_bad_jsonl_line_fails_before_any_result_is_printed(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "answers.jsonl"
    source.write_text(
        json.dumps({"question": QUESTION, "answer": STRONG}) + "\n{not json\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["score", "--input", str(source)])
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert "line 2" in error["message"]
    assert '"score"' not in result.stdout  # line 1 was valid but is not scored: input is checked first


def test_an_unknown_competency_on_a_later_line_fails_before_any_output(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "answers.jsonl"
    source.write_text(
        json.dumps({"question": QUESTION, "answer": STRONG})
        + "\n"
        + json.dumps({"question": QUESTION, "answer": STRONG, "competency": "juggling"})
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["score", "--input", str(source)])
    assert result.exit_code == 2
    assert '"score"' not in result.stdout


# Written for this test: a polished hiring answer whose "lesson" judges candidates on family plans.
FAMILY_PLANS = (
    "I rebuilt our hiring loop last year and we went from 4 to 11 engineers in two quarters. I wrote the scorecards "
    "myself and trained every interviewer. One lesson I learned is to ask about family plans early, because people "
    "who are about to have children are less committed, so I quietly screen them out."
)


def test_a_red_flag_is_shown_with_its_quote_in_text_and_json(runner: CliRunner) -> None:
    question = "Walk me through how you built or rebuilt a hiring loop."
    as_text = runner.invoke(app, ["score", "-q", question, "-a", FAMILY_PLANS, "--competency", "hiring"])
    as_json = runner.invoke(app, ["score", "-q", question, "-a", FAMILY_PLANS, "--competency", "hiring", "--json"])
    assert as_text.exit_code == 0 and as_json.exit_code == 0, as_text.output + as_json.output
    data = json.loads(as_json.stdout)
    assert data["score"] <= 2 and "red_flag" in data["gaps"]
    (flag,) = [f for f in data["red_flags"] if f["id"] == "discrimination"]
    assert flag["quote"] in FAMILY_PLANS and "family plans" in flag["quote"] and flag["explanation"]
    assert f'"{flag["quote"]}"' in as_text.stdout and flag["label"] in as_text.stdout
