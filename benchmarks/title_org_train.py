"""Train the title-vs-organisation scorer the resume parser uses where its title words are silent or ambiguous.

`python -m benchmarks.title_org_train` (about a minute on CPU) writes `assistant/resume/title_org.json`: a logistic
regression over the MiniLM sentence vector of a header field (the model the project ships,
`assistant.knowledge.embeddings.LocalMiniLM`), the vectors of its first and last words (a title's head noun, an
organisation's kind) and a few shape features (`assistant.resume.roles.shape_features`),
giving the probability that the field is a job title rather than an employer or school.

Training data, all labels a reader could check, none from the held-out half:
- job titles and organisation names (employers, schools) of the invented people behind the generated sets
  (`benchmarks/generated/{latex,linkedin,word,typst}/people.py`) and their truth files' employers and latest titles;
- the employers of the older corpus's hand labels (`tests/data/resume_labels.yaml`, already lower-case).

Not trained on, kept to evaluate: the **themes** set (its JSON Resumes' positions and employer names), and the tuning
half of the labelled corpus (its truth's employers and latest titles; only counts are printed). The check half is
never read. Entries that are neither a title nor an employer (career breaks, personal projects) are left out.

Reported: accuracy on a held-out fifth of the training strings (split by a hash of the string, so a title repeated
across sets never sits on both sides), then on the evaluation sets with the model trained on everything.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import yaml

import assistant.config  # noqa: F401  (telemetry off before onnxruntime is imported)
from assistant.knowledge.embeddings import LocalMiniLM
from assistant.resume.roles import WEIGHTS_PATH, feature_texts
from assistant.resume.roles import features as row_features

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "benchmarks" / "generated"
_NOT_A_ROLE = ("career break", "parental leave", "family", "sabbatical", "congé", "pause de", "personal project",
               "proyecto personal", "open source", "open-source", "código abierto", "elternzeit")


def _keep(text: str) -> bool:
    lowered = text.strip().lower()
    return bool(lowered) and not any(marker in lowered for marker in _NOT_A_ROLE)


def training_pairs() -> list[tuple[str, int]]:
    """(text, 1 for a job title / 0 for an organisation), deduplicated case-insensitively."""
    from benchmarks.generated.latex import people as latex
    from benchmarks.generated.linkedin import people as linkedin
    from benchmarks.generated.typst import people as typst
    from benchmarks.generated.word import people as word

    titles: list[str] = []
    orgs: list[str] = []
    for module in (latex, typst, word):
        for person in module.PEOPLE:  # type: ignore[attr-defined]
            for entry in list(person.jobs) + list(getattr(person, "teaching", [])):
                if _keep(entry.title) and _keep(entry.org):
                    titles.append(entry.title)
                    orgs.append(entry.org)
            orgs += [entry.org for entry in person.education]
    for person in linkedin.PEOPLE:
        for employer in person.experience:
            kept = [role.title for role in employer.roles if _keep(role.title)]
            titles += kept
            if kept and _keep(employer.name):
                orgs.append(employer.name)
        orgs += [school.name for school in person.education]
    for name in ("latex", "linkedin", "word", "typst"):
        files = json.loads((GENERATED / name / "truth.json").read_text(encoding="utf-8"))["files"]
        for truth in files.values():
            orgs += truth["companies"]
            if truth["latest_title"]:
                titles.append(truth["latest_title"])
    labels = yaml.safe_load((ROOT / "tests" / "data" / "resume_labels.yaml").read_text(encoding="utf-8"))
    orgs += [company for label in labels for company in label["companies"]]
    return _dedup([(t, 1) for t in titles if _keep(t)] + [(o, 0) for o in orgs if _keep(o)])


def _dedup(pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    seen: dict[str, tuple[str, int]] = {}
    for text, label in pairs:
        key = " ".join(text.casefold().split())
        if key not in seen:
            seen[key] = (text.strip(), label)
        elif seen[key][1] != label:
            seen[key] = ("", -1)  # both a title and an employer somewhere: no lesson either way
    return [pair for pair in seen.values() if pair[1] >= 0]


def themes_pairs() -> list[tuple[str, int]]:
    """The themes set's positions and employers (JSON Resumes): evaluation only."""
    pairs: list[tuple[str, int]] = []
    for path in sorted((GENERATED / "themes" / "resumes").glob("*.json")):
        resume = json.loads(path.read_text(encoding="utf-8"))
        for kind in ("work", "volunteer"):
            for entry in resume.get(kind, []):
                title, org = entry.get("position", ""), entry.get("name") or entry.get("organization", "")
                if _keep(title) and _keep(org):
                    pairs += [(title, 1), (org, 0)]
        pairs += [(school["institution"], 0) for school in resume.get("education", []) if school.get("institution")]
    return _dedup(pairs)


def tuning_half_pairs() -> list[tuple[str, int]]:
    """Employers and latest titles of the labelled corpus's tuning half (never the check half): evaluation only."""
    from benchmarks.resume_accuracy import labelled_truth, split_of

    pairs: list[tuple[str, int]] = []
    for file_name, truth in sorted(labelled_truth().items()):
        if split_of(file_name) != "tuning":
            continue
        pairs += [(company, 0) for company in truth["companies"]]
        if truth["latest_title"]:
            pairs.append((truth["latest_title"], 1))
    return _dedup(pairs)


def features(embedder: LocalMiniLM, texts: list[str]) -> np.ndarray:
    return np.asarray(row_features(embedder.embed(feature_texts(texts)), texts))


def fit(x: np.ndarray, y: np.ndarray, l2: float = 3e-3, steps: int = 4000, rate: float = 0.5) -> tuple[np.ndarray, float]:
    """Logistic regression by full-batch gradient descent, classes weighted to balance, L2 on the weights."""
    w, b = np.zeros(x.shape[1]), 0.0
    pos = max(float(y.mean()), 1e-6)
    weights = np.where(y == 1, 0.5 / pos, 0.5 / max(1.0 - pos, 1e-6)) / len(y)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        error = (p - y) * weights
        w -= rate * (x.T @ error + l2 * w)
        b -= rate * float(error.sum())
    return w, b


def accuracy(w: np.ndarray, b: float, x: np.ndarray, y: np.ndarray) -> tuple[int, int]:
    return int((((x @ w + b) > 0).astype(int) == y).sum()), len(y)


def _fold(text: str) -> int:
    return int(hashlib.sha256(" ".join(text.casefold().split()).encode()).hexdigest(), 16) % 5


def _held_out(text: str) -> bool:
    return _fold(text) == 0


def main() -> None:
    embedder = LocalMiniLM()
    pairs = training_pairs()
    x, y = features(embedder, [t for t, _ in pairs]), np.array([label for _, label in pairs], dtype=np.float64)
    test = np.array([_held_out(t) for t, _ in pairs])
    print(f"training strings: {len(pairs)} ({int(y.sum())} titles, {int(len(y) - y.sum())} organisations)")
    w, b = fit(x[~test], y[~test])
    right, total = accuracy(w, b, x[test], y[test])
    print(f"held-out fifth of the training strings: {right}/{total} ({right / total:.0%})")
    right, total = accuracy(w, b, x[~test], y[~test])
    print(f"  (fit on the other four fifths: {right}/{total})")
    folds = np.array([_fold(t) for t, _ in pairs])
    right = sum(accuracy(*fit(x[folds != k], y[folds != k]), x[folds == k], y[folds == k])[0] for k in range(5))
    print(f"five-fold cross-validation over the training strings: {right}/{len(y)} ({right / len(y):.0%})")
    w, b = fit(x, y)
    for name, evaluation in (("themes set (not trained on)", themes_pairs()),
                             ("labelled tuning half (not trained on)", tuning_half_pairs())):
        if not evaluation:
            continue
        ex = features(embedder, [t for t, _ in evaluation])
        ey = np.array([label for _, label in evaluation], dtype=np.float64)
        right, total = accuracy(w, b, ex, ey)
        print(f"{name}: {right}/{total} ({right / total:.0%})")
    if "--dry-run" in sys.argv:
        return
    WEIGHTS_PATH.write_text(json.dumps({
        "model": embedder.name, "dimension": embedder.dimension,
        "shape_features": len(x[0]) - 3 * embedder.dimension,
        "bias": round(b, 6), "weights": [round(float(v), 6) for v in w],
        "trained_on": {"titles": int(y.sum()), "organisations": int(len(y) - y.sum())},
    }) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
