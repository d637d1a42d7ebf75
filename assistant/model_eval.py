"""`assistant eval`: measure the configured LLM engine before trusting it.

A user can point the coach at any OpenAI-compatible model; this says how that model actually behaves here:

- structured output: for each method (json_schema, tool calling, JSON mode) how many probe requests gave a
  schema-valid reply, and which method the client settles on;
- the evaluator against the labelled calibration answers (`tests/data/calibration_answers.jsonl`, graded 1-4 by
  hand): Spearman rank correlation and mean absolute error of the model's own scores and of the scores shown after
  `check_verdict`, the offline coach's Spearman on the same answers for reference, the share of verdicts rejected
  as inconsistent and of calls that failed, and how many of the model's evidence quotes really occur in the answer;
- both graded sets, the original one and the hard one (`tests/data/calibration_hard.jsonl`: polished but evasive,
  off-question, ethically troubling, terse but strong, non-native English; graded 1-5), each whole and per
  tuning/check part (`part_of`): the model's, the shown and the offline coach's Spearman, how well plain length
  predicts the grade (the figure a scorer must beat to be judging more than length), and what level-1 answers got;
- the fabrication guard: its catch rate on the planted tailoring cases (`tests/data/guard_cases.yaml`) and false
  alarms on the faithful ones, plus how many of this model's own tailoring rewrites of that resume it flagged;
- latency per request (p50/p95), tokens and estimated cost.

The result is saved as the latest eval for this server and model (`data/evals/`), which the Settings page shows;
when the model's scores disagree with the labels, scoring stays offline unless the user opts in
(`LLM_SCORING=always`, see `scores_trusted`).
"""

from __future__ import annotations

import hashlib
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from assistant.config import REPO_ROOT, Settings
from assistant.errors import ConfigError, InputError

if TYPE_CHECKING:
    from assistant.knowledge.schema import ResumeTemplate
    from assistant.services import Services

CALIBRATION_FILE = REPO_ROOT / "tests" / "data" / "calibration_answers.jsonl"
CALIBRATION_HARD_FILE = REPO_ROOT / "tests" / "data" / "calibration_hard.jsonl"
GUARD_CASES_FILE = REPO_ROOT / "tests" / "data" / "guard_cases.yaml"
# Below this rank correlation with the labels, the model's scores are not trusted by default.
MIN_TRUSTED_SPEARMAN = 0.5
PROBES_PER_METHOD = 2
EVAL_BUDGET_TOKENS = 20_000_000


def ranks(values: list[float]) -> np.ndarray:
    """Ranks 0..n-1 with ties given their average rank (as Spearman's rho requires)."""
    x = np.asarray(values, dtype=float)
    order = np.argsort(x, kind="mergesort")
    r = np.empty(len(x))
    r[order] = np.arange(len(x))
    for value in np.unique(x):
        tied = x == value
        r[tied] = r[tied].mean()
    return r


def spearman(a: list[float], b: list[float]) -> float | None:
    """Spearman's rho; None when either side is constant or there are fewer than 3 pairs (undefined)."""
    if len(a) < 3:
        return None
    ra, rb = ranks(a), ranks(b)
    if ra.std() == 0 or rb.std() == 0:
        return None
    return float(np.corrcoef(ra, rb)[0, 1])


def part_of(answer: str) -> Literal["tuning", "check"]:
    """Which part of a graded set an answer belongs to; the split rule written down before any tuning: *check* when
    the first byte of the SHA-256 of its stripped UTF-8 text is odd, otherwise *tuning*. The offline coach's
    weights and red-flag data are adjusted on tuning parts only, so the check parts are the honest figures."""
    return "check" if hashlib.sha256(answer.strip().encode("utf-8")).digest()[0] % 2 else "tuning"


def troubling(row: dict[str, Any]) -> bool:
    """A graded answer marked as showing a red flag: the hard set's `kinds` say so, the fresh set's `red_flag` names
    it."""
    return "red_flag" in row.get("kinds", []) or bool(row.get("red_flag"))


def _percentile(values: list[float], q: float) -> float | None:
    return float(np.percentile(values, q)) if values else None


@dataclass
class EvalReport:
    """Everything `assistant eval` measured (the JSON output and the saved latest eval)."""

    engine: str
    model: str | None
    base_url: str | None
    finished_at: str
    answers: int
    structured: dict[str, dict[str, int]] = field(default_factory=dict)
    settled_method: str | None = None
    evaluator: dict[str, Any] = field(default_factory=dict)
    guard: dict[str, Any] = field(default_factory=dict)
    latency_s: dict[str, float | int | None] = field(default_factory=dict)
    usage: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    # Per graded set ("calibration", "hard"), per part ("all", "tuning", "check"): see `_set_figures`.
    sets: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def scores_agree(self) -> bool:
        rho = self.evaluator.get("spearman_model")
        return rho is not None and rho >= MIN_TRUSTED_SPEARMAN


def load_calibration(path: Path = CALIBRATION_FILE, limit: int | None = None) -> list[dict[str, Any]]:
    """The labelled answers; with `limit`, an evenly spread subset (every k-th row) so labels stay mixed."""
    if not path.is_file():
        raise InputError(f"Calibration file not found: {path}", code="invalid_input")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit is not None and 0 < limit < len(rows):
        step = len(rows) / limit
        rows = [rows[int(i * step)] for i in range(limit)]
    return rows


def _guard_static(cases: dict[str, Any], template: ResumeTemplate) -> dict[str, Any]:
    from assistant.resume.guard import FabricationGuard

    guard = FabricationGuard.for_role(cases["source"], template)
    planted = cases["planted"]
    caught = sum(bool(guard.check(case["line"])) for case in planted)
    false_alarms = sum(bool(guard.check(line)) for line in cases["faithful"])
    return {
        "planted": len(planted),
        "caught": caught,
        "catch_rate": caught / len(planted) if planted else None,
        "faithful": len(cases["faithful"]),
        "false_alarms": false_alarms,
    }


def _guard_on_model_rewrites(services: Services, client: Any, source: str) -> dict[str, Any]:
    """Tailor the guard-case resume with this model; count its rewrites and how many the guard flagged."""
    from assistant.llm.errors import LLMError
    from assistant.services import resume_intake

    try:
        from assistant.resume.intake import read_text

        intake = resume_intake(read_text(source, services.settings))
        tailored = services.tailor_resume(intake.resume, None, llm=client)
    except LLMError as exc:
        return {"model_rewrites": 0, "flagged": 0, "error": exc.code}
    rewrites = [c for c in tailored.changes if c.kind in ("rewrite", "summary") and c.after != c.before]
    flagged = sum(bool(c.findings) for c in rewrites)
    return {
        "model_rewrites": len(rewrites),
        "flagged": flagged,
        "fallback_reason": tailored.fallback_reason,
    }


def run_eval(
    services: Services,
    *,
    limit: int | None = None,
    calibration: Path = CALIBRATION_FILE,
    hard: Path | None = CALIBRATION_HARD_FILE,
    probes: int = PROBES_PER_METHOD,
    progress: Callable[[str], None] | None = None,
) -> EvalReport:
    """Measure the configured engine (see the module docstring). Raises `ConfigError` when no LLM is configured.
    `limit` applies to each graded set; with `hard=None` only the original set is scored."""
    import yaml

    from assistant.interview.llm_evaluator import LLMEvaluator
    from assistant.llm.client import STRUCTURED_METHODS, forget_structured_methods

    say = progress or (lambda _m: None)
    started = time.perf_counter()
    rows = load_calibration(calibration, limit)
    client = services.new_llm_client(budget_tokens=EVAL_BUDGET_TOKENS)
    if client is None:
        raise ConfigError(f"No LLM engine to evaluate ({services.engine.reason}).", code="config")
    forget_structured_methods()
    resolver = services.question_resolver
    contexts = [resolver.resolve(r["question"], r.get("competency")) for r in rows]
    evaluator = LLMEvaluator(client, services.knowledge, fallback=services.offline_scorer)

    # 1. Structured output, one method at a time, on the first answers.
    structured: dict[str, dict[str, int]] = {}
    for method in STRUCTURED_METHODS:
        say(f"Probing structured output: {method}")
        client.methods = (method,)
        ok = 0
        tried = list(zip(contexts, rows, strict=True))[:probes]
        for context, row in tried:
            outcome = evaluator.evaluate_detailed(context, row["answer"])
            ok += outcome.check is not None
        structured[method] = {"probes": len(tried), "schema_valid": ok}
    client.methods = STRUCTURED_METHODS

    # 2. The evaluator on every labelled answer (the client's normal method order and memory), then on the hard set.
    scored = _score_rows(evaluator, services, contexts, rows, say, "calibration answer")
    labels = [r.label for r in scored]
    shown = [r.shown for r in scored]
    offline_scores = [r.offline for r in scored]
    model_scores = [r.model for r in scored if r.model is not None]
    model_labels = [r.label for r in scored if r.model is not None]
    failed = sum(r.error is not None for r in scored)
    rejected = sum(r.rejected for r in scored)
    offered = sum(r.quotes_offered for r in scored)
    valid = sum(r.quotes_valid for r in scored)
    reasons: dict[str, int] = {}
    for r in scored:
        for key in r.reasons:
            reasons[key] = reasons.get(key, 0) + 1
    answered = len(rows) - failed
    evaluator_stats = {
        "answers": len(rows),
        "spearman_model": spearman(model_scores, model_labels),
        "mae_model": statistics.fmean(abs(a - b) for a, b in zip(model_scores, model_labels, strict=True))
        if model_scores else None,
        "spearman_shown": spearman(shown, labels),
        "mae_shown": statistics.fmean(abs(a - b) for a, b in zip(shown, labels, strict=True)) if shown else None,
        "spearman_offline": spearman(offline_scores, labels),
        "failed_share": failed / len(rows) if rows else None,
        "rejected_share": rejected / answered if answered else None,
        "rejection_reasons": reasons,
        "quotes_offered": offered,
        "quote_validity": valid / offered if offered else None,
    }
    sets = {"calibration": _set_figures(scored)}
    if hard is not None:
        hard_rows = load_calibration(hard, limit)
        hard_contexts = [resolver.resolve(r["question"], r.get("competency")) for r in hard_rows]
        sets["hard"] = _set_figures(_score_rows(evaluator, services, hard_contexts, hard_rows, say, "hard-set answer"))

    # 3. The fabrication guard: planted cases, and this model's own rewrites of that resume.
    say("Checking the fabrication guard")
    cases = yaml.safe_load(GUARD_CASES_FILE.read_text(encoding="utf-8"))
    guard = _guard_static(cases, services.knowledge.template)
    guard.update(_guard_on_model_rewrites(services, client, cases["source"]))

    latencies = client.stats.latencies
    report = EvalReport(
        engine="llm",
        model=services.engine.model,
        base_url=services.engine.base_url,
        finished_at=datetime.now(UTC).isoformat(timespec="seconds"),
        answers=len(rows),
        structured=structured,
        settled_method=client.structured_method,
        evaluator=evaluator_stats,
        guard=guard,
        latency_s={
            "requests": len(latencies),
            "p50": _percentile(latencies, 50),
            "p95": _percentile(latencies, 95),
        },
        usage=client.meter.summary(),
        seconds=time.perf_counter() - started,
        sets=sets,
    )
    report.warnings = _warnings(report)
    return report


@dataclass(frozen=True)
class _Scored:
    """One labelled answer as the evaluator and the offline coach scored it."""

    answer: str
    label: float
    shown: float
    offline: float
    model: float | None
    error: str | None
    rejected: bool
    reasons: tuple[str, ...]
    quotes_offered: int
    quotes_valid: int
    troubling: bool = False  # graded as showing a red flag
    flagged_offline: bool = False  # the offline coach showed a red flag
    flagged_by_model: bool = False  # the model reported one the offline coach missed, and it counted


def _score_rows(
    evaluator: Any, services: Services, contexts: list[Any], rows: list[dict[str, Any]],
    say: Callable[[str], None], what: str,
) -> list[_Scored]:
    out: list[_Scored] = []
    for i, (context, row) in enumerate(zip(contexts, rows, strict=True), 1):
        say(f"Scoring {what} {i}/{len(rows)}")
        outcome = evaluator.evaluate_detailed(context, row["answer"])
        offline_evaluation = services.offline_scorer.evaluate(context, row["answer"])
        offline = float(offline_evaluation.score)
        check = outcome.check
        reasons: list[str] = []
        if check is None:
            reasons.append(f"call failed: {outcome.error}")
        elif not check.accepted:
            for reason in check.reasons:
                key = reason.split(" (")[0].split(" is more than")[0]
                key = "disagrees with the offline coach" if "offline coach" in reason else key
                key = "overall contradicts its dimensions" if "contradicts" in reason else key
                key = "quotes not in the answer" if "quotes occur" in reason else key
                reasons.append(key)
        out.append(_Scored(
            answer=row["answer"],
            label=float(row["label"]),
            shown=float(outcome.evaluation.score),
            offline=offline,
            model=float(check.model_score) if check is not None and check.model_score is not None else None,
            error=None if check is not None else str(outcome.error),
            rejected=check is not None and not check.accepted,
            reasons=tuple(reasons),
            quotes_offered=check.quotes_offered if check is not None else 0,
            quotes_valid=check.quotes_valid if check is not None else 0,
            troubling=troubling(row),
            flagged_offline=bool(offline_evaluation.red_flags),
            flagged_by_model=any(f.detected_by == "llm" for f in outcome.evaluation.red_flags),
        ))
    return out


def _set_figures(scored: list[_Scored]) -> dict[str, dict[str, Any]]:
    """Per part of one graded set: how each scorer ranks the answers, how well plain length would have ranked them
    (beside the scorers' figures: a scorer no better than word count judges polish), and what the weakest
    (level-1) answers were given: a coach that calls them strong misleads the candidate it is training."""
    figures: dict[str, dict[str, Any]] = {}
    for part in ("all", "tuning", "check"):
        chosen = [r for r in scored if part == "all" or part_of(r.answer) == part]
        labels = [r.label for r in chosen]
        modelled = [r for r in chosen if r.model is not None]
        level_one = [r for r in chosen if r.label == 1]
        figures[part] = {
            "answers": len(chosen),
            "spearman_model": spearman([r.model for r in modelled if r.model is not None],
                                       [r.label for r in modelled]),
            "spearman_shown": spearman([r.shown for r in chosen], labels),
            "spearman_offline": spearman([r.offline for r in chosen], labels),
            "spearman_length": spearman([float(len(r.answer.split())) for r in chosen], labels),
            "level_one": len(level_one),
            "level_one_mean_shown": statistics.fmean(r.shown for r in level_one) if level_one else None,
            "level_one_high_shown": sum(r.shown >= 4 for r in level_one),
            "level_one_mean_offline": statistics.fmean(r.offline for r in level_one) if level_one else None,
            "level_one_high_offline": sum(r.offline >= 4 for r in level_one),
            # Red flags (issue #17): answers graded as showing one, how many showed a flag offline and how many more
            # the model found; and the model's flags on answers graded honest (its false alarms).
            "red_flag_answers": sum(r.troubling for r in chosen),
            "red_flag_answers_flagged_offline": sum(r.troubling and r.flagged_offline for r in chosen),
            "red_flag_answers_flagged_by_model_only": sum(
                r.troubling and r.flagged_by_model and not r.flagged_offline for r in chosen),
            "honest_answers_flagged_by_model": sum(not r.troubling and r.flagged_by_model for r in chosen),
        }
    return figures


def _warnings(report: EvalReport) -> list[str]:
    found = []
    rho = report.evaluator.get("spearman_model")
    if rho is None or rho < MIN_TRUSTED_SPEARMAN:
        shown = "undefined" if rho is None else f"{rho:.2f}"
        found.append(
            f"This model's scores disagree with the calibration labels (Spearman {shown}, below "
            f"{MIN_TRUSTED_SPEARMAN}); answers are scored by the offline coach unless LLM_SCORING=always."
        )
    if not any(v["schema_valid"] for v in report.structured.values()):
        found.append("No structured-output method gave a schema-valid reply: every LLM evaluation falls back.")
    rejected = report.evaluator.get("rejected_share")
    if rejected is not None and rejected > 0.5:
        found.append(f"{rejected:.0%} of this model's verdicts failed the sanity check.")
    return found


# --- saved results ----------------------------------------------------------------------------------------------


def _eval_path(settings: Settings, model: str | None, base_url: str | None) -> Path:
    key = hashlib.sha256(f"{base_url or 'openai'}|{model}".encode()).hexdigest()[:16]
    return settings.data_dir / "evals" / f"{key}.json"


def save_report(settings: Settings, report: EvalReport) -> Path:
    path = _eval_path(settings, report.model, report.base_url)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(report.to_dict(), indent=1), encoding="utf-8")
    tmp.replace(path)
    return path


def latest_report(settings: Settings, model: str | None, base_url: str | None) -> EvalReport | None:
    """The latest saved eval of this server and model, or None (also when the file is unreadable)."""
    path = _eval_path(settings, model, base_url)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return EvalReport(**data)
    except (OSError, ValueError, TypeError):
        return None


def scores_trusted(settings: Settings, model: str | None, base_url: str | None) -> bool:
    """Whether the LLM evaluator may score answers: yes unless the latest eval of this model found its scores
    disagree with the labels (then only with LLM_SCORING=always); LLM_SCORING=never keeps scoring offline."""
    mode = settings.llm_scoring
    if mode == "never":
        return False
    if mode == "always":
        return True
    report = latest_report(settings, model, base_url)
    return report is None or report.scores_agree


# --- rendering ----------------------------------------------------------------------------------------------------


def _fmt(value: Any, pattern: str = "{:.2f}") -> str:
    return "n/a" if value is None else pattern.format(value)


def _red_flag_cell(figures: dict[str, Any]) -> str:
    """"offline + model / graded" for one part (n/a in an eval saved before these were measured)."""
    if "red_flag_answers" not in figures:
        return "n/a"
    return (f"{figures['red_flag_answers_flagged_offline']} + {figures['red_flag_answers_flagged_by_model_only']}"
            f" / {figures['red_flag_answers']}")


def to_markdown(report: EvalReport) -> str:
    e, g, lat, u = report.evaluator, report.guard, report.latency_s, report.usage
    lines = [
        f"# Model eval: {report.model} ({report.base_url or 'api.openai.com'})",
        "",
        f"{report.answers} labelled answers, finished {report.finished_at}, {report.seconds:.0f} s.",
        "",
        "## Structured output",
        "",
        "| method | schema-valid / probes |",
        "|---|---|",
        *[f"| {m} | {v['schema_valid']}/{v['probes']} |" for m, v in report.structured.items()],
        "",
        f"The client settled on: **{report.settled_method or 'none'}**.",
        "",
        "## Evaluator vs. calibration labels",
        "",
        "| measure | value |",
        "|---|---|",
        f"| Spearman, model's own scores | {_fmt(e.get('spearman_model'))} |",
        f"| MAE, model's own scores | {_fmt(e.get('mae_model'))} |",
        f"| Spearman, scores shown (after the sanity check) | {_fmt(e.get('spearman_shown'))} |",
        f"| MAE, scores shown | {_fmt(e.get('mae_shown'))} |",
        f"| Spearman, offline coach (reference) | {_fmt(e.get('spearman_offline'))} |",
        f"| verdicts rejected by the sanity check | {_fmt(e.get('rejected_share'), '{:.0%}')} |",
        f"| calls that failed (offline fallback) | {_fmt(e.get('failed_share'), '{:.0%}')} |",
        f"| evidence quotes found in the answer | {_fmt(e.get('quote_validity'), '{:.0%}')} "
        f"of {e.get('quotes_offered', 0)} |",
        "",
    ]
    if e.get("rejection_reasons"):
        lines += ["Why verdicts were not used: " + ", ".join(f"{k} ({v})" for k, v in e["rejection_reasons"].items()), ""]
    if report.sets:
        lines += [
            "## Both graded sets, per part",
            "",
            "The hard set is polished but evasive, off-question, ethically troubling, terse but strong and non-native "
            "answers. *Length* is Spearman(word count, grade): a scorer should be well above it. Check parts were "
            "never used to tune the offline coach. Level-1 columns are for the scores shown. *Red flags*: of the "
            "answers graded as showing one, how many the offline coach flagged, and how many more the model found "
            "(quoted and acted on); *model's false flags*: answers graded honest that the model flagged.",
            "",
            "| set | part | answers | Spearman model | shown | offline | length | level-1 mean | level-1 scored 4-5 "
            "| red flags: offline + model | model's false flags |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for name, parts in report.sets.items():
            for part, f in parts.items():
                lines.append(
                    f"| {name} | {part} | {f['answers']} | {_fmt(f['spearman_model'])} | {_fmt(f['spearman_shown'])} "
                    f"| {_fmt(f['spearman_offline'])} | {_fmt(f['spearman_length'], '{:+.2f}')} "
                    f"| {_fmt(f['level_one_mean_shown'])} | {f['level_one_high_shown']}/{f['level_one']} "
                    f"| {_red_flag_cell(f)} | {f.get('honest_answers_flagged_by_model', 'n/a')} |"
                )
        lines.append("")
    lines += [
        "## Fabrication guard",
        "",
        f"- Planted tailoring cases caught: {g.get('caught')}/{g.get('planted')}; false alarms on faithful "
        f"rewrites: {g.get('false_alarms')}/{g.get('faithful')}.",
        f"- This model's rewrites of that resume: {g.get('model_rewrites', 0)}, of which the guard flagged "
        f"{g.get('flagged', 0)}.",
        "",
        "## Latency and cost",
        "",
        f"- {lat.get('requests')} requests; p50 {_fmt(lat.get('p50'), '{:.1f} s')}, p95 {_fmt(lat.get('p95'), '{:.1f} s')}.",
        f"- Tokens: {u.get('prompt_tokens')} prompt + {u.get('completion_tokens')} completion"
        + (" (approximate)" if u.get("approximate") else "")
        + f"; estimated cost {_fmt(u.get('estimated_cost_usd'), '${:.4f}')}.",
        "",
    ]
    if report.warnings:
        lines += ["## Warnings", "", *[f"- {w}" for w in report.warnings], ""]
    return "\n".join(lines)
