"""Normalise text extracted from a PDF (or pasted) so parsing, matching and prompts see plain, honest characters.

PDF producers leak typesetting artefacts into extracted text: ligature glyphs ("ﬁ"), soft hyphens that were drawn
as real hyphens, zero-width and bidi controls, NULs, private-use icon glyphs from icon fonts (Font Awesome), and
runs of tabs used for alignment. Invisible and bidi characters are also an injection vector (text a reader cannot
see, or that displays in a different order than a model reads it), so they are removed, never kept. Which
characters are invisible is decided once for the whole project, by `assistant.llm.safety.strip_invisible`; this
module decides the rest of what a "clean" resume character is.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.llm.safety import strip_invisible

__all__ = ["normalize_text", "strip_invisible"]

_LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
}

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


def normalize_text(text: str) -> str:
    """Return `text` with ligatures expanded, hyphen and space variants unified and junk characters removed.

    Idempotent: normalising twice gives the same result, so callers never need to know whether text was cleaned.
    """
    # A lone CR inside extracted PDF text is alignment junk (Word for Mac writes "\t\r\u00a0"), not a line break.
    text = text.replace("\r\n", "\n").replace("\r", " ")
    text = "".join(_LIGATURES.get(ch, ch) for ch in text)
    # A soft hyphen followed by a hyphen glyph is one drawn hyphen (Word for Mac); at a line end it is a
    # hyphenation point; anywhere else a PDF only contains it because a hyphen was drawn (LuaTeX dates "2023­2024").
    text = text.replace("\u00ad\u2010", "-").replace("\u00ad-", "-")
    text = re.sub("\u00ad[ \t]*\n[ \t]*", "", text)
    text = text.replace("\u00ad", "-")
    # Soft hyphens are resolved above: they are invisible format characters too, but here they stand for a hyphen.
    text = strip_invisible(text)
    text = _HYPHENS.sub("-", text)
    text = re.sub(r"(?<=\w)-{2,}(?=\w)", "-", text)  # "on-\u00ad\u2010campus" from Word for Mac
    text = _ICON_GLYPHS.sub(" ", text)
    text = _ICON_NAMES.sub(" ", text)
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

