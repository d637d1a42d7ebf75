"""What the synthetic stress sets (`sections`, `entries`, `names`, `layouts`) share: a blank fpdf2 page set in
DejaVu Sans, and the rule that puts each case in its tune or score half.

DejaVu is used when the system has it (Debian's fonts-dejavu-core; `.ci/run` installs it) because invented names
and headings use letters outside Latin-1; Helvetica is the fallback, with the styles it supports.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from fpdf import FPDF

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_STYLE_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf",
                "BI": "DejaVuSans-BoldOblique.ttf"}


def half_of(case_id: str) -> str:
    """'tune' or 'score', fixed by the case id alone (SHA-256 of its UTF-8, even -> tune), decided before any
    result is seen: rules may be tuned on the tune half only."""
    return "tune" if int(hashlib.sha256(case_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "score"


def new_pdf(styles: str = "regular bold italic") -> FPDF:
    """An A4 document (no page yet) with DejaVu Sans registered as "Body" in the given styles
    ("regular bold italic", optionally "bold-italic"), when the system has it."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    if (DEJAVU / _STYLE_FILES[""]).is_file():
        wanted = {"regular": "", "bold": "B", "italic": "I", "bold-italic": "BI"}
        for name in styles.split():
            style = wanted[name]
            pdf.add_font("Body", style, str(DEJAVU / _STYLE_FILES[style]))
    return pdf


def family(pdf: FPDF) -> str:
    """The body font family: DejaVu where registered, else Helvetica."""
    return "Body" if "body" in pdf.fonts else "Helvetica"


def set_font(pdf: FPDF, size: float, style: str = "") -> None:
    """The body family at `size` and `style` ("B", "I", "BI", "U"...); Helvetica has no underline face, so "U" is
    dropped there."""
    pdf.set_font(family(pdf), style.replace("U", "") if family(pdf) == "Helvetica" else style, size)
