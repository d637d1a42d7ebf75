"""Two people using the app at once never see each other's data: per-user state lives in st.session_state only,
and the cached services hold no user data (SECURITY.md, "two users at once")."""

from __future__ import annotations

import tomllib

from assistant.config import REPO_ROOT
from tests.support.app_fixtures import assert_no_exception, page_text

CANARY = "zq-canary-7731"
ANSWER = (
    f"At {CANARY} Corp I led a 40-person ML platform org. I decided to consolidate three feature stores after "
    "measuring 30% duplicated pipelines, and deployment time fell from 3 weeks to 2 days."
)


def test_an_answer_in_one_session_never_shows_in_another(app_test) -> None:
    first = app_test("interview.py")
    first.slider(key="iv_length").set_value(2)
    first.button[0].click()
    first.run()
    first.chat_input(key="interview_answer").set_value(ANSWER).run()
    assert_no_exception(first)
    assert CANARY in page_text(first)

    second = app_test("interview.py")  # a second browser session against the same server process
    assert_no_exception(second)
    assert CANARY not in page_text(second)
    assert not second.chat_message, "a new session starts without anyone else's transcript"


def test_streamlit_telemetry_is_off_and_xsrf_protection_on() -> None:
    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["maxUploadSize"] >= 1
