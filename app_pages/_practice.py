"""Coaching widgets other pages show: the practice-plan line (Home, History) and the story hint (Mock interview)."""

from __future__ import annotations

import streamlit as st

from app_pages._shared import user_errors
from assistant.errors import CoachError
from assistant.interview.session import Turn
from assistant.practice.plan import plan_with_stories
from assistant.services import Services
from assistant.stories.bank import StoryBank
from assistant.stories.models import StoryHint


def practice_banner(svc: Services) -> None:
    with user_errors("Could not read the practice plan: "):
        plan = plan_with_stories(svc.knowledge, svc.db)
        due = len(plan.due)
        text = (f"Practice plan: {due} item(s) due today" if due
                else f"Practice plan: nothing due today (next on {plan.upcoming[0].due:%Y-%m-%d})"
                if plan.upcoming else "Practice plan: nothing due today")
        st.page_link("app_pages/plan.py", label=text, icon=":material/event_repeat:")


def story_hint(svc: Services, turn: Turn) -> StoryHint | None:
    """The story that fits an open main question (computed once per question and kept in the user's session)."""
    if turn.kind != "question" or turn.answer is not None:
        return None
    cache: dict[str, StoryHint | None] = st.session_state.setdefault("story_hints", {})
    key = f"{turn.index}:{turn.question}"
    if key not in cache:
        try:
            cache[key] = StoryBank.from_services(svc).hint(turn.question, turn.competency)
        except CoachError:
            cache[key] = None  # a hint is a nicety: never block the interview on it
    return cache[key]
