"""Size limits on text a user types or pastes, in one place, so the app and the CLI accept and refuse the same text
with the same message.

The limits themselves are settings (MAX_ANSWER_CHARS, MAX_TEXT_CHARS); characters are counted on the text as the
user gave it, before any normalisation, so what is refused does not depend on which screen it was pasted into.
"""

from __future__ import annotations

from assistant.config import Settings
from assistant.errors import InputError


def check_length(text: str, *, limit: int, what: str, variable: str | None) -> str:
    """Return `text`, or raise `InputError(code="too_large")` naming the limit in characters and words, the
    setting that holds it (None for a fixed limit), and how much to cut."""
    if len(text) > limit:
        setting = f", set by {variable}" if variable else ""
        raise InputError(
            f"The {what} is {len(text):,} characters long; the limit is {limit:,} characters (about "
            f"{approx_words(limit):,} words{setting}). Shorten it by {len(text) - limit:,} characters and try "
            "again.",
            code="too_large",
        )
    return text


def approx_words(chars: int) -> int:
    """About how many words of English prose fit in `chars` characters (six per word, spaces included), rounded
    so it reads as the estimate it is."""
    words = chars / 6
    step = 100 if words >= 1000 else 10
    return max(step, int(round(words / step)) * step)


def check_answer(text: str, settings: Settings, *, what: str = "answer") -> str:
    """An interview answer (typed in the app, or given to `assistant score` / `assistant interview`)."""
    return check_length(text, limit=settings.max_answer_chars, what=what, variable="MAX_ANSWER_CHARS")


def check_document(text: str, settings: Settings, *, what: str) -> str:
    """A pasted or uploaded document's text: a resume or a job description."""
    return check_length(text, limit=settings.max_text_chars, what=what, variable="MAX_TEXT_CHARS")
