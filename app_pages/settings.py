"""Settings and status: the doctor checks and the effective configuration. The API key is never shown."""

from __future__ import annotations

import streamlit as st

from app_pages._shared import current_settings, md_escape
from assistant.doctor import run_checks
from assistant.model_eval import latest_report, scores_trusted

st.title("Settings and status")
st.write("Each check below either passes or says how to fix it. Settings are read from `.env` and the environment.")

settings = current_settings()

if st.button("Run checks", type="primary") or "doctor_checks" not in st.session_state:
    with st.status("Running checks...", expanded=False) as box:
        st.session_state.doctor_checks = run_checks(settings)
        box.update(label="Checks finished", state="complete")

checks = st.session_state.doctor_checks
passed = sum(1 for c in checks if c.ok)
st.metric("Checks passing", f"{passed} of {len(checks)}")
LABELS = {
    "configuration": "Configuration", "llm": "LLM engine", "knowledge": "Role knowledge",
    "embeddings": "Embedding model", "chroma": "Vector store (Chroma)", "database": "Session database",
    "prompts": "Prompt files",
}
for check in checks:
    label = LABELS.get(check.name, check.name.capitalize())
    with st.container(border=True):
        state = "OK" if check.ok else "needs attention"
        st.markdown(f"**{label}**: {state}")
        st.caption(check.detail)
        if not check.ok and check.fix:
            st.warning(check.fix)

st.subheader("Model eval", anchor=False)
if not settings.llm_configured:
    st.caption("No LLM is configured, so there is nothing to evaluate: the offline coach scores every answer.")
else:
    report = latest_report(settings, settings.chat_model, settings.openai_base_url)
    if report is None:
        st.caption(
            f"`{md_escape(settings.chat_model)}` has not been evaluated yet. Run `make eval` (or `assistant eval`) "
            "to measure how its scores agree with the labelled answers before trusting them."
        )
    else:
        rho = report.evaluator.get("spearman_model")
        rejected = report.evaluator.get("rejected_share")
        st.markdown(
            f"Latest eval of **{md_escape(report.model or '')}** ({md_escape(report.finished_at)}, "
            f"{report.answers} labelled answers)"
        )
        cols = st.columns(4)
        cols[0].metric("Spearman vs labels", "n/a" if rho is None else f"{rho:.2f}")
        cols[1].metric("Verdicts rejected", "n/a" if rejected is None else f"{rejected:.0%}")
        p50 = report.latency_s.get("p50")
        cols[2].metric("Latency p50", "n/a" if p50 is None else f"{p50:.1f} s")
        cols[3].metric("Settled method", report.settled_method or "none")
        for warning in report.warnings:
            st.warning(md_escape(warning))
        if scores_trusted(settings, settings.chat_model, settings.openai_base_url):
            st.caption("The LLM evaluator scores answers (every verdict is sanity-checked before it is shown).")
        else:
            st.info("Scoring stays with the offline coach for this model. Set `LLM_SCORING=always` in `.env` to "
                    "opt in to the LLM's scores anyway.")

st.subheader("Effective configuration", anchor=False)
key_state = "set (hidden)" if settings.openai_api_key else "not set"
rows = {
    "LLM provider": settings.llm_provider.value,
    "OPENAI_API_KEY": key_state,
    "OpenAI-compatible base URL": settings.openai_base_url or "api.openai.com (default)",
    "Chat model": settings.chat_model,
    "Request timeout (connect/first token, total)": f"{settings.llm_connect_timeout_s:g} s, {settings.llm_timeout_s:g} s",
    "Who scores answers (LLM_SCORING)": settings.llm_scoring,
    "Token budget per session": f"{settings.session_token_budget:,}",
    "Embeddings": settings.embedding_backend.value,
    "Vector store": f"server {settings.chroma_host}:{settings.chroma_port}" if settings.chroma_host
    else "embedded (in the data folder)",
    "Data folder": str(settings.data_dir),
    "Serve address": f"{settings.serve_address} (shared: needs sign-in)" if settings.shared_mode
    else f"{settings.serve_address} (private to this machine)",
    "Largest upload": f"{settings.max_upload_mb} MB",
}
st.table([{"Setting": k, "Value": v} for k, v in rows.items()])
