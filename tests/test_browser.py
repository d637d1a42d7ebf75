"""Real-browser flows: Debian Chromium (Playwright) against `streamlit run app.py` with the offline coach.

Screenshots of each flow are written to test-artifacts/ (look at them: would a candidate trust this screen?).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.app_fixtures import ARTIFACTS, CORPUS_RESUME, screenshot

pytestmark = [pytest.mark.slow, pytest.mark.browser]

STRONG_ANSWER = (
    "At Acme I led a 40-person ML platform org. I decided to consolidate three feature stores into one after "
    "measuring 30% duplicated pipelines; I set the roadmap, hired two staff engineers and negotiated the budget "
    "with the CTO. As a result deployment time fell from 3 weeks to 2 days and infra cost dropped 22% in two "
    "quarters, and I now review adoption monthly with product leads."
)


def _open(page, server, path: str = "") -> None:
    page.goto(f"{server.url}/{path}", wait_until="domcontentloaded")
    page.get_by_test_id("stApp").wait_for()


def _settled(page, timeout: float = 60_000) -> None:
    """Wait until the script run has finished (Streamlit shows its running indicator until then)."""
    page.wait_for_timeout(300)
    page.get_by_test_id("stStatusWidget").wait_for(state="hidden", timeout=timeout)


def test_cold_start_is_a_few_seconds(streamlit_server) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "cold-start.txt").write_text(f"streamlit run to healthy: {streamlit_server.cold_start_s:.2f} s\n")
    assert streamlit_server.cold_start_s < 15, f"streamlit took {streamlit_server.cold_start_s:.1f} s to be healthy"


def test_home_shows_the_engine_and_the_next_steps(page, streamlit_server) -> None:
    from playwright.sync_api import expect

    _open(page, streamlit_server)
    # The first load builds the knowledge store (empty data folder, as on a fresh clone).
    expect(page.get_by_text("What to do next")).to_be_visible(timeout=90_000)
    expect(page.get_by_text("Offline coach").first).to_be_visible()
    expect(page.get_by_text("See history")).to_be_visible()
    _settled(page)
    screenshot(page, "home")


def test_two_question_offline_interview_shows_feedback_and_report(page, streamlit_server) -> None:
    from playwright.sync_api import expect

    _open(page, streamlit_server, "interview")
    expect(page.get_by_text("Number of questions")).to_be_visible(timeout=90_000)
    thumb = page.get_by_role("slider")
    thumb.focus()
    for _ in range(3):  # 5 -> 2
        thumb.press("ArrowLeft")
    expect(page.get_by_test_id("stSliderThumbValue")).to_have_text("2")
    page.get_by_role("button", name="Start the interview").click()

    box = page.get_by_test_id("stChatInputTextArea")
    report = page.get_by_text("Interview report")
    for answers in range(1, 7):  # two questions, at most two follow-ups each
        box.wait_for(timeout=30_000)
        box.fill(STRONG_ANSWER)
        box.press("Enter")
        expect(page.get_by_text(re.compile(r"Feedback: \d / 5")).nth(answers - 1)).to_be_visible(timeout=30_000)
        _settled(page)
        if answers == 1:
            screenshot(page, "interview-feedback")
        if report.is_visible() or page.get_by_text("Writing your report").is_visible():
            break
    expect(report).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Scores per competency")).to_be_visible()
    expect(page.get_by_role("button", name="Download PDF")).to_be_visible()
    _settled(page)
    screenshot(page, "interview-report")


def test_uploading_a_corpus_resume_shows_its_review(page, streamlit_server) -> None:
    from playwright.sync_api import expect

    if not CORPUS_RESUME.is_file():
        pytest.skip("../shared/corpus is not beside the checkout")
    _open(page, streamlit_server, "resume")
    dropzone = page.get_by_test_id("stFileUploaderDropzoneInput")
    dropzone.wait_for(state="attached", timeout=90_000)  # a fresh server builds the knowledge store first
    dropzone.set_input_files(str(CORPUS_RESUME))
    expect(page.get_by_text(CORPUS_RESUME.name)).to_be_visible(timeout=15_000)
    page.get_by_role("button", name="Review my resume").click()
    expect(page.get_by_text("Fit for the role")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Quantified bullets")).to_be_visible()
    _settled(page)
    screenshot(page, "resume-review")
    page.get_by_role("button", name="Propose changes").click()
    expect(page.get_by_role("button", name="Download PDF")).to_be_visible(timeout=60_000)
    _settled(page)
    screenshot(page, "resume-tailoring")


UNHEADED_RESUME = """Jordan Example
jordan@example.com

Engineering Manager, ML Platform - Example Corp    Jan 2019 - Present
- Led a team of 12 engineers building the feature store used by 30 product teams
Senior ML Engineer - Sample Labs    2012 - 2018
- Built ranking models serving 10M users
"""


def test_an_unsure_reading_is_corrected_in_the_work_history_form(page, streamlit_server) -> None:
    from playwright.sync_api import expect

    _open(page, streamlit_server, "resume")
    page.get_by_role("tab", name="Paste text").click()
    page.get_by_label("Resume text").fill(UNHEADED_RESUME)
    page.get_by_role("button", name="Review my resume").click()
    expect(page.get_by_text("(provisional)")).to_be_visible(timeout=90_000)
    expect(page.get_by_text("Work history as read · please check it")).to_be_visible()
    _settled(page)
    starts = page.get_by_label("From", exact=True)
    expect(starts.nth(1)).to_have_value("2012")  # the year the resume gives, not "2012-01"
    starts.nth(1).fill("06/2008")
    page.get_by_label("Title", exact=True).nth(2).fill("ML Engineer")
    page.get_by_label("Employer", exact=True).nth(2).fill("First Co")
    starts.nth(2).fill("2005")
    page.get_by_label("To", exact=True).nth(2).fill("2008")
    page.get_by_role("button", name="Re-score with this work history").click()
    expect(page.get_by_text("Scored on the work history you confirmed")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("(provisional)")).to_have_count(0)
    _settled(page)
    screenshot(page, "resume-work-history-confirmed")


def test_a_bad_prompt_edit_shows_the_error_and_keeps_the_file(page, streamlit_server) -> None:
    from playwright.sync_api import expect

    target = streamlit_server.prompts_dir / "answer_evaluation.md"
    before = target.read_bytes()
    _open(page, streamlit_server, "prompts")
    editor = page.get_by_label("Prompt file (front matter and template)")
    editor.wait_for(timeout=90_000)
    editor.fill(editor.input_value() + "\n{{ ''.__class__.__mro__ }}\n")
    editor.press("Control+Enter")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("This edit has problems and was not saved")).to_be_visible(timeout=60_000)
    _settled(page)
    screenshot(page, "prompt-bad-edit")
    assert target.read_bytes() == before
    assert Path(target).is_file()
