"""Practice plan: what is due today by spaced repetition over your scores, and "Start today's practice"."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages._shared import engine_badge, services_or_stop, user_errors
from assistant.practice.plan import PracticePlan, plan_with_stories, todays_practice

st.title("Practice plan")
svc = services_or_stop()
engine_badge(svc)
st.write(
    "Weak competencies come back sooner and strong ones later (spaced repetition over your own scores). "
    "Practise what is due today; a competency with no story yet is a gap to prepare."
)

plan: PracticePlan | None = None
with user_errors("Could not build the practice plan: "):
    plan = plan_with_stories(svc.knowledge, svc.db)
if plan is None:
    st.stop()


def _rows(items: list) -> pd.DataFrame:
    return pd.DataFrame([
        {
            "Due": i.due.isoformat(),
            "What": ("Competency: " if i.kind == "competency" else "Question: ") + i.name,
            "Last score": i.last_score,
            "Why": i.reason,
            "Stories": i.stories,
        }
        for i in items
    ])


st.subheader(f"Due today: {len(plan.due)}", anchor=False)
if plan.due:
    st.dataframe(_rows(plan.due), hide_index=True, width="stretch")
    n = st.slider("Questions in today's practice", 1, 6, min(3, len(plan.due)), key="plan_n")
    if st.button("Start today's practice", type="primary", key="plan_start", icon=":material/play_arrow:"):
        with user_errors("Could not start today's practice: "):
            practice = todays_practice(plan, svc.knowledge, n=n, store=svc.store)
            if practice.questions:
                st.session_state.practice_plan = practice
                for key in ("interview", "interview_report"):
                    st.session_state.pop(key, None)
                st.switch_page("app_pages/interview.py")
            else:
                st.info("No bank question matches what is due; run a regular interview instead.")
else:
    st.success("Nothing is due today. Come back on the first date below, or run a regular interview.")

if plan.upcoming:
    st.subheader("Coming up", anchor=False)
    st.dataframe(_rows(plan.upcoming), hide_index=True, width="stretch")
