"""The shipped role knowledge is complete and valid, and a broken knowledge file fails loudly and precisely.

A coach edits these YAML files by hand; what they must see on a mistake is the file, the field and the line, never
a traceback or silently ignored data.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path
from typing import get_args

import pytest
import yaml

from assistant.errors import KnowledgeError
from assistant.knowledge import RoleKnowledge, list_roles, load_role
from assistant.resume.models import SectionName

REPO = Path(__file__).resolve().parent.parent
KNOWLEDGE = REPO / "knowledge"
ROLE_DIR = KNOWLEDGE / "ml-director"
SEED = REPO.parent / "shared" / "seeds" / "000_8ff2048f27bbf029.txt"
QUERIES = REPO / "tests" / "data" / "retrieval_queries.yaml"

COMPETENCY_IDS = [
    "people_leadership", "ml_platform", "production_quality", "technical_direction",
    "hiring", "stakeholders_roadmap", "execution", "research_production",
]


@pytest.fixture(scope="module")
def role() -> RoleKnowledge:
    return load_role(ROLE_DIR)


@pytest.fixture
def role_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped role that a test may break."""
    target = tmp_path / "knowledge" / "ml-director"
    shutil.copytree(ROLE_DIR, target)
    return target


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _load_error(role_dir: Path) -> str:
    with pytest.raises(KnowledgeError) as caught:
        load_role(role_dir)
    assert caught.value.code == "knowledge_invalid"
    return caught.value.message


def _section(role: RoleKnowledge, section_id: str) -> str:
    for section in role.profile.sections:
        if section.id == section_id:
            return f"{section.heading}\n{section.text}"
    raise AssertionError(f"profile has no section {section_id!r}")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).lower()


# --- the shipped files ------------------------------------------------------------------------------------------


def test_shipped_role_is_listed_and_loads(role: RoleKnowledge) -> None:
    assert "ml-director" in list_roles(KNOWLEDGE)
    assert role.role == "ml-director"
    assert role.profile.title == "Director of Machine Learning Engineering"


def test_rubric_has_the_eight_director_competencies(role: RoleKnowledge) -> None:
    assert [c.id for c in role.rubric.competencies] == COMPETENCY_IDS
    for competency in role.rubric.competencies:
        assert "mixed" in competency.focus, competency.id
        assert len(competency.signals) >= 4, competency.id
        assert competency.red_flags, competency.id
        assert len(competency.keywords) >= 8, competency.id
        assert len(set(competency.levels.values())) == 5, f"{competency.id}: each level must say something different"
    focuses = {f for c in role.rubric.competencies for f in c.focus}
    assert {"leadership", "platform", "strategy"} <= focuses, "every interview focus needs competencies"


def test_question_bank_covers_every_competency(role: RoleKnowledge) -> None:
    questions = role.questions.questions
    assert len(questions) >= 48
    per_competency = Counter(q.competency for q in questions)
    assert set(per_competency) == set(COMPETENCY_IDS)
    assert min(per_competency.values()) >= 5, per_competency
    assert len({q.text for q in questions}) == len(questions), "duplicate question text"
    assert {q.kind for q in questions} == {"behavioral", "situational", "technical", "strategic"}
    for q in questions:
        assert 2 <= len(q.follow_ups) <= 3, q.id
        assert 3 <= len(q.strong_answer) <= 5, q.id
        assert q.text.rstrip().endswith(("?", ".")), q.id


def test_resume_template_is_complete(role: RoleKnowledge) -> None:
    template = role.template
    assert {p.theme for p in template.bullet_patterns} == {
        "leadership_scope", "platform_impact", "hiring", "stakeholder_outcomes", "quality_reliability",
    }
    assert any("directly and indirectly" in ask for p in template.bullet_patterns for ask in p.asks)
    assert 60 <= len(role.all_keywords) <= 90
    assert {"leadership", "platform_mlops", "production_quality", "technical_ml", "strategy_stakeholders",
            "hiring"} <= set(template.keywords)
    assert {"helped", "worked on", "responsible for", "assisted"} <= set(template.weak_verbs)
    assert not set(template.weak_verbs) & set(template.strong_verbs)
    normalized = set(get_args(SectionName))
    for heading in template.section_order:
        words = {w.lower() for w in heading.split()}
        assert words & normalized, f"section {heading!r} does not map to a normalised resume section"
    for placeholder in ("{team_size}", "{platform_scope}"):
        assert placeholder in template.summary_pattern


# --- every fact of the seed is in the profile, in our own words -------------------------------------------------


def test_profile_states_pay_and_outlook(role: RoleKnowledge) -> None:
    pay = _section(role, "compensation")
    for figure in ("$200,000", "$300,000", "$400,000", "$550,000"):
        assert figure in pay
    assert "median" in pay.lower() and "5-8 years" in pay and "8-12 years" in pay
    assert "job growth" in pay.lower() and "high" in pay.lower()
    bands = {b.level: (b.years, b.annual_usd) for b in role.profile.salary_bands}
    assert bands == {
        "Entry Level": (None, "$200,000"),
        "Mid-Level": ("5-8", "$300,000"),
        "Senior": ("8-12", "$400,000"),
        "Leadership / Principal": (None, "$550,000+"),
    }


@pytest.mark.parametrize(
    ("section_id", "facts"),
    [
        ("success_metrics", ["velocity", "quality", "reliability", "team quality", "accurate", "deployment"]),
        ("team_that_reports", ["20-50", "ml engineers", "mlops engineers", "data engineers"]),
        ("career_progression", ["vp of engineering", "chief technology officer", "cto"]),
        ("hardest_parts", ["technical complexity", "hiring ml engineers", "pace of research",
                           "balancing research with production"]),
        ("why_separate_from_engineering", ["data quality", "model quality", "retraining", "monitoring",
                                           "specialised expertise", "tools"]),
        ("scope", ["ml platform", "infrastructure", "deploy", "quality of models", "monitoring"]),
        ("role_overview", ["ml engineers", "mlops specialists", "technical direction", "model quality",
                           "infrastructure and tooling", "production systems", "across the rest of the company"]),
        ("getting_started", ["eight or more years", "ml engineer or mlops engineer", "small teams",
                             "in production", "mentoring", "executives", "data-intensive or ml-first"]),
        ("key_skills", ["production ml", "mentoring", "executives"]),
        ("typical_day_team", ["one-on-ones", "career development", "performance management"]),
        ("typical_day_planning", ["quarter", "roadmap", "ml infrastructure and platform"]),
        ("typical_day_technical", ["designs", "architecture decisions"]),
        ("typical_day_hiring", ["ml engineers and mlops engineers"]),
        ("typical_day_stakeholders", ["data science", "product", "ml roadmap"]),
        ("typical_day_culture", ["excellence", "learning"]),
        ("typical_day_execution", ["blockers", "deliver"]),
    ],
)
def test_profile_keeps_every_seed_fact(role: RoleKnowledge, section_id: str, facts: list[str]) -> None:
    text = _squash(_section(role, section_id))
    missing = [fact for fact in facts if fact not in text]
    assert not missing, f"{section_id} lost seed facts: {missing}"


def test_profile_is_written_in_our_own_words(role: RoleKnowledge) -> None:
    """No sentence of eight or more words is copied from the career page."""
    if not SEED.is_file():
        pytest.skip("the seed page is not beside the checkout")
    ours = _squash(" ".join([role.profile.summary] + [s.text for s in role.profile.sections]))
    copied = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        for sentence in re.split(r"(?<=[.?!])\s+|:\s+", line):
            words = re.findall(r"[\w$,+-]+", sentence.lower())
            if len(words) >= 8 and " ".join(words) in re.sub(r"[^\w$,+\- ]", "", ours):
                copied.append(sentence)
    assert not copied, f"copied from the seed: {copied}"


# --- retrieval check set ----------------------------------------------------------------------------------------


def test_retrieval_queries_point_at_real_items(role: RoleKnowledge) -> None:
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    queries = data["queries"]
    assert len(queries) >= 30
    sections = {s.id for s in role.profile.sections}
    competencies = {c.id for c in role.rubric.competencies}
    questions = {q.id for q in role.questions.questions}
    kinds = Counter()
    for entry in queries:
        assert set(entry) == {"query", "expect"}, entry
        expect = entry["expect"]
        kind = next((k for k, ids in (("profile", sections), ("competency", competencies),
                                      ("question", questions)) if expect in ids), None)
        assert kind, f"{entry['query']!r} expects unknown item {expect!r}"
        kinds[kind] += 1
    assert min(kinds[k] for k in ("profile", "competency", "question")) >= 5, kinds
    assert {"query": "how is a director of ML engineering judged", "expect": "success_metrics"} in queries
    assert len({e["query"] for e in queries}) == len(queries)


# --- broken files fail with file, field and line ----------------------------------------------------------------


def test_level_outside_one_to_five_names_file_and_field(role_copy: Path) -> None:
    rubric = role_copy / "rubric.yaml"
    text = rubric.read_text(encoding="utf-8")
    start = text.index("  - id: production_quality")
    fifth = text.index("      5: ", start)
    rubric.write_text(text[:fifth] + "      6: " + text[fifth + len("      5: "):], encoding="utf-8")
    message = _load_error(role_copy)
    assert "rubric.yaml" in message
    assert "competencies[2].levels" in message


def test_missing_level_is_reported_with_the_schema_rule(role_copy: Path) -> None:
    rubric = role_copy / "rubric.yaml"
    text = rubric.read_text(encoding="utf-8")
    start = text.index("  - id: hiring")
    line_start = text.index("      4: ", start)
    line_end = text.index("\n", line_start) + 1
    rubric.write_text(text[:line_start] + text[line_end:], encoding="utf-8")
    message = _load_error(role_copy)
    assert "rubric.yaml: competencies[4].levels: levels must describe exactly 1, 2, 3, 4 and 5" in message
    expected_line = text[:start].count("\n") + 1
    found = int(re.search(r"\(line (\d+)\)", message).group(1))  # type: ignore[union-attr]
    assert expected_line < found < expected_line + 15, "the line should point into the hiring competency"


def test_yaml_syntax_error_names_the_line(role_copy: Path) -> None:
    questions = role_copy / "questions.yaml"
    text = questions.read_text(encoding="utf-8")
    broken_line = text[: text.index("    competency: execution")].count("\n") + 1
    _edit(questions, "    competency: execution\n", "    competency: [execution\n")
    message = _load_error(role_copy)
    assert "questions.yaml" in message and "YAML syntax error" in message
    reported = int(re.search(r"line (\d+)", message).group(1))  # type: ignore[union-attr]
    assert broken_line <= reported <= broken_line + 2


def test_unknown_key_is_rejected(role_copy: Path) -> None:
    _edit(role_copy / "profile.yaml", "  - id: scope\n", "  - id: scope\n    heading_colour: blue\n")
    message = _load_error(role_copy)
    assert "profile.yaml: sections[1].heading_colour: unknown field" in message
    assert "(line " in message


def test_duplicate_yaml_key_is_not_silently_dropped(role_copy: Path) -> None:
    _edit(role_copy / "rubric.yaml", "    name: Hiring and team building\n",
          "    name: Hiring and team building\n    name: Recruiting\n")
    message = _load_error(role_copy)
    assert "rubric.yaml" in message and "duplicate key 'name'" in message


def test_question_with_unknown_competency_is_rejected(role_copy: Path) -> None:
    _edit(role_copy / "questions.yaml", "competency: hiring", "competency: recruiting")
    message = _load_error(role_copy)
    assert "questions.yaml" in message
    assert re.search(r"questions\[\d+\]\.competency: unknown competency 'recruiting'", message)


def test_duplicate_item_id_is_rejected(role_copy: Path) -> None:
    _edit(role_copy / "questions.yaml", "id: pl_02", "id: pl_01")
    message = _load_error(role_copy)
    assert "questions.yaml: questions[1].id: duplicate id 'pl_01'" in message


def test_missing_file_is_named(role_copy: Path) -> None:
    (role_copy / "resume_template.yaml").unlink()
    message = _load_error(role_copy)
    assert "resume_template.yaml" in message and "missing" in message


def test_signals_file_regexes_and_red_flags_are_validated(role_copy: Path) -> None:
    signals = role_copy / "signals.yaml"
    _edit(signals, "  - kubernetes\n", "  - '(?:kubernetes'\n")
    message = _load_error(role_copy)
    assert "signals.yaml: named_specifics" in message and "invalid regular expression" in message
    _edit(signals, "  - '(?:kubernetes'\n", "  - kubernetes\n")
    _edit(signals, "  - id: blame\n", "  - id: concealment\n")
    assert "signals.yaml: red_flags[2].id: duplicate id 'concealment'" in _load_error(role_copy)


def test_shipped_red_flags_cover_what_every_director_answer_is_judged_on(role: RoleKnowledge) -> None:
    ids = {f.id for f in role.signals.red_flags}
    assert {"concealment", "discrimination", "blame", "dismissive", "takes_credit", "unethical_data"} <= ids
    for flag in role.signals.red_flags:
        assert len(flag.examples) >= 3 and flag.counter_examples and flag.cues, flag.id


def test_empty_file_and_missing_role_folder(role_copy: Path) -> None:
    (role_copy / "profile.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert "profile.yaml: file is empty" in _load_error(role_copy)
    message = _load_error(role_copy.parent / "data-scientist")
    assert "role folder not found" in message and "ml-director" in message


# --- caching ----------------------------------------------------------------------------------------------------


def test_repeated_loads_are_cached_and_edits_are_picked_up(role_copy: Path) -> None:
    first = load_role(role_copy)
    assert load_role(role_copy) is first
    _edit(role_copy / "rubric.yaml", "name: Hiring and team building", "name: Hiring and org building")
    edited = load_role(role_copy)
    assert edited is not first
    assert edited.competency("hiring").name == "Hiring and org building"


def test_list_roles_only_lists_role_folders(tmp_path: Path, role_copy: Path) -> None:
    knowledge = role_copy.parent
    (knowledge / "notes").mkdir()
    (knowledge / ".cache").mkdir()
    shutil.copytree(role_copy, knowledge / "data-scientist")
    assert list_roles(knowledge) == ["data-scientist", "ml-director"]
    with pytest.raises(KnowledgeError):
        list_roles(tmp_path / "nowhere")
