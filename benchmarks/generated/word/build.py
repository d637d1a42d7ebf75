"""Render the invented people (people.py) the way people build resumes in Microsoft Word or Google Docs -- .docx
files written with python-docx, printed to PDF by LibreOffice -- and write their truth in the labelled corpus's
shape (truth.json beside the PDFs).

Regenerate (generator-only tools, not needed by tests or CI; see README.md):
    /tmp/genvenv/bin/python -m benchmarks.generated.word.build          # all; or pass part of a file name

Each layout is a way people really set a resume in a word processor: tab-stop right-aligned dates, "Company --
City" lines with the title below in italics, a two-column table with a shaded sidebar, the name in the page
header, dates in a left table column, Word numbering bullets (Symbol-font bullets, hyphens), headings with bottom
borders, small caps, coloured or all-caps styling, an all-lowercase resume, and headings and month names in German,
French, Spanish and Portuguese. The truth comes from the content data, not from reading the PDFs.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document  # type: ignore[import-not-found]
from docx.enum.table import WD_TABLE_ALIGNMENT  # type: ignore[import-not-found]
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT  # type: ignore[import-not-found]
from docx.oxml import parse_xml  # type: ignore[import-not-found]
from docx.oxml.ns import nsdecls, qn  # type: ignore[import-not-found]
from docx.shared import Cm, Emu, Inches, Pt, RGBColor  # type: ignore[import-not-found]

from benchmarks.generated.word.people import PEOPLE, Entry, Person, truth_for

HERE = Path(__file__).resolve().parent
OUT = HERE / "pdf"

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"],
}
SHORT = {  # the abbreviations each language's word processors and templates use
    "de": ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
    "es": ["ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic."],
    "pt": ["jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."],
}
NOW = {"en": "Present", "de": "heute", "fr": "aujourd'hui", "es": "actualidad", "pt": "atual"}
BREAK = {"de": "Elternzeit", "pt": "Período sabático"}  # a career break as a person writing in the language puts it

HEADINGS: dict[str, dict[str, str]] = {
    "de": {"summary": "Profil", "experience": "Berufserfahrung", "education": "Ausbildung", "skills": "Kenntnisse",
           "languages": "Sprachen", "certifications": "Zertifikate", "volunteering": "Ehrenamt"},
    "fr": {"summary": "Profil", "experience": "Expérience professionnelle", "education": "Formation",
           "skills": "Compétences", "languages": "Langues", "certifications": "Certifications",
           "volunteering": "Bénévolat"},
    "es": {"summary": "Perfil profesional", "experience": "Experiencia laboral", "education": "Formación académica",
           "skills": "Habilidades", "languages": "Idiomas", "certifications": "Certificaciones",
           "volunteering": "Voluntariado"},
    "pt": {"summary": "Resumo", "experience": "Experiência profissional", "education": "Formação acadêmica",
           "skills": "Competências", "languages": "Idiomas", "certifications": "Certificações",
           "volunteering": "Trabalho voluntário"},
}


def fmt(date: tuple[int, int] | None, style: str, lang: str = "en", now: str | None = None) -> str:
    if date is None:
        return now or NOW[lang]
    y, m = date
    if style == "mon":
        return f"{SHORT[lang][m - 1]} {y}" if lang != "en" else f"{MONTHS['en'][m - 1][:3]} {y}"
    if style == "month":
        return f"{MONTHS[lang][m - 1]} {y}"
    if style == "mm":
        return f"{m:02d}/{y}"
    if style == "dot":
        return f"{m:02d}.{y}"
    if style == "apos":  # Word's smart quote before a two-digit year: "Mar ’21"
        return f"{MONTHS['en'][m - 1][:3]} \u2019{y % 100:02d}"
    return str(y)


def rng(e: Entry, style: str, lang: str = "en", sep: str = " – ", now: str | None = None) -> str:
    start, end = fmt(e.start, style, lang, now), fmt(e.end, style, lang, now)
    if style == "year" and e.end is not None and e.start[0] == e.end[0]:
        return start
    return f"{start}{sep}{end}"


def title_of(e: Entry, lang: str) -> str:
    return BREAK.get(lang, e.title) if e.kind == "break" else e.title


# --- docx helpers -------------------------------------------------------------------------------------------------

class Builder:
    """A .docx being written, with the bullets and fonts of one layout."""

    def __init__(self, font: str, size: float, a4: bool, margin_in: float = 0.75) -> None:
        self.doc = Document()
        style = self.doc.styles["Normal"]
        style.font.name = font
        style.font.size = Pt(size)
        rpr = style.element.get_or_add_rPr()
        rpr.rFonts.set(qn("w:eastAsia"), font)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.space_before = Pt(0)
        section = self.doc.sections[0]
        if a4:
            section.page_width, section.page_height = Cm(21), Cm(29.7)
        else:
            section.page_width, section.page_height = Inches(8.5), Inches(11)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Inches(margin_in))
        self.width = Emu(section.page_width - section.left_margin - section.right_margin)
        self._next_num = 90

    def on_paper(self, width_cm: float, height_cm: float) -> None:
        """Set the page to other paper before anything is written (tables take their widths from `width`)."""
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(width_cm), Cm(height_cm)
        self.width = Emu(section.page_width - section.left_margin - section.right_margin)

    def bullets(self, char: str, font: str | None) -> int:
        """A Word numbering definition for bullets `char` in `font` (Symbol's U+F0B7 is Word's default bullet)."""
        numbering = self.doc.part.numbering_part.element
        num_id = self._next_num
        self._next_num += 1
        fonts = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>' if font else ""
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}"><w:multiLevelType w:val="hybridMultilevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{char}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr>{fonts}</w:lvl>'
            f"</w:abstractNum>")
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/>'
                                   f"</w:num>"))
        return num_id


class Flow:
    """Where paragraphs go: the body, a table cell or the page header."""

    def __init__(self, container: Any) -> None:
        self.container = container
        self._fresh = list(getattr(container, "paragraphs", []))[:1]

    def para(self, align: str | None = None, before: float = 0, after: float = 0) -> Any:
        p = self._fresh.pop() if self._fresh and not self._fresh[0].text else self.container.add_paragraph()
        self._fresh = []
        p.paragraph_format.space_before = Pt(before)
        p.paragraph_format.space_after = Pt(after)
        if align == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif align == "right":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        return p


def run(p: Any, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None,
        color: str | None = None, caps: bool = False, small_caps: bool = False, font: str | None = None,
        spacing: float | None = None) -> Any:
    r = p.add_run(text)
    r.bold, r.italic = bold or None, italic or None
    if size:
        r.font.size = Pt(size)
    if color:
        r.font.color.rgb = RGBColor.from_string(color)
    if caps:
        r.font.all_caps = True
    if small_caps:
        r.font.small_caps = True
    if font:
        r.font.name = font
    if spacing:
        rpr = r._element.get_or_add_rPr()
        rpr.append(parse_xml(f'<w:spacing {nsdecls("w")} w:val="{int(spacing * 20)}"/>'))
    return r


def bottom_border(p: Any, color: str = "auto", size: int = 6) -> None:
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="{size}" w:space="1" '
                         f'w:color="{color}"/></w:pBdr>'))


def right_tab(p: Any, position: Any) -> None:
    p.paragraph_format.tab_stops.add_tab_stop(position, WD_TAB_ALIGNMENT.RIGHT)


def numbered(p: Any, num_id: int) -> None:
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def shade(cell: Any, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" '
                                                f'w:fill="{fill}"/>'))


def no_borders(table: Any) -> None:
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(parse_xml(f'<w:tblBorders {nsdecls("w")}>' + "".join(
        f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"))


def table(flow_container: Any, widths: list[Any], b: Builder) -> Any:
    t = flow_container.add_table(rows=0, cols=len(widths))
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    t.autofit = False
    no_borders(t)
    grid = t._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(w.twips if hasattr(w, "twips") else w / 635)))
    return t


def add_row(t: Any, widths: list[Any]) -> list[Any]:
    cells = t.add_row().cells
    for cell, w in zip(cells, widths, strict=True):
        cell.width = w
    return list(cells)


def group(jobs: list[Entry]) -> list[list[Entry]]:
    """Consecutive roles at one employer, as people group promotions under one employer line."""
    groups: list[list[Entry]] = []
    for e in jobs:
        if groups and e.org and groups[-1][0].org == e.org:
            groups[-1].append(e)
        else:
            groups.append([e])
    return groups


def span(entries: list[Entry]) -> Entry:
    ends = [e.end for e in entries]
    return Entry("", entries[0].org, entries[0].location, min(e.start for e in entries),
                 None if None in ends else max(e for e in ends if e is not None))


def lang_list(p: Person) -> str:
    return ", ".join(f"{name} ({level})" for name, level in p.languages)


# --- layouts ------------------------------------------------------------------------------------------------------
# Each returns the section kinds it printed, in reading order (truth.json's `sections`).

Layout = Callable[[Builder, Person, str], list[str]]


def tabstop_classic(b: Builder, p: Person, lang: str) -> list[str]:
    """Word's most common hand-made resume: centred name, headings in bold capitals over a rule, "Title, Company"
    with the dates right-aligned on a tab stop, the city in italics below, Symbol-font numbering bullets."""
    body = Flow(b.doc)
    dot = b.bullets("\uf0b7", "Symbol")
    h = {"summary": "Summary", "experience": "Professional Experience", "education": "Education",
         "skills": "Skills", "certifications": "Certifications", "languages": "Languages"}
    run(body.para("center"), p.name, bold=True, size=20)
    run(body.para("center", after=6), f"{p.city} | {p.phone} | {p.email} | {p.web}", size=10)

    def heading(kind: str) -> None:
        para = body.para(before=10, after=4)
        run(para, h[kind].upper(), bold=True, size=12)
        bottom_border(para)

    heading("summary")
    run(body.para(), p.summary)
    heading("experience")
    for e in p.jobs:
        para = body.para(before=6)
        right_tab(para, b.width)
        run(para, title_of(e, lang), bold=True)
        if e.org:
            run(para, f", {e.org}")
        run(para, "\t" + rng(e, "mon"))
        if e.location:
            run(body.para(), e.location, italic=True)
        for text in e.bullets:
            numbered(bp := body.para(), dot)
            run(bp, text)
    heading("education")
    for e in p.education:
        para = body.para(before=4)
        right_tab(para, b.width)
        run(para, e.title, bold=True)
        run(para, f", {e.org}\t{rng(e, 'year')}")
    heading("skills")
    for label, value in p.skills.items():
        para = body.para()
        run(para, f"{label}: ", bold=True)
        run(para, value)
    heading("certifications")
    for c in p.certifications:
        numbered(bp := body.para(), dot)
        run(bp, c)
    heading("languages")
    run(body.para(), lang_list(p))
    return ["summary", "experience", "education", "skills", "certifications", "languages"]


def company_city_italic(b: Builder, p: Person, lang: str) -> list[str]:
    """Employer first: "Company -- City" in bold with the stint's dates on a right tab, each title below in
    italics (with its own dates when promoted there); small-caps headings over a rule; hyphen bullets."""
    body = Flow(b.doc)
    dash = b.bullets("-", None)
    h = {"summary": "Profile", "experience": "Career History", "education": "Education", "skills": "Core Skills",
         "certifications": "Certifications", "languages": "Languages"}
    run(body.para(), p.name, size=22, small_caps=True)
    run(body.para(), p.headline, size=12, italic=True)
    run(body.para(after=8), f"{p.email}  ·  {p.phone}  ·  {p.city}", size=10)

    def heading(kind: str) -> None:
        para = body.para(before=12, after=4)
        run(para, h[kind], bold=True, size=13, small_caps=True)
        bottom_border(para, "808080", 4)

    heading("summary")
    run(body.para(), p.summary)
    heading("experience")
    for entries in group(p.jobs):
        whole = span(entries)
        para = body.para(before=8)
        right_tab(para, b.width)
        head = f"{whole.org} — {whole.location}" if whole.org and whole.location else whole.org
        run(para, head or title_of(entries[0], lang), bold=True)
        run(para, "\t" + rng(whole, "month"))
        for e in entries:
            if head:
                para = body.para()
                right_tab(para, b.width)
                run(para, title_of(e, lang), italic=True)
                if len(entries) > 1:
                    run(para, "\t" + rng(e, "month"), italic=True)
            for text in e.bullets:
                numbered(bp := body.para(), dash)
                run(bp, text)
    heading("education")
    for e in p.education:
        para = body.para(before=4)
        right_tab(para, b.width)
        run(para, f"{e.org} — {e.location}", bold=True)
        run(para, f"\t{rng(e, 'year')}")
        run(body.para(), e.title, italic=True)
    heading("skills")
    for label, value in p.skills.items():
        numbered(bp := body.para(), dash)
        run(bp, f"{label}: {value}")
    heading("certifications")
    for c in p.certifications:
        numbered(bp := body.para(), dash)
        run(bp, c)
    heading("languages")
    run(body.para(), lang_list(p))
    return ["summary", "experience", "education", "skills", "certifications", "languages"]


def sidebar_table(b: Builder, p: Person, lang: str) -> list[str]:
    """A two-column table: a shaded sidebar (contact, skills, languages, certifications) beside the main column
    (profile, experience, education). Headings in coloured capitals; dates on their own grey line."""
    body = Flow(b.doc)
    dot = b.bullets("\uf0b7", "Symbol")
    run(body.para(), p.name, bold=True, size=24, color="1F3864")
    run(body.para(after=8), p.headline, size=13, color="2E75B6")
    widths = [Inches(2.3), Emu(b.width - Inches(2.3))]
    t = table(b.doc, widths, b)
    left, right = add_row(t, widths)
    shade(left, "DEEAF6")
    side, main = Flow(left), Flow(right)

    def heading(flow: Flow, text: str) -> None:
        run(flow.para(before=8, after=3), text.upper(), bold=True, size=11, color="1F3864")

    heading(side, "Contact")
    for line in (p.phone, p.email, p.city, p.web):
        run(side.para(), line, size=9)
    heading(side, "Skills")
    for label, value in p.skills.items():
        run(side.para(), label, bold=True, size=9)
        run(side.para(after=2), value, size=9)
    heading(side, "Languages")
    for name, level in p.languages:
        run(side.para(), f"{name} — {level}", size=9)
    heading(side, "Certifications")
    for c in p.certifications:
        run(side.para(after=2), c, size=9)
    heading(main, "Profile")
    run(main.para(), p.summary)
    heading(main, "Relevant Professional Experience")
    for e in p.jobs:
        run(main.para(before=6), title_of(e, lang), bold=True)
        if e.org:
            run(main.para(), ", ".join(x for x in (e.org, e.location) if x))
        run(main.para(), rng(e, "month"), size=9, color="7F7F7F")
        for text in e.bullets:
            numbered(bp := main.para(), dot)
            run(bp, text, size=10)
    heading(main, "Education")
    for e in p.education:
        run(main.para(before=4), e.title, bold=True)
        run(main.para(), f"{e.org}, {rng(e, 'year')}")
    return ["skills", "languages", "certifications", "summary", "experience", "education"]


def header_name(b: Builder, p: Person, lang: str) -> list[str]:
    """The name and headline typed into the page header (repeated on every page), headings in coloured capitals
    (Word's All caps), "Title | Company | City" with MM/YYYY dates on a right tab, volunteering as its own
    section."""
    header = Flow(b.doc.sections[0].header)
    run(header.para(), p.name, bold=True, size=18, color="1F4E79")
    run(header.para(), p.headline, size=11, color="595959")
    body = Flow(b.doc)
    dot = b.bullets("\uf0b7", "Symbol")
    h = {"summary": "Executive Summary", "experience": "Roles & Positions", "education": "Education & Training",
         "skills": "Technical Expertise", "certifications": "Licenses & Certifications", "languages": "Languages",
         "volunteering": "Community Involvement"}
    run(body.para(after=6), f"{p.phone}   {p.email}   {p.web}   {p.city}", size=9.5)

    def heading(kind: str) -> None:
        run(body.para(before=10, after=3), h[kind], bold=True, size=12, caps=True, color="2E74B5")

    def entry(e: Entry) -> None:
        para = body.para(before=5)
        right_tab(para, b.width)
        run(para, title_of(e, lang), bold=True)
        rest = " | ".join(x for x in (e.org, e.location) if x)
        if rest:
            run(para, f" | {rest}")
        run(para, "\t" + rng(e, "mm"))
        for text in e.bullets:
            numbered(bp := body.para(), dot)
            run(bp, text)

    kinds = ["summary", "experience", "education", "skills", "certifications", "languages"]
    heading("summary")
    run(body.para(), p.summary)
    heading("experience")
    for e in p.jobs:
        if e.kind != "volunteer":
            entry(e)
    heading("education")
    for e in p.education:
        para = body.para(before=4)
        right_tab(para, b.width)
        run(para, f"{e.title} | {e.org}", bold=True)
        run(para, f"\t{rng(e, 'mm')}")
    heading("skills")
    for label, value in p.skills.items():
        numbered(bp := body.para(), dot)
        run(bp, f"{label}: ", bold=True)
        run(bp, value)
    heading("certifications")
    for c in p.certifications:
        numbered(bp := body.para(), dot)
        run(bp, c)
    heading("languages")
    run(body.para(), lang_list(p))
    volunteer = [e for e in p.jobs if e.kind == "volunteer"]
    if volunteer:
        heading("volunteering")
        for e in volunteer:
            entry(e)
        kinds.append("volunteering")
    return kinds


def left_dates_table(b: Builder, p: Person, lang: str, h: dict[str, str] | None = None, style: str = "mm",
                     small_caps: bool = False) -> list[str]:
    """Dates in the left column of a borderless table, the entry (bold title, employer and city, hyphen bullets)
    in the right one; headings over a rule."""
    body = Flow(b.doc)
    dash = b.bullets("–", None)
    h = h or {"summary": "About", "experience": "Work History", "education": "Education", "skills": "Skills",
              "certifications": "Certificates", "languages": "Languages"}
    run(body.para(), p.name, bold=True, size=20)
    run(body.para(), p.headline, size=12)
    run(body.para(after=6), f"{p.city} · {p.phone} · {p.email}", size=9.5)

    def heading(kind: str) -> None:
        para = body.para(before=10, after=4)
        run(para, h[kind], bold=True, size=12, small_caps=small_caps, color="C00000" if small_caps else None)
        bottom_border(para)

    widths = [Inches(1.5), Emu(b.width - Inches(1.5))]
    heading("summary")
    run(body.para(), p.summary)
    heading("experience")
    t = table(b.doc, widths, b)
    for e in p.jobs:
        left, right = add_row(t, widths)
        run(Flow(left).para(before=4), rng(e, style, lang, sep=" – "), size=9.5)
        flow = Flow(right)
        run(flow.para(before=4), title_of(e, lang), bold=True)
        if e.org:
            run(flow.para(), ", ".join(x for x in (e.org, e.location) if x), italic=True)
        for text in e.bullets:
            numbered(bp := flow.para(), dash)
            run(bp, text)
    heading("education")
    t = table(b.doc, widths, b)
    for e in p.education:
        left, right = add_row(t, widths)
        run(Flow(left).para(before=4), rng(e, "year", lang), size=9.5)
        flow = Flow(right)
        run(flow.para(before=4), e.title, bold=True)
        run(flow.para(), f"{e.org}, {e.location}")
    heading("skills")
    for label, value in p.skills.items():
        para = body.para()
        run(para, f"{label}: ", bold=True)
        run(para, value)
    heading("certifications")
    for c in p.certifications:
        numbered(bp := body.para(), dash)
        run(bp, c)
    heading("languages")
    run(body.para(), lang_list(p))
    return ["summary", "experience", "education", "skills", "certifications", "languages"]


def docs_spearmint(b: Builder, p: Person, lang: str) -> list[str]:
    """A Google Docs template look: big name, the headline and contact lines, an unheaded profile paragraph,
    coloured headings, "Company, City -- Title" lines with the dates below in small grey capitals, round bullets."""
    body = Flow(b.doc)
    dot = b.bullets("●", "Arial")
    run(body.para(), p.name, bold=True, size=26)
    run(body.para(), p.headline, size=12, color="2BA89A")
    run(body.para(), p.city, size=9.5, color="666666")
    run(body.para(), p.phone, size=9.5, color="666666")
    run(body.para(after=10), p.email, size=9.5, color="666666")
    run(body.para(after=4), p.summary)

    def heading(text: str) -> None:
        run(body.para(before=14, after=4), text, bold=True, size=11, color="2BA89A", caps=True)

    heading("Experience")
    for e in p.jobs:
        para = body.para(before=8)
        if e.org:
            run(para, f"{e.org}, {e.location}" if e.location else e.org, bold=True)
            run(para, " — ")
            run(para, title_of(e, lang), italic=True)
        else:
            run(para, title_of(e, lang), bold=True)
        run(body.para(after=2), rng(e, "month", sep=" - ").upper(), size=8, color="666666")
        for text in e.bullets:
            numbered(bp := body.para(), dot)
            run(bp, text)
    heading("Education")
    for e in p.education:
        para = body.para(before=6)
        run(para, f"{e.org}, {e.location}", bold=True)
        run(para, " — ")
        run(para, e.title, italic=True)
        run(body.para(), rng(e, "month", sep=" - ").upper(), size=8, color="666666")
    heading("Skills")
    for label, value in p.skills.items():
        numbered(bp := body.para(), dot)
        run(bp, f"{label}: {value}")
    heading("Certifications")
    for c in p.certifications:
        run(body.para(), c)
    heading("Languages")
    run(body.para(), lang_list(p))
    return ["summary", "experience", "education", "skills", "certifications", "languages"]


def lowercase(b: Builder, p: Person, lang: str) -> list[str]:
    """Everything typed in lower case (a style some designers and engineers use): name, headings, titles,
    employers; "title · employer" with the dates on a right tab, hyphen bullets."""
    body = Flow(b.doc)
    dash = b.bullets("–", None)
    run(body.para(), p.name.lower(), bold=True, size=22, color="404040")
    run(body.para(after=8), f"{p.headline.lower()}  /  {p.email}  /  {p.phone}  /  {p.city.lower()}", size=10)

    def heading(text: str) -> None:
        run(body.para(before=12, after=4), text, bold=True, size=13, color="7030A0")

    heading("about")
    run(body.para(), p.summary.lower())
    heading("experience")
    for e in p.jobs:
        para = body.para(before=6)
        right_tab(para, b.width)
        run(para, title_of(e, lang).lower(), bold=True)
        if e.org:
            run(para, f" · {e.org.lower()}")
        run(para, "\t" + rng(e, "mon").lower(), color="7F7F7F")
        for text in e.bullets:
            numbered(bp := body.para(), dash)
            run(bp, text.lower())
    heading("education")
    for e in p.education:
        para = body.para(before=4)
        right_tab(para, b.width)
        run(para, e.title.lower(), bold=True)
        run(para, f" · {e.org.lower()}\t{rng(e, 'year')}")
    heading("skills")
    for label, value in p.skills.items():
        run(body.para(), f"{label.lower()}: {value.lower()}")
    heading("certifications")
    for c in p.certifications:
        numbered(bp := body.para(), dash)
        run(bp, c.lower())
    heading("languages")
    run(body.para(), lang_list(p).lower())
    return ["summary", "experience", "education", "skills", "certifications", "languages"]


def allcaps(b: Builder, p: Person, lang: str) -> list[str]:
    """A formal serif resume set in capitals: letter-spaced name, headings and titles in Word's All caps, the
    employer and city below each title, years only."""
    body = Flow(b.doc)
    dot = b.bullets("\uf0b7", "Symbol")
    h = {"summary": "Professional Profile", "experience": "Employment History", "education": "Education",
         "skills": "Areas of Expertise", "certifications": "Certifications", "languages": "Languages"}
    run(body.para("center"), p.name, size=20, caps=True, spacing=3)
    run(body.para("center", after=10), f"{p.city}  •  {p.phone}  •  {p.email}", size=10)

    def heading(kind: str) -> None:
        para = body.para("center", before=12, after=6)
        run(para, h[kind], bold=True, size=11.5, caps=True, spacing=1.5)
        bottom_border(para, "000000", 8)

    heading("summary")
    run(body.para(), p.summary)
    heading("experience")
    for e in p.jobs:
        para = body.para(before=6)
        right_tab(para, b.width)
        run(para, title_of(e, lang), bold=True, caps=True)
        run(para, "\t" + rng(e, "year").upper(), bold=True)
        if e.org:
            run(body.para(), " · ".join(x for x in (e.org, e.location) if x), italic=True)
        for text in e.bullets:
            numbered(bp := body.para(), dot)
            run(bp, text)
    heading("education")
    for e in p.education:
        para = body.para(before=4)
        right_tab(para, b.width)
        run(para, e.title, bold=True, caps=True)
        run(para, f"\t{rng(e, 'year')}", bold=True)
        run(body.para(), e.org, italic=True)
    heading("skills")
    for label, value in p.skills.items():
        numbered(bp := body.para(), dot)
        run(bp, f"{label}: {value}")
    heading("certifications")
    for c in p.certifications:
        numbered(bp := body.para(), dot)
        run(bp, c)
    heading("languages")
    run(body.para(), lang_list(p))
    return ["summary", "experience", "education", "skills", "certifications", "languages"]


def localized_tabstop(b: Builder, p: Person, lang: str) -> list[str]:
    """The tab-stop layout in the person's own language: headings and month names in German, French, Spanish or
    Portuguese, the title in bold with the dates on a right tab, the employer and city in italics below."""
    body = Flow(b.doc)
    dot = b.bullets("\uf0b7", "Symbol")
    h = HEADINGS[lang]
    run(body.para(), p.name, bold=True, size=20, color="1F3864")
    run(body.para(), p.headline, size=12)
    run(body.para(after=8), f"{p.city} | {p.phone} | {p.email}", size=10)

    def heading(kind: str) -> None:
        para = body.para(before=10, after=4)
        run(para, h[kind].upper(), bold=True, size=11.5, color="1F3864")
        bottom_border(para, "1F3864", 8)

    heading("summary")
    run(body.para(), p.summary)
    heading("experience")
    for e in p.jobs:
        para = body.para(before=6)
        right_tab(para, b.width)
        run(para, title_of(e, lang), bold=True)
        run(para, "\t" + rng(e, "mon", lang))
        if e.org:
            run(body.para(), ", ".join(x for x in (e.org, e.location) if x), italic=True)
        for text in e.bullets:
            numbered(bp := body.para(), dot)
            run(bp, text)
    heading("education")
    for e in p.education:
        para = body.para(before=4)
        right_tab(para, b.width)
        run(para, e.title, bold=True)
        run(para, f"\t{rng(e, 'month', lang)}")
        run(body.para(), e.org, italic=True)
    heading("skills")
    for label, value in p.skills.items():
        numbered(bp := body.para(), dot)
        run(bp, f"{label}: {value}")
    heading("languages")
    run(body.para(), lang_list(p))
    heading("certifications")
    for c in p.certifications:
        run(body.para(), c)
    return ["summary", "experience", "education", "skills", "languages", "certifications"]


def localized_left_dates(b: Builder, p: Person, lang: str) -> list[str]:
    """Dates in a left table column (numeric, the language's word for "now"), small-caps coloured headings in the
    person's language."""
    return left_dates_table(b, p, lang, h=HEADINGS[lang], style="dot" if lang == "de" else "mm", small_caps=True)


def harvard(b: Builder, p: Person, lang: str) -> list[str]:
    """The career-office template most US graduates start from: education first, "EMPLOYER <tab> City" in bold
    capitals, each title in italics with its dates on a right tab (promotions as further title lines), volunteering
    under "Leadership & Activities", and one "Skills & Interests" block with labelled lines."""
    body = Flow(b.doc)
    dot = b.bullets("\uf0b7", "Symbol")
    run(body.para("center"), p.name, bold=True, size=16)
    run(body.para("center", after=4), f"{p.city} • {p.email} • {p.phone}", size=10)

    def heading(text: str) -> None:
        para = body.para(before=8, after=3)
        run(para, text.upper(), bold=True, size=11)
        bottom_border(para, "000000", 6)

    def employer_line(org: str, place: str) -> None:
        para = body.para(before=5)
        right_tab(para, b.width)
        run(para, org.upper(), bold=True)
        run(para, f"\t{place}", bold=True)

    def title_line(title: str, dates: str) -> None:
        para = body.para()
        right_tab(para, b.width)
        run(para, title, italic=True)
        run(para, f"\t{dates}", italic=True)

    heading("Education")
    for e in p.education:
        employer_line(e.org, e.location)
        title_line(e.title, fmt(e.end, "month"))
    heading("Experience")
    for entries in group([e for e in p.jobs if e.kind != "volunteer"]):
        first = entries[0]
        if not first.org:
            title_line(title_of(first, lang), rng(first, "month"))
            continue
        employer_line(first.org, first.location)
        for e in entries:
            title_line(title_of(e, lang), rng(e, "month"))
            for text in e.bullets:
                numbered(bp := body.para(), dot)
                run(bp, text)
    kinds = ["education", "experience"]
    volunteer = [e for e in p.jobs if e.kind == "volunteer"]
    if volunteer:
        heading("Leadership & Activities")
        for e in volunteer:
            employer_line(e.org, e.location)
            title_line(e.title, rng(e, "month"))
            for text in e.bullets:
                numbered(bp := body.para(), dot)
                run(bp, text)
        kinds.append("leadership")
    heading("Skills & Interests")
    for label, value in list(p.skills.items()) + [("Languages", lang_list(p)),
                                                  ("Certifications", "; ".join(p.certifications))]:
        para = body.para()
        run(para, f"{label}: ", bold=True)
        run(para, value)
    return kinds + ["skills"]


def table_right_dates(b: Builder, p: Person, lang: str) -> list[str]:
    """A Word template built from tables: contact details in a three-cell row, headings as shaded bars (one-cell
    tables), each entry a two-cell row with the title and employer on the left and the dates right-aligned in the
    right cell, the bullets below; skills in a three-column grid."""
    body = Flow(b.doc)
    dot = b.bullets("\uf0b7", "Symbol")
    run(body.para(), p.name, bold=True, size=22, color="203864")
    run(body.para(after=4), p.headline, size=12, color="404040")
    thirds = [Emu(b.width // 3)] * 3
    contact = table(b.doc, thirds, b)
    for cell, text in zip(add_row(contact, thirds), (p.email, p.phone, p.web), strict=True):
        run(Flow(cell).para(), text, size=9)

    def heading(text: str) -> None:
        bar = table(b.doc, [b.width], b)
        (cell,) = add_row(bar, [b.width])
        shade(cell, "D9E2F3")
        run(Flow(cell).para(before=2, after=2), text.upper(), bold=True, size=11, color="203864")

    split = [Emu(b.width - Inches(1.9)), Inches(1.9)]
    heading("Executive Profile")
    run(body.para(before=4), p.summary)
    heading("Professional Experience")
    for e in p.jobs:
        row = table(b.doc, split, b)
        left, right = add_row(row, split)
        flow = Flow(left)
        run(flow.para(before=6), title_of(e, lang), bold=True)
        if e.org:
            run(flow.para(), " | ".join(x for x in (e.org, e.location) if x), italic=True)
        run(Flow(right).para("right", before=6), rng(e, "mon"), size=10)
        for text in e.bullets:
            numbered(bp := body.para(), dot)
            run(bp, text)
    heading("Education")
    for e in p.education:
        row = table(b.doc, split, b)
        left, right = add_row(row, split)
        run(Flow(left).para(before=4), e.title, bold=True)
        run(Flow(left).para(), e.org, italic=True)
        run(Flow(right).para("right", before=4), rng(e, "year"), size=10)
    heading("Key Skills")
    items = [item.strip() for value in p.skills.values() for item in value.split(",")][:9]
    grid = table(b.doc, thirds, b)
    for start in range(0, len(items), 3):
        for cell, item in zip(add_row(grid, thirds), items[start:start + 3], strict=False):
            numbered(bp := Flow(cell).para(), dot)
            run(bp, item, size=10)
    heading("Certifications")
    for c in p.certifications:
        run(body.para(before=2), c)
    heading("Languages")
    run(body.para(before=2), lang_list(p))
    return ["summary", "experience", "education", "skills", "certifications", "languages"]


def left_tab_dates(b: Builder, p: Person, lang: str) -> list[str]:
    """The tabular CV common in Germany and much of Europe: "Curriculum Vitae" over the name, numeric dates at the
    left margin and the entry after a tab stop (hanging indent), the employer on the next line at the tab, in the
    person's language."""
    body = Flow(b.doc)
    dash = b.bullets("–", None)
    h = HEADINGS[lang]
    now = {"de": "heute", "fr": "présent", "es": "presente", "pt": "atual"}[lang]
    run(body.para(), "Curriculum Vitae", size=11, color="7F7F7F")
    run(body.para(), p.name, bold=True, size=18)
    run(body.para(), p.city, size=10)
    run(body.para(after=6), f"{p.phone} · {p.email}", size=10)
    indent = Inches(1.5)

    def heading(kind: str) -> None:
        para = body.para(before=10, after=4)
        run(para, h[kind], bold=True, size=12, color="1F4E79")
        bottom_border(para, "1F4E79", 6)

    def hanging(para: Any) -> None:
        para.paragraph_format.left_indent = indent
        para.paragraph_format.first_line_indent = -indent
        para.paragraph_format.tab_stops.add_tab_stop(indent)

    heading("summary")
    run(body.para(), p.summary)
    heading("experience")
    for e in p.jobs:
        para = body.para(before=5)
        hanging(para)
        run(para, rng(e, "mm", lang, now=now) + "\t")
        run(para, title_of(e, lang), bold=True)
        if e.org:
            place = body.para()
            place.paragraph_format.left_indent = indent
            run(place, ", ".join(x for x in (e.org, e.location) if x))
        for text in e.bullets:
            bp = body.para()
            numbered(bp, dash)
            bp.paragraph_format.left_indent = Emu(indent + Inches(0.25))
            run(bp, text)
    heading("education")
    for e in p.education:
        para = body.para(before=4)
        hanging(para)
        run(para, rng(e, "mm", lang, now=now) + "\t")
        run(para, e.title, bold=True)
        place = body.para()
        place.paragraph_format.left_indent = indent
        run(place, f"{e.org}, {e.location}")
    heading("skills")
    for label, value in p.skills.items():
        para = body.para()
        hanging(para)
        run(para, f"{label}\t{value}")
    heading("languages")
    for name, level in p.languages:
        para = body.para()
        hanging(para)
        run(para, f"{name}\t{level}")
    heading("certifications")
    for c in p.certifications:
        para = body.para()
        para.paragraph_format.left_indent = indent
        run(para, c)
    return ["summary", "experience", "education", "skills", "languages", "certifications"]


def title_at_company(b: Builder, p: Person, lang: str) -> list[str]:
    """A résumé typed freely in Word or Docs by a senior candidate: a degree after the name, headings of their own
    wording ("Career Snapshot", "Professional Journey", "Toolkit"), "Title at Company" with the place, the dates
    ("Current") and the length of each stint on a grey line below."""
    body = Flow(b.doc)
    dot = b.bullets("\uf0b7", "Symbol")
    degree = "PhD" if "Ph.D" in " ".join(e.title for e in p.education) else "MSc" if any(
        e.title.startswith(("M.S", "M.Sc", "Máster")) for e in p.education) else "MBA"
    run(body.para(), f"{p.name}, {degree}", bold=True, size=20, color="0B5394")
    run(body.para(after=8), f"{p.headline} · {p.city} · {p.email} · {p.phone}", size=9.5, color="595959")
    h = {"summary": "Career Snapshot", "experience": "Professional Journey", "education": "Academic Credentials",
         "skills": "Toolkit", "certifications": "Certifications & Training", "languages": "Languages"}

    def heading(kind: str) -> None:
        run(body.para(before=12, after=4), h[kind], bold=True, size=13, color="0B5394")

    def stint(e: Entry) -> str:
        end = e.end or (2026, 12)
        months = (end[0] - e.start[0]) * 12 + end[1] - e.start[1] + 1
        years, rest = divmod(months, 12)
        parts = ([f"{years} yr" + ("s" if years > 1 else "")] if years else []) + (
            [f"{rest} mo" + ("s" if rest > 1 else "")] if rest else [])
        return " ".join(parts)

    heading("summary")
    run(body.para(), p.summary)
    heading("experience")
    for e in p.jobs:
        para = body.para(before=7)
        run(para, title_of(e, lang), bold=True)
        if e.org:
            run(para, f" at {e.org}")
        line = " · ".join(x for x in (e.location, rng(e, "mon", now="Current")) if x)
        run(body.para(), f"{line} ({stint(e)})", size=9, color="7F7F7F")
        for text in e.bullets:
            numbered(bp := body.para(), dot)
            run(bp, text)
    heading("education")
    for e in p.education:
        para = body.para(before=4)
        run(para, e.title, bold=True)
        run(para, f", {e.org} ({e.end[0] if e.end else ''})")
    heading("skills")
    run(body.para(), " · ".join(v for v in p.skills.values()))
    heading("certifications")
    for c in p.certifications:
        numbered(bp := body.para(), dot)
        run(bp, c)
    heading("languages")
    run(body.para(), lang_list(p))
    return ["summary", "experience", "education", "skills", "certifications", "languages"]


def two_page_continued(b: Builder, p: Person, lang: str) -> list[str]:
    """A two-page Word resume: "Page 1 of 2" fields in the footer, the name and page number in the header of the
    second page only (Word's "different first page"), the experience running on under "Professional Experience
    (continued)" after a page break, and two-digit years after Word's smart apostrophe ("Mar ’21 – Present")."""
    from docx.enum.text import WD_BREAK  # type: ignore[import-not-found]

    section = b.doc.sections[0]
    section.different_first_page_header_footer = True
    for footer in (section.footer, section.first_page_footer):
        para = Flow(footer).para("center")
        run(para, "Page ", size=8, color="7F7F7F")
        para._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        run(para, " of ", size=8, color="7F7F7F")
        para._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="NUMPAGES"><w:r><w:t>2</w:t></w:r>'
                                 f"</w:fldSimple>"))
    later = Flow(section.header).para("right")
    run(later, f"{p.name} – {p.email}", size=9, color="7F7F7F")
    body = Flow(b.doc)
    dot = b.bullets("\uf0b7", "Symbol")
    run(body.para("center"), p.name.upper(), bold=True, size=18)
    run(body.para("center"), p.headline, size=11)
    run(body.para("center", after=6), f"{p.city} | {p.phone} | {p.email} | {p.web}", size=9.5)

    def heading(text: str) -> None:
        para = body.para(before=10, after=4)
        run(para, text.upper(), bold=True, size=11.5)
        bottom_border(para, "000000", 12)

    heading("Summary of Qualifications")
    run(body.para(), p.summary)
    heading("Professional Experience")
    for index, e in enumerate(p.jobs):
        if index == 3:
            body.para().add_run().add_break(WD_BREAK.PAGE)
            heading("Professional Experience (continued)")
        para = body.para(before=6)
        right_tab(para, b.width)
        run(para, " – ".join(x for x in (e.org, e.location) if x) or title_of(e, lang), bold=True)
        run(para, "\t" + rng(e, "apos"), bold=True)
        if e.org:
            run(body.para(), title_of(e, lang), italic=True)
        for text in e.bullets:
            numbered(bp := body.para(), dot)
            run(bp, text)
    heading("Education")
    for e in p.education:
        para = body.para(before=4)
        right_tab(para, b.width)
        run(para, f"{e.title}, {e.org}")
        run(para, f"\t{e.end[0] if e.end else ''}")
    heading("Technical Skills")
    for label, value in p.skills.items():
        para = body.para()
        run(para, f"{label}: ", bold=True)
        run(para, value)
    heading("Certifications")
    for c in p.certifications:
        numbered(bp := body.para(), dot)
        run(bp, c)
    heading("Languages")
    run(body.para(), lang_list(p))
    return ["summary", "experience", "education", "skills", "certifications", "languages"]


# name -> (layout, font, size, A4, which people)
LAYOUTS: dict[str, tuple[Layout, str, float, bool, str]] = {
    "tabstop-classic": (tabstop_classic, "Carlito", 11, False, "all"),
    "company-city-italic": (company_city_italic, "Liberation Serif", 11, True, "all"),
    "sidebar-table": (sidebar_table, "Carlito", 10.5, False, "all"),
    "header-name": (header_name, "Liberation Sans", 10.5, False, "all"),
    "left-dates-table": (left_dates_table, "Liberation Sans", 10, True, "all"),
    "docs-spearmint": (docs_spearmint, "Liberation Sans", 10.5, False, "all"),
    "lowercase": (lowercase, "Carlito", 10.5, True, "all"),
    "allcaps": (allcaps, "Caladea", 10.5, False, "all"),
    "harvard": (harvard, "Liberation Serif", 11, False, "all"),
    "table-right-dates": (table_right_dates, "Carlito", 10.5, False, "all"),
    "title-at-company": (title_at_company, "Liberation Sans", 10.5, False, "all"),
    "two-page-continued": (two_page_continued, "Carlito", 11, False, "all"),
    "localized-tabstop": (localized_tabstop, "Carlito", 10.5, True, "localized"),
    "localized-left-dates": (localized_left_dates, "Liberation Serif", 10.5, True, "localized"),
    "left-tab-dates": (left_tab_dates, "Liberation Sans", 10.5, True, "localized"),
}


def people_for(index: int, which: str) -> list[Person]:
    if which == "localized":
        return [p for p in PEOPLE if p.lang != "en"]
    # Four of the six, a different pair left out by each layout: every person appears in two thirds of them.
    return [p for i, p in enumerate(PEOPLE) if i not in (index % len(PEOPLE), (index + 3) % len(PEOPLE))]


def shown(value: str, layout: str) -> str:
    """A truth string as the layout prints it (lowercase and all-caps styles)."""
    return value.lower() if layout == "lowercase" else value


def render(only: list[str], paper: tuple[float, float] | None = None, folder: Path | None = None) -> None:
    """Write every layout's PDFs and truth.json here, or -- with `paper` (width, height in cm) -- the same
    documents on that paper into `folder` (outside the repository: a narrow page wraps headers and dates the way
    real narrow layouts do; score it with RESUME_PUBLIC_SETS=<folder's parent>)."""
    out = folder / "pdf" if folder is not None else OUT
    out.mkdir(parents=True, exist_ok=True)
    truth_path = (folder if folder is not None else HERE) / "truth.json"
    truth: dict[str, Any] = json.loads(truth_path.read_text(encoding="utf-8")) if truth_path.is_file() else {}
    files: dict[str, Any] = truth.get("files", {})
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("needs LibreOffice: apt-get install --no-install-recommends libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        docs: list[Path] = []
        for index, (layout, (fn, font, size, a4, which)) in enumerate(LAYOUTS.items()):
            for person in people_for(index, which):
                stem = f"{layout}--{person.key}"
                if only and not any(o in stem for o in only):
                    continue
                b = Builder(font, size, a4, margin_in=0.7 if a4 else 0.75)
                if paper is not None:
                    b.on_paper(*paper)
                sections = fn(b, person, "en" if which == "all" else person.lang)
                path = Path(tmp) / f"{stem}.docx"
                b.doc.save(str(path))
                docs.append(path)
                record = truth_for(person, sections)
                if layout == "lowercase":
                    record["name"] = shown(str(record["name"]), layout)
                    record["companies"] = [shown(c, layout) for c in record["companies"]]  # type: ignore[union-attr]
                    record["latest_title"] = shown(str(record["latest_title"]), layout)
                if layout == "allcaps":
                    record["name"] = str(record["name"]).upper()
                    record["latest_title"] = str(record["latest_title"]).upper()
                if which == "localized" and person.lang in BREAK:
                    pass  # breaks are never counted, so their wording does not change the truth
                files[f"{stem}.pdf"] = record | {"source": f"generated: {layout} layout (python-docx, LibreOffice), "
                                                           f"person {person.key}", "layout": layout}
        # One soffice call converts them all (starting LibreOffice is the slow part).
        for start in range(0, len(docs), 12):
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out),
                            *map(str, docs[start:start + 12])], check=True, capture_output=True, timeout=600)
    conventions = copy.deepcopy(truth.get("_conventions")) or {
        "note": "Same shape and conventions as ../shared/corpus/resumes-labelled/truth.json (`_conventions` "
                "there). Derived from people.py by build.py, not read from the PDFs. Text as printed: the "
                "lowercase layout's names, employers and titles in lower case, the all-caps layout's name and "
                "titles in capitals (compared case-insensitively anyway)."}
    truth_path.write_text(json.dumps({"_conventions": conventions, "files": dict(sorted(files.items()))},
                                     indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(docs)} PDFs written to {out}")


if __name__ == "__main__":  # build.py [LAYOUT ...] [--paper WIDTH_CM HEIGHT_CM FOLDER]
    args = sys.argv[1:]
    if "--paper" in args:
        at = args.index("--paper")
        width, height, folder = args[at + 1: at + 4]
        render(args[:at] + args[at + 4:], (float(width), float(height)), Path(folder) / "word")
    else:
        render(args)
