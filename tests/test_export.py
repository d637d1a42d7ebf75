"""Export: Markdown in template order; DOCX and PDF files read back to the same structure; the tailor CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import Settings
from assistant.errors import InputError
from assistant.pdf import unicode_font
from assistant.resume.export import (
    docx_text,
    export,
    pdf_text,
    round_trip_problems,
    structure,
    to_markdown,
    to_pdf,
)
from assistant.resume.models import Resume
from assistant.resume.tailor import tailor_resume
from tests import pdfs
from tests.support.tailor_fixtures import ALL_RESUMES, DIRECTOR, resume_from_text, role_knowledge


@pytest.fixture(scope="module")
def tailored() -> dict[str, Resume]:
    return {name: tailor_resume(resume_from_text(text), role_knowledge()).resume
            for name, text in ALL_RESUMES.items()}


def test_markdown_has_template_ordered_standard_headings(tailored: dict[str, Resume]) -> None:
    md = to_markdown(tailored["director"])
    assert md.startswith("# Priya Raman\n")
    assert [ln for ln in md.splitlines() if ln.startswith("## ")] == [
        "## Executive Summary", "## Experience", "## Skills", "## Education"]
    assert "### Director of Machine Learning Engineering | Northwind Commerce" in md
    assert md.count("\n- ") == sum(len(j.bullets) for j in tailored["director"].experience)


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".md"])
@pytest.mark.parametrize("name", sorted(ALL_RESUMES))
def test_export_round_trips(tailored: dict[str, Resume], tmp_path: Path, name: str, suffix: str) -> None:
    path = export(tailored[name], tmp_path / f"resume{suffix}")
    assert path.stat().st_size > 0
    assert round_trip_problems(tailored[name], path) == []


@pytest.mark.parametrize(("name", "suffix"), [
    ("director", ".pdf"), ("director", ".docx"), ("ic_no_team", ".docx"), ("head_of_ml", ".docx")])
def test_export_parses_back_through_the_resume_parser(
    tailored: dict[str, Resume], tmp_path: Path, settings: Settings, name: str, suffix: str
) -> None:
    parser = pytest.importorskip("assistant.resume.parser")
    from assistant.resume.intake import read_pdf, read_text

    path = export(tailored[name], tmp_path / f"resume{suffix}")
    extracted = read_pdf(path.read_bytes(), settings) if suffix == ".pdf" else read_text(docx_text(path), settings)
    assert structure(parser.parse_resume(extracted)) == structure(tailored[name])


def test_round_trip_detects_a_lost_bullet(tailored: dict[str, Resume], tmp_path: Path) -> None:
    path = export(tailored["director"], tmp_path / "resume.docx")
    changed = tailored["director"].model_copy(deep=True)
    changed.experience[0].bullets.pop()
    assert any(p.startswith("bullets") for p in round_trip_problems(changed, path))


def test_pdf_keeps_non_latin_names_with_a_unicode_font(tmp_path: Path) -> None:
    resume = resume_from_text(DIRECTOR.replace("Priya Raman", "Zoë Łukasiewicz-Núñez"))
    text = pdf_text(to_pdf(resume, tmp_path / "r.pdf"))
    if unicode_font() is None:
        pytest.skip("no DejaVuSans on this machine: core fonts transliterate")
    assert "Zoë Łukasiewicz-Núñez" in text


def test_unknown_suffix_is_an_input_error(tailored: dict[str, Resume], tmp_path: Path) -> None:
    with pytest.raises(InputError):
        export(tailored["director"], tmp_path / "resume.rtf")
    assert list(tmp_path.iterdir()) == []


# --- CLI ------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def resume_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real PDF resume (made by our own exporter from the hand-built director resume)."""
    return to_pdf(resume_from_text(DIRECTOR), tmp_path_factory.mktemp("cli") / "director.pdf")


def test_cli_tailor_writes_the_file_and_json(resume_pdf: Path, tmp_path: Path) -> None:
    pytest.importorskip("assistant.resume.parser")
    out = tmp_path / "tailored.docx"
    result = CliRunner().invoke(app, ["tailor", str(resume_pdf), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["engine"] == "offline" and payload["findings"] == []
    assert payload["tailored_resume"]["sections"][0]["name"] == "summary"
    assert {c["kind"] for c in payload["changes"]} >= {"reorder", "summary", "question"}
    assert all(c["source_lines"] for c in payload["changes"] if c["kind"] in ("question", "reorder")
               and c["id"] != "section-order")
    assert payload["questions_for_candidate"]
    assert "Executive Summary" in docx_text(out)


def test_cli_tailor_human_output(resume_pdf: Path, tmp_path: Path) -> None:
    pytest.importorskip("assistant.resume.parser")
    out = tmp_path / "tailored.md"
    result = CliRunner().invoke(app, ["tailor", str(resume_pdf), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "offline coach" in result.output and "Questions for you" in result.output
    assert out.read_text().startswith("# ")


def test_cli_tailor_says_a_summary_it_did_not_apply_is_only_a_proposal(tmp_path: Path) -> None:
    # The candidate wrote a summary: ours is proposed beside it, never applied, and the output must not read as
    # if the guard had rejected it ("NOT accepted").
    resume = tmp_path / "resume.pdf"
    resume.write_bytes(pdfs.resume_pdf())
    result = CliRunner().invoke(app, ["tailor", str(resume), "--out", str(tmp_path / "tailored.md")])
    assert result.exit_code == 0, result.output
    assert "[summary] summary in summary (proposed only: your own wording is kept" in result.output
    assert "NOT" not in result.output


@pytest.mark.parametrize(("content", "code"), [(b"", "empty_file"), (b"\x89PNG\r\n\x1a\nxxxx", "not_pdf")])
def test_cli_tailor_bad_input_exits_2_and_writes_nothing(tmp_path: Path, content: bytes, code: str) -> None:
    bad = tmp_path / "resume.pdf"
    bad.write_bytes(content)
    out = tmp_path / "out.pdf"
    result = CliRunner().invoke(app, ["tailor", str(bad), "--out", str(out), "--json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["code"] == code
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["resume.pdf"]


def test_cli_tailor_rejects_an_unknown_output_format(resume_pdf: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    result = CliRunner().invoke(app, ["tailor", str(resume_pdf), "--out", str(out)])
    assert result.exit_code == 2 and "Error" in result.output and not out.exists()


@pytest.mark.parametrize("target", ["a folder named like a file", "a name the file system refuses"])
def test_cli_tailor_output_that_cannot_be_written_is_a_clear_error(
    resume_pdf: Path, tmp_path: Path, target: str
) -> None:
    if target == "a folder named like a file":
        out = tmp_path / "tailored.md"
        out.mkdir()
    else:
        out = tmp_path / ("x" * 300 + ".md")  # longer than any file system allows (ENAMETOOLONG)
    result = CliRunner().invoke(app, ["tailor", str(resume_pdf), "--out", str(out), "--json"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "invalid_input" and out.name[:20] in error["message"]
    # nothing half-written beside it, and a folder in the way is left as it was
    assert [p.name for p in tmp_path.iterdir() if p.name != out.name] == []
    if target == "a folder named like a file":
        assert list(out.iterdir()) == []


@pytest.mark.parametrize("suffix", [".pdf", ".md"])
def test_cli_tailor_never_overwrites_the_resume_it_reads(resume_pdf: Path, tmp_path: Path, suffix: str) -> None:
    original = tmp_path / f"my-resume{suffix}"
    if suffix == ".pdf":
        original.write_bytes(resume_pdf.read_bytes())
    else:
        original.write_text(to_markdown(resume_from_text(DIRECTOR)), encoding="utf-8")
    before = original.read_bytes()
    same_file = tmp_path / "." / original.name  # spelt differently, the same file
    result = CliRunner().invoke(app, ["tailor", str(original), "--out", str(same_file), "--json"])
    assert result.exit_code == 2, result.output
    error = json.loads(result.stdout)["error"]
    assert "original" in error["message"] and "my-resume-tailored" in error["message"]
    assert original.read_bytes() == before


def test_a_section_that_only_repeats_the_contact_details_is_left_out_of_the_export() -> None:
    """A profile's contact box read as a section ("+1 206 555 0148 (Mobile)", the profile link, "(LinkedIn)")
    printed again under "Other", below the header that already shows them; a line saying more stays."""
    from assistant.resume.models import ExtractedText
    from assistant.resume.parser import parse_resume

    resume = parse_resume(ExtractedText(text=(
        "Dana Example\ndana@example.org | +1 206 555 0148 | linkedin.com/in/dana-example\nExperience\n"
        "Staff Engineer, Globex Jan 2019 - Present\n• Ran the build farm for 300 engineers\n"
        "Contact\n+1 206 555 0148 (Mobile)\ndana@example.org\nlinkedin.com/in/dana-example\n(LinkedIn)\n"), pages=1))
    assert "## Other" not in to_markdown(resume) and "(Mobile)" not in to_markdown(resume)  # "Contact" is kind other
    kept = resume.model_copy(update={"sections": [*resume.sections[:-1], resume.sections[-1].model_copy(
        update={"lines": [*resume.sections[-1].lines, resume.lines[-1].model_copy(update={"text": "Volunteer mentor"})]})]})
    assert "Volunteer mentor" in to_markdown(kept) and "(LinkedIn)" not in to_markdown(kept)
