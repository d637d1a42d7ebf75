"""The generated tuning sets (benchmarks/generated/*): each is complete and in the labelled corpus's truth shape,
and the LaTeX, LinkedIn-export, Word and Typst sets stay read well, so a parser change that breaks a common CV
class, export or template shows up in CI, not only in the benchmark."""

from __future__ import annotations

import pytest

from assistant.resume.intake import read_pdf
from assistant.resume.parser import parse_resume
from benchmarks.resume_accuracy import GENERATED_SETS, Score, check_labelled, generated_files

KEYS = {"name", "email", "phone_present", "sections", "jobs", "companies", "latest_title", "first_job_start_year"}


@pytest.mark.parametrize("set_name", sorted(GENERATED_SETS))
def test_every_generated_file_has_its_pdf_and_truth_in_the_labelled_shape(set_name: str) -> None:
    files = generated_files(GENERATED_SETS[set_name])
    assert len(files) >= 15
    for path, truth in files:
        assert path.is_file() and path.read_bytes().startswith(b"%PDF"), path.name
        assert set(truth) >= KEYS, path.name
        assert truth["jobs"] == 0 or truth["latest_title"], path.name
        assert len(truth["companies"]) <= truth["jobs"], path.name


@pytest.mark.slow
def test_the_latex_classes_are_read_well(settings) -> None:
    """Floors a little under today's figures (jobs within one 50/51, employers 148/155, sections 339/341)."""
    score = Score()
    for path, truth in generated_files(GENERATED_SETS["latex"]):
        check_labelled(path.name, truth, parse_resume(read_pdf(path.read_bytes(), settings)), score, split="latex")
    assert score.rate("jobs") >= 0.9
    assert score.rate("employers") >= 0.9
    assert score.rate("sections") >= 0.95
    assert score.rate("name") >= 0.85
    assert score.rate("email") == 1.0


def test_the_linkedin_export_is_read_well(settings) -> None:
    """LinkedIn's "Save to PDF" profile export (sidebar, employer over its tenure and roles, localised labels):
    floors at today's figures (all 21 files right on every field; employers 72/72, sections 125/125)."""
    score = Score()
    for path, truth in generated_files(GENERATED_SETS["linkedin"]):
        check_labelled(path.name, truth, parse_resume(read_pdf(path.read_bytes(), settings)), score, split="linkedin")
    assert score.files >= 21
    for field in ("name", "email", "phone", "sections", "jobs", "employers", "latest_title", "years"):
        assert score.rate(field) == 1.0, field


@pytest.mark.slow
def test_word_processor_resumes_are_read_well(settings) -> None:
    """Resumes set in Word / Google Docs and printed to PDF (tab-stop dates, table sidebars, Symbol-font bullets,
    the name in the page header, the Harvard template, other languages): every field right today, and the job
    count exact (volunteering, guest lecturing and career breaks among the jobs are not jobs), so a regression
    fails."""
    score = Score()
    exact = 0
    files = generated_files(GENERATED_SETS["word"])
    for path, truth in files:
        row = check_labelled(path.name, truth, parse_resume(read_pdf(path.read_bytes(), settings)), score,
                             split="word")
        parsed, wanted = row["jobs"].split("/")
        exact += parsed == wanted
    for field in ("name", "email", "phone", "sections", "jobs", "employers", "latest_title", "years"):
        assert score.rate(field) == 1.0, field
    assert exact == len(files)


@pytest.mark.slow
def test_the_typst_resumes_are_read_well(settings) -> None:
    """rendercv's themes and hand-written Typst templates. Floors one file under today's figures (name 57/57,
    sections 368/371, jobs within one 57/57, employers 160/161, latest title 57/57, years 57/57)."""
    score = Score()
    for path, truth in generated_files(GENERATED_SETS["typst"]):
        check_labelled(path.name, truth, parse_resume(read_pdf(path.read_bytes(), settings)), score, split="typst")
    assert score.counts["jobs"][0] >= 56
    assert score.counts["employers"][0] >= 159
    assert score.counts["sections"][0] >= 367
    assert score.counts["name"][0] >= 56
    assert score.counts["latest_title"][0] >= 56
    assert score.counts["years"][0] >= 56
    assert score.rate("email") == 1.0


def test_an_employer_with_a_bracketed_aside_counts_whether_the_reading_keeps_the_aside_or_not() -> None:
    """The benchmark's employer match: "EdTech (Thailand) Co. Ltd." is found when read as printed and when read
    without its aside, and not when only the aside was read."""
    from benchmarks.resume_accuracy import _employer_match

    truth = "EdTech (Thailand) Co. Ltd."
    assert _employer_match(truth, ["EDTECH (THAILAND) CO. LTD."])
    assert _employer_match(truth, ["EdTech Co. Ltd"])
    assert not _employer_match(truth, ["Thailand"])
