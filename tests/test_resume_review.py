"""Offline resume review: specific, actionable, fast, and the `assistant review` CLI contract."""

from __future__ import annotations

import json
import re
import time

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.resume.intake import read_pdf
from assistant.resume.models import ExtractedText, Job, StyledLine
from assistant.resume.parser import readings_disagree
from assistant.resume.review import prepare_resume, review_resume
from benchmarks.resume_accuracy import GENERATED
from tests import pdfs
from tests.support.resume_fixtures import corpus_resume_names

STRONG = """Jordan Example
jordan@example.com | +1 555 010 0199 | Seattle, WA
Summary
Director of ML engineering leading platform and MLOps teams.
Experience
Director of Machine Learning Engineering Jan 2018 - Present
Example Corp
• Led an org of 40 engineers across 5 teams (4 managers) owning the ML platform, feature store and model serving
• Cut time from trained model to production from 3 weeks to 1 day for 200 models used by 15 product teams
• Owned a $6M annual GPU budget and reduced training cost by 35% through scheduling and spot capacity
• Hired 18 engineers and designed the interview loop; 90% retained after two years
• Introduced model monitoring, drift detection and SLOs for 60 production models, cutting Sev-1 incidents by 50%
• Partnered with product and finance on a quarterly ML roadmap that lifted engagement 7%
Senior ML Engineer Jan 2010 - Dec 2017
Sample Labs
• Built real-time recommendation systems in PyTorch serving 10M users at p99 40 ms
Education
M.S. Computer Science, State University 2009
Skills
Python, PyTorch, Kubernetes, MLOps, Spark, AWS, MLflow, Airflow
"""

WEAK = """Casey Example
casey@example.com
Experience
Software Engineer Jan 2021 - Present
Widgets Inc
• Helped with the data pipeline
• Worked on various backend tasks
• Responsible for code reviews
Education
B.S. Computer Science, State University 2020
"""


def _review(text: str, role_knowledge, embedder, jd: str | None = None):
    extracted = ExtractedText(text=text, pages=1)
    resume, injection = prepare_resume(extracted)
    return review_resume(resume, role_knowledge, embedder, jd, extracted=extracted, injection=injection)


def test_strong_director_resume_outscores_weak_one(role_knowledge, embedder) -> None:
    strong = _review(STRONG, role_knowledge, embedder)
    weak = _review(WEAK, role_knowledge, embedder)
    assert strong.fit.score >= weak.fit.score + 30
    assert strong.fit.level > weak.fit.level
    assert strong.leadership.largest_team == 40 and strong.leadership.budget_mentions
    assert strong.bullets.quantified >= 6 and strong.bullets.with_team_size >= 1
    covered = {c.id for c in strong.competencies if c.covered}
    assert {"people_leadership", "ml_platform", "hiring"} <= covered


def test_weak_resume_gets_actionable_feedback(role_knowledge, embedder) -> None:
    review = _review(WEAK, role_knowledge, embedder)
    assert review.bullets.weak_verbs == 3
    assert "0 of 3 bullets" in review.fit.explanation
    first = review.bullet_feedback[0]
    assert first.weak_verb == "helped" and not first.has_metric
    assert any("by how much" in s for s in first.suggestions)
    assert {"model serving", "MLOps"} <= set(review.keywords.missing)
    assert review.keywords.claim_only_if_true
    assert "contact info" in [a.name for a in review.ats if not a.passed]

def test_a_bullet_that_counts_what_it_touched_is_not_asked_for_its_scope(role_knowledge, embedder) -> None:
    text = ("Jo Example\njo@example.org\nExperience\nHead of ML, Globex  2018 - Present\n"
            "• Built the feature store and training platform used by 30 modelling teams.\n"
            "• Designed the real-time fraud scoring service (8,000 requests per second).\n"
            "• Shipped a recommendation model for a video catalogue of 40,000 titles.\n"
            "• Priced small-business policies with gradient-boosted models in 2019.\n")
    feedback = {f.text[:20]: f for f in _review(text, role_knowledge, embedder).bullet_feedback}
    scope_asked = {start: any("Show the scope" in s for s in f.suggestions) for start, f in feedback.items()}
    assert scope_asked == {"Built the feature st": False, "Designed the real-ti": False, "Shipped a recommenda": False,
                           "Priced small-busines": True}, "a year is not a scope"


def test_a_bullet_that_counts_whoever_it_served_is_not_asked_for_its_scope(role_knowledge, embedder) -> None:
    """"used by 2,000 drivers", "for 35 clinics": the trade's own word for who the work served is a scope too
    (the review asked "how many people ... did this touch?" beside "2,000 drivers"); time and size are not."""
    text = ("Jo Example\njo@example.org\nExperience\nData Scientist, Globex  2018 - Present\n"
            "• Built the route optimisation API used by 2,000 drivers.\n"
            "• Outcome models for a network of 35 outpatient clinics.\n"
            "• Cut the nightly batch from 6 hours to 40 minutes.\n")
    feedback = {f.text[:20]: f for f in _review(text, role_knowledge, embedder).bullet_feedback}
    scope_asked = {start: any("Show the scope" in s for s in f.suggestions) for start, f in feedback.items()}
    assert scope_asked == {"Built the route opti": False, "Outcome models for a": False, "Cut the nightly batc": True}



def test_a_role_that_states_its_team_size_is_not_asked_for_it_on_every_bullet(role_knowledge, embedder) -> None:
    text = ("Jo Example\njo@example.org\nExperience\nSenior Manager, ML Platform, Globex  2018 - Present\n"
            "• Lead 5 teams (38 engineers, 5 managers) owning the feature store and model serving.\n"
            "• Partnered with product VPs on a quarterly ML roadmap; introduced model SLOs.\n"
            "Head of ML, Initech  2014 - 2018\n"
            "• Partnered with product VPs on a quarterly ML roadmap; introduced model SLOs.\n")
    asked = [any("reported to you" in s for s in f.suggestions)
             for f in _review(text, role_knowledge, embedder).bullet_feedback]
    assert asked == [False, False, True]  # the role that never says how many it led is still asked


@pytest.mark.parametrize("bullet", ["Owned a £3.2M annual ML infrastructure budget.",
                                    "Ran a EUR 900k GPU budget across four teams.", "Managed a $2.5M budget."])
def test_a_budget_in_any_common_currency_is_a_budget(role_knowledge, embedder, bullet: str) -> None:
    text = f"Jo Example\njo@example.org\nExperience\nHead of ML, Globex  2018 - Present\n• {bullet}\n"
    review = _review(text, role_knowledge, embedder)
    assert review.leadership.budget_mentions
    assert "none states a budget" not in review.fit.explanation


def test_experience_advice_says_why_years_are_low() -> None:
    """Readable dates on internships only must not be reported as unreadable dates."""
    from assistant.resume.models import Job, Resume
    from assistant.resume.review import experience_advice

    interns = Resume(experience=[Job(title="Software Engineer Intern", start="2022-06", end="2022-09")])
    assert "internships" in experience_advice(interns, 0.0)
    assert "dates the coach can read" in experience_advice(Resume(experience=[Job(title="Engineer")]), 0.0)
    assert "4 years" in experience_advice(Resume(experience=[Job(title="Engineer", start="2020-01")]), 4.0)


def test_job_description_terms_join_the_keywords(role_knowledge, embedder, corpus_dir) -> None:
    jd = (corpus_dir / "job-descriptions" / "deliveryhero_director-ml-platform.txt").read_text(encoding="utf-8")
    review = _review(STRONG, role_knowledge, embedder, jd)
    assert review.keywords.from_job_description
    jd_missing = [t for t in review.keywords.from_job_description if t in review.keywords.missing]
    assert set(review.keywords.claim_only_if_true) <= set(jd_missing)


def test_two_page_review_is_fast_once_the_model_is_loaded(role_knowledge, embedder) -> None:
    two_pages = STRONG + "\n".join(
        f"• Delivered project {i} for 3 teams, improving latency by {i}% across the serving fleet" for i in range(20)
    )
    _review(STRONG, role_knowledge, embedder)  # warm the competency vectors
    started = time.perf_counter()
    _review(two_pages, role_knowledge, embedder)
    # Target is well under 1 s on a quiet machine; the bound leaves room for a loaded CI runner.
    assert time.perf_counter() - started < 3.0


@pytest.mark.parametrize("name", corpus_resume_names())
def test_every_corpus_resume_reviews(name: str, corpus_extracted, role_knowledge, embedder) -> None:
    extracted = corpus_extracted[name]
    resume, injection = prepare_resume(extracted)
    review = review_resume(resume, role_knowledge, embedder, extracted=extracted, injection=injection)
    assert review.parse is not None
    if review.fit.score is None:
        # Unsure reading: no punishing score, a plain reason, and never "no bullets under Experience".
        assert review.parse.confidence == "low" and review.fit.reason
        assert "paste the text" in review.fit.reason
        assert not any("No bullets were found" in issue for issue in review.issues)
    else:
        assert 0 <= review.fit.score <= 100 and review.fit.level is not None and 1 <= review.fit.level <= 5
        assert review.fit.explanation.startswith("Fit ")
    assert review.engine == "offline"


# --- CLI --------------------------------------------------------------------------------------------------------

runner = CliRunner()


def test_cli_review_json_contract(tmp_path) -> None:
    path = tmp_path / "resume.pdf"
    path.write_bytes(pdfs.resume_pdf())
    result = runner.invoke(app, ["review", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in ("contact", "sections", "experience", "years_experience", "bullets", "keywords", "fit", "injection",
                "issues", "engine"):
        assert key in data
    assert set(data["contact"]) >= {"name", "email", "phone"}
    assert set(data["experience"][0]) >= {"title", "company", "start", "end", "bullets"}
    assert set(data["bullets"]) >= {"total", "quantified"} and set(data["keywords"]) >= {"present", "missing"}
    assert 0 <= data["fit"]["score"] <= 100 and data["engine"] == "offline"


def test_cli_review_text_file_and_human_output(tmp_path) -> None:
    path = tmp_path / "resume.md"
    path.write_text(STRONG, encoding="utf-8")
    result = runner.invoke(app, ["review", str(path)])
    assert result.exit_code == 0, result.output
    assert "Fit:" in result.output and "ATS checks" in result.output


def _ats(result) -> dict[str, str]:  # type: ignore[no-untyped-def]
    assert result.exit_code == 0, result.output
    return {a["name"]: a["detail"] for a in json.loads(result.stdout)["ats"]}


def test_the_format_checks_speak_of_a_text_layer_only_for_a_pdf(tmp_path) -> None:
    pdf = tmp_path / "resume.pdf"
    pdf.write_bytes(pdfs.resume_pdf())
    from_pdf = _ats(runner.invoke(app, ["review", str(pdf), "--json"]))
    assert "words of selectable text" in from_pdf["extractable text"]
    assert re.match(r"\d+ pages?, ", from_pdf["length"]) and "page(s)" not in from_pdf["length"]
    text = tmp_path / "resume.txt"
    text.write_text(STRONG, encoding="utf-8")
    from_text = _ats(runner.invoke(app, ["review", str(text), "--json"]))
    assert "selectable" not in from_text["extractable text"] and "words of plain text" in from_text["extractable text"]
    assert from_text["length"].startswith("about 1 page, "), "a pasted resume's pages are an estimate"
    assert "words: too few words; " in from_text["length"], "a failed length says which part of it is off"


def test_an_unreadable_pasted_resume_is_not_told_to_export_its_pdf_again(role_knowledge, embedder) -> None:
    review = _review("Jo Example\njo@example.org\nExperience\nBuilt the data platform and grew the team.\n"
                     "Education\nBSc Physics\n", role_knowledge, embedder)
    assert review.parse is not None and review.parse.message, "an Experience section with no dated role is unsure"
    assert "export the PDF again" not in review.parse.message and "upload the PDF instead" in review.parse.message
    assert "role(s)" not in review.parse.message and "section(s)" not in review.parse.message


def test_a_resume_read_with_no_role_gets_no_fit_score_even_without_an_experience_heading(
        role_knowledge, embedder) -> None:
    # The work history sits under a heading the reader does not know and its dates are in no form it reads, so no
    # role is found. A director's resume with no role is a misreading far more often than the truth: the review
    # must not score the candidate as having no experience.
    review = _review("Jo Example\njo@example.org\nThe Journey So Far\nHead of ML at Globex, for six years\n"
                     "Built the data platform and grew the team to 30.\nSkills\nPython, Spark\n",
                     role_knowledge, embedder)
    assert review.parse is not None and review.parse.confidence == "low"
    assert review.fit.score is None and review.fit.reason
    assert "no work history with dated roles could be found" in review.parse.message
    assert "not a verdict on your experience" in review.fit.explanation


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", "empty_file"), (pdfs.renamed_png(), "not_pdf"), (pdfs.encrypted_pdf(), "encrypted")],
)
def test_cli_bad_input_exits_2_with_json_error(tmp_path, content: bytes, code: str) -> None:
    path = tmp_path / "resume.pdf"
    path.write_bytes(content)
    before = set(tmp_path.rglob("*"))
    result = runner.invoke(app, ["review", str(path), "--json"])
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert error["code"] == code and error["message"]
    assert "Traceback" not in result.output
    assert set(tmp_path.rglob("*")) == before  # nothing written


# Words a keyword-stuffer hides in near-invisible text to game a screening score.
_STUFFING = (
    "Kubernetes MLOps PyTorch TensorFlow feature store model registry experimentation platform "
    "led a team of 60 engineers, owned a $12M budget, hired 25, reduced cost by 40%"
)


@pytest.mark.parametrize("kind", ["light_grey", "small", "white"])
def test_near_invisible_keyword_stuffing_never_moves_the_fit(kind, settings, role_knowledge, embedder) -> None:
    clean_x = read_pdf(pdfs.resume_pdf(), settings)
    stuffed_x = read_pdf(pdfs.hidden_text_pdf(kind, payload=_STUFFING), settings)
    assert "$12M budget" not in stuffed_x.text
    assert any("$12M budget" in h for h in stuffed_x.hidden_text)
    clean_resume, clean_injection = prepare_resume(clean_x)
    stuffed_resume, stuffed_injection = prepare_resume(stuffed_x)
    clean = review_resume(clean_resume, role_knowledge, embedder, extracted=clean_x, injection=clean_injection)
    stuffed = review_resume(stuffed_resume, role_knowledge, embedder, extracted=stuffed_x, injection=stuffed_injection)
    assert stuffed.fit.score == clean.fit.score
    assert stuffed.keywords == clean.keywords
    assert stuffed.bullets == clean.bullets


def _job(start: str, title: str = "Engineer") -> Job:
    return Job(title=title, company="Globex", start=start, end="Present")


def test_two_readings_that_tell_the_same_history_do_not_disagree() -> None:
    layout = [_job("2019-01"), _job("2015-03"), _job("2011-09")]
    assert readings_disagree(layout, layout[1:]) is None, "one role apart is within a reading's usual slack"
    assert readings_disagree(layout, [_job("2019-01"), _job("2015-03"), _job("2010-01")]) is None
    assert readings_disagree([], layout) is None, "no roles read is reported by its own rule, not as disagreement"


def test_two_readings_that_tell_different_histories_say_how() -> None:
    said = readings_disagree([_job("2019-01"), _job("2015-03"), _job("2011-09")], [_job("2019-01")])
    assert said is not None and "3 roles from 2011 by its layout" in said and "1 role from 2019" in said
    said = readings_disagree([_job("2019-01"), _job("2004-01")], [_job("2019-01"), _job("2016-01")])
    assert said is not None and "from 2004" in said and "from 2016" in said, "a first year far apart disagrees"


def test_a_file_whose_layout_and_plain_text_tell_different_histories_gets_a_provisional_fit(
        settings, role_knowledge, embedder) -> None:
    # An invented CV (a JSON Resume theme): read by its layout it has four roles from 2011, read as plain text (no
    # typography) three from 2014. We cannot tell which reader is right, so the review says so and the fit is
    # provisional; the roles the layout reading found are still listed for the user to check. (The file this test
    # used first, typst-left-dates--staff_ml, is now read alike both ways: the plain-text reading finds its
    # work-history heading by meaning.)
    pdf = GENERATED / "themes" / "corpus" / "simple__director.pdf"
    extracted = read_pdf(pdf.read_bytes(), settings)
    resume, injection = prepare_resume(extracted)
    review = review_resume(resume, role_knowledge, embedder, None, extracted=extracted, injection=injection)
    assert review.parse is not None and review.parse.confidence == "low"
    assert any("two readings of the file disagree" in p for p in review.parse.problems)
    assert review.fit.provisional and review.fit.score is not None and "provisional" in review.fit.explanation
    assert len(review.experience) == 4


def test_a_pdf_read_with_a_single_role_is_provisional_and_says_why(settings, role_knowledge, embedder) -> None:
    one_role = [line for line in pdfs.CLEAN_RESUME_LINES
                if not line.startswith(("Senior ML Engineer", "- Built a real-time", "- Helped with"))]
    for lines, sure in ((pdfs.CLEAN_RESUME_LINES, True), (one_role, False)):
        extracted = read_pdf(pdfs.resume_pdf(lines), settings)
        resume, injection = prepare_resume(extracted)
        review = review_resume(resume, role_knowledge, embedder, None, extracted=extracted, injection=injection)
        assert review.parse is not None and (review.parse.confidence != "low") is sure
        assert review.fit.provisional is not sure
        assert any("only one role was read" in p for p in review.parse.problems) is not sure


def test_a_heading_that_names_two_kinds_counts_as_both(role_knowledge, embedder) -> None:
    """"Work and Education" holds the work history and the degree: the review lists both kinds and does not tell
    the candidate their Experience heading is missing."""
    rows = [("Avery Example", 20.0, 1.0), ("avery@example.org | +1 555 010 0100", 10.0, 0.0),
            ("Work and Education", 13.0, 1.0), ("Senior Engineer, Globex", 10.0, 0.0),
            ("Jan 2019 - Present", 10.0, 0.0), ("• Led the migration of 40 services to Kubernetes", 10.0, 0.0),
            ("MSc Computer Science, Example University", 10.0, 0.0), ("2014 - 2016", 10.0, 0.0),
            ("Skills", 13.0, 1.0), ("Python, Go, SQL", 10.0, 0.0)]
    extracted = ExtractedText(text="\n".join(t for t, _, _ in rows), pages=1, styled_lines=[
        StyledLine(page=1, text=t, size=size, bold=bold, x=50.0, gap=14.0) for t, size, bold in rows])
    resume, injection = prepare_resume(extracted)
    review = review_resume(resume, role_knowledge, embedder, extracted=extracted, injection=injection)
    assert {"experience", "education"} <= set(review.sections)
    headings = next(check for check in review.ats if check.name == "standard headings")
    assert "Missing" not in headings.detail


def test_linkedin_style_roles_are_coached_on_what_they_say(role_knowledge, embedder) -> None:
    """Three false asks on a LinkedIn export, as a candidate read them: the role's place on its own line was a
    bullet told "What changed, and by how much?"; "(48 engineers and scientists)" after the org it counts was asked
    "How many engineers reported to you?"; "for every model change" was asked for its scope."""
    text = ("Jo Example\njo@example.org\nExperience\nDirector of Machine Learning\nGlobex\nJan 2020 - Present (5 years)\n"
            "Seattle, Washington, United States\n"
            "Grew the organisation from two teams to six (48 engineers and scientists) through two reorganisations.\n"
            "Introduced an evaluation gate for every model change, cutting rollbacks from 9 a quarter to 1.\n")
    review = _review(text, role_knowledge, embedder)
    assert all("Seattle" not in bullet for bullet in review.experience[0].bullets)
    feedback = {f.text[:12]: f.suggestions for f in review.bullet_feedback}
    assert "Seattle, Was" not in feedback
    assert not any("reported to you" in s for s in feedback.get("Grew the org", []))
    assert not any("Show the scope" in s for s in feedback.get("Introduced a", []))
