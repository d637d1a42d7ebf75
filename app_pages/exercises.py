"""Director exercises: a written 90-day plan or roadmap memo reviewed on the role's rubric, and role-plays."""

from __future__ import annotations

import streamlit as st

from app_pages._shared import engine_badge, md_escape, services_or_stop, user_errors
from assistant.errors import CoachError
from assistant.exercises.review import ExerciseReview, review_text
from assistant.exercises.roleplay import MAX_REPLY_CHARS, NO_REVIEW, RolePlay
from assistant.exercises.store import ExerciseRepository

st.title("Director exercises")
svc = services_or_stop()
engine_badge(svc)
bank = svc.knowledge.exercises
if bank is None:
    st.info("This role has no exercises (add an exercises.yaml to its knowledge folder).")
    st.stop()


def _render_review(review: ExerciseReview) -> None:
    st.metric("Overall (1-5)", f"{review.overall:.1f}")
    for score in review.scores:
        with st.container(border=True):
            st.markdown(f"**{score.name}: {score.score} / 5** · {md_escape(score.verdict)}")
            for quote in score.quotes:
                st.markdown(f"> {md_escape(quote)}")
            for missing in score.missing[:2]:
                st.caption(f"To add: {missing}")


written, roleplay = st.tabs(["Written exercise", "Stakeholder role-play"])

with written:
    titles = {e.id: e.title for e in bank.exercises}
    chosen = st.selectbox("Exercise", list(titles), format_func=titles.__getitem__, key="ex_pick")
    exercise = next(e for e in bank.exercises if e.id == chosen)
    st.write(exercise.prompt)
    text = st.text_area("Your plan or memo", height=320, key="ex_text")
    if st.button("Review my memo", type="primary", key="ex_review"):
        with st.spinner("Reviewing..."), user_errors():
            review = review_text(text, [bank.criterion(c) for c in exercise.criteria], svc.embedder,
                                 exercise=exercise.id)
            ExerciseRepository(svc.db).save("memo", exercise.id, review, text=text)
            st.session_state.ex_review_result = review
    if (review := st.session_state.get("ex_review_result")) is not None:
        _render_review(review)

with roleplay:
    people = {p.id: f"{p.name}, {p.title}" for p in bank.personas}
    pick = st.selectbox("Who do you meet?", list(people), format_func=people.__getitem__, key="rp_pick")
    persona = next(p for p in bank.personas if p.id == pick)
    st.caption(persona.brief)
    play: RolePlay | None = st.session_state.get("rp_play")
    if play is None or play.persona.id != pick:
        if st.button("Start the role-play", type="primary", key="rp_start"):
            play = RolePlay(bank, persona, svc.embedder, llm=svc.new_llm_client(),
                            retrieve=lambda q: svc.store.search(q, k=3))
            with user_errors():
                play.opening()
            st.session_state.rp_play = play
            st.session_state.pop("rp_unsent_reply", None)
            st.rerun()
        st.stop()
    for turn in play.transcript:
        who = "assistant" if turn.speaker == "persona" else "user"
        with st.chat_message(who, avatar=":material/person:" if who == "assistant" else ":material/account_circle:"):
            st.markdown(md_escape(turn.text))
    if play.finished:
        result = play.result()
        if result.review is not None:
            st.subheader("How you did", anchor=False)
            _render_review(result.review)
            if not st.session_state.get("rp_saved"):
                with user_errors():
                    ExerciseRepository(svc.db).save("roleplay", persona.id, result)
                st.session_state.rp_saved = True
        else:
            st.info(NO_REVIEW)
        if st.button("Start again", key="rp_again"):
            for key in ("rp_play", "rp_saved", "rp_unsent_reply"):
                st.session_state.pop(key, None)
            st.rerun()
    else:
        # A refused reply survives the rerun: its reason and the text, to shorten or copy.
        if unsent := st.session_state.get("rp_unsent_reply"):
            st.error(f"**Your reply was not sent.** {md_escape(unsent['why'])}")
            st.text_area("Your reply (kept here so nothing you typed is lost)", unsent["text"], height=160,
                         key="rp_unsent")
        if reply := st.chat_input(f"Your reply to {persona.name} (up to {MAX_REPLY_CHARS:,} characters)",
                                  key="rp_reply"):
            try:
                play.reply(reply)
                st.session_state.pop("rp_unsent_reply", None)
            except CoachError as exc:
                st.session_state.rp_unsent_reply = {"text": reply, "why": exc.message}
                st.session_state.pop("rp_unsent", None)  # show the new text, not the previous one
            st.rerun()
