"""Render the invented people (people.py) in the layout of LinkedIn's "Save to PDF" profile export, and write
their truth in the labelled corpus's shape (truth.json beside the PDFs, in pdf/).

Regenerate (needs Chromium, Debian `chromium`, the Liberation fonts and pdftotext; not part of CI):
    python -m benchmarks.generated.linkedin.build

The export's geometry was measured on a real export (Apache FOP, US Letter): a dark sidebar 201.96 pt wide over
the full page height with its text at x = 21.6 pt (headings 13 pt, entries 10.5 pt, light on dark), the main
column at x = 223.56 pt (name 26 pt, headline and location 12 pt, section headings 15.75 pt, employer 12 pt, role
title 11.5 pt, range with its duration, location and description 10.5 pt, description leading 18 pt), no bold
anywhere (one Arial-like face), a 43.2 pt top margin and a "Page N of M" footer in 9 pt centred under the main
column. Each role prints its range followed by its length in brackets; several roles at one employer print
the employer once and the total tenure under it. Chromium prints the HTML below with that geometry; the text and
the people are invented.
"""

from __future__ import annotations

import argparse
import html
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from benchmarks.generated.linkedin.people import PEOPLE, Date, Employer, Person, Role, truth_for

HERE = Path(__file__).resolve().parent
OUT = HERE / "pdf"
# The export date the "Present" durations are computed against (the truth does not depend on it).
TODAY = (2026, 11)

# LinkedIn localises some labels of the export and leaves others in English (a real Spanish export prints
# "Contactar", "Aptitudes principales", "Extracto", "Experiencia", "Educación" beside "Languages",
# "Certifications" and "Page 1 of 5"); the months and durations follow the profile's language.
LOCALES: dict[str, dict[str, object]] = {
    "en": {
        "contact": "Contact", "skills": "Top Skills", "languages": "Languages", "certifications": "Certifications",
        "awards": "Honors-Awards", "publications": "Publications", "summary": "Summary", "experience": "Experience",
        "education": "Education",
        "months": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December"], "month_fmt": "{m} {y}",
        "units": ("year", "years", "month", "months"),
    },
    "es": {
        "contact": "Contactar", "skills": "Aptitudes principales", "languages": "Languages",
        "certifications": "Certifications", "awards": "Honors-Awards", "publications": "Publications",
        "summary": "Extracto", "experience": "Experiencia", "education": "Educación",
        "months": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                   "octubre", "noviembre", "diciembre"], "month_fmt": "{m} de {y}",
        "units": ("año", "años", "mes", "meses"),
    },
    "de": {
        "contact": "Kontakt", "skills": "Top-Kenntnisse", "languages": "Sprachen", "certifications": "Certifications",
        "awards": "Honors-Awards", "publications": "Publications", "summary": "Zusammenfassung",
        "experience": "Berufserfahrung", "education": "Ausbildung",
        "months": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                   "November", "Dezember"], "month_fmt": "{m} {y}",
        "units": ("Jahr", "Jahre", "Monat", "Monate"),
    },
    "fr": {
        "contact": "Coordonnées", "skills": "Principales compétences", "languages": "Languages",
        "certifications": "Certifications", "awards": "Honors-Awards", "publications": "Publications",
        "summary": "Résumé", "experience": "Expérience", "education": "Formation",
        "months": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                   "novembre", "décembre"], "month_fmt": "{m} {y}",
        "units": ("an", "ans", "mois", "mois"),
    },
    "pt": {
        "contact": "Contato", "skills": "Principais competências", "languages": "Idiomas",
        "certifications": "Certifications", "awards": "Honors-Awards", "publications": "Publications",
        "summary": "Resumo", "experience": "Experiência", "education": "Formação acadêmica",
        "months": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
                   "outubro", "novembro", "dezembro"], "month_fmt": "{m} de {y}",
        "units": ("ano", "anos", "mês", "meses"),
    },
}
# Each person is rendered three ways: the full English profile, a brief one (no summary, no descriptions: many
# profiles are filled in no further), and the full profile in a language of their country.
VARIANTS: dict[str, str] = {  # person key -> the third variant's locale
    "ml_director": "pt", "vp_ai": "fr", "principal_ic": "es", "head_ds": "es", "eng_director": "fr",
    "founder_cto": "de", "latam_ai_director": "es",
}

CSS = """
@page {
  size: 612pt 792pt;
  margin: 43.2pt 21.6pt 43.2pt 0;
  background: linear-gradient(to right, #293e49 0, #293e49 201.96pt, #ffffff 201.96pt);
  @bottom-center {
    content: "Page " counter(page) " of " counter(pages);
    font: 9pt "Liberation Sans", Arial, sans-serif; color: #b1b1b1; padding-left: 223.56pt;
  }
}
html, body { margin: 0; padding: 0; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.band { position: fixed; top: -43.2pt; bottom: -43.2pt; left: 0; width: 201.96pt; background: #293e49; }
body { font-family: "Liberation Sans", Arial, sans-serif; font-weight: normal; color: #191919; position: relative; }
.side { position: absolute; top: 0; left: 21.6pt; width: 158.76pt; color: #ffffff; overflow-wrap: anywhere; }
.side h3 { font-size: 13pt; font-weight: normal; color: #e1e9ee; margin: 22pt 0 6pt 0; line-height: 15pt; }
.side h3:first-child { margin-top: 0; }
.side p { font-size: 10.5pt; line-height: 12.6pt; margin: 0; }
.side p.item { line-height: 17.6pt; }
.side .label { color: #a9b1b6; }
.main { margin-left: 223.56pt; width: 366.84pt; }
.main h1 { font-size: 26pt; font-weight: normal; margin: 0; line-height: 30pt; }
.headline { font-size: 12pt; line-height: 15.4pt; margin: 4pt 0 0 0; }
.where { font-size: 12pt; line-height: 15.4pt; color: #b1b1b1; margin: 0; }
.main h2 { font-size: 15.75pt; font-weight: normal; margin: 20pt 0 6pt 0; line-height: 19pt; }
.summary p { font-size: 12pt; line-height: 18pt; margin: 0 0 18pt 0; }
.employer { font-size: 12pt; line-height: 16pt; margin: 20pt 0 0 0; }
.tenure { font-size: 10.5pt; line-height: 14pt; color: #b1b1b1; margin: 0; }
.title { font-size: 11.5pt; line-height: 16.1pt; margin: 0; }
.role + .role .title { margin-top: 12pt; }
.dates, .place { font-size: 10.5pt; line-height: 14.6pt; color: #b1b1b1; margin: 0; }
.desc { font-size: 10.5pt; line-height: 18pt; margin: 6pt 0 0 0; }
.desc p { margin: 0 0 18pt 0; }
.desc p.bullet { margin: 0; }
.school { font-size: 12pt; line-height: 16pt; margin: 18pt 0 0 0; }
.degree { font-size: 10.5pt; line-height: 18pt; margin: 0; }
"""


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def fmt_date(date: Date, loc: dict[str, object]) -> str:
    year, month = date
    if month is None:
        return str(year)
    months = loc["months"]
    assert isinstance(months, list)
    return str(loc["month_fmt"]).format(m=months[month - 1], y=year)


def months_between(start: Date, end: Date | None) -> int:
    """LinkedIn counts both the first and the last month: January to March is 3 months."""
    end_year, end_month = end if end is not None else TODAY
    if start[1] is None or end_month is None:
        return max(1, (end_year - start[0]) * 12)
    return max(1, (end_year - start[0]) * 12 + end_month - start[1] + 1)


def duration(months: int, loc: dict[str, object]) -> str:
    units = loc["units"]
    assert isinstance(units, tuple)
    year, years, month, months_unit = (str(unit) for unit in units)
    y, m = divmod(months, 12)
    parts = []
    if y:
        parts.append(f"{y} {year if y == 1 else years}")
    if m:
        parts.append(f"{m} {month if m == 1 else months_unit}")
    return " ".join(parts)


def role_html(role: Role, loc: dict[str, object], brief: bool) -> str:
    end = "Present" if role.end is None else fmt_date(role.end, loc)
    out = [f'<div class="role"><p class="title">{esc(role.title)}</p>',
           f'<p class="dates">{esc(fmt_date(role.start, loc))} - {esc(end)} '
           f'({esc(duration(months_between(role.start, role.end), loc))})</p>']
    if role.location:
        out.append(f'<p class="place">{esc(role.location)}</p>')
    if role.description and not brief:
        paragraphs = []
        for text in role.description:
            cls = ' class="bullet"' if text.startswith("• ") else ""
            paragraphs.append(f"<p{cls}>{esc(text)}</p>")
        out.append('<div class="desc">' + "".join(paragraphs) + "</div>")
    return "".join(out) + "</div>"


def employer_html(employer: Employer, loc: dict[str, object], brief: bool) -> str:
    out = [f'<p class="employer">{esc(employer.name)}</p>']
    if len(employer.roles) > 1:
        first = min(employer.roles, key=lambda r: (r.start[0], r.start[1] or 1)).start
        last = None if any(r.end is None for r in employer.roles) else max(
            (r.end for r in employer.roles if r.end), key=lambda d: (d[0], d[1] or 12))
        out.append(f'<p class="tenure">{esc(duration(months_between(first, last), loc))}</p>')
    out += [role_html(role, loc, brief) for role in employer.roles]
    return "".join(out)


def sidebar(person: Person, loc: dict[str, object], brief: bool) -> tuple[str, list[str]]:
    """The sidebar's HTML and the section kinds it prints, in order (Contact is no section)."""
    parts = [f'<h3>{esc(str(loc["contact"]))}</h3>']
    if person.phone:
        parts.append(f'<p>{esc(person.phone)} <span class="label">(Mobile)</span></p>')
    parts.append(f"<p>{esc(person.email)}</p>")
    parts.append(f'<p style="margin-top:10pt">www.linkedin.com/in/{esc(person.slug)} '
                 f'<span class="label">(LinkedIn)</span></p>')
    if person.website:
        parts.append(f'<p>{esc(person.website[0])} <span class="label">({esc(person.website[1])})</span></p>')
    kinds: list[str] = []
    blocks = [("skills", person.top_skills), ("languages", person.languages),
              ("certifications", person.certifications), ("awards", person.honors),
              ("publications", person.publications)]
    for kind, items in blocks:
        if not items or (brief and kind in ("awards", "publications")):
            continue
        kinds.append(kind)
        parts.append(f'<h3>{esc(str(loc[kind]))}</h3>')
        parts += [f'<p class="item">{esc(item)}</p>' for item in items]
    return '<div class="side">' + "".join(parts) + "</div>", kinds


def page(person: Person, locale: str, brief: bool) -> tuple[str, list[str]]:
    loc = LOCALES[locale]
    side, kinds = sidebar(person, loc, brief)
    main = [f"<h1>{esc(person.name)}</h1>", f'<p class="headline">{esc(person.headline)}</p>',
            f'<p class="where">{esc(person.location)}</p>']
    if person.summary and not brief:
        kinds.append("summary")
        main.append(f'<h2>{esc(str(loc["summary"]))}</h2><div class="summary">'
                    + "".join(f"<p>{esc(p)}</p>" for p in person.summary) + "</div>")
    kinds.append("experience")
    main.append(f'<h2>{esc(str(loc["experience"]))}</h2>')
    main += [employer_html(employer, loc, brief) for employer in person.experience]
    kinds.append("education")
    main.append(f'<h2>{esc(str(loc["education"]))}</h2>')
    for school in person.education:
        years = f" · ({school.start} - {school.end})" if school.start and school.end else ""
        main.append(f'<p class="school">{esc(school.name)}</p><p class="degree">{esc(school.degree)}{years}</p>')
    body = '<div class="band"></div>' + side + '<div class="main">' + "".join(main) + "</div>"
    doc = (f'<!doctype html><html lang="{locale}"><head><meta charset="utf-8"><title>{esc(person.name)}</title>'
           f"<style>{CSS}</style></head><body>{body}</body></html>")
    return doc, kinds


def print_pdf(chromium: str, source: Path, pdf: Path) -> None:
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", source.as_uri()], check=True, capture_output=True, timeout=120)


def printed(pdf: Path, person: Person) -> list[str]:
    """What the truth relies on and the PDF does not print (pdftotext, whitespace collapsed): the name, every
    employer and title, and the email (joined across the sidebar's wrap)."""
    text = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True,
                          text=True).stdout
    flat = " ".join(text.split())
    wanted = [person.name] + [e.name for e in person.experience] + [r.title for e in person.experience for r in e.roles]
    missing = [w for w in wanted if w not in flat]
    if person.email not in "".join(text.split()):
        missing.append("email")
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--html", type=Path, help="also keep the HTML sources in this folder")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    files: dict[str, object] = {}
    for person in PEOPLE:
        variants = [("en", False, "full"), ("en", True, "brief"), (VARIANTS[person.key], False, "full")]
        for locale, brief, kind in variants:
            stem = f"{person.key}--{locale}-{kind}"
            doc, sections = page(person, locale, brief)
            with tempfile.TemporaryDirectory() as tmp:
                source = (args.html or Path(tmp)) / f"{stem}.html"
                source.parent.mkdir(parents=True, exist_ok=True)
                source.write_text(doc, encoding="utf-8")
                print_pdf(args.chromium, source, OUT / f"{stem}.pdf")
            missing = printed(OUT / f"{stem}.pdf", person)
            if missing:
                print(f"{stem}: not printed as written: {missing}")
            truth = truth_for(person, sections)
            truth["source"] = f"generated: LinkedIn profile export layout, {locale}, {kind}, person {person.key}"
            truth["layout"] = "two-column"
            files[f"{stem}.pdf"] = truth
            print(stem)
    conventions = {"general": "Same conventions as ../shared/corpus/resumes-labelled/truth.json `_conventions`. "
                   "Generated by benchmarks/generated/linkedin/build.py from invented people (people.py); truth is "
                   "derived from the content data, not read from the PDFs. Sidebar sections come first (the left "
                   "column is read first); Contact is not a section."}
    (HERE / "truth.json").write_text(json.dumps({"_conventions": conventions, "files": files}, indent=1,
                                                ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
