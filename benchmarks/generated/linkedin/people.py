"""Invented people for the LinkedIn-export set: senior and director ML careers. Every name, employer, address,
number and sentence is made up; nothing is taken from a real profile.

Dates are (year, month) or (year, None) when the profile gives only the year (LinkedIn then prints "2011 - 2013");
an end of None is "Present". The truth each PDF is scored against is derived from this data (`truth_for`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

Date = tuple[int, int | None]


@dataclass
class Role:
    title: str
    start: Date
    end: Date | None = None
    location: str | None = None
    description: list[str] = field(default_factory=list)  # paragraphs; a line starting "• " is a bullet


@dataclass
class Employer:
    name: str
    roles: list[Role]


@dataclass
class School:
    name: str
    degree: str
    start: int | None
    end: int | None


@dataclass
class Person:
    key: str
    name: str
    headline: str
    location: str
    email: str
    slug: str
    phone: str | None
    website: tuple[str, str] | None  # (address, LinkedIn's label: Personal, Company, Portfolio, Blog)
    top_skills: list[str]
    languages: list[str]
    certifications: list[str]
    honors: list[str]
    publications: list[str]
    summary: list[str]
    experience: list[Employer]
    education: list[School]


LOREM_ML = [
    "Own the roadmap for the ranking, retrieval and forecasting models that drive most of the company's revenue, "
    "and the platform they run on.",
    "Grew the organisation from two teams to six (48 engineers and scientists) through two reorganisations, hiring "
    "the managers of four of them and setting up a career ladder shared with product engineering.",
    "Introduced an evaluation gate for every model change (offline replay, shadow traffic, guarded ramp), which "
    "cut rollbacks from one a month to two a year while the number of launches doubled.",
]

PEOPLE: list[Person] = [
    Person(
        key="ml_director",
        name="Daniela Ferreira-Walsh",
        headline="Director of Machine Learning Engineering | Recommender Systems | MLOps | Building high-trust ML teams",
        location="Greater Seattle Area",
        email="daniela.fwalsh@example.com",
        slug="daniela-ferreira-walsh",
        phone="+1 206 555 0148",
        website=("www.dfwalsh.example.dev", "Personal"),
        top_skills=["Machine Learning", "Engineering Management", "Recommender Systems"],
        languages=["English (Native or Bilingual)", "Portuguese (Native or Bilingual)", "Spanish (Limited Working)"],
        certifications=["AWS Certified Machine Learning – Specialty", "Certified Scrum Master"],
        honors=["Tidewater Innovation Award 2021"],
        publications=[],
        summary=[
            "I lead machine learning organisations that ship. For the last eight years I have built and run the teams "
            "behind recommendation, search ranking and demand forecasting at two consumer marketplaces, and before "
            "that I wrote the models myself.",
            "What I care about: evaluation before launch, platforms that let a new engineer ship in their first "
            "week, and managers who grow their people.",
        ],
        experience=[
            Employer("Tidewater Marketplace", [
                Role("Director of Machine Learning Engineering", (2021, 3), None, "Seattle, Washington, United States",
                     LOREM_ML),
                Role("Senior Manager, Machine Learning", (2018, 7), (2021, 3), "Seattle, Washington, United States",
                     ["Ran the recommendations and search-ranking teams (19 people). Moved training from nightly "
                      "batch jobs to a feature store with streaming features; conversion from recommendations rose "
                      "by 7%."]),
                Role("Machine Learning Manager", (2017, 1), (2018, 7), None,
                     ["Started the company's first applied ML team of four and shipped its first ranking model."]),
            ]),
            Employer("Corvane Logistics", [
                Role("Staff Data Scientist", (2013, 9), (2016, 12), "Portland, Oregon Area",
                     ["Built the demand-forecasting service used by every warehouse planner (gradient-boosted "
                      "trees, later a sequence model), replacing spreadsheets that took two days a week to update.",
                      "• Led a team of three data scientists and one data engineer",
                      "• Presented the forecasting roadmap to the executive team each quarter"]),
            ]),
            Employer("Brightwell Insurance", [
                Role("Data Scientist", (2010, 6), (2013, 8), "Boston, Massachusetts, United States",
                     ["Pricing and churn models for the small-business line."]),
            ]),
        ],
        education=[
            School("University of Washington", "Master of Science - MS, Statistics", 2008, 2010),
            School("Universidade de Coimbra", "Licenciatura, Mathematics", 2004, 2008),
        ],
    ),
    Person(
        key="vp_ai",
        name="Tobias Lindqvist",
        headline="VP of AI at Halcyon Health | ex-Orbital | Speaker",
        location="Stockholm, Stockholm County, Sweden",
        email="tobias@lindqvist.example.net",
        slug="tobiaslindqvist",
        phone=None,
        website=None,
        top_skills=["Artificial Intelligence (AI)", "Team Leadership", "Healthcare Information Technology"],
        languages=["Swedish (Native or Bilingual)", "English (Full Professional)", "German (Elementary)"],
        certifications=[],
        honors=["Forty under 40, Nordic Tech Weekly", "Best Paper Award, Nordic ML Workshop"],
        publications=["Calibrated triage models in primary care"],
        summary=[
            "Executive leading applied AI in regulated healthcare. I bring clinical-grade machine learning from a "
            "prototype to a certified medical device, and build the organisations that keep it safe in production.",
        ],
        experience=[
            Employer("Halcyon Health", [
                Role("VP of AI", (2022, 1), None, "Stockholm, Sweden",
                     ["Accountable for every model in the product, its clinical validation and its quality system.",
                      "Lead 62 people across research, ML platform, data engineering and clinical informatics.",
                      "Took the triage model through CE marking as a class IIa medical device."]),
                Role("Head of Machine Learning", (2019, 5), (2022, 1), "Stockholm, Sweden",
                     ["Built the ML group from the founding team's prototype to four teams."]),
            ]),
            Employer("Orbital Freight", [
                Role("Engineering Manager, Data Science", (2016, 2), (2019, 4), "Gothenburg, Sweden",
                     ["Route optimisation and ETA prediction for a fleet of 3,000 vehicles."]),
                Role("Senior Data Scientist", (2014, 8), (2016, 2), "Gothenburg, Sweden", []),
            ]),
            Employer("Nordvik Telecom", [
                Role("Data Scientist", (2011, None), (2014, None), None,
                     ["Churn and network-load forecasting."]),
            ]),
            Employer("KTH Royal Institute of Technology", [
                Role("Research Engineer", (2009, 9), (2011, 6), "Stockholm",
                     ["Speech recognition for low-resource languages; two workshop papers."]),
            ]),
        ],
        education=[
            School("KTH Royal Institute of Technology", "Master of Science (MSc), Computer Science", 2004, 2009),
        ],
    ),
    Person(
        key="principal_ic",
        name="Priya Raghunathan",
        headline="Principal ML Engineer | LLM infrastructure · Retrieval · Evaluation",
        location="San Francisco Bay Area",
        email="priya.raghunathan.ml@example.com",
        slug="priya-raghunathan-ml",
        phone="+1 415 555 0192",
        website=("github.com/priyar-example", "Portfolio"),
        top_skills=["Large Language Models (LLM)", "Distributed Systems", "Python (Programming Language)"],
        languages=["English (Full Professional)", "Tamil (Native or Bilingual)", "Hindi (Professional Working)"],
        certifications=["Google Cloud Professional Machine Learning Engineer"],
        honors=[],
        publications=[],
        summary=[
            "Principal engineer building the infrastructure that large language models run on: retrieval, serving, "
            "evaluation. Twelve years of shipping ML systems at scale, the last four as the technical lead of a "
            "forty-person platform organisation.",
        ],
        experience=[
            Employer("Quantisense", [
                Role("Principal Machine Learning Engineer", (2022, 6), None, "San Francisco, California, United States",
                     ["Technical lead for the LLM platform: retrieval, inference serving, and offline and online "
                      "evaluation for every team that ships a model.",
                      "• Designed the retrieval service behind the assistant product (p99 under 120 ms at 9,000 QPS)",
                      "• Built the evaluation harness now required before any prompt or model change",
                      "• Mentor six senior engineers; two promoted to staff"]),
                Role("Staff Machine Learning Engineer", (2020, 1), (2022, 6), "San Francisco, California, United States",
                     ["Led the migration of training to a shared GPU cluster and its scheduler."]),
            ]),
            Employer("Arclight Media", [
                Role("Senior Software Engineer, Machine Learning", (2016, 4), (2019, 12), "Los Angeles Metropolitan Area",
                     ["Video recommendations: candidate generation, ranking and the feature pipelines feeding them. "
                      "Watch time from recommendations grew 18% over two years."]),
                Role("Software Engineer", (2014, 7), (2016, 4), "Los Angeles Metropolitan Area",
                     ["Ad-serving backend and its click-prediction model."]),
            ]),
            Employer("Indus Analytics", [
                Role("Software Engineer", (2012, 7), (2014, 6), "Bengaluru, Karnataka, India",
                     ["Data pipelines for retail analytics clients."]),
            ]),
        ],
        education=[
            School("Carnegie Mellon University", "Master's degree, Machine Learning", 2010, 2012),
            School("Anna University", "Bachelor of Engineering - BE, Computer Science", 2006, 2010),
        ],
    ),
    Person(
        key="head_ds",
        name="Mateo Aguirre Salas",
        headline="Head of Data Science | Fintech | Risk & Fraud ML",
        location="Madrid, Community of Madrid, Spain",
        email="mateo.aguirre.salas@example.org",
        slug="mateoaguirresalas",
        phone="+34 600 555 217",
        website=None,
        top_skills=["Fraud Detection", "Credit Risk", "People Management"],
        languages=["Spanish (Native or Bilingual)", "English (Full Professional)", "French (Limited Working)"],
        certifications=["Financial Risk Manager (FRM)"],
        honors=[],
        publications=[],
        summary=[
            "I run data science for payments risk: fraud, credit and anti-money-laundering models that decide on "
            "millions of transactions a day, and the teams that build them.",
        ],
        experience=[
            Employer("Brightline Payments", [
                Role("Head of Data Science", (2020, 9), None, "Madrid, Spain",
                     ["Three teams (fraud, credit, AML), 21 people. Fraud losses down 31% in two years at the same "
                      "approval rate; first credit model approved by the regulator on the first submission."]),
            ]),
            Employer("Kestrel Bank", [
                Role("Lead Data Scientist", (2017, 3), (2020, 8), "Madrid, Spain",
                     ["Real-time card-fraud scoring; moved the bank from rules to gradient-boosted models."]),
                Role("Senior Data Scientist", (2015, 1), (2017, 3), "Madrid, Spain", []),
            ]),
            Employer("Solvia Consulting", [
                Role("Data Science Consultant", (2012, 10), (2014, 12), "Barcelona, Catalonia, Spain",
                     ["Client projects in retail banking and insurance: scoring, segmentation and forecasting."]),
            ]),
            Employer("Instituto de Matemática Aplicada", [
                Role("Research Assistant", (2011, 1), (2012, 9), None,
                     ["Stochastic models for credit portfolios."]),
            ]),
        ],
        education=[
            School("Universidad Complutense de Madrid", "Máster, Estadística Aplicada", 2010, 2012),
            School("Universidad de Zaragoza", "Grado, Matemáticas", 2006, 2010),
        ],
    ),
    Person(
        key="eng_director",
        name="Grace Oyelaran",
        headline="Director, ML Platform at Tessellate AI",
        location="London, England, United Kingdom",
        email="grace.oyelaran@example.co.uk",
        slug="grace-oyelaran",
        phone=None,
        website=("graceoyelaran.example.blog", "Blog"),
        top_skills=["MLOps", "Kubernetes", "Technical Leadership"],
        languages=["English (Native or Bilingual)", "Yoruba (Native or Bilingual)", "French (Professional Working)"],
        certifications=["Certified Kubernetes Administrator (CKA)", "Leading Teams, Open University Business School"],
        honors=["Women in Tech Leadership Award"],
        publications=["Feature stores in practice", "What we learned running 400 models"],
        summary=[],
        experience=[
            Employer("Tessellate AI", [
                Role("Director, ML Platform", (2023, 2), None, "London, England, United Kingdom",
                     ["The platform every model at Tessellate trains, deploys and is monitored on. Four teams, "
                      "34 engineers, a budget of £6M a year in compute.",
                      "• Cut the time from a trained model to production from three weeks to two days",
                      "• Set up the on-call rotation and incident reviews for model serving",
                      "• Hired and coached four engineering managers"]),
                Role("Senior Engineering Manager, Machine Learning Infrastructure and Developer Productivity",
                     (2021, 4), (2023, 2), "London, England, United Kingdom",
                     ["Feature store and training infrastructure teams."]),
                Role("Engineering Manager", (2019, 8), (2021, 4), "London, England, United Kingdom", []),
            ]),
            Employer("Meridian Retail Group", [
                Role("Lead Machine Learning Engineer", (2016, 10), (2019, 7), "Manchester, England, United Kingdom",
                     ["Pricing and stock models for 900 stores; built the company's first model-serving stack."]),
            ]),
            Employer("Fenwick Games", [
                Role("Software Engineer", (2013, 9), (2016, 9), "Guildford, England, United Kingdom",
                     ["Matchmaking and player analytics."]),
            ]),
        ],
        education=[
            School("University of Edinburgh", "MSc, Artificial Intelligence", 2012, 2013),
            School("University of Lagos", "BSc, Computer Engineering", 2007, 2011),
        ],
    ),
    Person(
        key="founder_cto",
        name="Lukas Brenner",
        headline="Co-founder & CTO at Veritas Vision | Computer Vision | Former Director of ML",
        location="Munich, Bavaria, Germany",
        email="lukas.brenner@example.de",
        slug="lukasbrenner-cv",
        phone="+49 151 5550 3381",
        website=("veritasvision.example.com", "Company"),
        top_skills=["Computer Vision", "Deep Learning", "Startups"],
        languages=["German (Native or Bilingual)", "English (Full Professional)"],
        certifications=[],
        honors=[],
        publications=["Self-supervised defect detection on production lines"],
        summary=[
            "Co-founder and CTO of a computer-vision company for manufacturing quality control. Before that I ran "
            "the machine learning department of an automotive supplier and spent five years in perception research.",
        ],
        experience=[
            Employer("Veritas Vision", [
                Role("Co-founder & CTO", (2022, 10), None, "Munich, Bavaria, Germany",
                     ["Technology, product engineering and ML; 18 people. Visual inspection deployed on 40 "
                      "production lines at six customers."]),
            ]),
            Employer("Auren Automotive Systems", [
                Role("Director of Machine Learning", (2019, 4), (2022, 9), "Stuttgart, Baden-Württemberg, Germany",
                     ["Department of 45 for perception and driver monitoring; took two models into series "
                      "production."]),
                Role("Senior Manager, Perception", (2017, 1), (2019, 4), "Stuttgart, Baden-Württemberg, Germany", []),
                Role("Machine Learning Team Lead", (2015, 6), (2017, 1), None,
                     ["Lane and object detection for the first camera-only assistant."]),
            ]),
            Employer("Fraunhofer-Institut für Bildverarbeitung", [
                Role("Research Scientist", (2010, 10), (2015, 5), "Karlsruhe, Germany",
                     ["Perception research; eleven papers, three patents."]),
            ]),
        ],
        education=[
            School("Karlsruher Institut für Technologie (KIT)", "Doctor of Philosophy - PhD, Computer Vision", 2010, 2015),
            School("Technische Universität München", "Diplom, Informatik", 2004, 2010),
        ],
    ),
    Person(
        key="latam_ai_director",
        name="Valeria Montoya Irigoyen",
        headline="Directora de Inteligencia Artificial | Banca · Riesgo · IA generativa | Mentora",
        location="Ciudad de México, México",
        email="valeria.montoya.irigoyen@example.com.mx",
        slug="valeria-montoya-irigoyen",
        phone="+52 55 5550 7712",
        website=None,
        top_skills=["Ciencia de datos", "Gestión de equipos", "Modelos de riesgo"],
        languages=["Español (Native or Bilingual)", "English (Full Professional)", "Português (Elementary)"],
        certifications=["Microsoft Certified: Azure Data Scientist Associate"],
        honors=["Premio a la Innovación Financiera 2023"],
        publications=[],
        summary=[
            "Dirijo el área de inteligencia artificial de un banco con 9 millones de clientes: modelos de riesgo de "
            "crédito, prevención de fraude, personalización y, desde 2023, asistentes con modelos de lenguaje para "
            "las sucursales. Antes construí equipos de ciencia de datos en telecomunicaciones y logística.",
            "Me importan la gobernanza de modelos, la formación de líderes técnicos y que cada modelo tenga un dueño.",
        ],
        experience=[
            Employer("Banco Cordillera S.A.", [
                Role("Directora de Inteligencia Artificial", (2022, 4), None, "Ciudad de México, México",
                     ["Responsable de la estrategia de IA del banco y de un equipo de 55 personas (ciencia de datos, "
                      "ingeniería de ML, datos y gobierno de modelos).",
                      "• Lancé la plataforma interna de modelos: del entrenamiento a producción en días, no meses",
                      "• Llevé a producción el primer asistente con modelos de lenguaje para 1.200 sucursales",
                      "• Definí la política de gobierno de modelos aprobada por el regulador",
                      "• Reduje la pérdida por fraude en tarjetas un 27% en dos años",
                      "Presento cada trimestre al comité de dirección el portafolio de modelos, su valor y sus riesgos, "
                      "y coordino con las áreas de cumplimiento, auditoría y tecnología la adopción responsable de IA."]),
                Role("Gerente de Ciencia de Datos", (2019, 11), (2022, 4), "Ciudad de México, México",
                     ["Tres células de ciencia de datos (riesgo, cobranza y marketing), 18 personas. Nuevos modelos "
                      "de originación de crédito para pymes y un motor de ofertas personalizadas que aumentó la "
                      "contratación de productos un 12%.",
                      "Contraté y formé a los tres líderes de célula; dos de ellos dirigen hoy sus propias áreas."]),
                Role("Jefa de Analítica Avanzada", (2018, 2), (2019, 11), None,
                     ["Primer equipo de analítica avanzada del banco: cuatro personas y los primeros modelos de "
                      "abandono de clientes."]),
            ]),
            Employer("Telecomunicaciones del Pacífico S.A. de C.V.", [
                Role("Científica de Datos Senior", (2015, 6), (2018, 1), "Guadalajara, Jalisco, México",
                     ["Modelos de abandono y de valor de vida del cliente para 20 millones de líneas móviles; "
                      "pronóstico de tráfico de red por celda.",
                      "• Diseñé el primer almacén de variables compartido entre equipos",
                      "• Coordiné a dos analistas y un ingeniero de datos"]),
            ]),
            Employer("Grupo Logístico Andino C.A.", [
                Role("Analista de Datos", (2012, None), (2015, None), "Valencia, Carabobo",
                     ["Tableros de operación y pronóstico de demanda para 14 centros de distribución."]),
            ]),
            Employer("Datamina", [
                Role("Pasante de Investigación", (2011, 7), (2011, 12), "Zona Industrial Norte",
                     ["Limpieza de datos y primeros modelos de segmentación."]),
            ]),
        ],
        education=[
            School("Universidad Simón Bolívar", "Maestría, Estadística", 2010, 2012),
            School("Universidad Central de Venezuela", "Licenciatura en Computación", 2005, 2010),
        ],
    ),
]


def roles(person: Person) -> list[tuple[Employer, Role]]:
    return [(employer, role) for employer in person.experience for role in employer.roles]


def _end_key(role: Role) -> tuple[int, int]:
    if role.end is None:
        return (9999, 12)
    return role.end[0], role.end[1] or 12


def truth_for(person: Person, sections: list[str]) -> dict[str, object]:
    """The labelled corpus's truth shape, from the data: every dated role counts; employers in order."""
    all_roles = roles(person)
    latest = max(all_roles, key=lambda pair: _end_key(pair[1]))  # max keeps the first listed on ties
    companies: list[str] = []
    for employer, _ in all_roles:
        if employer.name not in companies:
            companies.append(employer.name)
    return {
        "name": person.name,
        "email": person.email,
        "phone_present": person.phone is not None,
        "sections": sections,
        "jobs": len(all_roles),
        "companies": companies,
        "latest_title": latest[1].title,
        "first_job_start_year": min(role.start[0] for _, role in all_roles),
    }
