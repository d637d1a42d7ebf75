"""How the reader splits a role's header: title and employer as real resumes print them, one entry at a time.

`python -m benchmarks.entry_headers [tune|check|all]` (a few seconds). The set (`generated/headers/headers.jsonl`,
285 entries in seven languages, conventions in its header) was written by someone who had not read the parser,
from the header shapes of real resumes (title over employer, employer over title, dates first, one-line comma
lists, "at" in other languages, places after employers, specialties after a dash, consultancy placements), with
invented titles and employers. Split by the SHA-256 of each entry's id (even -> tune, odd -> check) like the
labelled corpus: parser work may look at the tuning entries' misses (printed); the check part is only counted.

Each entry is pasted as the only role of a short resume (read through `read_text`, as a user's pasted text is)
and scored with the labelled corpus's own comparisons (`benchmarks.resume_accuracy`): the title, the employer,
and one role read. `--after-a-role` pastes it instead as the second role, after one whose description lines have
lost their bullets and full stops ("Hired and led six engineers"), as some editors paste a list: the last of them
must not become the entry's title or employer (stop 46: 39 of the 138 tuning entries read right before, 127 after).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.resume.intake import read_text
from assistant.resume.parser import parse_resume
from benchmarks.resume_accuracy import _employer_match, _title_match, split_of

HEADERS = Path(__file__).parent / "generated" / "headers" / "headers.jsonl"
COMMAND = "python -m benchmarks.entry_headers"
_SETTINGS = Settings()


def part_of(entry_id: str) -> str:
    """The labelled corpus's split rule (`split_of`), by the entry id."""
    return "tune" if split_of(entry_id) == "tuning" else "check"


def load() -> list[dict[str, Any]]:
    lines = HEADERS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]


_ROLE_BEFORE = "Staff Engineer, Globex  2020 - Present\nBuilt the forecasting platform used by four teams\n" \
    "Hired and led six engineers\n"


def read(entry: dict[str, Any], after_a_role: bool = False) -> dict[str, bool]:
    text = ("Dana Whitfield\ndana@example.org\n\nExperience\n" + (_ROLE_BEFORE if after_a_role else "")
            + "\n".join(entry["lines"]) +
            "\n• Built the forecasting platform used by four teams.\n• Hired and led six engineers.\n\n"
            "Education\nMSc Statistics, University of Leeds, 2008\n")
    jobs = parse_resume(read_text(text, _SETTINGS)).experience
    wanted = 2 if after_a_role else 1
    job = jobs[wanted - 1] if len(jobs) >= wanted else None
    employer = entry["company"]
    return {
        "title": job is not None and _title_match(entry["title"], job.title),
        "employer": job is not None and (job.company is None if employer is None
                                         else _employer_match(employer, [job.company or ""])),
        "one role": len(jobs) == wanted,
    }


def score(which: str, after_a_role: bool = False
          ) -> tuple[Counter[str], int, list[tuple[dict[str, Any], dict[str, bool]]]]:
    """(right per field, entries, tuning entries read wrong with what went wrong)."""
    right, total, misses = Counter[str](), 0, []
    for entry in load():
        part = part_of(entry["id"])
        if which != "all" and part != which:
            continue
        got = read(entry, after_a_role)
        right.update(field for field, ok in got.items() if ok)
        right["all three"] += all(got.values())
        total += 1
        if not all(got.values()) and part == "tune":
            misses.append((entry, got))
    return right, total, misses


def main(argv: list[str]) -> int:
    after_a_role = "--after-a-role" in argv
    argv = [a for a in argv if a != "--after-a-role"]
    which = argv[0] if argv else "tune"
    right, total, misses = score(which, after_a_role)
    for entry, got in misses:
        wrong = ", ".join(field for field, ok in got.items() if not ok)
        print(f"{entry['id']} {entry['lang']} {entry['kind']} ({wrong}): {entry['lines']}")
    print(which, ", ".join(f"{field} {right[field]}/{total}" for field in ("title", "employer", "one role",
                                                                            "all three")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
