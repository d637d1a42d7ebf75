"""Is a header field a job title or an organisation? A learned scorer for where title words say nothing.

A job header holds a title and an employer ("Northwind Analytics" / "Senior Engineer", "Quant, Jane Street"). The
parser's list of title words settles most of them, but not a title without such a word ("Statistician", "Actuary",
"Wissenschaftliche Mitarbeiterin") nor an employer that has one ("Product Hunt", "Acme Engineering GmbH"). There it
asks this scorer: a logistic regression over the field's MiniLM sentence vector (the model the project ships) and a
few shape features, trained by `benchmarks/title_org_train.py` on invented titles and employers (never the held-out
resumes). The weights are a small JSON file beside this module. Without the model (not installed, or another
embedder configured) the scorer answers None and the parser keeps its word rules.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.resume.vocabulary import legal_form

if TYPE_CHECKING:
    from assistant.knowledge.embeddings import Embedder

WEIGHTS_PATH = Path(__file__).with_name("title_org.json")

# Words that name an institution or a company rather than a role.
_ORG_WORD = re.compile(
    r"\b(?:university|universit[äaé]t?|universidad|universidade|college|institute|institut|instituto|school"
    r"|hochschule|école|academy|hospital|bank|banco|banque|group|grupo|holdings?|labs?|laboratory|laboratoire"
    r"|foundation|association|company|technologies|solutions|systems|partners)\b",
    re.IGNORECASE,
)


def end_words(text: str) -> tuple[str, str]:
    """The first and the last word of a field, brackets dropped: where a title keeps its head noun ("Senior Data
    *Engineer*", "*Gerente* de Datos") and an organisation its kind ("Harbor *Robotics*", "*Banco* Lucero")."""
    words = re.findall(r"[^\W\d_][\w'’.&-]*", re.sub(r"\(.*?\)", " ", text))
    return (words[0], words[-1]) if words else (text, text)


def feature_texts(texts: Sequence[str]) -> list[str]:
    """The texts whose sentence vectors make a field's features: the field, then its first word, then its last."""
    ends = [end_words(t) for t in texts]
    return list(texts) + [first for first, _ in ends] + [last for _, last in ends]


def features(vectors: Any, texts: Sequence[str]) -> Any:
    """One row per text: its vector, its first word's, its last word's (`vectors` embeds `feature_texts(texts)`,
    in that order), then the shape features."""
    import numpy as np

    n = len(texts)
    shapes = np.array([shape_features(t) for t in texts], dtype=np.float32).reshape(n, -1)
    return np.hstack([vectors[:n], vectors[n: 2 * n], vectors[2 * n:], shapes])


def shape_features(text: str) -> list[float]:
    """What the sentence vector does not see: a legal-form ending, an institution word, and a trailing "&"-joined
    pair of names ("Smith & Jones")."""
    stripped = text.strip()
    return [
        float(legal_form(stripped)),
        float(bool(_ORG_WORD.search(stripped))),
        float(bool(re.search(r"\b[A-Z][a-z]+ (?:&|and) [A-Z][a-z]+$", stripped))),
    ]


class _Weights:
    """The trained weights, read once (None when the file is missing or does not fit the embedder)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded = False
        self._value: dict[str, Any] | None = None

    def get(self) -> dict[str, Any] | None:
        with self._lock:
            if not self._loaded:
                self._loaded = True
                try:
                    self._value = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    self._value = None
            return self._value


_WEIGHTS = _Weights()


def _shared_minilm() -> Embedder | None:
    try:
        from assistant.knowledge.embeddings import shared_local_minilm

        return shared_local_minilm()
    except Exception:  # no model: the parser keeps its word rules
        return None


def title_probabilities(texts: Sequence[str], embedder: Embedder | None = None) -> list[float] | None:
    """P(job title) for each text, against being an organisation's name; None when the scorer cannot run (no
    weights, no model, or an embedder other than the one the weights were trained on)."""
    if not texts:
        return []
    weights = _WEIGHTS.get()
    model = embedder if embedder is not None else _shared_minilm()
    if weights is None or model is None or model.name != weights["model"]:
        return None
    try:
        import numpy as np

        from assistant.knowledge.embeddings import embed_cached

        vectors = embed_cached(model, feature_texts(texts))
    except Exception:  # a model that cannot load costs only the learned opinion
        return None
    x = features(vectors, texts)
    w = np.asarray(weights["weights"], dtype=np.float32)
    if x.shape[1] != w.shape[0]:
        return None
    scores = x @ w + float(weights["bias"])
    return [float(p) for p in 1.0 / (1.0 + np.exp(-scores))]
