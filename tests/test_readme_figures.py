"""README's figures are generated from docs/benchmarks.md (check parts only): they may not drift apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import readme_figures
from benchmarks.readme_figures import (
    BENCHMARKS,
    END,
    README,
    START,
    Benchmarks,
    FiguresError,
    render,
    rewrite,
)

CAL_CHECK = "offline scorer vs grades, calibration check part: Spearman rho"
CAL_TUNING = "offline scorer vs grades, calibration tuning part: Spearman rho"


def _bench() -> str:
    return BENCHMARKS.read_text(encoding="utf-8")


def _block(readme: str) -> str:
    return readme.split(START)[1].split(END)[0].strip("\n")


def _with_value(bench: str, metric: str, value: str) -> str:
    """docs/benchmarks.md with one row's value changed, as the next `make bench` might write it."""
    lines = bench.splitlines()
    rows = [i for i, line in enumerate(lines) if line.startswith(f"| {metric} |")]
    assert len(rows) == 1, f"docs/benchmarks.md should have one {metric!r} row"
    cells = lines[rows[0]].split("|")
    cells[2] = f" {value} "
    lines[rows[0]] = "|".join(cells)
    return "\n".join(lines)


def test_readme_figures_match_docs_benchmarks() -> None:
    readme = README.read_text(encoding="utf-8")
    assert _block(readme) == render(Benchmarks(_bench())), (
        "README.md's figures differ from docs/benchmarks.md: run `make readme-figures`"
    )


def test_a_new_check_part_figure_reaches_the_readme() -> None:
    changed = render(Benchmarks(_with_value(_bench(), CAL_CHECK, "0.123")))
    assert "Spearman 0.123 on the original set's" in changed
    readme = README.read_text(encoding="utf-8")
    assert rewrite(readme, changed) != readme  # so the comparison above fails on a stale README


def test_tuning_part_figures_never_reach_the_readme() -> None:
    bench = _bench()
    block = render(Benchmarks(bench))
    assert render(Benchmarks(_with_value(bench, CAL_TUNING, "0.123"))) == block
    assert "tuning part" not in block.replace("tuning-part figures are there", "")


def test_a_missing_row_is_a_clear_error_not_a_stale_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    bench = "\n".join(line for line in _bench().splitlines() if "retrieval recall@3" not in line)
    with pytest.raises(FiguresError, match="retrieval recall@3"):
        render(Benchmarks(bench))

    readme = tmp_path / "README.md"
    readme.write_text(README.read_text(encoding="utf-8"), encoding="utf-8")
    broken = tmp_path / "benchmarks.md"
    broken.write_text(bench, encoding="utf-8")
    monkeypatch.setattr(readme_figures, "README", readme)
    monkeypatch.setattr(readme_figures, "BENCHMARKS", broken)
    assert readme_figures.main([]) == 2
    assert "retrieval recall@3" in capsys.readouterr().err
    assert readme.read_text(encoding="utf-8") == README.read_text(encoding="utf-8")  # nothing half-written


def test_check_mode_reports_a_stale_readme_and_the_rewrite_fixes_it(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\n{START}\nold figures\n{END}\n\n## Next\n", encoding="utf-8")
    monkeypatch.setattr(readme_figures, "README", readme)
    assert readme_figures.main(["--check"]) == 1
    assert "old figures" in readme.read_text(encoding="utf-8")
    assert readme_figures.main([]) == 0
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# Title\n\n") and text.endswith(f"{END}\n\n## Next\n")
    assert _block(text) == render(Benchmarks(_bench()))
    assert readme_figures.main(["--check"]) == 0


def test_readme_without_the_markers_is_refused() -> None:
    with pytest.raises(FiguresError, match="figures:start"):
        rewrite("# README with no figures block\n", "block")
