"""The one PDF writer: fonts, the Latin-1 fallback, and Markdown rendering (reports), on fpdf2.

Two documents are written as PDF: the interview report (from its Markdown, `markdown_pdf_bytes`) and the exported
resume (its own ATS-friendly layout, `assistant.resume.export.to_pdf`). Both start from `new_document`, so both use
DejaVu Sans when the system has it (any name or accent prints) and otherwise fold text to Latin-1 for fpdf2's core
Helvetica in the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF

_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
              Path("/usr/share/fonts/TTF"), Path("/Library/Fonts"))
_TRANSLITERATE = str.maketrans({
    "•": "-", "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "\u00a0": " ", "→": "->",
    "≥": ">=", "≤": "<=", "›": ">",
})


def unicode_font() -> tuple[Path, Path | None] | None:
    """DejaVuSans (regular, bold) from the system fonts, if installed; None means core fonts only."""
    for folder in _FONT_DIRS:
        regular = folder / "DejaVuSans.ttf"
        if regular.is_file():
            bold = folder / "DejaVuSans-Bold.ttf"
            return regular, bold if bold.is_file() else None
    return None


def latin1(text: str) -> str:
    """Text fpdf2's core fonts can print: typographic marks made plain, anything else outside Latin-1 a '?'."""
    return text.translate(_TRANSLITERATE).encode("latin-1", "replace").decode("latin-1")


@dataclass
class Document:
    """An A4 page set up with the best available font; `clean` makes text printable in that font."""

    pdf: FPDF
    family: str
    clean: Callable[[str], str]
    unicode: bool


def new_document(*, title: str | None = None, margins: tuple[float, float, float] | None = None,
                 bottom: float = 15) -> Document:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    if title:
        pdf.set_title(title)
    if margins:
        pdf.set_margins(*margins)
    pdf.set_auto_page_break(auto=True, margin=bottom)
    pdf.add_page()
    font = unicode_font()
    if font:
        pdf.add_font("DejaVu", "", str(font[0]))
        pdf.add_font("DejaVu", "B", str(font[1] or font[0]))
        return Document(pdf, "DejaVu", str, True)
    return Document(pdf, "Helvetica", latin1, False)


def _plain(text: str) -> str:
    """Drop inline Markdown markers. fpdf2's own markdown mode would also treat `--` and `__` as styling, which
    mangles ordinary text such as date ranges."""
    return text.replace("**", "").replace("`", "")


def markdown_pdf_bytes(markdown: str, *, title: str = "Report") -> bytes:
    """Render simple Markdown (headings, bullets, paragraphs) to a PDF.

    Reports are plain structured text, so a small renderer is enough and keeps the output predictable.
    """
    doc = new_document(title=title)
    pdf, family, clean = doc.pdf, doc.family, doc.clean
    sizes = {1: 18, 2: 14, 3: 12}
    for raw in markdown.splitlines():
        line = raw.rstrip()
        if not line.strip():
            pdf.ln(3)
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        pdf.set_x(pdf.l_margin)
        if heading:
            level = len(heading.group(1))
            pdf.set_font(family, "B", sizes.get(level, 11))
            pdf.ln(2)
            pdf.multi_cell(0, 8, clean(heading.group(2).replace("**", "")))
            continue
        bullet = re.match(r"^(\s*)[-*]\s+(.*)$", line)
        pdf.set_font(family, "", 10.5)
        if bullet:
            indent = min(len(bullet.group(1)) // 2, 3) * 5 + 4
            pdf.set_x(pdf.l_margin + indent)
            pdf.multi_cell(0, 5.5, clean("- " + _plain(bullet.group(2))))
        else:
            pdf.multi_cell(0, 5.5, clean(_plain(line)))
    return bytes(pdf.output())
