"""Render the invented people (people.py) through real LaTeX CV classes and plain-article layouts into PDFs, and
write their truth in the labelled corpus's shape (truth.json beside the PDFs).

Regenerate (needs TeX from Debian: texlive-latex-extra, texlive-fonts-extra for moderncv's icons; not part of CI):
    python -m benchmarks.generated.latex.build

A tuning source that is independent of the labelled corpus: the layouts are what the classes ship, the content is
invented, and the truth comes from the content data, not from reading the PDFs. Each layout renders several
people, each in the date style its class's own examples use.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.generated.latex.people import PEOPLE, Entry, Person, truth_for

HERE = Path(__file__).resolve().parent
OUT = HERE / "pdf"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def esc(text: str) -> str:
    for a, b in (("\\", r"\textbackslash{}"), ("&", r"\&"), ("%", r"\%"), ("$", r"\$"), ("#", r"\#"),
                 ("_", r"\_"), ("{", r"\{"), ("}", r"\}")):
        text = text.replace(a, b)
    return text


def fmt(date: tuple[int, int] | None, style: str, now: str = "Present") -> str:
    if date is None:
        return now
    y, m = date
    return {
        "mon": f"{MONTHS[m - 1][:3]} {y}", "month": f"{MONTHS[m - 1]} {y}", "mm": f"{m:02d}/{y}",
        "year": f"{y}", "iso": f"{y}-{m:02d}", "dot": f"{m:02d}.{y}", "monp": f"{MONTHS[m - 1][:3]}. {y}",
    }[style]


def rng(e: Entry, style: str, sep: str = "--", now: str = "Present") -> str:
    start, end = fmt(e.start, style, now), fmt(e.end, style, now)
    if style == "year" and e.end is not None and e.start[0] == e.end[0]:
        return start
    return f"{start}{sep}{end}"


# Heading words per kind; each layout uses one set, so the corpus covers many ways of naming a section.
HEADINGS: list[dict[str, str]] = [
    {"summary": "Profile", "experience": "Experience", "education": "Education", "skills": "Skills",
     "languages": "Languages", "publications": "Publications", "awards": "Awards", "certifications":
     "Certifications", "projects": "Projects", "interests": "Interests", "teaching": "Teaching"},
    {"summary": "Summary", "experience": "Professional Experience", "education": "Education", "skills":
     "Technical Skills", "languages": "Languages", "publications": "Selected Publications", "awards": "Honors",
     "certifications": "Certifications", "projects": "Side Projects", "interests": "Hobbies",
     "teaching": "Teaching Experience"},
    {"summary": "About Me", "experience": "Employment History", "education": "Education and Training",
     "skills": "Competences", "languages": "Language Skills", "publications": "Papers", "awards":
     "Awards and Grants", "certifications": "Licenses", "projects": "Open Source", "interests":
     "Personal Interests", "teaching": "Teaching"},
    {"summary": "Objective", "experience": "Career History", "education": "Academic Background", "skills":
     "Expertise", "languages": "Spoken Languages", "publications": "Publications", "awards": "Achievements",
     "certifications": "Credentials", "projects": "Selected Projects", "interests": "Interests",
     "teaching": "Teaching and Supervision"},
    {"summary": "Research Interests", "experience": "Appointments", "education": "Education", "skills":
     "Skills", "languages": "Languages", "publications": "Publications", "awards": "Honours",
     "certifications": "Certificates", "projects": "Software", "interests": "Interests", "teaching": "Teaching"},
    {"summary": "Professional Profile", "experience": "Work Experience", "education": "Education", "skills":
     "Core Competencies", "languages": "Languages", "publications": "Publications", "awards": "Honors & Awards",
     "certifications": "Certifications", "projects": "Projects", "interests": "Hobbies & Interests",
     "teaching": "Teaching"},
]
KIND = {"teaching": "other"}  # truth's section kind where it differs from the key


def order(p: Person, with_summary: bool = True) -> list[str]:
    """Section keys in the order a layout's main flow prints them (only those the person has content for)."""
    keys = (["summary"] if with_summary else []) + ["experience"]
    keys += ["teaching"] if p.teaching else []
    keys += ["education", "skills", "languages"]
    keys += [k for k in ("publications", "projects", "certifications", "awards", "interests") if k in p.extra]
    return keys


def items(p: Person, key: str) -> list[str]:
    if key == "skills":
        return [f"{esc(k)}: {esc(v)}" for k, v in p.skills.items()]
    if key == "languages":
        return [f"{esc(a)} ({esc(b)})" for a, b in p.languages]
    return [esc(x) for x in p.extra.get(key, [])]


Layout = Callable[[Person, dict[str, str]], tuple[str, list[str]]]

# --- moderncv ------------------------------------------------------------------------------------------------


def moderncv(style: str, color: str, datefmt: str, sep: str = "--", timeline: bool = False) -> Layout:
    def render(p: Person, h: dict[str, str]) -> tuple[str, list[str]]:
        out = [r"\documentclass[11pt,a4paper,sans]{moderncv}", rf"\moderncvstyle{{{style}}}",
               rf"\moderncvcolor{{{color}}}", r"\usepackage[utf8]{inputenc}", r"\usepackage[T1]{fontenc}", r"\usepackage{lmodern}",
               r"\usepackage[scale=0.8]{geometry}"]
        if timeline:
            first = min(e.start[0] for e in p.jobs + p.teaching + p.education)
            out += [r"\usepackage{moderntimeline}", rf"\tlmaxdates{{{first}}}{{2026}}"]
        out += [rf"\name{{{esc(p.given)}}}{{{esc(p.family)}}}", rf"\title{{{esc(p.headline)}}}",
                rf"\address{{{esc(p.street)}}}{{{esc(p.city)}}}{{}}", rf"\phone[mobile]{{{esc(p.phone)}}}",
                rf"\email{{{esc(p.email)}}}", r"\begin{document}", r"\makecvtitle"]
        keys = order(p)
        for key in keys:
            out.append(rf"\section{{{h[key]}}}")
            if key == "summary":
                out.append(rf"\cvitem{{}}{{{esc(p.summary)}}}")
            elif key in ("experience", "teaching", "education"):
                entries = p.jobs if key == "experience" else p.teaching if key == "teaching" else p.education
                for e in entries:
                    desc = ""
                    if e.bullets:
                        desc = r"\begin{itemize}" + "".join(rf"\item {esc(b)}" for b in e.bullets) + r"\end{itemize}"
                    if timeline:
                        end = "0" if e.end is None else str(e.end[0])
                        out.append(rf"\tlcventry{{{e.start[0]}}}{{{end}}}{{{esc(e.title)}}}{{{esc(e.org)}}}"
                                   rf"{{{esc(e.location)}}}{{}}{{{desc}}}")
                    else:
                        out.append(rf"\cventry{{{rng(e, datefmt, sep)}}}{{{esc(e.title)}}}{{{esc(e.org)}}}"
                                   rf"{{{esc(e.location)}}}{{}}{{{desc}}}")
            elif key == "skills":
                out += [rf"\cvitem{{{esc(k)}}}{{{esc(v)}}}" for k, v in p.skills.items()]
            elif key == "languages":
                out += [rf"\cvitemwithcomment{{{esc(a)}}}{{{esc(b)}}}{{}}" for a, b in p.languages]
            else:
                out += [rf"\cvlistitem{{{x}}}" for x in items(p, key)]
        out.append(r"\end{document}")
        return "\n".join(out), keys
    return render


# --- europecv (old Europass) -----------------------------------------------------------------------------------


def europecv(p: Person, h: dict[str, str]) -> tuple[str, list[str]]:
    out = [r"\documentclass[english,a4paper,nologo]{europecv}", r"\usepackage[utf8]{inputenc}",
           r"\usepackage[T1]{fontenc}", r"\usepackage{lmodern}", r"\usepackage{hyperref}",
           r"\usepackage[margin=1.8cm]{geometry}",
           rf"\ecvname{{{esc(p.family)}, {esc(p.given)}}}", rf"\ecvaddress{{{esc(p.street)}, {esc(p.city)}}}",
           rf"\ecvtelephone[{esc(p.phone)}]{{}}", rf"\ecvemail{{{esc(p.email)}}}",
           r"\begin{document}", r"\begin{europecv}", r"\ecvpersonalinfo"]
    keys = ["experience"] + (["teaching"] if p.teaching else []) + ["education", "skills", "languages"]
    keys += [k for k in ("publications", "awards", "interests") if k in p.extra]
    for key in keys:
        out.append(rf"\ecvsection{{{h[key]}}}")
        if key in ("experience", "teaching"):
            for e in (p.jobs if key == "experience" else p.teaching):
                out += [rf"\ecvitem{{\large\textbf{{Dates}}}}{{\large\textbf{{{rng(e, 'month', ' -- ', 'present')}}}}}",
                        rf"\ecvitem{{Occupation or position held}}{{{esc(e.title)}}}"]
                if e.bullets:
                    out.append(rf"\ecvitem{{Main activities and responsibilities}}{{{esc(' '.join(e.bullets))}}}")
                org = esc(e.org) + (f", {esc(e.location)}" if e.location else "")
                out += [rf"\ecvitem{{Name and address of employer}}{{{org}}}", r"\ecvitem{}{}"]
        elif key == "education":
            for e in p.education:
                out += [rf"\ecvitem{{\large\textbf{{Dates}}}}{{\large\textbf{{{rng(e, 'month', ' -- ')}}}}}",
                        rf"\ecvitem{{Title of qualification awarded}}{{{esc(e.title)}}}",
                        rf"\ecvitem{{Name of organisation providing education}}{{{esc(e.org)}}}", r"\ecvitem{}{}"]
        elif key == "skills":
            out += [rf"\ecvitem{{{esc(k)}}}{{{esc(v)}}}" for k, v in p.skills.items()]
        elif key == "languages":
            out += [rf"\ecvitem{{{esc(a)}}}{{{esc(b)}}}" for a, b in p.languages]
        else:
            out += [rf"\ecvitem{{}}{{{x}}}" for x in items(p, key)]
    out += [r"\end{europecv}", r"\end{document}"]
    return "\n".join(out), keys


# --- europasscv (new Europass) ---------------------------------------------------------------------------------


def europasscv(p: Person, h: dict[str, str]) -> tuple[str, list[str]]:
    out = [r"\documentclass[english]{europasscv}", r"\usepackage[utf8]{inputenc}", r"\usepackage[T1]{fontenc}", r"\usepackage{lmodern}",
           rf"\ecvname{{{esc(p.given)} {esc(p.family)}}}", rf"\ecvaddress{{{esc(p.street)}, {esc(p.city)}}}",
           rf"\ecvmobile{{{esc(p.phone)}}}", rf"\ecvemail{{{esc(p.email)}}}", r"\begin{document}",
           r"\begin{europasscv}", r"\ecvpersonalinfo"]
    keys = ["experience"] + (["teaching"] if p.teaching else []) + ["education", "skills"]
    keys += [k for k in ("publications", "awards", "interests") if k in p.extra]
    for key in keys:
        out.append(rf"\ecvsection{{{h[key]}}}")
        if key in ("experience", "teaching", "education"):
            entries = p.jobs if key == "experience" else p.teaching if key == "teaching" else p.education
            for e in entries:
                out.append(rf"\ecvtitle{{{rng(e, 'mm', '--', 'Present')}}}{{{esc(e.title)}}}")
                org = esc(e.org) + (f", {esc(e.location)}" if e.location else "")
                out.append(rf"\ecvitem{{}}{{{org}}}")
                if e.bullets:
                    out.append(r"\ecvitem{}{\begin{ecvitemize}" + "".join(rf"\item {esc(b)}" for b in e.bullets)
                               + r"\end{ecvitemize}}")
        elif key == "skills":
            out += [rf"\ecvblueitem{{{esc(k)}}}{{{esc(v)}}}" for k, v in p.skills.items()]
        else:
            out += [rf"\ecvitem{{}}{{{x}}}" for x in items(p, key)]
    out += [r"\end{europasscv}", r"\end{document}"]
    return "\n".join(out), keys


# --- simplecv --------------------------------------------------------------------------------------------------


def simplecv(p: Person, h: dict[str, str]) -> tuple[str, list[str]]:
    out = [r"\documentclass[11pt]{simplecv}", r"\usepackage[utf8]{inputenc}", r"\usepackage[T1]{fontenc}", r"\usepackage{lmodern}",
           r"\usepackage[margin=2.2cm]{geometry}",
           rf"\title{{{esc(p.given)} {esc(p.family)}}}",
           rf"\leftheader{{{esc(p.street)}\\{esc(p.city)}}}",
           rf"\rightheader{{{esc(p.phone)}\\{esc(p.email)}}}", r"\begin{document}", r"\maketitle"]
    keys = order(p)
    for key in keys:
        out.append(rf"\section{{{h[key]}}}")
        if key == "summary":
            out.append(esc(p.summary))
        elif key in ("experience", "teaching", "education"):
            entries = p.jobs if key == "experience" else p.teaching if key == "teaching" else p.education
            for e in entries:
                out.append(rf"\begin{{topic}}\item[{rng(e, 'monp', ' -- ')}] \textbf{{{esc(e.title)}}}\\ "
                           rf"\emph{{{esc(e.org)}}}" + (f", {esc(e.location)}" if e.location else "")
                           + (r"\\ " + esc(" ".join(e.bullets)) if e.bullets else "") + r"\end{topic}")
        else:
            out.append(r"\begin{topic}" + "".join(rf"\item[] {x}" for x in items(p, key)) + r"\end{topic}")
    out.append(r"\end{document}")
    return "\n".join(out), keys


# --- currvita --------------------------------------------------------------------------------------------------


def currvita(p: Person, h: dict[str, str]) -> tuple[str, list[str]]:
    out = [r"\documentclass[11pt,a4paper]{article}", r"\usepackage[utf8]{inputenc}", r"\usepackage[T1]{fontenc}", r"\usepackage{lmodern}",
           r"\usepackage[margin=2.2cm]{geometry}", r"\usepackage[NoDate]{currvita}", r"\begin{document}",
           rf"\begin{{cv}}{{{esc(p.given)} {esc(p.family)}}}",
           rf"\begin{{center}}{esc(p.street)}, {esc(p.city)}\\ {esc(p.phone)} \quad {esc(p.email)}\end{{center}}"]
    keys = order(p)
    for key in keys:
        out.append(rf"\begin{{cvlist}}{{{h[key]}}}")
        if key == "summary":
            out.append(rf"\item {esc(p.summary)}")
        elif key in ("experience", "teaching", "education"):
            entries = p.jobs if key == "experience" else p.teaching if key == "teaching" else p.education
            for e in entries:
                out.append(rf"\item[{rng(e, 'dot', '--', 'heute' if p.key == 'euro_engineer' else 'today')}] "
                           rf"{esc(e.title)}, \textit{{{esc(e.org)}}}" + (f", {esc(e.location)}" if e.location else "")
                           + (r"\newline " + esc(" ".join(e.bullets)) if e.bullets else ""))
        else:
            out += [rf"\item {x}" for x in items(p, key)]
        out.append(r"\end{cvlist}")
    out += [r"\end{cv}", r"\end{document}"]
    return "\n".join(out), keys


# --- plain article layouts -------------------------------------------------------------------------------------

PREAMBLE = [r"\documentclass[11pt,letterpaper]{article}", r"\usepackage[utf8]{inputenc}", r"\usepackage[T1]{fontenc}", r"\usepackage{lmodern}",
            r"\usepackage{lmodern}", r"\usepackage[margin=0.8in]{geometry}", r"\usepackage{enumitem}",
            r"\usepackage{titlesec}", r"\usepackage[hidelinks]{hyperref}", r"\pagestyle{empty}",
            r"\setlength{\parindent}{0pt}"]


def _bullets(e: Entry) -> str:
    if not e.bullets:
        return ""
    return r"\begin{itemize}[noitemsep,topsep=1pt,leftmargin=1.5em]" + "".join(
        rf"\item {esc(b)}" for b in e.bullets) + r"\end{itemize}"


def jake(title_first: bool) -> Layout:
    """The "Jake's resume" pattern common on GitHub: ruled small-caps headings, a two-row tabular* per entry
    (bold first field and dates right, italic second field and location right)."""
    def render(p: Person, h: dict[str, str]) -> tuple[str, list[str]]:
        out = PREAMBLE + [
            r"\titleformat{\section}{\vspace{-4pt}\scshape\raggedright\large}{}{0em}{}[\titlerule\vspace{-5pt}]",
            r"\newcommand{\sub}[4]{\item\begin{tabular*}{0.97\textwidth}[t]{l@{\extracolsep{\fill}}r}"
            r"\textbf{#1} & #2 \\ \textit{\small#3} & \textit{\small #4} \\ \end{tabular*}\vspace{-5pt}}",
            r"\begin{document}", r"\begin{center}",
            rf"{{\Huge \scshape {esc(p.given)} {esc(p.family)}}} \\ \vspace{{1pt}}",
            rf"\small {esc(p.phone)} $|$ \href{{mailto:{p.email}}}{{{esc(p.email)}}} $|$ {esc(p.city)}",
            r"\end{center}"]
        keys = [k for k in order(p, with_summary=False) if k != "languages"]
        for key in keys:
            out.append(rf"\section{{{h[key]}}}")
            if key in ("experience", "teaching", "education"):
                entries = p.jobs if key == "experience" else p.teaching if key == "teaching" else p.education
                out.append(r"\begin{itemize}[leftmargin=0.15in, label={}]")
                for e in entries:
                    a, b = (e.title, e.org) if title_first or key == "education" else (e.org, e.title)
                    if key == "education":
                        a, b = e.org, e.title
                    out.append(rf"\sub{{{esc(a)}}}{{{rng(e, 'monp', ' -- ')}}}{{{esc(b)}}}{{{esc(e.location)}}}"
                               + _bullets(e))
                out.append(r"\end{itemize}")
            elif key == "skills":
                out.append(r"\begin{itemize}[leftmargin=0.15in, label={}]\small{\item{" + r" \\ ".join(
                    rf"\textbf{{{esc(k)}}}{{: {esc(v)}}}" for k, v in p.skills.items()) + r"}}\end{itemize}")
            else:
                out.append(r"\begin{itemize}[leftmargin=0.15in]" + "".join(rf"\item {x}" for x in items(p, key))
                           + r"\end{itemize}")
        out.append(r"\end{document}")
        return "\n".join(out), keys
    return render


def tabular_left(p: Person, h: dict[str, str]) -> tuple[str, list[str]]:
    """Dates in a left tabular column, entry text on the right, \\section* headings."""
    out = PREAMBLE + [r"\usepackage{array}", r"\titleformat*{\section}{\large\bfseries}",
                      r"\begin{document}", rf"{{\LARGE\bfseries {esc(p.given)} {esc(p.family)}}}\\[4pt]",
                      rf"{esc(p.street)}, {esc(p.city)} \\ {esc(p.phone)} \textbullet\ {esc(p.email)}"]
    keys = order(p)
    for key in keys:
        out.append(rf"\section*{{{h[key]}}}")
        if key == "summary":
            out.append(esc(p.summary))
        elif key in ("experience", "teaching", "education"):
            entries = p.jobs if key == "experience" else p.teaching if key == "teaching" else p.education
            out.append(r"\begin{tabular}{@{}p{0.2\textwidth}p{0.76\textwidth}@{}}")
            for e in entries:
                body = rf"\textbf{{{esc(e.title)}}}, {esc(e.org)}" + (f", {esc(e.location)}" if e.location else "")
                if e.bullets:
                    body += r"\newline " + esc(" ".join(e.bullets))
                out.append(rf"{rng(e, 'mm', ' -- ', 'present')} & {body} \\[4pt]")
            out.append(r"\end{tabular}")
        else:
            out.append(r"\begin{tabular}{@{}p{0.2\textwidth}p{0.76\textwidth}@{}}")
            if key == "skills":
                out += [rf"{esc(k)} & {esc(v)} \\" for k, v in p.skills.items()]
            else:
                out += [rf" & {x} \\" for x in items(p, key)]
            out.append(r"\end{tabular}")
    out.append(r"\end{document}")
    return "\n".join(out), keys


def hfill(p: Person, h: dict[str, str]) -> tuple[str, list[str]]:
    """\\section* headings in capitals with a rule, the employer once in bold with its location at the right, each
    role under it in italics with its dates at the right (promotions grouped under one employer)."""
    out = PREAMBLE + [r"\titleformat{\section}{\bfseries\uppercase}{}{0em}{}[\titlerule]",
                      r"\begin{document}", r"\begin{center}",
                      rf"{{\huge {esc(p.given)} {esc(p.family)}}}\\[3pt]",
                      rf"{esc(p.email)} \quad {esc(p.phone)} \quad {esc(p.city)}", r"\end{center}"]
    keys = order(p)
    for key in keys:
        out.append(rf"\section*{{{h[key]}}}")
        if key == "summary":
            out.append(esc(p.summary))
        elif key in ("experience", "teaching", "education"):
            entries = p.jobs if key == "experience" else p.teaching if key == "teaching" else p.education
            previous = None
            for e in entries:
                if key == "education":
                    out.append(rf"\textbf{{{esc(e.org)}}} \hfill {rng(e, 'year', ' -- ')}\\ {esc(e.title)}\par\medskip")
                    continue
                if e.org != previous:
                    out.append(rf"\textbf{{{esc(e.org)}}} \hfill {esc(e.location)}\\")
                previous = e.org
                out.append(rf"\textit{{{esc(e.title)}}} \hfill {rng(e, 'month', ' -- ')}" + _bullets(e)
                           + r"\par\smallskip")
        else:
            out.append(r"\begin{itemize}[noitemsep,leftmargin=1.5em]" + "".join(
                rf"\item {x}" for x in items(p, key)) + r"\end{itemize}")
    out.append(r"\end{document}")
    return "\n".join(out), keys


def sidebar(left: bool) -> Layout:
    """Two minipages: a narrow sidebar (contact, skills, languages, interests) and the main column."""
    def render(p: Person, h: dict[str, str]) -> tuple[str, list[str]]:
        side = ["skills", "languages"] + (["interests"] if "interests" in p.extra else [])
        main = [k for k in order(p) if k not in side]
        out = PREAMBLE + [r"\usepackage{xcolor}", r"\begin{document}",
                          rf"{{\Huge\bfseries {esc(p.given)} {esc(p.family)}}}\\[2pt]",
                          rf"{{\large {esc(p.headline)}}}\par\vspace{{10pt}}"]

        def side_block() -> list[str]:
            s = [r"\begin{minipage}[t]{0.3\textwidth}\raggedright\small",
                 rf"\textbf{{Contact}}\\ {esc(p.email)}\\ {esc(p.phone)}\\ {esc(p.city)}\par\bigskip"]
            for key in side:
                s.append(rf"{{\large\bfseries {h[key]}}}\par\smallskip")
                s += [rf"{x}\par" for x in items(p, key)]
                s.append(r"\bigskip")
            return s + [r"\end{minipage}"]

        def main_block() -> list[str]:
            m = [r"\begin{minipage}[t]{0.64\textwidth}"]
            for key in main:
                m.append(rf"{{\large\bfseries {h[key]}}}\par\smallskip")
                if key == "summary":
                    m.append(esc(p.summary) + r"\par\bigskip")
                    continue
                if key in ("experience", "teaching", "education"):
                    entries = p.jobs if key == "experience" else p.teaching if key == "teaching" else p.education
                    for e in entries:
                        m.append(rf"\textbf{{{esc(e.title)}}}\\ {esc(e.org)} \hfill {{\small {rng(e, 'mon', ' - ')}}}"
                                 + _bullets(e) + r"\par\medskip")
                else:
                    m += [rf"{x}\par" for x in items(p, key)]
                m.append(r"\bigskip")
            return m + [r"\end{minipage}"]

        blocks = side_block() + [r"\hfill"] + main_block() if left else main_block() + [r"\hfill"] + side_block()
        out += blocks + [r"\end{document}"]
        # The contact block is not a section; the sidebar's sections are read with its column.
        keys = side + main if left else main + side
        return "\n".join(out), keys
    return render


def academic(p: Person, h: dict[str, str]) -> tuple[str, list[str]]:
    """An academic CV on article: description lists with the dates as labels, publications numbered in reverse
    with etaremune."""
    out = PREAMBLE + [r"\usepackage{etaremune}", r"\titleformat{\section}{\Large\scshape}{}{0em}{}",
                      r"\begin{document}", rf"\begin{{center}}{{\LARGE {esc(p.given)} {esc(p.family)}}}\\",
                      rf"{esc(p.headline)}\\ {esc(p.street)} $\cdot$ {esc(p.city)}\\",
                      rf"\texttt{{{esc(p.email)}}} $\cdot$ {esc(p.phone)}\end{{center}}"]
    keys = order(p)
    for key in keys:
        out.append(rf"\section*{{{h[key]}}}")
        if key == "summary":
            out.append(esc(p.summary))
        elif key in ("experience", "teaching", "education"):
            entries = p.jobs if key == "experience" else p.teaching if key == "teaching" else p.education
            out.append(r"\begin{description}[leftmargin=8em,style=sameline,font=\normalfont]")
            for e in entries:
                out.append(rf"\item[{rng(e, 'year', '--', 'present')}] {esc(e.title)}, \emph{{{esc(e.org)}}}"
                           + (f", {esc(e.location)}" if e.location else "") + ".")
            out.append(r"\end{description}")
        elif key == "publications":
            out.append(r"\begin{etaremune}" + "".join(rf"\item {x}" for x in items(p, key)) + r"\end{etaremune}")
        else:
            out.append(r"\begin{itemize}[noitemsep]" + "".join(rf"\item {x}" for x in items(p, key))
                       + r"\end{itemize}")
    out.append(r"\end{document}")
    return "\n".join(out), keys


LAYOUTS: list[tuple[str, Layout, int]] = [  # (name, renderer, heading set)
    ("moderncv-classic-blue", moderncv("classic", "blue", "year"), 0),
    ("moderncv-casual-orange", moderncv("casual", "orange", "mon"), 1),
    ("moderncv-banking-green", moderncv("banking", "green", "month", " -- "), 2),
    ("moderncv-oldstyle-burgundy", moderncv("oldstyle", "burgundy", "mm"), 3),
    ("moderncv-fancy-grey", moderncv("fancy", "grey", "iso"), 5),
    ("moderncv-classic-purple-timeline", moderncv("classic", "purple", "year", timeline=True), 1),
    ("europecv", europecv, 5),
    ("europasscv", europasscv, 0),
    ("simplecv", simplecv, 2),
    ("currvita", currvita, 3),
    ("academic-etaremune", academic, 4),
    ("jake-title-first", jake(True), 1),
    ("jake-employer-first", jake(False), 5),
    ("tabular-left-dates", tabular_left, 0),
    ("hfill-grouped", hfill, 3),
    ("sidebar-left", sidebar(True), 2),
    ("sidebar-right", sidebar(False), 0),
]


def build(only: str | None = None) -> None:
    if OUT.exists() and not only:
        shutil.rmtree(OUT)  # a full build leaves no PDF of an earlier layout list behind
    OUT.mkdir(exist_ok=True)
    truth: dict[str, object] = {}
    for index, (name, render, heading_set) in enumerate(LAYOUTS):
        people = [PEOPLE[(index + k * 2) % len(PEOPLE)] for k in range(3)]
        for person in people:
            file_name = f"{name}--{person.key}.pdf"
            if only and only not in file_name:
                continue
            tex, keys = render(person, {k: esc(v) for k, v in HEADINGS[heading_set].items()})
            with tempfile.TemporaryDirectory() as tmp:
                (Path(tmp) / "cv.tex").write_text(tex, encoding="utf-8")
                for _ in range(2):
                    done = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "cv.tex"],
                                          cwd=tmp, capture_output=True, text=True)
                if done.returncode != 0:
                    print(f"FAILED {file_name}\n" + done.stdout[-1500:], file=sys.stderr)
                    continue
                shutil.copy(Path(tmp) / "cv.pdf", OUT / file_name)
            record = truth_for(person, [KIND.get(k, k) for k in keys])
            record.update({"source": f"generated: {name} layout, person {person.key}", "layout": name})
            truth[file_name] = record
            print("built", file_name)
    if only:
        return
    conventions = {"general": "Same conventions as ../shared/corpus/resumes-labelled/truth.json `_conventions`. "
                              "Generated by benchmarks/generated/latex/build.py from invented people (people.py); "
                              "truth is derived from the content data, not read from the PDFs."}
    (HERE / "truth.json").write_text(json.dumps({"_conventions": conventions, "files": truth}, indent=1,
                                                ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else None)
