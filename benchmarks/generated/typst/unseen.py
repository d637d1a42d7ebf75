"""A throwaway check of heading wording the parser was never given: render the same people and layouts with
other heading vocabularies into a temporary folder (not committed, not a tuning set) and score them.

    /tmp/rcv/bin/python -m benchmarks.generated.typst.unseen build /tmp/typst-unseen    # rendercv's venv
    python -m benchmarks.generated.typst.unseen score /tmp/typst-unseen                 # the project's venv

Once a word from these vocabularies is added to the parser's lexicon the check stops measuring unseen wording:
change the vocabularies then.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

UNSEEN: dict[str, tuple[str, ...]] = {
    "en": ("Profile Snapshot", "Professional Chronology", "Instruction", "Academic Record", "Capabilities",
           "Language Proficiency", "Bibliography", "Service to Community", "Prizes"),
    "de": ("Persönliches Profil", "Laufbahn", "Dozententätigkeit", "Akademischer Werdegang", "Kompetenzprofil",
           "Fremdsprachen", "Schriften", "Freiwilliges Engagement", "Ehrungen"),
    "fr": ("Présentation", "Carrière", "Activités d'enseignement", "Cursus", "Aptitudes",
           "Compétences linguistiques", "Travaux publiés", "Volontariat", "Palmarès"),
    "es": ("Presentación", "Historial laboral", "Actividad docente", "Titulación", "Destrezas",
           "Lenguas extranjeras", "Obras publicadas", "Compromiso social", "Galardones"),
    "pt": ("Apresentação", "Carreira", "Magistério", "Titulação", "Aptidões", "Línguas", "Produção bibliográfica",
           "Engajamento social", "Honrarias"),
}


def build(folder: Path) -> None:
    import benchmarks.generated.typst.build as b
    import benchmarks.generated.typst.handwritten as hw

    b.HEADINGS = {lang: [words] for lang, words in UNSEEN.items()}
    hw.HEADINGS = {lang: (words, "Contact") for lang, words in UNSEEN.items()}
    folder.mkdir(parents=True, exist_ok=True)
    b.OUT, b.HERE = folder / "pdf", folder
    b.build(None)


def score(folder: Path) -> None:
    from assistant.resume.intake import read_pdf
    from assistant.resume.review import prepare_resume
    from benchmarks.common import bench_settings
    from benchmarks.resume_accuracy import FIELDS, Score, check_labelled, generated_files

    settings = bench_settings(Path(tempfile.mkdtemp()))
    result = Score()
    for path, truth in generated_files(folder):
        check_labelled(path.name, truth, prepare_resume(read_pdf(path.read_bytes(), settings))[0], result,
                       split="unseen")
    for field in FIELDS:
        print(field.ljust(14) + result.cell(field))


if __name__ == "__main__":
    {"build": build, "score": score}[sys.argv[1]](Path(sys.argv[2]))
