"""Which characters a reader cannot see: the one definition, for prompts, resume intake and injection detection."""

from __future__ import annotations

import unicodedata

_KEEP_CONTROLS = {"\n", "\t"}
_TAG_RANGE = range(0xE0000, 0xE0080)
# Invisible characters outside the Cc/Cf/Cs categories: the combining grapheme joiner (Mn) draws nothing.
_INVISIBLE_EXTRA = frozenset("\u034f")


def _is_invisible(char: str) -> bool:
    if char in _KEEP_CONTROLS:
        return False
    if ord(char) in _TAG_RANGE or char in _INVISIBLE_EXTRA:
        return True
    # Cc: NUL and other control characters; Cf: zero-width (U+200B-200D, U+FEFF), bidi controls (U+202A-202E,
    # U+2066-2069), soft hyphen and the other format characters.
    return unicodedata.category(char) in ("Cc", "Cf", "Cs")


def strip_invisible(text: str) -> str:
    """Remove every character a reader cannot see (zero-width, bidi, tags, controls), keeping newlines and tabs.

    The one definition of "invisible" in the project: `assistant.llm.safety.clean_untrusted` (text bound for a
    prompt), `assistant.resume.normalize.normalize_text` (resume intake) and `assistant.text.instructions`
    (injection detection) all call it.
    """
    return text.translate(_VISIBLE_ONLY)


class _VisibleOnlyTable(dict[int, int | None]):
    """A `str.translate` table filled on first sight of each character: invisible ones map to None (deleted).

    Resume intake and injection detection call `strip_invisible` on every line several times; a per-character
    Python loop was a third of a resume review's parse time, a cached table lookup runs in C.
    """

    def __missing__(self, codepoint: int) -> int | None:
        value = None if _is_invisible(chr(codepoint)) else codepoint
        self[codepoint] = value
        return value


_VISIBLE_ONLY = _VisibleOnlyTable()
