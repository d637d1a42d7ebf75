"""Dated entries among the roles that are not counted as roles (a career break, a teaching post, volunteering
beside a career, a membership) are named in the review with the reason, so a candidate sees what was left out of
their roles and years and can add one back."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from assistant.cli import app
from assistant.resume.confirm import confirm_work_history, roles_as_read
from assistant.resume.models import ExtractedText
from assistant.resume.review import parse_report, prepare_resume

CAREER = """Sam Rivera
sam@example.org
Experience
Head of Data Science, Northwind Analytics  2019 - Present
• Grew the team from 4 to 18 people
Career Break  2018 - 2019
Data Scientist, Globex  2014 - 2018
• Shipped the pricing model to 2M users
Volunteer Mentor, Code Club  2015 - 2017
Mathematics Teacher, Riverside High School  2008 - 2014
• Taught statistics to 120 students a year
Member, Royal Statistical Society  2012 - Present
Education
MSc Statistics, University of Bern  2006 - 2008
"""


def _read(text: str = CAREER):
    return prepare_resume(ExtractedText(text=text, pages=1))[0]


def test_entries_left_out_of_the_roles_are_named_with_the_reason() -> None:
    resume = _read()
    assert [j.company for j in resume.experience] == ["Northwind Analytics", "Globex"]
    said = {item.reason: item.entry for item in parse_report(resume).set_aside}
    assert said == {
        "a career break": "Career Break 2018 - 2019",
        "volunteering or guest lecturing beside the career": "Volunteer Mentor, Code Club 2015 - 2017",
        "a teaching post": "Mathematics Teacher, Riverside High School 2008 - 2014",
        "a membership": "Member, Royal Statistical Society, 2012 – Present",
    }


def test_a_resume_with_nothing_left_out_names_nothing() -> None:
    resume = _read(CAREER.split("Career Break")[0] + "Education\nMSc Statistics, University of Bern  2006 - 2008\n")
    assert parse_report(resume).set_aside == []


def test_once_the_candidate_states_their_roles_nothing_is_said_to_be_left_out() -> None:
    resume = _read()
    confirmed = confirm_work_history(resume, roles_as_read(resume))
    assert parse_report(confirmed).set_aside == []


def test_the_review_command_says_what_it_did_not_count(tmp_path) -> None:
    path = tmp_path / "resume.txt"
    path.write_text(CAREER, encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(app, ["review", str(path)])
    assert text.exit_code == 0, text.output
    assert "Not counted as roles" in text.stdout
    assert "Mathematics Teacher, Riverside High School 2008 - 2014 (a teaching post)" in text.stdout
    as_json = runner.invoke(app, ["review", str(path), "--json"])
    reasons = [item["reason"] for item in json.loads(as_json.stdout)["parse"]["set_aside"]]
    assert "a career break" in reasons and "a teaching post" in reasons


def test_an_instructor_post_in_the_cvs_language_is_a_teaching_post() -> None:
    resume = _read("Ana Souza\nana@example.org\nExperiência\nAnalista de TI - Hospital Regional  04/2017 – 11/2017\n"
                   "Instrutor - SENAI  02/2012 – 02/2015\nAssistente de TI - Corti Avioeste  08/2009 – 05/2011\n")
    assert [j.title for j in resume.experience] == ["Analista de TI", "Assistente de TI"]
    assert [item.reason for item in parse_report(resume).set_aside] == ["a teaching post"]
