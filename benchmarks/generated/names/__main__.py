"""Score the name stress set: `python -m benchmarks.generated.names` (one row per case, then the total)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from assistant.resume.intake import read_pdf
from assistant.resume.review import prepare_resume
from benchmarks.common import bench_settings
from benchmarks.generated.names.cases import CASES
from benchmarks.resume_accuracy import _norm


def main() -> None:
    right = 0
    with tempfile.TemporaryDirectory() as tmp:
        settings = bench_settings(Path(tmp))
        for case in CASES:
            found = prepare_resume(read_pdf(case.build(), settings))[0].contact.name
            ok = _norm(found) == _norm(case.truth) if case.truth else found is None
            right += ok
            print(f"{'ok  ' if ok else 'MISS'} {case.name:<28} found={found!r} want={case.truth!r}")
    print(f"names: {right}/{len(CASES)}")


if __name__ == "__main__":
    main()
