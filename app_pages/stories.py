"""Story bank: your strong answers as STAR+Reflection stories, the coverage map, and resume bullets from a story."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages._shared import engine_badge, md_escape, services_or_stop, user_errors
from assistant.stories.bank import StoryBank
from assistant.stories.bullets import propose_bullets
from assistant.stories.models import STORY_FIELDS

st.title("Story bank")
svc = services_or_stop()
engine_badge(svc)
st.write(
    "Answers that scored 4 or more in an interview become stories here; you can also save any answer yourself. "
    "Every part of a story is a quote of what you said, so your resume bullets never claim more than you did."
)
names = {c.id: c.name for c in svc.knowledge.rubric.competencies}
bank = StoryBank.from_services(svc, llm=svc.new_llm_client())

stories = []
with user_errors("Could not read your stories: "):
    created = bank.harvest_session()
    if created:
        st.toast(f"{len(created)} new story(ies) from your strong interview answers.")
    stories = bank.list_stories()

st.subheader("Coverage", anchor=False)
with user_errors():
    coverage = bank.coverage()
    st.dataframe(pd.DataFrame([
        {"Competency": row.name, "Stories": len(row.stories),
         "Titles": "; ".join(row.titles[:3]) if row.stories else "No story yet: prepare one"}
        for row in coverage
    ]), hide_index=True, width="stretch")

with st.expander("Save an answer as a story", expanded=not stories), st.form("story_add"):
    question = st.text_input("Question", key="story_q")
    # No `max_chars`: a browser cuts a long paste there silently; the bank refuses it with the limit instead.
    answer = st.text_area("Your answer", height=160, key="story_a",
                          help=f"Up to {svc.settings.max_answer_chars:,} characters, the interview's limit.")
    competency = st.selectbox("Competency", ["(infer from the question)", *names],
                              format_func=lambda c: names.get(c, c), key="story_c")
    if st.form_submit_button("Save as a story", type="primary"):
        with user_errors("Not saved: "):
            story = bank.add_answer(question, answer,
                                    competency=None if competency not in names else competency)
            st.success(f"Saved \u201c{md_escape(story.title)}\u201d.")
            st.rerun()

if not stories:
    st.info("No stories yet. Run a mock interview: answers that score 4+ are kept here automatically.")
    st.stop()

st.subheader("Your stories", anchor=False)
labels = {s.id: f"{s.title} · {s.score or '-'}/5 · {', '.join(names.get(c, c) for c in s.competencies[:2])}"
          for s in stories}
chosen_id = st.selectbox("Story", list(labels), format_func=labels.__getitem__, key="story_pick")
story = next(s for s in stories if s.id == chosen_id)

st.markdown(f"**Question:** {md_escape(story.question)}")
origin = (f"from an interview answer (session {story.session_id[:8]}, turn {story.turn_index})"
          if story.session_id else "saved by you")
st.caption(f"Score {story.score or '-'}/5 · {origin} · extracted by the {story.engine} coach")
for name in STORY_FIELDS:
    quote = story.field(name)
    st.markdown(f"**{name.capitalize()}:** " + (f"\u201c{md_escape(quote.text)}\u201d" if quote
                                                 else "_not in your answer: add it next time you tell it_"))

with st.expander("Edit this story"):
    with st.form("story_edit"):
        title = st.text_input("Title", story.title, key=f"edit_title_{story.id}")
        tags = st.multiselect("Competencies", list(names), default=story.competencies,
                              format_func=names.__getitem__, key=f"edit_tags_{story.id}")
        values = {name: st.text_area(f"{name.capitalize()} (a quote of your answer)",
                                     (q.text if (q := story.field(name)) else ""), height=70,
                                     key=f"edit_{name}_{story.id}") for name in STORY_FIELDS}
        if st.form_submit_button("Save changes"):
            with user_errors("Not saved: "):
                bank.edit(story.id, title=title, competencies=tags, fields=values)
                st.success("Saved.")
                st.rerun()
    with st.popover("Delete this story"):
        if st.button("Delete", key=f"story_delete_{story.id}", type="primary"):
            with user_errors():
                bank.delete(story.id)
                st.rerun()

st.subheader("Resume bullets from this story", anchor=False)
bullets = bank.repo.bullets(story.id)
if st.button("Propose bullets", key="story_bullets"):
    with st.spinner("Writing bullets..."), user_errors("Could not propose bullets: "):
        bullets = bank.repo.replace_bullets(
            story.id, propose_bullets(story, svc.knowledge, llm=bank.llm))
for bullet in bullets:
    with st.container(border=True):
        st.markdown(md_escape(bullet.text))
        st.caption("From: " + " · ".join(f"\u201c{q.text}\u201d" for q in bullet.provenance))
        for finding in bullet.findings:
            st.warning(f"Not in your story ({finding.kind}): {md_escape(finding.token)}")
        if bullet.accepted:
            st.success("Accepted: `assistant tailor --stories` adds it to your resume.")
        elif not bullet.findings and st.button("Accept", key=f"accept_{bullet.id}"):
            with user_errors():
                bank.repo.set_accepted(bullet.id, True)
                st.rerun()
