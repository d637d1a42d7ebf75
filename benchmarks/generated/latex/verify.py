"""Check that every generated PDF prints what its truth says (name, email, each counted title and employer), by
pdftotext: truth derived from the content data must also be what a reader sees on the page."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\ufb01", "fi").replace("\ufb02", "fl")).lower()


def main(here: Path = HERE) -> int:
    truth = json.loads((here / "truth.json").read_text(encoding="utf-8"))["files"]
    bad = 0
    for name, record in sorted(truth.items()):
        # Both reading modes: -layout keeps a margin column's lines apart, the default joins a hyphenated word.
        text = " | ".join(_flat(subprocess.run(["pdftotext", *mode, str(here / "pdf" / name), "-"],
                                               capture_output=True, text=True, check=True).stdout)
                          for mode in (["-layout"], []))
        # Layouts that print "Surname, Given" (Europass) or set the name in capitals still print both parts.
        wanted = record["name"].split() + [record["email"], record["latest_title"], *record["companies"]]
        # A word or address broken at a line end ("Compu- tation", "uni- fjordheim") is still printed.
        joined = {text.replace(" ", ""), re.sub(r"-\s+", "", text).replace(" ", ""),
                  re.sub(r"-\s+", "-", text).replace(" ", "")}
        missing = [w for w in wanted if not any(_flat(w).replace(" ", "") in j for j in joined)]
        if missing:
            bad += 1
            print(name, "missing:", missing)
    print(f"{len(truth) - bad}/{len(truth)} PDFs print every truth field")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
