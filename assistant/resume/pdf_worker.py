"""The PDF-reading child process: stdlib and pypdf only, so it starts fast and holds nothing but the PDF.

A worker serves one PDF (bytes on stdin until EOF) or, when the parent opens with `SERVE_MAGIC`, several PDFs in
turn with the same caps; it keeps nothing from one PDF to the next.

`assistant.resume.intake` runs this file as a script (`python -I -S pdf_worker.py MAX_PAGES MEMORY_MB
[PATH ...]`): the PDF bytes arrive on stdin, one JSON object leaves on stdout, and the parent builds the pydantic
models. It must not import `assistant` (that pulls in pydantic and the package's editable-install finder, which
used to cost more than the parsing itself); `-I -S` skip the environment and site-packages, and the parent passes
the directory that holds pypdf as PATH. pypdf is imported before stdin is read, so the parent can start a worker
ahead of time and only the extraction counts against the request; the address-space cap is applied after the
import and before the untrusted bytes are read, so it bounds what the PDF can make the parser allocate.

Besides text, the worker separates text a reader cannot see (white or near-white fill, invisible render mode,
tiny font, outside the page) from visible text, so hidden instructions never reach analysis or a prompt.
"""

from __future__ import annotations

import json
import math
import struct
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the type checker reads the package module, which the fallback below loads by path
    from assistant.resume.layout import (
        Run,
        is_bold_font,
        is_italic_font,
        order_lines,
        page_text,
        without_print_furniture,
    )
else:
    try:  # inside the package (tests, the parent); the worker script loads the sibling file by path instead
        from assistant.resume.layout import (
            Run,
            is_bold_font,
            is_italic_font,
            order_lines,
            page_text,
            without_print_furniture,
        )
    except ImportError:  # pragma: no cover - exercised by every real extraction, in the child process
        import importlib.util as _util
        import os as _os

        _spec = _util.spec_from_file_location(
            "_resume_layout", _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "layout.py"))
        assert _spec is not None and _spec.loader is not None
        _layout_module = _util.module_from_spec(_spec)
        _spec.loader.exec_module(_layout_module)
        Run = _layout_module.Run
        is_bold_font, is_italic_font = _layout_module.is_bold_font, _layout_module.is_italic_font
        order_lines, page_text = _layout_module.order_lines, _layout_module.page_text
        without_print_furniture = _layout_module.without_print_furniture


def _load_stream_reader() -> Any:
    """`content_stream.operations` (the fast content-stream reader), or None when it cannot be loaded (another
    pypdf whose internals it relies on): then pypdf parses every stream itself, only slower. Loaded when pypdf is,
    by path in the worker (it must not import `assistant`)."""
    try:
        try:
            from assistant.resume import content_stream
        except ImportError:  # pragma: no cover - the worker script
            import importlib.util
            import os

            spec = importlib.util.spec_from_file_location(
                "_resume_content_stream", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                       "content_stream.py"))
            assert spec is not None and spec.loader is not None
            content_stream = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(content_stream)
        return content_stream.operations
    except Exception:  # pragma: no cover - an incompatible pypdf
        return False


_stream_reader: Any = None


def _reader() -> Any:
    global _stream_reader
    if _stream_reader is None:
        _stream_reader = _load_stream_reader()
    return _stream_reader

ENCRYPTED_MESSAGE = "This PDF is password-protected. Remove the password and upload again."
# Lines longer than this are prose: their typography is not sent back (headings and names are short).
_STYLED_LINE_CHARS = 120
# Link annotations read per page, the longest mailto: URI kept, and how many addresses are returned: a resume has
# one or two; the caps bound what a hostile file can make the worker return.
_LINK_ANNOTATIONS = 200
_LINK_CHARS = 320
_LINK_EMAILS = 10


_SHOW_OPS = {b"Tj", b"TJ", b"'", b'"'}
_SPACING_OPS = {b"Tc", b"Tw", b"Tz"}
_FILL_OPS = {b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}
_PATH_OPS = {b"m", b"l", b"c", b"v", b"y"}
_UNIT = ((0.0, 0.0), (1.0, 1.0))
_IDENTITY = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
# Drawn rules and bars kept per page (a page of table borders or a chart can draw thousands of paths).
_MAX_SHAPES = 2000
# Text below 4 pt is unreadable on paper and on screen at normal zoom (footnote-sized resume text is 6 pt and up);
# 3 pt keyword payloads were seen in the wild.
_TINY_PT = 4.0
# Text this light on a white page is near-invisible to a reader: luminance 0.8 and up (0.85 grey "keyword
# stuffing"); grey used for dates and captions stays at or below ~0.6.
_READABLE_CONTRAST = 1.5  # WCAG contrast ratio at which light text reads on what is under it
_NEAR_WHITE_LUMINANCE = 0.8
# A colour this saturated (its strongest channel this far above its weakest) is seen by its hue, so it reads at a
# lower luminance contrast (`_readable_on`).
_STRONG_HUE = 0.4
_READABLE_HUE_CONTRAST = 1.3
_OFF_PAGE_MARGIN = 5.0
_OCR_LAYER_SHARE = 0.8
# A negative TJ displacement at least this wide (thousandths of an em) is a word gap, not kerning. LaTeX and
# Typst often draw no space glyph between words and move the pen instead; pypdf counts a gap as a space only when
# it reaches half the font's space glyph, which misses the narrower (often justified) word spaces of fonts with a
# wide space glyph (Source Sans: glyph 0.5 em, TeX word space 0.17-0.25 em), gluing "DevOpsEngineer". Pair
# kerning stays below 0.1 em in text fonts.
_WORD_GAP_EM = 0.12


def _mult(m: list[float], n: list[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def _bbox(points: list[tuple[float, ...]]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _as_rgb(args: list[Any]) -> tuple[float, float, float] | None:
    """Interpret a colour operator's operands by their count (gray, RGB, CMYK); None for patterns."""
    try:
        values = [float(a) for a in args]
    except (TypeError, ValueError):
        return None
    if len(values) == 1:
        return (values[0],) * 3
    if len(values) == 3:
        return values[0], values[1], values[2]
    if len(values) == 4:
        c, m, y, k = values
        return (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    return None


def _is_near_white(rgb: tuple[float, float, float] | None) -> bool:
    """White or so light that a reader does not see it on a white page (0.85 grey included)."""
    if rgb is None:
        return False
    r, g, b = rgb
    return 0.2126 * r + 0.7152 * g + 0.0722 * b >= _NEAR_WHITE_LUMINANCE


def _relative_luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG 2's relative luminance of an sRGB colour (0 black .. 1 white)."""
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (min(max(v, 0.0), 1.0)
                                                                                    for v in rgb))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _readable_on(text: tuple[float, float, float] | None, background: float) -> bool:
    """Does text in this colour stand out from a background of this relative luminance? WCAG's contrast ratio at
    least `_READABLE_CONTRAST`: white on a mid-grey heading box (0.73, ratio 2) reads; white on a faint tint
    (0.95 grey, ratio 1.1) does not. A strong hue stands out by its colour too: a template's lime-green letters
    opening each heading (Friggeri's C2E15F, ratio 1.48) are read, as a reader sees them; a pale grey or yellow
    (ratio 1.4, 1.07) is still hidden."""
    if text is None:
        return False
    lighter, darker = sorted((_relative_luminance(text), background), reverse=True)
    contrast = (lighter + 0.05) / (darker + 0.05)
    return contrast >= _READABLE_CONTRAST or (
        max(text) - min(text) >= _STRONG_HUE and contrast >= _READABLE_HUE_CONTRAST)


def _is_background(rgb: tuple[float, float, float] | None) -> bool:
    """White or nearly (a page-coloured box); a light grey band behind a heading still shows."""
    return rgb is not None and min(rgb) >= 0.97


class HiddenTextTracker:
    """Follows the graphics state through pypdf's extraction visitors and labels each text run visible or hidden.

    pypdf reports text in runs (flushed at BT/ET, font changes and line breaks), after the show operators that
    produced it; the tracker records the state at each show operator and judges a run hidden only when every
    show operator in it was hidden. White or light text is read against the last shape or image painted under it
    (a coloured header band, a grey heading box): where it stands out (`_readable_on`) it is visible and is not
    flagged; on the page itself or a faint tint it is hidden.

    pypdf reads a form XObject's content (Chromium draws an element with opacity or a transform as one) from an
    identity matrix, so the matrices it reports inside a form are in the form's own space: a date line under an
    employer came out at the page's corner, 47 pt tall. The tracker maps them to the page through the form's
    /Matrix and the transformation in force at its `Do` (`page_matrix`), so placement, sizes and the
    off-page check see where the text really is.
    """

    def __init__(self, mediabox: tuple[float, float, float, float], resources: Any = None) -> None:
        self.mediabox = mediabox
        # Form space -> page space for the operators being reported (identity outside forms), the resources the
        # current content names its XObjects in, and what to restore when each `Do` ends.
        self.form_matrix: list[float] = list(_IDENTITY)
        self.resources = resources
        self.forms: list[tuple[list[float], Any]] = []
        self.entering: tuple[list[float], Any] | None = None
        self.fill: tuple[float, float, float] | None = (0.0, 0.0, 0.0)
        self.render_mode = 0
        self.font_size = 0.0
        # The text state's spacing (Tc, Tw, both in unscaled text space units) and horizontal scale (Tz / 100):
        # with the font's glyph widths they give how far each show operator moves the pen (`_advance`).
        self.spacing = (0.0, 0.0, 1.0)
        self.stack: list[tuple[tuple[float, float, float] | None, int, float, tuple[float, float, float]]] = []
        self.path_points: list[tuple[float, ...]] = []
        # Filled shapes and images drawn so far, with the relative luminance they paint (an image counts as dark):
        # the background text drawn over them is read against.
        self.backdrops: list[tuple[tuple[float, float, float, float], float]] = []
        self.pending: list[str | None] = []
        # What each pending show operator drew (its string or TJ array) and the spacing in force.
        self.pending_shows: list[tuple[Any, tuple[float, float, float]]] = []
        self.in_show_op = False
        self.runs: list[tuple[str, str | None]] = []
        # Where and how each run was drawn, parallel to `runs`: (x, y, size, bold, italic, width) or None when
        # unknown; width is the pen's advance over the run (points), None when the font's widths are unknown.
        self.places: list[tuple[float, float, float, bool, bool, float | None] | None] = []
        # The fill colour each run was shown in (parallel to `runs`), and the rules and bars drawn on the page
        # (bounding boxes of stroked or filled paths): typography that sets a heading apart.
        self.colours: list[tuple[float, float, float] | None] = []
        self.pending_colours: list[tuple[float, float, float] | None] = []
        self.shapes: list[tuple[float, float, float, float]] = []
        self._face_cache: dict[int, tuple[bool, bool]] = {}
        self._widths_cache: dict[int, tuple[Any, float, int] | None] = {}

    def before(self, op: bytes, args: list[Any], cm: list[float], tm: list[float]) -> None:
        if self.entering is not None:  # the first operator inside a form: its content is drawn through it
            self.form_matrix, self.resources = self.entering
            self.entering = None
        cm = self.page_matrix(cm)
        if op == b"q":
            self.stack.append((self.fill, self.render_mode, self.font_size, self.spacing))
        elif op == b"Q" and self.stack:
            self.fill, self.render_mode, self.font_size, self.spacing = self.stack.pop()
        elif op in (b"rg", b"g", b"k", b"sc", b"scn"):
            self.fill = _as_rgb(args)
        elif op == b"cs":
            self.fill = (0.0, 0.0, 0.0)
        elif op == b"Tr" and args:
            self.render_mode = int(args[0])
        elif op == b"Tf" and len(args) >= 2:
            self.font_size = float(args[1])
        elif op in _SPACING_OPS and args:
            self._set_spacing(op, args)
        elif op == b"re" and len(args) == 4:
            x, y, w, h = (float(a) for a in args)
            self._add_points([(x, y), (x + w, y + h)], cm)
        elif op in _PATH_OPS and len(args) >= 2:
            values = [float(a) for a in args]
            self._add_points(list(zip(values[::2], values[1::2], strict=False)), cm)
        elif op in _FILL_OPS:
            if self.fill is not None and self.path_points and len(self.backdrops) < _MAX_SHAPES:
                self.backdrops.append((_bbox(self.path_points), _relative_luminance(self.fill)))
            if self.path_points and not _is_background(self.fill) and len(self.shapes) < _MAX_SHAPES:
                self.shapes.append(_bbox(self.path_points))
            self.path_points = []
        elif op in (b"S", b"s"):
            if self.path_points and len(self.shapes) < _MAX_SHAPES:
                self.shapes.append(_bbox(self.path_points))
            self.path_points = []
        elif op == b"n":
            self.path_points = []
        elif op == b"Do":
            self.forms.append((self.form_matrix, self.resources))
            form = self._form(args)
            if form is None:
                # An image drawn here (a photo, a coloured banner): white text on it is readable.
                self.backdrops.append((_bbox([tuple(_mult([1, 0, 0, 1, px, py], cm)[4:6]) for px, py in _UNIT]),
                                       0.0))
            else:
                matrix, resources = form
                self.entering = (_mult(matrix, cm), resources)
        elif op in _SHOW_OPS:
            self.in_show_op = True
            if op == b'"' and len(args) >= 3:
                self._set_spacing(op, args)
            self.pending.append(self._reason(cm, tm))
            self.pending_colours.append(self.fill)
            self.pending_shows.append((args[-1] if args else None, self.spacing))
            if op == b"TJ" and args:
                mark_word_gaps(args[0])

    def after(self, op: bytes, args: list[Any], cm: list[float], tm: list[float]) -> None:
        if op in _SHOW_OPS:
            self.in_show_op = False
        elif op == b"Do" and self.forms:
            self.form_matrix, self.resources = self.forms.pop()
            self.entering = None

    def page_matrix(self, cm: Any) -> Any:
        """`cm` as reported by pypdf, mapped to page space (unchanged outside a form XObject)."""
        if self.form_matrix == _IDENTITY:
            return cm
        try:
            return _mult(list(map(float, cm)), self.form_matrix)
        except (TypeError, ValueError):
            return cm

    def _form(self, args: list[Any]) -> tuple[list[float], Any] | None:
        """(its /Matrix, its /Resources) when the `Do` operand names a form XObject; None for an image or when
        the form cannot be looked up (then its text is placed as pypdf reports it)."""
        try:
            form = self.resources.get_object()["/XObject"].get_object()[args[0]].get_object()
            if form.get("/Subtype") != "/Form":
                return None
            matrix = [float(v) for v in form.get("/Matrix", _IDENTITY)]
            resources = form.get("/Resources")
            return (matrix if len(matrix) == 6 else list(_IDENTITY)), (
                resources.get_object() if resources is not None else None)
        except Exception:  # no resources, a missing or malformed XObject: nothing to map through
            return None

    def text(self, text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if not text:
            return
        # A run flushed while a show operator is being processed belongs to the operators before it.
        if self.in_show_op and self.pending:
            states, self.pending = self.pending[:-1], self.pending[-1:]
            fills, self.pending_colours = self.pending_colours[:-1], self.pending_colours[-1:]
            shows, self.pending_shows = self.pending_shows[:-1], self.pending_shows[-1:]
        else:
            states, self.pending = self.pending, []
            fills, self.pending_colours = self.pending_colours, []
            shows, self.pending_shows = self.pending_shows, []
        reason = states[0] if states and all(states) else None
        self.runs.append((text, reason))
        self.colours.append(fills[0] if fills else self.fill)
        self.places.append(self._place(self.page_matrix(cm), tm, font, size, shows) if text.strip() else None)

    def _place(self, cm: Any, tm: Any, font: Any, size: Any, shows: list[tuple[Any, tuple[float, float, float]]],
               ) -> tuple[float, float, float, bool, bool, float | None] | None:
        try:
            m = _mult(list(map(float, tm)), list(map(float, cm)))
            effective = float(size) * math.hypot(m[2], m[3])
        except (TypeError, ValueError):
            return None
        bold, italic = self._face(font)
        # A slanted text matrix (fpdf2 and some Word exports fake italics by shearing) is italic too.
        slanted = abs(m[1]) < 0.01 * abs(m[0]) and abs(m[2]) > 0.1 * abs(m[3])
        advance = self._advance(font, float(size), shows)
        width = None if advance is None else advance * math.hypot(m[0], m[1])
        return m[4], m[5], round(effective, 2), bold, italic or slanted, width

    def _set_spacing(self, op: bytes, args: list[Any]) -> None:
        char, word, scale = self.spacing
        try:
            if op == b"Tc":
                char = float(args[0])
            elif op == b"Tw":
                word = float(args[0])
            elif op == b"Tz":
                scale = float(args[0]) / 100
            else:  # '"': word spacing, character spacing, then the string
                word, char = float(args[0]), float(args[1])
        except (TypeError, ValueError):
            return
        self.spacing = (char, word, scale)

    def _advance(self, font: Any, size: float, shows: list[tuple[Any, tuple[float, float, float]]]) -> float | None:
        """How far the run's show operators moved the pen, in text space (PDF 9.4.4: each glyph's width times the
        font size, plus character spacing, plus word spacing at a single-byte space, less a TJ array's
        displacements, times the horizontal scale). None when the font's widths are not known (a Type 3 font, a
        CMap other than Identity, a broken dictionary): the reader then estimates from the character count."""
        table = self._widths(font)
        if table is None or not shows:
            return None
        try:
            return _pen_moved(table, size, shows)
        except Exception:  # an odd operand (a name in a TJ array): the width is a hint, the text still reads
            return None

    def _widths(self, font: Any) -> tuple[Any, float, int] | None:
        """(glyph widths by character code, the default width, bytes per code) for a font resource, cached."""
        key = id(font)
        if key not in self._widths_cache:
            self._widths_cache[key] = _glyph_widths(font)
        return self._widths_cache[key]

    def _face(self, font: Any) -> tuple[bool, bool]:
        key = id(font)
        if key not in self._face_cache:
            self._face_cache[key] = _font_face(font)
        return self._face_cache[key]

    def _add_points(self, points: list[tuple[float, float]], cm: list[float]) -> None:
        self.path_points.extend(tuple(_mult([1, 0, 0, 1, px, py], cm)[4:6]) for px, py in points)

    def _reason(self, cm: list[float], tm: list[float]) -> str | None:
        if self.render_mode in (3, 7):
            return "invisible text (render mode 3)"
        m = _mult(list(map(float, tm)), list(map(float, cm)))
        size = self.font_size * math.hypot(m[2], m[3])
        if 0 < size < _TINY_PT:
            return f"tiny text ({size:.1f} pt)"
        x, y = m[4], m[5]
        x0, y0, x1, y1 = self.mediabox
        margin = _OFF_PAGE_MARGIN
        if x < x0 - margin or x > x1 + margin or y < y0 - margin or y > y1 + margin:
            return "text outside the page"
        if _is_near_white(self.fill):
            # Read against what is painted under it: the last shape or image drawn there, else the white page.
            under = next((luminance for (rx0, ry0, rx1, ry1), luminance in reversed(self.backdrops)
                          if rx0 <= x <= rx1 and ry0 <= y <= ry1), 1.0)
            if not _readable_on(self.fill, under):
                return "white text" if min(self.fill or (0.0,)) >= 0.9 else "near-invisible light text"
        return None


def _pen_moved(table: tuple[Any, float, int], size: float, shows: list[tuple[Any, tuple[float, float, float]]],
               ) -> float:
    """`HiddenTextTracker._advance` for a font's width table (`_glyph_widths`)."""
    widths, default, code_bytes = table
    total = 0.0
    for operand, (char, word, scale) in shows:
        moved = 0.0
        for item in operand if isinstance(operand, list) else [operand]:
            if isinstance(item, (int, float)):
                moved -= float(item) / 1000 * size
                continue
            raw = item.get_original_bytes() if hasattr(item, "get_original_bytes") else bytes(item)
            if code_bytes == 1:
                glyphs = len(raw)
                em = sum(map(widths.__getitem__, raw))
                moved += word * raw.count(32)
            else:
                glyphs = len(raw) // 2
                em = sum(widths.get(code, default) for code in struct.unpack(f">{glyphs}H", raw[:2 * glyphs]))
            moved += em / 1000 * size + char * glyphs
        total += moved * scale
    return total


def _glyph_widths(font: Any) -> tuple[Any, float, int] | None:
    """(advance widths in thousandths of an em, indexed by character code; the width of a code not listed; bytes per
    code) for a font resource: a simple font's /Widths (a standard 14 font named without them: pypdf's core
    metrics), a composite font's descendant /W read two bytes a code (Identity-H/V, what producers embed). None
    where widths are not in thousandths of an em or codes are not so read (Type 3, other CMaps, a broken
    dictionary): the reader then estimates from the character count."""
    try:
        font = font.get_object()
        subtype = font.get("/Subtype")
        if subtype == "/Type0":
            if font.get("/Encoding") not in ("/Identity-H", "/Identity-V"):
                return None
            descendant = font["/DescendantFonts"][0].get_object()
            return _cid_widths(descendant.get("/W")), float(descendant.get("/DW", 1000)), 2
        if subtype == "/Type3":
            return None
        if "/Widths" in font:
            first = int(font.get("/FirstChar", 0))
            descriptor = font.get("/FontDescriptor")
            missing = float(descriptor.get_object().get("/MissingWidth", 0)) if descriptor is not None else 0.0
            table = [missing] * 256
            for code, width in zip(range(first, 256), font["/Widths"].get_object(), strict=False):
                if code >= 0:
                    table[code] = float(width.get_object())
            return table, missing, 1
        from pypdf.generic._font import Font

        widths = Font.from_font_resource(font).character_widths
        default = float(widths.get("default", 500))
        return [float(widths.get(chr(code), default)) for code in range(256)], default, 1
    except Exception:
        return None


# Two-byte codes: a composite font's /W lists at most this many.
_MAX_CODES = 65536


def _cid_widths(array: Any) -> dict[int, float]:
    """A descendant font's /W array as {code: width}: "c [w1 w2 ...]" and "c_first c_last w" entries."""
    items = [item.get_object() for item in array.get_object()] if array is not None else []
    table: dict[int, float] = {}
    index = 0
    while index + 1 < len(items) and len(table) < _MAX_CODES:
        first, following = int(items[index]), items[index + 1]
        if isinstance(following, list):
            table.update((first + k, float(w.get_object())) for k, w in enumerate(following[:_MAX_CODES]))
            index += 2
        elif index + 2 < len(items):
            width = float(items[index + 2])
            table.update((code, width) for code in range(max(first, 0), min(int(following), _MAX_CODES - 1) + 1))
            index += 3
        else:
            break
    return table


def _font_face(font: Any) -> tuple[bool, bool]:
    """(bold, italic) by name, weight, flags and italic angle, from a font resource dictionary (Type0 fonts keep
    them in the descendant)."""
    try:
        name = str(font.get("/BaseFont", "")) if font is not None else ""
        descriptor = font.get("/FontDescriptor") if font is not None else None
        if descriptor is None and font is not None and font.get("/DescendantFonts"):
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else {}
        flags = int(descriptor.get("/Flags", 0) or 0)
        return (is_bold_font(name, flags, float(descriptor.get("/FontWeight", 0) or 0)),
                is_italic_font(name, flags, float(descriptor.get("/ItalicAngle", 0) or 0)))
    except Exception:  # a broken font dictionary only costs the typography hint
        return False, False


def mark_word_gaps(array: Any) -> None:
    """Make pypdf see every word gap in a TJ array as a space, without moving any glyph.

    pypdf adds a space for a negative displacement of at least half the font's space width (in thousandths of an
    em). A gap of `_WORD_GAP_EM` or more is rewritten in place (the visitor runs before pypdf reads the operands)
    as a displacement wide enough for any font followed by the opposite correction, so the pen ends where the
    producer put it and pypdf's position tracking (line breaks, column gaps) is unchanged.
    """
    if not isinstance(array, list):
        return
    wide = 1000.0  # half a space is at most half an em in any text font
    index = 0
    while index < len(array):
        item = array[index]
        if isinstance(item, (int, float)) and -wide < item <= -_WORD_GAP_EM * 1000:
            array[index: index + 1] = [-wide, wide + float(item)]
            index += 2
        else:
            index += 1


# What TeX's pifont (and URW's fonts) call an embedded Zapf Dingbats: "ABCDEF+Dingbats", subset-prefixed.
_DINGBATS_NAMES = ("Dingbats", "ZapfDingbats")


def _decode_embedded_dingbats(resources: Any) -> None:
    """Decode an embedded Zapf Dingbats by the Dingbats table, in memory: give it the /ToUnicode it lacks.

    pifont's \\ding{224} between two years ("2014 ➠ 2017") is a Type 1 Dingbats subset with neither /Encoding nor
    /ToUnicode. pypdf then reads the glyph names of the font's built-in encoding ("a160") through the Adobe Glyph
    List, where they are no dingbats: the arrow came out as "«" and the range was not read. The core font's table
    (pypdf's own, under /ZapfDingbats) says what each code is."""
    from pypdf._codecs import charset_encoding
    from pypdf.generic import NameObject, StreamObject

    fonts = resources.get_object().get("/Font") if resources is not None else None
    for font in (fonts.get_object().values() if fonts is not None else []):
        font = font.get_object()
        if (font.get("/Subtype") == "/Type1" and "/Encoding" not in font and "/ToUnicode" not in font
                and str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1] in _DINGBATS_NAMES):
            pairs = [(code, char) for code, char in enumerate(charset_encoding["/ZapfDingbats"])
                     if len(char) == 1 and char != "\x00"]
            cmap = StreamObject()
            cmap.set_data(("begincmap\n1 begincodespacerange <00> <FF> endcodespacerange\n"
                           + f"{len(pairs)} beginbfchar\n"
                           + "".join(f"<{code:02X}> <{ord(char):04X}>\n" for code, char in pairs)
                           + "endbfchar\nendcmap\n").encode("ascii"))
            font[NameObject("/ToUnicode")] = cmap


# What a TeX font in the OT1 encoding draws at code 32: the stroke of "ł" and "Ł" ("\\l" is the stroke then "l"),
# named "suppress" in the font's glyph list. Read as U+0337 (a combining stroke); `normalize` makes "ł" of it.
_OT1_STROKE = "suppress"


def _read_ot1_stroke(resources: Any) -> None:
    """Give an OT1 TeX font's stroke glyph a meaning, in memory: pdfTeX's /ToUnicode map leaves code 32 out, and
    pypdf then read it as a space, so "Paweł Wróblik" came out "Pawe l Wróblik" and no name was found. Only a font
    whose glyph list names the stroke and whose map lacks the code is changed."""
    from pypdf.generic import NameObject, StreamObject

    fonts = resources.get_object().get("/Font") if resources is not None else None
    for font in (fonts.get_object().values() if fonts is not None else []):
        font = font.get_object()
        descriptor = font.get("/FontDescriptor")
        charset = str(descriptor.get_object().get("/CharSet", "")) if descriptor is not None else ""
        to_unicode = font.get("/ToUnicode")
        if _OT1_STROKE not in charset.split("/") or to_unicode is None:
            continue
        data = to_unicode.get_object().get_data()
        if b"<20>" in data or b"endcmap" not in data:
            continue
        cmap = StreamObject()
        cmap.set_data(data.replace(b"endcmap", b"1 beginbfchar\n<20> <0337>\nendbfchar\nendcmap", 1))
        font[NameObject("/ToUnicode")] = cmap


def _split_page(page: Any, number: int = 1, pages: int = 1
                ) -> tuple[str, list[str], list[str], list[Any], list[str]]:
    """Return (visible text, hidden runs, warnings, line styles, what a browser printed in the margins) for page
    `number` of `pages`; falls back to pypdf's plain text when tracking fails or runs carry no positions."""
    contents = page.get_contents()
    if contents is not None:
        # extract_text swallows pypdf's decompression limits and returns ""; decoding here lets a bomb surface.
        data = contents.get_data()
        reader = _reader()
        operations = reader(data) if reader and data else None
        if operations is not None:
            from pypdf.generic import NameObject

            # pypdf extracts from a /Contents that is already a parsed ContentStream as is (public setter).
            contents.operations = operations
            page[NameObject("/Contents")] = contents
    _decode_embedded_dingbats(page.get("/Resources"))
    _read_ot1_stroke(page.get("/Resources"))
    box = page.mediabox
    tracker = HiddenTextTracker((float(box.left), float(box.bottom), float(box.right), float(box.top)),
                                page.get("/Resources"))
    try:
        full = page.extract_text(
            extraction_mode="plain", visitor_operand_before=tracker.before,
            visitor_operand_after=tracker.after, visitor_text=tracker.text,
        )
    except Exception as exc:  # the hidden-text pass is best effort; plain text must still come through
        if type(exc).__name__ in ("LimitReachedError", "FileNotDecryptedError"):
            raise
        return page.extract_text(extraction_mode="plain") or "", [], ["hidden-text check skipped on a page"], [], []
    full = full or ""
    if "".join(text for text, _ in tracker.runs) != full:
        # The runs do not reassemble the page (a producer quirk): keep the plain text, flag nothing.
        return full, [], [], [], []
    hidden_runs = [(t, r) for t, r in tracker.runs if r and t.strip()]
    hidden_chars = sum(len(t.strip()) for t, _ in hidden_runs)
    visible_chars = sum(len(t.strip()) for t, r in tracker.runs if not r)
    if hidden_chars and all(r and r.startswith("invisible") for _, r in hidden_runs) and (
        hidden_chars >= _OCR_LAYER_SHARE * (hidden_chars + visible_chars)
    ):
        # Almost all text invisible: an OCR text layer over a scan, which is the page's real content.
        return full, [], ["the text comes from an invisible OCR layer"], [], []
    visible: list[str] = []
    hidden: list[str] = []
    try:
        laid_out = _layout(tracker, box, number, pages)
    except (MemoryError, RecursionError):
        raise
    except Exception:  # reading order is an improvement over the stream's order, never a reason to fail
        laid_out = None
    current: list[str] = []
    current_reason = ""
    for text, reason in tracker.runs:
        if reason and (text.strip() or current):
            # Whitespace inside a hidden run keeps its words apart.
            current_reason = current_reason or (reason if text.strip() else "")
            current.append(text)
            continue
        if current:
            _add_hidden(hidden, current_reason, current)
            current, current_reason = [], ""
            if not text.startswith("\n"):
                visible.append("\n")
        visible.append(text)
    if current:
        _add_hidden(hidden, current_reason, current)
    if laid_out is not None:
        return laid_out[0], hidden, [], laid_out[1], laid_out[2]
    return "".join(visible), hidden, [], [], []


def _add_hidden(hidden: list[str], reason: str, pieces: list[str]) -> None:
    """Record a hidden run as "[reason] text"; a light decorative glyph (a chart segment, a dot) carries no words
    and is not reported."""
    text = "".join(pieces).strip()
    if any(ch.isalnum() for ch in text):
        hidden.append(f"[{reason or 'hidden'}] " + text)


def _layout(tracker: HiddenTextTracker, box: Any, number: int = 1, pages: int = 1
            ) -> tuple[str, list[Any], list[str]] | None:
    """The page's visible text in reading order, with per-line typography, and what a browser printed in the page's
    margins (`without_print_furniture`), which is no part of it; None when runs lack positions."""
    runs: list[Run] = []
    order = 0
    separator = ""
    for (text, reason), place, colour in zip(tracker.runs, tracker.places, tracker.colours, strict=True):
        if not text.strip():
            separator += text
            continue
        order += 1
        if reason:
            separator = ""
            continue
        if place is None:
            return None
        x, y, size, bold, italic, width = place
        if _drawn_again(runs, text, x, y, size):
            separator = ""
            continue
        runs.append(Run(text=text, x=x, y=y, size=size, bold=bold, order=order, previous=order - 1,
                        sep_before=separator, italic=italic, colour=colour, width=width))
        separator = ""
    kept = without_print_furniture(runs, number, pages)
    # The margins' text goes back to the parent apart, so an instruction printed there is still found and flagged.
    kept_ids = {id(run) for run in kept}
    margins = [" ".join(run.text.strip() for run in runs if id(run) not in kept_ids)] if len(kept) < len(runs) else []
    if not kept:
        return None
    lines = order_lines(kept, float(box.left), float(box.right))
    text, styles = page_text(lines, tracker.shapes)
    return text, styles, margins


# How far a second drawing of the same words may sit from the first and still be the same text, in ems: a
# CSS text-shadow or a simulated bold (the words drawn again 0.2-1 pt off) is one line to a reader.
_OVERPRINT_EM = 0.15


def _drawn_again(runs: list[Run], text: str, x: float, y: float, size: float) -> bool:
    """Is this run the same words just drawn at (almost) the same place -- a shadow or a simulated bold? Read
    twice, "Work Work" / "Experience Experience" hid the section headings and doubled every title."""
    near = _OVERPRINT_EM * size
    return any(run.text == text and abs(run.size - size) < 0.1 and abs(run.x - x) <= near and abs(run.y - y) <= near
               for run in runs[-3:])


def extract(data: bytes, max_pages: int) -> dict[str, Any]:
    """Read PDF bytes into `{"ok": True, pages, producer, page_texts, hidden, warnings}` or `{"ok": False, code,
    message}`; never raises for a bad PDF."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import EmptyFileError, FileNotDecryptedError, LimitReachedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):  # owner-password-only PDFs open with the empty user password
                    return {"ok": False, "code": "encrypted", "message": ENCRYPTED_MESSAGE}
            except Exception:  # AES without `cryptography`, or a broken encryption dictionary
                return {"ok": False, "code": "encrypted", "message": ENCRYPTED_MESSAGE}
        pages = len(reader.pages)
        if pages > max_pages:
            return {
                "ok": False, "code": "too_large",
                "message": f"The PDF has {pages} pages; the limit is {max_pages} (MAX_PDF_PAGES). "
                "A resume is one to three pages: upload the resume alone.",
            }
        page_texts: list[str] = []
        hidden: list[str] = []
        warnings: list[str] = []
        styles: list[list[Any]] = []
        margins: list[str] = []
        for number, page in enumerate(reader.pages, start=1):
            visible, page_hidden, page_warnings, page_styles, page_margins = _split_page(page, number, pages)
            margins.extend(page_margins)
            page_texts.append(visible)
            styles.extend([number, *style] for style in page_styles if len(style[0]) <= _STYLED_LINE_CHARS)
            hidden.extend(page_hidden)
            warnings.extend(w for w in page_warnings if w not in warnings)
        producer = None
        try:
            meta = reader.metadata
            producer = str(meta.get("/Producer") or meta.get("/Creator") or "") or None if meta else None
        except Exception:
            producer = None
        document_names: list[str] = []
        try:  # the author and title a producer stored: the parser uses them only where the visible text agrees
            meta = reader.metadata
            document_names = [str(meta.get(key))[:200] for key in ("/Author", "/Title") if meta and meta.get(key)]
        except Exception:
            document_names = []
        return {
            "ok": True, "pages": pages, "producer": producer, "page_texts": page_texts, "hidden": hidden,
            "warnings": warnings, "styles": styles, "document_names": document_names,
            "link_emails": _link_emails(reader.pages), "margins": margins,
        }
    except FileNotDecryptedError:
        return {"ok": False, "code": "encrypted", "message": ENCRYPTED_MESSAGE}
    except EmptyFileError:
        return {"ok": False, "code": "empty_file", "message": "The file is empty."}
    except LimitReachedError:
        return {
            "ok": False, "code": "too_large",
            "message": "This PDF contains a compressed stream far larger than any resume (a decompression bomb?). "
            "Export it again or paste the text.",
        }
    except MemoryError:
        return {
            "ok": False, "code": "too_large",
            "message": "Reading this PDF needed more memory than allowed (PDF_MEMORY_MB). Export it again.",
        }
    except (PyPdfError, Exception):
        return {
            "ok": False, "code": "corrupt",
            "message": "This PDF is damaged or incomplete and could not be read. Export it again or paste the text.",
        }


def _link_emails(pages: Any) -> list[str]:
    """The addresses the document's links write to (`mailto:` link annotations), in page order, at most
    `_LINK_EMAILS`. The parser uses one only to choose between readings of an address the text prints (one wrapped
    over two lines, or run into the next word), never to add one the page does not show."""
    from urllib.parse import unquote

    found: list[str] = []
    for page in pages:
        try:
            annotations = page.get("/Annots")
            annotations = annotations.get_object() if annotations is not None else []
            for annotation in list(annotations)[:_LINK_ANNOTATIONS]:
                action = annotation.get_object().get("/A")
                uri = action.get_object().get("/URI") if action is not None else None
                uri = uri.get_object() if uri is not None else None
                if isinstance(uri, bytes):
                    uri = uri.decode("latin-1")
                if not isinstance(uri, str) or uri[:7].lower() != "mailto:" or len(uri) > _LINK_CHARS:
                    continue
                for address in unquote(uri[7:].split("?", 1)[0]).split(","):
                    address = address.strip()
                    if address and address not in found and len(found) < _LINK_EMAILS:
                        found.append(address)
        except Exception:  # a broken annotation costs only its page's links, never the text
            continue
    return found


def _set_memory_cap(memory_mb: int) -> None:
    try:
        import resource

        cap = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ImportError, ValueError, OSError):  # not POSIX, or a lower hard limit: the timeout still applies
        pass


# First bytes a parent sends to keep this worker for several PDFs; then each PDF is an 8-byte big-endian length
# and the bytes, and each answer an 8-byte length and the JSON. A PDF never starts with a NUL.
SERVE_MAGIC = b"\x00PW1"
READY = b"R"


def _read_exactly(stream: Any, size: int) -> bytes:
    chunks: list[bytes] = []
    while size > 0:
        chunk = stream.read(size)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def main(argv: list[str]) -> None:
    """Entry point: `MAX_PAGES MEMORY_MB [PATH ...]`; PDF bytes on stdin, one JSON object on stdout. A stream
    that starts with `SERVE_MAGIC` is served PDF after PDF (framed) until stdin closes."""
    max_pages, memory_mb = int(argv[0]), int(argv[1])
    sys.path.extend(p for p in argv[2:] if p not in sys.path)
    import logging

    logging.disable(logging.WARNING)  # pypdf logs recoverable damage; the parent decides what the user sees
    import pypdf  # noqa: F401  (warm: imported while the worker waits as a spare, not while a user waits)

    _reader()
    import gc

    # Reading a page makes hundreds of thousands of small pypdf objects, and the default collector thresholds ran
    # a collection every 700 of them, each walking everything alive: about a third of extraction time. Collect
    # far less often (cycles are still found), and leave the interpreter and pypdf, imported once, out of it.
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)

    _set_memory_cap(memory_mb)
    stdin = sys.stdin.buffer
    head = _read_exactly(stdin, len(SERVE_MAGIC))
    if not head:  # a spare worker the parent never used: its stdin closed when the parent exited
        return
    if head == SERVE_MAGIC:
        sys.stdout.buffer.write(READY)  # pypdf is imported: from here on only extraction counts
        sys.stdout.buffer.flush()
        while True:
            size = _read_exactly(stdin, 8)
            if len(size) < 8:
                return
            data = _read_exactly(stdin, int.from_bytes(size, "big"))
            answer = json.dumps(extract(data, max_pages)).encode("utf-8")
            sys.stdout.buffer.write(len(answer).to_bytes(8, "big") + answer)
            sys.stdout.buffer.flush()
    data = head + stdin.read()
    result = extract(data, max_pages)
    sys.stdout.write(json.dumps(result))
    sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
