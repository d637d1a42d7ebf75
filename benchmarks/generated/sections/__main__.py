"""Score the section stress set: `python -m benchmarks.generated.sections [tune|score|all]` (one row per case,
then totals per half: truth sections found with their content, and false headings)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from assistant.resume.intake import read_pdf
from assistant.resume.parser import parse_resume
from benchmarks.common import bench_settings
from benchmarks.generated.sections.cases import CASES
from benchmarks.generated.sections.score import score_case


def main(argv: list[str]) -> None:
    which = argv[0] if argv else "all"
    totals: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        settings = bench_settings(Path(tmp))
        for case in CASES:
            if which != "all" and case.half != which:
                continue
            result = score_case(case, parse_resume(read_pdf(case.build(), settings)))
            row = totals.setdefault(case.half, [0, 0, 0, 0])
            row[0] += result.found
            row[1] += result.total
            row[2] += len(result.false_headings)
            row[3] += result.found == result.total and not result.false_headings
            ok = "ok  " if result.found == result.total and not result.false_headings else "MISS"
            print(f"{ok} {case.half:<5} {case.name:<26} {result.found}/{result.total}"
                  f" missed={result.missed} false={result.false_headings}")
    for half, (found, total, false, perfect) in sorted(totals.items()):
        count = sum(1 for c in CASES if c.half == half)
        print(f"{half}: sections {found}/{total}, false headings {false}, cases all right {perfect}/{count}")


if __name__ == "__main__":
    main(sys.argv[1:])
