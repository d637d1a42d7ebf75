"""Streamlit entry point: page set-up, the start-up guards and navigation only. Each page renders; the core works.

Before any page runs, two guards: invalid settings show one page listing every bad variable (never a traceback),
a server reachable from other machines is refused while no sign-in is configured (everyone would share one
user's data), and with sign-in configured nobody gets past the sign-in page. A page that still fails unexpectedly shows a plain message; the details go to the server log only.
"""

from __future__ import annotations

import logging

import streamlit as st

import assistant.config  # noqa: F401  (telemetry off before onnxruntime and chromadb load)
from app_pages._auth import require_sign_in, sign_in_configured
from app_pages._shared import md_escape, md_list
from assistant.config import SettingsError, get_settings, serving_problem
from assistant.errors import CoachError

log = logging.getLogger("assistant.app")

INTERNAL_ERROR = "Something went wrong on this page and it could not finish."

st.set_page_config(
    page_title="ML Director Interview Coach",
    page_icon=":material/record_voice_over:",
    layout="wide",
    menu_items={"Get help": None, "Report a bug": None, "About": "Mock-interview and resume coach for "
                "Director of Machine Learning Engineering candidates. Runs on your machine."},
)

try:
    get_settings()
except SettingsError as exc:
    st.title("The coach cannot start: some settings are invalid")
    st.error(md_list(p.message for p in exc.problems))
    st.info("Fix these in the `.env` file next to `app.py` (or in the environment), then restart the app. Every "
            "setting is described in `.env.example`; `assistant doctor` lists the same problems.")
    st.stop()

if (refusal := serving_problem(st.get_option("server.address"))) is not None:
    st.title("The coach is not shared on the network")
    st.error(md_escape(refusal.message))
    st.stop()
require_sign_in()  # with [auth] in secrets.toml: nobody past this line without signing in

PAGES = [
    st.Page("app_pages/home.py", title="Home", icon=":material/home:", default=True),
    st.Page("app_pages/interview.py", title="Mock interview", icon=":material/forum:", url_path="interview"),
    st.Page("app_pages/resume.py", title="Resume review", icon=":material/description:", url_path="resume"),
    st.Page("app_pages/history.py", title="History", icon=":material/timeline:", url_path="history"),
    st.Page("app_pages/plan.py", title="Practice plan", icon=":material/event_repeat:", url_path="plan"),
    st.Page("app_pages/stories.py", title="Story bank", icon=":material/auto_stories:", url_path="stories"),
    st.Page("app_pages/exercises.py", title="Director exercises", icon=":material/assignment:",
            url_path="exercises"),
    st.Page("app_pages/prompts.py", title="Prompts", icon=":material/edit_note:", url_path="prompts"),
    st.Page("app_pages/settings.py", title="Settings & status", icon=":material/tune:", url_path="settings"),
]
if sign_in_configured():
    # Prompt files are shared by every user of a deployment: operators edit them (CLI, repo), candidates don't.
    PAGES = [page for page in PAGES if page.url_path != "prompts"]

try:
    st.navigation(PAGES).run()
except CoachError as exc:  # a page that let a user-facing error through: still a message, not a traceback
    st.error(md_escape(exc.message))
except Exception:  # the last line of defence; Streamlit's stop/rerun are BaseExceptions and pass through
    log.exception("unexpected error while rendering a page")
    st.error(f"{INTERNAL_ERROR} Nothing already saved was lost. Reload the page to try again; the details are in "
             "the server's log.")
