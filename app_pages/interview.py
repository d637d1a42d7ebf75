"""Mock interview: set up, answer question by question in a chat, then read the report.

The whole conversation is rendered from the persisted `InterviewSession`, so what the candidate sees is exactly
what is stored: a reload, an LLM failure or reopening the session from History shows the same transcript.
Per-user state lives only in `st.session_state` (the session and this user's engine).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from app_pages._practice import story_hint
from app_pages._shared import current_user_id, engine_badge, md_escape, md_list, services_or_stop, user_errors
from app_pages._voice import SpokenAnswer, delivery_summary, save_delivery, voice_answer_box
from assistant.errors import CoachError
from assistant.interview.models import POSSIBLE_FLAG_ADVICE
from assistant.interview.report import to_markdown
from assistant.interview.session import InterviewSession, Report, Turn
from assistant.interview.store import InterviewRepository, SessionMissing
from assistant.limits import check_document
from assistant.pdf import markdown_pdf_bytes
from assistant.services import Services

# The rubric's dimensions as the app names them (the CLI uses the field names).
DIMENSION_LABELS = {"structure": "Structure", "ownership": "Ownership", "specificity": "Specificity",
                    "relevance": "Relevance", "altitude": "Director altitude"}
MODE_LABELS = {
    "practice": "Practice: feedback after each answer",
    "realistic": "Realistic: feedback only at the end",
}

svc = services_or_stop()
user = current_user_id()
interviews = InterviewRepository(svc.db)
names = {c.id: c.name for c in svc.knowledge.rubric.competencies}
FOCUS_LABELS = svc.knowledge.rubric.focus_labels  # the role's focuses (rubric.yaml), "mixed" first


def _engine() -> Any:
    """This user's interview engine (built once per browser session: it owns the session's token budget)."""
    engine = st.session_state.get("interview_engine")
    if engine is None or engine.user_id != user:  # a different account in this browser: nothing carries over
        st.session_state.pop("interview", None)
        st.session_state.interview_engine = engine = svc.new_interview_engine(user_id=user)
    return engine


def _fresh_engine() -> Any:
    """A new engine for a new interview: each interview has its own token budget (as the budget notice tells
    the user), and nothing of the previous interview's engine carries over."""
    st.session_state.interview_engine = engine = svc.new_interview_engine(user_id=user)
    return engine


def _budget_notice() -> None:
    """Once the LLM token budget has run out, say so on the page: the offline coach took over (never silently)."""
    engine = st.session_state.get("interview_engine")
    if engine is not None and (notice := engine.budget_notice) is not None:
        st.warning(md_escape(notice), icon=":material/savings:")


def _streamed(work: Callable[[Callable[[str], None]], Any]) -> Any:
    """Run `work(on_chunk)` in a worker thread and stream its chunks into an interviewer message as they come.

    Streamlit elements may only be written from the script thread, so the worker hands chunks over a queue and
    this thread renders them with `st.write_stream`. Errors from the worker are re-raised here.
    """
    chunks: queue.Queue[object] = queue.Queue()
    done = object()
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = work(chunks.put)
        except BaseException as exc:  # re-raised in the script thread below
            outcome["error"] = exc
        finally:
            chunks.put(done)

    def stream() -> Iterator[str]:
        while (item := chunks.get()) is not done:
            yield str(item)

    worker = threading.Thread(target=run, name="interview-turn", daemon=True)
    worker.start()
    with st.chat_message("assistant", avatar=":material/person:"):
        st.write_stream(stream())
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def _run_turn(work: Callable[[Callable[[str], None] | None], Any]) -> Any:
    """With an LLM the interviewer's next words stream in; the offline coach answers at once, with a spinner."""
    if svc.uses_llm:
        return _streamed(work)
    with st.spinner("Scoring your answer..."):
        return work(None)


# --- rendering ---------------------------------------------------------------------------------------------------


def _render_question(turn: Turn) -> None:
    with st.chat_message("assistant", avatar=":material/person:"):
        if turn.kind == "follow_up":
            st.caption("Follow-up")
        else:
            st.caption(f"Question {turn.question_index + 1} · {names.get(turn.competency, turn.competency)}")
        st.markdown(md_escape(turn.question))
        if (hint := story_hint(svc, turn)) is not None:
            st.info(md_escape(hint.message), icon=":material/auto_stories:")
        if turn.citations:
            with st.expander("Why this question: knowledge it draws on"):
                for c in turn.citations:
                    st.markdown(f"- {md_escape(c.source)} › {md_escape(c.heading)} (relevance {c.score:.2f})")


def _render_feedback(turn: Turn) -> None:
    evaluation = turn.evaluation
    assert evaluation is not None
    with st.chat_message("assistant", avatar=":material/grading:"):
        engine = "LLM evaluator" if evaluation.engine == "llm" else "offline coach"
        st.markdown(f"**Feedback: {evaluation.score} / 5** on {names.get(evaluation.competency, evaluation.competency)}")
        if evaluation.flag:
            st.warning(md_escape(evaluation.flag))
        elif evaluation.fallback:
            st.warning("The LLM did not return a usable evaluation, so the offline coach scored this answer.")
        if evaluation.flagged:
            st.warning("Part of this answer tells the scorer how to score it. It was left out of scoring and the "
                       "score is capped:\n\n" + md_list(evaluation.flagged))
        st.caption(f"{evaluation.dimension_summary(DIMENSION_LABELS)} · scored by the {engine}")
        for flag in evaluation.red_flags:
            if flag.certainty == "clear":
                found_by = " (found by the LLM evaluator)" if flag.detected_by == "llm" else ""
                stop = "" if flag.quote.rstrip().endswith((".", "!", "?")) else "."  # the quote's own full stop
                st.error(f"**Red flag: {md_escape(flag.label)}**{found_by} — “{md_escape(flag.quote)}”{stop} "
                         f"{md_escape(flag.explanation)}")
            else:  # only the sentence's meaning suggests it, weakly: the candidate may mean the right thing
                st.warning(f"**Possible red flag: {md_escape(flag.label)}** — “{md_escape(flag.quote)}” could be "
                           f"heard that way. {md_escape(flag.explanation)} {POSSIBLE_FLAG_ADVICE}")
        if evaluation.red_flag_review:
            st.markdown("**The LLM evaluator on the red flags**\n\n" + md_list(evaluation.red_flag_review))
        if evaluation.strengths:
            st.markdown("**What landed**\n\n" + md_list(evaluation.strengths))
        if advice := evaluation.advice():  # the red flags are shown above, quoted
            st.markdown("**To improve**\n\n" + md_list(advice))
        if evaluation.evidence:
            with st.expander("Evidence quoted from your answer"):
                for quote in evaluation.evidence:
                    st.text(f"“{quote}”")
        if evaluation.scope:
            st.caption(md_escape(evaluation.scope))


def _render_transcript(session: InterviewSession) -> None:
    show_feedback = session.mode == "practice"
    spoken = interviews.deliveries(session.id)
    for turn in session.turns:
        _render_question(turn)
        if turn.answer is not None:
            with st.chat_message("user", avatar=":material/account_circle:"):
                st.markdown(md_escape(turn.answer))  # the candidate's words, shown exactly as written
                if turn.index in spoken:
                    st.caption(delivery_summary(spoken[turn.index]))
        if turn.evaluation is not None and show_feedback:
            _render_feedback(turn)


def _render_report(report: Report, session: InterviewSession) -> None:
    st.header("Interview report", anchor=False)
    engine = "LLM" if report.engine == "llm" else "offline coach"
    overall = f"{report.overall:.1f} / 5" if report.overall is not None else "n/a"
    cols = st.columns(3)
    cols[0].metric("Overall", overall)
    cols[1].metric("Questions answered", f"{report.answered_questions} of {report.planned_questions}")
    cols[2].metric("Scored by", engine.capitalize() if engine != "LLM" else engine)
    if report.fallback:
        st.info("Part of this report comes from the offline coach because the LLM did not answer every request.")
    if report.scope:
        st.caption(md_escape(report.scope))
    if report.narrative:
        st.markdown(md_escape(report.narrative))

    if report.competencies:
        st.subheader("Scores per competency", anchor=False)
        frame = pd.DataFrame([{"Competency": c.name, "Score": round(c.score, 2), "Answers": c.answers}
                              for c in report.competencies])
        chart = (
            alt.Chart(frame)
            .mark_bar(color="#2b5cab")
            .encode(
                x=alt.X("Score:Q", scale=alt.Scale(domain=[0, 5]), title="Score (1-5)",
                        axis=alt.Axis(values=[0, 1, 2, 3, 4, 5], format="d")),
                y=alt.Y("Competency:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
                tooltip=["Competency", "Score", "Answers"],
            )
        )
        # The height is given to Streamlit in pixels (axis and title included): a height set only on the Altair
        # chart is squeezed by Streamlit's "fit" autosizing until the bars disappear.
        st.altair_chart(chart, width="stretch", height=70 + 40 * len(frame))

    strengths_col, gaps_col = st.columns(2)
    with strengths_col:
        st.subheader("Strengths", anchor=False)
        st.markdown(md_list(report.strengths) or "No clear strengths yet: answer more questions.")
    with gaps_col:
        st.subheader("Gaps", anchor=False)
        st.markdown(md_list(report.gaps) or "No major gaps found.")
    if report.next_steps:
        st.subheader("Next steps", anchor=False)
        st.markdown(md_list(report.next_steps, numbered=True))

    st.subheader("Question by question", anchor=False)
    for q in report.questions:
        score = f"{q.score:.0f}/5" if q.score is not None else "not answered"
        with st.expander(f"Q{q.index + 1} · {names.get(q.competency, q.competency)} · {score}"):
            st.markdown(f"**{md_escape(q.question)}**")
            if q.improvements:
                st.markdown("**To improve**\n\n" + md_list(q.improvements))
            if q.strong_answer_outline:
                st.markdown("**Outline of a strong answer** (from the knowledge base; use only what you did)"
                            + "\n\n" + md_list(q.strong_answer_outline))
            if q.sources:
                st.caption("Sources: " + "; ".join(q.sources))

    markdown = to_markdown(report)
    stem = f"interview-report-{session.created_at:%Y%m%d-%H%M}"
    with st.container(horizontal=True, gap="small"):
        st.download_button("Download Markdown", markdown, file_name=f"{stem}.md", mime="text/markdown",
                           key="report_md", on_click="ignore", icon=":material/download:")
        with user_errors("Could not build the PDF: "):
            st.download_button("Download PDF", markdown_pdf_bytes(markdown, title="Interview report"),
                               file_name=f"{stem}.pdf", mime="application/pdf", key="report_pdf",
                               on_click="ignore", icon=":material/download:")
        start_again = st.button("Start a new interview", key="interview_new", icon=":material/restart_alt:")
    if start_again:
        for key in ("interview", "interview_report"):
            st.session_state.pop(key, None)
        st.rerun()


# --- set-up ---------------------------------------------------------------------------------------------------


def _setup(svc: Services) -> None:
    st.write(
        "One question at a time, like a real director loop. Answer as you would in the room: the situation, "
        "what **you** decided and did, and the measurable outcome."
    )
    with st.form("interview_setup"):
        left, right = st.columns(2)
        focus = left.selectbox("Focus", list(FOCUS_LABELS), format_func=FOCUS_LABELS.__getitem__, key="iv_focus")
        length = left.slider("Number of questions", 2, 10, 5, key="iv_length")
        mode = right.radio("Mode", list(MODE_LABELS), format_func=MODE_LABELS.__getitem__, key="iv_mode")
        has_page_resume = st.session_state.get("resume") is not None
        sources = ["none", "upload"] + (["resume_page"] if has_page_resume else [])
        source_labels = {"none": "No resume", "upload": "Upload a PDF", "resume_page": "Use the resume from "
                         "the Resume page"}
        resume_source = right.radio("Resume (optional: the interviewer will probe its claims)", sources,
                                    format_func=source_labels.__getitem__, key="iv_resume_source",
                                    index=len(sources) - 1 if has_page_resume else 0)
        upload = st.file_uploader("Resume PDF", type=["pdf"], max_upload_size=svc.settings.max_upload_mb,
                                  key="iv_resume_upload")
        jd = st.text_area("Job description (optional)", height=140, key="iv_jd",
                          placeholder="Paste the job description to weight the questions toward it.")
        start = st.form_submit_button("Start the interview", type="primary")

    if not start:
        return
    with user_errors():
        resume = None
        if resume_source == "resume_page":
            resume = st.session_state.get("resume")
        elif resume_source == "upload":
            if upload is None:
                raise CoachError("Choose a PDF to upload, or pick 'No resume'.")
            with st.spinner("Reading your resume..."):
                resume = svc.read_resume_pdf(upload.getvalue()).resume
        check_document(jd, svc.settings, what="job description")
        engine = _fresh_engine()
        session = _run_turn(lambda on_chunk: engine.start(
            focus, length, mode, resume=resume, jd=jd.strip() or None, on_question_chunk=on_chunk))
        st.session_state.interview = session
        st.session_state.pop("interview_report", None)
        st.rerun()


# --- answers: saved only when the database says so ------------------------------------------------------------

def _forget_interview() -> None:
    for key in ("interview", "interview_report", "unsaved_answer", "interview_gone"):
        st.session_state.pop(key, None)


def _stored_answer(session_id: str, turn_index: int) -> tuple[InterviewSession | None, bool | None]:
    """Read the session back: (stored session, whether turn `turn_index` has an answer). (None, None) when the
    database cannot be read; `SessionMissing` when the session is gone."""
    try:
        stored = interviews.get_session(session_id, user_id=user)
    except SessionMissing:
        raise
    except CoachError:
        return None, None
    turn = next((t for t in stored.turns if t.index == turn_index), None)
    return stored, turn is not None and turn.answer is not None


def _submit(session: InterviewSession, text: str, spoken: SpokenAnswer | None = None) -> None:
    """Send an answer. "Saved" is said only after the database confirms it (read back after any failure);
    otherwise the text stays on the page with what went wrong and a retry."""
    engine = _engine()
    pending = engine.current_question(session)
    if pending is None:
        return
    try:
        result = _run_turn(lambda on_chunk: engine.submit_answer(session, text, on_question_chunk=on_chunk))
    except CoachError as exc:
        try:
            stored, saved = _stored_answer(session.id, pending.index)
        except SessionMissing as gone:
            st.session_state.interview_gone = gone.message
            st.session_state.unsaved_answer = {"text": text, "why": "The interview was deleted, so your answer "
                                               "was not saved."}
            st.rerun()
        if saved:
            if spoken is not None:
                save_delivery(svc, session, pending, spoken)
            # Stored, but the scoring or the next question failed: show what the database holds (no feedback
            # that was never stored) and offer to finish the turn.
            st.session_state.interview = stored
            st.session_state.pop("unsaved_answer", None)
            st.session_state.interview_notice = f"{exc.message} Your answer is saved; score it again below."
        else:
            why = exc.message if saved is False else (
                f"{exc.message} The database could not be read to confirm what was stored, so treat the answer "
                "as not saved.")
            st.session_state.unsaved_answer = {"text": text, "why": why}
        st.rerun()
    st.session_state.pop("unsaved_answer", None)
    if spoken is not None:
        save_delivery(svc, session, pending, spoken)
    if result.finished:
        with st.spinner("Writing your report..."), user_errors("Could not build the report: "):
            st.session_state.interview_report = engine.finish(session)
    st.rerun()


def _render_unsaved(session: InterviewSession | None) -> None:
    """The answer that did not reach the database, kept editable, with a retry while the interview exists."""
    unsaved = st.session_state.get("unsaved_answer")
    if not unsaved:
        return
    st.error(f"**Your answer was not saved.** {md_escape(unsaved['why'])}")
    kept = st.text_area("Your answer (kept here so nothing you typed is lost; copy it or edit and retry)",
                        unsaved["text"], height=200, key="unsaved_answer_text")
    if session is None:
        return
    if st.button("Retry saving this answer", type="primary", key="unsaved_retry", icon=":material/refresh:"):
        try:
            fresh = _engine().resume(session.id)  # the database's view; a stored-but-unscored answer is scored
        except SessionMissing as gone:
            st.session_state.interview_gone = gone.message
            st.rerun()
        except CoachError as exc:
            st.session_state.unsaved_answer = {"text": kept, "why": f"{exc.message} (still not saved)"}
            st.rerun()
        st.session_state.interview = fresh
        _submit(fresh, kept)


# --- page ---------------------------------------------------------------------------------------------------------

st.title("Mock interview")
engine_badge(svc)

if reopen := st.session_state.pop("open_session_id", None):
    with user_errors("Could not open that session: "):
        _forget_interview()
        st.session_state.interview = _engine().resume(reopen)

if practice := st.session_state.pop("practice_plan", None):  # "Start today's practice" on the Practice plan page
    with user_errors("Could not start today's practice: "):
        st.session_state.interview = _run_turn(lambda on_chunk: _fresh_engine().start(
            "mixed", len(practice.questions), "practice", plan=practice, on_question_chunk=on_chunk))
        st.session_state.pop("interview_report", None)

session: InterviewSession | None = st.session_state.get("interview")

if session is not None and session.user_id != user:  # another account signed in in this browser
    st.session_state.pop("interview", None)
    session = None

if session is not None and "interview_gone" not in st.session_state:
    try:
        if not interviews.session_exists(session.id, user_id=user):
            st.session_state.interview_gone = SessionMissing(session.id).message
    except CoachError as exc:  # cannot check now: say so, keep the page usable
        st.warning(f"Could not check the saved interview: {md_escape(exc.message)}")

if gone := st.session_state.get("interview_gone"):
    st.warning(md_escape(gone))
    # An answer sent in the same moment (the page stops before its box) is kept, not silently dropped.
    if (typed := st.session_state.get("interview_answer")) and not st.session_state.get("unsaved_answer"):
        st.session_state.unsaved_answer = {"text": typed, "why": "The interview was deleted, so your answer was "
                                           "not saved."}
    _render_unsaved(None)
    if st.button("Start a new interview", type="primary", key="interview_gone_new", icon=":material/restart_alt:"):
        _forget_interview()
        st.rerun()
    st.stop()

if session is None:
    _setup(svc)
    st.stop()

meta = (f"{FOCUS_LABELS.get(session.focus, session.focus)} · {session.length} questions · "
        f"{MODE_LABELS[session.mode].split(':')[0]} mode")
st.caption(meta)
_render_transcript(session)
_budget_notice()

report = st.session_state.get("interview_report")
if report is None and session.status == "finished":
    with user_errors("Could not build the report: "):
        report = st.session_state.interview_report = _engine().report(session)

if report is not None:
    _render_report(report, session)
    st.stop()

engine = _engine()
if notice := st.session_state.pop("interview_notice", None):
    st.warning(md_escape(notice))
waiting = session.pending_turn
if waiting is not None and waiting.answered:
    # An answer is stored but its scoring did not finish (an error, or a crash): finish that turn first.
    st.info("Your last answer is saved but has not been scored yet.")
    if st.button("Score my answer and continue", type="primary", key="interview_rescore", icon=":material/refresh:"):
        with st.spinner("Scoring your answer..."), user_errors("Still could not score it: "):
            st.session_state.interview = engine.resume(session.id)
            st.rerun()
    st.stop()

pending = engine.current_question(session)
if pending is None:
    with st.spinner("Writing your report..."), user_errors("Could not build the report: "):
        st.session_state.interview_report = engine.finish(session)
        st.rerun()
    st.stop()

answered = session.answered_questions
st.progress(answered / max(session.length, 1), text=f"{answered} of {session.length} questions answered")
if st.button("End the interview now and see the report", key="interview_end"):
    with st.spinner("Writing your report..."), user_errors("Could not build the report: "):
        st.session_state.interview_report = engine.finish(session)
        st.rerun()

_render_unsaved(session)

spoken = voice_answer_box(svc, session, pending)
# No `max_chars` on the box: the browser would silently cut a long paste and score the stub. The whole text comes
# in and the shared limit (assistant.limits, as in the CLI) refuses it with the reason, keeping it on the page.
answer = st.chat_input(f"Your answer (up to {svc.settings.max_answer_chars:,} characters)", key="interview_answer")
if spoken is not None:
    answer = spoken.text
if answer:
    with st.chat_message("user", avatar=":material/account_circle:"):
        st.markdown(md_escape(answer))
    _submit(session, answer, spoken)
