"""Export a (tailored) resume as Markdown, DOCX or PDF, and prove each file reads back to the same structure.

One layout for all three formats, chosen so that both people and applicant-tracking systems read it: the name,
one contact line, then standard headings ("Executive Summary", "Experience", ...) in the resume's section order;
each job as a "Title | Company" line, a dates line, then bullets. `round_trip_problems` re-reads the written file
(python-docx paragraphs, or the PDF's extracted text) and compares section names, jobs and bullet counts.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.errors import InputError
from assistant.pdf import new_document
from assistant.resume.models import Education, Job, Line, Resume, Section
from assistant.resume.tailor import normalise_section_name, section_heading
from assistant.text.tokens import mentions

BULLET = "•"
_DATE_LINE_RE = re.compile(
    r"^(?:(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d{2}(?:-\d{2})?|Present|Current)"
    r"(?:\s*[–—-]\s*(?:(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d{2}(?:-\d{2})?|Present|Current|Now))?"
    r"(?:\s*\|.*)?$"
)


# --- the shared layout ------------------------------------------------------------------------------------------


def _section_order(resume: Resume) -> list[Section]:
    """Sections to print. A section built from structured fields (jobs, education, skills) prints once, where it
    first appears: a resume with both "Experience" and "Research" sections has one list of jobs, not two."""
    structured = {"experience": bool(resume.experience), "education": bool(resume.education),
                  "skills": bool(resume.skills)}
    sections: list[Section] = []
    for section in resume.sections:
        if structured.get(section.name) and any(s.name == section.name for s in sections):
            continue
        sections.append(section)
    if resume.experience and not any(s.name == "experience" for s in sections):
        sections.append(Section(name="experience", heading="Experience"))
    return sections


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def display_date(value: str, month_stated: bool = True) -> str:
    """"2019-03" (the parser's normalised form) as "Mar 2019", or "2019" when the resume gave the year only (its
    month is the reader's filler, and showing it would state something the candidate never wrote); anything else
    as written."""
    match = re.fullmatch(r"((?:19|20)\d{2})-(0[1-9]|1[0-2])", value.strip())
    if not match:
        return value
    return f"{_MONTHS[int(match[2]) - 1]} {match[1]}" if month_stated else match[1]


def _job_header(job: Job) -> str:
    return " | ".join(p.strip() for p in (job.title, job.company) if p and p.strip()) or "Role"


def _job_dates(job: Job) -> str:
    dates = " – ".join(display_date(p, job.month_stated) for p in (job.start, job.end) if p)
    return " | ".join(p for p in (dates, job.location) if p)


def _education_line(edu: Education) -> str:
    """Degree, institution, year, each once: the parser keeps the whole source line as the degree when it cannot
    split it, so a field already written there ("..., University of Washington, 2012") is not repeated."""
    parts: list[str] = []
    for part in (edu.degree, edu.institution, edu.year):
        part = (part or "").strip()
        if part and not any(mentions(p, part) for p in parts):
            parts.append(part)
    return ", ".join(parts)


def _contact_line(resume: Resume) -> str:
    c = resume.contact
    return " | ".join(p for p in (c.email, c.phone, c.location, *c.links) if p)


def _section_body(resume: Resume, section: Section) -> list[tuple[str, str]]:
    """(kind, text) rows for one section: kind is 'job', 'dates', 'bullet' or 'text'."""
    rows: list[tuple[str, str]] = []
    if section.name == "experience" and resume.experience:
        for job in resume.experience:
            rows.append(("job", _job_header(job)))
            if _job_dates(job):
                rows.append(("dates", _job_dates(job)))
            rows += [("bullet", b.text) for b in job.bullets]
    elif section.name == "education" and resume.education:
        rows += [("text", _education_line(e)) for e in resume.education if _education_line(e)]
    elif section.name == "skills" and resume.skills:
        rows.append(("text", ", ".join(resume.skills)))
    else:
        rows += [("text", ln.text) for ln in section.lines if not _repeats_contact(ln.text, resume)]
    return rows


_CONTACT_LABEL = re.compile(
    r"\(?\b(?:mobile|cell|home|work|phone|e-?mail|linkedin|github|personal|portfolio|website|blog|other)\b\)?:?",
    re.IGNORECASE)


def _repeats_contact(text: str, resume: Resume) -> bool:
    """A line that only repeats the contact details the header already shows ("+1 206 555 0148 (Mobile)", a
    profile link, a lone "(LinkedIn)"), as a profile's contact box does when it is read as a section."""
    contact = resume.contact
    rest = text
    for item in sorted((i for i in (contact.email, contact.phone, *contact.links) if i), key=len, reverse=True):
        rest = rest.replace(item, " ")
    return not re.search(r"\w", _CONTACT_LABEL.sub(" ", rest))


# --- Markdown ---------------------------------------------------------------------------------------------------


def to_markdown(resume: Resume) -> str:
    """The resume as Markdown: `#` name, `##` standard section headings, `###` jobs, `-` bullets."""
    out: list[str] = []
    if resume.contact.name:
        out.append(f"# {resume.contact.name}")
    if _contact_line(resume):
        out.append(_contact_line(resume))
    for section in _section_order(resume):
        rows = _section_body(resume, section)
        if not rows:
            continue
        out += ["", f"## {section_heading(section.name)}"]
        for kind, text in rows:
            if kind == "job":
                out += ["", f"### {text}"]
            elif kind == "dates":
                out.append(f"*{text}*")
            elif kind == "bullet":
                out.append(f"- {text}")
            else:
                out.append(text)
    return "\n".join(out).strip() + "\n"


# --- DOCX -------------------------------------------------------------------------------------------------------


def to_docx(resume: Resume, path: Path) -> Path:
    """A Word document with real heading and list styles (what ATS parsers look for)."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10.5)
    if resume.contact.name:
        doc.add_heading(resume.contact.name, level=0)
    if _contact_line(resume):
        doc.add_paragraph(_contact_line(resume))
    for section in _section_order(resume):
        rows = _section_body(resume, section)
        if not rows:
            continue
        doc.add_heading(section_heading(section.name), level=1)
        for kind, text in rows:
            if kind == "job":
                doc.add_paragraph().add_run(text).bold = True
            elif kind == "dates":
                doc.add_paragraph().add_run(text).italic = True
            elif kind == "bullet":
                doc.add_paragraph(text, style="List Bullet")
            else:
                doc.add_paragraph(text)
    doc.save(str(path))
    return path


def docx_text(path: Path) -> str:
    """The text of a DOCX, one paragraph a line (list paragraphs get a bullet mark, as a reader sees them)."""
    from docx import Document

    lines = []
    for para in Document(str(path)).paragraphs:
        if para.style is not None and para.style.name.startswith("List"):
            lines.append(f"{BULLET} {para.text}")
        else:
            lines.append(para.text)
    return "\n".join(lines)


# --- PDF --------------------------------------------------------------------------------------------------------


def to_pdf(resume: Resume, path: Path) -> Path:
    """A one-column A4 PDF; DejaVuSans when available so any name or accent prints, else core Helvetica."""
    doc = new_document(margins=(18, 16, 18), bottom=16)
    pdf, family, clean = doc.pdf, doc.family, doc.clean
    bullet = BULLET if doc.unicode else "-"
    width = pdf.epw

    def para(text: str, size: float = 10, style: str = "", gap: float = 0.6) -> None:
        pdf.set_font(family, style, size)
        pdf.multi_cell(width, size * 0.5, clean(text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    if resume.contact.name:
        para(resume.contact.name, size=18, style="B", gap=1)
    if _contact_line(resume):
        para(_contact_line(resume), size=9.5, gap=2)
    for section in _section_order(resume):
        rows = _section_body(resume, section)
        if not rows:
            continue
        pdf.ln(2)
        para(section_heading(section.name).upper(), size=12, style="B", gap=0)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + width, pdf.get_y())
        pdf.ln(1.5)
        for kind, text in rows:
            if kind == "job":
                pdf.ln(1)
                para(text, size=10.5, style="B", gap=0)
            elif kind == "dates":
                para(text, size=9.5)
            elif kind == "bullet":
                pdf.set_font(family, "", 10)
                pdf.cell(5, 5, bullet)
                pdf.multi_cell(width - 5, 5, clean(text), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(0.4)
            else:
                para(text)
    pdf.output(str(path))
    return path


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


# --- dispatch ---------------------------------------------------------------------------------------------------


def export(resume: Resume, out_path: Path) -> Path:
    """Write `resume` in the format named by the file suffix (.md, .docx or .pdf)."""
    out_path = Path(out_path)
    suffix = out_path.suffix.lower()
    if suffix not in (".md", ".markdown", ".docx", ".pdf"):
        raise InputError(f"Cannot export to '{out_path.name}': use a file ending in .md, .docx or .pdf.")
    if not out_path.parent.is_dir():
        raise InputError(f"The folder for '{out_path.name}' does not exist.")
    if suffix == ".docx":
        return to_docx(resume, out_path)
    if suffix == ".pdf":
        return to_pdf(resume, out_path)
    out_path.write_text(to_markdown(resume), encoding="utf-8")
    return out_path


def exported_text(path: Path) -> str:
    """The text of an exported file as the layout reader expects it: section headings in capitals (as the PDF
    prints them; DOCX and Markdown mark them by style), so a content line such as "Other" is not a heading."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from docx import Document

        rows = []
        for para in Document(str(path)).paragraphs:
            style = para.style.name if para.style is not None else ""
            rows.append(para.text.upper() if style == "Heading 1" else
                        f"{BULLET} {para.text}" if style.startswith("List") else para.text)
        return "\n".join(rows)
    if suffix == ".pdf":
        return pdf_text(path)
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^## (.*)$", lambda m: m[1].upper(), text, flags=re.MULTILINE)
    text = re.sub(r"^#+\s*|^\*(.*)\*$", r"\1", text, flags=re.MULTILINE)
    return text.replace("\n- ", f"\n{BULLET} ")


# --- reading the layout back ------------------------------------------------------------------------------------

_HEADINGS = {section_heading(n).lower(): n for n in (
    "summary", "experience", "education", "skills", "projects", "publications", "certifications", "awards",
    "leadership", "volunteering", "languages", "interests", "references", "other")}


def _heading_name(line: str) -> str | None:
    if not line.strip().isupper():
        return None
    key = line.strip().lower()
    if key in _HEADINGS:
        return _HEADINGS[key]
    name = normalise_section_name(key)
    return name if name in _HEADINGS.values() and key.replace(" ", "_") in (name, f"executive_{name}") else None


def read_layout(text: str) -> Resume:
    """Parse text in this module's own layout back into sections, jobs and bullets (for the round-trip check).

    Wrapped lines (a PDF breaks long bullets) are joined to the bullet they continue.
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    resume = Resume()
    section: Section | None = None
    job: Job | None = None
    for i, raw in enumerate(lines):
        name = _heading_name(raw)
        if name:
            section = Section(name=name, heading=raw)
            resume.sections.append(section)
            job = None
            continue
        if section is None:
            continue
        is_bullet = raw.startswith((BULLET, "- ", "-\t"))
        body = raw.lstrip(BULLET + "- \t")
        next_line = lines[i + 1] if i + 1 < len(lines) else ""
        if section.name == "experience" and not is_bullet and _DATE_LINE_RE.match(next_line):
            title, _, company = body.partition(" | ")
            job = Job(title=title or None, company=company or None, start=None, end=None)
            resume.experience.append(job)
        elif section.name == "experience" and job is not None and _DATE_LINE_RE.match(body) and not job.bullets:
            dates = body.split(" | ", 1)[0]
            parts = [d.strip() for d in re.split(r"\s+[–—-]\s+|[–—]", dates, maxsplit=1)]
            job.start, job.end = parts[0] or None, (parts[1] if len(parts) > 1 else "") or None
        elif is_bullet and job is not None:
            job.bullets.append(Line(number=len(job.bullets) + 1, text=body))
        elif job is not None and job.bullets and section.name == "experience":
            job.bullets[-1].text += " " + body  # a wrapped bullet
        else:
            section.lines.append(Line(number=len(section.lines) + 1, text=body))
    return resume


def structure(resume: Resume) -> dict[str, object]:
    """What a round trip must preserve: section names in order, each job's header fields (title, company) and
    bullets per job. A job with only one of the two is printed as that one name, which a reader cannot tell apart
    from the other field, so it is compared as the name alone."""
    return {
        "sections": [s.name for s in _section_order(resume) if _section_body(resume, s)],
        "jobs": [tuple(p.strip() for p in (j.title, j.company) if p and p.strip()) for j in resume.experience],
        "bullets": [len(j.bullets) for j in resume.experience],
    }


def round_trip_problems(resume: Resume, path: Path) -> list[str]:
    """Re-read an exported file and list every way its structure differs from `resume` (empty: it round-trips)."""
    expected = structure(resume)
    actual = structure(read_layout(exported_text(path)))
    return [f"{key}: wrote {expected[key]!r}, read back {actual[key]!r}" for key in expected
            if expected[key] != actual[key]]
