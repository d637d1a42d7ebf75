"""How the reader dates a role: date ranges as real resumes print them, each read as a role's dated line.

`python -m benchmarks.date_ranges [tune|check|all]` (a few seconds). The set (`generated/dates/ranges.jsonl`,
360 lines in nine languages, conventions in its header) was written by someone who had not read the parser, from
the date formats of real resumes, with negatives (phone numbers, versions, metrics, standards) and ranges inside
achievement sentences. It is split by the SHA-256 of each line's id (even -> tune, odd -> check) like the labelled
corpus: parser work may look at the tuning lines' misses (printed); the check part is only counted.

Each line is read the way it is met: as the dated line of a role in a pasted work history (employer above, a
bullet below), through `read_text` as a user's pasted text is. A date range must give the role its start and end (to the month, or to the year where only the year
is printed; seasons and quarters to the year); a line that is not a range sits inside a role dated "Jan 2018 -
Present" and must leave that role alone. Single years of awards and career breaks are skipped: they are no role
either way.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from assistant.config import Settings
from assistant.resume.intake import read_text
from assistant.resume.models import Job
from assistant.resume.parser import parse_resume
from benchmarks.resume_accuracy import split_of

RANGES = Path(__file__).parent / "generated" / "dates" / "ranges.jsonl"
COMMAND = "python -m benchmarks.date_ranges"
_SETTINGS = Settings()
_COARSE = {"season", "quarter", "half-year"}  # "Q2" ends in April or June depending on convention: the year counts


def part_of(line_id: str) -> str:
    """The labelled corpus's split rule (`split_of`), by the line id."""
    return "tune" if split_of(line_id) == "tuning" else "check"


def load() -> list[dict[str, str | None]]:
    lines = RANGES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]


def roles_for(line: str, inside_a_dated_role: bool) -> list[Job]:
    dated = "Data Scientist   Jan 2018 – Present\n" if inside_a_dated_role else ""
    text = (f"Dana Whitfield\ndana@example.org\n\nExperience\nAcme Analytics\n{dated}{line}\n"
            "• Built the forecasting platform used by four teams.\n\nEducation\nMSc Statistics, Uni of Leeds\n")
    return parse_resume(read_text(text, _SETTINGS)).experience


def _same(want: str | None, got: str | None, coarse: bool) -> bool:
    if want is None or got is None:
        return want == got
    want, got = want.lower(), got.lower()
    if want == "present" or got == "present":
        return want == got
    return got[:4] == want[:4] if coarse or len(want) == 4 else got[:7] == want


def read_right(row: dict[str, str | None]) -> bool:
    if row["start"] is None:  # not a range: the role around it keeps its own dates
        jobs = roles_for(str(row["text"]), inside_a_dated_role=True)
        return [(j.start, j.end) for j in jobs] == [("2018-01", "Present")]
    jobs = roles_for(str(row["text"]), inside_a_dated_role=False)
    if not jobs:
        return False
    coarse = row["kind"] in _COARSE
    start_ok = _same(row["start"], jobs[0].start, coarse)
    return start_ok and (row["end"] is None or _same(row["end"], jobs[0].end, coarse))


def score(which: str) -> tuple[Counter[str], Counter[str], list[dict[str, str | None]]]:
    """(right per kind, lines per kind, tuning lines read wrong)."""
    right, total, misses = Counter[str](), Counter[str](), []
    for row in load():
        if row["kind"] == "single-year" or "career break" in str(row["text"]).lower():
            continue
        part = part_of(str(row["id"]))
        if which != "all" and part != which:
            continue
        ok = read_right(row)
        kind = "not a range" if row["start"] is None else "range"
        right[kind] += ok
        total[kind] += 1
        if not ok and part == "tune":
            misses.append(row)
    return right, total, misses


def main(argv: list[str]) -> int:
    which = argv[0] if argv else "tune"
    right, total, misses = score(which)
    for row in misses:
        print(f"{row['id']} {row['lang']} {row['kind']}: {row['text']!r} (want {row['start']} .. {row['end']})")
    for kind in sorted(total):
        print(f"{which} {kind}: {right[kind]}/{total[kind]}")
    print(f"{which} all: {sum(right.values())}/{sum(total.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
