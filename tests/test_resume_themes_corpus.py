"""The generated themes corpus (benchmarks/generated/themes): invented resumes printed by third-party JSON Resume
themes. Its truth must stay in step with its PDFs, and the parser must keep reading most of its layouts.

The floors sit a little under what the parser reads today (see the README there), so a change that breaks a
whole family of layouts fails here rather than only in a benchmark nobody reruns.
"""

from __future__ import annotations

import pytest

from assistant.resume.intake import read_pdf
from assistant.resume.review import prepare_resume
from benchmarks.resume_accuracy import FIELDS, THEMES, Score, check_labelled, themes_truth

TRUTH = themes_truth()


def test_every_truth_entry_has_its_pdf_and_the_set_covers_many_themes() -> None:
    assert len(TRUTH) >= 40
    assert all((THEMES / name).is_file() for name in TRUTH)
    assert len({name.split("__")[0] for name in TRUTH}) >= 20
    keys = {"name", "email", "phone_present", "sections", "jobs", "companies", "latest_title", "first_job_start_year"}
    assert all(keys <= set(truth) for truth in TRUTH.values())


@pytest.mark.slow
def test_the_parser_reads_most_theme_layouts(settings) -> None:
    score = Score()
    for name, truth in sorted(TRUTH.items()):
        check_labelled(name, truth, prepare_resume(read_pdf((THEMES / name).read_bytes(), settings))[0], score)
    rates = {field: score.rate(field) or 0.0 for field in FIELDS}
    floors = {"name": 0.9, "email": 0.9, "sections": 0.85, "jobs": 0.75, "employers": 0.7, "latest_title": 0.7,
              "years": 0.75}
    assert {f: round(rates[f], 2) for f in floors if rates[f] < floors[f]} == {}


def test_a_date_cell_set_lower_than_its_title_keeps_the_title_over_the_first_bullet(settings) -> None:
    # The "paper" theme centres each date cell in its table row: reading by baselines meets the title, its first
    # bullet, then the dates. With the list markers read as bullets, the header search goes over that bullet.
    resume = prepare_resume(read_pdf((THEMES / "paper__manyroles.pdf").read_bytes(), settings))[0]
    assert [(j.title, j.company) for j in resume.experience[:2]] == [
        ("Staff Software Engineer", "Meridian Payments"), ("Senior Software Engineer", "Meridian Payments")]
