"""Whose data a row is: the storage key of a signed-in user, derived from the OpenID Connect subject.

Why the subject (`sub` claim) and nothing else: the provider promises it is stable and never reassigned, whereas
an e-mail address or a display name can change or pass to someone else. The key is prefixed, so no subject can
ever equal the local single-user id ("local") of a private install, and a subject longer than the user-id column
(OIDC allows 255 characters) is replaced by its SHA-256. The app (sign-in) and the CLI (`--user SUBJECT`) both
derive keys here, so they always agree.

One provider per deployment: subjects are unique per provider, so two providers could in principle issue the
same subject to two different people.
"""

from __future__ import annotations

import hashlib

from assistant.errors import InputError

_PREFIX = "oidc:"
_HASHED_PREFIX = "oidc-sha256:"
_COLUMN_WIDTH = 64  # the width of every `user_id` column (assistant/storage/schema.py)


def user_id_for_subject(subject: str) -> str:
    """The storage key of the user the identity provider calls `subject`."""
    subject = subject.strip()
    if not subject:
        raise InputError("A signed-in user needs a subject (the provider's `sub` claim); it was empty.",
                         code="invalid_input")
    key = _PREFIX + subject
    if len(key) > _COLUMN_WIDTH or not key.isprintable():
        key = _HASHED_PREFIX + hashlib.sha256(subject.encode("utf-8")).hexdigest()[:48]
    return key
