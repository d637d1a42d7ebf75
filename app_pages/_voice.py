"""The interview page's spoken answer: record, read the transcript (editable), see delivery coaching, submit.

Render only: `assistant.voice.answer.analyse` does the work. The recording is transcribed once (cached by its hash
for this browser session) and kept in the database only when the candidate ticks the box.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import streamlit as st

from app_pages._shared import current_user_id, md_escape, md_list, user_errors
from assistant.interview.session import InterviewSession, Turn
from assistant.interview.store import InterviewRepository
from assistant.limits import check_answer
from assistant.services import Services
from assistant.text.plural import count_of


@dataclass
class SpokenAnswer:
    text: str
    metrics: dict[str, Any]
    audio: bytes | None  # only when the candidate opted in


def _analysed(svc: Services, data: bytes) -> Any:
    """The VoiceAnswer for this recording (transcribing takes seconds, so once per recording)."""
    from assistant.voice.answer import analyse

    digest = hashlib.sha256(data).hexdigest()
    cached = st.session_state.get("iv_voice")
    if cached and cached[0] == digest:
        return digest, cached[1]
    with st.spinner("Transcribing your answer..."):
        voice = analyse(data, svc.settings, name="The recording")
    st.session_state.iv_voice = (digest, voice)
    return digest, voice


def delivery_summary(metrics: dict[str, Any]) -> str:
    """One line under a spoken answer in the transcript."""
    pauses = len(metrics.get("long_pauses") or [])
    fillers = count_of(int(metrics.get("filler_count", 0)), "filler")
    return (f"Spoken answer · {metrics.get('wpm', 0):.0f} words/min · {fillers} "
            f"({metrics.get('fillers_per_min', 0):.1f}/min) · {count_of(pauses, 'long pause')} · talk time "
            f"{metrics.get('talk_s', 0):.0f} s of ~{metrics.get('target_s', 120):.0f} s")


def _show_delivery(metrics: dict[str, Any]) -> None:
    cols = st.columns(4)
    cols[0].metric("Pace", f"{metrics['wpm']:.0f} wpm")
    cols[1].metric("Fillers", f"{metrics['fillers_per_min']:.1f} / min")
    cols[2].metric("Long pauses", str(len(metrics["long_pauses"])))
    cols[3].metric("Talk time", f"{metrics['talk_s']:.0f} s", help=f"Target about {metrics['target_s']:.0f} s")
    if metrics.get("notes"):
        st.markdown(md_list(metrics["notes"]))


def voice_answer_box(svc: Services, session: InterviewSession, turn: Turn) -> SpokenAnswer | None:
    """The spoken-answer panel for the open question; returns the answer when the candidate submits it."""
    with st.container(border=True):
        st.markdown("**Or answer out loud** (your words are transcribed, shown for checking, then scored)")
        recording = st.audio_input("Record your answer", key=f"iv_voice_rec_{session.id}_{turn.index}")
        keep = st.checkbox("Keep the recording with this answer (otherwise only the transcript is saved)",
                           key="iv_voice_keep", value=False)
        if recording is None:
            st.caption("Transcribed on this machine by PocketSphinx unless a transcription server is configured.")
            return None
        data = recording.getvalue()
        with user_errors():
            digest, voice = _analysed(svc, data)
            st.caption(f"Transcribed by {md_escape(voice.transcript.engine)} in {voice.transcript.seconds:.1f} s. "
                       "Check the words before submitting.")
            if voice.transcript.note:
                st.warning(md_escape(voice.transcript.note))
            # No `max_chars`: the browser would cut a long edit or paste silently and score the stub. The whole
            # transcript comes in and the shared limit (assistant.limits) refuses it with the reason, keeping it here.
            text = st.text_area("Transcript (edit before submitting)", value=voice.transcript.text, height=140,
                                key=f"iv_voice_text_{digest[:16]}",
                                help=f"Up to {svc.settings.max_answer_chars:,} characters, the interview's limit.")
            metrics = voice.with_text(text).model_dump(mode="json")
            if session.mode == "practice":
                _show_delivery(metrics)
            if st.button("Submit spoken answer", type="primary", key=f"iv_voice_submit_{digest[:16]}"):
                check_answer(text, svc.settings, what="transcript")  # shown by user_errors; nothing is sent
                st.session_state.pop("iv_voice", None)
                return SpokenAnswer(text=text, metrics=metrics, audio=data if keep else None)
    return None


def save_delivery(svc: Services, session: InterviewSession, turn: Turn, spoken: SpokenAnswer) -> None:
    """Store the delivery beside the answer once the answer itself is stored."""
    if turn.answer is None:
        return
    with user_errors("The delivery metrics were not saved: "):
        InterviewRepository(svc.db).record_delivery(session.id, turn.index, spoken.metrics, audio=spoken.audio)


def delivery_trend(svc: Services) -> None:
    """History: pace and filler rate of spoken answers, per session over time (nothing when none was spoken)."""
    import altair as alt
    import pandas as pd

    with user_errors("Could not read the delivery history: "):
        rows = InterviewRepository(svc.db).delivery_history(current_user_id())
        if not rows:
            return
        frame = pd.DataFrame(rows)
        per_session = (
            frame.groupby("session_created_at")
            .agg(pace=("wpm", "mean"), fillers=("fillers_per_min", "mean"), answers=("wpm", "size"))
            .reset_index()
            .rename(columns={"session_created_at": "When"})
        )
        st.subheader("Delivery of spoken answers", anchor=False)
        st.caption("Mean per session. Conversational pace is about 120-160 words a minute; fewer than 3 filler "
                   "words a minute is not distracting.")
        left, right = st.columns(2)
        for column, field, title in ((left, "pace", "Pace (words/min)"), (right, "fillers", "Fillers per minute")):
            chart = alt.Chart(per_session).mark_line(point=True).encode(
                x=alt.X("When:T", title="Session"),
                y=alt.Y(f"{field}:Q", title=title),
                tooltip=[alt.Tooltip("When:T", format="%Y-%m-%d %H:%M"), alt.Tooltip(f"{field}:Q", format=".1f"),
                         "answers"],
            )
            column.altair_chart(chart, width="stretch", height=240)
