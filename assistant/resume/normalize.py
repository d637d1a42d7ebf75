"""Normalise text extracted from a PDF (or pasted) so parsing, matching and prompts see plain, honest characters.

PDF producers leak typesetting artefacts into extracted text: ligature glyphs ("ﬁ"), soft hyphens that were drawn
as real hyphens, zero-width and bidi controls, NULs, private-use icon glyphs from icon fonts (Font Awesome), and
runs of tabs used for alignment. Invisible and bidi characters are also an injection vector (text a reader cannot
see, or that displays in a different order than a model reads it), so they are removed, never kept. Which
characters are invisible is decided once for the whole project, by `assistant.llm.safety.strip_invisible`; this
module decides the rest of what a "clean" resume character is.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Callable, Collection

from assistant.llm.safety import strip_invisible
from assistant.resume.vocabulary import LEGAL_SUFFIX

__all__ = ["normalize_text", "plain_from_markdown", "strip_invisible"]

_LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
}

# Private-use areas (icon fonts) and the replacement character: glyphs with no textual meaning.
_ICON_GLYPHS = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd\ufffd]")
# Word's list bullets in its symbol fonts come out as private-use characters (Symbol's bullet U+F0B7, Wingdings'
# square U+F0A7, arrowhead U+F0D8, diamond U+F076, check mark U+F0FC), and Google Docs' default bullet is a
# black circle. At the start of a line they are the bullet a reader sees, so they stay one ("•") instead of
# being dropped as icons or decoration.
_SYMBOL_FONT_BULLET = re.compile("(?m)^([^\\S\n]*)[\uf0b7\uf0a7\uf0d8\uf076\uf0fc●○◦■□▪◆❖➢►✓✔](?=\\s)")
# TeX's OT1-encoded fonts put the en dash at the code of "{": a font without a ToUnicode map leaves "{ Built ..."
# where a reader sees "– Built ...". At the start of a line, before a space and with no closing brace on the
# line, it is that list dash.
_OT1_DASH_BULLET = re.compile("(?m)^([^\\S\n]*)\\{(?=[^\\S\n])(?![^\n]*\\})")
# TeX fonts without accented letters (OT1) draw an accent as a glyph of its own, and the text layer gives it before
# its letter: "W¨urzburg", "´Ecole", "Universit`a", or after a space as a bare combining mark, "Sebasti ́an",
# "Ume ̊a". A reader sees one letter, so the accent goes onto the letter after it when the two compose to one
# letter. Before NFKC, which would turn a spacing accent into a space and a mark that belongs to no letter. The
# acute and the grave double as apostrophes ("don´t", "Master`s"), so they only go onto a vowel, the grave only
# after a letter; a mark after a space only joins a letter that takes it, after a letter of the same word.
_SPACING_ACCENTS = {"\u00a8": "\u0308", "\u00b4": "\u0301", "\u02c6": "\u0302", "\u02dc": "\u0303",
                    "\u00b8": "\u0327", "\u02c7": "\u030c", "\u02d8": "\u0306", "\u02da": "\u030a",
                    "\u00af": "\u0304", "`": "\u0300"}
_ACCENT_LETTERS = {
    # The acute also makes Polish and Croatian consonants ("Gda ́nsk", "Ko ́zmin") -- not ś, ŕ or ĺ: an acute typed
    # for an apostrophe comes before those letters ("Master´s", "you´re", "we´ll").
    "\u0300": "aeiou", "\u0301": "aeiouycnz", "\u0308": "aeiouy", "\u0302": "aeiou", "\u0303": "aon",
    "\u030a": "au", "\u030c": "cszrne", "\u0327": "c",
}
# The stroke an OT1 TeX font draws before "l" or "L" (its glyph "suppress", read as U+0337), any space between.
_STROKED_L = re.compile("\u0337\\s?([lL])")
# TeX accents an i by drawing the accent over a dotless i ("\\'{\\i}"): under an accent it is the plain i.
_DOTTED = {"\u0131": "i"}
_DOTLESS_UNDER_MARK = re.compile("\u0131(?=[\u0300-\u036f])")
_DRAWN_ACCENT = re.compile(
    "(?P<spacing>[\u00a8\u02c6\u02dc\u00b8\u02c7\u02d8\u02da\u00af])(?P<letter>[^\\W\\d_])"
    "|(?P<apostrophe_like>\u00b4|(?<=[^\\W\\d_])`)(?P<vowel>[aeiouyAEIOUY\u0131])"
    # French "à" alone, its grave drawn apart: "De Janvier 2015 `a Septembre 2016", "`a l'aide de".
    "|(?<![^\\s(])(?P<lone_grave>`)(?P<lone_a>[aA])(?=[\\s,.;:!?)]|$)"
    # Polish ć, ń, ź drawn as a spacing acute before the letter inside a word ("Gda´nsk", "Pozna´n"), as the bare
    # mark after a space already is.
    "|(?<=[^\\W\\d_])(?P<acute>\u00b4)(?P<consonant>[cnz])"
    "|(?<=[^\\W\\d_]) (?P<mark>[\u0300-\u036f])(?P<taker>[^\\W\\d_])"
)
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
# FontAwesome's pointing icons used as bullets, leaked as their names ("Angle-Right Pilotage Agile ..."): a bullet.
_ICON_BULLET = re.compile(
    r"(?<!\S)(?:angle-double|angle|caret|chevron|chevron-circle|arrow|arrow-circle|long-arrow-alt|hand-point)-right"
    r"(?=\s)", re.IGNORECASE)
# Symbols kept although they are "other symbols": they mean something in a resume.
_MEANINGFUL_SYMBOLS = set("©®°™№")
_SPACES = re.compile(r"[^\S\n]+")
_LIGATURE_TABLE = str.maketrans(_LIGATURES)


class _PictographTable(dict[int, str | int]):
    """Lone pictographs ("other symbols" but the meaningful ones) to a space, as a `str.translate` table filled on
    first sight of each character: a per-character Python loop over every extracted line cost more than the rest
    of normalising."""

    def __missing__(self, codepoint: int) -> str | int:
        char = chr(codepoint)
        value: str | int = " " if unicodedata.category(char) == "So" and char not in _MEANINGFUL_SYMBOLS else codepoint
        self[codepoint] = value
        return value


_PICTOGRAPHS = _PictographTable()
# Dingbats' and Unicode's pictograph rightwards arrows ("➔", "➠", "⮕"), set after a year and before the next word.
_ARROW_AFTER_A_YEAR = re.compile(r"(?<=(?:19|20)\d\d)([^\S\n]*)[\u2794-\u27bf\u2b95](?=[^\S\n]*\w)")
_BLANK_LINES = re.compile(r"\n{3,}")
# A year run into the capitalised word after it ("TO: MAR 2013System Development Analyst"): a converter dropped the
# line break between a date and the title beside it. No year is written so on purpose.
_GLUED_YEAR = re.compile(r"(?<![\w.])((?:19|20)\d\d)(?=[A-Z][a-z])")


def _accent_on_letter(match: re.Match[str]) -> str:
    """The accented letter a drawn accent and the letter after it make, or the match unchanged if they make none."""
    if match["mark"]:
        mark, letter = match["mark"], _DOTTED.get(match["taker"], match["taker"])
        if letter.lower() not in _ACCENT_LETTERS.get(mark, ""):
            return match.group(0)
    else:
        accent, letter = (match["spacing"], match["letter"]) if match["spacing"] else (
            (match["lone_grave"], match["lone_a"]) if match["lone_grave"] else (
                (match["acute"], match["consonant"]) if match["acute"] else (match["apostrophe_like"], match["vowel"])))
        mark = _SPACING_ACCENTS[accent]
    composed = unicodedata.normalize("NFC", _DOTTED.get(letter, letter) + mark)
    return composed if len(composed) == 1 else match.group(0)


# Markdown a pasted resume may be written in (a .md file, Notion, a README): the marks are formatting, not words.
_MD_HEADING = re.compile(r"(?m)^[^\S\n]{0,3}#{1,6}[^\S\n]+(.*?)(?:[^\S\n]+#+)?[^\S\n]*$")
_MD_RULE = re.compile(r"(?m)^[^\S\n]{0,3}(?:[-*_][^\S\n]*){3,}$")
# Inner text never holds the mark itself, so an unclosed mark costs one scan to the next mark, not to the line's
# end (a pasted line of "**a " repeated was quadratic: 16 s for 60,000 characters).
_MD_STRONG = re.compile(r"\*\*(?=[^\s*])([^*\n]+?)(?<=\S)\*\*|__(?=[^\s_])([^_\n]+?)(?<=\S)__")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)")
_MD_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\(([^()\[\]\s]+)(?:\s+\"[^\"\n]*\")?\)")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


def _link_text(match: re.Match[str]) -> str:
    """A link keeps what a reader sees and, when that is not the address itself, the address after it (a profile
    link written "[LinkedIn](https://linkedin.com/in/x)" is still the candidate's LinkedIn)."""
    text, url = match.group(1).strip(), match.group(2)
    bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", url).rstrip("/")
    if not text:
        return url
    return text if bare.lower() in text.lower() else f"{text} ({url})"


def plain_from_markdown(text: str) -> str:
    """Pasted text with its Markdown marks taken off ("### **Director** — Globex *(2022 – Present)*" reads
    "Director — Globex (2022 – Present)"): headings, strong and emphasis marks, rules, inline code, links and
    escapes. List marks stay: "- " and "* " at a line's start are the bullets the parser reads."""
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub(lambda m: m.group(1), text)
    text = _MD_LINK.sub(_link_text, text)
    text = _MD_CODE.sub(lambda m: m.group(1), text)
    for _ in range(2):  # "***bold italic***" is strong inside emphasis
        text = _MD_STRONG.sub(lambda m: m.group(1) or m.group(2), text)
        text = _MD_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    return _MD_ESCAPE.sub(lambda m: m.group(1), text)


_VARIATION_SELECTOR = re.compile("[\ufe00-\ufe0f]")
_SELECTOR_FOR_A_SPACE = re.compile(r"(?<=[\w.,;:!?)\]'’\u2013\u2014-])[\ufe00-\ufe0f]+(?=[\w(\['‘\u2013\u2014-])")


# A symbol opening a line before a space and a word ("➤ Led ...", "§ Built ...", "» Cut ...", Word's second-level
# "o Shipped ..."): a list marker when two lines or more open with it.
_DASHES_AND_DOTS = "•·-–—*"
_LINE_MARKER = re.compile(r"(?m)^([^\S\n]*)(\S)(?=[^\S\n]+\w)")


# A tab between two words of a line (not beside a dash: "Jan 2020<TAB>–<TAB>Present" is one range).
_TAB_BETWEEN_FIELDS = re.compile(r"(?<=[^\s–—-])[^\S\n]*\t[^\S\n]*(?=[^\s–—-])")


# A tab leader: the row of dots, middle dots or underscores a word processor draws across a tab stop between two
# fields ("Acme Corp ............ Jan 2019 - Present"), or a row of dashes set between spaces. Four or more, with
# words on both sides: an ellipsis ("and more...") is three and ends a sentence.
_LEADER = re.compile(r"(?<=\S)[^\S\n]*(?:(?:[.·_…‥][^\S\n]?){4,}|(?<=\s)[-–—]{4,})[^\S\n]*(?=[^\s.·_…‥])")


def _leader_as_field_break(match: re.Match[str], text: str) -> str:
    """A tab leader (`_LEADER`) as a field break; a leader of dots run on from a legal form keeps the form's own full
    stop ("Globex Inc.........." is "Globex Inc."; "Initech......" is "Initech")."""
    glued = match.group(0)[0] == "." and text[match.start() - 1].isalnum()
    line_start = text.rfind("\n", 0, match.start()) + 1
    return ". | " if glued and LEGAL_SUFFIX.search(text[line_start:match.start()] + ".") else " | "


def tabs_as_field_breaks(text: str) -> str:
    """Text pasted from a word processor sets a header's fields apart with tabs ("Senior Data Scientist<TAB>Acme
    Corp<TAB>03/2021 – Present"): a reader sees separate fields, where normalising spaces would leave one name.
    Each tab between words becomes a field separator -- unless tabs are the text's word spacing (as many tabs as
    half its spaces: some PDFs space every word of a justified line with one). For pasted text only."""
    if text.count("\t") >= 0.5 * text.count(" "):
        return text
    return _TAB_BETWEEN_FIELDS.sub(" | ", text)


def list_markers(text: str) -> frozenset[str]:
    """The symbols that open two lines or more of `text` before a space and a word ("➤ Led ...", "§ Built ...",
    "» Cut ...", Word's second-level "o Shipped ..."): the document's list markers, as a reader takes them, whatever
    the font drew. One such line is no list (a phone's "+", an arrow in a sentence); dashes, asterisks and dots are
    left to the bullet rules (a dash opening a line may be a range's wrapped end)."""
    counts: dict[str, int] = {}
    for match in _LINE_MARKER.finditer(text):
        if (glyph := _marker(match, text)) is not None:
            counts[glyph] = counts.get(glyph, 0) + 1
    return frozenset(glyph for glyph, count in counts.items() if count >= 2)


def _marker(match: re.Match[str], text: str) -> str | None:
    """The glyph opening a line (`_LINE_MARKER`) when it could mark a list item there: a symbol other than a dash,
    an asterisk or a dot, or an "o" before a capital."""
    glyph = match.group(2)
    if glyph in _DASHES_AND_DOTS:
        return None
    if unicodedata.category(glyph) in ("Sm", "So") or glyph in "§¶»›⁃" or (
            glyph == "o" and text[match.end():].lstrip(" \t")[:1].isupper()):
        return glyph
    return None


def _as_bullets(text: str, markers: Collection[str]) -> str:
    """The list `markers` opening lines of `text` become "•", the bullet the reader knows."""
    if not markers:
        return text
    return _LINE_MARKER.sub(lambda m: m.group(1) + "•" if _marker(m, text) in markers else m.group(0), text)


def normalize_text(text: str, markers: Collection[str] | None = None) -> str:
    """Return `text` with ligatures expanded, hyphen and space variants unified and junk characters removed.

    `markers` are the document's list markers (`list_markers`), for a piece of it normalised alone (one styled
    line of a PDF): by default, the markers of `text` itself.

    Idempotent: normalising twice gives the same result, so callers never need to know whether text was cleaned.
    """
    # A lone CR inside extracted PDF text is alignment junk (Word for Mac writes "\t\r\u00a0"), not a line break.
    text = text.replace("\r\n", "\n").replace("\r", " ")
    text = text.translate(_LIGATURE_TABLE)
    # A soft hyphen followed by a hyphen glyph is one drawn hyphen (Word for Mac); at a line end it is a
    # hyphenation point; anywhere else a PDF only contains it because a hyphen was drawn (LuaTeX dates "2023­2024").
    text = text.replace("\u00ad\u2010", "-").replace("\u00ad-", "-")
    text = re.sub("\u00ad[ \t]*\n[ \t]*", "", text)
    text = text.replace("\u00ad", "-")
    # A variation selector picks an emoji's or symbol's look; after a letter, digit or punctuation it selects
    # nothing. One RTF converter writes them where the spaces were ("PINGREE︎DETROIT︎—︎Detroit,︎MI"), so between
    # two such characters one stands for that space; any other is dropped.
    text = _SELECTOR_FOR_A_SPACE.sub(" ", text)
    text = _VARIATION_SELECTOR.sub("", text)
    # Soft hyphens are resolved above: they are invisible format characters too, but here they stand for a hyphen.
    text = strip_invisible(text)
    text = _HYPHENS.sub("-", text)
    text = re.sub(r"(?<=\w)-{2,}(?=\w)", "-", text)  # "on-\u00ad\u2010campus" from Word for Mac
    text = _SYMBOL_FONT_BULLET.sub("\\1•", text)
    text = _as_bullets(text, list_markers(text) if markers is None else markers)
    text = _OT1_DASH_BULLET.sub("\\1•", text)
    if not text.isascii() or "`" in text:
        text = _DRAWN_ACCENT.sub(_accent_on_letter, _DOTLESS_UNDER_MARK.sub("i", text))
        # An OT1 TeX font draws "ł" as its stroke, then "l" (the PDF worker reads the stroke as U+0337).
        text = _STROKED_L.sub(lambda m: "ł" if m.group(1) == "l" else "Ł", text)
    text = _ICON_GLYPHS.sub(" ", text)
    text = _ICON_NAMES.sub(" ", text)
    text = _ICON_BULLET.sub("•", text)
    # Lone pictographs (📅, ✉, ○ skill dots) are layout decoration extracted as text, but a pictograph arrow after a
    # year and before a word is still an arrow: "2014 ➠ 2017" (pifont) is a range, as "2014 → 2017" is.
    if not text.isascii():  # no ASCII character is an "other symbol"
        text = _ARROW_AFTER_A_YEAR.sub(r"\1→", text).translate(_PICTOGRAPHS)
    text = "\n".join(unicodedata.normalize("NFKC", line) for line in text.split("\n"))
    text = "\n".join(_by_field(_close_up_spaced_words, line) for line in text.split("\n"))
    text = _GLUED_YEAR.sub(r"\1 ", text)
    # A tab leader sets two fields apart as a tab does: the employer is not "Acme Corp ............".
    text = _LEADER.sub(lambda m: _leader_as_field_break(m, text), text)
    text = _SPACES.sub(" ", text)
    lines = [_by_field(_unspace_letters, line.strip()) for line in text.split("\n")]
    text = "\n".join(lines)
    text = _BLANK_LINES.sub("\n\n", text)
    return repair_ligatures(text.strip())


# What a ligature glyph stands for. A font whose ToUnicode map lacks its ligatures leaves, in the extracted text,
# a stray character where the glyph was ("So,ware", "communicaIon", "PlaGorm"), a space after it ("fi nance") or
# nothing at all ("e cient").
_LIGATURE_TEXTS = ("ffi", "ffl", "ff", "fi", "fl", "ft", "ti", "tt", "tf", "st", "ct", "th")
# A word with one stray character inside (not one that joins words: hyphen, apostrophe, slash, dot, ampersand).
_STRAY_INSIDE = re.compile(r"(?<![\w'’.-])([A-Za-z][a-z]*)([^\sa-z'’./&+\-])([a-z]{2,})(?![\w'’-])")
_SPLIT_WORD = re.compile(r"([A-Za-z][a-z]*) ([a-z]{2,})")


@functools.lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """English words: the whole-word entries of the shipped MiniLM tokenizer's WordPiece vocabulary (30k, uncased).
    Empty when the model package is not installed (then nothing is repaired)."""
    try:
        from assistant.knowledge.embeddings import default_tokenizer_path

        vocab = json.loads(default_tokenizer_path().read_text(encoding="utf-8"))["model"]["vocab"]
    except Exception:  # a missing or unreadable tokenizer only costs the repair
        return frozenset()
    return frozenset(w for w in vocab if len(w) >= 2 and w.isalpha() and w.isascii())


def _only_word(head: str, tail: str, words: frozenset[str]) -> str | None:
    """The one word `head + ligature + tail` forms, or None when none or several do."""
    found = {head + lig + tail for lig in _LIGATURE_TEXTS if (head + lig + tail).lower() in words}
    return found.pop() if len(found) == 1 else None


def repair_ligatures(text: str) -> str:
    """Put back ligatures a font's broken text map lost, where exactly one ligature makes an English word of the
    pieces and the pieces are not words themselves: "So,ware" -> "Software", "communicaIon" -> "communication",
    "fi nance" -> "finance", "e cient" -> "efficient". Names and product names ("JavaScript", "iPhone") are left
    alone because no ligature turns them into a dictionary word."""
    if not (_STRAY_INSIDE.search(text) or _SPLIT_WORD.search(text)):
        return text
    words = _vocabulary()
    if not words:
        return text

    def stray(match: re.Match[str]) -> str:
        head, tail = match.group(1), match.group(3)
        if not match.group(2).isascii() or (head + match.group(2) + tail).lower() in words:  # "Naïve" is a word
            return match.group(0)
        return _only_word(head, tail, words) or match.group(0)

    text = _STRAY_INSIDE.sub(stray, text)
    return "\n".join(_join_split_words(line, words) for line in text.split("\n"))


def _by_field(mend: Callable[[str], str], line: str) -> str:
    """`mend` applied to each of a line's " | "-separated fields: two letter-spaced headings set side by side
    ("C O N T A C T | E X P E R I E N C E", a field break where the page shows a wide gap) are mended one by one."""
    if " | " not in line:
        return mend(line)
    return " | ".join(mend(field) for field in line.split(" | "))


# "P R O F I L E S U M M A R Y": a heading set with letter spacing (Canva) comes out one letter per word.
_LETTER_SPACED = re.compile(r"(?:[^\W\d_] ){3,}[^\W\d_]")


# One letter-spaced word: letters (and a name's hyphen, apostrophe or initial's dot, a heading's brackets) one
# space apart.
_SPACED_WORD = re.compile(r"(?:[^\W\d_]|[-'’.()])(?: (?:[^\W\d_]|[-'’.()]))+")


def _close_up_spaced_words(line: str) -> str:
    """"R O S A L I N D  A C H T E R B E R G": a name or heading set with expanded character spacing (Word's
    Spacing: Expanded, CSS letter-spacing) comes out one space between letters and a wider gap (two or more
    spaces) between words. The wider gaps are the word breaks, so no vocabulary guess is needed (names are in no
    vocabulary)."""
    stripped = line.strip(" \t")
    if "  " not in stripped:
        return line
    words = re.split(r"[ \t]{2,}", stripped)
    if len(words) < 2 or not all(len(w) == 1 and (w.isalpha() or w in "&/+") or _SPACED_WORD.fullmatch(w)
                                 for w in words):
        return line
    if sum(len(w) >= 5 for w in words) < len(words) / 2:  # mostly words of three or more letters
        return line
    return " ".join(w.replace(" ", "") for w in words)


# Words of one or two letters a letter-spaced English heading or name can hold ("ABOUT ME", "HEAD OF ML"). The
# tokenizer's vocabulary also holds word pieces and abbreviations of two letters ("ed", "uc", "ac"), enough to cut
# any foreign word into nonsense ("E D U C A C I O N" -> "ED UC AC ION"), so a shorter piece must be one of these.
_SHORT_WORDS = frozenset({"a", "i", "ai", "an", "as", "at", "be", "by", "hr", "in", "is", "it", "me", "ml", "my",
                          "of", "on", "or", "to", "ui", "up", "us", "ux", "we"})


def _unspace_letters(line: str) -> str:
    """Close up a letter-spaced line and put the word breaks back by the vocabulary ("PROFILE SUMMARY"); the
    letters alone when no split into known words exists (a foreign heading, "EXPERIENCIA", or a name)."""
    if not _LETTER_SPACED.fullmatch(line):
        return line
    letters = line.replace(" ", "")
    words = _vocabulary()
    lower = letters.lower()
    # Fewest known words covering the letters (dynamic programming over end positions).
    best: list[list[int] | None] = [[]] + [None] * len(lower)
    for end in range(1, len(lower) + 1):
        for start in range(max(0, end - 20), end):
            piece = lower[start:end]
            prefix = best[start]
            if prefix is not None and (piece in _SHORT_WORDS or len(piece) >= 3 and piece in words) and (
                    best[end] is None or len(prefix) + 1 < len(best[end] or [])):
                best[end] = prefix + [end]
    cuts = best[len(lower)]
    if not cuts:
        return letters
    out, start = [], 0
    for end in cuts:
        out.append(letters[start:end])
        start = end
    return " ".join(out)


def _join_split_words(line: str, words: frozenset[str]) -> str:
    """Join neighbouring tokens a lost ligature split ("fi nance", "e cient"), scanning pairs left to right."""
    tokens = line.split(" ")
    out: list[str] = []
    index = 0
    while index < len(tokens):
        head = tokens[index]
        tail = tokens[index + 1] if index + 1 < len(tokens) else ""
        core = tail.rstrip(".,;:!?)")  # "fi nance," keeps its comma
        joined = _joined(head, core, words) if _SPLIT_WORD.fullmatch(f"{head} {core}") else None
        if joined is not None:
            out.append(joined + tail[len(core):])
            index += 2
        else:
            out.append(head)
            index += 1
    return " ".join(out)


def _joined(head: str, tail: str, words: frozenset[str]) -> str | None:
    ligature_end = head.lower().endswith(_LIGATURE_TEXTS)
    if tail in words or (len(head) > 1 and head.lower() in words and not ligature_end):
        return None
    if ligature_end and (head + tail).lower() in words:
        return head + tail  # "fi nance": the glyph's text is there, a space came after it
    return _only_word(head, tail, words)

