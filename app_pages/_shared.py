"""Streamlit-side helpers shared by the pages: cached services, error display, the engine badge.

Pages import from here rather than building core objects themselves, so that every client is built once per
configuration (`st.cache_resource`) and every user-facing error is shown the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import streamlit as st

import assistant.config  # noqa: F401  (telemetry off before heavy imports)
from assistant.config import Settings, get_settings
from assistant.errors import CoachError
from assistant.services import Services, build_services, settings_fingerprint
from assistant.storage import LOCAL_USER_ID

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")
# Streamlit turns bare URLs, "www." names and e-mail addresses into links even when every Markdown character is
# escaped; an invisible word joiner (U+2060) after the scheme, "www" or before "@" stops that (checked in Chromium).
_AUTOLINK = re.compile(r"(?i)(\b(?:https?|ftp|mailto|www))([:.])|(@)")
_WORD_JOINER = "\u2060"


def md_escape(text: str) -> str:
    """Untrusted text (model output, resume lines, answers) shown through `st.markdown` as literal text.

    Streamlit never renders raw HTML here (no `unsafe_allow_html`), but Markdown itself would still render links
    and images, which a prompt-injected model could use to exfiltrate data or mislead; escaping every Markdown
    punctuation character, and defusing bare URLs and e-mail addresses, makes the text display as written and
    never as a link.
    """
    unlinked = _AUTOLINK.sub(lambda m: (m.group(1) or "") + _WORD_JOINER + (m.group(2) or m.group(3)), text)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", unlinked)


def md_list(items: Iterable[str], *, numbered: bool = False) -> str:
    """A Markdown list of untrusted strings, each escaped."""
    return "\n".join(f"{i}. {md_escape(x)}" if numbered else f"- {md_escape(x)}" for i, x in enumerate(items, 1))


@st.cache_resource(show_spinner=False, max_entries=4)
def _cached_services(fingerprint: str, _settings: Settings) -> Services:
    # `fingerprint` is the cache key (the leading underscore keeps Streamlit from hashing the Settings object).
    with st.spinner("Preparing the coach. The first run builds the knowledge store, which takes a few seconds."):
        return build_services(_settings)


def current_settings() -> Settings:
    return get_settings()


def current_user_id() -> str:
    """Whose data this browser session reads, writes and deletes: the signed-in user when sign-in is configured
    (app.py lets nobody else past the sign-in page), else the one local user of a private install."""
    from app_pages._auth import sign_in_configured, signed_in_user_id

    if sign_in_configured():
        user = signed_in_user_id()
        if user is None:  # unreachable behind app.py's gate; never fall back to the local user's data
            st.stop()
        assert user is not None
        return user
    return LOCAL_USER_ID


def services() -> Services:
    """The shared core objects for the current configuration (built on first use, then reused)."""
    settings = current_settings()
    return _cached_services(settings_fingerprint(settings), settings)


def services_or_stop() -> Services:
    """Like `services()`, but a configuration problem becomes a plain message and the page stops there."""
    try:
        return services()
    except CoachError as exc:
        st.error(md_escape(exc.message))
        st.info("Open **Settings & status** to see which check fails and how to fix it.")
        st.stop()
        raise  # unreachable: st.stop() raises


@contextmanager
def user_errors(prefix: str = "") -> Iterator[None]:
    """Show a `CoachError` as a plain message instead of a traceback; the rest of the page keeps rendering."""
    try:
        yield
    except CoachError as exc:
        # Messages may quote user input (a file name, a template fragment): shown literally, never as Markdown.
        st.error(prefix + md_escape(exc.message))


def engine_badge(svc: Services) -> None:
    """One line that says which engine answers, so the offline coach is never mistaken for an LLM."""
    if svc.uses_llm:
        st.caption(f"Engine: **{svc.engine_label}**. Generated text comes from this model.")
    else:
        st.caption(
            "Engine: **Offline coach**. Explainable rules over the role's knowledge base, running on this "
            "machine; no LLM is used. Configure one in `.env` to switch (see Home)."
        )
