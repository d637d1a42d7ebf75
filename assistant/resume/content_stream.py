"""A faster reader for page content streams, giving pypdf exactly the operations its own parser would.

pypdf stays the PDF library: it opens the file, decodes the streams, tracks the text state and extracts the text.
Only the tokenising of a page's content stream is done here. pypdf reads it a byte at a time through `BytesIO`
(`ContentStream._parse_content_stream`), which was more than half of a resume's extraction time; this module
walks the same bytes with regular expressions (a run of numbers and its operator in one match) and builds the
same pypdf objects (`NumberObject`, `FloatObject`, `NameObject`, `ByteStringObject`, `ArrayObject`) for the tokens
that make up nearly all of a content stream; literal strings are unescaped by pypdf's rules. Everything else
(dictionaries, names with `#` escapes, unknown escapes, unusual array members) is handed to pypdf's own
`read_object` at that offset, so its rules apply unchanged. Anything
odd for the stream as a whole (an inline image, an operator pypdf would refuse, a token that could be read as an
indirect reference, the parsing budget running low) makes `operations` return None, and the caller lets pypdf
parse the stream itself, limits and errors included. `tests/test_resume_content_stream.py` checks the result
against pypdf's parser on every test PDF and on hand-made edge cases.

stdlib and pypdf only: the PDF worker loads this file by path (see `pdf_worker.py`). It mirrors pypdf 7.1's
tokenizer and imports a few of its internals (the parsing budget, the indirect-reference pattern); if those
move in another pypdf the import fails and the worker simply lets pypdf parse every stream.
"""

from __future__ import annotations

import io
import re
from typing import Any

from pypdf._configuration import get_configuration
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    FloatObject,
    NameObject,
    NumberObject,
    read_object,
)
from pypdf.generic._data_structures import IndirectPattern
from pypdf.generic._utils import StreamParsingBudget

# A number as pypdf reads it: [+-.0-9] first, then up to the first byte outside its `NumberPattern` class (the
# range + to ., so a comma continues a number); pypdf reads one from a 20-byte peek, a longer one another way.
_NUM = rb"[+\-.0-9][+,\-.0-9]{0,18}(?![+,\-.0-9])"
# One token (or a run of them) after pypdf's whitespace between tokens (`read_non_whitespace`: NUL, tab, LF, FF,
# CR, space). Each group is a kind read here; the last one (any other byte) marks a token left to pypdf.
_TOKEN = re.compile(
    rb"[\x00\t\n\x0c\r ]*(?:"
    # 1, 2: numbers, then an operator (an ASCII letter or a quote, up to pypdf's name delimiter): most of a stream
    rb"((?:" + _NUM + rb"[\t\n\x0c\r ]+)*)([A-Za-z'\"][^\s()<>\[\]{}/%]*)"
    # 3: an array of numbers and plain strings (a TJ array); pypdf skips `isspace` and NUL inside arrays
    rb"|\[((?:[\x00\t\n\x0b\x0c\r ]*(?:" + _NUM + rb"|\([^()\\]*\)|<[0-9A-Fa-f]*>))*)[\x00\t\n\x0b\x0c\r ]*\]"
    rb"|(" + _NUM + rb")(?=.)"  # 4 number (not at the very end, where pypdf reads it another way)
    rb"|(/[^\s()<>\[\]{}/%#]*)(?![^\s()<>\[\]{}/%])"  # 5 name without # escapes, ending at a delimiter
    rb"|\(([^()\\]*)\)"  # 6 literal string without escapes or nested parentheses
    rb"|<([0-9A-Fa-f]*)>"  # 7 hex string without whitespace
    rb"|(\[)"  # 8 any other array
    rb"|(%[^\r\n]*[\r\n]?)"  # 9 comment, through the end of its line
    rb"|([^\x00\t\n\x0c\r ]))",  # 10 anything else (trailing whitespace matches nothing and ends the stream)
    re.S,
)
# The members of an array matched by group 3 (a string keeps its parentheses, so an empty one still shows).
_ITEM = re.compile(rb"(" + _NUM + rb")|(\([^()\\]*\))|<([0-9A-Fa-f]*)>")
_R_THEN_NON_LETTER = re.compile(rb"R[^a-zA-Z]")
# Tokens longer than these go to pypdf, whose length limits (and their errors) then apply.
_OPERATOR_MAX = 100
_NAME_MAX = 1000
_NUMBER_MAX = 19  # pypdf reads a number from a 20-byte peek; a longer one takes its slower path


class _Unusual(Exception):
    """The stream needs pypdf's own parser (the caller falls back to it)."""


def operations(data: bytes) -> list[tuple[Any, bytes]] | None:
    """The content stream `data` as pypdf's `ContentStream.operations` (with its "bytes" string encoding), or None
    when the stream holds something this reader leaves to pypdf (which then also raises any error)."""
    if _may_hold_reference(data):  # "1 0 R" would make pypdf's number reader do something else
        return None
    try:
        return _read(data)
    except (MemoryError, RecursionError):
        raise
    except Exception:  # _Unusual, or pypdf's reader refusing a token: pypdf parses (and fails) on its own
        return None


def _may_hold_reference(data: bytes) -> bool:
    """Whether pypdf's `IndirectPattern` matches anywhere; checked only around an "R" not followed by a letter,
    which is rare in a content stream, so the check costs next to nothing."""
    return any(IndirectPattern.search(data, max(0, m.start() - 40), m.end())
               for m in _R_THEN_NON_LETTER.finditer(data))


def _read(data: bytes) -> list[tuple[Any, bytes]]:
    configuration = get_configuration()
    budget = configuration.stream_parsing_work_maximum_count
    array_limit = configuration.array_maximum_element_count
    match = _TOKEN.match
    ops: list[tuple[Any, bytes]] = []
    operands: list[Any] = []
    stream: io.BytesIO | None = None
    position = 0
    # A page repeats its numbers (sizes, offsets, colours, kerning), so each distinct token is converted once.
    # Sharing one immutable number object between operations is safe: pypdf and the worker's visitors only read
    # them (a TJ array is rewritten by replacing its members, never by changing a number).
    known: dict[bytes, Any] = {}
    while True:
        m = match(data, position)
        if m is None:  # only whitespace left
            return ops
        position = m.end()
        kind = m.lastindex
        if kind == 2:
            operator = m.group(2)
            if len(operator) >= _OPERATOR_MAX or operator == b"BI":  # BI: an inline image, pypdf's reader
                raise _Unusual
            numbers = m.group(1)
            if numbers:
                values = _numbers(numbers.split(), known)
                budget -= len(values)
                operands += values
            budget -= 1
            ops.append((operands, operator))
            operands = []
            if budget < 0:
                raise _Unusual
            continue
        if kind == 3:
            items = [
                _numbers([n], known)[0] if n else ByteStringObject(
                    text[1:-1] if text else bytes.fromhex((h + b"0" if len(h) % 2 else h).decode()))
                for n, text, h in _ITEM.findall(m.group(3))
            ]
            if len(items) > array_limit:
                raise _Unusual
            budget -= len(items) + 1
            operands.append(ArrayObject(items))
            continue
        if kind == 4:
            value: Any = _numbers([m.group(4)], known)[0]
        elif kind == 6:
            value = ByteStringObject(m.group(6))
        elif kind == 5 and len(m.group(5)) < _NAME_MAX:
            try:
                value = NameObject(m.group(5).decode("utf-8"))
            except UnicodeDecodeError:
                value = None
        elif kind == 7:
            digits = m.group(7)
            value = ByteStringObject(bytes.fromhex((digits + b"0" if len(digits) % 2 else digits).decode()))
        elif kind == 9:
            continue
        elif kind == 10 and data[m.start(10)] == 40:  # ( a string with escapes or nested parentheses
            literal = _literal(data, m.start(10))
            value = None
            if literal is not None:
                value, position = ByteStringObject(literal[0]), literal[1]
        else:
            value = None
        if value is None:
            # A token for pypdf's own reader, with this stream's remaining budget (as in pypdf's loop).
            if stream is None:
                stream = io.BytesIO(data)
            stream.seek(m.start(kind or 0))
            remaining = StreamParsingBudget(remaining_budget=budget - 1)
            value = read_object(stream, None, "bytes", parsing_budget=remaining)
            budget = remaining.remaining_budget + 1
            position = stream.tell()
        budget -= 1
        operands.append(value)
        if budget < 0:
            raise _Unusual


_new_float, _new_int = float.__new__, int.__new__


def _numbers(tokens: list[bytes], known: dict[bytes, Any]) -> list[Any]:
    """`FloatObject(t)` for tokens with a dot, else `NumberObject(t)`, as pypdf makes them, from `known` when this
    stream already had the token; built without their Python-level constructors (a third of the reading time)
    unless a token is malformed, where those constructors decide (they log and use 0; not remembered, so each
    occurrence logs as with pypdf)."""
    try:
        return [known[t] for t in tokens]
    except KeyError:
        pass
    values = []
    for t in tokens:
        value = known.get(t)
        if value is None:
            try:
                value = known[t] = _new_float(FloatObject, float(t)) if b"." in t else _new_int(NumberObject, int(t))
            except ValueError:
                value = FloatObject(t) if b"." in t else NumberObject(t)
        values.append(value)
    return values


# pypdf's escapes in a literal string (`read_string_from_stream`), by the byte after the backslash.
_ESCAPES = {ord(k): ord(v) for k, v in (
    ("n", "\n"), ("r", "\r"), ("t", "\t"), ("b", "\b"), ("f", "\f"), ("(", "("), (")", ")"), ("/", "/"),
    ("\\", "\\"), (" ", " "), ("%", "%"), ("<", "<"), (">", ">"), ("[", "["), ("]", "]"), ("#", "#"),
    ("_", "_"), ("&", "&"), ("$", "$"))}
_STRING_SPECIAL = re.compile(rb"[()\\]")


def _literal(data: bytes, i: int) -> tuple[bytes, int] | None:
    """The literal string at `data[i] == "("` decoded as pypdf's `read_string_from_stream` does (escapes, octal
    codes, escaped line breaks, balanced parentheses), and the offset after it; None where pypdf would warn or
    fail (an unknown escape, a string cut short), so that pypdf reads it."""
    out = bytearray()
    depth = 1
    j = i + 1
    size = len(data)
    while True:
        m = _STRING_SPECIAL.search(data, j)
        if m is None:
            return None
        k = m.start()
        out += data[j:k]
        c = data[k]
        if c == 40:
            depth += 1
            out.append(40)
            j = k + 1
        elif c == 41:
            depth -= 1
            if depth == 0:
                return bytes(out), k + 1
            out.append(41)
            j = k + 1
        else:
            if k + 1 >= size:
                return None
            e = data[k + 1]
            if e in _ESCAPES:
                out.append(_ESCAPES[e])
                j = k + 2
            elif 48 <= e <= 55:  # one to three octal digits; above 255 the backslash stays and digits are text
                end = k + 2
                while end < k + 4 and end < size and 48 <= data[end] <= 55:
                    end += 1
                if end >= size:
                    return None
                code = int(data[k + 1: end], 8)
                if code > 255:
                    out.append(92)
                    j = k + 1
                else:
                    out.append(code)
                    j = end
            elif e in (10, 13):  # an escaped line break (one or two EOL bytes) is no text
                j = k + 2
                if j < size and data[j] in (10, 13):
                    j += 1
            else:
                return None


__all__ = ["operations"]
