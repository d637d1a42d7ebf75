"""Fit the red-flag probe (assistant/interview/redflag_probe.py) and write assistant/interview/redflag_probe.json.

`python -m benchmarks.train_redflag_probe [--dry-run] [--detector-cv] [--cache=FILE.npz]` (set OMP_NUM_THREADS=1 on
a shared machine: numpy's threads fighting over two cores made a run eight times slower)

1. Embeds the sentences of `tests/data/red_flag_training.yaml` (flagged per flag, near misses per flag, neutral
   director talk) and the role's own rubric signals and strong-answer points (more neutral talk) with the local
   MiniLM model the scorer uses.
2. Fits a softmax regression (classes: "none" and each flag of the file that the role defines) in numpy, with L2
   regularisation chosen by 5-fold cross-validation on the training file itself (a flagged sentence and its mirrored
   near miss always fall in the same fold), and prints the cross-validated recall and false alarms: how well the
   probe carries to sentences it was not fitted on.
3. Chooses the threshold on TUNING data only (tests/support/calibration.py): the lowest value at which no near miss
   of the tuning half of tests/data/red_flag_cases.yaml and no sentence of a tuning answer graded 3 or more (and not
   marked as a red-flag answer) is flagged, plus a safety margin. Check parts are never read here. The fresh set's
   tuning part (tests/data/calibration_fresh.jsonl) counts too since issue #17: its honest answers are the ones a
   writer who never saw the flag data wrote, the negatives the probe most needs to stay below.

Issue #17 (red flags told indirectly): 141 sentences were added to the training file, indirect tellings (concealment
by omission or framing, discrimination through proxies such as family, age or "culture fit", metric gaming by
redefining the metric, credit by presentation, retaliation by reassignment) each with its honest mirror in the same
words. Held out (5-fold, lambda 3e-4) at P(some flag) >= 0.7 the probe named the right flag for 102/450 sentences
with 82/767 false alarms, against 82/382 and 73/694 before: the same rates. At its tuning threshold (0.917, set by a
grade-5 sentence of the hard set at 0.887) it flags none of the 27 tuning red-flag sentences and one of the 30 tuning
red-flag answers; on the answers, the highest sentence probability ranks red-flag answers above honest ones (graded
>= 3) with an AUC of 0.64 (0.60 before the new sentences), 0.72 when each sentence is judged with the one before it
(mean of the two vectors), and in neither case does any threshold that keeps honest answers clean catch more than
3 of the 30. As a gate for cue-less sentences at 0.7 it catches 5/12 fresh red-flag answers (3 before) but takes the
hard set's tuning Spearman from 0.857 to 0.690, with 4 honest hard answers and 5 calibration answers flagged. The
probe stays off.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from assistant.interview.policy import DEFAULT_POLICY
from assistant.interview.redflag_probe import NONE, PROBE_FILE, RedFlagProbe
from assistant.interview.redflags import RedFlagDetector
from assistant.interview.signals import Lexicon, extract
from assistant.knowledge.embeddings import get_embedder
from assistant.knowledge.loader import load_role
from benchmarks.common import bench_settings
from tests.support import calibration
from tests.support.calibration import CALIBRATION, CALIBRATION_FRESH, CALIBRATION_HARD

TRAINING = Path(__file__).resolve().parent.parent / "tests" / "data" / "red_flag_training.yaml"
LAMBDAS = (1e-4, 3e-4, 1e-3)
MARGIN = 0.03  # above the highest probability any tuning negative reached
FLOOR = 0.5  # never below an even chance of some flag
FOLDS = 5


def fit(x: np.ndarray, y: np.ndarray, classes: int, lam: float, steps: int = 800) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression by full-batch gradient descent with Adam, minimising the weighted mean log loss plus
    lam/2 |W|^2. Weights: "none" carries half the total mass and the flags share the other half equally, so the
    probe's prior is an even chance of some flag, not 1 in (flags + 1)."""
    n, d = x.shape
    counts = np.maximum(np.bincount(y, minlength=classes).astype(np.float64), 1)
    mass = np.full(classes, 0.5 / (classes - 1))
    mass[0] = 0.5
    sample_weight = (mass / counts)[y]
    onehot = np.eye(classes)[y]
    w = np.zeros((classes, d))
    b = np.zeros(classes)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    rate, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8
    for t in range(1, steps + 1):
        logits = x @ w.T + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        err = (p - onehot) * sample_weight[:, None]
        gw = err.T @ x + lam * w
        gb = err.sum(axis=0)
        mw = beta1 * mw + (1 - beta1) * gw
        vw = beta2 * vw + (1 - beta2) * gw**2
        mb = beta1 * mb + (1 - beta1) * gb
        vb = beta2 * vb + (1 - beta2) * gb**2
        w -= rate * (mw / (1 - beta1**t)) / (np.sqrt(vw / (1 - beta2**t)) + eps)
        b -= rate * (mb / (1 - beta1**t)) / (np.sqrt(vb / (1 - beta2**t)) + eps)
    return w, b


def _probs(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    logits = x @ w.T + b
    logits -= logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    return np.asarray(p / p.sum(axis=1, keepdims=True))


_MEMO: dict[str, np.ndarray] = {}


def _embed(embedder: Any, texts: list[str]) -> np.ndarray:
    missing = [t for t in dict.fromkeys(texts) if t not in _MEMO]
    for i in range(0, len(missing), 32):
        _MEMO.update(zip(missing[i : i + 32], embedder.embed(missing[i : i + 32]), strict=True))
    return np.vstack([_MEMO[t] for t in texts]).astype(np.float64) if texts else np.zeros((0, 384))


class _Memo:
    """The embedder with the training vectors remembered (the detector embeds each held-out sentence per setting)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name

    def embed(self, texts: Any) -> np.ndarray:
        return _embed(self.inner, list(texts)).astype(np.float32)


def detector_cv(knowledge: Any, embedder: Any, texts: list[str], y: np.ndarray, fold: np.ndarray,
                classes: list[str], lam: float, gates: tuple[float, ...]) -> list[str]:
    """The whole detector on the training file's held-out folds: the cue-gated detector alone, then with the
    probe (fitted without that fold) as a gate for cue-less sentences, then the probe alone at a few thresholds.
    Recall counts the right flag; false alarms count any flag on a near miss or neutral sentence."""
    import dataclasses

    from assistant.interview.scoring import OfflineScorer

    settings: list[tuple[str, Any, float | None]] = [("cue-gated detector alone", None, None)]
    settings += [(f"with the probe as gate >= {g}", g, None) for g in gates]
    settings += [(f"with the probe alone >= {t}", None, t) for t in (0.8, 0.9, 0.95)]
    memo = _Memo(embedder)
    results = {name: [0, 0] for name, _, _ in settings}
    x = _embed(embedder, texts)
    for f in range(FOLDS):
        train = fold != f
        w, b = fit(x[train], y[train], len(classes), lam)
        for name, gate, alone in settings:
            policy = dataclasses.replace(DEFAULT_POLICY, red_flag_probe_gate=gate, red_flag_probe=alone is not None)
            scorer = OfflineScorer(knowledge, memo, policy)
            probe = RedFlagProbe(embedder.name, classes, w, b, threshold=alone if alone is not None else 2.0)
            scorer.red_flags.probe = probe
            for i in np.flatnonzero(~train):
                found = {h.definition.id for h in scorer.red_flag_hits(texts[i])}
                if y[i] > 0:
                    results[name][0] += classes[y[i]] in found
                else:
                    results[name][1] += bool(found)
    positives, negatives = int((y > 0).sum()), int((y == 0).sum())
    lines = [f"{name}: {right}/{positives} right flag, {alarms}/{negatives} false alarms"
             for name, (right, alarms) in results.items()]
    for line in lines:
        print(f"  held-out folds, {line}")
    return lines


def main(argv: list[str]) -> int:
    dry_run = "--dry-run" in argv
    cache = next((Path(a.split("=", 1)[1]) for a in argv if a.startswith("--cache=")), None)  # vectors between runs
    if cache is not None and cache.exists():
        stored = np.load(cache, allow_pickle=False)
        _MEMO.update(zip(stored["texts"].tolist(), stored["vectors"], strict=True))
    with tempfile.TemporaryDirectory(prefix="redflag-probe-") as tmp:
        settings = bench_settings(Path(tmp))
        knowledge = load_role(settings.role_dir)
        embedder = get_embedder(settings)
    defined = [f.id for f in knowledge.signals.red_flags]
    data = yaml.safe_load(TRAINING.read_text(encoding="utf-8"))
    unknown = sorted(set(data["flagged"]) - set(defined))
    if unknown:
        print(f"flags in the training file that the role does not define (skipped): {', '.join(unknown)}")
    classes = [NONE, *[f for f in data["flagged"] if f in defined]]

    # Rows: text, class, fold. A flagged sentence and the near miss at the same position share a fold.
    texts: list[str] = []
    labels: list[int] = []
    folds: list[int] = []
    for k, flag in enumerate(classes[1:], start=1):
        for i, text in enumerate(data["flagged"][flag]):
            texts.append(text)
            labels.append(k)
            folds.append(i % FOLDS)
        for i, text in enumerate(data["near_misses"].get(flag, [])):
            texts.append(text)
            labels.append(0)
            folds.append(i % FOLDS)
    neutral = list(data["neutral"]) + RedFlagDetector(knowledge, DEFAULT_POLICY).neutral
    for i, text in enumerate(neutral):
        texts.append(text)
        labels.append(0)
        folds.append(i % FOLDS)
    x = _embed(embedder, texts)
    y = np.array(labels)
    fold = np.array(folds)
    flagged_rows = int((y > 0).sum())
    print(f"training sentences: {flagged_rows} flagged over {len(classes) - 1} flags, {int((y == 0).sum())} "
          f"negatives ({len(neutral)} of them neutral talk)")

    # Cross-validation on the training file: held-out recall with the right flag, and held-out false alarms, at
    # a few thresholds; the lambda with the best held-out log loss is kept.
    best_lam, best_loss = LAMBDAS[0], float("inf")
    cv_summary = ""
    for lam in LAMBDAS:
        held = np.zeros((len(y), len(classes)))
        for f in range(FOLDS):
            train = fold != f
            w, b = fit(x[train], y[train], len(classes), lam)
            held[~train] = _probs(x[~train], w, b)
        loss = float(-np.mean(np.log(held[np.arange(len(y)), y] + 1e-12)))
        some = 1 - held[:, 0]
        right = held[:, 1:].argmax(axis=1) + 1 == y
        cells = []
        for t in (0.5, 0.7, 0.9):
            recall = int(((some >= t) & right & (y > 0)).sum())
            alarms = int(((some >= t) & (y == 0)).sum())
            cells.append(f"t={t}: {recall}/{flagged_rows} right, {alarms}/{int((y == 0).sum())} false alarms")
        line = f"lambda {lam}: held-out log loss {loss:.3f}; " + "; ".join(cells)
        print("  5-fold CV, " + line)
        if loss < best_loss:
            best_lam, best_loss, cv_summary = lam, loss, line
    print(f"lambda chosen by held-out log loss: {best_lam}")
    detector_lines: list[str] = []
    if "--detector-cv" in argv:
        detector_lines = detector_cv(knowledge, embedder, texts, y, fold, classes, best_lam, (0.5, 0.6, 0.7))
    w, b = fit(x, y, len(classes), best_lam)
    probe = RedFlagProbe(embedder.name, classes, w, b, threshold=1.0)

    # Threshold on TUNING parts only.
    lexicon = Lexicon.from_role(knowledge.signals)
    flagged, benign = calibration.red_flag_cases("tuning")
    negatives: list[tuple[str, str]] = [("near miss", t) for t in benign]
    red_flag_answers: list[tuple[str, list[str]]] = []
    for name, path in (("hard", CALIBRATION_HARD), ("fresh", CALIBRATION_FRESH), ("calibration", CALIBRATION)):
        for n, row in enumerate(calibration.load(path, "tuning")):
            sentences = [s.sentence.text for s in extract(row["answer"], lexicon).sentences]
            ident = f"{name}:{row.get('id', f't{n}')}"
            if calibration.troubling(row):
                red_flag_answers.append((ident, sentences))
            elif row["label"] >= 3:
                negatives.extend((ident, s) for s in sentences)
    negative_scores = [v.probability for v in probe.verdicts(_embed(embedder, [t for _, t in negatives]))]
    worst = int(np.argmax(negative_scores))
    threshold = max(FLOOR, negative_scores[worst] + MARGIN)
    print(f"tuning negatives: {len(negatives)} sentences (near misses and answers graded >= 3); highest probability "
          f"{negative_scores[worst]:.3f} ({negatives[worst][0]}) -> threshold {threshold:.3f}")
    probe = RedFlagProbe(embedder.name, classes, w, b, threshold=threshold)
    verdicts = probe.verdicts(_embed(embedder, [c["text"] for c in flagged]))
    right = sum(v.probability >= threshold and v.flag == c["flag"] for v, c in zip(verdicts, flagged, strict=True))
    found = sum(v.probability >= threshold for v in verdicts)
    print(f"tuning red-flag sentences, probe alone: {right}/{len(flagged)} with the right flag ({found} flagged)")
    shown = 0
    for _ident, sentences in red_flag_answers:
        if any(v.probability >= threshold for v in probe.verdicts(_embed(embedder, sentences))):
            shown += 1
    print(f"tuning red-flag answers with a probe hit: {shown}/{len(red_flag_answers)}")

    if cache is not None:
        np.savez(cache, texts=np.array(list(_MEMO)), vectors=np.vstack(list(_MEMO.values())))
    if dry_run:
        return 0
    digest = hashlib.sha256(TRAINING.read_bytes()).hexdigest()[:16]
    PROBE_FILE.write_text(
        probe.to_json(
            trained_on=f"tests/data/red_flag_training.yaml (sha256 {digest}), by benchmarks/train_redflag_probe.py",
            regularisation=best_lam,
            cross_validation=cv_summary,
            detector_cross_validation=detector_lines,
            tuning=f"threshold: highest tuning negative {negative_scores[worst]:.3f} + {MARGIN}; red-flag sentences "
            f"(tuning half) {right}/{len(flagged)} by the probe alone; red-flag answers {shown}/{len(red_flag_answers)}",
        ),
        encoding="utf-8",
    )
    print(f"wrote {PROBE_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
