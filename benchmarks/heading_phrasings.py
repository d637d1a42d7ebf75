"""Heading phrasings written for the heading classifier's own generalisation check (issue #10).

Written by hand BEFORE any tuning of the classifier, from general knowledge of how resumes in English, German,
French, Spanish and Portuguese name their sections; none is copied from a tuning or check set, and none is in the
lexicon (`assistant.resume.headings.LEXICON`) as written. Split into halves by a hash of the phrase (`half`): the
"tune" half may be looked at while changing the classifier, the "check" half only scored. Once a phrase from here
is added to the lexicon the check stops measuring anything: do not add them.

    python -m benchmarks.heading_phrasings          # prints the score of both halves
"""

from __future__ import annotations

import hashlib
import sys

from assistant.resume.models import SectionName

PHRASINGS: dict[SectionName, tuple[str, ...]] = {
    "experience": (
        "Professional Track Record", "Employment Record", "Career Path", "Roles Held", "Past Roles", "Jobs Held",
        "Industry Roles", "Professional Engagements", "Work Record", "Previous Employers", "Career Progression",
        "Professional Timeline", "Employment Background", "Companies I've Worked For",
        "Positions & Responsibilities", "Work Background", "Job History",
        "Beruflicher Hintergrund", "Berufspraxis", "Beschäftigungen", "Berufliche Tätigkeiten", "Karriere",
        "Berufsweg", "Anstellungen", "Arbeitgeber",
        "Expérience de travail", "Postes occupés", "Emplois", "Historique professionnel", "Activité professionnelle",
        "Expériences en entreprise",
        "Experiencia de trabajo", "Puestos desempeñados", "Empleos", "Cargos ocupados", "Antecedentes laborales",
        "Vida laboral",
        "Experiência de trabalho", "Histórico de empregos", "Cargos exercidos", "Atuação profissional",
        "Empregos anteriores", "Vivência profissional",
    ),
    "education": (
        "Academic Training", "Degrees & Diplomas", "University Education", "Educational Background",
        "Higher Education", "Schools Attended", "Academic Preparation", "Formal Education", "Academic Degrees",
        "Education Record", "Tertiary Education",
        "Schulbildung", "Hochschulbildung", "Studienabschlüsse", "Akademische Ausbildung", "Abschlüsse",
        "Bildungsgang",
        "Études et diplômes", "Scolarité", "Diplômes et formations", "Parcours académique",
        "Enseignement supérieur",
        "Estudios realizados", "Títulos", "Educación y formación", "Grados académicos", "Estudios universitarios",
        "Formação acadêmica", "Graduação", "Estudos", "Percurso académico", "Ensino superior",
    ),
    "skills": (
        "Technical Toolkit", "Core Strengths", "Tech I Use", "Technical Abilities", "Key Competences", "Stack",
        "Tooling", "Technical Know-How", "Abilities", "Areas of Strength", "What I Work With", "Hard Skills",
        "Languages & Frameworks", "Platforms & Tools",
        "Fertigkeiten", "Technische Fähigkeiten", "Kenntnisse und Fähigkeiten", "IT-Fertigkeiten", "Werkzeuge",
        "Technologien", "Stärken",
        "Savoir-faire techniques", "Outils et technologies", "Compétences clés", "Connaissances techniques",
        "Atouts", "Maîtrise technique", "Compétences informatiques",
        "Conocimientos técnicos", "Herramientas", "Tecnologías", "Capacidades", "Competencias clave", "Fortalezas",
        "Competências técnicas", "Habilidades técnicas", "Ferramentas", "Conhecimentos técnicos", "Tecnologias",
    ),
    "summary": (
        "Professional Snapshot", "Career Synopsis", "Who I Am", "Personal Summary", "About Myself",
        "Elevator Pitch",
        "Über meine Person", "Persönliche Zusammenfassung", "Kurzvorstellung", "Steckbrief",
        "Profil professionnel", "Qui suis-je", "Résumé de carrière", "En bref",
        "Perfil profesional", "Acerca de mí", "Resumen profesional",
        "Resumo profissional", "Quem sou",
    ),
    "projects": ("Portfolio", "Things I Made", "Selected Work", "Side Work", "Builds", "Eigene Projekte",
                 "Réalisations", "Proyectos personales", "Projetos pessoais"),
    "publications": ("Articles & Papers", "Research Papers", "Peer-Reviewed Papers", "Conference Papers",
                     "Books & Articles", "Fachartikel", "Vorträge und Publikationen", "Aufsätze", "Articles",
                     "Communications", "Artículos", "Ponencias y publicaciones", "Artigos publicados",
                     "Publicações científicas"),
    "awards": ("Distinctions & Prizes", "Recognitions", "Accolades", "Medals", "Awards Received", "Würdigungen",
               "Stipendien", "Récompenses et distinctions", "Prix et distinctions", "Honneurs", "Distinciones",
               "Reconocimientos y premios", "Prêmios", "Distinções", "Reconhecimentos"),
    "certifications": ("Professional Certificates", "Accreditations", "Licences", "Courses & Certificates",
                       "Zertifizierte Weiterbildungen", "Certificats professionnels", "Certificaciones profesionales",
                       "Certificações"),
    "languages": ("Languages Spoken", "Linguistic Skills", "Foreign Languages", "Language Abilities",
                  "Sprachniveau", "Langues parlées", "Connaissances linguistiques", "Idiomas hablados",
                  "Conocimiento de idiomas", "Idiomas falados"),
    "interests": ("Pastimes", "Outside of Work", "Leisure", "Passions", "Freizeit", "Freizeitaktivitäten",
                  "Persönliche Interessen", "Loisirs et intérêts", "Centres d'intérêt personnels",
                  "Aficiones e intereses", "Pasatiempos", "Tiempo libre", "Passatempos", "Interesses pessoais",
                  "Lazer"),
    "volunteering": ("Volunteer Roles", "Civic Engagement", "Charity Work", "Nonprofit Work", "Freiwilligenarbeit",
                     "Gemeinnützige Tätigkeit", "Bürgerschaftliches Engagement", "Engagement bénévole",
                     "Bénévolat et associations", "Trabajo voluntario", "Acción social", "Labor comunitaria",
                     "Voluntariado social", "Ação social"),
    "other": ("Teaching Roles", "Courses Taught", "Lecturing Experience", "Tutoring", "Mentoring & Teaching",
              "Unterricht", "Dozent", "Enseignements", "Charges de cours", "Cours dispensés",
              "Docencia universitaria", "Cursos impartidos", "Enseñanza", "Docência", "Atividade de ensino",
              "Aulas ministradas"),
}

# Short lines that are no headings but are set like them in many resumes (titles, employers, schools, degrees,
# places, skill items), for the classifier's precision: none of them should get a kind by similarity.
NON_HEADINGS: tuple[str, ...] = (
    "Senior Data Scientist", "Director of Machine Learning", "Acme Corporation", "Python, SQL, Spark",
    "Stanford University", "Machine Learning Engineer", "Globex Logistics", "Team Lead", "Head of Data",
    "Berlin, Germany", "Kubernetes", "Deep Learning", "MSc Computer Science", "Research Scientist",
    "Technische Universität München", "Université de Lyon", "Software Engineer Intern", "Data Platform",
    "Product Manager", "Freelance Consultant", "Teaching Assistant", "Volunteer Coordinator", "Ingeniero de datos",
    "Engenheiro de Software", "Leiter Datenplattform", "Responsable IA", "Open Source Maintainer", "Mentor",
    "Grafana Labs", "Amazon Web Services", "Bachelor of Science", "Universidad de Buenos Aires",
    "Universidade de São Paulo", "Diplom-Informatiker", "Master of Engineering", "Principal Engineer",
    "VP of Engineering", "Chief Technology Officer", "Northwind Traders", "Initech", "Lisbon, Portugal",
    "Remote", "Natural Language Processing", "Computer Vision", "Recommendation Systems", "Staff Software Engineer",
    "Analista de Datos", "Chef de projet", "Wissenschaftlicher Mitarbeiter", "Doktorand", "PhD Candidate",
    "Postdoctoral Researcher", "Lecturer in Statistics", "Consultant", "Co-founder", "Startup Founder",
)


def half(phrase: str) -> str:
    """Which half a phrase is in: by the first byte of the SHA-1 of the phrase, fixed once written."""
    return "tune" if hashlib.sha1(phrase.encode()).digest()[0] % 2 == 0 else "check"


def classify(texts: list[str]) -> list[SectionName | None]:
    """The kind the parser gives each text once it is taken for a heading set like the document's headings."""
    from assistant.knowledge.embeddings import shared_local_minilm
    from assistant.resume import headings

    return headings.heading_kinds(texts, shared_local_minilm())


def main() -> None:
    rows = [(phrase, kind) for kind, phrases in PHRASINGS.items() for phrase in phrases]
    got = classify([phrase for phrase, _ in rows])
    verbose = "-v" in sys.argv
    from assistant.knowledge.embeddings import shared_local_minilm
    from assistant.resume import headings

    embedder = shared_local_minilm()
    for label, floor in (("plain", headings.SIMILARITY_FLOOR), ("styled", headings.STYLED_SIMILARITY_FLOOR)):
        wrong = [(t, k) for t, k in zip(NON_HEADINGS, headings.embedding_kinds(
            NON_HEADINGS, embedder, [floor] * len(NON_HEADINGS)), strict=True) if k is not None]
        print(f"non-headings given a kind at the {label} floor: {len(wrong)}/{len(NON_HEADINGS)}"
              + (f" {wrong}" if verbose else ""))
    for name in ("tune", "check"):
        part = [(p, k, g) for (p, k), g in zip(rows, got, strict=True) if half(p) == name]
        main_kinds = [r for r in part if r[1] in ("experience", "education", "skills")]
        print(f"{name}: {sum(k == g for _, k, g in part)}/{len(part)} right; experience/education/skills "
              f"{sum(k == g for _, k, g in main_kinds)}/{len(main_kinds)}")
        if verbose and name == "tune":
            for p, k, g in part:
                if k != g:
                    print(f"    {p!r}: {k} -> {g}")


if __name__ == "__main__":
    main()
