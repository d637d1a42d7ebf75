"""The practice-plan line shown on Home and History: how much is due today, with a link to the plan."""

from __future__ import annotations

import streamlit as st

from app_pages._shared import user_errors
from assistant.practice.plan import plan_with_stories
from assistant.services import Services


def practice_banner(svc: Services) -> None:
    with user_errors("Could not read the practice plan: "):
        plan = plan_with_stories(svc.knowledge, svc.db)
        due = len(plan.due)
        text = (f"Practice plan: {due} item(s) due today" if due
                else f"Practice plan: nothing due today (next on {plan.upcoming[0].due:%Y-%m-%d})"
                if plan.upcoming else "Practice plan: nothing due today")
        st.page_link("app_pages/plan.py", label=text, icon=":material/event_repeat:")
