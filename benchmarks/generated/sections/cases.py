"""A synthetic stress set for finding section headings and where sections end: invented resumes whose headings
are set the ways real resumes set them (bold in the body size, capitals in the body size, small capitals, colour
only, a drawn rule, a filled bar, a left margin column, numbers, glyphs, a trailing colon, all lower case, a
heading wrapped over two lines, a heading at the foot of a page with its content on the next, an unheaded opening
paragraph, German/French/Spanish/Portuguese headings, an unusual order of sections).

Written before the heading rules it measures were tuned. Each case is split by a hash of its id (`half`) into a
**tune** half (looked at while tuning) and a **score** half (only ever scored), fixed before any result was seen.

Every case knows its truth: the sections a reader sees, each with its heading text and one line of its content.
A section is found when the parser has a section of that kind holding that content line (so a section that stops
early, or swallows its neighbour's heading, is missed); a parsed section whose heading is not one of the truth
headings is a false heading (a body line taken for a heading).

PDFs are built in memory with fpdf2 (already a test dependency) and the DejaVu fonts when present.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from fpdf import FPDF

from benchmarks.generated.stress import half_of, new_pdf
from benchmarks.generated.stress import set_font as _font

BODY = 10.0

# Invented content for each section kind: (kind, lines). The first line of each is the content line a case checks.
SUMMARY = ("Machine learning leader who builds platforms and teams that ship models to production and keeps them "
           "healthy, with ten years of hands-on engineering before moving into management of large teams.")
JOBS = [
    ("Director of Machine Learning Engineering", "Northwind Analytics", "Jan 2020 - Present",
     ["Led a team of 25 engineers building the ML platform used by 300 data scientists",
      "Cut model deployment time from six weeks to two days with a shared feature store"]),
    ("Senior ML Engineer", "Blue Heron Labs", "Jun 2015 - Dec 2019",
     ["Built a real-time recommendation system serving 10M users",
      "Mentored six engineers and ran the team's hiring loop"]),
]
EDUCATION = ["MS Computer Science, Lakeside University, 2015", "BS Mathematics, Riverbend College, 2013"]
SKILLS = ["Python, PyTorch, Kubernetes, MLOps, Spark, Airflow", "Team leadership, roadmap planning, hiring"]
LANGUAGES = ["English (native), Spanish (C1), German (B1)"]
PROJECTS = ["Open-source drift monitor for tabular models, 2k stars", "Talk series on evaluation of ranking systems"]
CERTIFICATIONS = ["AWS Certified Machine Learning Specialty, 2021", "Certified Kubernetes Administrator, 2019"]
AWARDS = ["Engineering Excellence Award, Northwind Analytics, 2022"]
VOLUNTEERING = ["Mentor at a coding club for teenagers in the public library, monthly sessions"]
PUBLICATIONS = ["Scaling feature stores for online inference, Applied ML Workshop, 2021"]
INTERESTS = ["Long-distance cycling, chess, woodworking"]

CONTENT: dict[str, list[str]] = {
    "summary": [SUMMARY], "education": EDUCATION, "skills": SKILLS, "languages": LANGUAGES, "projects": PROJECTS,
    "certifications": CERTIFICATIONS, "awards": AWARDS, "volunteering": VOLUNTEERING, "publications": PUBLICATIONS,
    "interests": INTERESTS,
}
# The content line a case checks for each kind (experience: its first bullet).
MARKER = {kind: lines[0] for kind, lines in CONTENT.items()} | {"experience": JOBS[0][3][0]}

ENGLISH = {"summary": "Summary", "experience": "Experience", "education": "Education", "skills": "Skills",
           "languages": "Languages", "projects": "Projects", "certifications": "Certifications", "awards": "Awards",
           "volunteering": "Volunteering", "publications": "Publications", "interests": "Interests"}
STANDARD = ["summary", "experience", "education", "skills"]


@dataclass
class Case:
    name: str  # case id
    build: Callable[[], bytes]
    truth: list[tuple[str, str]]  # (kind, heading text as printed; "" for an unheaded summary)
    note: str
    markers: dict[str, str] = field(default_factory=dict)  # kind -> content line, where it differs from MARKER

    @property
    def half(self) -> str:
        """'tune' or 'score', fixed by the case id alone."""
        return half_of(self.name)


def _pdf() -> FPDF:
    pdf = new_pdf("regular bold italic bold-italic")
    pdf.add_page()
    _font(pdf, BODY)
    return pdf


def _text(pdf: FPDF, text: str, size: float = BODY, style: str = "", x: float | None = None, w: float = 0,
          h: float | None = None, align: str = "L") -> None:
    _font(pdf, size, style)
    if x is not None:
        pdf.set_x(x)
    pdf.cell(w, h or size * 0.5, text, align=align, new_x="LMARGIN", new_y="NEXT")


def _para(pdf: FPDF, text: str, x: float | None = None, w: float = 0) -> None:
    _font(pdf, BODY)
    if x is not None:
        pdf.set_x(x)
    pdf.multi_cell(w, 5, text, new_x="LMARGIN", new_y="NEXT")
    if x is not None:
        pdf.set_x(x)


# --- heading styles: each draws one heading at the current position and leaves the pen on the next line ---------

Heading = Callable[[FPDF, str], None]


def big_bold(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    _text(pdf, text, 13, "B", h=7)


def bold_body(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    _text(pdf, text, BODY, "B", h=6)


def caps_body(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    _text(pdf, text.upper(), BODY, "", h=6)


def small_caps(pdf: FPDF, text: str) -> None:
    """A capital in the body size, then the rest as smaller capitals, word by word ("EXPERIENCE" as E + XPERIENCE)."""
    pdf.ln(3)
    y = pdf.get_y()
    x = pdf.l_margin
    for word in text.split():
        _font(pdf, BODY + 1)
        pdf.set_xy(x, y)
        pdf.cell(pdf.get_string_width(word[0]), 6, word[0])
        x += pdf.get_string_width(word[0])
        _font(pdf, BODY - 2)
        pdf.set_xy(x, y + 0.45)
        rest = word[1:].upper()
        pdf.cell(pdf.get_string_width(rest), 6, rest)
        x += pdf.get_string_width(rest) + pdf.get_string_width(" ") * 1.2
    pdf.set_xy(pdf.l_margin, y + 7)


def coloured(pdf: FPDF, text: str) -> None:
    """Only colour (and a little space) sets it apart: body size, regular weight, title case."""
    pdf.ln(3)
    pdf.set_text_color(31, 78, 145)
    _text(pdf, text, BODY, "", h=6)
    pdf.set_text_color(0, 0, 0)


def coloured_bold_caps(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    pdf.set_text_color(170, 40, 40)
    _text(pdf, text.upper(), BODY + 1, "B", h=6)
    pdf.set_text_color(0, 0, 0)


def rule_under(pdf: FPDF, text: str) -> None:
    """Body size, regular, title case, with a rule drawn under it across the page."""
    pdf.ln(3)
    _text(pdf, text, BODY, "", h=6)
    y = pdf.get_y()
    pdf.set_line_width(0.4)
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.ln(1.5)


def rule_under_caps(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    _text(pdf, text.upper(), BODY + 1, "B", h=6)
    y = pdf.get_y()
    pdf.set_line_width(0.3)
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.ln(1.5)


def rule_over(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    y = pdf.get_y()
    pdf.set_line_width(0.3)
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.ln(1)
    _text(pdf, text, BODY, "B", h=6)


def filled_bar(pdf: FPDF, text: str) -> None:
    """White bold capitals in a dark filled bar across the page."""
    pdf.ln(3)
    pdf.set_fill_color(40, 55, 71)
    pdf.set_text_color(255, 255, 255)
    _font(pdf, BODY, "B")
    pdf.cell(0, 7, " " + text.upper(), fill=True, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1)


def light_bar(pdf: FPDF, text: str) -> None:
    """Dark body-size text in a light grey bar."""
    pdf.ln(3)
    pdf.set_fill_color(225, 225, 225)
    _font(pdf, BODY)
    pdf.cell(0, 7, " " + text, fill=True, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def underlined(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    _text(pdf, text, BODY, "U", h=6)


def numbered(pdf: FPDF, text: str) -> None:
    numbered.count = getattr(numbered, "count", 0) + 1  # type: ignore[attr-defined]
    pdf.ln(3)
    _text(pdf, f"{numbered.count}. {text}", 12, "B", h=7)  # type: ignore[attr-defined]


def glyph(mark: str) -> Heading:
    def draw(pdf: FPDF, text: str) -> None:
        pdf.ln(3)
        _text(pdf, f"{mark} {text}", 12, "B", h=7)
    return draw


def colon(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    _text(pdf, text + ":", BODY, "B", h=6)


def spaced_caps(pdf: FPDF, text: str) -> None:
    """Letter-spaced capitals ("E X P E R I E N C E"), as some templates track their headings."""
    pdf.ln(3)
    _font(pdf, BODY + 1, "B")
    pdf.set_char_spacing(2.5)
    pdf.cell(0, 7, text.upper(), new_x="LMARGIN", new_y="NEXT")
    pdf.set_char_spacing(0)


def centred_caps(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    _text(pdf, text.upper(), 11, "B", h=7, align="C")


# --- body blocks --------------------------------------------------------------------------------------------------


def _jobs(pdf: FPDF, title_style: str = "B", lower: bool = False, x: float | None = None, w: float = 0) -> None:
    for title, employer, dates, bullets in JOBS:
        line = f"{title}, {employer}    {dates}"
        _text(pdf, line.lower() if lower else line, BODY, title_style, x=x, w=w)
        for bullet in bullets:
            _para(pdf, "- " + (bullet.lower() if lower else bullet), x=x, w=w)


def _block(pdf: FPDF, kind: str, title_style: str = "B", lower: bool = False, x: float | None = None,
           w: float = 0) -> None:
    if kind == "experience":
        _jobs(pdf, title_style, lower, x, w)
        return
    for line in CONTENT[kind]:
        _para(pdf, line.lower() if lower else line, x=x, w=w)


def _header(pdf: FPDF, name: str, lower: bool = False) -> None:
    _text(pdf, name.lower() if lower else name, 20, "B", h=11)
    contact = "someone@example.org | +1 555 010 0199 | Portland, OR"
    _text(pdf, contact, 9)
    pdf.ln(3)


def _bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())


def resume(heading: Heading, kinds: list[str] | None = None, titles: dict[str, str] | None = None,
           name: str = "Avery Lindqvist", title_style: str = "B", lower: bool = False,
           unheaded_summary: bool = False) -> tuple[Callable[[], bytes], list[tuple[str, str]]]:
    """A one-column resume: name, contact, then each section's heading (drawn by `heading`) and its content."""
    kinds = kinds or STANDARD
    names = ENGLISH | (titles or {})
    truth = [(k, "" if (k == "summary" and unheaded_summary) else (names[k].lower() if lower else names[k]))
             for k in kinds]

    def build() -> bytes:
        numbered.count = 0  # type: ignore[attr-defined]
        pdf = _pdf()
        _header(pdf, name, lower)
        for kind, text in truth:
            if text:
                heading(pdf, text)
            _block(pdf, kind, title_style, lower)
        return _bytes(pdf)
    return build, truth


def _margin_column(heading_style: str = "B", caps: bool = False) -> tuple[Callable[[], bytes], list[tuple[str, str]]]:
    """Headings in a left column (x=10..45) on the row of their section's first line; content at x=50."""
    kinds = ["summary", "experience", "education", "skills", "languages"]
    truth = [(k, ENGLISH[k].upper() if caps else ENGLISH[k]) for k in kinds]

    def build() -> bytes:
        pdf = _pdf()
        _header(pdf, "Rowan Achterberg")
        for kind, text in truth:
            pdf.ln(3)
            y = pdf.get_y()
            _font(pdf, BODY, heading_style)
            pdf.set_xy(10, y)
            pdf.cell(36, 5, text)
            pdf.set_xy(50, y)
            _block(pdf, kind, x=50, w=150)
        return _bytes(pdf)
    return build, truth


def _wrapped_heading() -> tuple[Callable[[], bytes], list[tuple[str, str]]]:
    """A long heading in a narrow left column that wraps onto two lines ("Professional" / "Experience")."""
    kinds = ["summary", "experience", "education", "certifications"]
    texts = {"summary": "Professional Profile", "experience": "Professional Experience",
             "education": "Education and Training", "certifications": "Licences and Certifications"}
    truth = [(k, texts[k]) for k in kinds]

    def build() -> bytes:
        pdf = _pdf()
        _header(pdf, "Imogen Castellanos")
        for kind, text in truth:
            pdf.ln(3)
            y = pdf.get_y()
            _font(pdf, 12, "B")
            pdf.set_xy(10, y)
            pdf.multi_cell(34, 6, text, new_x="LMARGIN", new_y="NEXT")
            after = pdf.get_y()
            pdf.set_xy(50, y)
            _block(pdf, kind, x=50, w=150)
            pdf.set_y(max(after, pdf.get_y()))
        return _bytes(pdf)
    return build, truth


def _wrapped_full_width() -> tuple[Callable[[], bytes], list[tuple[str, str]]]:
    """A big heading broken by its author over two lines of the same style."""
    truth = [("summary", "Summary"), ("experience", "Relevant Professional Experience"), ("education", "Education"),
             ("skills", "Skills")]

    def build() -> bytes:
        pdf = _pdf()
        _header(pdf, "Tobias Fairweather")
        for kind, text in truth:
            if kind == "experience":
                pdf.ln(3)
                _text(pdf, "RELEVANT PROFESSIONAL", 13, "B", h=7)
                _text(pdf, "EXPERIENCE", 13, "B", h=7)
            else:
                big_bold(pdf, text.upper())
            _block(pdf, kind)
        return _bytes(pdf)
    truth = [(k, t.upper()) for k, t in truth]
    return build, truth


def _page_foot() -> tuple[Callable[[], bytes], list[tuple[str, str]]]:
    """A heading at the very bottom of page 1, its content at the top of page 2."""
    truth = [("summary", "Summary"), ("experience", "Experience"), ("projects", "Projects"),
             ("education", "Education"), ("skills", "Skills")]

    def build() -> bytes:
        pdf = _pdf()
        pdf.set_auto_page_break(auto=False)
        _header(pdf, "Priya Halvorsen")
        big_bold(pdf, "Summary")
        _block(pdf, "summary")
        big_bold(pdf, "Experience")
        for _ in range(3):
            _jobs(pdf)
        pdf.set_y(pdf.h - 24)
        big_bold(pdf, "Projects")
        pdf.add_page()
        _block(pdf, "projects")
        big_bold(pdf, "Education")
        _block(pdf, "education")
        big_bold(pdf, "Skills")
        _block(pdf, "skills")
        return _bytes(pdf)
    return build, truth


def _filled_sidebar() -> tuple[Callable[[], bytes], list[tuple[str, str]]]:
    """Body-size regular headings each with a short coloured rule drawn under only the heading's width."""
    truth = [(k, ENGLISH[k]) for k in ["summary", "experience", "education", "skills", "certifications"]]

    def build() -> bytes:
        pdf = _pdf()
        _header(pdf, "Mateus Okonkwo")
        for kind, text in truth:
            pdf.ln(4)
            _text(pdf, text, BODY + 0.5, "", h=6)
            y = pdf.get_y()
            pdf.set_draw_color(0, 120, 160)
            pdf.set_line_width(0.8)
            pdf.line(pdf.l_margin, y, pdf.l_margin + 20, y)
            pdf.set_draw_color(0, 0, 0)
            pdf.ln(1.5)
            _block(pdf, kind)
        return _bytes(pdf)
    return build, truth


GERMAN = {"summary": "Profil", "experience": "Berufserfahrung", "education": "Ausbildung", "skills": "Kenntnisse",
          "languages": "Sprachen"}
FRENCH = {"summary": "Profil", "experience": "Expérience professionnelle", "education": "Formation",
          "skills": "Compétences", "languages": "Langues"}
SPANISH = {"summary": "Perfil", "experience": "Experiencia laboral", "education": "Formación académica",
           "skills": "Habilidades", "languages": "Idiomas"}
PORTUGUESE = {"summary": "Resumo", "experience": "Experiência profissional", "education": "Formação acadêmica",
              "skills": "Competências", "languages": "Idiomas"}
LANGS = ["summary", "experience", "education", "skills", "languages"]


def _case(name: str, note: str, made: tuple[Callable[[], bytes], list[tuple[str, str]]]) -> Case:
    return Case(name=name, build=made[0], truth=made[1], note=note)


CASES: list[Case] = [
    _case("bold-body", "headings bold in the body size; job titles bold too", resume(bold_body)),
    _case("bold-body-italic-titles", "headings bold in the body size; job titles italic",
          resume(bold_body, title_style="I")),
    _case("caps-body", "headings in capitals, body size and weight; job titles bold", resume(caps_body)),
    _case("caps-body-plain-titles", "capitals in the body size; job titles plain too",
          resume(caps_body, ["summary", "experience", "education", "skills", "languages"], title_style="")),
    _case("small-caps", "small capitals (a larger initial, smaller capitals)", resume(small_caps)),
    _case("small-caps-more", "small capitals with more sections",
          resume(small_caps, ["summary", "experience", "projects", "education", "awards"], title_style="")),
    _case("colour-only", "coloured headings, body size, regular, title case", resume(coloured)),
    _case("colour-only-long", "coloured headings, more sections",
          resume(coloured, ["summary", "experience", "education", "certifications", "skills", "interests"],
                 title_style="")),
    _case("colour-bold-caps", "coloured bold capitals", resume(coloured_bold_caps)),
    _case("rule-under", "body-size regular headings with a rule under them", resume(rule_under)),
    _case("rule-under-plain-titles", "a rule under each heading; job titles plain",
          resume(rule_under, ["experience", "education", "skills", "publications"], title_style="")),
    _case("rule-under-caps", "bold capitals with a rule under them", resume(rule_under_caps)),
    _case("rule-over", "bold body-size headings with a rule above them", resume(rule_over)),
    _case("filled-bar", "white bold capitals in a dark bar", resume(filled_bar)),
    _case("light-bar", "body text in a light grey bar",
          resume(light_bar, ["summary", "experience", "education", "skills", "volunteering"])),
    _case("underlined", "underlined body-size headings", resume(underlined)),
    _case("margin-column", "headings in a left margin column beside their content", _margin_column()),
    _case("margin-column-caps", "capital headings in a left margin column", _margin_column(caps=True)),
    _case("margin-column-plain", "regular-weight headings in a left margin column", _margin_column(heading_style="")),
    _case("numbered", "numbered headings (\"1. Experience\")", resume(numbered)),
    _case("numbered-more", "numbered headings, six sections",
          resume(numbered, ["summary", "experience", "education", "skills", "languages", "interests"])),
    _case("glyph-square", "a square glyph before each heading", resume(glyph("■"))),
    _case("glyph-arrow", "an arrow glyph before each heading", resume(glyph("►"))),
    _case("glyph-slashes", "slashes before each heading", resume(glyph("//"))),
    _case("colon", "bold body-size headings with a trailing colon", resume(colon)),
    _case("colon-plain-titles", "trailing colon; job titles plain",
          resume(colon, ["summary", "experience", "education", "skills", "awards"], title_style="")),
    _case("lowercase", "an all-lowercase document, headings bigger", resume(big_bold, lower=True)),
    _case("lowercase-bold-body", "an all-lowercase document, headings bold in the body size",
          resume(bold_body, lower=True, title_style="")),
    _case("wrapped-margin", "headings wrapping over two lines in a narrow left column", _wrapped_heading()),
    _case("wrapped-full", "a heading broken over two lines", _wrapped_full_width()),
    _case("page-foot", "a heading at the foot of page 1, its content on page 2", _page_foot()),
    _case("unheaded-summary", "an unheaded opening paragraph, then bold headings",
          resume(big_bold, unheaded_summary=True)),
    _case("unheaded-summary-caps", "an unheaded opening paragraph, capital headings in the body size",
          resume(caps_body, ["summary", "experience", "skills", "education"], unheaded_summary=True)),
    _case("german", "German headings, bold capitals", resume(rule_under_caps, LANGS, GERMAN)),
    _case("french", "French headings, coloured", resume(coloured_bold_caps, LANGS, FRENCH)),
    _case("spanish", "Spanish headings, bold in the body size", resume(bold_body, LANGS, SPANISH)),
    _case("portuguese", "Portuguese headings, filled bar", resume(filled_bar, LANGS, PORTUGUESE)),
    _case("order-education-first", "education first, then skills, experience last",
          resume(big_bold, ["education", "skills", "experience", "languages"])),
    _case("order-skills-first", "skills then summary then experience, in capitals",
          resume(caps_body, ["skills", "summary", "experience", "certifications", "education"])),
    _case("spaced-caps", "letter-spaced capitals", resume(spaced_caps)),
    _case("centred-caps", "centred bold capitals", resume(centred_caps)),
    _case("short-rule", "a short coloured rule under each regular heading", _filled_sidebar()),
]

# --- batch 2 -----------------------------------------------------------------------------------------------------
# Written after batch 1's tune half was scored (it names nearly every heading by its words alone, which is not
# what fails on real resumes) and before any rule was changed: the same typography with wordings the lexicon does
# not hold, and entries that tempt a reader of typography alone (employers in capitals, bold labels in entries).

UNUSUAL = {"summary": "In a Nutshell", "experience": "Where I've Made an Impact", "education": "Schooling",
           "skills": "Toolbox", "projects": "Things I've Built", "awards": "Recognition",
           "volunteering": "Giving Back", "languages": "Spoken Languages", "interests": "Beyond Work",
           "certifications": "Credentials"}
UNUSUAL_2 = {"summary": "Who I Am", "experience": "Professional Journey", "education": "Academic Path",
             "skills": "Tech Stack", "projects": "Side Builds", "languages": "Languages I Speak"}


def _caps_employers(heading: Heading, kinds: list[str], titles: dict[str, str],
                    labels: bool = False) -> tuple[Callable[[], bytes], list[tuple[str, str]]]:
    """Employers on a line of their own in capitals (bold), the title and dates under them in italics, and
    (with `labels`) a bold "Key achievements" label over each job's bullets."""
    names = ENGLISH | titles
    truth = [(k, names[k]) for k in kinds]

    def build() -> bytes:
        numbered.count = 0  # type: ignore[attr-defined]
        pdf = _pdf()
        _header(pdf, "Leopold Nakamura")
        for kind, text in truth:
            heading(pdf, text)
            if kind != "experience":
                _block(pdf, kind)
                continue
            for title, employer, dates, bullets in JOBS:
                _text(pdf, employer.upper(), BODY, "B")
                _text(pdf, f"{title}    {dates}", BODY, "I")
                if labels:
                    _text(pdf, "Key achievements", BODY, "B")
                for bullet in bullets:
                    _para(pdf, "- " + bullet)
        return _bytes(pdf)
    return build, truth


def _case2(name: str, note: str, made: tuple[Callable[[], bytes], list[tuple[str, str]]]) -> Case:
    return Case(name=name, build=made[0], truth=made[1], note="batch 2: " + note)


def _margin_unusual(titles: dict[str, str], style: str) -> tuple[Callable[[], bytes], list[tuple[str, str]]]:
    kinds = ["summary", "experience", "education", "skills"]
    truth = [(k, titles[k]) for k in kinds]

    def build() -> bytes:
        pdf = _pdf()
        _header(pdf, "Saoirse Delacroix")
        for kind, text in truth:
            pdf.ln(3)
            y = pdf.get_y()
            pdf.set_text_color(90, 90, 90)
            _font(pdf, BODY, style)
            pdf.set_xy(10, y)
            pdf.cell(36, 5, text)
            pdf.set_text_color(0, 0, 0)
            pdf.set_xy(50, y)
            _block(pdf, kind, x=50, w=150)
        return _bytes(pdf)
    return build, truth


BATCH_2: list[Case] = [
    _case2("unusual-bigger", "unusual wordings, bigger bold headings",
           resume(big_bold, ["summary", "experience", "projects", "education", "skills"], UNUSUAL)),
    _case2("unusual-bold-body", "unusual wordings, bold in the body size (job titles bold too)",
           resume(bold_body, ["summary", "experience", "education", "skills"], UNUSUAL)),
    _case2("unusual-caps-body", "unusual wordings in body-size capitals",
           resume(caps_body, ["summary", "experience", "education", "skills", "volunteering"], UNUSUAL)),
    _case2("unusual-colour", "unusual wordings, colour only",
           resume(coloured, ["summary", "experience", "education", "skills", "awards"], UNUSUAL, title_style="")),
    _case2("unusual-small-caps", "unusual wordings in small capitals",
           resume(small_caps, ["summary", "experience", "education", "skills"], UNUSUAL_2)),
    _case2("unusual-rule-under", "unusual wordings with a rule under them",
           resume(rule_under, ["summary", "experience", "education", "skills", "languages"], UNUSUAL_2)),
    _case2("unusual-filled-bar", "unusual wordings in a dark bar",
           resume(filled_bar, ["summary", "experience", "projects", "education", "skills"], UNUSUAL_2)),
    _case2("unusual-light-bar", "unusual wordings in a light bar",
           resume(light_bar, ["summary", "experience", "education", "interests"], UNUSUAL)),
    _case2("unusual-numbered", "unusual wordings, numbered",
           resume(numbered, ["summary", "experience", "education", "skills", "certifications"], UNUSUAL)),
    _case2("unusual-glyph", "unusual wordings after a glyph",
           resume(glyph("▸"), ["summary", "experience", "education", "skills"], UNUSUAL_2)),
    _case2("unusual-colon", "unusual wordings with a trailing colon",
           resume(colon, ["summary", "experience", "education", "skills"], UNUSUAL_2, title_style="I")),
    _case2("unusual-margin", "unusual wordings in a grey left margin column", _margin_unusual(UNUSUAL, "B")),
    _case2("unusual-margin-plain", "unusual wordings, regular weight, left margin column",
           _margin_unusual(UNUSUAL_2, "")),
    _case2("unusual-lowercase", "unusual wordings, all lower case, bigger",
           resume(big_bold, ["summary", "experience", "education", "skills"], UNUSUAL, lower=True)),
    _case2("caps-employers", "body-size capital headings; employers in bold capitals on their own line",
           _caps_employers(caps_body, ["summary", "experience", "education", "skills"], {})),
    _case2("caps-employers-unusual", "as caps-employers, unusual wordings",
           _caps_employers(caps_body, ["summary", "experience", "education", "skills"], UNUSUAL)),
    _case2("labels-in-entries", "bold body-size headings; a bold \"Key achievements\" label in each job",
           _caps_employers(bold_body, ["summary", "experience", "education", "skills"], {}, labels=True)),
    _case2("labels-unusual-bigger", "bigger headings, unusual wordings; bold labels in each job",
           _caps_employers(big_bold, ["summary", "experience", "education", "languages"], UNUSUAL, labels=True)),
    _case2("unusual-spaced", "unusual wordings in letter-spaced capitals",
           resume(spaced_caps, ["summary", "experience", "education", "skills"], UNUSUAL_2)),
    _case2("unusual-centred", "unusual wordings, centred capitals",
           resume(centred_caps, ["summary", "experience", "education", "interests"], UNUSUAL)),
]
CASES += BATCH_2
