"""Settings and status: the doctor checks and the effective configuration. The API key is never shown."""

from __future__ import annotations

import streamlit as st

from app_pages._shared import current_settings
from assistant.doctor import run_checks

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

st.subheader("Effective configuration", anchor=False)
key_state = "set (hidden)" if settings.openai_api_key else "not set"
rows = {
    "LLM provider": settings.llm_provider.value,
    "OPENAI_API_KEY": key_state,
    "OpenAI-compatible base URL": settings.openai_base_url or "api.openai.com (default)",
    "Chat model": settings.chat_model,
    "Request timeout": f"{settings.llm_timeout_s:g} s",
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
