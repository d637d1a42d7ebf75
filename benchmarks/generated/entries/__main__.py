"""Score the entry stress set: `python -m benchmarks.generated.entries [tune|score|all]`.

One row per case (jobs found/wanted, employers found, latest title right, years right), then per-half totals:
jobs exact, jobs within one, employers, latest title, years (the labelled corpus's rules, benchmarks.resume_accuracy).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from assistant.resume.intake import read_pdf
from assistant.resume.models import Resume
from assistant.resume.review import prepare_resume
from benchmarks.common import bench_settings
from benchmarks.generated.entries.cases import CASES, Case, build
from benchmarks.generated.stress import half_of
from benchmarks.resume_accuracy import _employer_match, _title_match, first_start_year, latest_job


def score_case(case: Case, resume: Resume) -> dict[str, Any]:
    jobs = len(resume.experience)
    parsed = [j.company or "" for j in resume.experience] + [j.title or "" for j in resume.experience]
    employers = sum(_employer_match(c, parsed) for c in case.employers)
    latest = latest_job(resume)
    title_ok = _title_match(case.latest_title, latest.title if latest else None)
    now = date.today().year
    first = first_start_year(resume)
    if case.first_year is None:
        years_ok = first is None
    else:
        want = now - case.first_year
        years_ok = first is not None and abs((now - first) - want) <= max(2.0, 0.25 * want)
    return {"jobs": jobs, "exact": jobs == case.jobs, "within": abs(jobs - case.jobs) <= 1,
            "employers": employers, "title": title_ok, "years": years_ok, "first": first}


def main() -> None:
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    totals: dict[str, dict[str, list[int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        settings = bench_settings(Path(tmp))
        for case in CASES:
            half = f"batch {case.batch} {half_of(case.name)}"
            if which != "all" and half_of(case.name) != which:
                continue
            resume = prepare_resume(read_pdf(build(case), settings))[0]
            got = score_case(case, resume)
            t = totals.setdefault(half, {k: [0, 0] for k in ("exact", "within", "employers", "title", "years")})
            for key in ("exact", "within", "title", "years"):
                t[key][0] += int(got[key])
                t[key][1] += 1
            t["employers"][0] += got["employers"]
            t["employers"][1] += len(case.employers)
            ok = got["exact"] and got["employers"] == len(case.employers) and got["title"] and got["years"]
            latest = latest_job(resume)
            print(f"{'ok  ' if ok else 'MISS'} {half:<13} {case.name:<38} jobs {got['jobs']}/{case.jobs} "
                  f"employers {got['employers']}/{len(case.employers)} title {'y' if got['title'] else 'n'} "
                  f"({latest.title if latest else None!r}) years {'y' if got['years'] else 'n'} "
                  f"({got['first']}/{case.first_year})")
    for half, t in sorted(totals.items()):
        print(f"{half}: " + "  ".join(f"{k} {r}/{n}" for k, (r, n) in t.items()))


if __name__ == "__main__":
    main()
