"""Home: which engine answers, the state of the knowledge base, and the three things to do next."""

from __future__ import annotations

import streamlit as st

from app_pages._practice import practice_banner
from app_pages._shared import services_or_stop

st.title("Director of ML Engineering: interview and resume coach")
st.write(
    "Rehearse the interview with a coach that knows what the role demands, and get honest, evidence-based "
    "feedback on every answer and on your resume. Everything runs on this machine."
)

svc = services_or_stop()
status = svc.knowledge_status

engine_col, knowledge_col = st.columns(2)
with engine_col, st.container(border=True):
    st.subheader("Engine", anchor=False)
    if svc.uses_llm:
        st.markdown(f"**LLM** `{svc.engine.model}`")
        st.caption(svc.engine.reason)
    else:
        st.markdown("**Offline coach**")
        st.caption(
            "Questions come from a curated bank, follow-ups from gaps detected in your answer, and scores from "
            f"explainable signals. No LLM is used. ({svc.engine.reason})"
        )
    with st.expander("How to switch engines"):
        st.markdown(
            "Set these in a `.env` file next to `app.py`, then restart the app:\n\n"
            "- OpenAI: `OPENAI_API_KEY=...` (optionally `CHAT_MODEL=gpt-4o-mini`)\n"
            "- A local OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp): "
            "`OPENAI_BASE_URL=http://localhost:11434/v1` and `CHAT_MODEL=<model name>`\n"
            "- Force the offline coach: `LLM_PROVIDER=offline`\n\n"
            "If the LLM fails during a session, the offline coach takes over and says so."
        )

with knowledge_col, st.container(border=True):
    st.subheader("Knowledge base", anchor=False)
    st.markdown(f"**{status.role_title}**")
    st.caption(
        f"{status.competencies} competencies in the rubric, {status.questions} interview questions. "
        f"{status.detail}"
    )

st.subheader("What to do next", anchor=False)
steps = st.columns(3)
with steps[0], st.container(border=True):
    st.markdown("**1. Review your resume**")
    st.caption("Upload a PDF or paste text: fit score, missing keywords, bullet-by-bullet feedback, ATS checks.")
    st.page_link("app_pages/resume.py", label="Open resume review", icon=":material/description:")
with steps[1], st.container(border=True):
    st.markdown("**2. Run a mock interview**")
    st.caption("Pick a focus and length. Each answer is scored on the role's rubric with quoted evidence.")
    st.page_link("app_pages/interview.py", label="Start an interview", icon=":material/forum:")
with steps[2], st.container(border=True):
    st.markdown("**3. Track your progress**")
    st.caption("Past sessions, scores per competency over time, and resuming an unfinished interview.")
    st.page_link("app_pages/history.py", label="See history", icon=":material/timeline:")

practice_banner(svc)
