"""Streamlit entry point: page set-up and navigation only. Each page renders; the core does the work."""

from __future__ import annotations

import streamlit as st

import assistant.config  # noqa: F401  (telemetry off before onnxruntime and chromadb load)
from app_pages._auth import require_sign_in, sign_in_configured

st.set_page_config(
    page_title="ML Director Interview Coach",
    page_icon=":material/record_voice_over:",
    layout="wide",
    menu_items={"Get help": None, "Report a bug": None, "About": "Mock-interview and resume coach for "
                "Director of Machine Learning Engineering candidates. Runs on your machine."},
)

require_sign_in()  # with [auth] in secrets.toml: nobody past this line without signing in

PAGES = [
    st.Page("app_pages/home.py", title="Home", icon=":material/home:", default=True),
    st.Page("app_pages/interview.py", title="Mock interview", icon=":material/forum:", url_path="interview"),
    st.Page("app_pages/resume.py", title="Resume review", icon=":material/description:", url_path="resume"),
    st.Page("app_pages/history.py", title="History", icon=":material/timeline:", url_path="history"),
    st.Page("app_pages/prompts.py", title="Prompts", icon=":material/edit_note:", url_path="prompts"),
    st.Page("app_pages/settings.py", title="Settings & status", icon=":material/tune:", url_path="settings"),
]
if sign_in_configured():
    # Prompt files are shared by every user of a deployment: operators edit them (CLI, repo), candidates don't.
    PAGES = [page for page in PAGES if page.url_path != "prompts"]

st.navigation(PAGES).run()
