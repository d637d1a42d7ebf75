"""Resume: upload or paste, review against the role, tailor toward the director template, download.

The parsed resume and its review live only in this browser session (`st.session_state`); nothing is stored on
disk until the user downloads a file. Resume text is untrusted: it is always shown escaped.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import streamlit as st

from app_pages._shared import engine_badge, md_escape, md_list, services_or_stop, user_errors
from assistant.errors import CoachError
from assistant.limits import check_document
from assistant.resume.confirm import ConfirmedRole, roles_as_read
from assistant.services import RESUME_FORMATS, resume_file_bytes, with_confirmed_roles

svc = services_or_stop()

st.title("Resume review and tailoring")
engine_badge(svc)
st.write(
    "See how your resume reads for a Director of ML Engineering role, then tailor it toward the director "
    "template. Nothing is invented: every change points to your own lines, and anything the source does not "
    "support is flagged for you to decide."
)


def _forget_results() -> None:
    for key in ("resume", "resume_intake", "resume_review", "resume_tailored"):
        st.session_state.pop(key, None)
    # A new reading gets fresh work-history boxes (their keys carry this number), not the last file's edits.
    st.session_state.resume_reading = st.session_state.get("resume_reading", 0) + 1


# --- input --------------------------------------------------------------------------------------------------------

upload_tab, paste_tab = st.tabs(["Upload a PDF", "Paste text"])
with upload_tab:
    upload = st.file_uploader(
        f"Resume PDF (up to {svc.settings.max_upload_mb} MB)", type=["pdf"],
        max_upload_size=svc.settings.max_upload_mb, key="resume_upload", on_change=_forget_results,
    )
with paste_tab:
    pasted = st.text_area("Resume text", height=200, key="resume_paste",
                          placeholder="Paste the plain text of your resume.")
jd = st.text_area("Job description (optional)", height=120, key="resume_jd",
                  placeholder="Paste a job description to check its keywords too.")

if st.button("Review my resume", type="primary", key="resume_review_button"):
    _forget_results()
    if upload is None and not pasted.strip():
        st.warning("Upload a PDF or paste your resume text first.")
        st.stop()
    failure: CoachError | None = None
    with st.status("Reviewing your resume...", expanded=False) as status:
        try:
            check_document(jd, svc.settings, what="job description")
            if upload is not None:
                status.update(label="Extracting text from the PDF...")
                intake = svc.read_resume_pdf(upload.getvalue())
            else:
                intake = svc.read_resume_text(pasted)
            status.update(label="Checking it against the role...")
            st.session_state.resume_review = svc.review_resume(intake, jd.strip() or None)
            st.session_state.resume_intake = intake
            st.session_state.resume = intake.resume  # also offered to the Mock interview page
        except CoachError as exc:
            # The box shows the failure (not a tick on "Extracting text..."); the message sits outside it.
            failure = exc
            status.update(label="Could not review this resume", state="error", expanded=False)
        else:
            status.update(label="Review ready", state="complete")
    if failure is not None:
        st.error(md_escape(failure.message))
        st.stop()

review: Any = st.session_state.get("resume_review")
resume: Any = st.session_state.get("resume")
if review is None or resume is None:
    st.stop()


# --- review ---------------------------------------------------------------------------------------------------------

st.header("Review", anchor=False)
if review.injection.detected:
    st.error(
        "This resume contains hidden or instruction-like text aimed at automated screeners. It was left out of "
        "the analysis and does not change the score, but many employers treat it as a red flag: remove it.\n\n"
        + md_list(review.injection.evidence[:5])
    )
for warning in review.warnings:
    st.warning(md_escape(warning))

if review.fallback:
    st.warning("The LLM was unavailable; this is the offline coach's review. The fit score is computed the same "
               "way with or without an LLM.")
llm_feedback = review.llm_feedback
if review.engine == "llm" and llm_feedback is not None:
    model = f" ({md_escape(llm_feedback.model)})" if llm_feedback.model else ""
    st.caption(f"Review engine: **LLM**{model} wrote the feedback notes; the score and the checks are the offline "
               "coach's, so they are the same with or without a model.")
else:
    st.caption("Review engine: **Offline coach**. Every number and note comes from explainable rules.")

if review.parse is not None and review.parse.message:
    # Honest about the reader's limits: never a punishing score for experience the parser missed.
    st.warning(review.parse.message)
if review.parse is not None and review.parse.confirmed:
    st.success("Scored on the work history you confirmed (see \"Work history as read\" below).")
cols = st.columns(4)
if review.fit.score is None:
    cols[0].metric("Fit for the role", "no score", help=review.fit.reason)
    cols[1].metric("Level", "-")
else:
    cols[0].metric("Fit for the role", f"{review.fit.score} / 100" + (" (provisional)" if review.fit.provisional else ""))
    cols[1].metric("Level", f"{review.fit.level} / 5")
years = review.years_experience
cols[2].metric("Years of experience", f"{years:g}" if years is not None else "unknown")
cols[3].metric("Quantified bullets", f"{review.bullets.quantified} of {review.bullets.total}")
# The explanation is "Fit N/100 for ... 1. ... 2. ...": show the numbered advice as a list, not one paragraph.
head, *steps = re.split(r"\s(?=\d+\.\s)", review.fit.explanation)
st.markdown(md_escape(head))
if steps:
    st.markdown(md_list((re.sub(r"^\d+\.\s", "", s) for s in steps), numbered=True))


# --- work history as read: the candidate can correct what the reader got wrong --------------------------------------

BLANK_ROWS = 2


def _work_history_form(reading: int) -> list[ConfirmedRole] | None:
    """The roles as read, one row of boxes each, plus blank rows to add one; the rows on submit, else None."""
    rows = roles_as_read(resume) + [ConfirmedRole() for _ in range(BLANK_ROWS + (0 if resume.experience else 1))]
    confirmed: list[ConfirmedRole] = []
    with st.form(f"work_history_{reading}", border=False):
        widths = [3, 3, 1.4, 1.4, 0.9]
        for column, label in zip(st.columns(widths), ("Title", "Employer", "From", "To", "Remove"), strict=True):
            column.markdown(f"**{label}**")
        for i, role in enumerate(rows):
            cells = st.columns(widths, vertical_alignment="center")
            key = f"role_{reading}_{i}"
            values = [cells[n].text_input(label, value, key=f"{key}_{field}", label_visibility="collapsed",
                                          placeholder=placeholder if role.source is None else "")
                      for n, (label, field, value, placeholder) in enumerate((
                          ("Title", "title", role.title, "Add a role: title"),
                          ("Employer", "company", role.company, "employer"),
                          ("From", "start", role.start, "03/2019"),
                          ("To", "end", role.end, "empty = now")))]
            removed = cells[4].checkbox("Remove", key=f"{key}_remove", label_visibility="collapsed",
                                        disabled=role.source is None)
            if not removed:
                confirmed.append(ConfirmedRole(title=values[0], company=values[1], start=values[2], end=values[3],
                                               source=role.source))
        submitted = st.form_submit_button("Re-score with this work history", key=f"work_history_submit_{reading}")
    return confirmed if submitted else None


parse = review.parse
unsure = parse is not None and parse.confidence == "low"
with st.expander("Work history as read" + (" · please check it" if unsure else ""), expanded=unsure):
    st.caption("The roles the reader found in your resume. If any is wrong, correct it here and re-score: the "
               "fit and the advice then rest on your history, not on the reader's guess. Dates as 2019, 03/2019 "
               "or Mar 2019; leave To empty for your current role. Your resume's text and bullets stay as they are.")
    if parse is not None and parse.set_aside:
        st.caption("Not counted as roles (add one back below if it was a job): " + "; ".join(
            f"{md_escape(item.entry)} — {md_escape(item.reason)}" for item in parse.set_aside))
    reading = int(st.session_state.get("resume_reading", 0))
    corrected = _work_history_form(reading)
    read: Any = st.session_state.get("resume_intake")
    if corrected is not None and read is None:  # a session from before this form existed holds no intake
        st.warning("Review your resume again to correct its roles.")
    elif corrected is not None:
        try:
            intake = with_confirmed_roles(read, corrected)
            st.session_state.resume_review = svc.review_resume(intake, jd.strip() or None)
        except CoachError as exc:
            st.error(md_escape(exc.message))
        else:
            st.session_state.resume_intake = intake
            st.session_state.resume = intake.resume
            st.session_state.pop("resume_tailored", None)
            st.session_state.resume_reading = reading + 1  # the boxes start again from the confirmed roles
            st.rerun()

if llm_feedback is not None and (llm_feedback.overall or llm_feedback.sections):
    with st.container(border=True):
        st.subheader("Coach's notes from the LLM", anchor=False)
        if llm_feedback.overall:
            st.markdown(md_escape(llm_feedback.overall))
        if llm_feedback.sections:
            st.markdown("\n".join(f"- **{md_escape(n.section.capitalize())}**: {md_escape(n.feedback)}"
                                   for n in llm_feedback.sections))

if review.fit_components:
    with st.expander("How the fit score is built"):
        st.dataframe(
            pd.DataFrame([{"Part": c.name, "Points": f"{c.earned:g} of {c.weight}", "Why": c.detail}
                          for c in review.fit_components]),
            hide_index=True, width="stretch")

with st.expander("Keywords", expanded=True):
    kw = review.keywords
    rows = [{"Keyword": k, "Status": "Present"} for k in kw.present]
    rows += [{"Keyword": k, "Status": "Missing"} for k in kw.missing]
    rows += [{"Keyword": k, "Status": "Claim only if true"} for k in kw.claim_only_if_true]
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", height=min(38 + 35 * len(rows), 320))
    if kw.from_job_description:
        st.caption("From the job description: " + md_escape(", ".join(kw.from_job_description)))

CONFIRM_LABEL = "only if true — confirm before using"


def _llm_bullet_note(note: Any) -> None:
    """The model's note on one line: its feedback, and a suggested rewrite that is labelled for what it is."""
    st.markdown(f"**LLM:** {md_escape(note.feedback)}")
    if not note.suggestion:
        return
    if note.needs_confirmation:
        missing = ", ".join(md_escape(f.token) for f in note.unsupported)
        st.markdown(f"**Suggestion ({CONFIRM_LABEL}):** {md_escape(note.suggestion)}")
        if missing:
            st.caption(f"Not stated in your resume: {missing}. Use the suggestion only if these are true.")
    else:
        st.markdown(f"**Suggestion:** {md_escape(note.suggestion)}")


llm_by_line: dict[int, list[Any]] = {}
for llm_note in llm_feedback.bullets if llm_feedback is not None else []:
    llm_by_line.setdefault(llm_note.line, []).append(llm_note)
offline_lines = {item.line for item in review.bullet_feedback}
with_llm = sum(1 for item in review.bullet_feedback if item.line in llm_by_line)
bullets_label = f"Bullet-by-bullet feedback ({len(review.bullet_feedback)} bullets"
bullets_label += f", {with_llm} with LLM notes)" if llm_feedback is not None else ")"
with st.expander(bullets_label, expanded=bool(with_llm)):
    for item in review.bullet_feedback:
        signals = [label for label, on in (("metric", item.has_metric), ("scope", item.has_scope),
                                            ("leadership", item.leadership_signal)) if on]
        st.markdown(f"**L{item.line}** {md_escape(item.text)}")
        note = "Has: " + ", ".join(signals) if signals else "No metric, scope or leadership signal"
        if item.weak_verb:
            note += f" · weak verb “{md_escape(item.weak_verb)}”"
        st.caption(note)
        if item.suggestions:
            st.markdown(md_list(item.suggestions))
        for llm_note in llm_by_line.get(item.line, []):
            _llm_bullet_note(llm_note)
    # The model may comment on lines that are not experience bullets (a summary line, a skills line).
    other_lines = [n for n in (llm_feedback.bullets if llm_feedback is not None else [])
                   if n.line not in offline_lines]
    if other_lines:
        st.markdown("**Other lines the LLM commented on**")
        for llm_note in other_lines:
            st.markdown(f"**L{llm_note.line}** {md_escape(llm_note.text)}")
            _llm_bullet_note(llm_note)

with st.expander("ATS and format checks", expanded=any(not c.passed for c in review.ats)):
    st.dataframe(pd.DataFrame([{"Check": c.name, "Result": "Pass" if c.passed else "Fix", "Detail": c.detail}
                               for c in review.ats]), hide_index=True, width="stretch")
    if review.issues:
        st.markdown(md_list(review.issues))


# --- tailoring ---------------------------------------------------------------------------------------------------

st.header("Tailor toward the director template", anchor=False)
st.caption("Each change shows your original line, the proposal, the source lines it comes from and anything the "
           "fabrication guard could not find in your resume. Changes with findings start unticked.")
if st.button("Propose changes", key="resume_tailor_button"):
    with st.spinner("Tailoring..."), user_errors():
        st.session_state.resume_tailored = svc.tailor_resume(resume, jd.strip() or None)

tailored: Any = st.session_state.get("resume_tailored")
if tailored is None:
    st.stop()
if tailored.fallback_reason:
    st.info(tailored.fallback_reason)

def _lines(text: str) -> str:
    """One line stays a paragraph; several lines (a reordered list of bullets) become a list, not one blob."""
    lines = [line for line in text.splitlines() if line.strip()]
    return md_list(lines) if len(lines) > 1 else md_escape(text)


def _job_of_line(line: int) -> str:
    """The role a resume line belongs to, named as the candidate wrote it ("Title · Company")."""
    for job in resume.experience:
        if any(b.number == line for b in job.bullets):
            return " · ".join(part for part in (job.title, job.company) if part) or "Experience"
    return "Other lines"


KIND_LABELS = {"summary": "Executive summary"}
accepted: list[str] = []
edits = [c for c in tailored.changes if c.kind != "question"]
for change in edits:
    with st.container(border=True):
        head, toggle = st.columns([5, 1])
        kind = KIND_LABELS.get(change.kind, change.kind.replace("_", " ").capitalize())
        head.markdown(f"**{kind}** · {md_escape(change.section)}")
        keep = toggle.checkbox("Accept", value=change.accepted, key=f"change::{change.id}")
        if keep:
            accepted.append(change.id)
        before, after = st.columns(2)
        before.caption("Before")
        before.markdown(_lines(change.before) or "_(nothing)_")
        after.caption("After")
        after.markdown(_lines(change.after))
        meta = []
        if change.source_lines:
            meta.append("Source: " + ", ".join(f"L{n}" for n in change.source_lines))
        if change.note:
            meta.append(md_escape(change.note))
        if meta:
            st.caption(" · ".join(meta))
        for finding in change.findings:
            st.warning(f"Not in your resume: **{md_escape(finding.token)}** ({finding.kind}). "
                       f"{md_escape(finding.message)}")

if tailored.questions_for_candidate:
    st.subheader("Questions for you", anchor=False)
    st.caption("The coach asks rather than invents: where a bullet lacks a number or a scope, answer these and "
               "add the facts yourself. Grouped by role.")
    by_job: dict[str, list[Any]] = {}
    for question in tailored.questions_for_candidate:
        by_job.setdefault(_job_of_line(question.source_line), []).append(question)
    for job_name, job_questions in by_job.items():
        count = sum(len(q.questions) for q in job_questions)
        bullets = f"{len(job_questions)} bullet{'s' if len(job_questions) != 1 else ''}"
        with st.expander(f"{md_escape(job_name)} · {bullets}, {count} question{'s' if count != 1 else ''}"):
            for question in job_questions:
                st.markdown(f"**L{question.source_line}** {md_escape(question.bullet)}")
                st.markdown(md_list(question.questions))

final = tailored.apply(accepted)
st.subheader("Download", anchor=False)
st.caption(f"{len(accepted)} of {len(edits)} changes accepted. The file holds your resume with exactly those "
           "changes.")
labels = {"md": "Markdown", "docx": "Word (DOCX)", "pdf": "PDF"}
with st.container(horizontal=True, gap="small"):
    for fmt in RESUME_FORMATS:
        with user_errors(f"Could not export {labels[fmt]}: "):
            st.download_button(f"Download {labels[fmt]}", resume_file_bytes(final, fmt),
                               file_name=f"tailored-resume.{fmt}", mime=RESUME_FORMATS[fmt],
                               key=f"resume_download_{fmt}", on_click="ignore", icon=":material/download:")
