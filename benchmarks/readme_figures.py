"""`make readme-figures`: write README.md's figures from docs/benchmarks.md, so the two never disagree.

The README's "What it measures up to" list sits between `<!-- figures:start -->` and `<!-- figures:end -->` and is
generated here, never typed: every number in it is read from a row of docs/benchmarks.md (which `make bench`
writes), and `tests/test_readme_figures.py` fails when the README's block differs from what this renders.

Where a labelled set is split into a tuning part and a check part (calibration answers, the labelled resumes,
instruction cases), only the check part is read: figures on data the heuristics were tuned on flatter them. The
tuning-part rows stay in docs/benchmarks.md beside the check parts, for comparison.

`python -m benchmarks.readme_figures` rewrites the block; `--check` only reports whether it is up to date (exit 1).
A row this needs but docs/benchmarks.md lacks is a clear error (exit 2) naming the row, not a stale figure.
"""

from __future__ import annotations

import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO / "docs" / "benchmarks.md"
README = REPO / "README.md"
START, END = "<!-- figures:start -->", "<!-- figures:end -->"
_WIDTH = 116  # the README's line width


class FiguresError(Exception):
    """docs/benchmarks.md or README.md is not in the shape this script reads."""


@dataclass(frozen=True)
class Row:
    section: str
    metric: str
    value: str
    target: str
    note: str


class Benchmarks:
    """The rows of docs/benchmarks.md's tables, looked up by section heading and metric name."""

    def __init__(self, markdown: str) -> None:
        self.rows: list[Row] = []
        section = ""
        for line in markdown.splitlines():
            if line.startswith("## "):
                section = line[3:].strip()
            elif line.startswith("|") and not line.startswith(("| metric |", "|---")) and section:
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                if len(cells) >= 4:
                    metric, value, target, note = cells[0], cells[1], cells[2], "|".join(cells[3:])
                    self.rows.append(Row(section, metric, value, target, note))

    def row(self, section: str, metric: str) -> Row:
        for r in self.rows:
            if r.section.startswith(section) and r.metric == metric:
                return r
        raise FiguresError(f"docs/benchmarks.md has no row {metric!r} under a '## {section}' heading; run "
                           "`make bench`, or update benchmarks/readme_figures.py if the row was renamed")

    def matching(self, section: str, pattern: str) -> list[Row]:
        found = [r for r in self.rows if r.section.startswith(section) and re.fullmatch(pattern, r.metric)]
        if not found:
            raise FiguresError(f"docs/benchmarks.md has no row matching {pattern!r} under '## {section}'")
        return found


def _number(text: str, what: str) -> float:
    match = re.search(r"[-+]?\d+(?:\.\d+)?", text)
    if match is None:
        raise FiguresError(f"no number in {what}: {text!r}")
    return float(match.group())


def _duration(value: str) -> str:
    """`1620.9 ms` -> `1.6 s`, `28.2 ms / 47.0 ms` -> `28 ms` (the first figure: the p50)."""
    ms = _number(value, "a duration")
    if not re.search(r"\d\s*ms\b", value):
        ms *= 1000  # given in seconds
    return f"{ms / 1000:.1f} s" if ms >= 1000 else f"{ms:.0f} ms"


def _percent(value: str) -> str:
    """`13/18 (72%)` -> `72%`."""
    match = re.search(r"\((\d+(?:\.\d+)?)%\)", value) or re.search(r"(\d+(?:\.\d+)?)%", value)
    if match is None:
        raise FiguresError(f"no percentage in {value!r}")
    return f"{match.group(1)}%"


def _fraction(value: str) -> float:
    match = re.match(r"\s*(\d+)/(\d+)", value)
    if match is None or int(match.group(2)) == 0:
        raise FiguresError(f"no count like 13/18 in {value!r}")
    return int(match.group(1)) / int(match.group(2))


def _count_in_note(row: Row, unit: str) -> int:
    """The `N answers` / `N queries` a note starts with: how much data a figure stands on."""
    match = re.search(rf"(\d+) {unit}", row.note)
    if match is None:
        raise FiguresError(f"the note of {row.metric!r} does not say how many {unit}: {row.note!r}")
    return int(match.group(1))


def _spread(values: list[float], fmt: str) -> str:
    low, high = min(values), max(values)
    return fmt.format(low) if fmt.format(low) == fmt.format(high) else f"{fmt.format(low)}-{fmt.format(high)}"


def _check_only(row: Row) -> Row:
    """A figure from a split set must come from its check part."""
    if "tuning" in row.metric:
        raise FiguresError(f"{row.metric!r} is a tuning-part figure; the README shows check parts only")
    return row


# The check-half resume reading rows, in the order the README lists them.
_RESUME_FIELDS = [
    ("sections", "section recall: check half"),
    ("job count within one", "job count within one: check half"),
    ("employers", "employers found: check half"),
    ("name", "name: check half"),
    ("email", "email (exact, any case): check half"),
    ("latest title", "latest title: check half"),
    ("years of experience", "years since first job within max(2, 25%): check half"),
]


def render(bench: Benchmarks) -> str:
    """The README's figures block (without the markers)."""
    cal = _check_only(bench.row("Quality", "offline scorer vs grades, calibration check part: Spearman rho"))
    hard = _check_only(bench.row("Quality", "offline scorer vs grades, hard set check part: Spearman rho"))
    length = [re.search(r"Spearman\(length, grade\) ([-+]?\d+\.\d+)", r.note) for r in (cal, hard)]
    if not all(length):
        raise FiguresError("the calibration check rows no longer say Spearman(length, grade)")
    length_text = " and ".join(m.group(1) for m in length if m)
    fresh = _check_only(bench.row("Quality", "offline scorer vs grades, fresh set check part: Spearman rho"))
    fresh_flags = re.search(r"red-flag answers flagged (\d+/\d+).*honest answers flagged (\d+/\d+)", fresh.note)
    if fresh_flags is None:
        raise FiguresError("the fresh set's check row no longer says how many answers were flagged")

    recall = bench.row("Quality", "retrieval recall@3")
    turn = bench.row("Interview", "per-turn work p50 / p95, offline engine (wall time of submit_answer)")
    tokens = bench.row("Interview", "interviewer prompt tokens, last 3 asking turns vs turns 3-5")

    resume_rows = [(label, _check_only(bench.row("Resume parsing accuracy", metric))) for label, metric in _RESUME_FIELDS]
    files = bench.row("Resume parsing accuracy", "files")
    checked = re.search(r"check (\d+)", files.value)
    if checked is None:
        raise FiguresError(f"the 'files' row does not say how many check files: {files.value!r}")
    short = [label for label, r in resume_rows if r.target and _fraction(r.value) < _number(r.target, "a target")]
    short_text = (f"These are short of their targets for {', '.join(short)}; when" if short else
                  "When")

    honesty = _check_only(bench.row("Resume parsing accuracy", "misread files shown as sure: check half"))
    sure_misread = re.fullmatch(r"(\d+)/(\d+)", honesty.value.strip())
    if sure_misread is None:
        raise FiguresError(f"the misread-files row is not a count: {honesty.value!r}")
    review = bench.row("Resume", "two-page resume review p50 / max")
    caught = bench.row("Quality", "fabrication guard: planted fabrications caught")
    false_alarms = bench.row("Quality", "fabrication guard: false positives on faithful rewrites")
    planted = bench.row("Quality", "injection detection on planted PDFs")
    instructions = _check_only(bench.row("Quality", "instruction-like text detected (check half)"))
    hard_negatives = _check_only(bench.row("Quality", "instruction false alarms on hard negatives (check half)"))
    real_text = bench.row("Quality", "instruction false alarms on real text")

    voice = "Voice answers"
    spoken_by = r"mb-us2 at -s \d+"  # the MBROLA voice the accuracy test uses (tests/support/speech.NATURAL_VOICE)
    wer = bench.matching(voice, spoken_by + r": word error rate \(mean of \d+\)")
    content = bench.matching(voice, spoken_by + r": content words recovered")
    spoken = bench.matching(voice, spoken_by + r": espeak-ng's spoken pace vs its -s.*")
    raw = bench.matching(voice, spoken_by + r": pace error vs the spoken pace \(syllables heard, raw transcript\)")
    corrected = bench.matching(
        voice, spoken_by + r": pace error vs the spoken pace \(syllables heard, corrected transcript\)")
    robotic = bench.matching(voice, r"en-us\+klatt2 at -s \d+: content words recovered")

    health = bench.row("Start-up", "`streamlit run` to healthy /_stcore/health, warm")
    first_page = bench.row("Start-up", "first page's services ready, cold (knowledge store absent)")

    def first(value: str) -> str:
        """`27/27 (100%)` -> `27/27`: the count, without the percentage beside it."""
        return re.sub(r"\s*\([^)]*\)", "", value).strip()

    def spread(rows: list[Row], fmt: str) -> str:
        return _spread([_number(r.value, r.metric) for r in rows], fmt)

    intro = (
        "Figures from `make bench` on a 2-core machine, copied from `docs/benchmarks.md` by `make readme-figures` "
        "(the commands, each run's machine load, which inflates latencies when other work shares the CPU, and the "
        "tuning-part figures are there):"
    )
    bullets = [
        "Offline answer scoring agrees with hand grades on answers it was not tuned on (check parts, split by a "
        f"hash rule): Spearman {cal.value} on the original set's {_count_in_note(cal, 'answers')} check answers "
        f"and {hard.value} on {_count_in_note(hard, 'answers')} check answers of a hard set (polished but evasive, "
        "off-question, ethically troubling, terse but strong, non-native English), where length does not predict "
        f"the grade (Spearman of length and grade {length_text}). Red flags (concealment, discrimination, blame, "
        "...) cap a score at 2 and are quoted; the offline coach says it cannot weigh judgment calls, which an LLM "
        "evaluator assesses better. On answers by a writer who never saw its data (a fresh set's "
        f"{_count_in_note(fresh, 'answers')} check answers) it does much worse: Spearman {fresh.value}, red flags "
        f"told indirectly caught in {fresh_flags.group(1)} answers, and {fresh_flags.group(2)} honest answers "
        "wrongly flagged (shown as possible red flags where the reading is weak).",
        f"Retrieval recall@3 {recall.value} on {_count_in_note(recall, 'user-worded queries')} user-worded queries; "
        f"an interview turn's own work {_duration(turn.value)} p50 offline; interviewer prompt tokens late in a "
        f"20-question interview are {tokens.value} those early on (history is windowed and summarised).",
        f"Resume reading, measured on {checked.group(1)} real public resumes never used for tuning (the check half "
        "of `../shared/corpus/resumes-labelled`, split by a hash of the file name): "
        + ", ".join(f"{label} {_percent(r.value)}" for label, r in resume_rows)
        + f". {short_text} the reader is unsure it says so and gives a provisional score or none, instead of a "
        f"punishing one: of the {sure_misread.group(2)} check files it misread (job count off by more than one, or "
        f"years), {sure_misread.group(1)} were still presented as sure.",
        f"A two-page resume reviewed in {_duration(review.value)} (p50, offline); the fabrication guard catches "
        f"{first(caught.value)} planted fabrications with {first(false_alarms.value)} false alarms on faithful "
        f"rewrites; hidden or injected text is flagged in {first(planted.value)} planted PDFs and never moves the "
        f"fit score; instruction-like text is caught in {instructions.value} check cases, with "
        f"{hard_negatives.value} false alarms on hard negatives and {real_text.value} on real text.",
        "Voice (offline PocketSphinx on held-out answers spoken by espeak-ng's MBROLA voice, at "
        f"{len(content)} rates from calm to very fast): word error rate {spread(wer, '{:.2f}')}, "
        f"{spread(content, '{:.0f}')}% of the content words recovered ({spread(robotic, '{:.0f}')}% with its robotic klatt2 voice); pace (syllables heard in the audio) "
        f"within {spread(raw, '{:.0f}')}% of the pace actually spoken from the raw transcript, "
        f"{spread(corrected, '{:.0f}')}% after it is corrected (espeak-ng itself speaks {spread(spoken, '{:.0f}')}% "
        "faster than its nominal rate). A Whisper server (`TRANSCRIPTION_BASE_URL`) is far better.",
        f"`streamlit run` is healthy in {_duration(health.value)}; the very first page load also builds the "
        f"knowledge store ({_duration(first_page.value)} until the first page's services are ready, once).",
    ]
    def fill(text: str, first_indent: str = "", indent: str = "") -> str:
        return textwrap.fill(text, width=_WIDTH, initial_indent=first_indent, subsequent_indent=indent,
                             break_long_words=False, break_on_hyphens=False)

    return "\n".join([fill(intro), ""] + [fill(b, "- ", "  ") for b in bullets])


def rewrite(readme: str, block: str) -> str:
    """README text with the figures block replaced; the markers must each appear once, in order."""
    if readme.count(START) != 1 or readme.count(END) != 1 or readme.index(START) > readme.index(END):
        raise FiguresError(f"README.md needs exactly one {START} ... {END} block")
    head, rest = readme.split(START)
    _, tail = rest.split(END)
    return f"{head}{START}\n{block}\n{END}{tail}"


def main(argv: list[str]) -> int:
    check = argv == ["--check"]
    if argv and not check:
        print("usage: python -m benchmarks.readme_figures [--check]", file=sys.stderr)
        return 2
    try:
        readme = README.read_text(encoding="utf-8")
        wanted = rewrite(readme, render(Benchmarks(BENCHMARKS.read_text(encoding="utf-8"))))
    except (FiguresError, OSError) as exc:
        print(f"readme-figures: {exc}", file=sys.stderr)
        return 2
    if wanted == readme:
        print("README.md figures match docs/benchmarks.md", file=sys.stderr)
        return 0
    if check:
        print("README.md figures differ from docs/benchmarks.md: run `make readme-figures`", file=sys.stderr)
        return 1
    README.write_text(wanted, encoding="utf-8")
    print("README.md figures rewritten from docs/benchmarks.md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
