"""A linear probe for director-wide red flags: logistic regression over the MiniLM sentence embeddings.

The cue-gated detector in `redflags.py` only finds a flag when the sentence says one of the flag's cue words, so a
paraphrase no cue list names ("I let them keep believing that", "the number never left the team") is missed. The
probe learns the behaviour from the embeddings instead: a softmax regression with one class per flag and a "none"
class, fitted on sentences written for it (`tests/data/red_flag_training.yaml`: flagged sentences, near misses that
handle the same situation well, and neutral director talk) by `python -m benchmarks.train_redflag_probe`, which
writes the weights and the threshold to `redflag_probe.json` beside this module. The threshold was chosen there on
the tuning parts of the graded sets (no near miss and no well-graded answer's sentence flagged).

A sentence shows a flag by the probe when its probability of *some* flag (1 - P(none)) reaches the threshold; the
flag is the most probable one. The weights only mean something for the embedding model they were fitted on: the
probe is used only with that model (by name, when the embedder has one, and by dimension).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

PROBE_FILE = Path(__file__).with_name("redflag_probe.json")
NONE = "none"


@dataclass(frozen=True)
class ProbeVerdict:
    flag: str  # the most probable flag class
    probability: float  # 1 - P(none): how likely the sentence shows some red flag


class RedFlagProbe:
    """Softmax regression weights (classes x dimension), biases, class names and the decision threshold."""

    def __init__(self, model: str, classes: list[str], weights: np.ndarray, bias: np.ndarray, threshold: float) -> None:
        if classes[0] != NONE:
            raise ValueError(f"the probe's first class must be '{NONE}', not {classes[0]!r}")
        if weights.shape != (len(classes), weights.shape[1]) or bias.shape != (len(classes),):
            raise ValueError("the probe's weights and biases do not match its classes")
        self.model = model
        self.classes = classes
        self.weights = weights
        self.bias = bias
        self.threshold = threshold

    @property
    def dimension(self) -> int:
        return int(self.weights.shape[1])

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """Class probabilities per row (rows: L2-normalised sentence embeddings of the probe's model)."""
        logits = np.asarray(vectors, dtype=np.float64) @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))

    def verdicts(self, vectors: np.ndarray) -> list[ProbeVerdict]:
        probs = self.probabilities(vectors)
        best = probs[:, 1:].argmax(axis=1) + 1
        return [ProbeVerdict(self.classes[int(k)], float(1.0 - p[0])) for k, p in zip(best, probs, strict=True)]

    def fits(self, embedder: object) -> bool:
        """Whether these weights apply to `embedder`'s vectors: same model name when the embedder reports one."""
        name = getattr(embedder, "name", None)
        return not isinstance(name, str) or name == self.model

    def to_json(self, **extra: Any) -> str:
        """The probe as JSON: the metadata indented, one line per class of weights (a diff shows what moved)."""
        head = {"model": self.model, "classes": self.classes, "threshold": round(self.threshold, 4), **extra}
        rows = ",\n".join("  " + json.dumps([round(float(w), 5) for w in row]) for row in self.weights)
        bias = json.dumps([round(float(b), 5) for b in self.bias])
        return json.dumps(head, indent=1)[:-2] + f',\n "bias": {bias},\n "weights": [\n{rows}\n ]\n}}\n'

    @classmethod
    def from_json(cls, text: str) -> RedFlagProbe:
        data = json.loads(text)
        return cls(
            model=str(data["model"]),
            classes=[str(c) for c in data["classes"]],
            weights=np.asarray(data["weights"], dtype=np.float64),
            bias=np.asarray(data["bias"], dtype=np.float64),
            threshold=float(data["threshold"]),
        )


@lru_cache(maxsize=1)
def shipped_probe() -> RedFlagProbe | None:
    """The probe shipped with the package, or None when it has not been trained."""
    if not PROBE_FILE.exists():
        return None
    return RedFlagProbe.from_json(PROBE_FILE.read_text(encoding="utf-8"))
