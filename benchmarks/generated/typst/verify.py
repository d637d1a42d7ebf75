"""Check with pdftotext that every rendercv PDF prints what its truth says (name, email, each counted title and
employer): the same check as the LaTeX set's (benchmarks/generated/latex/verify.py), on this set's files."""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.generated.latex.verify import main

if __name__ == "__main__":
    sys.exit(main(Path(__file__).resolve().parent))
