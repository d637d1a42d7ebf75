"""Which characters a reader cannot see: the one definition, for prompts, resume intake and injection detection."""

from __future__ import annotations

import re
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


# A run not inside an emoji tag sequence: a subdivision flag (🏴 + "gbsct" in tags + cancel tag) is a picture.
_TAG_TEXT = re.compile("(?<![\U0001F3F4\U000E0020-\U000E007E])[\U000E0020-\U000E007E]+")


def tag_smuggled_text(text: str, *, min_chars: int = 3) -> list[str]:
    """Text spelled in Unicode tag characters (U+E0020-E007E mirror printable ASCII): invisible to a reader, yet
    a known way to smuggle instructions to a model. Returned decoded, one item per run, so it can be reported
    before `strip_invisible` removes it."""
    found = ("".join(chr(ord(c) - 0xE0000) for c in run).strip() for run in _TAG_TEXT.findall(text))
    return [piece for piece in found if len(piece) >= min_chars]


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
