"""The one tokenizer: sentences with their spans, prose words, matching terms, and phrase patterns.

Every feature that splits text into sentences or words (the interview scorer, the story bank, the exercises, the
resume guard and review, retrieval's re-ranking) uses these, so "a word" means the same thing everywhere:
- `words`: the words of prose as written ("I've", "on-call", "0.91"): for counting and for quoting.
- `terms`: lower-cased matching keys (letters, digits, "+" and "#" so "C++" and "C#" survive), quotes and dashes
  unified: for comparing two texts.
- `content_words`: the stems of the `terms`-like words that carry meaning (no stopwords, no numbers).
- `spoken_words`: lower-cased words of letters only: what a speech transcript holds and a pronouncing dictionary
  looks up (the voice features: fillers, syllables, the recogniser's vocabulary model).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from assistant.text.stem import stem
from assistant.text.stopwords import STOPWORDS

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n\s*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*")
_TERM = re.compile(r"[a-z0-9+#]+(?:['’][a-z]+)?")
_SPOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one readable string (long lexicons stay easy to review)."""
    return frozenset(text.split())


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive regex matching any of `phrases` (regexes themselves) as whole words."""
    return re.compile(r"(?<![\w'])(?:" + "|".join(phrases) + r")(?![\w'])", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text with its span, so `text[start:end] == sentence.text`."""

    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Split on sentence punctuation followed by whitespace, and on line breaks; decimals like 0.91 stay whole."""
    sentences: list[Sentence] = []
    cursor = 0
    for match in [*_SENTENCE_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        if match is not None and match.group(0)[:1] in "\"')]":
            end += len(match.group(0)) - len(match.group(0).lstrip("\"')]"))
        raw = text[cursor:end]
        stripped = raw.strip()
        if stripped:
            offset = cursor + raw.index(stripped)
            sentences.append(Sentence(stripped, offset, offset + len(stripped)))
        cursor = match.end() if match else len(text)
    return sentences


def words(text: str) -> list[str]:
    """The words of prose as written: letters with inner apostrophes and hyphens, or a number with its separators."""
    return _WORD.findall(text)


def fold(text: str) -> str:
    """Lower-case with curly quotes and en/em dashes made plain, so two spellings of a phrase compare equal."""
    return text.replace("’", "'").replace("–", "-").replace("—", "-").lower()


def terms(text: str) -> list[str]:
    """Lower-cased matching keys of `text` (see the module docstring)."""
    return _TERM.findall(fold(text))


@lru_cache(maxsize=4096)
def _mention_parts(phrase: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"[\s-]+", phrase.strip()) if p)


def _gerund_stem(word: str) -> str | None:
    """The stem of a term's closing "-ing" noun ("testing" -> "test", "coaching" -> "coach"), whose other forms name
    the same practice ("ran A/B tests", "coached three managers"); None for any other word."""
    lowered = word.lower()
    if not (lowered.endswith("ing") and len(lowered) > 5 and lowered.isalpha()):
        return None
    root = stem(lowered)
    if root.endswith("e") and not lowered.startswith(root):
        root = root[:-1]  # "hiring" -> "hire": "hir" + "e", "es", "ed", "er"
    return root if len(root) >= 3 and lowered.startswith(root) and root != lowered else None


@lru_cache(maxsize=4096)
def _mention_pattern(phrase: str) -> re.Pattern[str]:
    raw = list(_mention_parts(phrase))
    parts = [re.escape(p) for p in raw]
    root = _gerund_stem(raw[-1]) if raw else None
    if root is not None:
        parts[-1] = f"(?:{parts[-1]}|{re.escape(root)}(?:e|es|ed|d|er|ers)?)"
    return re.compile(r"(?<![\w])" + r"[\s-]*".join(parts) + r"s?(?![\w])", re.IGNORECASE)


# The only characters outside ASCII that `re.IGNORECASE` matches to an ASCII letter or digit (found by trying every
# code point): "İ" and dotless "ı" match "i", the Kelvin sign "k", the long "ſ" "s". Folded to that letter before
# lower-casing, they cannot hide an ASCII word from a plain substring test.
_ASCII_LOOKALIKES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"})


def mentions(text: str, phrase: str) -> bool:
    """Whether `text` names `phrase` as whole words, in any case, spaced or hyphenated either way, singular or
    with a plural "s" ("feature store" finds "Feature-Stores"), a closing "-ing" practice in its other forms ("A/B
    testing" finds "A/B tests", "coaching" finds "coached"). The one "does this text mention that term" test
    for keywords, skills, domains and rubric words; an empty phrase is never mentioned."""
    if not phrase.strip():
        return False
    return _mention_pattern(phrase).search(text) is not None


def mentioned(text: str, phrases: Iterable[str]) -> list[str]:
    """The phrases `text` mentions (exactly `mentions`), in their order, for checking many phrases against one
    text (a resume against a role's vocabulary). A case-insensitive regex scans the whole text for each phrase;
    here a phrase whose ASCII words are not even substrings of the lower-cased text is skipped without it, which
    is most of a vocabulary for any one resume."""
    folded = text.translate(_ASCII_LOOKALIKES).lower()
    return [
        phrase for phrase in phrases
        if all((_gerund_stem(p) or p).lower() in folded for p in _mention_parts(phrase) if p.isascii())
        and mentions(text, phrase)
    ]


def spoken_words(text: str) -> list[str]:
    """Lower-cased letter words with an inner apostrophe kept ("don't", "i'd"); digits and symbols are dropped,
    because a recogniser spells numbers out and a pronouncing dictionary has no entry for "40"."""
    return _SPOKEN.findall(fold(text))


def norm_text(text: str) -> str:
    """`terms` joined by single spaces and padded with one, so a phrase is found on word boundaries with `in`."""
    return " " + " ".join(terms(text)) + " "


def content_words(text: str) -> list[str]:
    """Stems of the words that carry meaning: no stopwords, nothing shorter than 3 letters, no numbers.

    "hired", "hiring" and "hires" meet on one stem, so two texts about the same thing overlap.
    """
    out = []
    for word in words(text.lower()):
        word = word.replace("’", "'")
        if word in STOPWORDS or len(word) < 3 or word[0].isdigit():
            continue
        out.append(stem(word))
    return out
