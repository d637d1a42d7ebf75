"""Retrieval quality on user-worded queries (tests/data/retrieval_queries.yaml): the interviewer's citations and the
offline coach depend on the right knowledge item coming back near the top."""

from __future__ import annotations

from pathlib import Path

import yaml

from assistant.knowledge.schema import RoleKnowledge
from assistant.knowledge.store import KnowledgeStore

QUERIES = Path(__file__).parent / "data" / "retrieval_queries.yaml"
MIN_RECALL_AT_3 = 0.9


def test_recall_at_3_over_the_query_set(knowledge_store: KnowledgeStore) -> None:
    cases = yaml.safe_load(QUERIES.read_text())["queries"]
    misses = []
    first = 0
    for case in cases:
        found = [hit.item_id for hit in knowledge_store.search(case["query"], k=3)]
        first += bool(found) and found[0] == case["expect"]
        if case["expect"] not in found:
            misses.append(f"{case['query']!r}: expected {case['expect']}, got {found}")
    recall = 1 - len(misses) / len(cases)
    print(f"\nrecall@3 = {recall:.3f}, top-1 = {first / len(cases):.3f} over {len(cases)} queries")
    print("\n".join(misses))
    assert recall >= MIN_RECALL_AT_3, "\n".join(misses)


def test_how_a_director_is_judged_finds_the_success_metrics_first(knowledge_store: KnowledgeStore) -> None:
    top = knowledge_store.search("how is a director of ML engineering judged", k=1)[0]
    assert top.item_id == "success_metrics"
    assert top.citation.startswith("profile.yaml › How success is measured")


def test_every_competency_is_found_by_its_own_description(
    knowledge_store: KnowledgeStore, role_knowledge: RoleKnowledge
) -> None:
    """Each rubric row is retrievable: asking about a competency in the rubric's words ranks it first among
    competencies (what the planner relies on when it ranks competencies for a job description)."""
    for competency in role_knowledge.rubric.competencies:
        hits = knowledge_store.search(competency.description, k=1, where={"kind": "competency"})
        assert hits[0].item_id == competency.id, competency.id
