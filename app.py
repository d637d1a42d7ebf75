"""Streamlit entry point: page set-up and navigation only. Each page renders; the core does the work."""

from __future__ import annotations

import streamlit as st

import assistant.config  # noqa: F401  (telemetry off before onnxruntime and chromadb load)

st.set_page_config(
    page_title="ML Director Interview Coach",
    page_icon=":material/record_voice_over:",
    layout="wide",
    menu_items={"Get help": None, "Report a bug": None, "About": "Mock-interview and resume coach for "
                "Director of Machine Learning Engineering candidates. Runs on your machine."},
)

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

st.navigation(PAGES).run()
