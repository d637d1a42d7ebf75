"""Headings the reader can miss: does the work history survive them?

`python -m benchmarks.missed_headings [<set> ...]` (about a minute per set). Real resumes head their roles in ways no
lexicon lists ("Chapters So Far", a heading drawn as an image, a heading lost to a layout), and a pasted text has
no type size to set a heading apart. Each generated set's PDF is read as the app reads it, the heading the reader
itself names as the work history is found in the text, and the text is read again (through `read_text`, as a
user's pasted text is) four ways: as printed, with that heading removed, with it replaced by a wording the
reader does not know, and with every heading in lower case (a designed resume's house style, "experience"). A file
counts as read right when its role count is within one of the truth (the labelled corpus's own test). Files with
no heading named as work history are skipped.

The sets are the generated tuning sources (`resume_accuracy.GENERATED_SETS`); stop 37's fix was made on word,
typst, latex and linkedin, and themes was kept to check it (three of its files were diagnosed for a confidence
change); the lower-case headings were made on word and typst (and a Europass label on latex), themes and linkedin
kept to check them.
"""

from __future__ import annotations

import sys
from collections import Counter

from assistant.config import Settings
from assistant.resume.intake import read_pdf, read_text
from assistant.resume.parser import parse_resume
from benchmarks.resume_accuracy import GENERATED_SETS, generated_files

COMMAND = "python -m benchmarks.missed_headings"
VARIANTS = ("as printed", "heading removed", "heading unknown", "headings in lower case")
UNKNOWN_HEADING = "Chapters So Far"
_SETTINGS = Settings()


def variants(text: str) -> dict[str, str] | None:
    """The text as printed, without its work-history heading, with an unknown one, and with every heading in lower
    case (None: no heading named as work history)."""
    sections = parse_resume(read_text(text, _SETTINGS)).sections
    named = {s.heading.strip() for s in sections if s.name == "experience" and s.heading}
    headings = {s.heading.strip() for s in sections if s.heading}
    lines = text.splitlines()
    at = next((i for i, line in enumerate(lines) if line.strip() in named), None)
    if at is None:
        return None
    return {"as printed": text, "heading removed": "\n".join(lines[:at] + lines[at + 1:]),
            "heading unknown": "\n".join(lines[:at] + [UNKNOWN_HEADING] + lines[at + 1:]),
            "headings in lower case": "\n".join(line.lower() if line.strip() in headings else line
                                                for line in lines)}


def score(set_name: str) -> tuple[Counter[str], int, int]:
    """(files read right per variant, files measured, files skipped) for one generated set."""
    right, measured, skipped = Counter[str](), 0, 0
    for path, truth in generated_files(GENERATED_SETS[set_name]):
        texts = variants(read_pdf(path.read_bytes(), _SETTINGS).text)
        if texts is None:
            skipped += 1
            continue
        measured += 1
        for variant, text in texts.items():
            jobs = len(parse_resume(read_text(text, _SETTINGS)).experience)
            right[variant] += abs(jobs - truth["jobs"]) <= 1
    return right, measured, skipped


def main(argv: list[str]) -> int:
    for set_name in argv or list(GENERATED_SETS):
        right, measured, skipped = score(set_name)
        cells = ", ".join(f"{variant} {right[variant]}/{measured}" for variant in VARIANTS)
        print(f"{set_name}: {cells} (skipped {skipped}: no heading named as work history)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
