"""Sign-in for a shared deployment: Streamlit's `st.login` / `st.user` against any OpenID Connect provider.

Sign-in is on when `.streamlit/secrets.toml` has an `[auth]` section (see docs/DEPLOY.md). Then a visitor who has
not signed in sees only the sign-in page, never a page that reads data, and every signed-in user's data is keyed
by the provider's stable subject (`assistant.identity`). Without `[auth]` (a private install on loopback)
nothing changes: there is one local user.
"""

from __future__ import annotations

import streamlit as st

from assistant.identity import user_id_for_subject


def sign_in_configured() -> bool:
    """Whether this app has an identity provider configured (`[auth]` in secrets.toml)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: Streamlit raises rather than answer "no"
        return False


def signed_in_user_id() -> str | None:
    """The storage key of the signed-in user, or None when nobody is signed in (or sign-in is off)."""
    if not sign_in_configured() or not st.user.get("is_logged_in"):
        return None
    subject = st.user.get("sub")
    return user_id_for_subject(str(subject)) if subject else None


def require_sign_in() -> None:
    """With sign-in configured: stop here with the sign-in page unless someone is signed in; once signed in,
    show who it is and a sign-out button in the sidebar. Without sign-in configured: do nothing."""
    if not sign_in_configured():
        return
    if signed_in_user_id() is None:
        st.title("ML Director Interview Coach")
        st.write("Sign in to practise interviews and review your resume. Your sessions are private to your account.")
        if st.button("Sign in", type="primary", key="auth_sign_in"):
            st.login()
        st.stop()
    who = st.user.get("name") or st.user.get("email") or "your account"
    with st.sidebar:
        st.text(f"Signed in as {who}")  # plain text: the name comes from the provider, never rendered as Markdown
        if st.button("Sign out", key="auth_sign_out"):
            st.logout()
