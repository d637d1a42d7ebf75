"""The fabrication guard catches planted facts and stays quiet on faithful rewrites (measured on a labelled set)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.knowledge.schema import RoleKnowledge
from assistant.resume.guard import FabricationGuard

CASES = yaml.safe_load((Path(__file__).parent / "data" / "guard_cases.yaml").read_text(encoding="utf-8"))
VOCAB = ["feature store", "A/B testing", "MLOps", "model monitoring", "ML platform"]


@pytest.fixture(scope="module")
def guard(role_knowledge: RoleKnowledge) -> FabricationGuard:
    """The guard as tailoring builds it: the production vocabulary, generic management words included."""
    return FabricationGuard.for_role(CASES["source"], role_knowledge.template)


@pytest.mark.parametrize("line", CASES["faithful"])
def test_faithful_rewrite_has_no_finding(guard: FabricationGuard, line: str) -> None:
    assert guard.check(line) == []


@pytest.mark.parametrize("case", CASES["planted"], ids=lambda c: f"{c['kind']}:{c['line'][:30]}")
def test_planted_fabrication_is_caught_with_its_kind(guard: FabricationGuard, case: dict[str, str]) -> None:
    kinds = {f.kind for f in guard.check(case["line"])}
    assert case["kind"] in kinds


def test_catch_rate_and_false_positive_rate(guard: FabricationGuard) -> None:
    caught = sum(bool(guard.check(c["line"])) for c in CASES["planted"])
    false_positives = sum(bool(guard.check(line)) for line in CASES["faithful"])
    assert len(CASES["planted"]) >= 20 and len(CASES["faithful"]) >= 20
    assert caught == len(CASES["planted"])
    assert false_positives / len(CASES["faithful"]) <= 0.05


@pytest.mark.parametrize(("source", "line"), [
    ("Grew revenue by 40 %", "Grew revenue 40%"),
    ("Budget of $2 million", "Owned a $2M budget"),
    ("Budget of USD 2,000,000", "Owned a $2 million budget"),
    ("Engineer, 2019-2021", "Engineer from 2019 to 2021"),
    ("Served 10k requests per second", "Served 10,000 requests per second"),
    ("Led twelve engineers", "Led 12 engineers"),
    ("Ph.D. in Statistics", "PhD, Statistics"),
    ("Budget von 1,8 M€", "Owned a €1.8M budget"),  # a decimal comma
    ("Budget von 2,45 Mio. EUR", "Owned a EUR 2.45M budget"),
])
def test_equivalent_spellings_are_supported(source: str, line: str) -> None:
    assert FabricationGuard(source).check(line) == []


def test_a_decimal_comma_is_not_read_as_thousands() -> None:
    # "1,8 M€" is 1.8 million: read as 18 million, a tenfold inflation would pass as faithful.
    assert [f.kind for f in FabricationGuard("Budget von 1,8 M€").check("Owned a €18M budget")] == ["money"]
    assert FabricationGuard("Served 1,800 users").check("Served 1,800 users") == []


def test_finding_names_the_unsupported_token() -> None:
    findings = FabricationGuard("Led 5 engineers at Acme").check("Led 50 engineers at Initech")
    assert {(f.kind, f.token) for f in findings} == {("number", "50"), ("organisation", "Initech")}


def test_kinds_filter_limits_the_check() -> None:
    guard = FabricationGuard("Led 5 engineers at Acme")
    assert [f.kind for f in guard.check("Led 7 engineers at Initech", kinds=["number"])] == ["number"]


def test_every_source_line_supports_itself() -> None:
    """Copying a line unchanged is never a fabrication, whatever the extraction did to its spacing."""
    source = CASES["source"] + "\n2020 CertifiedKubernetesApplicationDeveloper(CKAD)\nData Engineer, 2018-03 - 2019-11"
    guard = FabricationGuard(source, VOCAB)
    for line in source.splitlines():
        assert guard.check(line) == [], line


@pytest.mark.parametrize(("source", "line", "vocabulary"), [
    ("Hired 14 engineers", "Introduced a structured interview loop while hiring fourteen engineers", ["hiring"]),
    ("Shipped every model with a canary release", "Shipped models through canary releases", ["canary releases"]),
    ("Built the training pipeline for ranking", "Rebuilt training pipelines for ranking", ["training pipelines"]),
    ("Led deployment of 40 models", "Deployed 40 models", ["deployment"]),
    ("Deployed 40 models on Kubernetes", "Led the deployment of 40 models on Kubernetes", ["deployment"]),
])
def test_a_skill_is_supported_in_any_word_form(source: str, line: str, vocabulary: list[str]) -> None:
    assert FabricationGuard(source, vocabulary).check(line) == []


def test_generic_management_words_are_never_findings_but_tools_and_practices_are() -> None:
    guard = FabricationGuard("Led 5 engineers on the ranking service", ["hiring", "mentoring", "roadmap", "drift detection"],
                             tools=["Kubernetes"])
    assert guard.check("Hiring and mentoring 5 engineers against a roadmap for the ranking service") == []
    assert [(f.kind, f.token) for f in guard.check("Added drift detection to the ranking service")] == [
        ("skill", "drift detection")
    ]
    assert [(f.kind, f.token) for f in guard.check("Moved the ranking service to Kubernetes")] == [
        ("skill", "Kubernetes")
    ]


def test_a_tool_name_inside_an_ordinary_word_is_not_a_skill() -> None:
    """Skills are spotted as written: "helmed" does not claim Helm, "sparked" does not claim Spark."""
    guard = FabricationGuard("Led 5 engineers", tools=["Helm", "Spark"])
    assert guard.check("Helmed 5 engineers and sparked a culture of review") == []
    assert [f.token for f in guard.check("Deployed it with Helm")] == ["Helm"]
