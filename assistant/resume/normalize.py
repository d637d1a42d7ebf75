"""Normalise text extracted from a PDF (or pasted) so parsing, matching and prompts see plain, honest characters.

PDF producers leak typesetting artefacts into extracted text: ligature glyphs ("ﬁ"), soft hyphens that were drawn
as real hyphens, zero-width and bidi controls, NULs, private-use icon glyphs from icon fonts (Font Awesome), and
runs of tabs used for alignment. Invisible and bidi characters are also an injection vector (text a reader cannot
see, or that displays in a different order than a model reads it), so they are removed, never kept.
This module is the one place that decides what a "clean" resume character is.
"""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
}

# Zero-width, joiners, word joiner, BOM, bidi embeddings/overrides/isolates, invisible math operators.
_INVISIBLE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u180e\u034f\U000e0000-\U000e007f]"
)
# Private-use areas (icon fonts) and the replacement character: glyphs with no textual meaning.
_ICON_GLYPHS = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd\ufffd]")
# Hyphen-like characters that all mean "-" in a resume (dates, compound words).
_HYPHENS = re.compile("[\u2010\u2011\u2012\u2212\u2043]")
# Icon-font glyph names that LaTeX/Typst templates leak as text (AltaCV "/linkedin", "♂phone"; Awesome-CV
# "HOUSE-CHIMNEY"). They carry no content and break contact parsing.
_ICON_NAMES = re.compile(
    r"♂¶ap-¶arker|¶ap-¶arker|♂phone|/gl⌢be"
    r"|(?<!\S)/(?:linkedin|github|gitlab|xicon|orcid|mastodon|heartbeat|file-alt|users|twitter|globe|envelope"
    r"|phone|mobile|map-marker|home|link|stack-overflow|medium|skype|kaggle|researchgate|google-scholar)(?=\s|$)"
    r"|\b(?:HOUSE-CHIMNEY|GITHUB-SQUARE|LINKEDIN|ENVELOPE|MOBILE-ALT|MAP-MARKER-ALT|TWITTER|GITHUB)(?=\s)"
)
# Symbols kept although they are "other symbols": they mean something in a resume.
_MEANINGFUL_SYMBOLS = set("©®°™№")
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")

def _drop_controls(text: str) -> str:
    """Remove C0/C1 control characters (NUL included) except newline and tab, which carry layout."""
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def normalize_text(text: str) -> str:
    """Return `text` with ligatures expanded, hyphen and space variants unified and junk characters removed.

    Idempotent: normalising twice gives the same result, so callers never need to know whether text was cleaned.
    """
    # A lone CR inside extracted PDF text is alignment junk (Word for Mac writes "\t\r\u00a0"), not a line break.
    text = text.replace("\r\n", "\n").replace("\r", " ")
    text = "".join(_LIGATURES.get(ch, ch) for ch in text)
    text = _INVISIBLE.sub("", text)
    # A soft hyphen followed by a hyphen glyph is one drawn hyphen (Word for Mac); at a line end it is a
    # hyphenation point; anywhere else a PDF only contains it because a hyphen was drawn (LuaTeX dates "2023­2024").
    text = text.replace("\u00ad\u2010", "-").replace("\u00ad-", "-")
    text = re.sub("\u00ad[ \t]*\n[ \t]*", "", text)
    text = text.replace("\u00ad", "-")
    text = _HYPHENS.sub("-", text)
    text = re.sub(r"(?<=\w)-{2,}(?=\w)", "-", text)  # "on-\u00ad\u2010campus" from Word for Mac
    text = _ICON_GLYPHS.sub(" ", text)
    text = _ICON_NAMES.sub(" ", text)
    text = _drop_controls(text)
    # Lone pictographs (📅, ✉, ○ skill dots) are layout decoration extracted as text.
    text = "".join(
        " " if unicodedata.category(ch) == "So" and ch not in _MEANINGFUL_SYMBOLS else ch for ch in text
    )
    text = "\n".join(unicodedata.normalize("NFKC", line) for line in text.split("\n"))
    text = _SPACES.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def strip_invisible(text: str) -> str:
    """Only remove characters a reader cannot see (zero-width, bidi, tags, controls); keep everything else."""
    return _drop_controls(_INVISIBLE.sub("", text))
