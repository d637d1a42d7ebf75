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


def half(phrase: str) -> str:
    """Which half a phrase is in: by the first byte of the SHA-1 of the phrase, fixed once written."""
    return "tune" if hashlib.sha1(phrase.encode()).digest()[0] % 2 == 0 else "check"
