"""Real-browser flows for the Story bank, Practice plan and Director exercises pages (Chromium + streamlit run)."""

from __future__ import annotations

import re

import pytest

from tests.support.app_fixtures import screenshot

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ANSWER = (
    "At Acme I led a 40-person ML platform org. I decided to consolidate three feature stores into one after "
    "measuring 30% duplicated pipelines; I set the roadmap, hired two staff engineers and negotiated the budget "
    "with the CTO. As a result deployment time fell from 3 weeks to 2 days and infra cost dropped 22% in two "
    "quarters."
)
MEMO = (
    "Days 1-30: listen and diagnose. I will hold one-on-ones with all 24 engineers and meet the VP of Product and "
    "the CFO.\n\nPriorities: first, cut time to production from 6 weeks to 2 weeks by the end of Q2. We will not "
    "start the LLM research track this half.\n\nRisks: the migration could stall; I will mitigate by migrating the "
    "most willing team first.\n\nTeam: we are missing a staff MLOps engineer; I will open the role in month one."
)


def _open(page, server, path: str) -> None:
    page.goto(f"{server.url}/{path}", wait_until="domcontentloaded")
    page.get_by_test_id("stApp").wait_for()


def _settled(page, timeout: float = 60_000) -> None:
    page.wait_for_timeout(300)
    page.get_by_test_id("stStatusWidget").wait_for(state="hidden", timeout=timeout)


def test_story_bank_saves_an_answer_and_proposes_a_bullet(page, streamlit_server) -> None:
    from playwright.sync_api import expect

    _open(page, streamlit_server, "stories")
    expect(page.get_by_role("heading", name="Coverage")).to_be_visible(timeout=90_000)  # a fresh server ingests
    _settled(page)
    question = page.get_by_label("Question", exact=True)
    expander = page.locator("details", has_text="Save an answer as a story")
    if expander.get_attribute("open") is None:  # collapsed once the bank has stories (other tests' answers)
        expander.locator("summary").click()
    question.wait_for(timeout=30_000)
    question.fill("Tell me about an ML platform you built.")
    page.get_by_label("Your answer", exact=True).fill(ANSWER)
    page.get_by_role("button", name="Save as a story").click()
    expect(page.get_by_text("Resume bullets from this story")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("At Acme I led a 40-person ML platform org.").first).to_be_visible()
    page.get_by_role("button", name="Propose bullets").click()
    # A proposed bullet carries the story's own result (how the story's clauses are grouped into bullets may vary
    # with the scorer's sentence labels), and its provenance line quotes the answer.
    bullet = page.get_by_text(re.compile(r"^(Set|Decided|Consolidated|Led|Hired)\b.*(3 weeks to 2 days|30%)")).first
    expect(bullet).to_be_visible(timeout=60_000)
    expect(page.get_by_text(re.compile(r"^From: “")).first).to_be_visible()
    expect(page.get_by_role("button", name="Accept").first).to_be_visible()
    _settled(page)
    screenshot(page, "story-bank")


def test_practice_plan_starts_todays_practice(page, streamlit_server) -> None:
    from playwright.sync_api import expect

    _open(page, streamlit_server, "plan")
    expect(page.get_by_role("heading", name=re.compile(r"Due today: \d+"))).to_be_visible(timeout=90_000)
    _settled(page)
    screenshot(page, "practice-plan")
    page.get_by_role("button", name="Start today's practice").click()
    expect(page.get_by_test_id("stChatInputTextArea")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("questions answered")).to_be_visible()


def test_exercises_review_a_memo_and_run_a_roleplay(page, streamlit_server) -> None:
    from playwright.sync_api import expect

    _open(page, streamlit_server, "exercises")
    memo = page.get_by_label("Your plan or memo")
    memo.wait_for(timeout=90_000)
    memo.fill(MEMO)
    page.get_by_role("button", name="Review my memo").click()
    expect(page.get_by_text("Overall (1-5)")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("We will not start the LLM research track this half.").first).to_be_visible()
    _settled(page)
    screenshot(page, "exercise-memo")

    page.get_by_role("tab", name="Stakeholder role-play").click()
    page.get_by_role("button", name="Start the role-play").click()
    expect(page.get_by_text("Your ML platform cost us about four million dollars")).to_be_visible(timeout=60_000)
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill("It is strategic and it enables everything we do.")
    box.press("Enter")
    expect(page.get_by_text("That is activity, not return")).to_be_visible(timeout=60_000)
    _settled(page)
    screenshot(page, "exercise-roleplay")
