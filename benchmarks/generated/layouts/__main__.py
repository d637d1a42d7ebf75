"""Score the layout stress set: `python -m benchmarks.generated.layouts` (one row per case, then the totals).
`-v` prints the extracted text of the cases that miss."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from assistant.resume.intake import read_pdf
from assistant.resume.review import prepare_resume
from benchmarks.common import bench_settings
from benchmarks.generated.layouts.cases import CASES, check


def main() -> None:
    verbose = "-v" in sys.argv[1:]
    order = jobs = 0
    with tempfile.TemporaryDirectory() as tmp:
        settings = bench_settings(Path(tmp))
        for case in CASES:
            extracted = read_pdf(case.build(), settings)
            problem = check(extracted.text, case.expected)
            found = len(prepare_resume(extracted)[0].experience)
            order += problem is None
            jobs += found == case.jobs
            print(f"{'ok  ' if problem is None else 'MISS'} {case.name:<26} jobs={found}/{case.jobs}"
                  f"{'' if problem is None else '  ' + problem}")
            if verbose and problem:
                print("    | " + extracted.text.replace("\n", "\n    | "))
    print(f"reading order: {order}/{len(CASES)}   job count: {jobs}/{len(CASES)}")


if __name__ == "__main__":
    main()
