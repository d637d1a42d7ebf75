"""Safe resume intake: an uploaded PDF (or pasted text) becomes normalised text, or a plain `InputError`.

A PDF is hostile input. Cheap checks (size, magic bytes) run first, in this process. Parsing runs in a child
Python process (`assistant/resume/pdf_worker.py`: stdlib + pypdf only, the PDF bytes on stdin, JSON on stdout)
with a wall-clock timeout and an address-space cap, so a PDF that makes pypdf loop or balloon costs at most
`pdf_timeout_s` seconds and `pdf_memory_mb` megabytes and the app keeps serving. pypdf's own decompression-bomb
limits stay on. The child also separates hidden text (white, tiny, invisible, off the page) from visible text.

Every PDF gets a fresh, single-use worker, so a worker the memory cap or the timeout killed cannot affect the
next request. Starting Python and importing pypdf costs more than extracting a resume, so after each request
the next worker is started ahead of time (`_SpareWorker`); it waits on stdin with pypdf imported and only the
extraction counts against the user's wait and the timeout.
"""

from __future__ import annotations

import atexit
import importlib.util
import json
import math
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import InputError
from assistant.resume.models import ExtractedText, StyledLine
from assistant.resume.normalize import normalize_text
from assistant.resume.pdf_worker import ENCRYPTED_MESSAGE

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
__all__ = ["ENCRYPTED_MESSAGE", "SCANNED_MESSAGE", "check_pdf_bytes", "read_pdf", "read_text", "worker_command"]


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
    styled = []
    for page, line, size, bold, x, gap in result.get("styles", []):
        cleaned = normalize_text(line)
        if cleaned:
            styled.append(StyledLine(page=page, text=cleaned, size=size, bold=bold, x=x, gap=gap))
    return ExtractedText(
        text=text, pages=int(result["pages"]), producer=result.get("producer"), hidden_text=hidden,
        warnings=list(result.get("warnings", [])), styled_lines=styled,
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


def worker_command(settings: Settings) -> list[str]:
    """The command line of one PDF worker for these limits (benchmarks run it directly to measure its memory)."""
    spec = importlib.util.find_spec("pypdf")  # locates pypdf without importing it into this process
    paths = [str(Path(spec.origin).parent.parent)] if spec and spec.origin else []
    return [
        sys.executable, "-I", "-S", str(Path(__file__).with_name("pdf_worker.py")),
        str(settings.max_pdf_pages), str(settings.pdf_memory_mb), *paths,
    ]


class _SpareWorker:
    """At most one started-but-unused worker, for the next request with the same limits.

    A spare is only ever handed out once (taken under a lock), so concurrent uploads never share a process; when
    none is ready (first use, limits changed, or it died while waiting) the caller starts a fresh one.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._spare: tuple[tuple[str, ...], subprocess.Popen[bytes]] | None = None
        atexit.register(self.discard)

    def take(self, command: list[str]) -> subprocess.Popen[bytes]:
        with self._lock:
            spare, self._spare = self._spare, None
        if spare is not None:
            key, process = spare
            if key == tuple(command) and process.poll() is None:
                return process
            _close(process)
        return _start(command)

    def prepare(self, command: list[str]) -> None:
        process = _start(command)
        with self._lock:
            previous, self._spare = self._spare, (tuple(command), process)
        if previous is not None:
            _close(previous[1])

    def discard(self) -> None:
        with self._lock:
            spare, self._spare = self._spare, None
        if spare is not None:
            _close(spare[1])


def _start(command: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)


def _close(process: subprocess.Popen[bytes]) -> None:
    """End an unused worker: closing stdin makes it exit; kill it if it does not promptly."""
    try:
        process.communicate(timeout=2)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()


_SPARE = _SpareWorker()


def _run_worker(data: bytes, settings: Settings) -> dict[str, Any]:
    command = worker_command(settings)
    process = _SPARE.take(command)
    try:
        stdout, _ = process.communicate(data, timeout=settings.pdf_timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise InputError(
            f"Reading this PDF took longer than {settings.pdf_timeout_s:g} s, so it was stopped. "
            "Export it again from your editor or paste the text.",
            code="timeout",
        ) from None
    finally:
        _SPARE.prepare(command)
    try:
        result: dict[str, Any] = json.loads(stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        # The child died without answering: killed by the memory cap, or crashed inside a C extension.
        return {
            "ok": False, "code": "corrupt",
            "message": "This PDF could not be read (it needs too much memory or is damaged). "
            "Export it again or paste the text.",
        }
    return result


if __name__ == "__main__":  # kept for callers that run the worker as `python -m assistant.resume.intake`
    from assistant.resume.pdf_worker import main

    main(sys.argv[1:])
