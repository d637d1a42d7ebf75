"""Render the invented people (people.py) through every theme rendercv ships, with varied design options and
locales, into PDFs, and write their truth in the labelled corpus's shape (truth.json beside the PDFs).

rendercv (https://github.com/rendercv/rendercv) is a popular resume generator that typesets through Typst; many
engineers' resumes on GitHub are made with it. Regenerate in a venv of its own (not part of CI, the PDFs are
committed), from the repository root:
    python3 -m venv /tmp/rcv && /tmp/rcv/bin/pip install "rendercv[full]" click
    /tmp/rcv/bin/python -m benchmarks.generated.typst.build        # all; or pass part of a file name

Offline, Typst cannot download the `@preview/fontawesome` package every rendercv theme imports, so a stand-in with
the same `fa-icon` function is written to a temporary Typst package directory; it sets the same Font Awesome code
points in the Font Awesome fonts rendercv bundles, as the real package does.

A tuning source independent of the labelled corpus: the layouts are what rendercv ships (with options its users
set), the content is invented, and the truth comes from the content data, not from reading the PDFs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.generated.typst.people import PEOPLE, Entry, Person, truth_for

HERE = Path(__file__).resolve().parent
OUT = HERE / "pdf"

# Language of each person's resume (headings, month names, "present").
LANG = {"ml_director": "en", "staff_ml": "en", "head_ai_de": "de", "research_fr": "fr", "manager_es": "es",
        "principal_pt": "pt"}

KINDS = ("summary", "experience", "teaching", "education", "skills", "languages", "publications", "volunteering",
         "awards")
# Heading vocabularies per language, in KINDS order; each layout uses one, so many ways of naming a section occur.
HEADINGS: dict[str, list[tuple[str, ...]]] = {
    "en": [
        ("Summary", "Experience", "Teaching", "Education", "Skills", "Languages", "Publications", "Volunteering",
         "Awards"),
        ("Profile", "Relevant Professional Experience", "Teaching Experience", "Education", "Technical Skills",
         "Languages", "Selected Publications", "Volunteer Work", "Honors"),
        ("About Me", "Career History", "Teaching", "Academic Background", "Core Competencies", "Spoken Languages",
         "Papers", "Community Involvement", "Achievements"),
        ("Overview", "Roles & Positions", "Lecturing", "Degrees", "Expertise", "Languages", "Publications & Talks",
         "Volunteering", "Recognition"),
        ("Executive Summary", "Where I've Worked", "Teaching & Mentoring", "Studies", "Toolbox", "Languages",
         "Writing", "Giving Back", "Awards"),
        ("Professional Summary", "Work History", "Guest Lectures", "Education & Training", "Skills & Tools",
         "Languages", "Publications", "Volunteer Experience", "Honors & Awards"),
    ],
    "de": [
        ("Profil", "Berufserfahrung", "Lehre", "Ausbildung", "Kenntnisse", "Sprachen", "Publikationen", "Ehrenamt",
         "Auszeichnungen"),
        ("Kurzprofil", "Beruflicher Werdegang", "Lehrtätigkeit", "Studium", "Fachkenntnisse", "Sprachkenntnisse",
         "Veröffentlichungen", "Ehrenamtliches Engagement", "Preise"),
    ],
    "fr": [
        ("Profil", "Expérience professionnelle", "Enseignement", "Formation", "Compétences", "Langues",
         "Publications", "Bénévolat", "Distinctions"),
        ("À propos", "Parcours professionnel", "Enseignement", "Diplômes", "Compétences techniques", "Langues",
         "Publications scientifiques", "Engagement associatif", "Prix"),
    ],
    "es": [
        ("Perfil", "Experiencia profesional", "Docencia", "Formación", "Habilidades", "Idiomas", "Publicaciones",
         "Voluntariado", "Premios"),
        ("Resumen", "Trayectoria profesional", "Docencia", "Educación", "Competencias", "Idiomas", "Publicaciones",
         "Voluntariado", "Reconocimientos"),
    ],
    "pt": [
        ("Resumo", "Experiência profissional", "Docência", "Formação acadêmica", "Competências", "Idiomas",
         "Publicações", "Voluntariado", "Prêmios"),
        ("Perfil", "Histórico profissional", "Ensino", "Educação", "Habilidades", "Idiomas", "Publicações",
         "Trabalho voluntário", "Prêmios e reconhecimentos"),
    ],
}
TRUTH_KIND = {"teaching": "other"}  # the truth's section kind where it differs from the key

FULL = {
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
ABBR = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"],
    "de": ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
    "es": ["ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sep.", "oct.", "nov.", "dic."],
    "pt": ["jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."],
}
PRESENT = {"en": ["present", "Present", "now"], "de": ["heute", "aktuell"], "fr": ["aujourd'hui", "présent"],
           "es": ["actualidad", "presente"], "pt": ["atual", "presente"]}
TO = {"en": "–", "de": "–", "fr": "–", "es": "–", "pt": "–"}


@dataclass
class Layout:
    name: str
    theme: str
    headings: int  # index into the language's vocabularies (modulo their count)
    date: str = "MONTH_ABBREVIATION YEAR"  # rendercv locale.date_template
    present: int = 0
    to: str | None = None
    skills_first: bool = False
    design: dict[str, Any] = field(default_factory=dict)


LAYOUTS: list[Layout] = [
    Layout("classic", "classic", 0),
    Layout("classic-full-months-left-header", "classic", 1, "FULL_MONTH_NAME YEAR", present=1,
           design={"header": {"alignment": "left"}, "section_titles": {"type": "with-full-line"}}),
    Layout("classic-company-first-years", "classic", 2, "YEAR", to="-",
           design={"entry_types": {"experience_entry": {"main_column_first_row_template": "**COMPANY**, POSITION",
                                                        "date_and_location_column_template": "DATE"}},
                   "text": {"font_family": "Lato"}, "header": {"name_font_family": "Lato"}}),
    Layout("sb2nov", "sb2nov", 3),
    Layout("sb2nov-numeric-dates-smallcaps", "sb2nov", 4, "MONTH_IN_TWO_DIGITS/YEAR",
           design={"section_titles": {"small_caps": True, "type": "with-partial-line"},
                   "header": {"use_icons_for_connections": False, "separator_between_connections": "|"}}),
    Layout("sb2nov-dates-in-main-column", "sb2nov", 5, "MONTH_ABBREVIATION YEAR", present=1,
           design={"entry_types": {"experience_entry": {
               "main_column_first_row_template": "**POSITION** -- *COMPANY*",
               "main_column_second_row_template": "DATE, LOCATION\nSUMMARY\nHIGHLIGHTS",
               "date_and_location_column_template": ""}}}),
    Layout("moderncv", "moderncv", 0, "MONTH_ABBREVIATION YEAR"),
    Layout("moderncv-full-months-garamond", "moderncv", 2, "FULL_MONTH_NAME YEAR", present=1,
           design={"text": {"font_family": "EB Garamond"}, "header": {"name_font_family": "EB Garamond"},
                   "section_titles": {"font_family": "EB Garamond"}}),
    Layout("moderncv-iso-dates", "moderncv", 5, "YEAR-MONTH_IN_TWO_DIGITS", skills_first=True),
    Layout("engineeringresumes", "engineeringresumes", 1),
    Layout("engineeringresumes-roboto-short-row", "engineeringresumes", 3, "MONTH_IN_TWO_DIGITS.YEAR",
           design={"text": {"font_family": "Roboto"}, "header": {"name_font_family": "Roboto",
                                                                 "connections_font_family": "Roboto"},
                   "section_titles": {"font_family": "Roboto", "type": "without-line"},
                   "entries": {"short_second_row": True}}),
    Layout("engineeringresumes-skills-first", "engineeringresumes", 4, "FULL_MONTH_NAME YEAR", skills_first=True),
    Layout("engineeringclassic", "engineeringclassic", 2),
    Layout("engineeringclassic-right-header-moderncv-titles", "engineeringclassic", 0, "YEAR",
           design={"header": {"alignment": "right"}, "section_titles": {"type": "moderncv"}}),
    Layout("engineeringclassic-title-under-company", "engineeringclassic", 5, "MONTH_ABBREVIATION YEAR", present=2,
           design={"entry_types": {"experience_entry": {"main_column_first_row_template": "**COMPANY**\n*POSITION*",
                                                        "date_and_location_column_template": "LOCATION\nDATE"}},
                   "text": {"font_family": "Open Sans"}, "header": {"name_font_family": "Open Sans"},
                   "section_titles": {"font_family": "Open Sans", "small_caps": True}}),
    Layout("classic-raleway-footer", "classic", 3, "MONTH_ABBREVIATION YEAR",
           design={"text": {"font_family": "Raleway"}, "header": {"name_font_family": "Raleway"},
                   "page": {"show_page_numbering": True, "show_last_updated_date": True}}),
]


def _date(d: tuple[int, int], template: str) -> str | int:
    return d[0] if template == "YEAR" else f"{d[0]}-{d[1]:02d}"


def _entry(e: Entry, template: str) -> dict[str, Any]:
    out: dict[str, Any] = {"company": e.org, "position": e.title, "start_date": _date(e.start, template),
                           "end_date": "present" if e.end is None else _date(e.end, template)}
    if e.location:
        out["location"] = e.location
    if e.bullets:
        out["highlights"] = list(e.bullets)
    return out


def _education(e: Entry, template: str) -> dict[str, Any]:
    # "M.S. in Statistics", "Máster en IA", "Mestrado em Estatística", "Doctorat, Informatique", "Diplom Mathematik"
    parts = re.split(r" in | en | em |, ", e.title, maxsplit=1)
    degree, area = parts if len(parts) == 2 else e.title.split(" ", 1)
    return {"institution": e.org, "degree": degree, "area": area, "start_date": _date(e.start, template),
            "end_date": _date(e.end, template) if e.end else "present", "location": e.location}


def _merge(into: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def document(p: Person, layout: Layout, lang: str) -> tuple[dict[str, Any], list[str]]:
    vocab = HEADINGS[lang][layout.headings % len(HEADINGS[lang])]
    title = dict(zip(KINDS, vocab, strict=True))
    t = layout.date
    contents: dict[str, list[Any]] = {
        "summary": [p.summary],
        "experience": [_entry(e, t) for e in p.jobs],
        "teaching": [_entry(e, t) for e in p.teaching],
        "education": [_education(e, t) for e in p.education],
        "skills": [{"label": k, "details": v} for k, v in p.skills.items()],
        "languages": [{"label": a, "details": b} for a, b in p.languages],
        "publications": [{"bullet": x} for x in p.publications],
        "volunteering": [_entry(e, t) for e in p.volunteering],
        "awards": [{"bullet": x} for x in p.awards],
    }
    keys = [k for k in KINDS if contents[k]]
    if layout.skills_first:  # engineers often put skills right under the summary
        keys.remove("skills")
        keys.insert(1, "skills")
    sections = {title[k]: contents[k] for k in keys}
    cv: dict[str, Any] = {"name": p.name, "location": p.city, "email": p.email, "phone": p.phone,
                          "sections": sections}
    social = [("GitHub", p.github), ("LinkedIn", p.linkedin)]
    if any(u for _, u in social):
        cv["social_networks"] = [{"network": n, "username": u} for n, u in social if u]
    # The degree column (classic) is 1 cm by default, which hyphenates "Mas-ter"; users with long degree names
    # widen it.
    design: dict[str, Any] = {"theme": layout.theme, "page": {"show_page_numbering": False,
                                                             "show_last_updated_date": False},
                              "entry_types": {"education_entry": {"degree_column_width": "2.6cm"}}}
    _merge(design, layout.design)
    locale: dict[str, Any] = {"language": lang, "date_template": t,
                              "present": PRESENT[lang][layout.present % len(PRESENT[lang])],
                              "to": layout.to or TO[lang], "full_names_of_months": FULL[lang],
                              "abbreviations_for_months": ABBR[lang]}
    if lang == "de":
        locale["last_updated_date_template"] = "Stand: TODAY"
        locale["page_numbering_template"] = "NAME – Seite PAGE_NUMBER von TOTAL_PAGES"
    return {"cv": cv, "design": design, "locale": locale}, [TRUTH_KIND.get(k, k) for k in keys]


FA_CODES = {  # Font Awesome code points of the icons rendercv's headers use (solid unless brand)
    "location-dot": ("f3c5", False), "envelope": ("f0e0", False), "phone": ("f095", False), "link": ("f0c1", False),
    "external-link": ("f08e", False), "graduation-cap": ("f19d", False), "code": ("f121", False),
    "linkedin": ("f08c", True), "github": ("f09b", True), "gitlab": ("f296", True), "orcid": ("f8d2", True),
}


def _fontawesome_stub(root: Path) -> None:
    package = root / "typst" / "packages" / "preview" / "fontawesome" / "0.5.0"
    package.mkdir(parents=True, exist_ok=True)
    (package / "typst.toml").write_text('[package]\nname = "fontawesome"\nversion = "0.5.0"\n'
                                        'entrypoint = "lib.typ"\n', encoding="utf-8")
    table = ", ".join(f'"{k}": ("\\u{{{c}}}", {"true" if brand else "false"})'
                      for k, (c, brand) in FA_CODES.items())
    (package / "lib.typ").write_text(
        f"#let _codes = ({table})\n"
        "#let fa-icon(name, size: 1em, ..args) = {\n"
        "  let (code, brand) = _codes.at(name, default: (\"\\u{f111}\", false))\n"
        "  if brand { text(font: \"Font Awesome 7 Brands\", size: size, code) }\n"
        "  else { text(font: \"Font Awesome 7 Free\", weight: 900, size: size, code) }\n"
        "}\n", encoding="utf-8")


def _when(d: tuple[int, int] | None, style: str, lang: str) -> str:
    if d is None:
        return PRESENT[lang][0]
    y, m = d
    return {"numeric": f"{m:02d}/{y}", "abbr": f"{ABBR[lang][m - 1]} {y}", "full": f"{FULL[lang][m - 1]} {y}"}[style]


HAND_DATES = {"sidebar": "numeric", "left-dates": "abbr", "one-column": "full"}


def hand_contents(p: Person, style: str, lang: str) -> dict[str, Any]:
    def entries(items: list[Entry]) -> list[dict[str, Any]]:
        return [{"title": e.title, "org": e.org, "place": e.location, "bullets": list(e.bullets),
                 "dates": f"{_when(e.start, style, lang)} – {_when(e.end, style, lang)}"} for e in items]

    return {
        "summary": p.summary, "experience": entries(p.jobs), "teaching": entries(p.teaching),
        "education": entries(p.education),
        "skills": [{"text": f"{k}: {v}"} for k, v in p.skills.items()],
        "languages": [{"text": f"{a} ({b})"} for a, b in p.languages],
        "publications": [{"text": x} for x in p.publications], "volunteering": entries(p.volunteering),
        "awards": [{"text": x} for x in p.awards],
    }


def build_handwritten(only: str | None, truth: dict[str, object]) -> None:
    """The hand-written Typst templates (handwritten.py), compiled with the `typst` wheel rendercv brings."""
    import rendercv_fonts  # rendercv's venv only
    import typst

    from benchmarks.generated.typst.handwritten import HAND_LAYOUTS, TEMPLATES, data_for

    by_key = {p.key: p for p in PEOPLE}
    for stem, template, keys in HAND_LAYOUTS:
        for key in keys:
            person, lang = by_key[key], LANG[key]
            file_name = f"{stem}--{key}.pdf"
            if only and only not in file_name:
                continue
            data, kinds = data_for(template, lang, person, hand_contents(person, HAND_DATES[template], lang), KINDS)
            with tempfile.TemporaryDirectory() as tmp:
                (Path(tmp) / "data.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
                (Path(tmp) / "cv.typ").write_text(TEMPLATES[template], encoding="utf-8")
                typst.compile(str(Path(tmp) / "cv.typ"), output=str(OUT / file_name),
                              font_paths=[str(f) for f in rendercv_fonts.paths_to_font_folders])
            record = truth_for(person, [TRUTH_KIND.get(k, k) for k in kinds])
            record.update({"source": f"generated: hand-written Typst {template} template, person {key}",
                           "layout": stem})
            truth[file_name] = record
            print("built", file_name)


def build(only: str | None = None) -> None:
    data_home = Path(tempfile.mkdtemp(prefix="rcv-typst-data-"))
    _fontawesome_stub(data_home)
    os.environ["XDG_DATA_HOME"] = str(data_home)
    from rendercv.api import create_a_pdf_from_a_python_dictionary  # rendercv's venv only

    if OUT.exists() and not only:
        shutil.rmtree(OUT)  # a full build leaves no PDF of an earlier layout list behind
    OUT.mkdir(exist_ok=True)
    truth: dict[str, object] = {}
    for index, layout in enumerate(LAYOUTS):
        for person in [PEOPLE[(index + k * 2) % len(PEOPLE)] for k in range(3)]:
            file_name = f"{layout.name}--{person.key}.pdf"
            if only and only not in file_name:
                continue
            doc, kinds = document(person, layout, LANG[person.key])
            errors = create_a_pdf_from_a_python_dictionary(doc, OUT / file_name)
            if errors:
                print(f"FAILED {file_name}: {errors}", file=sys.stderr)
                continue
            record = truth_for(person, kinds)
            record.update({"source": f"generated: rendercv {layout.name} layout, person {person.key}",
                           "layout": layout.name})
            truth[file_name] = record
            print("built", file_name)
    shutil.rmtree(data_home, ignore_errors=True)
    build_handwritten(only, truth)
    if only:
        return
    conventions = {"general": "Same conventions as ../shared/corpus/resumes-labelled/truth.json `_conventions`. "
                              "Generated by benchmarks/generated/typst/build.py (rendercv themes, Typst) from "
                              "invented people (people.py); truth is derived from the content data, not read from "
                              "the PDFs."}
    (HERE / "truth.json").write_text(json.dumps({"_conventions": conventions, "files": truth}, indent=1,
                                                ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else None)
