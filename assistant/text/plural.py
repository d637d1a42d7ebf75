"""Counted nouns in user-facing messages: "1 word", "2 words", never "1 words" or "word(s)"."""

from __future__ import annotations


def count_of(n: int, one: str, many: str | None = None) -> str:
    """`n` followed by the singular or plural noun: count_of(1, "word") is "1 word", count_of(3, "story",
    "stories") is "3 stories". Thousands are grouped ("1,204 words") as elsewhere in the messages."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def verb_for(n: int, one: str = "is", many: str = "are") -> str:
    """The verb that agrees with a count: "1 word is", "2 words are"."""
    return one if n == 1 else many
