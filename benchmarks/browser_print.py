"""Resumes printed from a browser with "Headers and footers" on: does the PDF reading survive the page furniture?

`python -m benchmarks.browser_print [<browser> ...]` (about a minute per browser). Many people print an HTML or
online resume (a personal site, a JSON Resume theme, a web CV builder) from Chrome, Firefox or Safari and leave the
print dialog's "Headers and footers" on: every page then carries the date and time of printing and the page's
title over it, its address and "1/2" or "1 of 2" under it (`tests/pdfs.BROWSER_FURNITURE`). Each generated set's
PDF (invented people, real layouts) is read as printed and again with one browser's furniture drawn in its margins
(`tests/pdfs.with_browser_furniture`), and both readings are scored by the labelled corpus's own checks
(`resume_accuracy.check_labelled`). A reading that survives the furniture scores the same in both columns.

Stop 58 found the gap this way: the furniture row spans the page, so the column reader saw no gutter between a
sidebar and the main column and read them across, line by line (`layout.without_print_furniture` fixed it). The
generated sets are tuning sources; the figure is a robustness check, not a measure of generalisation.
"""

from __future__ import annotations

import sys

from assistant.config import Settings
from assistant.resume.intake import read_pdf
from assistant.resume.review import prepare_resume
from benchmarks.resume_accuracy import FIELDS, GENERATED_SETS, Score, check_labelled, generated_files
from tests.pdfs import BROWSER_FURNITURE, with_browser_furniture

COMMAND = "python -m benchmarks.browser_print"
_SETTINGS = Settings()


def score(browser: str | None) -> Score:
    """Every generated set's files read as printed (`browser` None) or with that browser's furniture, in one Score."""
    total = Score()
    for directory in GENERATED_SETS.values():
        if not (directory / "truth.json").is_file():
            continue
        for path, truth in generated_files(directory):
            data = path.read_bytes()
            if browser is not None:
                data = with_browser_furniture(data, browser)
            check_labelled(path.name, truth, prepare_resume(read_pdf(data, _SETTINGS))[0], total)
    return total


def main(argv: list[str]) -> int:
    unknown = [a for a in argv if a not in BROWSER_FURNITURE]
    if unknown:
        print(f"unknown browser(s) {', '.join(unknown)}; choose from {', '.join(BROWSER_FURNITURE)}", file=sys.stderr)
        return 2
    columns = {"as printed": score(None)} | {b: score(b) for b in (argv or list(BROWSER_FURNITURE))}
    print("field".ljust(14) + "".join(name.ljust(18) for name in columns))
    for field in FIELDS:
        print(field.ljust(14) + "".join(s.cell(field).ljust(18) for s in columns.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
