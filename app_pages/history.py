"""History: past sessions with scores, progress per competency over time, reopening a session, deleting data."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from app_pages._practice import practice_banner
from app_pages._shared import current_user_id, services_or_stop, user_errors
from app_pages._voice import delivery_trend
from assistant.interview.store import InterviewRepository
from assistant.services import delete_user_files
from assistant.storage import DeletionReport, delete_all_user_data
from assistant.text.plural import count_of

st.title("History")
svc = services_or_stop()
user = current_user_id()
interviews = InterviewRepository(svc.db)
names = {c.id: c.name for c in svc.knowledge.rubric.competencies}


def _deleted_message(report: DeletionReport, files: int) -> str:
    """Exactly what was removed, so the user can trust the button (and see when there was nothing to remove)."""
    stories, exercises = report.other.get("stories", 0), report.other.get("exercise_attempts", 0)
    if not (report.sessions or stories or exercises or files):
        return "There was nothing to delete: no saved interviews, stories, exercises or files."
    return (
        f"Deleted {count_of(report.sessions, 'interview')} ({count_of(report.turns, 'question')} asked, "
        f"{count_of(report.answers, 'answer')}), {count_of(stories, 'story', 'stories')}, "
        f"{count_of(exercises, 'exercise attempt')} and {count_of(files, 'exported file')}. Nothing else was touched."
    )


sessions = []
with user_errors("Could not read saved sessions: "):
    sessions = interviews.list_sessions(user)

if not sessions:
    st.info("No interviews yet. Finished and unfinished sessions appear here, with your progress per competency.")
    st.page_link("app_pages/interview.py", label="Start a mock interview", icon=":material/forum:")
else:
    st.subheader("Sessions", anchor=False)
    table = pd.DataFrame(
        [
            {
                "Date": s.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                "Focus": s.focus.capitalize(),
                "Mode": s.mode.capitalize(),
                "Engine": "LLM" if s.engine == "llm" else "Offline coach",
                "Answered": f"{s.answered} of {s.length}",
                "Overall (1-5)": round(s.overall, 1) if s.overall is not None else None,
                "Status": s.status.capitalize(),
            }
            for s in sessions
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch")

    points = []
    with user_errors("Could not read your progress: "):
        points = interviews.competency_history(user)
    if points:
        st.subheader("Progress per competency", anchor=False)
        frame = pd.DataFrame(
            [
                {"When": p.created_at, "Competency": names.get(p.competency, p.competency), "Score": p.score}
                for p in points
            ]
        )
        chart = (
            alt.Chart(frame)
            .mark_line(point=True)
            .encode(
                x=alt.X("When:T", title="Session"),
                y=alt.Y("Score:Q", scale=alt.Scale(domain=[1, 5]), title="Mean score (1-5)"),
                color=alt.Color("Competency:N", legend=alt.Legend(orient="bottom", columns=2)),
                tooltip=["Competency", "Score", alt.Tooltip("When:T", format="%Y-%m-%d %H:%M")],
            )
        )
        # Height in pixels through Streamlit (Altair's own height is squeezed by Streamlit's "fit" autosizing).
        st.altair_chart(chart, width="stretch", height=360)
    delivery_trend(svc)

    st.subheader("Open a session", anchor=False)
    labels = {
        s.id: f"{s.created_at.astimezone():%Y-%m-%d %H:%M} · {s.focus} · {s.answered}/{s.length} answered · {s.status}"
        for s in sessions
    }
    chosen = st.selectbox("Session", list(labels), format_func=labels.__getitem__, key="history_session")
    summary = next(s for s in sessions if s.id == chosen)
    action = "Resume this interview" if summary.status == "active" else "Open the report"
    if st.button(action, key="history_open"):
        st.session_state.open_session_id = chosen
        st.switch_page("app_pages/interview.py")

practice_banner(svc)

st.divider()
st.subheader("Delete my data", anchor=False)
st.write(
    "Removes every interview, answer, score, story and exercise attempt saved for you, and your exported files in "
    "the data folder. The shipped knowledge base and prompt files are not personal data and stay."
)
confirmed = st.checkbox("I understand this cannot be undone", key="delete_confirm")
if st.button("Delete my data", type="primary", disabled=not confirmed, key="delete_data"):
    with user_errors("Could not delete (nothing was deleted): "):
        report = delete_all_user_data(svc.db, user)
        files = delete_user_files(svc.settings, user)
        for key in ("interview", "interview_report", "resume", "open_session_id"):
            st.session_state.pop(key, None)
        st.session_state.deleted_message = _deleted_message(report, files)
        st.rerun()
if message := st.session_state.pop("deleted_message", None):
    st.success(message)
