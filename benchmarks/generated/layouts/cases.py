"""A synthetic stress set for the layout reader's reading order: invented people set in the column layouts real
resumes use (sidebars left or right, drawn before or after the main column; date columns beside the entries;
dates above or below an entry's header; a three-column skills grid; a full-width header over two columns; a
second page that continues the main column), each built so that the content stream's order and the page's order
differ where producers make them differ.

Each case lists what a reader reads, in order, as (block, text) pairs: every text must be found in one line of
the extracted text, the pairs in order (a later pair on the same line or a later one), and two pairs of different
blocks never on one line (a sidebar's words merged into the main column's line is a miss). Each case also gives
the number of roles a reader counts, checked through the whole review pipeline.

Written before the layout reader was changed for it (branch layout2); the people and employers are invented.
PDFs are built in memory with fpdf2 (already a dependency), nothing binary is committed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fpdf import FPDF

from benchmarks.generated.names.cases import _bytes, _font, _line, _pdf

JOBS = [
    ("Director of ML Engineering", "Quillfeather Systems", "Mar 2021 - Present",
     ["Grew the ML platform group from 6 to 31 engineers", "Cut model release time from 4 weeks to 3 days"]),
    ("Staff ML Engineer", "Lanternfish Data", "Feb 2017 - Feb 2021",
     ["Built the feature store used by 14 product teams", "Led the move of training jobs to Kubernetes"]),
    ("ML Engineer", "Copperleaf Retail", "Jul 2013 - Jan 2017",
     ["Shipped the first demand forecasting service", "Wrote the experiment analysis library"]),
]
SIDEBAR = ["Contact", "r.okafor@example.net", "+44 20 7946 0102", "Leeds, UK", "Skills", "Python", "PyTorch",
           "Kubernetes", "Spark", "Languages", "English", "Yoruba"]


@dataclass
class Case:
    name: str
    build: Callable[[], bytes]
    expected: list[tuple[str, str]]  # (block, text) in reading order
    jobs: int
    note: str


def _main_column(pdf: FPDF, x: float, w: float, y: float, dates: str = "inline") -> None:
    """Summary, Experience (three roles with bullets), Education, starting at (x, y)."""
    pdf.set_y(y)
    _line(pdf, "Summary", 13, "B", x=x, w=w)
    _font(pdf, 10)
    pdf.set_x(x)
    pdf.multi_cell(w, 5, "Engineering leader who turns research models into reliable products.",
                   new_x="LEFT", new_y="NEXT")
    pdf.ln(2)
    _line(pdf, "Experience", 13, "B", x=x, w=w)
    for title, employer, period, bullets in JOBS:
        if dates == "above":
            _line(pdf, period, 9, x=x, w=w)
        if dates == "right":
            top = pdf.get_y()
            _line(pdf, f"{title}, {employer}", 10, "B", x=x, w=w)
            after = pdf.get_y()
            pdf.set_y(top)
            _line(pdf, period, 9, x=x, w=w, align="R")
            pdf.set_y(after)
        else:
            _line(pdf, f"{title}, {employer}", 10, "B", x=x, w=w)
        if dates == "inline":
            _line(pdf, period, 9, "I", x=x, w=w)
        if dates == "below":
            _line(pdf, period, 9, x=x, w=w)
        for bullet in bullets:
            _font(pdf, 10)
            pdf.set_x(x)
            pdf.multi_cell(w, 5, f"- {bullet}", new_x="LEFT", new_y="NEXT")
        pdf.ln(1)
    _line(pdf, "Education", 13, "B", x=x, w=w)
    _line(pdf, "MSc Machine Learning, Harrowgate University, 2013", 10, x=x, w=w)


def _sidebar(pdf: FPDF, x: float, w: float, y: float, items: list[str] | None = None) -> None:
    pdf.set_y(y)
    for text in items or SIDEBAR:
        heading = text in ("Contact", "Skills", "Languages")
        _line(pdf, text, 11 if heading else 9, "B" if heading else "", x=x, w=w, h=7 if heading else 5)


def _header(pdf: FPDF) -> None:
    _line(pdf, "Remi Okafor", 22, "B", h=11)


def _main_expected(block: str = "main") -> list[tuple[str, str]]:
    out = [(block, "Summary"), (block, "Experience")]
    for title, employer, period, bullets in JOBS:
        out += [(block, f"{title}, {employer}"), (block, period), (block, bullets[0])]
    return out + [(block, "Education"), (block, "Harrowgate University")]


def _side_expected() -> list[tuple[str, str]]:
    return [("side", text) for text in SIDEBAR]


def _sidebar_case(side: str, first: str) -> Callable[[], bytes]:
    def build() -> bytes:
        pdf = _pdf()
        _header(pdf)
        top = pdf.get_y() + 4
        main_x, side_x = (75.0, 10.0) if side == "left" else (10.0, 150.0)
        parts = [lambda: _sidebar(pdf, side_x, 55, top), lambda: _main_column(pdf, main_x, 125 if side == "left"
                                                                               else 132, top)]
        for part in parts if first == "side" else parts[::-1]:
            part()
        return _bytes(pdf)
    return build


def _sidebar_expected(side: str) -> list[tuple[str, str]]:
    head = [("head", "Remi Okafor")]
    return head + (_side_expected() + _main_expected() if side == "left" else _main_expected() + _side_expected())


def _short_right_sidebar() -> bytes:
    """A five-line right sidebar drawn after the main column, its lines on the main column's baselines."""
    pdf = _pdf()
    _main_column(pdf, 10, 125, 20)
    _sidebar(pdf, 150, 50, 20, SIDEBAR[:4])
    return _bytes(pdf)


def _date_column(side: str, drawn: str) -> Callable[[], bytes]:
    """Dates in a narrow column beside each role's title row (moderncv on the left, some templates on the right);
    `drawn` "rows": each date drawn with its row, "after": the whole date column drawn after the entries."""
    def build() -> bytes:
        pdf = _pdf()
        _header(pdf)
        body_x, date_x = (50.0, 10.0) if side == "left" else (10.0, 160.0)
        pdf.ln(4)
        _line(pdf, "Experience", 13, "B", x=body_x)
        rows = []
        for title, employer, period, bullets in JOBS:
            rows.append((pdf.get_y(), period))
            if drawn == "rows":
                y = pdf.get_y()
                _line(pdf, period, 9, x=date_x, w=38)
                pdf.set_y(y)
            _line(pdf, f"{title}, {employer}", 10, "B", x=body_x, w=140 if side == "left" else 145)
            for bullet in bullets:
                _line(pdf, f"- {bullet}", 10, x=body_x, w=140)
            pdf.ln(3)
        _line(pdf, "Education", 13, "B", x=body_x)
        y = pdf.get_y()
        _line(pdf, "2011 - 2013", 9, x=date_x, w=38)
        pdf.set_y(y)
        _line(pdf, "MSc Machine Learning, Harrowgate University", 10, x=body_x)
        if drawn == "after":
            for y, period in rows:
                pdf.set_y(y)
                _line(pdf, period, 9, x=date_x, w=38)
        return _bytes(pdf)
    return build


def _date_column_expected() -> list[tuple[str, str]]:
    out = [("head", "Remi Okafor"), ("main", "Experience")]
    for title, employer, period, bullets in JOBS:
        out += [("main", period), ("main", f"{title}, {employer}"), ("main", bullets[0]), ("main", bullets[1])]
    return out + [("main", "Education"), ("main", "2011 - 2013"), ("main", "Harrowgate University")]


def _date_column_expected_either() -> list[tuple[str, str]]:
    """Dates on the right: read after the title on its row (or on their own line right after it)."""
    out = [("head", "Remi Okafor"), ("main", "Experience")]
    for title, employer, period, bullets in JOBS:
        out += [("main", f"{title}, {employer}"), ("main", period), ("main", bullets[0]), ("main", bullets[1])]
    return out + [("main", "Education"), ("main", "Harrowgate University")]


def _one_column(dates: str) -> Callable[[], bytes]:
    def build() -> bytes:
        pdf = _pdf()
        _header(pdf)
        _main_column(pdf, 10, 190, pdf.get_y() + 4, dates=dates)
        return _bytes(pdf)
    return build


def _dates_above_expected() -> list[tuple[str, str]]:
    out = [("head", "Remi Okafor"), ("main", "Summary"), ("main", "Experience")]
    for title, employer, period, bullets in JOBS:
        out += [("main", period), ("main", f"{title}, {employer}"), ("main", bullets[0])]
    return out + [("main", "Education")]


_GRID = [["Python", "Go", "SQL", "Scala"], ["PyTorch", "JAX", "XGBoost", "Ray"],
         ["Kubernetes", "Airflow", "Terraform", "BigQuery"]]


def _skills_grid(by: str) -> Callable[[], bytes]:
    """A three-column skills grid under a Skills heading, between Experience and Education; drawn row by row or
    column by column."""
    def build() -> bytes:
        pdf = _pdf()
        _header(pdf)
        pdf.ln(4)
        _line(pdf, "Experience", 13, "B")
        for title, employer, period, bullets in JOBS:
            _line(pdf, f"{title}, {employer}", 10, "B")
            _line(pdf, period, 9)
            for bullet in bullets:
                _line(pdf, f"- {bullet}", 10)
        _line(pdf, "Skills", 13, "B")
        top = pdf.get_y()
        cells = [(c, r) for r in range(4) for c in range(3)] if by == "rows" else \
            [(c, r) for c in range(3) for r in range(4)]
        for c, r in cells:
            pdf.set_y(top + 5 * r)
            _line(pdf, _GRID[c][r], 10, x=10 + 63 * c, w=60)
        pdf.set_y(top + 22)
        _line(pdf, "Education", 13, "B")
        _line(pdf, "MSc Machine Learning, Harrowgate University, 2013", 10)
        return _bytes(pdf)
    return build


def _grid_expected() -> list[tuple[str, str]]:
    out = [("head", "Remi Okafor"), ("main", "Experience")]
    for title, employer, period, bullets in JOBS:
        out += [("main", f"{title}, {employer}"), ("main", period), ("main", bullets[1])]
    return out + [("main", "Skills"), ("grid", "Kubernetes"), ("main", "Education")]


def _header_over_columns() -> bytes:
    """A full-width name and contact line over a main column and a right sidebar, then a full-width footer line."""
    pdf = _pdf()
    _header(pdf)
    _line(pdf, "r.okafor@example.net | +44 20 7946 0102 | Leeds, UK | linkedin.com/in/remi-okafor-example", 10)
    top = pdf.get_y() + 4
    _main_column(pdf, 10, 125, top)
    bottom = pdf.get_y()
    _sidebar(pdf, 150, 50, top, SIDEBAR[4:])
    pdf.set_y(max(bottom, pdf.get_y()) + 6)
    _line(pdf, "Publications: Scaling feature stores for many teams, MLSys Workshop 2022, with two co-authors", 10)
    return _bytes(pdf)


def _page_two() -> bytes:
    """A left sidebar on page 1; page 2 continues the main column at its own left edge, with no sidebar."""
    pdf = _pdf()
    _header(pdf)
    top = pdf.get_y() + 4
    _sidebar(pdf, 10, 55, top)
    _main_column(pdf, 75, 125, top)
    pdf.add_page()
    pdf.set_y(20)
    _line(pdf, "Projects", 13, "B", x=75, w=125)
    for text in ("Open-source drift monitor with 2k stars", "Talk: shipping models weekly, PyData 2023",
                 "Mentor in a university ML course", "Reviewer for an applied ML workshop",
                 "Maintainer of a feature-store client", "Organiser of a local ML meetup"):
        _line(pdf, f"- {text}", 10, x=75, w=125)
    _line(pdf, "Certifications", 13, "B", x=75, w=125)
    _line(pdf, "Cloud ML Engineer certificate, 2022", 10, x=75, w=125)
    return _bytes(pdf)


def _page_two_expected() -> list[tuple[str, str]]:
    return _sidebar_expected("left") + [("main", "Projects"), ("main", "drift monitor"),
                                        ("main", "local ML meetup"), ("main", "Certifications")]


def _interleaved_columns() -> bytes:
    """Two independent columns (experience left, skills and education right) with different line spacing, drawn
    line by line across the page in y order (as producers that sort text do)."""
    pdf = _pdf()
    _header(pdf)
    top = pdf.get_y() + 4
    left: list[tuple[float, str, float, str]] = [(top, "Experience", 13, "B")]
    y = top + 8
    for title, employer, period, bullets in JOBS:
        for text, size, style in [(f"{title}, {employer}", 10, "B"), (period, 9, "")] + \
                [(f"- {b}", 9, "") for b in bullets]:
            left.append((y, text, size, style))
            y += 5.5
        y += 2
    right: list[tuple[float, str, float, str]] = []
    y = top
    for text in SIDEBAR[4:] + ["Education", "MSc Machine Learning", "Harrowgate University", "2011 - 2013"]:
        heading = text in ("Skills", "Languages", "Education")
        right.append((y, text, 11 if heading else 9, "B" if heading else ""))
        y += 7.3
    for y, text, size, style in sorted(left + right):
        pdf.set_y(y)
        _line(pdf, text, size, style, x=10 if (y, text, size, style) in left else 150, w=130 if
              (y, text, size, style) in left else 50)
    return _bytes(pdf)


def _interleaved_expected() -> list[tuple[str, str]]:
    out = [("head", "Remi Okafor"), ("main", "Experience")]
    for title, employer, period, bullets in JOBS:
        out += [("main", f"{title}, {employer}"), ("main", period), ("main", bullets[1][2:])]
    return out + [("side", "Skills"), ("side", "Kubernetes"), ("side", "Education"), ("side", "Harrowgate")]


def _name_sidebar_last() -> bytes:
    """A right sidebar drawn after the main column, opening with the bold name on the first heading's baseline."""
    pdf = _pdf()
    _main_column(pdf, 10, 125, 20)
    pdf.set_y(20)
    _line(pdf, "Remi Okafor", 12, "B", x=150, w=50, h=7)
    for text in SIDEBAR[:4]:
        _line(pdf, text, 9, x=150, w=50)
    return _bytes(pdf)


def _top_aligned_dates(wrap: bool) -> Callable[[], bytes]:
    """Entry rows as HTML themes print them: the employer in 11 pt and the dates in 8 pt right-aligned, both cells
    aligned by their tops (so the dates' baseline sits above the employer's); the first section's heading shares
    the row of its first entry in a left label column. With `wrap`, a long range wraps inside its cell."""
    def build() -> bytes:
        pdf = _pdf()
        _header(pdf)
        pdf.ln(6)
        for heading, entries in (("Experience", JOBS), ("Education", [("MSc Machine Learning",
                                                                        "Harrowgate University", "Sep 2011 - Jun 2013",
                                                                        [])])):
            first = True
            for title, employer, period, bullets in entries:
                y = pdf.get_y()
                if first:
                    _font(pdf, 12, "B")
                    pdf.set_xy(10, y)
                    pdf.cell(35, 6, heading)
                    first = False
                _font(pdf, 11, "B")
                pdf.set_xy(50, y)
                pdf.cell(100, 6, employer)
                _font(pdf, 8)
                if wrap and title.startswith("Staff"):
                    start, _, end = period.partition(" - ")
                    month, year = end.split()
                    pdf.set_xy(150, y + 0.2)
                    pdf.cell(50, 4, f"{start} - {month}", align="R")
                    pdf.set_xy(150, y + 3.6)
                    pdf.cell(50, 4, year, align="R")
                else:
                    pdf.set_xy(150, y + 0.2)
                    pdf.cell(50, 4, period, align="R")
                pdf.set_y(y + 7)
                _line(pdf, title, 10, x=50, w=150)
                for bullet in bullets:
                    _line(pdf, f"- {bullet}", 10, x=50, w=150)
                pdf.ln(3)
        return _bytes(pdf)
    return build


def _top_aligned_expected() -> list[tuple[str, str]]:
    out = [("head", "Remi Okafor"), ("main", "Experience")]
    for title, employer, period, bullets in JOBS:
        out += [("main", employer), ("main", period), ("main", title), ("main", bullets[0])]
    return out + [("main", "Education"), ("main", "Harrowgate University"), ("main", "Sep 2011")]


def _big_name_over_sidebar() -> bytes:
    """A large two-line name at the top left (wider in letters than the sidebar under it), a contact block at the
    top right, a full-width summary, then a narrow left sidebar and the main column."""
    pdf = _pdf()
    top = pdf.get_y()
    _line(pdf, "Remi", 30, "B", h=12)
    _line(pdf, "Okafor-Lindqvist", 30, "B", h=12)
    _line(pdf, "Head of Machine Learning", 14, h=8)
    after = pdf.get_y()
    pdf.set_y(top)
    for text in SIDEBAR[1:4] + ["remi.example.net"]:
        _line(pdf, text, 9, x=140, w=60, h=6)
    pdf.set_y(after + 3)
    _font(pdf, 10)
    pdf.multi_cell(0, 5, "Engineering leader who turns research models into reliable products, with eleven years "
                         "of building platforms and teams.", new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y() + 4
    _sidebar(pdf, 10, 40, top, SIDEBAR[4:])
    _main_column(pdf, 65, 135, top, dates="right")
    return _bytes(pdf)


def _big_name_expected() -> list[tuple[str, str]]:
    return [("head", "Okafor-Lindqvist")] + [("side", s) for s in SIDEBAR[4:]] + _main_expected()[1:]


def _small_caps_labels() -> bytes:
    """Headings in small capitals (a bigger first letter, then smaller capitals) in a left label column, each
    role's dates under the heading column beside the role's bullets (between its title and first bullet)."""
    pdf = _pdf()
    _header(pdf)
    pdf.ln(6)

    def small_caps(text: str, x: float, y: float) -> None:
        for word in text.split():
            _font(pdf, 12, "B")
            pdf.set_xy(x, y)
            pdf.cell(pdf.get_string_width(word[0]), 6, word[0])
            x += pdf.get_string_width(word[0])
            _font(pdf, 9, "B")
            pdf.set_xy(x, y + 0.3 * 3 / 72 * 25.4)  # the same baseline as the bigger letter (fpdf centres text)
            pdf.cell(pdf.get_string_width(word[1:].upper()), 6, word[1:].upper())
            x += pdf.get_string_width(word[1:].upper() + "  ")

    small_caps("Work Experience", 10, pdf.get_y())
    for title, employer, period, bullets in JOBS:
        y = pdf.get_y()
        _line(pdf, f"{title} at {employer}", 10, "B", x=60, w=140)
        _line(pdf, period, 8, x=10, w=45)
        pdf.set_y(y + 5)
        for bullet in bullets:
            _line(pdf, f"- {bullet}", 10, x=65, w=135)
        pdf.ln(3)
    small_caps("Education", 10, pdf.get_y())
    _line(pdf, "MSc Machine Learning, Harrowgate University, 2013", 10, x=60, w=140)
    return _bytes(pdf)


def _small_caps_expected() -> list[tuple[str, str]]:
    out = [("head", "Remi Okafor"), ("main", "WORK EXPERIENCE")]
    for title, employer, period, bullets in JOBS:
        out += [("main", f"{title} at {employer}"), ("main", period), ("main", bullets[0])]
    return out + [("main", "EDUCATION"), ("main", "Harrowgate University")]


def _letter_spaced_heading() -> bytes:
    """Name and headings in capitals placed one letter at a time with wide tracking (a wider gap around some
    letters, as a producer's kerning leaves it)."""
    pdf = _pdf()

    def spaced(text: str, size: float, y: float) -> None:
        x = pdf.l_margin
        _font(pdf, size, "B")
        for ch in text:
            if ch != " ":
                pdf.set_xy(x, y)
                pdf.cell(pdf.get_string_width(ch), size * 0.5, ch)
            x += pdf.get_string_width(ch) + 0.12 * size + (0.2 * size if ch == " " else 0)

    spaced("REMI OKAFOR-LINDQVIST", 18, pdf.get_y())
    pdf.set_y(pdf.get_y() + 11)
    _line(pdf, "r.okafor@example.net | +44 20 7946 0102 | Leeds", 10)
    pdf.ln(3)
    spaced("EXPERIENCE", 12, pdf.get_y())
    pdf.set_y(pdf.get_y() + 8)
    for title, employer, period, bullets in JOBS:
        _line(pdf, f"{title}, {employer}", 10, "B")
        _line(pdf, period, 9)
        for bullet in bullets:
            _line(pdf, f"- {bullet}", 10)
    spaced("EDUCATION", 12, pdf.get_y() + 2)
    pdf.set_y(pdf.get_y() + 10)
    _line(pdf, "MSc Machine Learning, Harrowgate University, 2013", 10)
    return _bytes(pdf)


CASES: list[Case] = [
    Case("left-sidebar-first", _sidebar_case("left", "side"), _sidebar_expected("left"), 3,
         "left sidebar drawn before the main column"),
    Case("left-sidebar-last", _sidebar_case("left", "main"), _sidebar_expected("left"), 3,
         "left sidebar drawn after the main column"),
    Case("right-sidebar-first", _sidebar_case("right", "side"), _sidebar_expected("right"), 3,
         "right sidebar drawn before the main column"),
    Case("right-sidebar-last", _sidebar_case("right", "main"), _sidebar_expected("right"), 3,
         "right sidebar drawn after the main column"),
    Case("short-right-sidebar-last", _short_right_sidebar,
         _main_expected()[:3] + [("side", s) for s in SIDEBAR[:4]], 3,
         "a four-line right sidebar drawn last, on the main column's baselines"),
    Case("dates-left-rows", _date_column("left", "rows"), _date_column_expected(), 3,
         "dates in a left margin column, drawn with their rows"),
    Case("dates-left-after", _date_column("left", "after"), _date_column_expected(), 3,
         "dates in a left margin column, drawn after all entries"),
    Case("dates-right-rows", _date_column("right", "rows"), _date_column_expected_either(), 3,
         "dates in a right column beside each title, drawn with their rows"),
    Case("dates-right-after", _date_column("right", "after"), _date_column_expected_either(), 3,
         "dates in a right column beside each title, drawn after all entries"),
    Case("dates-right-aligned", _one_column("right"), _date_column_expected_either()[:2] +
         _main_expected("main")[2:], 3, "right-aligned dates on each title row"),
    Case("dates-above-header", _one_column("above"), _dates_above_expected(), 3,
         "a small date line above each role's header"),
    Case("dates-below-header", _one_column("below"), [("head", "Remi Okafor")] + _main_expected(), 3,
         "a date line under each role's header"),
    Case("skills-grid-rows", _skills_grid("rows"), _grid_expected(), 3,
         "a three-column skills grid drawn row by row"),
    Case("skills-grid-columns", _skills_grid("columns"), _grid_expected(), 3,
         "a three-column skills grid drawn column by column"),
    Case("header-over-columns", _header_over_columns,
         [("head", "Remi Okafor"), ("head", "linkedin.com/in/remi-okafor-example")] + _main_expected()
         + [("side", s) for s in SIDEBAR[4:]] + [("foot", "Publications: Scaling")], 3,
         "a full-width header over a main column and a right sidebar, a full-width line under both"),
    Case("page-two-continues", _page_two, _page_two_expected(), 3,
         "a left sidebar on page 1, the main column continued alone on page 2"),
    Case("interleaved-columns", _interleaved_columns, _interleaved_expected(), 3,
         "two independent columns drawn line by line across the page"),
    Case("name-sidebar-last", _name_sidebar_last, _main_expected()[:3] + [("side", "Remi Okafor")]
         + [("side", s) for s in SIDEBAR[:4]], 3,
         "a right sidebar opening with the name on the first heading's baseline, drawn last"),
    Case("dates-top-aligned", _top_aligned_dates(False), _top_aligned_expected(), 3,
         "small dates top-aligned with a bigger employer row; the heading in a label column on its first row"),
    Case("dates-top-aligned-wrapped", _top_aligned_dates(True), _top_aligned_expected(), 3,
         "as dates-top-aligned, one range wrapped in its narrow cell"),
    Case("big-name-over-sidebar", _big_name_over_sidebar, _big_name_expected(), 3,
         "a large name wider than the sidebar under it, a contact block beside it, then sidebar and main"),
    Case("small-caps-labels", _small_caps_labels, _small_caps_expected(), 3,
         "small-capital headings and dates in a left label column, dates a little below their title row"),
    Case("letter-spaced-capitals", _letter_spaced_heading,
         [("head", "REMI OKAFOR-LINDQVIST"), ("main", "EXPERIENCE")] + _main_expected()[2:-2]
         + [("main", "EDUCATION")], 3, "name and headings tracked out, one letter placed at a time"),
]


def check(text: str, expected: list[tuple[str, str]]) -> str | None:
    """None when `text` reads as `expected` says (see the module's docstring); else what went wrong."""
    lines = [line for line in text.splitlines() if line.strip()]
    at, pos, block = 0, 0, None
    for wanted_block, wanted in expected:
        found = None
        for index in range(at, len(lines)):
            start = pos if index == at else 0
            if index == at and block is not None and block != wanted_block:
                continue  # another block's text may not share the line
            hit = lines[index].find(wanted, start)
            if hit >= 0:
                found = (index, hit + len(wanted))
                break
        if found is None:
            return f"not found in order: {wanted!r} (after line {at + 1}: {lines[at] if at < len(lines) else ''!r})"
        at, pos, block = found[0], found[1], wanted_block
        # A line holding this block's text must hold no other block's expected text (beyond what this block's
        # own texts on the line contain).
        rest = lines[at]
        for own_block, own in expected:
            if own_block == wanted_block:
                rest = rest.replace(own, " ")
        for other_block, other in expected:
            if other_block != wanted_block and other in rest:
                return f"merged: {wanted!r} and {other!r} on one line: {lines[at]!r}"
    return None
