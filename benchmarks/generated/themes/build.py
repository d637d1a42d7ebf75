"""Regenerate the themes corpus: fictional JSON Resumes rendered by third-party JSON Resume themes, printed to PDF.

Why: the labelled real corpus is small and half of it is held out, so parser rules tuned on its tuning half
over-fit. These PDFs come from layouts designed by many different people (npm `jsonresume-theme-*` packages),
with contents written once here (resumes/*.json, invented people and companies), so they are a second tuning
source whose layout choices nobody on this project made. Truth is derived from the JSON, then checked against
what each theme actually prints (pdftotext): a field the theme does not print is left out of the truth, and a
pair whose theme drops the name or the work history is skipped.

Needs node, npm and Chromium (Debian `chromium`); not part of CI. See README.md for the steps:

    python benchmarks/generated/themes/build.py --modules /tmp/rthemes   # after `npm install` of themes.txt there
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESUMES = HERE / "resumes"
CORPUS = HERE / "corpus"
PERSONAS = ("director", "datasci", "european", "volunteer", "junior", "manyroles")
# Contents written later by someone who had not read the parser (stop 35), rendered only into a folder outside the
# repository (`--heldout`) and scored as a public set, so its hash-split check part stays unseen by whoever tunes.
HELDOUT = HERE / "heldout"
HELDOUT_PERSONAS = ("platform", "consultant", "returner")
# Work entries that are not jobs under truth.json's conventions (career breaks are listed in `work` by people
# who want the gap explained; the theme prints them like any job).
NOT_JOBS = {"Career Break"}

CONVENTIONS = {
    "general": "Derived from resumes/<persona>.json by build.py, in the shape of the labelled corpus's truth.json "
               "and under the same conventions; each field checked against the theme's printed text (pdftotext).",
    "name": "basics.name; the pair is skipped when the theme does not print it.",
    "email": "basics.email when printed, else null.",
    "phone_present": "true when the digits of basics.phone are printed.",
    "sections": "Kinds whose content the theme prints under a heading naming that kind (summary may be unheaded): "
                "summary, experience, education, skills, languages, projects, publications, awards, certifications, "
                "volunteering, interests, other=references.",
    "jobs": "work entries except career breaks; volunteer entries (teaching, mentoring) are not jobs.",
    "companies": "work[].name of the counted jobs, distinct, in order.",
    "latest_title": "position of the counted job with the latest end (no endDate = Present), ties to the first listed.",
    "first_job_start_year": "earliest startDate year among counted jobs.",
}


def flat(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2019", "'").replace("\u00ad", "")
    return re.sub(r"\s+", " ", text)


def printed(needle: str, text: str) -> bool:
    """Is `needle` in the flattened text, also when the theme letter-spaces or wraps it ("D A N I E L")?"""
    return flat(needle) in text or re.sub(r"\s", "", flat(needle)) in re.sub(r"\s", "", text)


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


# A JSON Resume date: ISO 8601 as the schema asks ("2019", "2019-05", "2019-05-01"); real files also hold "05/2019".
DATE = re.compile(r"(?<!\d)(?:(\d{1,2})[/.])?((?:19|20)\d\d)(?:-(\d{1,2}))?")


def year_of(value: str) -> int:
    match = DATE.search(value)
    if match is None:
        raise ValueError(f"no year in the date {value!r}")
    return int(match.group(2))


def month_of(value: str) -> tuple[int, int]:
    """(year, month) of a date for ordering ends; a year alone orders as its last month."""
    match = DATE.search(value)
    if match is None:
        return (9999, 12)
    return int(match.group(2)), int(match.group(3) or match.group(1) or 12)


# Words a theme's heading for each kind contains (any language the themes print, lower case, letters only).
HEADING_WORDS = {
    "experience": ("work", "experience", "employment", "career"),
    "education": ("education",),
    "skills": ("skill", "toolkit", "technolog", "techstack", "competenc", "expertise"),
    "languages": ("language",),
    "projects": ("project",),
    "publications": ("publication", "writing"),
    "awards": ("award", "honor", "achievement"),
    "certifications": ("certific",),
    "volunteering": ("volunteer",),
    "interests": ("interest", "hobb"),
    "other": ("reference",),
}


def headings(text: str) -> list[str]:
    """Short lines of the printed text (four words at most), lower case with spaces removed, so a letter-spaced
    'P ROFESSIONAL S KILLS' still reads 'professionalskills'."""
    lines = (line.strip() for line in text.splitlines())
    return [re.sub(r"[^a-z]", "", flat(line)) for line in lines
            if line and (len(line.split()) <= 4 or (len(line) <= 40 and all(len(w) <= 2 for w in line.split())))]


def derive_truth(resume: dict[str, Any], text: str) -> tuple[dict[str, Any] | None, str]:
    """Truth for one rendered pair, or (None, why) when the theme leaves out what the scoring needs."""
    raw, text = text, flat(text)
    basics = resume["basics"]
    if not printed(basics["name"], text):
        return None, "name not printed"
    jobs = [w for w in resume.get("work", []) if w["name"] not in NOT_JOBS]
    for job in jobs:
        if not printed(job["position"], text):
            return None, f"position not printed: {job['position']}"
        if str(year_of(job["startDate"])) not in text:
            return None, "work dates not printed"
    sections = []
    if basics.get("summary") and printed(basics["summary"][:60], text):
        sections.append("summary")
    def first(part: str, *fields: str) -> list[str]:
        """The first entry's first non-empty field of a part of the resume (real files leave fields out)."""
        entries = [e for e in resume.get(part) or [] if isinstance(e, dict)][:1]
        return [str(v) for e in entries for v in [next((e[f] for f in fields if e.get(f)), None)] if v]

    skills = [e for e in resume.get("skills") or [] if isinstance(e, dict)][:1]
    markers = {
        "experience": (jobs[0].get("highlights") or [jobs[0]["position"]])[:1] if jobs else [],
        "education": first("education", "institution"),
        "skills": [str(k) for s in skills for k in s.get("keywords") or [s.get("name")] if k],
        "languages": first("languages", "fluency", "language"),
        "projects": first("projects", "name"),
        "publications": first("publications", "name"),
        "awards": first("awards", "title"),
        "certifications": first("certificates", "name"),
        "volunteering": first("volunteer", "position"),
        "interests": first("interests", "name"),
        "other": first("references", "reference"),
    }
    heads = headings(raw)
    for kind, needles in markers.items():
        # A section needs its content printed and a heading a reader would take for it (truth.json's
        # conventions): some themes print skills without a heading, or publications under another kind's heading.
        if needles and all(printed(n, text) for n in needles) and any(
                len(h) <= 22 and (h.startswith(w) or re.search(w + "[a-z]{0,3}$", h))
                for h in heads for w in HEADING_WORDS[kind]):
            sections.append(kind)
    companies: list[str] = []
    for job in jobs:
        if job["name"] not in companies and printed(job["name"], text):
            companies.append(job["name"])
    ongoing = [j for j in jobs if not DATE.search(j.get("endDate") or "")]  # none, "", "Present"
    latest = ongoing[0] if ongoing else max(jobs, key=lambda j: month_of(j["endDate"])) if jobs else None
    truth = {
        "source": "generated",
        "name": basics["name"],
        "email": basics["email"] if basics.get("email") and printed(basics["email"], text) else None,
        "phone_present": bool(basics.get("phone")) and digits(basics["phone"]) in digits(text),
        "sections": sections,
        "jobs": len(jobs),
        "companies": companies,
        "first_job_start_year": min(year_of(j["startDate"]) for j in jobs) if jobs else None,
        "latest_title": latest["position"] if latest else None,
    }
    return truth, "ok"


def in_both_schemas(resume: dict[str, Any]) -> dict[str, Any]:
    """The same content with the field names of the current schema and the older one (0.0.x) both, since people's
    own files use either and themes read either: work[].name and .company, .url and .website, basics.url and
    .website. Nothing is added that a theme would show twice (each pair holds one value)."""
    out = json.loads(json.dumps(resume))
    if out["basics"].get("website") and not out["basics"].get("url"):
        out["basics"]["url"] = out["basics"]["website"]
    for job in out.get("work", []):
        if job.get("company") and not job.get("name"):
            job["name"] = job["company"]
        if job.get("website") and not job.get("url"):
            job["url"] = job["website"]
    return out


def with_legacy_fields(resume: dict[str, Any]) -> dict[str, Any]:
    """The same content with the field names of the older schema (0.0.x) too, which many themes still read:
    work[].company and .website, basics.website. Nothing is added that a current-schema theme would show twice."""
    out = in_both_schemas(resume)
    if out["basics"].get("url"):
        out["basics"].setdefault("website", out["basics"]["url"])
    for job in out.get("work", []):
        job.setdefault("company", job["name"])
        if job.get("url"):
            job.setdefault("website", job["url"])
    return out


def render(modules: Path, theme: str, resume: Path, html: Path) -> None:
    legacy = html.with_name("resume.json")
    legacy.write_text(json.dumps(with_legacy_fields(json.loads(resume.read_text(encoding="utf-8")))),
                      encoding="utf-8")
    subprocess.run(["node", str(HERE / "render.mjs"), str(modules), theme, str(legacy), str(html)],
                   check=True, capture_output=True, timeout=120)


def on_paper(html: Path, size: str) -> None:
    """Set the page's paper size (CSS @page, which Chromium's print honours over its default Letter)."""
    page = html.read_text(encoding="utf-8")
    style = f"<style>@page {{ size: {size}; }}</style>"
    html.write_text(page.replace("</head>", style + "</head>", 1) if "</head>" in page else style + page,
                    encoding="utf-8")


def print_pdf(chromium: str, html: Path, pdf: Path, header_footer: bool = False) -> None:
    """`header_footer`: with Chrome's own header and footer (the time of printing, the page's title, its address and
    "1/2"), as many people leave them on when they save a web resume as a PDF."""
    # No network here or in a theme's CDN links: a time budget lets the page settle on fallback fonts.
    furniture = [] if header_footer else ["--no-pdf-header-footer"]
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", *furniture,
                    "--virtual-time-budget=5000", f"--print-to-pdf={pdf}", html.as_uri()],
                   check=True, capture_output=True, timeout=120)


def themes() -> list[str]:
    lines = (HERE / "themes.txt").read_text(encoding="utf-8").splitlines()
    return [line.split()[0] for line in lines if line.strip() and not line.startswith("#")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--modules", type=Path, required=True, help="folder whose node_modules holds the themes")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--only", help="render just this theme (for trying a new one)")
    parser.add_argument("--truth-only", action="store_true", help="re-derive truth.json from the PDFs already in "
                        "corpus/ (no node or Chromium needed)")
    parser.add_argument("--heldout", type=Path, help="render heldout/*.json (one per theme, rotating) into this "
                        "folder's 'personas' subfolder instead, for RESUME_PUBLIC_SETS=<this folder>; keep it outside "
                        "the repository")
    parser.add_argument("--paper", nargs=2, metavar=("SIZE", "FOLDER"), help="print the same pairs on another paper "
                        "size (a CSS @page size, e.g. '148mm 210mm' for A5) into FOLDER/paper, for "
                        "RESUME_PUBLIC_SETS=FOLDER: a narrow page wraps headers and moves columns as real layouts do; "
                        "keep it outside the repository")
    parser.add_argument("--contents", nargs=2, type=Path, metavar=("DIR", "OUT"), help="print every DIR/*.json "
                        "(JSON Resumes kept outside the repository, such as real people's with their contact details "
                        "replaced) through two themes each, rotating, into OUT/contents, for RESUME_PUBLIC_SETS=OUT; "
                        "each truth names its content, so both prints of a content fall in the same hash-split part; with --paper, "
                        "on that paper into OUT/contents-<size> (--paper's FOLDER unused)")
    parser.add_argument("--header-footer", type=Path, metavar="FOLDER", help="print the same pairs with Chrome's header "
                        "and footer on into FOLDER/browser-printed, for RESUME_PUBLIC_SETS=FOLDER (benchmarks/"
                        "browser_print.py stamps them on instead, so the bench needs no Chromium); keep it outside "
                        "the repository")
    parser.add_argument("--prints", type=int, default=2, help="with --contents: themes per content (default 2)")
    parser.add_argument("--start", type=int, default=0, help="with --contents: the place in themes.txt where the "
                        "rotation starts, so another run prints the same contents through other themes")
    args = parser.parse_args()
    if args.truth_only:
        return rederive()
    if args.contents:
        # With --paper too: the same contents on that paper, into OUT/contents-<size>.
        return print_contents(args.modules, args.chromium, *args.contents, prints=args.prints, start=args.start,
                              paper=args.paper[0] if args.paper else None)
    corpus, resumes = (args.heldout / "personas", HELDOUT) if args.heldout else (CORPUS, RESUMES)
    if args.paper:
        corpus = Path(args.paper[1]) / "paper"
    if args.header_footer:
        corpus = args.header_footer / "browser-printed"
    corpus.mkdir(parents=True, exist_ok=True)
    truth_path = corpus / "truth.json"
    files: dict[str, Any] = {} if not truth_path.exists() else json.loads(truth_path.read_text())["files"]
    names = themes()
    for index, theme in enumerate(names):
        if args.only and theme != args.only:
            continue
        short = theme.rsplit("/", 1)[-1].removeprefix("jsonresume-theme-")
        # Each theme renders two contents, rotating so every persona meets several themes (a held-out content: one).
        personas = ((HELDOUT_PERSONAS[index % len(HELDOUT_PERSONAS)],) if args.heldout
                    else (PERSONAS[index % len(PERSONAS)], PERSONAS[(index + 3) % len(PERSONAS)]))
        for persona in personas:
            stem = f"{short}__{persona}"
            resume_path = resumes / f"{persona}.json"
            pdf = corpus / f"{stem}.pdf"
            files.pop(f"{stem}.pdf", None)
            truth = print_one(args.modules, args.chromium, theme, resume_path, pdf,
                              args.paper[0] if args.paper else None, header_footer=args.header_footer is not None)
            if isinstance(truth, str):
                print(f"{stem}: {truth}")
                continue
            truth["source"] = f"{theme} + resumes/{persona}.json"
            files[pdf.name] = truth
            print(f"{stem}: ok, {pdf.stat().st_size // 1024} KB")
    ordered = dict(sorted(files.items()))
    truth_path.write_text(json.dumps({"_conventions": CONVENTIONS, "files": ordered}, indent=1, ensure_ascii=False)
                          + "\n", encoding="utf-8")
    return 0


def print_one(modules: Path, chromium: str, theme: str, resume_path: Path, pdf: Path,
              paper: str | None = None, header_footer: bool = False) -> dict[str, Any] | str:
    """Render one content through one theme to `pdf`; its truth, or why there is none (the PDF is then removed)."""
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "resume.html"
        try:
            render(modules, theme, resume_path, html)
            if paper:
                on_paper(html, paper)
            print_pdf(chromium, html, pdf, header_footer)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            err = getattr(exc, "stderr", b"") or b""
            pdf.unlink(missing_ok=True)
            return f"render failed: {err.decode(errors='replace').strip().splitlines()[-1:]}"
    text = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True, text=True).stdout
    truth, why = derive_truth(in_both_schemas(json.loads(resume_path.read_text(encoding="utf-8"))), text)
    if truth is None:
        pdf.unlink()
        return f"skipped ({why})"
    return truth


def print_contents(modules: Path, chromium: str, contents: Path, out: Path, prints: int = 2, start: int = 0,
                   paper: str | None = None) -> int:
    """Each content through `prints` themes, taking the themes in turn (a theme that fails or drops what the truth
    needs passes the content on to the next one); on `paper` (a CSS page size) when given."""
    folder = out / ("contents" if paper is None else "contents-" + re.sub(r"\W+", "-", paper))
    folder.mkdir(parents=True, exist_ok=True)
    names = themes()
    files: dict[str, Any] = {}
    turn = start
    for resume_path in sorted(contents.glob("*.json")):
        made = 0
        for _ in range(len(names)):
            if made == prints:
                break
            theme = names[turn % len(names)]
            turn += 1
            stem = f"{resume_path.stem}__{theme.rsplit('/', 1)[-1].removeprefix('jsonresume-theme-')}"
            result = print_one(modules, chromium, theme, resume_path, folder / f"{stem}.pdf", paper)
            if isinstance(result, str):
                print(f"{stem}: {result}")
                continue
            result["source"] = f"{theme} + {resume_path.name}"
            result["content"] = resume_path.name
            files[f"{stem}.pdf"] = result
            made += 1
            print(f"{stem}: ok")
    (folder / "truth.json").write_text(json.dumps({"_conventions": CONVENTIONS, "files": files}, indent=1,
                                                  ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def rederive() -> int:
    truth_path = CORPUS / "truth.json"
    files = json.loads(truth_path.read_text(encoding="utf-8"))["files"]
    for name, old in files.items():
        persona = name.removesuffix(".pdf").split("__")[1]
        text = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", str(CORPUS / name), "-"], capture_output=True,
                              check=True, text=True).stdout
        truth, why = derive_truth(json.loads((RESUMES / f"{persona}.json").read_text(encoding="utf-8")), text)
        if truth is None:
            raise SystemExit(f"{name}: {why}")
        truth["source"] = old["source"]
        files[name] = truth
    truth_path.write_text(json.dumps({"_conventions": CONVENTIONS, "files": files}, indent=1, ensure_ascii=False)
                          + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
