"""Find and name section headings the way a reader does: by how a line is set, then by what it says.

A reader spots a heading because it is set apart (bigger, bold, capitals, space above) and short, and names it
from its words. So a line becomes a heading either because its words are a known heading (the lexicon, which
includes German, French, Spanish and Portuguese headings), or because it is styled like the document's own
headings and its words say which kind it is: a keyword it contains ("Relevant Professional Experience"), or,
failing that, its similarity to short descriptions of each section kind under the MiniLM model the project ships
("Where I've worked", "Roles & Positions", "Things I've built"). A heading-styled line nothing recognises
becomes an "other" section, so its content does not run into the section above (a "Teaching" list is not jobs).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.resume.models import SectionName, StyledLine

if TYPE_CHECKING:
    import numpy as np

    from assistant.knowledge.embeddings import Embedder

# Heading synonyms, compared after lower-casing, removing accents and everything but letters (so "WorkExperience",
# "WORK EXPERIENCE:", "//Experience" and "Work Experience" are one key).
LEXICON: dict[SectionName, tuple[str, ...]] = {
    "summary": (
        "summary", "professional summary", "profile", "professional profile", "objective", "career objective",
        "about", "about me", "overview", "executive summary", "career summary", "introduction", "personal statement",
        "executive profile", "summary of qualifications", "research interests", "research agenda", "extracto",
        "bio", "biography", "personal profile",
        # de / fr / es / pt
        "profil", "zusammenfassung", "kurzprofil", "uber mich", "resume", "a propos", "a propos de moi", "perfil",
        "resumen", "sobre mi", "resumo", "sobre mim", "perfil profissional", "objetivo", "objectif", "synthese",
        "in brief", "at a glance",
    ),
    "experience": (
        "experience", "work experience", "professional experience", "work history", "employment history",
        "employment", "career history", "where i've worked", "where i have worked", "relevant experience",
        "industry experience", "career", "professional background", "experience highlights", "research experience",
        "research", "leadership experience", "engineering experience", "positions held", "work", "jobs",
        "selected experience", "management experience", "current position", "positions", "roles",
        "professional history", "employment experience", "appointments", "academic appointments",
        "professional appointments", "relevant professional experience", "select professional experience",
        "selected professional experience", "technical experience", "work experiences", "experiences",
        # de / fr / es / pt
        "berufserfahrung", "beruflicher werdegang", "werdegang", "berufliche erfahrung", "praxiserfahrung",
        "experience professionnelle", "experiences professionnelles", "parcours professionnel",
        "experiencia", "experiencia laboral", "experiencia profesional", "trayectoria profesional",
        "experiencia profissional", "historico profissional", "stationen", "berufliche stationen",
        "trajetoria profissional", "experiencia laboral",
    ),
    "education": (
        "education", "schooling", "academic background", "academics", "education and training",
        "education & training", "academic qualifications", "degrees", "academic history", "education history",
        "qualifications", "academic education", "academic credentials", "studies", "academic studies", "diplomes",
        "etudes", "escolaridade",
        "ausbildung", "bildung", "studium", "bildungsweg", "formation", "formations", "education et formation",
        "educacion", "formacion", "formacion academica", "estudios", "educacao", "formacao", "formacao academica",
    ),
    "skills": (
        "skills", "technical skills", "key skills", "core skills", "core competencies", "competencies", "toolbox",
        "my toolbox", "tools", "technologies", "tech stack", "expertise", "areas of expertise", "strengths",
        "skills & tools", "skills and tools", "skills & abilities", "skills and abilities", "technical expertise",
        "skill set", "skillset", "programming", "tools & technologies", "tools and technologies", "competences",
        "programming languages", "computer skills", "it skills", "technical proficiencies", "proficiencies",
        "skills & interests", "skills and interests", "skills, activities & interests", "additional skills",
        "kenntnisse", "fachkenntnisse", "fahigkeiten", "know-how", "savoir-faire", "conhecimentos",
        "faehigkeiten", "kompetenzen", "it-kenntnisse", "competences techniques",
        "habilidades", "competencias", "conocimientos", "aptitudes", "competencias tecnicas",
        # LinkedIn's profile export names its skills box so, in each of its languages
        "top skills", "aptitudes principales", "principales competences", "principais competencias", "top-kenntnisse",
    ),
    "projects": (
        "projects", "project", "personal projects", "side projects", "selected projects", "open source",
        "open source projects", "key projects", "things i've built", "productions", "software",
        "projekte", "projets", "proyectos", "projetos",
    ),
    "publications": (
        "publications", "publications & patents", "publications and patents", "patents", "papers",
        "selected publications", "writing", "presentations", "talks", "talks & publications", "presentation",
        "veroffentlichungen", "publikationen", "publicaciones", "publicacoes", "publications scientifiques",
        "selected writing",
    ),
    "certifications": (
        "certifications", "certification", "certificates", "licenses", "licenses & certifications",
        "licenses and certifications", "certifications & licenses", "credentials",
        "zertifikate", "zertifizierungen", "certificats", "certificaciones", "certificacoes", "certificados",
    ),
    "awards": (
        "awards", "honors", "honours", "honors & awards", "honors/awards", "honors and awards", "achievements",
        "most proud of", "awards & honors", "international awards", "domestic awards", "recognition", "grants",
        "awards and grants", "honors and grants", "credited for", "fellowships", "scholarships",
        "auszeichnungen", "preise", "prix", "distinctions", "reconocimientos", "premios y reconocimientos",
        "recompenses", "conquistas", "premios", "logros", "premios e reconhecimentos",
    ),
    "leadership": (
        "leadership", "activities", "extracurricular activity", "extracurricular activities",
        "on campus involvement", "involvement", "program committees", "committees", "leadership & activities",
        "leadership and activities", "activities & leadership", "leadership & involvement",
    ),
    "volunteering": (
        "volunteering", "volunteer experience", "volunteer work", "community", "community service",
        "community involvement", "community engagement", "giving back", "social impact", "pro bono",
        "ehrenamt", "ehrenamtliches engagement", "benevolat", "engagement associatif", "voluntariado",
        "trabalho voluntario", "vie associative", "soziales engagement", "labor social",
    ),
    "languages": (
        "languages", "spoken languages", "language skills", "sprachen", "sprachkenntnisse", "langues", "idiomas",
        "lenguas",
    ),
    "interests": (
        "interests", "hobbies", "hobbies & interests", "a day of my life", "my life philosophy", "personal interests",
        "interessen", "hobbys", "centres d'interet", "centres d interet", "loisirs", "intereses", "interesses",
        "aficiones",
    ),
    "references": ("references", "referees", "referenzen", "referencias"),
    "other": (
        "coursework", "relevant coursework", "links", "contact", "profiles", "additional information", "teaching",
        "teaching experience", "guest lectures", "lecturing", "teaching and mentoring", "teaching & mentoring",
        "lehre", "lehrtatigkeit", "lehrerfahrung", "enseignement", "docencia", "experiencia docente", "ensino",
        "lehrauftrage", "classroom", "interventions pedagogiques", "clases impartidas", "atividades docentes",
        "service", "professional service", "students supervised", "supervision", "press",
        "media", "competitions", "miscellaneous", "misc", "slogan", "memberships", "affiliations and memberships",
        "personal details", "personal information", "contact information", "contact details",
        "kontakt", "coordonnees", "contacto", "contactar", "contato",
    ),
}


def heading_key(text: str) -> str:
    """Lower case, accents removed, letters only: the form headings are compared in."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-z]", "", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


KEYS: dict[str, SectionName] = {heading_key(s): name for name, synonyms in LEXICON.items() for s in synonyms}

# Words (and word stems, so German compounds and other languages' inflections match) that name a section kind
# wherever they sit in a heading ("Relevant Professional Experience", "Ehrenamtliches Engagement", "Fachkenntnisse").
# Compared without accents; the first match wins, so "Sprachkenntnisse" is languages before "kenntnisse" is skills.
_KEYWORDS: tuple[tuple[str, SectionName], ...] = (
    ("volunteer", "volunteering"), ("voluntar", "volunteering"), ("associati", "volunteering"), ("docent", "other"),
    ("pedagogi", "other"), ("akademisch", "education"),
    ("ehrenamt", "volunteering"), ("benevol", "volunteering"), ("publication", "publications"),
    ("publica", "publications"), ("publika", "publications"), ("veroffentlich", "publications"),
    ("certific", "certifications"), ("zertifi", "certifications"),
    ("award", "awards"), ("honor", "awards"), ("honour", "awards"), ("auszeichnung", "awards"), ("premio", "awards"),
    ("reconhecimento", "awards"), ("reconocimiento", "awards"), ("distinction", "awards"),
    ("education", "education"), ("educacion", "education"), ("educacao", "education"), ("formacion", "education"),
    ("formacao", "education"), ("diplome", "education"), ("studium", "education"), ("ausbildung", "education"),
    ("project", "projects"), ("projekt", "projects"), ("projet", "projects"), ("proyecto", "projects"),
    ("projeto", "projects"), ("sprach", "languages"), ("idioma", "languages"), ("langue", "languages"),
    ("skill", "skills"), ("kenntnisse", "skills"), ("competenc", "skills"), ("kompetenz", "skills"),
    ("habilidad", "skills"), ("language", "languages"), ("interest", "interests"),
    ("hobbies", "interests"), ("employment", "experience"), ("experience", "experience"),
    ("experiencia", "experience"), ("erfahrung", "experience"), ("werdegang", "experience"),
    ("parcours", "experience"), ("trayectoria", "experience"), ("trajetoria", "experience"),
    # A summary named after the career ("Career Snapshot", "Career Profile", "Career Overview") is still the
    # summary: its own word decides before "career" does.
    ("summary", "summary"), ("profile", "summary"), ("snapshot", "summary"), ("overview", "summary"),
    ("career", "experience"),
    ("journey", "experience"), ("toolkit", "skills"), ("toolbox", "skills"),
    ("work history", "experience"), ("positions", "experience"), ("talks", "publications"),
    ("reference", "references"), ("teaching", "other"), ("lectures", "other"), ("lecturing", "other"),
    ("lehrt", "other"), ("lehre", "other"), ("docencia", "other"), ("enseignement", "other"), ("ensino", "other"),
)

# What each kind of section is about, for the embedding fallback.
DESCRIPTIONS: dict[SectionName, str] = {
    "experience": "work experience: jobs, employment history, positions held, career, where I have worked, "
                  "professional roles",
    "education": "education: degrees, university, school, academic background, studies",
    "skills": "skills: technical skills, technologies, tools, competencies, expertise",
    "projects": "projects: personal projects, side projects, open source software built",
    "publications": "publications: papers, articles, talks, presentations",
    "awards": "awards: honors, achievements, prizes, grants, recognition",
    "summary": "summary: profile, about me, objective, personal statement",
    "certifications": "certifications: certificates, licenses, courses",
    "languages": "languages spoken: English, German, French",
    "interests": "interests and hobbies",
    "volunteering": "volunteering and community service",
}
# Tuned on the tuning half only; well below the similarity of real headings (0.5-0.75) and above job titles and
# employer names (< 0.38).
SIMILARITY_FLOOR = 0.42
SIMILARITY_MARGIN = 0.06
# For a line its typography already marks as one of the document's headings (set exactly like the headings the
# lexicon named, in capitals or bigger than the body), only its kind is in doubt, not whether it is a heading, so
# a lower similarity names it ("Professional Journey"); below this it stays an unnamed ("other") heading.
STYLED_SIMILARITY_FLOOR = 0.36


def lexicon_kind(text: str) -> SectionName | None:
    """The kind of section `text` names exactly (decoration such as "//", ":" and numbering ignored)."""
    return KEYS.get(heading_key(strip_decoration(text)))


def keyword_kind(text: str) -> SectionName | None:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    lowered = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    for word, kind in _KEYWORDS:
        if word in lowered:
            return kind
    return None


_DECORATION = re.compile(
    r"^\s*(?:\d{1,2}[.)]|[IVX]{1,4}\.)\s+|^\s*[/#~=>_]+\s*|\s*[/#~=<_]+\s*$|\s*\(\d{1,3}\)\s*$"
)


def strip_decoration(text: str) -> str:
    """ "WORK EXPERIENCE (5)", "2. Education", "II. Skills", "//Experience": numbering and decoration are not
    part of the heading."""
    return _DECORATION.sub("", text).strip()


def looks_like_heading_text(text: str) -> bool:
    """Short, no digits, not a sentence: what every heading is, whatever its style."""
    stripped = strip_decoration(text).strip(":").strip()
    words = stripped.split()
    return (
        0 < len(words) <= 6 and len(stripped) <= 45 and not re.search(r"\d", stripped)
        and not stripped.endswith((".", ",", ";")) and not re.search(r"[@|:,]", stripped)
        and any(ch.isalpha() for ch in stripped)
    )


class _KindVectors:
    """Description vectors per embedder, computed once per process (they never change)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[int, tuple[list[SectionName], np.ndarray]] = {}

    def get(self, embedder: Embedder) -> tuple[list[SectionName], np.ndarray]:
        key = id(embedder)
        with self._lock:
            if key not in self._cache:
                kinds = list(DESCRIPTIONS)
                self._cache[key] = (kinds, embedder.embed([DESCRIPTIONS[k] for k in kinds]))
            return self._cache[key]


_VECTORS = _KindVectors()


def embedding_kinds(texts: Sequence[str], embedder: Embedder | None,
                    floors: Sequence[float] | None = None) -> list[SectionName | None]:
    """Classify heading texts by similarity to the section descriptions; None where nothing is close enough (the
    floor per text, `SIMILARITY_FLOOR` unless given)."""
    if not texts or embedder is None:
        return [None] * len(texts)
    # Imported here: importing the parser loads neither numpy nor chromadb, and a parse without doubtful headings
    # never needs them.
    from assistant.knowledge.embeddings import embed_cached

    kinds, kind_vectors = _VECTORS.get(embedder)
    # Cached: a document's heading lines come back with every review of it, like its bullets.
    sims = embed_cached(embedder, list(texts)) @ kind_vectors.T
    out: list[SectionName | None] = []
    for index, row in enumerate(sims):
        order = row.argsort()[::-1]
        best, second = float(row[order[0]]), float(row[order[1]])
        floor = floors[index] if floors is not None else SIMILARITY_FLOOR
        out.append(kinds[order[0]] if best >= floor and best - second >= SIMILARITY_MARGIN else None)
    return out


class Typography:
    """The document's typography, from the worker's styled lines: body size and how its headings are set."""

    def __init__(self, styled: Sequence[StyledLine]) -> None:
        self.by_text: dict[str, StyledLine] = {}
        weights: dict[float, int] = {}
        for line in styled:
            self.by_text.setdefault(line.text, line)
            weights[round(line.size)] = weights.get(round(line.size), 0) + len(line.text)
        self.body = float(max(weights, key=lambda s: weights[s])) if weights else 0.0
        self.heading_styles: set[tuple[int, bool, bool]] = set()

    def style(self, text: str) -> StyledLine | None:
        return self.by_text.get(text)

    @staticmethod
    def signature(line: StyledLine) -> tuple[int, bool, bool]:
        letters = [ch for ch in line.text if ch.isalpha()]
        caps = bool(letters) and all(ch.isupper() for ch in letters)
        return round(line.size * 2), line.bold >= 0.6, caps

    def set_apart(self, line: StyledLine) -> bool:
        """Bigger than the body, or bold, or in capitals: what makes a short line stand out."""
        letters = [ch for ch in line.text if ch.isalpha()]
        caps = len(letters) >= 4 and all(ch.isupper() for ch in letters)
        return (self.body > 0 and line.size >= 1.12 * self.body) or line.bold >= 0.6 or caps

    def learn(self, heading_lines: Sequence[StyledLine]) -> None:
        """Remember how the document's recognised headings are set, to spot its other headings: the style two or
        more of them share (one odd match, such as a bold "Volunteer" job title, teaches nothing)."""
        counts: dict[tuple[int, bool, bool], int] = {}
        for line in heading_lines:
            counts[self.signature(line)] = counts.get(self.signature(line), 0) + 1
        shared = {sig for sig, n in counts.items() if n >= 2}
        self.heading_styles = shared or (set(counts) if len(heading_lines) == 1 else set())

    def like_headings(self, line: StyledLine) -> bool:
        return self.signature(line) in self.heading_styles
