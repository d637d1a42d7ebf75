"""Resume parsing accuracy on labelled real resumes, split so tuning cannot flatter the figures.

The labelled corpus (`../shared/corpus/resumes-labelled`, truth in its `truth.json`) is split once, by a rule
that does not look at the content: a file belongs to the **tuning** half when the SHA-256 of its file name (UTF-8),
read as a big-endian integer, is even; otherwise to the **check** half. Parser rules may be tuned by looking at
tuning-half files only; the check half is only ever scored. Both halves and the older corpus
(`../shared/corpus/resumes`, labels in tests/data/resume_labels.yaml) are reported side by side.

Generated sets (`GENERATED_SETS`: invented people rendered through real layouts -- **themes**, fictional JSON
Resumes printed through third-party JSON Resume themes, **latex**, CVs through LaTeX CV classes, **linkedin**,
profiles in the layout of LinkedIn's "Save to PDF" export, **word**, resumes set in a word processor (.docx) and
printed to PDF by LibreOffice, and **typst**, resumes through rendercv's Typst themes and hand-written Typst
templates) are further
tuning sources, each scored by the same rules in a column of its own; they never change how the halves are scored.
Being generated from invented content, they may be looked at freely while tuning, and they are never a measure of
generalisation (only the check half is).

Comparison rules follow truth.json's `_conventions`: text compared case-insensitively with whitespace collapsed
and ligatures expanded. A truth employer counts as found when a parsed job's employer equals it or one contains
the other (so "Google" vs "Google LLC" match, a location left on the employer does not hide it). Years of
experience: the span from the earliest parsed job start year to the current year, against the same span from the
truth's `first_job_start_year`, within max(2, 25%).

Public sets (optional, never committed): real people's resumes from public repositories, from their LaTeX or
HTML sources with the contact details replaced by invented ones, compiled or printed to PDF, and labelled by hand
before the parser ever read them (`benchmarks/public_sets.md` says how they were made). They live outside the
repository, because they are copies of other people's documents; point `RESUME_PUBLIC_SETS` at a folder holding
one sub-folder per set (truth.json in the labelled corpus's shape, PDFs in `pdf/`), or at several such folders
separated by `:` as in PATH. Each file goes to **public-tune** or **public-check** by the same file-name hash as
the labelled corpus (the hash of its truth's `content` instead, where one content is printed through several
layouts), so they are a second, fresh held-out measure; a checkout without them simply has no such columns.

Only booleans and counts leave this module: contact details of the people in the corpus are never printed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from assistant.resume.models import ExtractedText, Resume
from assistant.resume.review import parse_report

LABELLED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "resumes-labelled"
# Generated tuning sets, each its own column: name -> a directory with truth.json (labelled-corpus shape) and its
# PDFs beside it or in its `pdf/` folder. Add a set by adding a line.
GENERATED = Path(__file__).resolve().parent / "generated"
THEMES = GENERATED / "themes" / "corpus"
GENERATED_SETS: dict[str, Path] = {
    "themes": THEMES,
    "latex": GENERATED / "latex",
    "linkedin": GENERATED / "linkedin",
    "word": GENERATED / "word",
    "typst": GENERATED / "typst",
}
PUBLIC_SETS_ENV = "RESUME_PUBLIC_SETS"
FIELDS = ("name", "email", "phone", "sections", "jobs", "employers", "latest_title", "years")


def split_of(file_name: str) -> str:
    """'tuning' or 'check', fixed by the file name alone (see the module docstring)."""
    return "tuning" if int(hashlib.sha256(file_name.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "check"


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    return re.sub(r"\s+", " ", text).strip(" .,;:")


def _employer_match(truth: str, parsed: list[str]) -> bool:
    """Is the employer `truth` among the `parsed` fields? A bracketed aside in the truth ("EdTech (Thailand) Co.
    Ltd.") may be left out of the reading or read with it: until stop 51 only the first counted, so an employer read
    exactly as printed was a miss."""
    whole = _norm(truth)
    t = _norm(re.sub(r"\(.*?\)", "", truth)) or whole
    for p in parsed:
        p = _norm(p)
        if not p:
            continue
        if p == t or t in p or (len(p) >= 3 and p in t) or whole in p:
            return True
    return False


def _title_match(truth: str | None, parsed: str | None) -> bool:
    if truth is None:
        return parsed is None
    if not parsed:
        return False
    t = _norm(re.sub(r"[(\[].*?[)\]]", "", truth))
    p = _norm(re.sub(r"[(\[].*?[)\]]", "", parsed))
    return bool(p) and (p == t or t in p or p in t and len(p) >= 0.6 * len(t))


def latest_job(resume: Resume) -> Any:
    """The parsed job with the latest end ('Present' latest), ties to the first listed."""
    best, best_key = None, None
    for job in resume.experience:
        if job.end == "Present":
            key = 999999
        else:
            match = re.match(r"(\d{4})-(\d{2})", job.end or job.start or "")
            key = int(match.group(1)) * 12 + int(match.group(2)) if match else -1
        if best_key is None or key > best_key:
            best, best_key = job, key
    return best


def first_start_year(resume: Resume) -> int | None:
    years = [int(m.group(0)) for job in resume.experience if job.start and (m := re.match(r"\d{4}", job.start))]
    return min(years) if years else None


@dataclass
class Score:
    """Per-field [right, checked] counts over a set of files."""

    counts: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in FIELDS})
    files: int = 0
    # Honesty of the reading (issue #10's "never tell a user their experience is missing because the parser missed
    # it"): files with two or more labelled roles read as none, and files whose job count is off by more than one
    # or whose years are wrong while the review presents its reading as sure (confidence not "low", so the fit
    # score is not marked provisional and no "we could not read your work history" message is shown).
    zero_jobs: int = 0
    sure_but_wrong: int = 0
    wrong: int = 0
    unsure_but_right: int = 0  # the cost side: files read right that the review still marks provisional
    # The same in fields: a file is also misread when its latest title is wrong or fewer than half its employers
    # were found, which a user sees at once though the job count and years are right (roles read with the titles
    # of projects, employers read as titles). Kept beside the counts above, which keep their series.
    wrong_in_fields: int = 0
    sure_but_wrong_in_fields: int = 0
    unsure_but_right_in_fields: int = 0

    def add(self, name: str, right: int, checked: int = 1) -> None:
        self.counts[name][0] += right
        self.counts[name][1] += checked

    def rate(self, name: str) -> float | None:
        right, checked = self.counts[name]
        return right / checked if checked else None

    def honesty(self) -> str:
        """The honesty counts in words, for a table cell."""
        return (f"{self.sure_but_wrong} of {self.wrong} misread files shown as sure; "
                f"{self.unsure_but_right} of {self.files - self.wrong} read right marked provisional; "
                f"{self.zero_jobs} with 2+ roles read as none; in fields (latest title, half the employers too): "
                f"{self.sure_but_wrong_in_fields} of {self.wrong_in_fields} misread shown as sure, "
                f"{self.unsure_but_right_in_fields} of {self.files - self.wrong_in_fields} read right provisional")

    def cell(self, name: str) -> str:
        right, checked = self.counts[name]
        return f"{right}/{checked} ({right / checked:.0%})" if checked else "-"


def check_labelled(file_name: str, truth: dict[str, Any], resume: Resume, score: Score,
                   split: str | None = None) -> dict[str, Any]:
    """Score one labelled file into `score`; returns a privacy-safe per-file summary (booleans and counts)."""
    score.files += 1
    out: dict[str, Any] = {"file": file_name, "split": split or split_of(file_name)}
    name_ok = _norm(resume.contact.name) == _norm(truth["name"]) if truth["name"] else resume.contact.name is None
    score.add("name", int(name_ok))
    out["name"] = name_ok
    # Without case: truth keeps an address as printed (capitals where a template sets it so), the reader writes such
    # an address in lower case, and mail systems treat the two alike.
    email_ok = (resume.contact.email or "").lower() == (truth["email"] or "").lower()
    score.add("email", int(email_ok))
    out["email"] = email_ok
    phone_ok = (resume.contact.phone is not None) == bool(truth["phone_present"])
    score.add("phone", int(phone_ok))
    found = {kind for s in resume.sections for kind in s.kinds}
    if "summary" in truth["sections"] and any(s.name == "summary" for s in resume.sections):
        found.add("summary")
    wanted = [s if s != "references" else "other" for s in truth["sections"]]
    found_mapped = {s if s != "references" else "other" for s in found}
    hits = [s for s in wanted if s in found_mapped]
    score.add("sections", len(hits), len(wanted))
    out["sections_missed"] = [s for s in wanted if s not in found_mapped]
    jobs = len(resume.experience)
    score.add("jobs", int(abs(jobs - truth["jobs"]) <= 1))
    out["jobs"] = f"{jobs}/{truth['jobs']}"
    parsed_employers = [j.company or "" for j in resume.experience] + [j.title or "" for j in resume.experience]
    matched = sum(_employer_match(c, parsed_employers) for c in truth["companies"])
    score.add("employers", matched, len(truth["companies"]))
    out["employers"] = f"{matched}/{len(truth['companies'])}"
    latest = latest_job(resume)
    title_ok = _title_match(truth["latest_title"], latest.title if latest else None)
    score.add("latest_title", int(title_ok))
    out["latest_title"] = title_ok
    years_wrong = False
    if truth["first_job_start_year"] is not None:
        now = date.today().year
        want = now - truth["first_job_start_year"]
        first = first_start_year(resume)
        got = now - first if first else None
        ok = got is not None and abs(got - want) <= max(2.0, 0.25 * want)
        score.add("years", int(ok))
        out["years"] = f"{got}/{want}"
        years_wrong = not ok
    wrong = abs(jobs - truth["jobs"]) > 1 or years_wrong
    level = parse_report(resume).confidence
    out["confidence"] = level
    score.wrong += int(wrong)
    score.sure_but_wrong += int(wrong and level != "low")
    score.unsure_but_right += int(not wrong and level == "low")
    score.zero_jobs += int(truth["jobs"] >= 2 and jobs == 0)
    wrong_in_fields = wrong or not title_ok or (bool(truth["companies"]) and matched < len(truth["companies"]) / 2)
    score.wrong_in_fields += int(wrong_in_fields)
    score.sure_but_wrong_in_fields += int(wrong_in_fields and level != "low")
    score.unsure_but_right_in_fields += int(not wrong_in_fields and level == "low")
    return out


def check_old(label: dict[str, Any], resume: Resume, score: Score) -> None:
    """The older corpus's labels (tests/data/resume_labels.yaml) in the same fields where they exist."""
    score.files += 1
    score.add("name", int(resume.contact.name == label["name"]))
    score.add("email", int((resume.contact.email is not None) == label["email"]))
    score.add("phone", int((resume.contact.phone is not None) == label["phone"]))
    found = {s.name for s in resume.sections}
    score.add("sections", sum(s in found for s in label["sections"]), len(label["sections"]))
    low, high = label["jobs"]
    score.add("jobs", int(low - 1 <= len(resume.experience) <= high + 1))
    companies = " ".join((job.company or "").lower() for job in resume.experience)
    score.add("employers", sum(c in companies for c in label["companies"]), len(label["companies"]))


def labelled_truth() -> dict[str, dict[str, Any]]:
    files: dict[str, dict[str, Any]] = json.loads((LABELLED / "truth.json").read_text(encoding="utf-8"))["files"]
    return files


def generated_files(directory: Path) -> list[tuple[Path, dict[str, Any]]]:
    """(PDF path, truth) for each file of a generated set, sorted by name."""
    files: dict[str, dict[str, Any]] = json.loads((directory / "truth.json").read_text(encoding="utf-8"))["files"]
    pdfs = directory / "pdf" if (directory / "pdf").is_dir() else directory
    return [(pdfs / name, truth) for name, truth in sorted(files.items())]


def themes_truth() -> dict[str, dict[str, Any]]:
    """The themes set's truth by file name (empty when the folder is absent, e.g. a trimmed checkout)."""
    if not (THEMES / "truth.json").is_file():
        return {}
    return {path.name: truth for path, truth in generated_files(THEMES)}


def public_files() -> list[tuple[Path, dict[str, Any]]]:
    """(PDF path, truth) for every file of every public set under `$RESUME_PUBLIC_SETS` (none when unset; several
    folders separated by the path separator, as in PATH)."""
    roots = [Path(root) for root in os.environ.get(PUBLIC_SETS_ENV, "").split(os.pathsep) if root]
    return [item for root in roots if root.is_dir() for directory in sorted(root.iterdir())
            if (directory / "truth.json").is_file() for item in generated_files(directory)]


def old_labels(test_data: Path) -> list[dict[str, Any]]:
    labels: list[dict[str, Any]] = yaml.safe_load((test_data / "resume_labels.yaml").read_text(encoding="utf-8"))
    return labels


def evaluate(extract: Any, parse: Any, test_data: Path, old_dir: Path) -> tuple[dict[str, Score], list[dict[str, Any]]]:
    """Score both halves, the old corpus and each generated set (`GENERATED_SETS`).
    `extract(bytes) -> ExtractedText`, `parse(ExtractedText) -> Resume`."""
    scores = {"tuning": Score(), "check": Score(), "old": Score()} | {name: Score() for name in GENERATED_SETS}
    details: list[dict[str, Any]] = []
    for file_name, truth in sorted(labelled_truth().items()):
        extracted: ExtractedText = extract((LABELLED / file_name).read_bytes())
        resume = parse(extracted)
        details.append(check_labelled(file_name, truth, resume, scores[split_of(file_name)]))
    for label in old_labels(test_data):
        check_old(label, parse(extract((old_dir / label["file"]).read_bytes())), scores["old"])
    for set_name, directory in GENERATED_SETS.items():
        if not (directory / "truth.json").is_file():
            continue
        for path, truth in generated_files(directory):
            resume = parse(extract(path.read_bytes()))
            details.append(check_labelled(path.name, truth, resume, scores[set_name], split=set_name))
    for path, truth in public_files():
        # A set that prints one content through several layouts names the content in the truth ("content"), so
        # every print of it falls in the same part: a content tuned on through one layout is not checked via another.
        split = "public-" + ("tune" if split_of(truth.get("content") or path.name) == "tuning" else "check")
        resume = parse(extract(path.read_bytes()))
        details.append(check_labelled(path.name, truth, resume, scores.setdefault(split, Score()), split=split))
    return scores, details


if __name__ == "__main__":  # developer view: `python -m benchmarks.resume_accuracy [tuning|check|all|none|<set>]`
    import sys
    import tempfile

    from assistant.resume.intake import read_pdf
    from assistant.resume.review import prepare_resume
    from benchmarks.common import CORPUS, TEST_DATA, bench_settings

    # The check half's rows and totals appear only when asked for by name ('check' or 'all'), so tuning work
    # ('tuning', the default) never sees how the held-out files are doing. A generated set's name shows its rows;
    # so do 'public-tune' and 'public-check' (the public sets' check part is held out like the check half).
    show = sys.argv[1] if len(sys.argv) > 1 else "tuning"
    with tempfile.TemporaryDirectory() as tmp:
        settings = bench_settings(Path(tmp))
        scores, details = evaluate(lambda data: read_pdf(data, settings), lambda e: prepare_resume(e)[0],
                                   TEST_DATA, CORPUS / "resumes")
    for row in details:
        if show == "all" or row["split"] == show:
            print(json.dumps(row))
    if show not in ("check", "all"):
        del scores["check"]
    if show not in ("public-check", "all"):
        scores.pop("public-check", None)
    print("field".ljust(14) + "".join(k.ljust(18) for k in scores) + "  (" + ", ".join(
        f"{k}: tuning source" for k in GENERATED_SETS) + ")")
    for f in FIELDS:
        print(f.ljust(14) + "".join(s.cell(f).ljust(18) for s in scores.values()))
    for name, s in scores.items():
        print(f"honesty {name}: {s.honesty()}")
