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
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from assistant.config import Settings
from assistant.errors import CoachError
from assistant.llm.errors import LLMError

NAME_PATTERN = re.compile(r"^[a-z0-9_]+$")
SUFFIX = ".md"
BACKUP_DIR = ".backups"
# A prompt file is instructions, not data: the shipped ones are 1-3 KB. 64 KB (about 16,000 tokens) leaves room for
# long edits while refusing a file that would be sent whole and blow a session's token budget in one call.
MAX_PROMPT_BYTES = 64 * 1024
MODEL_PARAMS: dict[str, type[int] | tuple[type[int], type[float]]] = {
    "temperature": (int, float),
    "max_tokens": int,
    "top_p": (int, float),
}
# Allowed ranges (inclusive) of the model parameters.
MODEL_PARAM_RANGES: dict[str, tuple[float, float]] = {
    "temperature": (0.0, 2.0),
    "max_tokens": (1, 32_768),
    "top_p": (0.0, 1.0),
}
# Every shipped prompt declares these, so each request it makes carries them (the client applies them per call).
REQUIRED_MODEL_PARAMS = ("temperature", "max_tokens")

# Prompt names the features render, with exactly these variables (docs/ARCHITECTURE.md).
CONTRACT: dict[str, tuple[str, ...]] = {
    "interviewer_system": ("role_title", "role_summary", "canary"),
    "question_generation": (
        "competency", "competency_description", "knowledge", "bank_question", "resume_claim", "job_description",
        "asked_before",
    ),
    "follow_up": ("question", "answer", "gaps", "knowledge"),
    "answer_evaluation": ("question", "competency", "rubric", "strong_answer", "knowledge", "answer", "red_flags"),
    "final_report": ("role_title", "scores", "transcript_summary", "knowledge"),
    "history_summary": ("previous_summary", "recent_turns"),
    "resume_feedback": ("role_title", "template", "keywords", "job_description", "resume"),
    "resume_tailoring": ("role_title", "template", "job_description", "resume"),
    "resume_extraction": ("resume",),
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


class PromptUnusable(PromptError, LLMError):
    """The prompt a model call needs cannot be loaded or rendered (missing, unreadable, too large, invalid).

    It is also an `LLMError`, so every feature that falls back to the offline coach when a model call fails does so
    here too: a broken prompt file costs the LLM's wording for that turn, never the interview.
    """

    code = "prompt_invalid"


def read_prompt_file(path: Path) -> str:
    """A prompt file's text, or a `PromptUnusable` saying plainly why not (and that reset fixes it).

    Checked before reading: a folder where the file should be, and the size cap (a huge file is never read into
    memory). Then the text must be UTF-8.
    """
    shown = _display(path)
    fix = "Fix it, or reset the prompt to its default (Prompts page, or `assistant prompts reset`)."
    try:
        if path.is_dir():
            raise PromptUnusable(f"{shown} is a folder, not a prompt file. {fix}", code="prompt_unreadable")
        size = path.stat().st_size
        if size > MAX_PROMPT_BYTES:
            raise PromptUnusable(
                f"{shown} is {_size(size)}; prompt files are limited to {_size(MAX_PROMPT_BYTES)} "
                f"(about {MAX_PROMPT_BYTES // 4:,} tokens), so it is not sent to the model. {fix}",
                code="prompt_too_large",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise PromptUnusable(f"no prompt file {shown}", code="prompt_missing") from None
    except OSError as exc:
        raise PromptUnusable(
            f"{shown} cannot be read ({exc.strerror or type(exc).__name__}). {fix}", code="prompt_unreadable"
        ) from None
    try:
        # A byte-order mark (Windows editors add one) is not part of the text: the file still starts with '---'.
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise PromptUnusable(
            f"{shown} is not UTF-8 text (byte 0x{data[exc.start]:02x} at position {exc.start:,}); save it as "
            f"UTF-8. {fix}",
            code="prompt_unreadable",
        ) from None


def _size(n: int) -> str:
    return f"{n / 1048576:.1f} MB" if n >= 1048576 else f"{n / 1024:.0f} KB"


@dataclass(frozen=True)
class PromptProblem:
    """One validation finding, printed as `prompts/x.md line 12: '{{ x.y }}' is not a plain variable`.

    `code` is "invalid" for content problems, or the `PromptUnusable` code when the file cannot even be read."""

    file: str
    line: int | None
    message: str
    variable: str | None = None
    code: str = "invalid"

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
    split = _split_front_matter(text.removeprefix("\ufeff"))
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
            kind = "a whole number" if expected is int else "a number"
            problems.append(PromptProblem(file, None, f"model parameter '{key}' must be {kind}"))
        else:
            low, high = MODEL_PARAM_RANGES[key]
            if not low <= value <= high:
                problems.append(PromptProblem(file, None, f"model parameter '{key}' must be between {low:g} and {high:g}"))
    if name in CONTRACT:
        for key in REQUIRED_MODEL_PARAMS:
            if key not in model:
                problems.append(PromptProblem(file, None, f"must declare model parameter '{key}' (model: {{{key}: ...}})"))
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
        if not path.exists():
            raise PromptUnusable(f"no prompt named '{name}' in {_display(self.prompts_dir)}", code="prompt_missing")
        return read_prompt_file(path)

    def get(self, name: str) -> PromptFile:
        """The current, valid prompt; raises `PromptError` listing every problem when the file is invalid."""
        path = self.path_for(name)
        try:
            stat = path.stat()
        except FileNotFoundError:
            raise PromptUnusable(
                f"no prompt named '{name}' in {_display(self.prompts_dir)}", code="prompt_missing"
            ) from None
        except OSError as exc:
            raise PromptUnusable(f"{_display(path)} cannot be read ({exc.strerror})", code="prompt_unreadable") from None
        key = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            cached = self._cache.get(name)
            if cached is not None and cached[0] == key:
                return cached[1]
        prompt, problems = parse_prompt(name, read_prompt_file(path), path)
        if prompt is None:
            raise PromptUnusable("; ".join(str(p) for p in problems), problems)
        with self._lock:
            self._cache[name] = (key, prompt)
        return prompt

    def render(self, name: str, **values: object) -> str:
        prompt = self.get(name)
        try:
            return prompt.render(**values)
        except PromptUnusable:
            raise
        except PromptError as exc:  # a variable the feature did not pass: this call cannot be made
            raise PromptUnusable(exc.message, exc.problems) from None

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
            try:
                text = read_prompt_file(path)
            except PromptError as exc:
                problems.append(PromptProblem(_display(path), None, exc.message, code=exc.code))
                continue
            problems.extend(parse_prompt(name, text, path)[1])
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
        if len(text.encode("utf-8")) > MAX_PROMPT_BYTES:
            raise PromptError(
                f"the edit is {_size(len(text.encode('utf-8')))}; prompt files are limited to "
                f"{_size(MAX_PROMPT_BYTES)}. Nothing was saved.",
                code="prompt_too_large",
            )
        with self._lock:
            try:
                self.prompts_dir.mkdir(parents=True, exist_ok=True)
                if path.exists():
                    self._backup(name, path)
                _atomic_write(path, text)
            except OSError as exc:
                raise PromptError(
                    f"could not write {_display(path)} ({exc.strerror or type(exc).__name__}); the previous "
                    "version is unchanged or kept in prompts/.backups.",
                    code="prompt_unwritable",
                ) from None
            self._cache.pop(name, None)
        return self.get(name)

    def _backup(self, name: str, path: Path) -> Path:
        """Keep the current file before it is replaced, whatever state it is in: bytes are copied as they are (a
        non-UTF-8 or oversized file included), and a folder in the file's place is moved aside whole."""
        backups = self.prompts_dir / BACKUP_DIR
        backups.mkdir(exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        if path.is_dir():
            target = backups / f"{name}.{stamp}{SUFFIX}.folder"
            os.replace(path, target)
            return target
        target = backups / f"{name}.{stamp}{SUFFIX}"
        tmp = target.with_name(f".{target.name}.tmp")
        shutil.copyfile(path, tmp)
        os.replace(tmp, target)
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
        return read_prompt_file(path)

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
    "red_flags": '- Blaming others instead of owning the outcome: "The outage was entirely the vendor\'s fault." (Directors '
    "own outcomes and fix systems, not culprits.)",
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
