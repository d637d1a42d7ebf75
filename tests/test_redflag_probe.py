"""The red-flag probe (a logistic regression over MiniLM sentence embeddings) and the data it was fitted on: the
training sentences are new, the shipped weights are the ones fitted on them, the probe only reads vectors of its own
model, and, when enabled, it adds a flag only where the cue-gated detector's meaning test also holds (as a gate) or
at its fitted threshold (alone)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from pathlib import Path

import numpy as np
import pytest
import yaml

from assistant.interview.policy import DEFAULT_POLICY
from assistant.interview.redflag_probe import NONE, PROBE_FILE, RedFlagProbe, shipped_probe
from assistant.interview.scoring import OfflineScorer
from assistant.knowledge.embeddings import Embedder, LocalMiniLM
from assistant.knowledge.schema import RoleKnowledge
from tests.support import calibration

DATA = Path(__file__).parent / "data"
TRAINING = DATA / "red_flag_training.yaml"


def _sentences(text: str) -> set[str]:
    return {" ".join(re.findall(r"[a-z0-9']+", s.lower())) for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()}


def test_the_training_sentences_are_new() -> None:
    """No training sentence repeats a sentence of the graded answers or of the detector's sentence set, so the
    figures measured on those sets are not measured on the probe's own training data."""
    data = yaml.safe_load(TRAINING.read_text(encoding="utf-8"))
    training = [t for group in ("flagged", "near_misses") for texts in data[group].values() for t in texts]
    training += data["neutral"]
    graded: set[str] = set()
    for path in (calibration.CALIBRATION, calibration.CALIBRATION_HARD):
        for row in calibration.load(path):
            graded |= _sentences(row["answer"])
    flagged, benign = calibration.red_flag_cases()
    for text in [c["text"] for c in flagged] + benign:
        graded |= _sentences(text)
    repeated = [t for t in training if _sentences(t) & graded]
    assert repeated == []
    assert len(set(training)) == len(training)
    per_flag = {flag: len(texts) for flag, texts in data["flagged"].items()}
    assert min(per_flag.values()) >= 30 and sum(len(t) for t in data["near_misses"].values()) >= sum(per_flag.values())


def test_the_shipped_probe_is_the_one_fitted_on_the_training_file(role_knowledge: RoleKnowledge) -> None:
    """Editing the training sentences without re-running `python -m benchmarks.train_redflag_probe` fails here."""
    stored = json.loads(PROBE_FILE.read_text(encoding="utf-8"))
    digest = hashlib.sha256(TRAINING.read_bytes()).hexdigest()[:16]
    assert digest in stored["trained_on"]
    probe = shipped_probe()
    assert probe is not None and probe.model == LocalMiniLM.name and probe.dimension == 384
    defined = [f.id for f in role_knowledge.signals.red_flags]
    trained = list(yaml.safe_load(TRAINING.read_text(encoding="utf-8"))["flagged"])
    assert probe.classes == [NONE, *[f for f in trained if f in defined]]
    assert 0.5 <= probe.threshold < 1.0


class _Named:
    """An embedder reporting another model's name (as an OpenAI embedder would), with MiniLM's vectors."""

    def __init__(self, inner: Embedder, name: str) -> None:
        self.inner, self.name = inner, name

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed(texts)


def _everything_is(flag: str, classes: list[str]) -> RedFlagProbe:
    """A probe that calls every sentence `flag` with probability ~1."""
    weights = np.zeros((len(classes), 384))
    bias = np.full(len(classes), -20.0)
    bias[classes.index(flag)] = 20.0
    return RedFlagProbe(LocalMiniLM.name, classes, weights, bias, threshold=0.9)


def test_the_probe_reads_only_vectors_of_its_own_model(role_knowledge: RoleKnowledge, embedder: Embedder) -> None:
    on = dataclasses.replace(DEFAULT_POLICY, red_flag_probe=True)
    assert OfflineScorer(role_knowledge, embedder, on).red_flags.probe is not None
    assert OfflineScorer(role_knowledge, _Named(embedder, "openai:text-embedding-3-small"), on).red_flags.probe is None
    assert OfflineScorer(role_knowledge, embedder).red_flags.probe is None  # off by default (see policy.py)


NEUTRAL = "We cut model deployment time from two weeks to a day by standardising the serving stack."


def test_an_enabled_probe_adds_its_flag_and_is_quoted(role_knowledge: RoleKnowledge, embedder: Embedder) -> None:
    """Alone, the probe's verdict at its threshold is a flag with the sentence quoted; below it, nothing."""
    scorer = OfflineScorer(role_knowledge, embedder, dataclasses.replace(DEFAULT_POLICY, red_flag_probe=True))
    probe = scorer.red_flags.probe
    assert probe is not None
    scorer.red_flags.probe = _everything_is("concealment", probe.classes)
    (hit,) = scorer.red_flag_hits(NEUTRAL)
    assert hit.definition.id == "concealment" and hit.sentence.sentence.text == NEUTRAL
    scorer.red_flags.probe = _everything_is(NONE, probe.classes)
    assert scorer.red_flag_hits(NEUTRAL) == []


def test_as_a_gate_the_probe_never_flags_what_the_meaning_test_rejects(
    role_knowledge: RoleKnowledge, embedder: Embedder
) -> None:
    """As a gate the probe only stands in for a missing cue word: a sentence far from every flag's examples stays
    unflagged however sure the probe is."""
    scorer = OfflineScorer(role_knowledge, embedder, dataclasses.replace(DEFAULT_POLICY, red_flag_probe_gate=0.5))
    probe = scorer.red_flags.probe
    assert probe is not None
    scorer.red_flags.probe = _everything_is("concealment", probe.classes)
    assert scorer.red_flag_hits(NEUTRAL) == []


@pytest.fixture(scope="module")
def scorer_default(role_knowledge: RoleKnowledge, embedder: Embedder) -> OfflineScorer:
    return OfflineScorer(role_knowledge, embedder)


def test_gaming_a_metric_is_a_red_flag_and_reporting_the_miss_is_not(scorer_default: OfflineScorer) -> None:
    gamed = "To hit the precision goal, I dropped the ambiguous cases from the evaluation set so the number looked healthy."
    honest = "We kept the ambiguous cases in the evaluation set and reported that we missed the precision goal."
    assert "metric_gaming" in {h.definition.id for h in scorer_default.red_flag_hits(gamed)}
    assert scorer_default.red_flag_hits(honest) == []
