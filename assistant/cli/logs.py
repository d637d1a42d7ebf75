"""Log records as the CLI's own messages: one line on stderr, "Warning: ..." (or "Error: ..."), like the
"Error (code): ..." and "Engine: ..." lines the commands print.

Without a handler, Python prints a record's bare message (and a whole traceback when it carries one) on stderr,
so a fallback note read as part of the output and a traceback could quote whatever the failing call held (an
answer, a resume line, a model's reply). Here a record shows its message's first line only, shortened, and an
attached exception by its type name alone. Nothing goes to stdout, so `--json` output stays one JSON document.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

MAX_CHARS = 300


class CliLogHandler(logging.Handler):
    """WARNING and above from any logger, one readable line each on the current stderr."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)

    def format(self, record: logging.LogRecord) -> str:
        lines = record.getMessage().strip().splitlines() or [""]
        message = lines[0] if len(lines[0]) <= MAX_CHARS else lines[0][: MAX_CHARS - 1].rstrip() + "…"
        if record.exc_info and record.exc_info[0] is not None:
            message += f" ({record.exc_info[0].__name__})"
        return f"{'Error' if record.levelno >= logging.ERROR else 'Warning'}: {message}"

    def emit(self, record: logging.LogRecord) -> None:
        try:
            # The stream is looked up on each record: a test runner (or a redirect) may swap sys.stderr.
            print(self.format(record), file=sys.stderr, flush=True)
        except Exception:  # pragma: no cover - logging must never break the command
            self.handleError(record)


@contextmanager
def cli_logging() -> Iterator[None]:
    """While a command runs, route log records through `CliLogHandler` (once, however deeply nested)."""
    root = logging.getLogger()
    if any(isinstance(h, CliLogHandler) for h in root.handlers):
        yield
        return
    handler = CliLogHandler()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
