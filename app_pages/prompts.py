"""Prompts: list the prompt files, edit one, validate, preview with sample inputs, save, reset, diff.

Saving goes through `PromptLibrary.save`, which validates first and writes atomically with a backup; a bad edit is
shown as an error and the file on disk is left untouched. Edits apply on the next turn without a restart.
"""

from __future__ import annotations

import streamlit as st

from app_pages._shared import md_escape, md_list, services_or_stop, user_errors
from assistant.errors import CoachError

st.title("Prompt files")
st.write(
    "Every prompt the coach sends to an LLM is a file in `prompts/`. Edit one here: it is validated before it "
    "is saved, the previous version is kept as a backup, and the change applies from the next question."
)

svc = services_or_stop()
library = svc.prompts
if not svc.uses_llm:
    st.info("The offline coach does not send prompts. Edits here take effect when an LLM is configured.")

names = library.names()
if not names:
    st.error(f"No prompt files found in `{md_escape(str(library.prompts_dir))}`. Check ASSISTANT_PROMPTS_DIR.")
    st.stop()
name = st.selectbox("Prompt file", names, key="prompt_name")


def _reset(button_key: str, label: str = "Reset to default") -> None:
    if st.button(label, key=button_key, type="primary" if button_key == "prompt_reset_broken" else "secondary"):
        with user_errors("Could not reset: "):
            library.reset(name)
            st.session_state.prompt_reload = name
            st.session_state.prompt_notice = f"Reset `{name}` to the shipped default; the previous file was kept " \
                                             "in prompts/.backups."
            st.rerun()


if notice := st.session_state.pop("prompt_notice", None):
    st.success(notice)

try:
    saved_text = library.read_text(name)
except CoachError as exc:
    # Unreadable (not UTF-8, a folder, over the size cap): nothing to edit, but the page works and can reset it.
    st.error("This prompt file cannot be used, so the coach words this step itself (offline) until it is fixed: "
             + md_escape(exc.message))
    _reset("prompt_reset_broken", "Reset to the shipped default")
    st.stop()

try:
    prompt = library.get(name)
except CoachError as exc:  # the file on disk is broken (edited outside the app): show why, allow fixing it
    st.warning("The saved file is not valid and the coach cannot use it until it is fixed or reset: "
               + md_escape(exc.message))
else:
    meta_col, vars_col = st.columns([2, 3])
    with meta_col:
        st.markdown(f"**{prompt.name}**")
        st.caption(prompt.description)
    with vars_col:
        st.caption("Variables this prompt must use: " + ", ".join(f"`{{{{ {v} }}}}`" for v in prompt.variables))

# The editor's key includes the file name so switching files shows that file; after a save or reset the stored
# draft is dropped so the editor shows what is on disk.
editor_key = f"prompt_editor::{name}"
if st.session_state.pop("prompt_reload", None) == name:
    st.session_state.pop(editor_key, None)
draft = st.text_area("Prompt file (front matter and template)", saved_text, height=420, key=editor_key)

with st.container(horizontal=True):
    do_save = st.button("Save", type="primary", key="prompt_save")
    do_validate = st.button("Validate", key="prompt_validate")
    _reset("prompt_reset")

if do_validate or do_save:
    problems = library.validate_text(name, draft)
    if problems:
        st.error("This edit has problems and was not saved:\n\n" + md_list(str(p) for p in problems))
    elif do_save:
        try:
            library.save(name, draft)
        except CoachError as exc:
            st.error(f"Not saved: {md_escape(exc.message)}")
        else:
            st.session_state.prompt_reload = name
            st.success(f"Saved `{name}`. The previous version was kept as a backup.")
    else:
        st.success("Valid: every declared variable is used and the template syntax is correct.")

preview_tab, diff_tab = st.tabs(["Preview with sample inputs", "Difference from the shipped default"])
with preview_tab:
    st.caption("The draft above rendered with sample values, exactly as the model would receive it.")
    try:
        rendered = library.preview(name, draft)
    except CoachError as exc:
        st.error("Preview failed: " + md_escape(exc.message))
    else:
        st.code(rendered, language=None, wrap_lines=True)
with diff_tab, user_errors():
    diff = library.diff(name)
    if diff.strip():
        st.code(diff, language="diff")
    else:
        st.caption("This file is identical to the shipped default.")
