"""Fit the offline scorer's combination (dimension weights, penalty sizes) to the graded TUNING answers, by 5-fold CV.

`python -m benchmarks.fit_scorer_weights [--refresh] [--loss squared|pairs | --both] [--repeats N]`
(--refresh: recompute the cached breakdowns; --repeats: the same CV under N other fold hashes, ~1 min each)

Issue 17 asked whether a *fitted* combination of the five dimensions generalises better than the hand-set one
(`ScoringPolicy.weights`, 0.15/0.25/0.25/0.15/0.20, and the penalty sizes). This script:

1. scores every TUNING row of the three graded sets (tests/support/calibration.py: the hash rule; check rows are
   never loaded) ONCE with today's `OfflineScorer.breakdown` and caches what the combination needs: the five
   dimension values, the five penalty components, the lowest cap, and a few extra counts (`StoryCounts`,
   `RelevanceBreakdown`, `Evasion`);
2. re-combines them as today's scorer does, `score = round(clip(min(w . dims - m . penalties [+ e . extras],
   lowest cap), 1, 5))`, with non-negative dimension weights summing to 1 and non-negative penalty multipliers
   (1 = today's sizes); caps are kept as they are and applied after;
3. fits w and m (and, in the "extras" variant, signed coefficients e on standardised extra inputs, strongly shrunk to
   0) by squared error to the grade (or a pairwise logistic ranking loss within each set) with an L2 pull toward
   today's numbers, whose strength is chosen by an inner 4-fold CV on the training folds only;
4. reports, over 5 outer folds of the pooled tuning rows (fold = a hash of set and answer id), the out-of-fold
   Spearman per set and pooled, for today's hand weights and each fitted variant, and the hard set's level-1 mean
   and how many level-1/2 answers score 4-5.

Adopted only if the pooled out-of-fold Spearman rises, no set falls by more than 0.02, and the level-1 figures do
not get worse (issue 17's rule). See RESULT below for what happened.

RESULT (2026-12-03, `--both --repeats 5`, 153 tuning rows: fresh 61, hard 54, calibration 38): NOT ADOPTED;
policy.py keeps its hand weights. Out-of-fold Spearman (integer scores), hard level-1 mean, level-1/2 scored 4-5:

                          pooled  fresh   hard  calib  hardL1  hardL12>=4  allL12>=4
    hand (today)           0.740  0.440  0.857  0.936   1.37       1          6
    fitted squared         0.743  0.434  0.878  0.899   1.42       1          6   calibration -0.037, level-1 worse
    fitted squared +extras 0.739  0.425  0.855  0.918   1.42       2          8   pooled falls, level-1 worse
    fitted pairs           0.742  0.443  0.861  0.936   1.37       1          6   see below
    fitted pairs +extras   0.742  0.443  0.861  0.936   1.37       1          6   extras shrunk to ~0
    in-sample ceiling      0.770  0.497  0.875  0.934   1.42       1          6   no CV, no L2: an upper bound

- The pairwise variant passes the letter of the rule (+0.002 pooled, no set falls) but its inner CV chose the
  strongest pull (lambda 10 in 3 of 5 folds): the full fit is 0.151/0.246/0.253/0.153/0.197, penalties x1.00, and it
  changes 1 of the 153 tuning scores. That is today's combination, not a finding; writing it into policy.py would
  only add noise to the history.
- The squared-error fit moves weight from altitude (0.20 -> 0.12) and ownership to relevance (0.15 -> 0.23) and
  specificity: the hard set gains (+0.02 on every fold hash) and the original set loses (-0.011 to -0.037): the
  sets pull the combination in opposite directions, and the level-1 mean worsens on 4 of 5 other fold hashes.
- Over 5 other fold hashes the pooled gains stay small (on average: squared +0.013, squared +extras +0.022, pairs
  +0.002, pairs +extras +0.005) and the original set never rises (on average -0.022, -0.018, -0.004, -0.011); the
  squared +extras variant lifts one hard level-1 answer to 2 on every hash.
- Penalty multipliers never leave 1.00 under the chosen L2: the penalties touch few rows (hedging 32, platitudes 21,
  evasion 14, rambling 4 with tiny values, instructions 0), and 29 of 153 rows are held by a cap anyway.
- Even fitted on all rows and judged on the same rows, no combination of these inputs reaches more than 0.77 pooled
  (from 0.74): the error is in the dimension signals and caps, not in how they are added up.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.interview.policy import DEFAULT_POLICY
from benchmarks.common import spearman
from tests.support import calibration
from tests.support.calibration import CALIBRATION, CALIBRATION_FRESH, CALIBRATION_HARD

Row = dict[str, Any]
ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "data" / "cache" / "fit_scorer_weights.json"  # /data/ is git-ignored
SETS = (("fresh", CALIBRATION_FRESH), ("hard", CALIBRATION_HARD), ("calibration", CALIBRATION))
DIMS = ("structure", "ownership", "specificity", "relevance", "altitude")
PENALTIES = ("hedging", "platitudes", "rambling", "instructions", "evasion")
EXTRAS = ("evasion_kinds", "off_question_share", "own_actions_clipped", "action_pivot", "hypothetical_clipped",
          "team_share")
FOLDS = 5
LAMBDAS = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)  # L2 pull toward today's numbers (per parameter, on the mean loss)
EXTRA_LAMBDA_FACTOR = 10.0  # the extras are pulled to 0 ten times harder than the weights to today's


# --- 1. the cached breakdowns ---------------------------------------------------------------------------------------


def _source_key() -> str:
    """Cache key: the scorer's code, its lexicon and the graded files; a change to any recomputes the breakdowns."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "assistant" / "interview").glob("*.py")) + [p for _, p in SETS]:
        digest.update(path.read_bytes())
    for path in sorted((ROOT / "assistant").rglob("*.yaml")):
        digest.update(path.read_bytes())
    digest.update(repr(DEFAULT_POLICY).encode())
    return digest.hexdigest()


def _compute_rows() -> list[Row]:
    from assistant.llm.safety import clean_untrusted
    from benchmarks.common import offline_scoring

    resolver, scorer = offline_scoring(DEFAULT_POLICY)
    out = []
    for name, path in SETS:
        for n, row in enumerate(calibration.load(path, "tuning")):  # tuning rows only, by construction
            row_id = row.get("id", f"t{n}")  # the original set has no ids: its tuning rows by position
            question = resolver.resolve(row["question"], row.get("competency"))
            b, _ = scorer.breakdown(question, clean_untrusted(row["answer"]))
            c, rel, ev = b.counts, b.relevance, b.evasion
            own = c.own_actions + c.hypothetical_actions
            out.append({
                "set": name,
                "id": row_id,
                "label": row["label"],
                "dims": [getattr(b.dimensions, d) for d in DIMS],
                "penalties": [getattr(b.penalties, k) for k in PENALTIES],
                "cap": min([c_.limit for c_ in b.caps], default=5.0),
                "overall": b.overall,
                "extras": [
                    float(ev.no_action_for_question + ev.future_vision + ev.generic_framework),
                    rel.off_question_share,
                    min(c.own_actions, 4) / 4,
                    rel.action_pivot if rel.action_pivot is not None else 0.0,
                    min(c.hypothetical_actions, 3) / 3,
                    c.team_references / (c.team_references + own) if (c.team_references + own) else 0.0,
                ],
            })
    return out


def load_rows(refresh: bool = False) -> list[Row]:
    key = _source_key()
    if not refresh and CACHE.exists():
        cached = json.loads(CACHE.read_text(encoding="utf-8"))
        if cached.get("key") == key:
            rows: list[Row] = cached["rows"]
            return rows
    rows = _compute_rows()
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_text(json.dumps({"key": key, "rows": rows}), encoding="utf-8")
    return rows


# --- 2. the combination ---------------------------------------------------------------------------------------------


@dataclass
class Data:
    dims: np.ndarray  # (n, 5)
    pens: np.ndarray  # (n, 5)
    extras: np.ndarray  # (n, k), standardised on the training rows
    cap: np.ndarray  # (n,)
    label: np.ndarray  # (n,)
    group: np.ndarray  # (n,) set index, for the pairwise loss


def _data(rows: list[Row], idx: np.ndarray, mean: np.ndarray | float, std: np.ndarray | float, extras: bool) -> Data:
    """The rows at `idx` as arrays; extras standardised by `mean`/`std` (scalars 0/1 where extras are off)."""
    sel = [rows[i] for i in idx]
    ex = np.array([r["extras"] for r in sel], dtype=float).reshape(len(sel), -1)
    ex = (ex - mean) / std if extras else np.zeros((len(sel), 0))
    return Data(
        dims=np.array([r["dims"] for r in sel], dtype=float),
        pens=np.array([r["penalties"] for r in sel], dtype=float),
        extras=ex,
        cap=np.array([r["cap"] for r in sel], dtype=float),
        label=np.array([r["label"] for r in sel], dtype=float),
        group=np.array([[s for s, _ in SETS].index(r["set"]) for r in sel]),
    )


W0 = np.array([DEFAULT_POLICY.weights[d] for d in DIMS])
M0 = np.ones(len(PENALTIES))


def _unpack(theta: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return theta[:5], theta[5:10], theta[10:10 + k]


def predict(theta: np.ndarray, d: Data) -> tuple[np.ndarray, np.ndarray]:
    """Continuous score and a 0/1 mask of rows where it moves with theta (neither capped nor clipped)."""
    w, m, e = _unpack(theta, d.extras.shape[1])
    lin = d.dims @ w - d.pens @ m + d.extras @ e
    out = np.clip(np.minimum(lin, d.cap), 1.0, 5.0)
    free = ((lin < d.cap) & (lin > 1.0) & (lin < 5.0)).astype(float)
    return out, free


def _features(d: Data) -> np.ndarray:
    return np.hstack([d.dims, -d.pens, d.extras])


def _loss(
    theta: np.ndarray, d: Data, lam: float, loss: str, pairs: tuple[np.ndarray, np.ndarray]
) -> tuple[float, np.ndarray]:
    k = d.extras.shape[1]
    pred, free = predict(theta, d)
    x = _features(d) * free[:, None]
    if loss == "squared":
        r = pred - d.label
        value = float(np.mean(r ** 2))
        grad = 2 * (r @ x) / len(r)
    else:  # pairwise logistic: every pair in one set with different grades, the better one should score higher
        i, j = pairs
        z = 2.0 * (pred[i] - pred[j])
        value = float(np.mean(np.logaddexp(0.0, -z)))
        g = -2.0 / (1.0 + np.exp(z)) / len(i)
        grad = g @ (x[i] - x[j])
    prior = np.concatenate([W0, M0, np.zeros(k)])
    scale = np.concatenate([np.ones(10), EXTRA_LAMBDA_FACTOR * np.ones(k)])
    diff = theta - prior
    value += lam * float(np.sum(scale * diff ** 2))
    grad = grad + 2 * lam * scale * diff
    return value, grad


def _pairs(d: Data) -> tuple[np.ndarray, np.ndarray]:
    i, j = np.where((d.group[:, None] == d.group[None, :]) & (d.label[:, None] > d.label[None, :]))
    return i, j


def _project(theta: np.ndarray, k: int) -> np.ndarray:
    """Onto the feasible set: weights on the simplex (>= 0, sum 1), multipliers in [0, 4], extras in [-2, 2]."""
    w = theta[:5]
    u = np.sort(w)[::-1]
    css = np.cumsum(u) - 1.0
    rho = np.nonzero(u - css / np.arange(1, 6) > 0)[0][-1]
    w = np.maximum(w - css[rho] / (rho + 1), 0.0)
    return np.concatenate([w, np.clip(theta[5:10], 0.0, 4.0), np.clip(theta[10:10 + k], -2.0, 2.0)])


def fit(d: Data, lam: float, loss: str, steps: int = 400) -> np.ndarray:
    """Projected gradient descent with a backtracking step (numpy only: the venv has no scipy), from today's
    numbers. The loss is piecewise smooth (caps and the 1-5 clip), which this handles well enough at this size."""
    k = d.extras.shape[1]
    theta = np.concatenate([W0, M0, np.zeros(k)])
    pairs = _pairs(d)
    value, grad = _loss(theta, d, lam, loss, pairs)
    step = 1.0
    for _ in range(steps):
        while True:
            candidate = _project(theta - step * grad, k)
            new_value, new_grad = _loss(candidate, d, lam, loss, pairs)
            if new_value <= value - 1e-4 * float(np.sum((candidate - theta) ** 2)) / step or step < 1e-8:
                break
            step *= 0.5
        if abs(value - new_value) < 1e-10:
            theta = candidate
            break
        theta, value, grad = candidate, new_value, new_grad
        step = min(step * 2.0, 10.0)
    return theta


# --- 3. cross-validation -------------------------------------------------------------------------------------------


def fold_of(row: Row, folds: int = FOLDS, salt: str = "") -> int:
    return hashlib.sha256(f"{salt}{row['set']}:{row['id']}".encode()).digest()[0] % folds


def _standardise(rows: list[Row], idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ex = np.array([rows[i]["extras"] for i in idx], dtype=float)
    std = ex.std(axis=0)
    return ex.mean(axis=0), np.where(std > 1e-9, std, 1.0)


def _to_score(x: np.ndarray) -> np.ndarray:
    return np.clip(np.floor(x + 0.5), 1, 5)


def _fit_choosing_lambda(
    rows: list[Row], train: np.ndarray, extras: bool, loss: str
) -> tuple[np.ndarray, float, tuple[np.ndarray, np.ndarray]]:
    """Choose the L2 strength by an inner CV on `train` only (mean squared error of the integer-free continuous
    score, or pairwise loss), then fit on all of `train`."""
    inner = np.array([fold_of(rows[i], 4, salt="inner:") for i in train])
    best = (math.inf, LAMBDAS[-1])
    for lam in LAMBDAS:
        total = 0.0
        for f in range(4):
            tr, va = train[inner != f], train[inner == f]
            mean, std = _standardise(rows, tr)
            theta = fit(_data(rows, tr, mean, std, extras), lam, loss)
            dva = _data(rows, va, mean, std, extras)
            total += _loss(theta, dva, 0.0, loss, _pairs(dva))[0] * len(va)
        best = min(best, (total, lam))
    lam = best[1]
    mean, std = _standardise(rows, train)
    return fit(_data(rows, train, mean, std, extras), lam, loss), lam, (mean, std)


def cross_validate(
    rows: list[Row], extras: bool, loss: str, salt: str = ""
) -> tuple[np.ndarray, list[float]]:
    folds = np.array([fold_of(r, salt=salt) for r in rows])
    oof = np.zeros(len(rows))
    chosen = []
    for f in range(FOLDS):
        train, test = np.where(folds != f)[0], np.where(folds == f)[0]
        theta, lam, (mean, std) = _fit_choosing_lambda(rows, train, extras, loss)
        chosen.append(lam)
        oof[test] = predict(theta, _data(rows, test, mean, std, extras))[0]
    return oof, chosen


def figures(rows: list[Row], cont: np.ndarray) -> dict[str, float]:
    scores = _to_score(cont)
    labels = np.array([r["label"] for r in rows], dtype=float)
    sets = np.array([r["set"] for r in rows])
    out = {"pooled": spearman(list(scores), list(labels))}
    for name, _ in SETS:
        mask = sets == name
        out[name] = spearman(list(scores[mask]), list(labels[mask]))
    hard = sets == "hard"
    level_one = scores[hard & (labels == 1)]
    out["hard_l1_mean"] = float(level_one.mean())
    out["hard_l12_ge4"] = float(np.sum(scores[hard & (labels <= 2)] >= 4))
    out["all_l12_ge4"] = float(np.sum(scores[labels <= 2] >= 4))
    return out


def main(argv: list[str]) -> int:
    rows = load_rows(refresh="--refresh" in argv)
    losses = ["pairs"] if "--loss" in argv and argv[argv.index("--loss") + 1] == "pairs" else ["squared"]
    if "--both" in argv:
        losses = ["squared", "pairs"]
    hand = np.array([r["overall"] for r in rows])
    # Sanity: today's combination recomputed from the cache gives today's scores exactly.
    everything = np.arange(len(rows))
    recomputed = predict(np.concatenate([W0, M0]), _data(rows, everything, 0, 1, False))[0]
    assert np.allclose(recomputed, hand), "the cached breakdown does not reproduce today's scores"
    counts = {name: sum(r["set"] == name for r in rows) for name, _ in SETS}
    sizes = [sum(fold_of(r) == f for r in rows) for f in range(FOLDS)]
    print(f"tuning rows: {counts} (pooled {len(rows)}); fold sizes {sizes}")
    table = [("hand (today)", figures(rows, hand), "")]
    for loss in losses:
        for extras in (False, True):
            oof, lams = cross_validate(rows, extras, loss)
            name = f"fitted {loss}{' +extras' if extras else ''}"
            table.append((name, figures(rows, oof), "lambda per fold " + ",".join(f"{x:g}" for x in lams)))
    print(f"{'out-of-fold, tuning rows':28} {'pooled':>7} {'fresh':>7} {'hard':>7} {'calib':>7} {'hardL1':>7} "
          f"{'hardL12>=4':>10} {'allL12>=4':>9}")
    for name, fig, note in table:
        print(f"{name:28} {fig['pooled']:7.3f} {fig['fresh']:7.3f} {fig['hard']:7.3f} {fig['calibration']:7.3f} "
              f"{fig['hard_l1_mean']:7.2f} {int(fig['hard_l12_ge4']):10d} {int(fig['all_l12_ge4']):9d}  {note}")
    # What the combination could do at best: fitted on all rows, unregularised, judged on the same rows.
    for loss in losses:
        theta = fit(_data(rows, everything, 0, 1, False), 0.0, loss, steps=2000)
        fig = figures(rows, predict(theta, _data(rows, everything, 0, 1, False))[0])
        print(f"{'in-sample ceiling ' + loss:28} {fig['pooled']:7.3f} {fig['fresh']:7.3f} {fig['hard']:7.3f} "
              f"{fig['calibration']:7.3f} {fig['hard_l1_mean']:7.2f} {int(fig['hard_l12_ge4']):10d} "
              f"{int(fig['all_l12_ge4']):9d}  (no CV, no L2: an upper bound, not a figure) weights "
              + "/".join(f"{x:.2f}" for x in theta[:5]) + " multipliers " + "/".join(f"{x:.2f}" for x in theta[5:10]))
    # How much of a difference is the fold assignment: the same CV with other fold hashes.
    repeats = int(argv[argv.index("--repeats") + 1]) if "--repeats" in argv else 0
    hand_fig = table[0][1]
    keys = ("pooled", "fresh", "hard", "calibration", "hard_l1_mean", "hard_l12_ge4")
    for loss in losses if repeats else []:
        for extras in (False, True):
            deltas = np.array([
                [fig[key] - hand_fig[key] for key in keys]
                for fig in (figures(rows, cross_validate(rows, extras, loss, salt=f"r{n}:")[0]) for n in range(repeats))
            ])
            print(f"{repeats} other fold hashes, fitted {loss}{' +extras' if extras else ''} minus hand, "
                  "mean [min, max]: "
                  + "; ".join(f"{key} {deltas[:, c].mean():+.3f} [{deltas[:, c].min():+.3f}, {deltas[:, c].max():+.3f}]"
                              for c, key in enumerate(keys)))
    # The numbers a full fit (all pooled tuning rows, lambda by CV on them) would write into policy.py.
    for loss in losses:
        theta, lam, _ = _fit_choosing_lambda(rows, everything, False, loss)
        w, m, _ = _unpack(theta, 0)
        changed = int(np.sum(_to_score(predict(theta, _data(rows, everything, 0, 1, False))[0]) != _to_score(hand)))
        print(f"full fit ({loss}, lambda {lam:g}): weights "
              + ", ".join(f"{d} {x:.3f}" for d, x in zip(DIMS, w, strict=True))
              + "; penalty multipliers " + ", ".join(f"{k} {x:.2f}" for k, x in zip(PENALTIES, m, strict=True))
              + f"; tuning scores it changes: {changed}/{len(rows)}")
        theta, lam, _ = _fit_choosing_lambda(rows, everything, True, loss)
        print(f"full fit ({loss} +extras, lambda {lam:g}): extras (per SD) "
              + ", ".join(f"{k} {x:+.3f}" for k, x in zip(EXTRAS, theta[10:], strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
