"""Prompt files: every shipped file loads and renders; templates are logic-less; saves are atomic and validated."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from assistant.config import REPO_ROOT
from assistant.prompting import CONTRACT, PromptError, PromptLibrary, sample_variables

SHIPPED = REPO_ROOT / "prompts"
SHIPPED_NAMES = sorted(p.stem for p in SHIPPED.glob("*.md"))


@pytest.fixture
def library(tmp_path: Path) -> PromptLibrary:
    """An editable copy of the shipped prompts, with the shipped folder as defaults."""
    folder = tmp_path / "prompts"
    shutil.copytree(SHIPPED, folder)
    return PromptLibrary(folder, SHIPPED)


def _with_body_line(library: PromptLibrary, name: str, line: str) -> str:
    return library.read_text(name) + line + "\n"


def test_every_contract_prompt_ships_and_nothing_else() -> None:
    assert sorted(CONTRACT) == SHIPPED_NAMES


@pytest.mark.parametrize("name", SHIPPED_NAMES)
def test_shipped_prompt_loads_and_renders_every_variable(name: str) -> None:
    library = PromptLibrary(SHIPPED, SHIPPED)
    prompt = library.get(name)
    assert prompt.description and prompt.body.strip()
    assert set(prompt.variables) == set(CONTRACT[name]), "features render exactly the contract's variables"
    assert all(desc.strip() for desc in prompt.variables.values()), "every variable is described"
    values = {var: f"<<value of {var}>>" for var in prompt.variables}
    rendered = library.render(name, **values)
    for var in prompt.variables:
        assert f"<<value of {var}>>" in rendered
    assert "{{" not in rendered and "}}" not in rendered


@pytest.mark.parametrize("name", SHIPPED_NAMES)
def test_preview_with_sample_variables(name: str) -> None:
    library = PromptLibrary(SHIPPED, SHIPPED)
    samples = sample_variables(name)
    assert set(samples) == set(CONTRACT[name])
    assert all(value and not value.startswith("<sample") for value in samples.values())
    assert samples[CONTRACT[name][0]] in library.preview(name, library.read_text(name))


def test_evaluation_and_resume_prompts_forbid_invention() -> None:
    library = PromptLibrary(SHIPPED, SHIPPED)
    evaluation = library.get("answer_evaluation").body.lower()
    assert "quote" in evaluation and "invent" in evaluation
    for name in ("resume_feedback", "resume_tailoring"):
        body = library.get(name).body.lower()
        for word in ("invent", "number", "employer", "title", "credential"):
            assert word in body, f"{name} must forbid inventing a {word}"


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("{{ ''.__class__.__mro__ }}", "is not a plain variable"),
        ("{{x.__class__}}", "is not a plain variable"),
        ("{{ answer | upper }}", "is not a plain variable"),
        ("{{ answer() }}", "is not a plain variable"),
        ("{% for x in answer %}x{% endfor %}", "template logic"),
        ("{# a comment #}", "template logic"),
        ("{answer.__class__}", "reaches attributes"),
        ("{answer}", "single braces"),
        ("{{ answer", "never closed"),
    ],
)
def test_template_constructs_beyond_plain_variables_are_rejected_with_line(
    library: PromptLibrary, payload: str, expected: str
) -> None:
    text = _with_body_line(library, "follow_up", payload)
    problems = library.validate_text("follow_up", text)
    assert problems, f"{payload!r} must be rejected"
    matching = [p for p in problems if expected in p.message]
    assert matching, [str(p) for p in problems]
    assert matching[0].line == len(text.splitlines()), "the problem names the line it is on"
    assert "follow_up.md line" in str(matching[0])


def test_problem_message_names_file_line_and_construct(library: PromptLibrary) -> None:
    text = _with_body_line(library, "follow_up", "{{ ''.__class__ }}")
    [problem] = library.validate_text("follow_up", text)
    assert str(problem).endswith(f"follow_up.md line {len(text.splitlines())}: '{{{{ ''.__class__ }}}}' is not "
                                 "a plain variable (only {{ name }})")


def test_undeclared_unused_and_contract_variables_are_named(library: PromptLibrary) -> None:
    undeclared = library.validate_text("follow_up", _with_body_line(library, "follow_up", "{{ salary }}"))
    assert [p.variable for p in undeclared] == ["salary"]
    assert "not declared" in undeclared[0].message

    text = library.read_text("follow_up").replace("{{ gaps }}", "(gaps)")
    unused = library.validate_text("follow_up", text)
    assert [(p.variable, "never used" in p.message) for p in unused] == [("gaps", True)]

    dropped = text.replace("  gaps: What the answer lacks", "  old_gaps: What the answer lacks")
    messages = [str(p) for p in library.validate_text("follow_up", dropped)]
    assert any("must declare variable 'gaps'" in m for m in messages)
    assert any("'old_gaps' is never passed" in m for m in messages)


def test_front_matter_errors_are_reported(library: PromptLibrary) -> None:
    assert "missing front matter" in library.validate_text("follow_up", "just a body\n")[0].message
    broken = "---\nname: follow_up\nvariables: [unclosed\n---\nbody\n"
    assert "not valid YAML" in library.validate_text("follow_up", broken)[0].message
    wrong = library.read_text("follow_up").replace("name: follow_up", "name: other").replace(
        "max_tokens: 200", "max_tokens: 200\n  seed: 1"
    )
    messages = " | ".join(str(p) for p in library.validate_text("follow_up", wrong))
    assert "name must be 'follow_up'" in messages and "unknown model parameter 'seed'" in messages


def test_render_requires_exactly_the_declared_variables(library: PromptLibrary) -> None:
    values = sample_variables("follow_up")
    with pytest.raises(PromptError, match="gaps"):
        library.render("follow_up", **{k: v for k, v in values.items() if k != "gaps"})
    with pytest.raises(PromptError, match="salary"):
        library.render("follow_up", **values, salary="1")


def test_values_are_inserted_verbatim_never_expanded(library: PromptLibrary) -> None:
    values = sample_variables("follow_up") | {"answer": "{{ gaps }} and {{ ''.__class__ }}"}
    rendered = library.render("follow_up", **values)
    assert "{{ gaps }} and {{ ''.__class__ }}" in rendered


def test_model_parameters_come_from_front_matter(library: PromptLibrary) -> None:
    assert library.get("answer_evaluation").model["temperature"] == 0.0


def test_save_writes_atomically_and_keeps_a_backup(library: PromptLibrary) -> None:
    path = library.path_for("follow_up")
    before = path.read_text(encoding="utf-8")
    edited = before.replace("One question, one sentence", "One short question")
    library.save("follow_up", edited)
    assert path.read_text(encoding="utf-8") == edited
    [backup] = library.backups("follow_up")
    assert backup.parent == library.prompts_dir / ".backups"
    assert backup.read_text(encoding="utf-8") == before
    assert [p.name for p in library.prompts_dir.iterdir() if p.name.endswith(".tmp")] == []
    assert "One short question" in library.render("follow_up", **sample_variables("follow_up"))


def test_invalid_save_leaves_the_file_untouched(library: PromptLibrary) -> None:
    path = library.path_for("follow_up")
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    with pytest.raises(PromptError, match="is not a plain variable") as caught:
        library.save("follow_up", _with_body_line(library, "follow_up", "{{ ''.__class__.__mro__ }}"))
    assert caught.value.problems
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime
    assert library.backups("follow_up") == []


@pytest.mark.parametrize(
    "name", ["../.streamlit/secrets.toml", "../follow_up", "/etc/passwd", "Follow_Up", "a.b", "", "x/../y"]
)
def test_names_that_could_leave_the_folder_are_refused(library: PromptLibrary, name: str) -> None:
    with pytest.raises(PromptError) as caught:
        library.save(name, library.read_text("follow_up"))
    assert caught.value.code == "invalid_prompt_name"
    with pytest.raises(PromptError):
        library.get(name)


def test_edits_on_disk_apply_on_next_call_without_restart(library: PromptLibrary) -> None:
    values = sample_variables("follow_up")
    assert "FRESH MARKER" not in library.render("follow_up", **values)
    path = library.path_for("follow_up")
    path.write_text(path.read_text(encoding="utf-8") + "FRESH MARKER\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # coarse clocks: force a new mtime
    assert "FRESH MARKER" in library.render("follow_up", **values)


def test_a_file_saved_with_a_byte_order_mark_still_loads(library: PromptLibrary) -> None:
    """Windows editors save UTF-8 with a BOM; the file still visibly starts with '---', so "missing front matter"
    would send the coach looking for a problem they cannot see."""
    path = library.path_for("follow_up")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert library.check_all() == []
    rendered = library.render("follow_up", **sample_variables("follow_up"))
    assert not rendered.startswith("\ufeff") and "---" not in rendered.splitlines()[0]
    pasted = "\ufeff" + library.default_text("follow_up")
    assert library.validate_text("follow_up", pasted) == []


def test_a_file_broken_on_disk_raises_naming_the_problem(library: PromptLibrary) -> None:
    path = library.path_for("follow_up")
    path.write_text(path.read_text(encoding="utf-8") + "{{ secret }}\n", encoding="utf-8")
    with pytest.raises(PromptError, match="variable 'secret' is used but not declared"):
        library.get("follow_up")


def test_reset_restores_default_and_diff_shows_the_edit(library: PromptLibrary) -> None:
    original = library.read_text("follow_up")
    assert library.diff("follow_up") == ""
    library.save("follow_up", original.replace("neutral and encouraging", "brisk"))
    diff_lines = library.diff("follow_up").splitlines()
    assert diff_lines[:2] == ["--- default/follow_up.md", "+++ follow_up.md"]
    assert "-- One question, one sentence, in a neutral and encouraging tone." in diff_lines
    assert "+- One question, one sentence, in a brisk tone." in diff_lines
    library.reset("follow_up")
    assert library.read_text("follow_up") == original
    assert library.diff("follow_up") == ""
    assert len(library.backups("follow_up")) == 2


def test_check_all_reports_missing_files(library: PromptLibrary) -> None:
    library.path_for("json_repair").unlink()
    [problem] = library.check_all()
    assert "json_repair.md" in problem.file and "missing" in problem.message
