"""Six invented people whose resumes the Word layouts render. Every name, employer, address and number is made up.

Senior and director-level machine-learning careers, the kind of candidate the product coaches: promotions at one
employer, a contract role, an internship, a career break, and a teaching or volunteering entry written among the
jobs (which the labelled corpus's conventions do not count as a position: truth.json `_conventions`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Entry:
    title: str
    org: str
    location: str
    start: tuple[int, int]
    end: tuple[int, int] | None  # None = ongoing
    bullets: list[str] = field(default_factory=list)
    kind: str = "job"  # job | break | teaching | volunteer: only "job" counts as a position

    @property
    def counts(self) -> bool:
        return self.kind == "job"


@dataclass
class Person:
    key: str
    given: str
    family: str
    headline: str
    email: str
    phone: str
    city: str
    web: str
    lang: str  # the language the person's localized layouts use: en, de, fr, es, pt
    summary: str
    jobs: list[Entry]
    education: list[Entry]
    skills: dict[str, str]
    languages: list[tuple[str, str]]
    certifications: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"


PEOPLE: list[Person] = [
    Person(
        key="ml_eng_director", given="Rosalind", family="Achterberg", headline="Director of Machine Learning Engineering",
        email="rosalind.achterberg@inbox.example", phone="+1 (646) 555-0178", city="Brooklyn, NY",
        web="linkedin.com/in/rosalind-achterberg-example", lang="en",
        summary="Engineering leader who has built and run machine learning platforms for payments and insurance for "
                "thirteen years, growing teams from four to fifty-five people while keeping models auditable.",
        jobs=[
            Entry("Director of Machine Learning Engineering", "Fernhollow Payments", "New York, NY", (2022, 3), None,
                  ["Lead five teams (55 engineers) that own fraud, credit and ranking models in production.",
                   "Cut model release time from six weeks to four days with a shared evaluation gate."]),
            Entry("Senior Manager, ML Platform", "Fernhollow Payments", "New York, NY", (2019, 6), (2022, 2),
                  ["Built the feature store and training platform used by 30 modelling teams."]),
            Entry("Staff Machine Learning Engineer", "Fernhollow Payments", "New York, NY", (2017, 1), (2019, 5),
                  ["Designed the real-time fraud scoring service (8,000 requests per second)."]),
            Entry("Volunteer Mentor", "Harbor Code Collective", "Brooklyn, NY", (2018, 9), None,
                  ["Mentor career changers learning data science, two evenings a month."], kind="volunteer"),
            Entry("Machine Learning Engineer (Contract)", "Brisklane Media", "Brooklyn, NY", (2016, 2), (2016, 12),
                  ["Shipped a recommendation model for a video catalogue of 40,000 titles."]),
            Entry("Data Scientist", "Ocelot Insurance Group", "Hartford, CT", (2012, 7), (2016, 1),
                  ["Priced small-business policies with gradient-boosted models."]),
            Entry("Data Science Intern", "Marrowfield Analytics", "Boston, MA", (2011, 6), (2011, 8),
                  ["Cleaned and modelled claims data for a churn study."]),
        ],
        education=[Entry("M.S. in Computer Science", "Eastbrook University", "Boston, MA", (2010, 9), (2012, 5)),
                   Entry("B.A. in Mathematics", "Hollins Ridge College", "Albany, NY", (2006, 9), (2010, 5))],
        skills={"Leadership": "hiring, org design, roadmaps, model risk governance",
                "ML": "fraud detection, ranking, forecasting, LLM evaluation",
                "Stack": "Python, Spark, Kubernetes, Kafka, SageMaker"},
        languages=[("English", "native"), ("Dutch", "conversational")],
        certifications=["AWS Certified Machine Learning - Specialty (2021)",
                        "Google Cloud Professional Machine Learning Engineer (2020)"],
    ),
    Person(
        key="head_ds_de", given="Matthias", family="Kellerhoff", headline="Head of Data Science",
        email="m.kellerhoff@postfach.example", phone="+49 40 5550 3812", city="Hamburg, Germany",
        web="kellerhoff-data.example", lang="de",
        summary="Data science lead with twelve years in logistics and insurance; builds teams that put forecasting "
                "and optimisation models into daily operations.",
        jobs=[
            Entry("Head of Data Science", "Nordwerk Logistik AG", "Hamburg", (2021, 10), None,
                  ["Lead 22 data scientists and ML engineers across forecasting, routing and pricing.",
                   "Introduced an MLOps platform that took deployments from quarterly to weekly."]),
            Entry("Lead Data Scientist", "Nordwerk Logistik AG", "Hamburg", (2019, 4), (2021, 9),
                  ["Built the network-wide parcel volume forecast (error down 18%)."]),
            Entry("Parental leave", "", "", (2018, 5), (2019, 3), [], kind="break"),
            Entry("Senior Data Scientist", "Brunnfeld Versicherung", "Cologne", (2014, 9), (2018, 4),
                  ["Claims fraud models and a pricing engine for motor insurance."]),
            Entry("Guest Lecturer, Applied Machine Learning", "Hochschule Altmark", "Stendal", (2016, 10),
                  (2018, 3), ["Taught a graduate course of 40 students each winter term."], kind="teaching"),
            Entry("Data Analyst", "Silberhafen Energie GmbH", "Bremen", (2012, 10), (2014, 8),
                  ["Load forecasting for a regional grid operator."]),
        ],
        education=[Entry("M.Sc. Statistics", "Universität Lindenau", "Lindenau", (2010, 10), (2012, 9)),
                   Entry("B.Sc. Mathematics", "Universität Lindenau", "Lindenau", (2007, 10), (2010, 9))],
        skills={"Methods": "time series, optimisation, Bayesian models, causal inference",
                "Tools": "Python, R, SQL, Databricks, Azure ML"},
        languages=[("German", "native"), ("English", "fluent"), ("Danish", "basic")],
        certifications=["Microsoft Certified: Azure Data Scientist Associate (2020)"],
    ),
    Person(
        key="applied_ai_fr", given="Inès", family="Duvalcourt", headline="Director of Applied AI",
        email="ines.duvalcourt@courriel.example", phone="+33 6 55 01 23 47", city="Paris, France",
        web="linkedin.com/in/ines-duvalcourt-example", lang="fr",
        summary="Applied AI director in health care: medical imaging and clinical language models from research to "
                "certified products, with teams in Paris and Lyon.",
        jobs=[
            Entry("Director of Applied AI", "Vellore Santé", "Paris", (2020, 1), None,
                  ["Lead 30 researchers and engineers building CE-marked imaging software.",
                   "Set up the clinical validation process with four university hospitals."]),
            Entry("Machine Learning Lead", "Vellore Santé", "Paris", (2018, 2), (2019, 12),
                  ["Took the first chest X-ray triage model to regulatory approval."]),
            Entry("Machine Learning Consultant (Freelance)", "Astrelle Conseil", "Paris", (2016, 9), (2018, 1),
                  ["Computer vision projects for three industrial clients."]),
            Entry("Research Engineer", "Institut Lumière Numérique", "Lyon", (2013, 10), (2016, 8),
                  ["Segmentation models for microscopy images."]),
            Entry("Volunteer Instructor", "Codeuses Solidaires", "Lyon", (2014, 1), (2016, 6),
                  ["Taught evening Python classes for adult learners."], kind="volunteer"),
            Entry("Data Science Intern", "Banque Rivemont", "Paris", (2013, 3), (2013, 8),
                  ["Credit scoring experiments."]),
        ],
        education=[Entry("Diplôme d'ingénieur, Mathématiques appliquées", "École Centrale de Valmorin",
                         "Valmorin", (2010, 9), (2013, 9))],
        skills={"Domains": "medical imaging, clinical NLP, model validation",
                "Tools": "PyTorch, MONAI, Python, Kubernetes"},
        languages=[("French", "native"), ("English", "fluent"), ("Italian", "intermediate")],
        certifications=["ISO 13485 Internal Auditor (2019)"],
    ),
    Person(
        key="principal_ds_es", given="Tomás", family="Aranguren Vidal", headline="Principal Data Scientist",
        email="tomas.aranguren@correo.example", phone="+34 612 555 904", city="Madrid, Spain",
        web="github.com/taranguren-example", lang="es",
        summary="Principal data scientist in retail and telecoms: demand forecasting, pricing and experimentation "
                "at scale, and mentoring senior data scientists.",
        jobs=[
            Entry("Principal Data Scientist", "Grupo Almarena", "Madrid", (2022, 6), None,
                  ["Own pricing and demand models for 1,400 stores.",
                   "Set up the experimentation platform used by eight product teams."]),
            Entry("Senior Data Scientist", "Grupo Almarena", "Madrid", (2020, 1), (2022, 5),
                  ["Built the promotion uplift model (margin up 3%)."]),
            Entry("Data Scientist (Contract)", "Telvira Comunicaciones", "Barcelona", (2018, 3), (2019, 12),
                  ["Churn and network capacity models."]),
            Entry("Teaching Assistant, Statistics", "Universidad de Castilla Norte", "Burgos", (2016, 9),
                  (2018, 2), ["Problem classes for first-year engineering students."], kind="teaching"),
            Entry("Risk Analyst", "Banco Ribera", "Bilbao", (2015, 9), (2018, 2),
                  ["Credit risk scorecards for consumer loans."]),
        ],
        education=[Entry("Máster en Ciencia de Datos", "Universidad de Castilla Norte", "Burgos", (2014, 9),
                         (2015, 7)),
                   Entry("Grado en Economía", "Universidad de Ribamar", "Bilbao", (2010, 9), (2014, 6))],
        skills={"Methods": "forecasting, pricing, A/B testing, uplift modelling",
                "Tools": "Python, PySpark, BigQuery, dbt, Airflow"},
        languages=[("Spanish", "native"), ("Basque", "fluent"), ("English", "professional")],
        certifications=["Databricks Certified Machine Learning Professional (2023)"],
    ),
    Person(
        key="ml_manager_pt", given="Beatriz", family="Nogueira Salles", headline="Engineering Manager, Machine Learning",
        email="beatriz.nsalles@caixa.example", phone="+55 11 95555-0163", city="São Paulo, Brazil",
        web="linkedin.com/in/beatriz-nsalles-example", lang="pt",
        summary="Machine learning engineering manager in fintech and retail with a software engineering "
                "background; runs teams that own models end to end, from data contracts to on-call.",
        jobs=[
            Entry("Engineering Manager, Machine Learning", "Cajuí Pagamentos", "São Paulo", (2021, 8), None,
                  ["Manage two teams (14 engineers) owning credit and fraud models.",
                   "Reduced false fraud declines by 22% with a new feature pipeline."]),
            Entry("Senior Machine Learning Engineer", "Cajuí Pagamentos", "São Paulo", (2019, 3), (2021, 7),
                  ["Built the online inference service for credit limits."]),
            Entry("Machine Learning Engineer", "Tucano Varejo Digital", "Campinas", (2016, 5), (2019, 2),
                  ["Search ranking and product recommendations."]),
            Entry("Sabbatical - travel and study", "", "", (2015, 9), (2016, 4), [], kind="break"),
            Entry("Software Engineer", "Ipê Sistemas", "Campinas", (2012, 2), (2015, 8),
                  ["Back-end services in Java for retail banking."]),
            Entry("Research Intern", "Laboratório Aurora de Computação", "Campinas", (2011, 6), (2011, 12),
                  ["Text classification experiments."]),
        ],
        education=[Entry("Bacharelado em Ciência da Computação", "Universidade Estadual do Planalto",
                         "Campinas", (2008, 2), (2011, 12))],
        skills={"ML": "credit risk, fraud, ranking, feature stores",
                "Engineering": "Python, Go, Java, Kafka, AWS"},
        languages=[("Portuguese", "native"), ("English", "fluent"), ("Spanish", "intermediate")],
        certifications=["Certified Kubernetes Application Developer (2022)"],
    ),
    Person(
        key="senior_director_en", given="Callum", family="Ferreira-Voss", headline="Senior Director, AI Platform",
        email="callum.fv@mailhaven.example", phone="(206) 555-0119", city="Seattle, WA",
        web="callumfv.example", lang="en",
        summary="Technology executive who has led AI platform and search organisations of up to 120 people; "
                "started in games, moved through retail search, and now runs a company-wide ML platform.",
        jobs=[
            Entry("Senior Director, AI Platform", "Quantrell Systems", "Seattle, WA", (2023, 2), None,
                  ["Run the AI platform organisation (120 people, four directors).",
                   "Consolidated three model serving stacks into one, saving $9M a year."]),
            Entry("Director, Machine Learning Infrastructure", "Quantrell Systems", "Seattle, WA", (2020, 5),
                  (2023, 1), ["Built the training cluster scheduler and the model registry."]),
            Entry("Guest Lecturer, Machine Learning Systems", "Cascadia Technical Institute", "Seattle, WA",
                  (2019, 1), (2021, 12), ["A yearly lecture series on production ML."], kind="teaching"),
            Entry("Engineering Manager, Search Ranking", "Lindqvist Retail", "Portland, OR", (2017, 3), (2020, 4),
                  ["Led the ranking team; search conversion up 11%."]),
            Entry("Senior Software Engineer", "Lindqvist Retail", "Portland, OR", (2014, 6), (2017, 2),
                  ["Query understanding and spelling correction."]),
            Entry("Software Engineer", "Maplestone Games", "Vancouver, BC", (2010, 9), (2014, 5),
                  ["Matchmaking and telemetry services."]),
        ],
        education=[Entry("B.Sc. in Computer Science", "University of Coast Range", "Vancouver, BC", (2006, 9),
                         (2010, 5))],
        skills={"Leadership": "multi-team organisations, budgets, vendor strategy",
                "Technical": "distributed training, model serving, search, GPUs"},
        languages=[("English", "native"), ("Portuguese", "conversational")],
        certifications=["Certified Information Systems Security Professional (CISSP), 2019"],
    ),
]


def counted(person: Person) -> list[Entry]:
    return [j for j in person.jobs if j.counts]


def truth_for(person: Person, sections: list[str]) -> dict[str, object]:
    """The truth.json record for one rendered resume, by the corpus conventions (`_conventions`)."""
    jobs = counted(person)
    companies: list[str] = []
    for job in jobs:
        if job.org and job.org not in companies:
            companies.append(job.org)

    def key(j: Entry) -> tuple[int, int, int]:
        return (1, 0, 0) if j.end is None else (0, *j.end)

    latest = max(key(j) for j in jobs)
    best = [j for j in jobs if key(j) == latest][0]  # ties go to the one listed first
    seen: list[str] = []
    for s in sections:
        if s not in seen:
            seen.append(s)
    title = best.title
    for qualifier in (" (Contract)", " (Freelance)"):
        title = title.replace(qualifier, "")
    return {
        "name": person.name, "email": person.email, "phone_present": True, "sections": seen, "jobs": len(jobs),
        "companies": companies, "latest_title": title, "first_job_start_year": min(j.start[0] for j in jobs),
    }
