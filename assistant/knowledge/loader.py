"""Load a role folder (five YAML files) into a validated `RoleKnowledge`.

Knowledge files are edited by hand (a career coach tunes the rubric, adds questions), so every failure has to say
exactly where to look: the file, the field path inside it (``competencies[2].levels``) and, when the YAML can be
located, the line. Validation is strict (unknown keys, duplicate keys and duplicate ids are errors) because data that
is silently dropped or shadowed is worse than a loud error at load time.

Loaded roles are cached by folder and file modification times: repeated calls cost a few ``stat`` calls, and an
edited file is picked up on the next call without a restart.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from assistant.errors import KnowledgeError
from assistant.knowledge.schema import (
    ExerciseBank,
    QuestionBank,
    ResumeTemplate,
    RoleKnowledge,
    RoleProfile,
    RoleSignals,
    Rubric,
)

__all__ = ["ROLE_FILES", "list_roles", "load_role"]


@dataclass(frozen=True)
class _RoleFile:
    field: str  # the RoleKnowledge field this file fills
    name: str
    model: type[BaseModel]


_FILES: tuple[_RoleFile, ...] = (
    _RoleFile("profile", "profile.yaml", RoleProfile),
    _RoleFile("rubric", "rubric.yaml", Rubric),
    _RoleFile("questions", "questions.yaml", QuestionBank),
    _RoleFile("template", "resume_template.yaml", ResumeTemplate),
    _RoleFile("signals", "signals.yaml", RoleSignals),
)
ROLE_FILES: tuple[str, ...] = tuple(f.name for f in _FILES)
"""The files every role folder must contain."""
# Files a role may add; validated the same way when present.
_OPTIONAL_FILES: tuple[_RoleFile, ...] = (_RoleFile("exercises", "exercises.yaml", ExerciseBank),)

_MAX_ERRORS_SHOWN = 3

_Stamp = tuple[tuple[str, int, int], ...]
_cache: dict[Path, tuple[_Stamp, RoleKnowledge]] = {}
_cache_lock = threading.Lock()


# --- YAML -------------------------------------------------------------------------------------------------------

# The C loader when PyYAML was built with libyaml (much faster), else the pure-Python one; the type checker sees the
# pure-Python class, whose interface the C one shares.
if TYPE_CHECKING:
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):
    """Safe loader that rejects duplicate mapping keys (PyYAML silently keeps the last one)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _parse_yaml(path: Path, label: str) -> tuple[Any, str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(f"{label}: file is missing (expected in {path.parent})") from None
    except UnicodeDecodeError:
        raise KnowledgeError(f"{label}: file is not UTF-8 text") from None
    except OSError as exc:
        raise KnowledgeError(f"{label}: cannot be read ({exc.strerror or exc})") from None
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506  (a SafeLoader subclass)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        problem = exc.problem or exc.context or "invalid YAML"
        raise KnowledgeError(f"{label}: YAML syntax error at {where}: {problem}") from None
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{label}: YAML syntax error: {exc}") from None
    if data is None:
        raise KnowledgeError(f"{label}: file is empty")
    if not isinstance(data, dict):
        raise KnowledgeError(f"{label}: expected a mapping of fields at the top level, found {type(data).__name__}")
    return data, text


def _line_of(text: str, loc: Sequence[str | int]) -> int | None:
    """1-based line of the YAML node at `loc` (or of its deepest existing parent); None if it cannot be found.

    Only called on the error path, so composing the document a second time costs nothing in normal use.
    """
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=_BaseLoader)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    line: int | None = None  # a field missing at the top level has no useful line
    for part in loc:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if str(key_node.value) == str(part):
                    # An unknown key is best pointed at by the key itself; a bad value by its value.
                    child = value_node
                    line = key_node.start_mark.line + 1
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            child = node.value[part]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line


# --- messages ---------------------------------------------------------------------------------------------------


def _field_path(loc: Iterable[str | int]) -> str:
    """``('competencies', 2, 'levels')`` -> ``competencies[2].levels`` (the way people read YAML)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part == "[key]":
            out += " (key)"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def _plain_message(error: ErrorDetails) -> str:
    kind = error.get("type")
    if kind == "extra_forbidden":
        return "unknown field (check the spelling; see assistant/knowledge/schema.py for allowed fields)"
    if kind == "missing":
        return "required field is missing"
    message = str(error.get("msg", "invalid value"))
    return message.removeprefix("Value error, ")


def _validation_message(label: str, text: str, exc: ValidationError) -> str:
    errors = exc.errors()
    parts = []
    for error in errors[:_MAX_ERRORS_SHOWN]:
        loc = error.get("loc", ())
        line = _line_of(text, loc)
        suffix = f" (line {line})" if line else ""
        parts.append(f"{label}: {_field_path(loc)}: {_plain_message(error)}{suffix}")
    more = len(errors) - _MAX_ERRORS_SHOWN
    if more > 0:
        parts.append(f"... and {more} more problem{'s' if more > 1 else ''} in {label}")
    return "; ".join(parts)


# --- cross-file checks ------------------------------------------------------------------------------------------


def _check_consistency(role_name: str, parsed: dict[str, BaseModel], texts: dict[str, str]) -> None:
    """Checks a single file cannot express: agreeing role names, unique item ids, questions on known competencies.

    Item ids must be unique across the whole role because retrieval chunks and evaluations refer to them alone.
    """
    profile = parsed["profile"]
    rubric = parsed["rubric"]
    bank = parsed["questions"]
    template = parsed["template"]
    signals = parsed["signals"]
    assert isinstance(profile, RoleProfile) and isinstance(rubric, Rubric)
    assert isinstance(bank, QuestionBank) and isinstance(template, ResumeTemplate)
    assert isinstance(signals, RoleSignals)

    def fail(f: _RoleFile, loc: tuple[str | int, ...], message: str) -> None:
        label = f"{role_name}/{f.name}"
        line = _line_of(texts[f.field], loc)
        suffix = f" (line {line})" if line else ""
        raise KnowledgeError(f"{label}: {_field_path(loc)}: {message}{suffix}")

    by_field = {f.field: f for f in _FILES}
    for field, model in (("rubric", rubric), ("questions", bank), ("template", template), ("signals", signals)):
        if model.role != profile.role:
            fail(by_field[field], ("role",), f"role {model.role!r} does not match profile.yaml's role {profile.role!r}")

    seen: dict[str, str] = {}

    def claim(item_id: str, f: _RoleFile, loc: tuple[str | int, ...]) -> None:
        if item_id in seen:
            fail(f, loc, f"duplicate id {item_id!r} (already used in {seen[item_id]})")
        seen[item_id] = f.name

    for i, section in enumerate(profile.sections):
        claim(section.id, by_field["profile"], ("sections", i, "id"))
    for i, competency in enumerate(rubric.competencies):
        claim(competency.id, by_field["rubric"], ("competencies", i, "id"))
    for i, question in enumerate(bank.questions):
        claim(question.id, by_field["questions"], ("questions", i, "id"))
    for i, flag in enumerate(signals.red_flags):
        claim(flag.id, by_field["signals"], ("red_flags", i, "id"))

    known = [c.id for c in rubric.competencies]
    for i, question in enumerate(bank.questions):
        if question.competency not in known:
            fail(
                by_field["questions"],
                ("questions", i, "competency"),
                f"unknown competency {question.competency!r} (rubric.yaml defines: {', '.join(known)})",
            )

    themes = [p.theme for p in template.bullet_patterns]
    for i, theme in enumerate(themes):
        if theme in themes[:i]:
            fail(by_field["template"], ("bullet_patterns", i, "theme"), f"theme {theme!r} appears twice")
    if template.scope_theme not in themes:
        fail(by_field["template"], ("scope_theme",),
             f"unknown theme {template.scope_theme!r} (bullet_patterns define: {', '.join(themes)})")
    keywords = {k.lower() for group in template.keywords.values() for k in group}
    for i, keyword in enumerate(template.priority_keywords):
        if keyword.lower() not in keywords:
            fail(by_field["template"], ("priority_keywords", i), f"{keyword!r} is not one of the keywords")

    focuses = rubric.focus_labels
    for i, competency in enumerate(rubric.competencies):
        for j, focus in enumerate(competency.focus):
            if focus not in focuses:
                fail(by_field["rubric"], ("competencies", i, "focus", j),
                     f"unknown focus {focus!r} (focuses define: {', '.join(focuses)})")


# --- public API -------------------------------------------------------------------------------------------------


def _stamp(role_dir: Path) -> _Stamp:
    stamps = []
    for f in (*_FILES, *_OPTIONAL_FILES):
        try:
            st = (role_dir / f.name).stat()
            stamps.append((f.name, st.st_mtime_ns, st.st_size))
        except OSError:
            stamps.append((f.name, -1, -1))
    return tuple(stamps)


def _load_uncached(role_dir: Path) -> RoleKnowledge:
    parsed: dict[str, BaseModel] = {}
    texts: dict[str, str] = {}
    for f in _FILES:
        label = f"{role_dir.name}/{f.name}"
        data, text = _parse_yaml(role_dir / f.name, label)
        texts[f.field] = text
        try:
            parsed[f.field] = f.model.model_validate(data)
        except ValidationError as exc:
            raise KnowledgeError(_validation_message(label, text, exc)) from None
    _check_consistency(role_dir.name, parsed, texts)
    profile = parsed["profile"]
    assert isinstance(profile, RoleProfile)
    for f in _OPTIONAL_FILES:
        if not (role_dir / f.name).is_file():
            continue
        label = f"{role_dir.name}/{f.name}"
        data, text = _parse_yaml(role_dir / f.name, label)
        try:
            model = f.model.model_validate(data)
        except ValidationError as exc:
            raise KnowledgeError(_validation_message(label, text, exc)) from None
        if getattr(model, "role", profile.role) != profile.role:
            raise KnowledgeError(f"{label}: role: role {getattr(model, 'role', '')!r} does not match profile.yaml's "
                                 f"role {profile.role!r}")
        parsed[f.field] = model
    assert isinstance(profile, RoleProfile)
    try:
        return RoleKnowledge(role=profile.role, **parsed)
    except ValidationError as exc:  # the schema's own cross-checks, in case they grow beyond ours
        raise KnowledgeError(f"{role_dir.name}: {_plain_message(exc.errors()[0])}") from None


def load_role(role_dir: Path) -> RoleKnowledge:
    """Load and validate one role folder (`profile.yaml`, `rubric.yaml`, `questions.yaml`, `resume_template.yaml`,
    `signals.yaml`).

    Raises `KnowledgeError` naming the file, the field path and (when known) the line of the first problems.
    The result is cached until one of the files changes (mtime or size).
    """
    role_dir = Path(role_dir).expanduser().resolve()
    if not role_dir.is_dir():
        hint = ""
        if role_dir.parent.is_dir():
            available = list_roles(role_dir.parent)
            hint = f" (available roles: {', '.join(available)})" if available else ""
        raise KnowledgeError(f"role folder not found: {role_dir}{hint}")
    stamp = _stamp(role_dir)
    with _cache_lock:
        cached = _cache.get(role_dir)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    knowledge = _load_uncached(role_dir)
    with _cache_lock:
        _cache[role_dir] = (stamp, knowledge)
    return knowledge


def list_roles(knowledge_dir: Path) -> list[str]:
    """Names of the role folders under `knowledge_dir` (a folder holding any role file), sorted.

    Listing does not validate: a half-written role still shows up, and `load_role` then says what is wrong with it.
    """
    knowledge_dir = Path(knowledge_dir).expanduser()
    if not knowledge_dir.is_dir():
        raise KnowledgeError(f"knowledge folder not found: {knowledge_dir}")
    return sorted(
        child.name
        for child in knowledge_dir.iterdir()
        if child.is_dir()
        and not child.name.startswith((".", "_"))
        and any((child / name).is_file() for name in ROLE_FILES)
    )
