"""A spoken answer through the interview in a real browser: Debian Chromium's fake microphone plays an espeak-ng
recording into `st.audio_input`, the app transcribes it offline, shows the editable transcript and the delivery
coaching, and the submitted answer is scored like a typed one (and its delivery saved with the turn)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from tests.support.app_fixtures import CHROMIUM, CHROMIUM_ARGS, screenshot
from tests.support.speech import ANSWERS, silence, synthesise, write_wav

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture
def microphone_page(tmp_path: Path, chromium: object, streamlit_server: object) -> Iterator[object]:
    """A tab in a second Chromium whose microphone is a WAV file (looped by Chromium), permission granted.

    Launched through the session's Playwright (`chromium.browser_type`): a second `sync_playwright()` inside the
    running one is refused."""
    speech = np.concatenate([silence(0.5), synthesise(ANSWERS[0], 150), silence(4.0)])
    wav = write_wav(tmp_path / "microphone.wav", speech)
    args = CHROMIUM_ARGS + [
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={wav}",
    ]
    browser = chromium.browser_type.launch(  # type: ignore[attr-defined]
        executable_path=str(CHROMIUM), headless=True, args=args)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, permissions=["microphone"])
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    try:
        yield tab
    finally:
        context.close()
        browser.close()


def test_a_spoken_answer_is_transcribed_edited_and_scored(microphone_page: object, streamlit_server: object) -> None:
    from playwright.sync_api import expect

    page = microphone_page
    page.goto(f"{streamlit_server.url}/interview", wait_until="domcontentloaded")  # type: ignore[attr-defined]
    expect(page.get_by_text("Number of questions")).to_be_visible(timeout=90_000)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Start the interview").click()  # type: ignore[attr-defined]

    expect(page.get_by_text("Or answer out loud")).to_be_visible(timeout=120_000)  # a loaded CI machine is slow  # type: ignore[attr-defined]
    page.get_by_role("button", name="Record").click()  # type: ignore[attr-defined]
    page.wait_for_timeout(9_000)  # type: ignore[attr-defined]  # the fake microphone plays the ~9 s answer
    page.get_by_role("button", name="Stop recording").click()  # type: ignore[attr-defined]

    transcript = page.get_by_role("textbox", name="Transcript (edit before submitting)")  # type: ignore[attr-defined]
    expect(transcript).to_be_visible(timeout=120_000)  # offline decoding on a shared CPU
    expect(page.get_by_text(re.compile(r"Transcribed by PocketSphinx"))).to_be_visible()  # type: ignore[attr-defined]
    heard = transcript.input_value()
    assert len(heard.split()) >= 8, heard  # a real transcript of the spoken answer, not an empty box
    expect(page.get_by_text("Pace", exact=True)).to_be_visible()  # type: ignore[attr-defined]
    screenshot(page, "interview-voice-transcript")
    print("transcript heard in the browser:", heard)

    # The candidate corrects the recogniser before submitting; the corrected words are what gets scored.
    corrected = ANSWERS[0] + " As a result we shipped two quarters early."
    transcript.fill(corrected)
    transcript.press("Control+Enter")
    page.get_by_role("button", name="Submit spoken answer").click()  # type: ignore[attr-defined]
    expect(page.get_by_text(re.compile(r"Feedback: \d / 5")).first).to_be_visible(timeout=60_000)  # type: ignore[attr-defined]
    expect(page.get_by_text("As a result we shipped two quarters early.").first).to_be_visible()  # type: ignore[attr-defined]
    expect(page.get_by_text(re.compile(r"Spoken answer · \d+ words/min"))).to_be_visible()  # type: ignore[attr-defined]
    screenshot(page, "interview-voice-feedback")
