"""Safe resume intake: an uploaded PDF (or pasted text) becomes normalised text, or a plain `InputError`.

A PDF is hostile input. Cheap checks (size, magic bytes) run first, in this process. Parsing runs in a child
Python process (`python -m assistant.resume.intake`, the PDF bytes on stdin, JSON on stdout) with a wall-clock
timeout and an address-space cap, so a PDF that makes pypdf loop or balloon costs at most `pdf_timeout_s` seconds
and `pdf_memory_mb` megabytes and the app keeps serving. pypdf's own decompression-bomb limits stay on.

The child also separates text a reader cannot see (white or near-white fill, invisible render mode, tiny font,
outside the page) from the visible text, so hidden instructions never reach analysis or a prompt but are reported.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from typing import TYPE_CHECKING, Any

from assistant.errors import InputError
from assistant.resume.models import ExtractedText
from assistant.resume.normalize import normalize_text

if TYPE_CHECKING:
    from assistant.config import Settings

PDF_MAGIC = b"%PDF-"
# What people rename to .pdf by mistake, so the message can say what the file really is.
_OTHER_FORMATS = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (a .docx is one too)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"{\\rtf": "an RTF document",
    b"%!PS": "a PostScript file",
}
SCANNED_MESSAGE = (
    "This PDF looks scanned: no extractable text. Export a text PDF from your editor, or paste the text instead."
)
ENCRYPTED_MESSAGE = "This PDF is password-protected. Remove the password and upload again."


# --------------------------------------------------------------------------------------------------------------
# Parent side
# --------------------------------------------------------------------------------------------------------------


def check_pdf_bytes(data: bytes, settings: Settings) -> None:
    """Reject empty, oversized and non-PDF uploads before spending a subprocess on them."""
    if not data or not data.strip():
        raise InputError("The file is empty.", code="empty_file")
    limit = settings.max_upload_mb * 1024 * 1024
    if len(data) > limit:
        raise InputError(
            f"The file is {len(data) / 1048576:.1f} MB; the limit is {settings.max_upload_mb} MB.", code="too_large"
        )
    # The spec allows junk before the header; real producers put it at byte 0, a few tools within 1 KB.
    if PDF_MAGIC not in data[:1024]:
        for signature, what in _OTHER_FORMATS.items():
            if data.startswith(signature):
                raise InputError(f"This is not a PDF: it looks like {what}. Upload a PDF.", code="not_pdf")
        raise InputError("This is not a PDF (no PDF header). Upload a PDF or paste the text.", code="not_pdf")


def read_pdf(data: bytes, settings: Settings) -> ExtractedText:
    """Extract normalised visible text (and the hidden text, separately) from PDF bytes, or raise `InputError`."""
    check_pdf_bytes(data, settings)
    result = _run_worker(data, settings)
    if not result.get("ok"):
        raise InputError(str(result.get("message", "The PDF could not be read.")), code=str(result.get("code")))
    text = normalize_text("\n".join(result["page_texts"]))
    hidden = [h for h in (normalize_text(piece) for piece in result["hidden"]) if h]
    _check_text_limits(text, settings)
    if not any(ch.isalnum() for ch in text):
        if hidden:
            raise InputError(
                "This PDF has no visible text: all of it is hidden (white, tiny, invisible or off the page). "
                "Export a normal text PDF or paste the text.",
                code="no_text",
            )
        raise InputError(SCANNED_MESSAGE, code="no_text")
    return ExtractedText(
        text=text, pages=int(result["pages"]), producer=result.get("producer"), hidden_text=hidden,
        warnings=list(result.get("warnings", [])),
    )


def read_text(text: str, settings: Settings) -> ExtractedText:
    """Accept pasted resume text with the same character limits and normalisation as a PDF."""
    if len(text) > settings.max_text_chars * 2:  # cheap guard before normalising megabytes of input
        raise _too_many_chars(len(text), settings)
    cleaned = normalize_text(text)
    if not cleaned:
        raise InputError("The text is empty.", code="empty_file")
    _check_text_limits(cleaned, settings)
    if not any(ch.isalnum() for ch in cleaned):
        raise InputError("The text has no words in it.", code="no_text")
    return ExtractedText(text=cleaned, pages=max(1, math.ceil(len(cleaned) / 3500)), producer="pasted text")


def _too_many_chars(count: int, settings: Settings) -> InputError:
    return InputError(
        f"The text is {count:,} characters long; the limit is {settings.max_text_chars:,} (MAX_TEXT_CHARS).",
        code="too_large",
    )


def _check_text_limits(text: str, settings: Settings) -> None:
    if len(text) > settings.max_text_chars:
        raise _too_many_chars(len(text), settings)


def _run_worker(data: bytes, settings: Settings) -> dict[str, Any]:
    command = [
        sys.executable, "-m", "assistant.resume.intake", str(settings.max_pdf_pages), str(settings.pdf_memory_mb),
    ]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=settings.pdf_timeout_s, check=False)
    except subprocess.TimeoutExpired:
        raise InputError(
            f"Reading this PDF took longer than {settings.pdf_timeout_s:g} s, so it was stopped. "
            "Export it again from your editor or paste the text.",
            code="timeout",
        ) from None
    try:
        result: dict[str, Any] = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        # The child died without answering: killed by the memory cap, or crashed inside a C extension.
        return {
            "ok": False, "code": "corrupt",
            "message": "This PDF could not be read (it needs too much memory or is damaged). "
            "Export it again or paste the text.",
        }
    return result


# --------------------------------------------------------------------------------------------------------------
# Child side: runs in its own process; imports pypdf only here
# --------------------------------------------------------------------------------------------------------------

_SHOW_OPS = {b"Tj", b"TJ", b"'", b'"'}
_FILL_OPS = {b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}
_PATH_OPS = {b"m", b"l", b"c", b"v", b"y"}
_UNIT = ((0.0, 0.0), (1.0, 1.0))
_TINY_PT = 2.0
_OFF_PAGE_MARGIN = 5.0
_OCR_LAYER_SHARE = 0.8


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
    return rgb is not None and min(rgb) >= 0.9


class HiddenTextTracker:
    """Follows the graphics state through pypdf's extraction visitors and labels each text run visible or hidden.

    pypdf reports text in runs (flushed at BT/ET, font changes and line breaks), after the show operators that
    produced it; the tracker records the state at each show operator and judges a run hidden only when every
    show operator in it was hidden. White text drawn over a dark filled rectangle (a coloured header band) is
    visible and is not flagged.
    """

    def __init__(self, mediabox: tuple[float, float, float, float]) -> None:
        self.mediabox = mediabox
        self.fill: tuple[float, float, float] | None = (0.0, 0.0, 0.0)
        self.render_mode = 0
        self.font_size = 0.0
        self.stack: list[tuple[tuple[float, float, float] | None, int, float]] = []
        self.path_points: list[tuple[float, ...]] = []
        self.dark_rects: list[tuple[float, float, float, float]] = []
        self.pending: list[str | None] = []
        self.in_show_op = False
        self.runs: list[tuple[str, str | None]] = []

    def before(self, op: bytes, args: list[Any], cm: list[float], tm: list[float]) -> None:
        if op == b"q":
            self.stack.append((self.fill, self.render_mode, self.font_size))
        elif op == b"Q" and self.stack:
            self.fill, self.render_mode, self.font_size = self.stack.pop()
        elif op in (b"rg", b"g", b"k", b"sc", b"scn"):
            self.fill = _as_rgb(args)
        elif op == b"cs":
            self.fill = (0.0, 0.0, 0.0)
        elif op == b"Tr" and args:
            self.render_mode = int(args[0])
        elif op == b"Tf" and len(args) >= 2:
            self.font_size = float(args[1])
        elif op == b"re" and len(args) == 4:
            x, y, w, h = (float(a) for a in args)
            self._add_points([(x, y), (x + w, y + h)], cm)
        elif op in _PATH_OPS and len(args) >= 2:
            values = [float(a) for a in args]
            self._add_points(list(zip(values[::2], values[1::2], strict=False)), cm)
        elif op in _FILL_OPS:
            if self.fill is not None and sum(self.fill) / 3 < 0.6 and self.path_points:
                self.dark_rects.append(_bbox(self.path_points))
            self.path_points = []
        elif op in (b"n", b"S", b"s"):
            self.path_points = []
        elif op == b"Do":
            # An image or form drawn here (a photo, a coloured banner): white text on it is readable.
            self.dark_rects.append(_bbox([tuple(_mult([1, 0, 0, 1, px, py], cm)[4:6]) for px, py in _UNIT]))
        elif op in _SHOW_OPS:
            self.in_show_op = True
            self.pending.append(self._reason(cm, tm))

    def after(self, op: bytes, args: list[Any], cm: list[float], tm: list[float]) -> None:
        if op in _SHOW_OPS:
            self.in_show_op = False

    def text(self, text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if not text:
            return
        # A run flushed while a show operator is being processed belongs to the operators before it.
        if self.in_show_op and self.pending:
            states, self.pending = self.pending[:-1], self.pending[-1:]
        else:
            states, self.pending = self.pending, []
        reason = states[0] if states and all(states) else None
        self.runs.append((text, reason))

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
        if _is_near_white(self.fill) and not any(
            rx0 <= x <= rx1 and ry0 <= y <= ry1 for rx0, ry0, rx1, ry1 in self.dark_rects
        ):
            return "white text"
        return None


def _split_page(page: Any) -> tuple[str, list[str], list[str]]:
    """Return (visible text, hidden runs, warnings) for one page; falls back to plain text if tracking fails."""
    contents = page.get_contents()
    if contents is not None:
        # extract_text swallows pypdf's decompression limits and returns ""; decoding here lets a bomb surface.
        contents.get_data()
    box = page.mediabox
    tracker = HiddenTextTracker((float(box.left), float(box.bottom), float(box.right), float(box.top)))
    try:
        full = page.extract_text(
            extraction_mode="plain", visitor_operand_before=tracker.before,
            visitor_operand_after=tracker.after, visitor_text=tracker.text,
        )
    except Exception as exc:  # the hidden-text pass is best effort; plain text must still come through
        if type(exc).__name__ in ("LimitReachedError", "FileNotDecryptedError"):
            raise
        return page.extract_text(extraction_mode="plain") or "", [], ["hidden-text check skipped on a page"]
    full = full or ""
    if "".join(text for text, _ in tracker.runs) != full:
        # The runs do not reassemble the page (a producer quirk): keep the plain text, flag nothing.
        return full, [], []
    hidden_runs = [(t, r) for t, r in tracker.runs if r and t.strip()]
    hidden_chars = sum(len(t.strip()) for t, _ in hidden_runs)
    visible_chars = sum(len(t.strip()) for t, r in tracker.runs if not r)
    if hidden_chars and all(r and r.startswith("invisible") for _, r in hidden_runs) and (
        hidden_chars >= _OCR_LAYER_SHARE * (hidden_chars + visible_chars)
    ):
        # Almost all text invisible: an OCR text layer over a scan, which is the page's real content.
        return full, [], ["the text comes from an invisible OCR layer"]
    visible: list[str] = []
    hidden: list[str] = []
    current: list[str] = []
    current_reason = ""
    for text, reason in tracker.runs:
        if reason and (text.strip() or current):
            # Whitespace inside a hidden run keeps its words apart.
            current_reason = current_reason or (reason if text.strip() else "")
            current.append(text)
            continue
        if current:
            hidden.append(f"[{current_reason or 'hidden'}] " + "".join(current).strip())
            current, current_reason = [], ""
            if not text.startswith("\n"):
                visible.append("\n")
        visible.append(text)
    if current:
        hidden.append(f"[{current_reason or 'hidden'}] " + "".join(current).strip())
    return "".join(visible), hidden, []


def _worker_extract(data: bytes, max_pages: int) -> dict[str, Any]:
    import io
    import logging

    logging.disable(logging.WARNING)  # pypdf logs recoverable damage; the parent decides what the user sees
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
        for page in reader.pages:
            visible, page_hidden, page_warnings = _split_page(page)
            page_texts.append(visible)
            hidden.extend(page_hidden)
            warnings.extend(w for w in page_warnings if w not in warnings)
        producer = None
        try:
            meta = reader.metadata
            producer = str(meta.get("/Producer") or meta.get("/Creator") or "") or None if meta else None
        except Exception:
            producer = None
        return {
            "ok": True, "pages": pages, "producer": producer, "page_texts": page_texts, "hidden": hidden,
            "warnings": warnings,
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


def _worker_main(argv: list[str]) -> None:
    max_pages, memory_mb = int(argv[0]), int(argv[1])
    try:
        import resource

        cap = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ImportError, ValueError, OSError):  # not POSIX, or a lower hard limit: the timeout still applies
        pass
    data = sys.stdin.buffer.read()
    result = _worker_extract(data, max_pages)
    sys.stdout.write(json.dumps(result))
    sys.stdout.flush()


if __name__ == "__main__":
    _worker_main(sys.argv[1:])
