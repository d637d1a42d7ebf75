"""Prompts as editable files: load, validate, render, preview, save atomically, reset and diff.

A prompt file is YAML front matter (name, description, declared variables, optional model parameters) and a body.
Bodies are logic-less on purpose: the only construct is `{{ variable }}`, substituted in one pass, so a prompt
edited by a coach (or by anyone who can reach the Prompts page) can never reach attributes or run code, and a
value that itself contains `{{ ... }}` (a resume, an answer) is never expanded.

The set of shipped prompts and the variables each receives is a contract with the features (`CONTRACT`): a file
that declares other variables fails validation instead of failing mid-interview.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from assistant.config import Settings
from assistant.errors import CoachError

NAME_PATTERN = re.compile(r"^[a-z0-9_]+$")
SUFFIX = ".md"
BACKUP_DIR = ".backups"
MODEL_PARAMS: dict[str, type | tuple[type, ...]] = {
    "temperature": (int, float),
    "max_tokens": int,
    "top_p": (int, float),
}

# Prompt names the features render, with exactly these variables (docs/ARCHITECTURE.md).
CONTRACT: dict[str, tuple[str, ...]] = {
    "interviewer_system": ("role_title", "role_summary", "canary"),
    "question_generation": (
        "competency", "competency_description", "knowledge", "bank_question", "resume_claim", "job_description",
        "asked_before",
    ),
    "follow_up": ("question", "answer", "gaps", "knowledge"),
    "answer_evaluation": ("question", "competency", "rubric", "strong_answer", "knowledge", "answer"),
    "final_report": ("role_title", "scores", "transcript_summary", "knowledge"),
    "history_summary": ("previous_summary", "recent_turns"),
    "resume_feedback": ("role_title", "template", "keywords", "job_description", "resume"),
    "resume_tailoring": ("role_title", "template", "job_description", "resume"),
    "json_repair": ("schema", "error", "output"),
    "story_extraction": ("question", "competencies", "answer"),
    "story_bullets": ("story", "patterns"),
    "persona_turn": ("persona_name", "persona_brief", "knowledge", "transcript", "next_beat"),
}

_VARIABLE = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")
_ANY_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPENERS = ("{{", "{%", "{#")
# `{x.__class__}`, `{0[a]}`, `{x!r}`: str.format fields that reach attributes. We never call str.format, but a
# body with such a field is almost surely an attempt (or a mistake) and is refused rather than shipped.
_FORMAT_FIELD = re.compile(r"(?<!\{)\{\s*[A-Za-z_0-9]\w*\s*(?:\.|\[|!)[^{}\n]*\}(?!\})")
_SINGLE_BRACE_NAME = re.compile(r"(?<!\{)\{\s*([a-z_][a-z0-9_]*)\s*\}(?!\})")


class PromptError(CoachError):
    """A prompt cannot be used: invalid file, bad name, or a missing/unknown variable at render time."""

    code = "prompt_invalid"

    def __init__(self, message: str, problems: list[PromptProblem] | None = None, *, code: str | None = None):
        super().__init__(message, code=code)
        self.problems = problems or []


@dataclass(frozen=True)
class PromptProblem:
    """One validation finding, printed as `prompts/x.md line 12: '{{ x.y }}' is not a plain variable`."""

    file: str
    line: int | None
    message: str
    variable: str | None = None

    def __str__(self) -> str:
        where = f"{self.file} line {self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class PromptFile:
    """A loaded, valid prompt."""

    name: str
    description: str
    variables: dict[str, str]
    model: dict[str, Any]
    body: str
    path: Path
    text: str = field(repr=False, default="")

    def render(self, **values: object) -> str:
        return render_body(self.name, self.body, self.variables, values)


def render_body(name: str, body: str, declared: dict[str, str], values: dict[str, object]) -> str:
    """Substitute declared variables in one pass; missing or unknown variables are errors naming them."""
    missing = sorted(set(declared) - set(values))
    unknown = sorted(set(values) - set(declared))
    if missing:
        raise PromptError(f"prompt '{name}' needs variable(s) {', '.join(missing)} but they were not given")
    if unknown:
        raise PromptError(f"prompt '{name}' does not declare variable(s) {', '.join(unknown)}")

    def substitute(match: re.Match[str]) -> str:
        value = values[match.group(1)]
        return "" if value is None else str(value)

    return _VARIABLE.sub(substitute, body)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Return (front matter, body, line number where the body starts) or None when there is no front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return None


def _check_body(body: str, body_start: int, declared: dict[str, str], file: str) -> list[PromptProblem]:
    problems: list[PromptProblem] = []
    used: set[str] = set()

    def line_of(offset: int) -> int:
        return body_start + body.count("\n", 0, offset)

    covered: list[tuple[int, int]] = []
    for match in _ANY_TAG.finditer(body):
        covered.append(match.span())
        token = match.group(0)
        plain = _VARIABLE.fullmatch(token)
        line = line_of(match.start())
        if plain:
            name = plain.group(1)
            used.add(name)
            if name not in declared:
                problems.append(
                    PromptProblem(file, line, f"variable '{name}' is used but not declared in front matter", name)
                )
        elif token.startswith("{{"):
            problems.append(PromptProblem(file, line, f"'{token}' is not a plain variable (only {{{{ name }}}})"))
        else:
            problems.append(PromptProblem(file, line, f"'{token}': template logic and comments are not allowed"))
    for opener in _OPENERS:
        start = 0
        while (index := body.find(opener, start)) != -1:
            start = index + 2
            if not any(a <= index < b for a, b in covered):
                problems.append(PromptProblem(file, line_of(index), f"'{opener}' is never closed"))
    for match in _FORMAT_FIELD.finditer(body):
        problems.append(
            PromptProblem(file, line_of(match.start()), f"'{match.group(0)}' reaches attributes; not allowed")
        )
    for match in _SINGLE_BRACE_NAME.finditer(body):
        if match.group(1) in declared:
            problems.append(
                PromptProblem(
                    file,
                    line_of(match.start()),
                    f"'{match.group(0)}' uses single braces; write {{{{ {match.group(1)} }}}}",
                    match.group(1),
                )
            )
    for name in declared:
        if name not in used:
            problems.append(PromptProblem(file, None, f"variable '{name}' is declared but never used", name))
    return problems


def parse_prompt(name: str, text: str, path: Path) -> tuple[PromptFile | None, list[PromptProblem]]:
    """Parse and validate prompt text; returns the prompt (when valid) and every problem found."""
    file = _display(path)
    split = _split_front_matter(text)
    if split is None:
        return None, [PromptProblem(file, 1, "missing front matter: the file must start with '---' and close it")]
    front_text, body, body_start = split
    try:
        front = yaml.safe_load(front_text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        return None, [PromptProblem(file, line, f"front matter is not valid YAML ({getattr(exc, 'problem', exc)})")]
    if not isinstance(front, dict):
        return None, [PromptProblem(file, 2, "front matter must be a mapping of name, description, variables")]

    problems: list[PromptProblem] = []
    allowed = {"name", "description", "variables", "model"}
    for key in sorted(set(front) - allowed):
        problems.append(PromptProblem(file, None, f"unknown front matter key '{key}' (allowed: {sorted(allowed)})"))
    if front.get("name") != name:
        problems.append(PromptProblem(file, None, f"front matter name must be '{name}' (the file name)"))
    description = front.get("description")
    if not isinstance(description, str) or not description.strip():
        problems.append(PromptProblem(file, None, "front matter needs a non-empty 'description'"))
        description = ""
    variables = front.get("variables") or {}
    if not isinstance(variables, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in variables.items()
    ):
        problems.append(PromptProblem(file, None, "'variables' must map each variable name to a description"))
        variables = {}
    for var in variables:
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", var):
            problems.append(PromptProblem(file, None, f"variable name '{var}' must be lower_snake_case", var))
    model = front.get("model") or {}
    if not isinstance(model, dict):
        problems.append(PromptProblem(file, None, "'model' must be a mapping like {temperature: 0.2}"))
        model = {}
    for key, value in model.items():
        expected = MODEL_PARAMS.get(key)
        if expected is None:
            problems.append(PromptProblem(file, None, f"unknown model parameter '{key}' (allowed: {sorted(MODEL_PARAMS)})"))
        elif isinstance(value, bool) or not isinstance(value, expected):
            problems.append(PromptProblem(file, None, f"model parameter '{key}' must be a number"))
    if name in CONTRACT:
        expected_vars = set(CONTRACT[name])
        for var in sorted(expected_vars - set(variables)):
            problems.append(PromptProblem(file, None, f"must declare variable '{var}' (the features pass it)", var))
        for var in sorted(set(variables) - expected_vars):
            problems.append(
                PromptProblem(file, None, f"variable '{var}' is never passed by the features; remove it", var)
            )
    problems.extend(_check_body(body, body_start, variables, file))
    if problems:
        return None, problems
    prompt = PromptFile(
        name=name,
        description=description.strip(),
        variables=dict(variables),
        model=dict(model),
        body=body.strip("\n") + "\n",
        path=path,
        text=text,
    )
    return prompt, []


class PromptLibrary:
    """The prompts folder as an API (used by the features, the CLI and the Prompts page).

    `get` re-reads a file whenever its modification time or size changes, so an edit applies on the next call.
    """

    def __init__(self, prompts_dir: Path, defaults_dir: Path | None = None) -> None:
        self.prompts_dir = Path(prompts_dir)
        self.defaults_dir = Path(defaults_dir) if defaults_dir is not None else None
        self._cache: dict[str, tuple[tuple[int, int], PromptFile]] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> PromptLibrary:
        return cls(settings.assistant_prompts_dir, settings.prompts_default_dir)

    # --- names and paths ------------------------------------------------------------------------------------
    def path_for(self, name: str, *, folder: Path | None = None) -> Path:
        """The file of prompt `name`; refuses any name that is not lower_snake_case or leaves the folder."""
        base = (folder or self.prompts_dir).resolve()
        if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
            raise PromptError(
                f"'{name}' is not a prompt name: use lowercase letters, digits and underscores only",
                code="invalid_prompt_name",
            )
        path = (base / f"{name}{SUFFIX}").resolve()
        if path.parent != base:
            raise PromptError(f"'{name}' resolves outside the prompts folder", code="invalid_prompt_name")
        return path

    def names(self) -> list[str]:
        if not self.prompts_dir.is_dir():
            return []
        return sorted(p.stem for p in self.prompts_dir.glob(f"*{SUFFIX}") if NAME_PATTERN.fullmatch(p.stem))

    # --- reading ---------------------------------------------------------------------------------------------
    def read_text(self, name: str) -> str:
        path = self.path_for(name)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise PromptError(f"no prompt named '{name}' in {_display(self.prompts_dir)}", code="prompt_missing") from None

    def get(self, name: str) -> PromptFile:
        """The current, valid prompt; raises `PromptError` listing every problem when the file is invalid."""
        path = self.path_for(name)
        try:
            stat = path.stat()
        except FileNotFoundError:
            raise PromptError(f"no prompt named '{name}' in {_display(self.prompts_dir)}", code="prompt_missing") from None
        key = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            cached = self._cache.get(name)
            if cached is not None and cached[0] == key:
                return cached[1]
        prompt, problems = parse_prompt(name, path.read_text(encoding="utf-8"), path)
        if prompt is None:
            raise PromptError("; ".join(str(p) for p in problems), problems)
        with self._lock:
            self._cache[name] = (key, prompt)
        return prompt

    def render(self, name: str, **values: object) -> str:
        return self.get(name).render(**values)

    # --- validating and previewing drafts --------------------------------------------------------------------
    def validate_text(self, name: str, text: str) -> list[PromptProblem]:
        _, problems = parse_prompt(name, text, self.path_for(name))
        return problems

    def check_all(self) -> list[PromptProblem]:
        """Every problem in the folder, including shipped prompts that are missing."""
        problems: list[PromptProblem] = []
        present = set(self.names())
        for name in sorted(present):
            path = self.path_for(name)
            problems.extend(parse_prompt(name, path.read_text(encoding="utf-8"), path)[1])
        for name in sorted(set(CONTRACT) - present):
            problems.append(PromptProblem(_display(self.prompts_dir / f"{name}{SUFFIX}"), None, "file is missing"))
        return problems

    def preview(self, name: str, text: str, sample_vars: dict[str, object] | None = None) -> str:
        """Render a draft (not yet saved) with sample inputs; invalid drafts raise `PromptError`."""
        prompt, problems = parse_prompt(name, text, self.path_for(name))
        if prompt is None:
            raise PromptError("; ".join(str(p) for p in problems), problems)
        values = {**sample_variables(name, prompt.variables), **(sample_vars or {})}
        return prompt.render(**{k: v for k, v in values.items() if k in prompt.variables})

    # --- writing ---------------------------------------------------------------------------------------------
    def save(self, name: str, text: str) -> PromptFile:
        """Validate, back up the current file, then write atomically (temp file, fsync, os.replace).

        An invalid draft raises `PromptError` and leaves the file untouched.
        """
        path = self.path_for(name)
        prompt, problems = parse_prompt(name, text, path)
        if prompt is None:
            raise PromptError("; ".join(str(p) for p in problems), problems)
        with self._lock:
            self.prompts_dir.mkdir(parents=True, exist_ok=True)
            if path.exists():
                self._backup(name, path)
            _atomic_write(path, text)
            self._cache.pop(name, None)
        return self.get(name)

    def _backup(self, name: str, path: Path) -> Path:
        backups = self.prompts_dir / BACKUP_DIR
        backups.mkdir(exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = backups / f"{name}.{stamp}{SUFFIX}"
        _atomic_write(target, path.read_text(encoding="utf-8"))
        return target

    def backups(self, name: str) -> list[Path]:
        self.path_for(name)
        return sorted((self.prompts_dir / BACKUP_DIR).glob(f"{name}.*{SUFFIX}"))

    def default_text(self, name: str) -> str:
        if self.defaults_dir is None:
            raise PromptError("no folder of shipped defaults is configured", code="prompt_missing")
        path = self.path_for(name, folder=self.defaults_dir)
        if not path.is_file():
            raise PromptError(f"'{name}' has no shipped default", code="prompt_missing")
        return path.read_text(encoding="utf-8")

    def reset(self, name: str) -> PromptFile:
        """Restore the shipped default (the current file is backed up first)."""
        return self.save(name, self.default_text(name))

    def diff(self, name: str) -> str:
        """Unified diff from the shipped default to the current file ('' when unchanged)."""
        default = self.default_text(name).splitlines(keepends=True)
        current = self.read_text(name).splitlines(keepends=True)
        return "".join(
            difflib.unified_diff(default, current, fromfile=f"default/{name}{SUFFIX}", tofile=f"{name}{SUFFIX}")
        )


def _atomic_write(path: Path, text: str) -> None:
    """Write a whole file or nothing: a crash mid-save leaves the previous version in place."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable (not supported everywhere)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


_SAMPLES: dict[str, str] = {
    "role_title": "Director of Machine Learning Engineering",
    "role_summary": (
        "Leads the ML engineering organisation: owns the ML platform and production models, hires and grows "
        "managers and engineers, and turns business strategy into an ML roadmap with measurable outcomes."
    ),
    "canary": "cnry-0123456789abcdef",
    "competency": "people_leadership",
    "competency_description": "Hiring, growing and retaining ML engineers and managers; building a healthy team.",
    "knowledge": (
        "[rubric.yaml › People leadership] Level 5: has built teams of managers, runs calibrated performance "
        "reviews, grows leaders from within."
    ),
    "bank_question": "Tell me about a time you had to rebuild a struggling ML team.",
    "resume_claim": "Grew the ML platform team from 4 to 18 engineers across two sites.",
    "job_description": "We are hiring a Director of ML Engineering to lead 30 engineers across platform and applied ML.",
    "asked_before": "- Walk me through your ML platform strategy.",
    "question": "Tell me about a time you had to rebuild a struggling ML team.",
    "answer": (
        "In 2022 I took over a team of six with two open regrettable-attrition cases. I met each engineer, "
        "rewrote the on-call rota and hired two seniors; attrition went to zero within a year."
    ),
    "gaps": "no_numbers, no_outcome",
    "rubric": "1: no example. 3: a real example with own actions. 5: org-level change with measured outcomes.",
    "strong_answer": "- diagnosis of the problem\n- own actions as the leader\n- measured outcome\n- what they learned",
    "scores": "people_leadership: 4/5\nml_platform: 3/5\nstrategy: 3/5",
    "transcript_summary": "Q1 (people leadership): rebuilt a team of six; clear actions, outcome stated.",
    "previous_summary": "The candidate described rebuilding a team of six and cutting attrition to zero.",
    "recent_turns": "Interviewer: How did you measure platform adoption?\nCandidate: Weekly active model owners.",
    "template": "Executive summary; leadership scope; platform impact; hiring; stakeholder outcomes.",
    "keywords": "present: MLOps, hiring; missing: model governance, budget ownership",
    "resume": "Jane Doe\nHead of ML, Acme Corp (2019-2024)\n- Grew the ML platform team from 4 to 18 engineers.",
    "schema": '{"type": "object", "properties": {"score": {"type": "integer", "minimum": 1, "maximum": 5}}}',
    "error": "score: Input should be less than or equal to 5",
    "output": '{"score": 9}',
    "competencies": "- people_leadership: People leadership and development\n- ml_platform: ML platform",
    "story": "situation: At Acme I led a 40-person ML platform org.\nresult: infra cost dropped 22% in two quarters.",
    "patterns": "- platform_impact: <action> the <platform>, <result with number> (e.g. Built ... cutting ...)",
    "persona_name": "Dana Whitfield, CFO",
    "persona_brief": "Owns the budget; wants the ML platform's return on investment in dollars and a payback date.",
    "transcript": "Dana (CFO): What did the platform return on its $4M last year?\nCandidate: (reply)",
    "next_beat": "Ask what would be cut first if the budget fell by 20 percent.",
}


def sample_variables(name: str, declared: dict[str, str] | None = None) -> dict[str, str]:
    """Plausible inputs for previewing prompt `name` (any declared variable without a sample gets a placeholder)."""
    names = list(declared) if declared is not None else list(CONTRACT.get(name, ()))
    return {var: _SAMPLES.get(var, f"<sample {var.replace('_', ' ')}>") for var in names}
