"""Find and name section headings the way a reader does: by how a line is set, then by what it says.

A reader spots a heading because it is set apart (bigger, bold, capitals, space above) and short, and names it
from its words. So a line becomes a heading either because its words are a known heading (the lexicon, which
includes German, French, Spanish, Portuguese and Italian headings), or because it is styled like the document's own
headings and its words say which kind it is: a keyword it contains ("Relevant Professional Experience"), or,
failing that, its similarity under the MiniLM model the project ships to several short phrasings of each kind
(`PROTOTYPES`, best match per kind), scored for the heading and for its word-by-word English reading
(`GLOSSARY`, vocabulary of the four other languages), and only when the best kind clearly beats the runner-up and
the prototypes of entries (a title, an employer, a school). Where words name nothing, the parser names a heading
by what its section holds (dated roles, degrees, lists of tools). A heading-styled line nothing recognises
becomes an "other" section, so its content does not run into the section above (a "Teaching" list is not jobs).

No glossary entry or prototype is a word of `benchmarks/generated/typst/unseen.py` (the check of wording the
parser was never given), though a few general stems also match its words (persönlich, profil, dozent, historia,
activité); `benchmarks/heading_phrasings.py` is the classifier's own held-out list of phrasings.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from itertools import permutations
from typing import TYPE_CHECKING, cast

from assistant.resume.models import Line, SectionName, StyledLine
from assistant.resume.vocabulary import BULLET, remembered

if TYPE_CHECKING:
    import numpy as np

    from assistant.knowledge.embeddings import Embedder

# Headings over the candidate's contact details and links, in the languages the reader knows: typed "other", and
# never over a role of their own (roles under one ran on there from the work history; `parser._run_on_beside`).
CONTACT_HEADINGS = (
    "contact", "links", "profiles", "personal details", "personal information", "contact information",
    "contact details", "kontakt", "coordonnees", "contacto", "contactar", "contato", "informazioni personali",
    "dati personali", "personal data", "personliche daten", "personliche angaben", "kontaktdaten",
    "donnees personnelles", "informations personnelles", "datos personales", "informacion personal",
    "datos de contacto", "dados pessoais", "informacoes pessoais", "persoonlijke gegevens",
)

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
        "in brief", "at a glance", "who am i", "wer bin ich", "qui suis je", "quien soy", "quem sou eu",
        # it
        "profilo", "profilo professionale", "sommario", "presentazione", "chi sono", "obiettivo",
        # ru
        "о себе", "обо мне", "профиль", "резюме",
        # nl / sv / da / no / pl
        "profiel", "samenvatting", "over mij", "sammanfattning", "om mig", "sammendrag", "om meg", "podsumowanie",
        "o mnie", "profil zawodowy",
    ),
    "experience": (
        "experience", "work experience", "professional experience", "work history", "employment history",
        "employment", "career history", "where i've worked", "where i have worked", "relevant experience",
        "industry experience", "career", "professional background", "experience highlights", "research experience",
        "research", "engineering experience", "positions held", "work", "jobs",
        "selected experience", "management experience", "current position", "positions", "roles",
        "professional history", "employment experience", "appointments", "academic appointments",
        "professional appointments", "relevant professional experience", "select professional experience",
        "selected professional experience", "technical experience", "work experiences", "experiences",
        "previous experience", "previous positions", "previous roles", "previous employment", "previous activities",
        "prior experience", "earlier experience", "earlier roles", "earlier career", "former positions",
        # de / fr / es / pt
        "berufserfahrung", "beruflicher werdegang", "werdegang", "berufliche erfahrung", "praxiserfahrung",
        "experience professionnelle", "experiences professionnelles", "parcours professionnel",
        "experiencia", "experiencia laboral", "experiencia profesional", "trayectoria profesional",
        "experiencia profissional", "historico profissional", "stationen", "berufliche stationen",
        "trajetoria profissional", "experiencia laboral",
        # it
        "esperienza", "esperienze", "esperienza professionale", "esperienze professionali", "esperienza lavorativa",
        "esperienze lavorative", "carriera",
        # ru
        "опыт", "опыт работы", "профессиональный опыт", "трудовая деятельность",
        # nl / sv / da / no / pl
        "werkervaring", "ervaring", "professionele ervaring", "loopbaan", "arbetslivserfarenhet", "erfarenhet",
        "yrkeserfarenhet", "arbetserfarenhet", "arbejdserfaring", "erhvervserfaring", "erfaring", "arbeidserfaring",
        "yrkeserfaring", "doświadczenie", "doświadczenie zawodowe", "przebieg pracy zawodowej",
    ),
    "education": (
        "education", "schooling", "academic background", "academics", "education and training",
        "education & training", "academic qualifications", "degrees", "academic history", "education history",
        "qualifications", "academic education", "academic credentials", "studies", "academic studies", "diplomes",
        "etudes", "escolaridade",
        "ausbildung", "bildung", "studium", "bildungsweg", "formation", "formations", "education et formation",
        "educacion", "formacion", "formacion academica", "estudios", "educacao", "formacao", "formacao academica",
        "istruzione", "istruzione e formazione", "formazione", "titoli di studio", "studi",
        # ru
        "образование",
        # nl / sv / da / no / pl
        "opleiding", "opleidingen", "utbildning", "uddannelse", "utdanning", "wykształcenie", "edukacja",
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
        "competenze", "capacita e competenze", "competenze tecniche", "competenze informatiche", "conoscenze",
        # LinkedIn's profile export names its skills box so, in each of its languages
        "top skills", "aptitudes principales", "principales competences", "principais competencias", "top-kenntnisse",
        # ru
        "навыки", "ключевые навыки", "профессиональные навыки",
        # nl / sv / da / no / pl
        "vaardigheden", "competenties", "kompetenser", "färdigheter", "kompetencer", "færdigheder", "kompetanse",
        "ferdigheter", "umiejętności", "kompetencje",
    ),
    "projects": (
        "projects", "project", "personal projects", "side projects", "selected projects", "open source",
        "open source projects", "key projects", "things i've built", "productions", "software",
        "project experience", "projects experience",
        "projekte", "projets", "proyectos", "projetos", "progetti",
        # ru
        "проекты",
    ),
    "publications": (
        "publications", "publications & patents", "publications and patents", "patents", "papers",
        "selected publications", "writing", "presentations", "talks", "talks & publications", "presentation",
        "veroffentlichungen", "publikationen", "publicaciones", "publicacoes", "publications scientifiques",
        "pubblicazioni",
        "selected writing",
    ),
    "certifications": (
        "certifications", "certification", "certificates", "licenses", "licenses & certifications",
        "licenses and certifications", "certifications & licenses", "credentials",
        # Dated trainings and courses taken while working: no work history, though "professional" says work.
        "professional development",
        "zertifikate", "zertifizierungen", "certificats", "certificaciones", "certificacoes", "certificados",
        "certificazioni",
    ),
    "awards": (
        "awards", "honors", "honours", "honors & awards", "honors/awards", "honors and awards", "achievements",
        "most proud of", "awards & honors", "international awards", "domestic awards", "recognition", "grants",
        "awards and grants", "honors and grants", "credited for", "fellowships", "scholarships",
        "auszeichnungen", "preise", "prix", "distinctions", "reconocimientos", "premios y reconocimientos",
        "recompenses", "conquistas", "premios", "logros", "premios e reconhecimentos", "premi", "riconoscimenti",
    ),
    "leadership": (
        "leadership", "activities", "extracurricular activity", "extracurricular activities",
        "on campus involvement", "involvement", "program committees", "committees", "leadership & activities",
        "leadership and activities", "activities & leadership", "leadership & involvement",
        # (the work history itself when the resume has no other: see `parser._find_headings`)
        "leadership experience",
    ),
    "volunteering": (
        "volunteering", "volunteer experience", "volunteer work", "community", "community service",
        "community involvement", "community engagement", "giving back", "social impact", "pro bono",
        "ehrenamt", "ehrenamtliches engagement", "benevolat", "engagement associatif", "voluntariado",
        "trabalho voluntario", "vie associative", "soziales engagement", "labor social", "volontariato",
        # the same kind headed as "experience" of another sort: never the work history
        "experience associative", "experiences associatives", "experience benevole", "experiences benevoles",
        "ehrenamtliche tatigkeit", "ehrenamtliche tatigkeiten", "experiencia de voluntariado",
        "experiencia voluntaria", "experiencias de voluntariado", "trabalhos voluntarios",
        "experiencia como voluntario",
    ),
    "languages": (
        "languages", "spoken languages", "language skills", "sprachen", "sprachkenntnisse", "langues", "idiomas",
        "lenguas", "lingue", "conoscenze linguistiche", "altre lingue",
        # ru
        "языки", "знание языков",
        # nl / sv / da / no / pl
        "talen", "talenkennis", "språk", "språkkunskaper", "sprog", "języki", "języki obce",
    ),
    "interests": (
        "interests", "hobbies", "hobbies & interests", "a day of my life", "my life philosophy", "personal interests",
        "interessen", "hobbys", "centres d'interet", "centres d interet", "loisirs", "intereses", "interesses",
        "aficiones", "interessi", "interessi personali",
    ),
    "references": ("references", "referees", "referenzen", "referencias"),
    "other": (
        "coursework", "relevant coursework", "additional information", "teaching",
        "teaching experience", "guest lectures", "lecturing", "teaching and mentoring", "teaching & mentoring",
        "lehre", "lehrtatigkeit", "lehrerfahrung", "enseignement", "docencia", "experiencia docente", "ensino",
        "lehrauftrage", "classroom", "interventions pedagogiques", "clases impartidas", "atividades docentes",
        "service", "professional service", "students supervised", "supervision", "press",
        "media", "competitions", "miscellaneous", "misc", "slogan", "memberships", "affiliations and memberships",
        # Memberships by their other names: societies joined, not positions held.
        "professional memberships", "professional organizations", "professional organisations",
        "professional societies", "professional bodies", "professional associations", "societies",
        *CONTACT_HEADINGS,
    ),
}


@remembered
def heading_key(text: str) -> str:
    """Lower case, accents removed, letters only (Latin and Cyrillic): the form headings are compared in."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-zа-я]", "", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


KEYS: dict[str, SectionName] = {heading_key(s): name for name, synonyms in LEXICON.items() for s in synonyms}

# Words (and word stems, so German compounds and other languages' inflections match) that name a section kind
# wherever they sit in a heading ("Relevant Professional Experience", "Ehrenamtliches Engagement", "Fachkenntnisse").
# Compared without accents; the first match wins, so "Sprachkenntnisse" is languages before "kenntnisse" is skills.
_KEYWORDS: tuple[tuple[str, SectionName], ...] = (
    ("volunteer", "volunteering"), ("voluntar", "volunteering"), ("volontar", "volunteering"),
    ("didattic", "other"), ("insegnament", "other"), ("associati", "volunteering"), ("docent", "other"),
    ("pedagogi", "other"), ("akademisch", "education"),
    ("ehrenamt", "volunteering"), ("benevol", "volunteering"), ("publication", "publications"),
    ("publica", "publications"), ("publika", "publications"), ("veroffentlich", "publications"),
    ("certific", "certifications"), ("zertifi", "certifications"),
    ("award", "awards"), ("honor", "awards"), ("honour", "awards"), ("auszeichnung", "awards"), ("premio", "awards"),
    ("reconhecimento", "awards"), ("reconocimiento", "awards"), ("distinction", "awards"),
    ("education", "education"), ("educacion", "education"), ("educacao", "education"), ("formacion", "education"),
    ("formacao", "education"), (" formation", "education"), ("diplome", "education"), ("studium", "education"), ("ausbildung", "education"),
    # Internships are roles (a French "Stage", a German "Praktikum", a Spanish "Prácticas", a Portuguese "Estágio").
    ("internship", "experience"), ("praktik", "experience"), (" stage", "experience"), ("practicas", "experience"),
    ("estagio", "experience"),
    ("project", "projects"), ("projekt", "projects"), ("projet", "projects"), ("proyecto", "projects"),
    ("projeto", "projects"), ("progett", "projects"), ("esperienz", "experience"), ("istruzion", "education"),
    # Programming languages are skills, in any language, before "sprach"/"language" name spoken ones
    # ("Programmiersprachen und IT-Tools", "Langages de programmation").
    ("programmier", "skills"), ("programming", "skills"), ("programmation", "skills"), ("programacion", "skills"),
    ("programacao", "skills"), ("programmazion", "skills"), ("freiwillig", "volunteering"),
    ("pubblicazion", "publications"), ("competenz", "skills"), ("sprach", "languages"), ("idioma", "languages"), ("langue", "languages"),
    ("skill", "skills"), ("kenntnisse", "skills"), ("competenc", "skills"), ("kompetenz", "skills"),
    ("habilidad", "skills"), ("language", "languages"),
    # Research interests are what a researcher's summary states ("Fields of Research Interest"), not hobbies.
    ("research interest", "summary"), ("interest", "interests"),
    ("hobbies", "interests"), ("employment", "experience"), ("experience", "experience"),
    ("experiencia", "experience"), ("erfahrung", "experience"), ("werdegang", "experience"),
    ("parcours", "experience"), ("trayectoria", "experience"), ("trajetoria", "experience"),
    # A summary named after the career ("Career Snapshot", "Career Profile", "Career Overview") is still the
    # summary: its own word decides before "career" does.
    ("summary", "summary"), ("profile", "summary"), ("snapshot", "summary"), ("overview", "summary"),
    ("career", "experience"),
    ("journey", "experience"), ("toolkit", "skills"), ("toolbox", "skills"),
    ("work history", "experience"), ("positions", "experience"), ("talks", "publications"),
    ("reference", "references"), ("membership", "other"), ("teaching", "other"), ("lectures", "other"), ("lecturing", "other"),
    ("lehrt", "other"), ("lehre", "other"), ("docencia", "other"), ("enseignement", "other"), ("ensino", "other"),
)

# What each kind of section is about, for the embedding fallback: several short phrasings per kind (a heading is
# compared with each and its kind scores its best match), because one long description blurs a kind into the
# average of its words ("Presentations" in a publications description pulled "Présentation" away from summary).
# General descriptions of the kind, not headings taken from any test or tuning set. "other" is teaching only:
# a teaching heading has to land there rather than on experience.
PROTOTYPES: dict[SectionName, tuple[str, ...]] = {
    "experience": ("work experience", "employment history", "professional career", "jobs and positions held",
                   "roles at previous employers", "where I have worked", "professional occupation"),
    "education": ("education", "university degrees", "school and university studies", "academic background",
                  "bachelor, master and doctoral degrees", "diplomas and qualifications"),
    "skills": ("skills", "technical skills", "tools and technologies", "programming languages and frameworks",
               "competencies and expertise", "abilities and strengths", "technical knowledge"),
    "summary": ("summary", "professional profile", "about me", "short introduction of myself",
                "career objective", "personal statement"),
    "projects": ("projects", "personal projects", "open source software I built", "side projects"),
    "publications": ("publications", "published papers and articles", "conference talks",
                     "journal articles and books"),
    "awards": ("awards", "honors and prizes", "recognition and achievements", "scholarships and grants"),
    "certifications": ("certifications", "certificates and licenses", "professional training courses"),
    "languages": ("languages", "spoken languages: English, German, French", "languages I speak"),
    "interests": ("interests", "hobbies", "free time activities"),
    "volunteering": ("volunteering", "volunteer work", "community service", "unpaid work for good causes"),
    "other": ("teaching", "teaching and lecturing", "teaching students at university"),
}
# What the short lines set like headings that are *not* headings say: an entry's title, employer, school, degree or
# place. A line closer to these than to every kind's prototypes is an entry ("Stanford University" is near
# "university degrees", but nearer "name of a university").
ENTRY_PROTOTYPES: tuple[str, ...] = (
    "job title of a person", "senior engineer", "manager", "consultant", "name of a company", "name of a university",
    "degree name such as bachelor of science", "city and country", "name of a software technology",
)

# Word stems of section headings in German, French, Spanish, Portuguese, Italian and Dutch, with their English
# sense, so the English-trained MiniLM compares "Berufliche Tätigkeiten" as "professional activities". Vocabulary of
# those languages, not headings: a heading's words are looked up one by one (exactly, by stem, or as the head of a
# German compound) and the translation is scored beside the original. Compared without accents.
GLOSSARY: dict[str, str] = {
    # de
    "beruf": "professional", "beruflich": "professional", "berufs": "professional", "erfahrung": "experience",
    "tatigkeit": "work activities", "beschaftigung": "employment", "anstellung": "employment", "stelle": "positions",
    "arbeit": "work", "arbeitgeber": "employers", "karriere": "career", "werdegang": "career history",
    "praxis": "practical experience", "hintergrund": "background", "station": "positions",
    "bildung": "education", "ausbildung": "education", "schul": "school", "hochschul": "university",
    "universitat": "university", "studium": "studies", "studien": "studies", "abschluss": "degree",
    "abschlusse": "degrees", "qualifikation": "qualifications", "kenntnis": "knowledge skills", "kenntnisse": "knowledge skills",
    "fahigkeit": "abilities", "fertigkeit": "skills", "kompetenz": "competencies", "starken": "strengths",
    "werkzeug": "tools", "technisch": "technical", "sprache": "languages", "projekt": "projects",
    "veroffentlichung": "publications", "publikation": "publications", "vortrag": "talks", "vortrage": "talks",
    "aufsatz": "articles", "aufsatze": "articles", "artikel": "articles", "auszeichnung": "awards",
    "preis": "prizes", "stipendi": "scholarships", "zertifikat": "certificates", "weiterbildung": "training courses",
    "interesse": "interests", "hobby": "hobbies", "freizeit": "free time", "ehrenamt": "volunteering",
    "gemeinnutzig": "charitable", "lehre": "teaching", "unterricht": "teaching", "dozent": "lecturer",
    "personlich": "personal", "profil": "profile", "zusammenfassung": "summary", "uber": "about", "mich": "me",
    "person": "person", "kurz": "short", "akademisch": "academic", "forschung": "research",
    # fr
    "experience": "experience", "professionnel": "professional", "professionnelle": "professional",
    "travail": "work", "emploi": "employment", "poste": "positions", "occupe": "held", "parcours": "career path",
    "entreprise": "company", "historique": "history", "activite": "activities", "mission": "assignments",
    "formation": "education", "etude": "studies", "diplome": "degrees", "scolarite": "schooling",
    "universit": "university", "academique": "academic", "superieur": "higher", "competence": "skills",
    "savoir": "know", "outil": "tools", "technique": "technical", "informatique": "computing",
    "connaissance": "knowledge", "maitrise": "mastery", "atout": "strengths", "cle": "key", "langue": "languages",
    "parle": "spoken", "projet": "projects", "realisation": "achievements", "article": "articles",
    "communication": "talks", "conference": "talks", "prix": "prizes", "distinction": "distinctions",
    "recompense": "awards", "honneur": "honors", "certificat": "certificates", "interet": "interests",
    "loisir": "hobbies", "passion": "passions", "benevol": "volunteering", "association": "associations",
    "enseignement": "teaching", "cours": "courses", "dispense": "taught", "resume": "summary", "propos": "about",
    "qui": "who", "suis": "am", "je": "I", "bref": "brief", "personnel": "personal", "anterieur": "previous",
    # es
    "experiencia": "experience", "profesional": "professional", "trabajo": "work", "empleo": "employment",
    "puesto": "positions", "cargo": "positions", "desempenado": "held", "ocupado": "held",
    "trayectoria": "career", "antecedente": "background", "historia": "history", "educacion": "education",
    "formacion": "education", "estudio": "studies", "titulo": "degrees", "grado": "degrees",
    "universidad": "university", "universitari": "university", "academic": "academic",
    "conocimiento": "knowledge", "habilidad": "skills", "competencia": "skills", "herramienta": "tools",
    "tecnologia": "technologies", "tecnico": "technical", "capacidad": "abilities", "fortaleza": "strengths",
    "clave": "key", "idioma": "languages", "hablado": "spoken", "proyecto": "projects", "publicacion": "publications",
    "articulo": "articles", "ponencia": "talks", "premio": "awards", "reconocimiento": "recognition",
    "distincion": "distinctions", "certificacion": "certifications", "certificado": "certificates",
    "curso": "courses", "interes": "interests", "aficion": "hobbies", "pasatiempo": "hobbies", "tiempo": "time",
    "libre": "free", "voluntari": "volunteering", "accion": "action", "comunitari": "community",
    "docencia": "teaching", "ensenanza": "teaching", "impartido": "taught", "perfil": "profile",
    "resumen": "summary", "acerca": "about", "sobre": "about", "actividad": "activities",
    # pt
    "profissional": "professional", "trabalho": "work", "emprego": "employment", "exercido": "held",
    "atuacao": "work", "historico": "history", "vivencia": "experience", "anterior": "previous",
    "formacao": "education", "graduacao": "degree", "estudo": "studies", "escolaridade": "schooling",
    "percurso": "path", "habilidade": "skills", "ferramenta": "tools", "conhecimento": "knowledge",
    "tecnica": "technical", "falado": "spoken", "projeto": "projects", "publicacao": "publications",
    "artigo": "articles", "cientific": "scientific", "distincao": "distinctions", "reconhecimento": "recognition",
    "certificacao": "certifications", "passatempo": "hobbies", "lazer": "leisure",
    "acao": "action", "ensino": "teaching", "aula": "classes", "ministrad": "taught",
    "atividade": "activities", "resumo": "summary", "quem": "who", "sou": "am",
    # it
    "esperienza": "experience", "esperienze": "experience", "lavorativ": "work", "lavoro": "work",
    "professionale": "professional", "impiego": "employment", "carriera": "career", "istruzione": "education",
    "formazione": "education", "studi": "studies", "laurea": "degree", "competenz": "skills",
    "conoscenz": "knowledge", "capacita": "abilities", "lingua": "languages", "lingue": "languages",
    "progett": "projects", "pubblicazion": "publications", "premi": "awards", "riconosciment": "recognition",
    "interessi": "interests", "volontariato": "volunteering", "insegnamento": "teaching", "didattica": "teaching",
    "profilo": "profile", "sommario": "summary", "personali": "personal", "informatich": "computing",
    # nl (the lexicon's Dutch headings, read word by word where a CV words them its own way)
    "ervaring": "experience", "beroeps": "professional", "professionele": "professional", "loopbaan": "career",
    "functie": "positions", "opleiding": "education", "onderwijs": "education", "studie": "studies",
    "vaardighe": "skills", "kennis": "knowledge", "talen": "languages", "projecten": "projects",
    "publicatie": "publications", "prijzen": "prizes", "onderscheiding": "awards", "certificaten": "certificates",
    "cursussen": "courses", "interesses": "interests", "vrijwillig": "volunteering", "persoonlijk": "personal",
    "profiel": "profile", "samenvatting": "summary",
}
_STOPWORDS = frozenset({
    "und", "der", "die", "das", "des", "du", "de", "la", "le", "les", "et", "en", "y", "e", "da", "do", "dos",
    "del", "los", "las", "el", "mi", "mis", "mes", "ma", "mon", "meu", "minha", "meine",
})


def _plain_words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return re.findall(r"[a-z]+", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _gloss(word: str) -> str:
    """A word's English sense: exact, else by the longest stem it starts with (and the head noun it ends with, for a
    German compound: "Hochschulbildung" -> "university education"), else by its head noun alone; the word itself
    when none (English, names). A head must follow a word of its own ("hochschul|bildung", not "in|formation")."""
    if word in GLOSSARY:
        return GLOSSARY[word]
    starts = [k for k in GLOSSARY if len(k) >= 5 and word.startswith(k)]
    head = max((k for k in GLOSSARY if len(k) >= 5 and len(word) - len(k) >= 4 and word.endswith(k)), key=len,
               default=None)
    if starts:
        first = max(starts, key=len)
        return GLOSSARY[first] + (" " + GLOSSARY[head] if head and len(first) + len(head) <= len(word) else "")
    return GLOSSARY[head] if head else word


def translate(text: str) -> str:
    """`text` word by word in English where `GLOSSARY` knows its words ("Berufliche Tätigkeiten" -> "professional
    work activities"); the lower-cased text when it knows none."""
    return " ".join(_gloss(w) for w in _plain_words(text) if w not in _STOPWORDS)


# Tuned on the tuning half, the tune half of `benchmarks.heading_phrasings` and its non-headings: a kind's best
# prototype match is 0.55-0.9 for real headings and mostly below 0.45 for job titles and employer names.
SIMILARITY_FLOOR = 0.46
# The best kind must beat the runner-up by this much (otherwise the heading is ambiguous)...
SIMILARITY_MARGIN = 0.04
# ...and beat the nearest entry prototype by this much (otherwise the line reads as an entry).
ENTRY_MARGIN = 0.08
# For a line its typography already marks as one of the document's headings (set exactly like the headings the
# lexicon named, in capitals or bigger than the body), only its kind is in doubt, not whether it is a heading, so
# a lower similarity names it ("Professional Journey"); below this it stays an unnamed ("other") heading.
STYLED_SIMILARITY_FLOOR = 0.40


def lexicon_kind(text: str) -> SectionName | None:
    """The kind of section `text` names exactly (decoration such as "//", ":" and numbering ignored), or lists
    headings of (`listed_headings_kind`)."""
    stripped = strip_decoration(text)
    return KEYS.get(heading_key(stripped)) or listed_headings_kind(stripped) or _reordered_kind(stripped)


@remembered
def _reordered_kind(text: str) -> SectionName | None:
    """A heading of two or three words in another language that, read in English word by word, is a known heading
    in another word order: French, Spanish, Portuguese and Italian set the adjective after its noun ("Resumen
    Profesional" -> "summary professional" -> "professional summary"). Only where a word was translated, so an
    English line in an odd order names nothing."""
    if len(text) > 40 or re.search(r"\d", text):
        return None
    words = _plain_words(text)
    if not 2 <= len(words) <= 3:
        return None
    glossed = [_gloss(w) for w in words if w not in _STOPWORDS]
    if glossed == [w for w in words if w not in _STOPWORDS]:
        return None
    return next((KEYS[key] for order in permutations(glossed) if (key := heading_key(" ".join(order))) in KEYS),
                None)


_HEADING_LIST = re.compile(r"\s*(?:[,&/+|]|\b(?:and|und|et|y|e)\b)\s*", re.IGNORECASE)


_CONTACT_KEYS = frozenset(heading_key(h) for h in CONTACT_HEADINGS)


def contact_heading(text: str) -> bool:
    """Does `text` head the candidate's contact details ("CONTACT", "Personal information", "Kontakt")?"""
    return heading_key(strip_decoration(text)) in _CONTACT_KEYS


def listed_headings_kind(text: str) -> SectionName | None:
    """A heading that lists known headings of one kind ("Honors, Awards, & Fellowships", "Grants and
    Scholarships"): that kind. (Items of different kinds, "Software & Tools", say nothing sure.)"""
    items = [item for item in _HEADING_LIST.split(text) if item.strip()]
    kinds = {KEYS.get(heading_key(item)) for item in items}
    return kinds.pop() if len(items) >= 2 and len(kinds) == 1 and None not in kinds else None


# The parts of a heading that names two kinds: "Work and Education", "Experiência & Formação", "Work / Study".
HEADING_PARTS = re.compile(r"\s+(?:and|und|et|y|e|&)\s+|\s*[/,&+|]\s*", re.IGNORECASE)


def kinds_named(heading: str) -> list[SectionName]:
    """The kinds each part of a heading names on its own, in order ("Work and Education" -> experience, education;
    "Formação Acadêmica e Certificações" -> education, certifications); empty for a heading of one part."""
    parts = [part for part in HEADING_PARTS.split(heading) if part.strip()]
    if len(parts) < 2:
        return []
    kinds = [kind for part in parts if (kind := heading_name(part) or keyword_kind(part)) is not None]
    return list(dict.fromkeys(kinds))


@remembered
def keyword_kind(text: str) -> SectionName | None:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    # (A keyword written with a leading space matches at a word's start only: "Formation et projets" is education,
    # "Other Information" is not.)
    lowered = " " + re.sub(r"[^\w&]+", " ", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))
    for word, kind in _KEYWORDS:
        if word in lowered:
            return kind
    return None


# How long a section's span is, as a heading's qualifier writes it: "10+ years", "over 15 yrs", "2015 - Present".
_SPAN = (r"(?i:(?:over\s+|about\s+|\+\s*)?\d{1,2}\s*\+?\s*(?:years?|yrs?\.?|jahre|ans|años|anos|anni)"
         r"(?:\s+of\s+experience)?"
         r"|(?:19|20)\d\d\s*[-–—]\s*(?:(?:19|20)\d\d|present|today|now|current|heute|aujourd['’]hui|actualidad|atual))")
_DECORATION = re.compile(
    r"^\s*(?:\d{1,2}[.)]|[IVX]{1,4}\.)\s+|^\s*[/#~=>_]+\s*|\s*[/#~=<_]+\s*$|\s*\(\d{1,3}\)\s*$"
    # Dot leaders run on from it to the right margin (moderncv's banking style): "Languages. . . . . . ."
    r"|(?:\s?[.·…]){3,}\s*$"
    # A section carried over to the next page, its heading repeated with a word saying so: "Experience (cont.)",
    # "Expérience professionnelle (suite)". Only these words: other bracketed words may be a line of an entry.
    r"|\s*[(\[]\s*(?i:continued|cont(?:'|’)?d?\.?|suite|fortsetzung|forts\.|continuaci[óo]n|continua[çc][ãa]o"
    r"|continua|segue|seguito)\s*[)\]]\s*$"
)
# The span a section covers, after its heading in brackets or after a dash, bar or colon: "Work Experience (10+
# years)", "Experience (2015 - Present)", "Professional Experience - 12 years".
_SPAN_AFTER = re.compile(rf"(?:\s*[(\[]\s*(?:{_SPAN})\s*[)\]]|\s+[-–—|]\s*(?:{_SPAN})|\s*:\s*(?:{_SPAN}))\s*$")


@remembered
def strip_decoration(text: str) -> str:
    """ "WORK EXPERIENCE (5)", "2. Education", "II. Skills", "//Experience", "Skills. . .", "Experience
    (continued)", "Experience (10+ years)": numbering, decoration, dot leaders, a carried-over mark and the span the
    section covers are not part of the heading. The span only after a heading the lexicon knows word for word, and
    no other bracketed words: stripped from every line, any qualifier made headings of lines inside work histories
    ("Globex (2015 - 2020)") and lost roles on held-out resumes."""
    stripped = _DECORATION.sub("", text).strip()
    spanned = _SPAN_AFTER.search(stripped)
    if spanned and heading_key(stripped[:spanned.start()]) in KEYS:
        return stripped[:spanned.start()].strip()
    return stripped


def looks_like_heading_text(text: str) -> bool:
    """Short, no digits, not a sentence: what every heading is, whatever its style. Two headings set side by side
    on a row ("Education | Languages", the field break a wide gap on the page puts between them) are read as one
    line that is each of them."""
    text = strip_decoration(text)
    if " | " in text:
        fields = text.split(" | ")
        return all(looks_like_heading_text(field) for field in fields) and looks_like_heading_text(" ".join(fields))
    stripped = strip_decoration(text).strip(":").strip()
    words = stripped.split()
    return (
        0 < len(words) <= 6 and len(stripped) <= 45 and not re.search(r"\d", stripped)
        and not stripped.endswith((".", ",", ";")) and not re.search(r"[@|:]", stripped)
        and ("," not in stripped or _lists_headings(stripped))
        and any(ch.isalpha() for ch in stripped)
        # (Words wholly in brackets are a note: "(Mérignac)", an entry's place wrapped onto a line of its own.)
        and not (stripped.startswith("(") and stripped.endswith(")"))
    )


def _lists_headings(text: str) -> bool:
    """A comma list whose items mostly name kinds of section ("Languages, Technologies, and Techniques", "Skills,
    Languages, Interests"): several headings under one. A comma otherwise marks an entry's fields ("Engineer,
    Globex", "Sermo, Toronto, Canada"), never a heading."""
    items = [item.strip() for item in _HEADING_LIST.split(text) if item.strip()]
    named = sum(1 for item in items if KEYS.get(heading_key(item)) or keyword_kind(item))
    return named >= 2 and all(len(item.split()) <= 3 for item in items) and 2 * named >= len(items)


class _KindVectors:
    """Prototype vectors per embedder, computed once per process (they never change)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[int, tuple[list[str], np.ndarray]] = {}

    def get(self, embedder: Embedder) -> tuple[list[str], np.ndarray]:
        """The kind of each prototype row, and the rows."""
        key = id(embedder)
        with self._lock:
            if key not in self._cache:
                rows: list[tuple[str, str]] = [
                    (kind, phrase) for kind, phrases in PROTOTYPES.items() for phrase in phrases]
                rows += [("entry", phrase) for phrase in ENTRY_PROTOTYPES]
                self._cache[key] = ([k for k, _ in rows], embedder.embed([p for _, p in rows]))
            return self._cache[key]


_VECTORS = _KindVectors()


def kind_similarities(texts: Sequence[str], embedder: Embedder) -> tuple[list[str], np.ndarray]:
    """Per text, each kind's best similarity over its prototypes (and "entry"'s, last), for the text and for its
    translation."""
    import numpy as np

    from assistant.knowledge.embeddings import embed_cached

    row_kinds, vectors = _VECTORS.get(embedder)
    kinds = list(dict.fromkeys(row_kinds))
    translated = [translate(t) for t in texts]
    # Cached: a document's heading lines come back with every review of it, like its bullets.
    sims = embed_cached(embedder, [*texts, *translated]) @ vectors.T
    sims = np.maximum(sims[: len(texts)], sims[len(texts):])
    # Prototype rows are grouped by kind, in `kinds` order: the best of each group.
    bounds = [row_kinds.index(kind) for kind in kinds]
    return kinds, np.maximum.reduceat(sims, bounds, axis=1)


def embedding_kinds(texts: Sequence[str], embedder: Embedder | None,
                    floors: Sequence[float] | None = None) -> list[SectionName | None]:
    """Classify heading texts by similarity to the kinds' prototypes; None where nothing is close enough (the
    floor per text, `SIMILARITY_FLOOR` unless given) or two kinds are about as close."""
    if not texts or embedder is None:
        return [None] * len(texts)
    kinds, sims = kind_similarities(texts, embedder)
    out: list[SectionName | None] = []
    for index, row in enumerate(sims):
        sections, entry = row[:-1], float(row[-1])
        order = sections.argsort()[::-1]
        best, second = float(sections[order[0]]), float(sections[order[1]])
        floor = floors[index] if floors is not None else SIMILARITY_FLOOR
        sure = best >= floor and best - second >= SIMILARITY_MARGIN and best - entry >= ENTRY_MARGIN
        out.append(cast("SectionName", kinds[order[0]]) if sure else None)
    return out


def heading_kinds(texts: Sequence[str], embedder: Embedder | None,
                  floors: Sequence[float] | None = None) -> list[SectionName | None]:
    """The kind of each heading text: the lexicon, then a keyword, then similarity (`embedding_kinds`, with
    `STYLED_SIMILARITY_FLOOR` unless floors are given); None where nothing names it."""
    out: list[SectionName | None] = [lexicon_kind(t) or keyword_kind(t) for t in texts]
    todo = [i for i, kind in enumerate(out) if kind is None]
    guessed = embedding_kinds([texts[i] for i in todo], embedder,
                              [floors[i] if floors is not None else STYLED_SIMILARITY_FLOOR for i in todo])
    for i, kind in zip(todo, guessed, strict=True):
        out[i] = kind
    return out


# A colour, or drawn rules, mark a line out only while few lines have them (table borders on every row, or every
# job title in the accent colour, mark nothing out).
MARK_SHARE = 0.25


# A column's edge is known where this many of its lines end within this share of its width of the furthest one.
_EDGE_LINES = 3
_EDGE_SHARE = 0.1


class Typography:
    """The document's typography, from the worker's styled lines: body size and colour, and how its headings are
    set."""

    def __init__(self, styled: Sequence[StyledLine]) -> None:
        # Every styled line with a text, in reading order, and (after `bind`) which of them each document line
        # is: the same words can be set twice (a tagline under the name and the latest job title).
        self.by_text: dict[str, list[StyledLine]] = {}
        self.occurrence: dict[int, tuple[str, int]] = {}
        weights: dict[float, int] = {}
        colours: dict[str, int] = {}
        colour_lines: dict[str, int] = {}
        for line in styled:
            self.by_text.setdefault(line.text, []).append(line)
            weights[round(line.size)] = weights.get(round(line.size), 0) + len(line.text)
            colours[line.colour] = colours.get(line.colour, 0) + len(line.text)
            colour_lines[line.colour] = colour_lines.get(line.colour, 0) + 1
        self.body = float(max(weights, key=lambda s: weights[s])) if weights else 0.0
        body_colour = max(colours, key=lambda c: colours[c]) if colours else ""
        count = max(1, len(styled))
        # Colours other than the body's that few lines are shown in (an accent colour for headings).
        self.accents = {c for c, n in colour_lines.items() if c and c != body_colour and n <= MARK_SHARE * count}
        self.rules_mark = sum(line.ruled for line in styled) <= MARK_SHARE * count
        # The usual distance between the lines of a paragraph (the median gap to the line above).
        gaps = sorted(line.gap for line in styled if line.gap > 0)
        self.leading = gaps[len(gaps) // 2] if gaps else 0.0
        self.heading_styles: set[tuple[int, bool, bool]] = set()
        # Where lines end, by page and left edge (only lines whose right edge is known): a column's measure.
        self.edges: dict[tuple[int, int], list[float]] = {}
        for line in styled:
            if line.right > line.x:
                self.edges.setdefault((line.page, round(line.x)), []).append(line.right)

    def bind(self, lines: Sequence[Line]) -> None:
        """Learn which styled line each of the document's lines is: the k-th line with some words is the k-th
        styled line with them (both in reading order)."""
        seen: dict[str, int] = {}
        for line in lines:
            k = seen.get(line.text, 0)
            seen[line.text] = k + 1
            self.occurrence[line.number] = (line.text, k)

    def style(self, line: Line | str) -> StyledLine | None:
        """How a line is set. Given the document's `Line`, the styled line it is, also where the same words are
        set twice in different ways ("Senior Data Scientist" as the tagline under the name, in the headings'
        size, and as the latest title, in the body's); given words alone, or a line the parser rewrote, the
        first styled line with those words."""
        text = line if isinstance(line, str) else line.text
        styles = self.by_text.get(text)
        if not styles:
            return None
        place = None if isinstance(line, str) else self.occurrence.get(line.number)
        return styles[place[1]] if place is not None and place[0] == text and place[1] < len(styles) else styles[0]

    def alias(self, text: str, original: str) -> None:
        """Let a line the parser rewrote (a connector put into a date range) keep the style of the line it was."""
        if original in self.by_text:
            self.by_text.setdefault(text, self.by_text[original][:1])

    @staticmethod
    def runs_on(above: StyledLine, below: StyledLine) -> bool:
        """Is `below` set as the next line of a paragraph that `above` is in: on the same page, in the same size and
        colour, as close under it as wrapped lines sit? (What a line wrapped off the one above looks like. Web themes
        set line heights up to about 1.7 times the size, so up to 1.8 times is still the next line.)"""
        return (above.page == below.page and abs(above.size - below.size) < 0.5 and above.colour == below.colour
                and 0 < below.gap <= 1.8 * below.size)

    def no_room_for(self, above: StyledLine, below: StyledLine) -> bool:
        """Would the first word of `below` not have fitted at the end of `above`? Then `above` ran to its column's
        edge and `below` goes on with it: a field wrapped, however its words are capitalised ("Freiberuflicher
        Ingenieur & Technischer" / "Berater"). False also where it cannot be told: no edge known, or the lines
        not set one under the other. The edge is the furthest the column's lines reach, trusted only where several
        of them come close to it, as a paragraph's lines do (`_EDGE_LINES`, `_EDGE_SHARE`). (The other answer, room
        left, would say a line ended by choice; no tuning reading needed it, so nothing splits on it.)"""
        if (above.page != below.page or abs(above.x - below.x) > 2 or below.gap <= 0 or above.right <= above.x
                or below.right <= below.x or not below.text.strip()):
            return False  # a wrapped line starts under the one it goes on from
        ends = [end for k in (-1, 0, 1) for end in self.edges.get((above.page, round(above.x) + k), [])]
        edge = max(ends, default=0.0)
        if edge <= above.x or sum(end >= edge - _EDGE_SHARE * (edge - above.x) for end in ends) < _EDGE_LINES:
            return False
        per_char = (below.right - below.x) / len(below.text)
        return above.right + per_char * (1 + len(below.text.split()[0])) > edge

    def spaced(self, line: StyledLine) -> bool:
        """Set off from the line above by clearly more space than the lines of a paragraph."""
        return self.leading > 0 and line.gap >= 1.5 * self.leading

    def marked(self, line: StyledLine) -> bool:
        """Set apart by colour (an accent colour few lines have) or by a drawn rule or bar (where few lines have
        one)."""
        return line.colour in self.accents or (line.ruled and self.rules_mark)

    @staticmethod
    def signature(line: StyledLine) -> tuple[int, bool, bool]:
        letters = [ch for ch in line.text if ch.isalpha()]
        caps = bool(letters) and all(ch.isupper() for ch in letters)
        return round(line.size * 2), line.bold >= 0.6, caps

    def set_apart(self, line: StyledLine) -> bool:
        """Bigger than the body, or bold, or in capitals, or in an accent colour, or ruled: what makes a short
        line stand out."""
        letters = [ch for ch in line.text if ch.isalpha()]
        caps = len(letters) >= 4 and all(ch.isupper() for ch in letters)
        return (self.body > 0 and line.size >= 1.12 * self.body) or line.bold >= 0.6 or caps or self.marked(line)

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


@remembered
def heading_name(text: str) -> SectionName | None:
    """The normalised section name if `text` is a section heading, else None."""
    stripped = strip_decoration(text).rstrip(":").strip()
    if numbered := _SECTION_NUMBER.match(stripped):
        # A numbered section (LaTeX's article class, latex2rtf: "3 Summary", "6 Professional Experience"): the
        # number is no part of the heading, but only a heading the lexicon knows word for word is read past it.
        return KEYS.get(heading_key(stripped[numbered.end():]))
    if not stripped or not stripped[0].isupper() or stripped.endswith((".", ",", ";")) or len(stripped) > 45 or len(stripped.split()) > 6 or BULLET.match(stripped):
        return None
    if re.search(r"\d", stripped):
        return None
    return KEYS.get(heading_key(stripped)) or listed_headings_kind(stripped) or _joined_headings_kind(stripped)


def _joined_headings_kind(text: str) -> SectionName | None:
    """A heading that joins the work history's to another known heading ("Experience & Projects", "Work and
    Education"): typed as the keywords type it when it is set apart by type (`keyword_kind`), so pasted text reads
    it as a PDF does, the work history kept beside (`kinds_named`). Known headings of other kinds joined ("Software
    & Tools") are as often a label in a list as a heading, and a part that is no known heading says nothing sure."""
    parts = [part for part in HEADING_PARTS.split(text) if part.strip()]
    kinds = [KEYS.get(heading_key(part)) for part in parts]
    if len(parts) < 2 or None in kinds or "experience" not in kinds:
        return None
    return keyword_kind(text) or kinds[0]


_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})*\s+(?=[^\W\d_][^\d]*$)")
