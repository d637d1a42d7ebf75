"""Scoring of the section stress set (see `cases.py`): per case, the truth sections found with their content and
the parsed headings that are no truth heading (body lines taken for headings)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.resume.models import Resume
from benchmarks.generated.sections.cases import MARKER, Case


def _letters(text: str) -> str:
    return re.sub(r"[^a-zà-ÿ]", "", text.lower())


@dataclass
class CaseScore:
    found: int
    total: int
    missed: list[str]
    false_headings: list[str]


def score_case(case: Case, resume: Resume) -> CaseScore:
    missed: list[str] = []
    for kind, _heading in case.truth:
        marker = _letters(case.markers.get(kind, MARKER[kind]))[:40]
        if not any(s.name == kind and marker in _letters(" ".join(line.text for line in s.lines))
                   for s in resume.sections):
            missed.append(kind)
    truth_headings = [_letters(h) for _, h in case.truth if h]
    false = [s.heading for s in resume.sections if s.heading and not any(
        _letters(s.heading) and _letters(s.heading) in t for t in truth_headings)]
    return CaseScore(len(case.truth) - len(missed), len(case.truth), missed, false)
