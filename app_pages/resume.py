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
from assistant.resume.tailor import tailor_resume
from assistant.services import RESUME_FORMATS, resume_file_bytes

svc = services_or_stop()

st.title("Resume review and tailoring")
engine_badge(svc)
st.write(
    "See how your resume reads for a Director of ML Engineering role, then tailor it toward the director "
    "template. Nothing is invented: every change points to your own lines, and anything the source does not "
    "support is flagged for you to decide."
)


def _forget_results() -> None:
    for key in ("resume", "resume_review", "resume_tailored"):
        st.session_state.pop(key, None)


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
    with st.status("Reviewing your resume...", expanded=False) as status, user_errors():
        if upload is not None:
            status.update(label="Extracting text from the PDF...")
            intake = svc.read_resume_pdf(upload.getvalue())
        else:
            intake = svc.read_resume_text(pasted)
        status.update(label="Checking it against the role...")
        st.session_state.resume_review = svc.review_resume(intake, jd.strip() or None)
        st.session_state.resume = intake.resume  # also offered to the Mock interview page
        status.update(label="Review ready", state="complete")

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

cols = st.columns(4)
cols[0].metric("Fit for the role", f"{review.fit.score} / 100")
cols[1].metric("Level", f"{review.fit.level} / 5")
years = review.years_experience
cols[2].metric("Years of experience", f"{years:g}" if years is not None else "unknown")
cols[3].metric("Quantified bullets", f"{review.bullets.quantified} of {review.bullets.total}")
# The explanation is "Fit N/100 for ... 1. ... 2. ...": show the numbered advice as a list, not one paragraph.
head, *steps = re.split(r"\s(?=\d+\.\s)", review.fit.explanation)
st.markdown(md_escape(head))
if steps:
    st.markdown(md_list((re.sub(r"^\d+\.\s", "", s) for s in steps), numbered=True))

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

with st.expander(f"Bullet-by-bullet feedback ({len(review.bullet_feedback)} bullets)"):
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
        st.session_state.resume_tailored = tailor_resume(
            resume, svc.knowledge, job_description=jd.strip() or None,
            client=svc.new_llm_client(), prompts=svc.prompts)

tailored: Any = st.session_state.get("resume_tailored")
if tailored is None:
    st.stop()
if tailored.fallback_reason:
    st.info(tailored.fallback_reason)

def _lines(text: str) -> str:
    """One line stays a paragraph; several lines (a reordered list of bullets) become a list, not one blob."""
    lines = [line for line in text.splitlines() if line.strip()]
    return md_list(lines) if len(lines) > 1 else md_escape(text)


KIND_LABELS = {"question": "Question for you", "summary": "Executive summary"}
accepted: list[str] = []
edits = [c for c in tailored.changes if c.kind != "question"]
questions = [c for c in tailored.changes if c.kind == "question"]
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

if questions:
    st.subheader("Questions to strengthen weak bullets", anchor=False)
    st.caption("The coach asks rather than invents: answer these and add the facts yourself.")
    for q in questions:
        st.markdown(f"- **L{q.source_lines[0] if q.source_lines else '?'}**: {md_escape(q.before)}  \n"
                    f"  {md_escape(q.after)}")

final = tailored.apply(accepted)
st.subheader("Download", anchor=False)
st.caption(f"{len(accepted)} of {len(edits)} changes accepted.")
labels = {"md": "Markdown", "docx": "Word (DOCX)", "pdf": "PDF"}
for column, fmt in zip(st.columns(3), RESUME_FORMATS, strict=True):
    with column, user_errors(f"Could not export {labels[fmt]}: "):
        column.download_button(f"Download {labels[fmt]}", resume_file_bytes(final, fmt),
                               file_name=f"tailored-resume.{fmt}", mime=RESUME_FORMATS[fmt],
                               key=f"resume_download_{fmt}", on_click="ignore")
