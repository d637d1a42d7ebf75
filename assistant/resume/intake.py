"""Safe resume intake: an uploaded PDF (or pasted text) becomes normalised text, or a plain `InputError`.

A PDF is hostile input. Cheap checks (size, magic bytes) run first, in this process. Parsing runs in a child
Python process (`assistant/resume/pdf_worker.py`: stdlib + pypdf only, the PDF bytes on stdin, JSON on stdout)
with a wall-clock timeout and an address-space cap, so a PDF that makes pypdf loop or balloon costs at most
`pdf_timeout_s` seconds and `pdf_memory_mb` megabytes and the app keeps serving. pypdf's own decompression-bomb
limits stay on. The child also separates hidden text (white, tiny, invisible, off the page) from visible text.

Starting Python and importing pypdf costs more than extracting a resume, so a worker serves several PDFs with
the same caps (`_WorkerPool`), one request at a time; after any failure, timeout or memory error it is killed
and a fresh worker is started ahead of the next request, so a PDF that hurt a worker cannot affect the next one.
Only the extraction counts against the user's wait and the timeout.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import json
import math
import os
import select
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import InputError
from assistant.resume.layout import sidebars_after_their_columns, without_running_lines
from assistant.resume.models import ExtractedText, StyledLine
from assistant.resume.normalize import list_markers, normalize_text, plain_from_markdown, tabs_as_field_breaks
from assistant.resume.pdf_worker import ENCRYPTED_MESSAGE, READY, SERVE_MAGIC
from assistant.text.unicode import tag_smuggled_text

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
# Text that is mostly symbols: a font with no map from its glyphs to letters, read as the glyphs' raw codes.
UNREADABLE_FONTS_MESSAGE = (
    "The text in this PDF does not read as words: its fonts carry no map from their glyphs to letters (some "
    "\"Print to PDF\" drivers and design tools export this way), so no reader can take the text out of it, "
    "applicant-tracking systems included. Export it again with \"Save as PDF\" or \"Download as PDF\", or paste "
    "the text instead."
)
# Of the visible characters that are not spaces, the share that are letters: 0.79 or more on every PDF of the
# corpus, labelled, generated and public sets (454); a PDF whose fonts lost their text map reads about 0.2.
_LETTER_SHARE_OF_WORDS = 0.5
__all__ = [
    "ENCRYPTED_MESSAGE", "SCANNED_MESSAGE", "UNREADABLE_FONTS_MESSAGE", "check_pdf_bytes", "read_pdf", "read_text",
    "worker_command",
]


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
    page_texts, styles = without_running_lines(*sidebars_after_their_columns(result["page_texts"],
                                                                             result.get("styles", [])))
    raw_text = "\n".join(page_texts)
    markers = list_markers(raw_text)
    text = normalize_text(raw_text, markers)
    hidden = [h for h in (normalize_text(piece) for piece in result["hidden"]) if h]
    hidden += tag_smuggled_text(raw_text)  # invisible too, and removed from `text` by normalising
    _check_text_limits(text, settings)
    if not any(ch.isalnum() for ch in text):
        if hidden:
            raise InputError(
                "This PDF has no visible text: all of it is hidden (white, tiny, invisible or off the page). "
                "Export a normal text PDF or paste the text.",
                code="no_text",
            )
        raise InputError(SCANNED_MESSAGE, code="no_text")
    visible = [ch for ch in text if not ch.isspace()]
    if sum(ch.isalpha() for ch in visible) < _LETTER_SHARE_OF_WORDS * len(visible):
        raise InputError(UNREADABLE_FONTS_MESSAGE, code="no_text")
    styled = []
    for page, line, size, bold, x, gap, *more in styles:
        cleaned = normalize_text(line, markers)
        if cleaned:
            styled.append(StyledLine(page=page, text=cleaned, size=size, bold=bold, x=x, gap=gap,
                                     italic=more[0] if more else 0.0, colour=more[1] if len(more) > 1 else "",
                                     ruled=bool(more[2]) if len(more) > 2 else False,
                                     rises=bool(more[3]) if len(more) > 3 else False,
                                     right=float(more[4]) if len(more) > 4 else 0.0))
    return ExtractedText(
        text=text, pages=int(result["pages"]), producer=result.get("producer"), source="pdf", hidden_text=hidden,
        margin_text=[m for m in (normalize_text(piece) for piece in result.get("margins", [])) if m],
        warnings=list(result.get("warnings", [])), styled_lines=styled,
        document_names=[n for n in (normalize_text(str(x)) for x in result.get("document_names", [])) if n],
        link_emails=[str(x) for x in result.get("link_emails", [])],
    )


def read_text(text: str, settings: Settings) -> ExtractedText:
    """Accept pasted resume text with the same character limits and normalisation as a PDF."""
    if len(text) > settings.max_text_chars * 2:  # cheap guard before normalising megabytes of input
        raise _too_many_chars(len(text), settings)
    cleaned = normalize_text(tabs_as_field_breaks(plain_from_markdown(text)))
    if not cleaned:
        raise InputError("The text is empty.", code="empty_file")
    _check_text_limits(cleaned, settings)
    if not any(ch.isalnum() for ch in cleaned):
        raise InputError("The text has no words in it.", code="no_text")
    return ExtractedText(text=cleaned, pages=max(1, math.ceil(len(cleaned) / 3500)), producer="pasted text",
                         source="text", hidden_text=tag_smuggled_text(text))


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


# Start-up of a worker (interpreter + pypdf import) on a busy machine; only extraction counts against the
# user's PDF_TIMEOUT_S.
_STARTUP_TIMEOUT_S = 30.0
# A worker serves at most this many PDFs before it is retired (bounds any slow growth inside pypdf).
_REUSE_LIMIT = 200


class _Worker:
    """One started worker in serve mode, with how many PDFs it has read."""

    def __init__(self, command: list[str]) -> None:
        self.key = tuple(command)
        self.served = 0
        self.ready = False
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(SERVE_MAGIC)
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):  # died at start (memory cap): `ask` reports it
            pass

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_ready(self, timeout: float) -> bool:
        """Wait for the worker's start-up (Python + pypdf import), which is not the user's PDF's doing; once."""
        if self.ready:
            return True
        assert self.process.stdout is not None
        try:
            self.ready = _read_until(self.process.stdout.fileno(), len(READY), time.monotonic() + timeout) == READY
        except TimeoutError:
            return False
        return self.ready

    def ask(self, data: bytes, timeout: float) -> dict[str, Any] | None:
        """Send one PDF and wait for its answer; None when the worker died; raises TimeoutError."""
        if not self.wait_ready(_STARTUP_TIMEOUT_S):
            return None
        deadline = time.monotonic() + timeout
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None
        try:
            stdin.write(len(data).to_bytes(8, "big") + data)
            stdin.flush()
        except (BrokenPipeError, OSError):
            return None
        header = _read_until(stdout.fileno(), 8, deadline)
        if header is None:
            return None
        body = _read_until(stdout.fileno(), int.from_bytes(header, "big"), deadline)
        if body is None:
            return None
        self.served += 1
        try:
            result: dict[str, Any] = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return None
        return result

    def close(self) -> None:
        """End the worker: closing stdin makes it exit; kill it if it does not promptly."""
        try:
            if self.process.stdin:
                self.process.stdin.close()
            self.process.wait(timeout=2)
        except (subprocess.TimeoutExpired, OSError):
            self.process.kill()
            self.process.wait()
        finally:
            if self.process.stdout:
                self.process.stdout.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream:
                with contextlib.suppress(OSError):
                    stream.close()


def _read_until(fd: int, size: int, deadline: float) -> bytes | None:
    """Read exactly `size` bytes from `fd` by `deadline`; None at end of stream; raises TimeoutError."""
    chunks: list[bytes] = []
    while size > 0:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            raise TimeoutError
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


class _WorkerPool:
    """Idle workers, kept for the next PDFs with the same caps.

    Starting Python and importing pypdf costs more than reading a resume, so a worker serves PDF after PDF. A
    worker is only ever used by one request at a time (taken under a lock); after any failure, timeout or memory
    error it is killed and a fresh one is started ahead of the next request, so a PDF that hurt a worker cannot
    affect the next one. At most `size` idle workers are kept.
    """

    def __init__(self, size: int = 2) -> None:
        self._lock = threading.Lock()
        self._idle: list[_Worker] = []
        self._size = size
        atexit.register(self.discard)

    def take(self, command: list[str]) -> _Worker:
        key = tuple(command)
        with self._lock:
            match = next((w for w in self._idle if w.key == key), None)
            if match is not None:
                self._idle.remove(match)
        if match is not None and match.alive():
            return match
        if match is not None:
            match.kill()
        return _Worker(command)

    def give_back(self, worker: _Worker) -> None:
        if not worker.alive() or worker.served >= _REUSE_LIMIT:
            worker.close()
            return
        with self._lock:
            self._idle.append(worker)
            extra = self._idle[: max(0, len(self._idle) - self._size)]
            del self._idle[: len(extra)]
        for old in extra:
            old.close()

    def prepare(self, command: list[str]) -> None:
        """Start a fresh worker ahead of the next request (after a failure retired the last one)."""
        self.give_back(_Worker(command))

    def idle(self) -> list[_Worker]:
        with self._lock:
            return list(self._idle)

    def discard(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.close()


_POOL = _WorkerPool()


def pooled_worker_pids() -> list[int]:
    """Process ids of the idle pooled workers, so a benchmark can add their CPU time to the review's."""
    return [worker.process.pid for worker in _POOL.idle()]

_DIED = {
    "ok": False, "code": "corrupt",
    "message": "This PDF could not be read (it needs too much memory or is damaged). Export it again or paste the "
    "text.",
}


def _run_worker(data: bytes, settings: Settings) -> dict[str, Any]:
    command = worker_command(settings)
    worker = _POOL.take(command)
    try:
        result = worker.ask(data, settings.pdf_timeout_s)
    except TimeoutError:
        worker.kill()
        _POOL.prepare(command)
        raise InputError(
            f"Reading this PDF took longer than {settings.pdf_timeout_s:g} s, so it was stopped. "
            "Export it again from your editor or paste the text.",
            code="timeout",
        ) from None
    if result is None or not result.get("ok"):
        # Died (memory cap, a crash in a C extension) or reported a failure: never reuse it.
        worker.kill()
        _POOL.prepare(command)
        return result if result is not None else dict(_DIED)
    _POOL.give_back(worker)
    return result


if __name__ == "__main__":  # kept for callers that run the worker as `python -m assistant.resume.intake`
    from assistant.resume.pdf_worker import main

    main(sys.argv[1:])
