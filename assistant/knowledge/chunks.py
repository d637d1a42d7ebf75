"""Role knowledge cut into retrieval chunks: one meaningful unit (a profile section, a competency, a question, a
resume-template part) per chunk, so a hit is something an interviewer or a coach can cite on its own.

Each chunk's text starts with its heading and the most telling content, because the embedding model reads at most
256 tokens: what comes first decides what a chunk is "about". Ids are stable (`role:kind:item_id`) and every chunk
carries a content hash, which is what makes re-ingesting idempotent.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from assistant.knowledge.schema import Competency, ResumeTemplate, RoleKnowledge

Kind = Literal["profile", "competency", "question", "template"]

# The files a role folder holds (see ARCHITECTURE.md); chunks cite them by name.
PROFILE_FILE = "profile.yaml"
RUBRIC_FILE = "rubric.yaml"
QUESTIONS_FILE = "questions.yaml"
TEMPLATE_FILE = "resume_template.yaml"

Metadata = dict[str, str]


@dataclass(frozen=True)
class Chunk:
    """One retrievable unit. `metadata` holds only strings (Chroma's filterable values)."""

    id: str
    text: str
    metadata: Metadata = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return self.metadata["content_hash"]


def _content_hash(text: str, metadata: Metadata) -> str:
    payload = json.dumps({"text": text, "metadata": metadata}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _chunk(
    role: str, kind: Kind, item_id: str, *, text: str, source: str, heading: str, competency: str = ""
) -> Chunk:
    metadata: Metadata = {
        "role": role,
        "kind": kind,
        "competency": competency,
        "source": source,
        "heading": heading,
        "item_id": item_id,
    }
    metadata["content_hash"] = _content_hash(text, metadata)
    return Chunk(id=f"{role}:{kind}:{item_id}", text=text.strip(), metadata=metadata)


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _profile_chunks(knowledge: RoleKnowledge, source: str) -> list[Chunk]:
    profile = knowledge.profile
    chunks = [
        _chunk(
            knowledge.role,
            "profile",
            section.id,
            text=f"{profile.title}: {section.heading}\n{section.text}",
            source=source,
            heading=section.heading,
        )
        for section in profile.sections
    ]
    bands = "\n".join(
        f"- {band.level}" + (f" ({band.years} years)" if band.years else "") + f": {band.annual_usd} per year"
        for band in profile.salary_bands
    )
    chunks.append(
        _chunk(
            knowledge.role,
            "profile",
            "salary_bands",
            text=f"{profile.title}: Salary bands and compensation by level (annual, USD)\n{bands}",
            source=source,
            heading="Salary bands",
        )
    )
    return chunks


def _competency_text(competency: Competency) -> str:
    levels = "\n".join(f"- Level {level}: {text}" for level, text in sorted(competency.levels.items()))
    parts = [
        f"Competency: {competency.name}\n{competency.description}",
        f"Signals of strength:\n{_bullets(competency.signals)}",
        f"Levels:\n{levels}",
    ]
    if competency.red_flags:
        parts.append(f"Red flags:\n{_bullets(competency.red_flags)}")
    if competency.keywords:
        parts.append("Keywords: " + ", ".join(competency.keywords))
    return "\n\n".join(parts)


def _template_chunks(role: str, title: str, template: ResumeTemplate, source: str) -> list[Chunk]:
    summary = f"Resume summary pattern for {title}\n{template.summary_pattern}"
    if template.summary_guidance:
        summary += "\n" + _bullets(template.summary_guidance)
    summary += "\nSection order: " + ", ".join(template.section_order)
    chunks = [
        _chunk(role, "template", "summary_pattern", text=summary, source=source, heading="Summary pattern")
    ]
    for bullet in template.bullet_patterns:
        heading = f"Bullet pattern: {bullet.theme.replace('_', ' ')}"
        text = (
            f"Resume {heading.lower()}\nPattern: {bullet.pattern}\nExample: {bullet.example}\n"
            f"If a bullet lacks this, ask:\n{_bullets(bullet.asks)}"
        )
        chunks.append(
            _chunk(role, "template", f"bullet_{bullet.theme}", text=text, source=source, heading=heading)
        )
    keyword_lines = "\n".join(
        f"- {theme.replace('_', ' ')}: {', '.join(words)}" for theme, words in template.keywords.items()
    )
    verbs = ""
    if template.strong_verbs:
        verbs += "\nStrong verbs: " + ", ".join(template.strong_verbs)
    if template.weak_verbs:
        verbs += "\nWeak verbs to replace: " + ", ".join(template.weak_verbs)
    chunks.append(
        _chunk(
            role,
            "template",
            "keywords",
            text=f"Resume keywords for {title}, by theme\n{keyword_lines}{verbs}",
            source=source,
            heading="Keywords",
        )
    )
    return chunks


def chunk_role(knowledge: RoleKnowledge, role_dir: Path | None = None) -> list[Chunk]:
    """All chunks of one role, in a stable order (profile, rubric, questions, template).

    `role_dir` is the folder the knowledge was loaded from; a source file with another suffix there (`.yml`) is
    cited by its real name.
    """
    role = knowledge.role

    def source(name: str) -> str:
        if role_dir is not None and not (role_dir / name).exists():
            alternative = role_dir / (Path(name).stem + ".yml")
            if alternative.exists():
                return alternative.name
        return name

    chunks = _profile_chunks(knowledge, source(PROFILE_FILE))

    rubric_source = source(RUBRIC_FILE)
    for competency in knowledge.rubric.competencies:
        chunks.append(
            _chunk(
                role,
                "competency",
                competency.id,
                text=_competency_text(competency),
                source=rubric_source,
                heading=competency.name,
                competency=competency.id,
            )
        )

    names = {c.id: c.name for c in knowledge.rubric.competencies}
    questions_source = source(QUESTIONS_FILE)
    for question in knowledge.questions.questions:
        competency_name = names.get(question.competency, question.competency)
        text = (
            f"Interview question ({competency_name}, {question.kind}): {question.text}\n"
            f"A strong answer covers:\n{_bullets(question.strong_answer)}\n"
            f"Follow-up questions:\n{_bullets(question.follow_ups)}"
        )
        chunks.append(
            _chunk(
                role,
                "question",
                question.id,
                text=text,
                source=questions_source,
                heading=question.text,
                competency=question.competency,
            )
        )

    chunks.extend(_template_chunks(role, knowledge.profile.title, knowledge.template, source(TEMPLATE_FILE)))
    return chunks
