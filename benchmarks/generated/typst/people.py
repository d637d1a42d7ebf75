"""Invented people whose resumes the rendercv themes render (build.py). Every name, employer, address and number is
made up. Only the standard library is used, so build.py (run in rendercv's own venv) and the tests can import it.

Each entry says whether it counts as a position under the labelled corpus's conventions (truth.json
`_conventions`): career breaks, personal projects and volunteering sit among the dated experience entries but are
not jobs; teaching has a section of its own ("other").
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
    counts: bool = True  # a position under the corpus conventions


@dataclass
class Person:
    key: str
    name: str
    headline: str
    email: str
    phone: str
    city: str
    summary: str
    jobs: list[Entry]
    education: list[Entry]
    skills: dict[str, str]
    languages: list[tuple[str, str]] = field(default_factory=list)
    publications: list[str] = field(default_factory=list)
    teaching: list[Entry] = field(default_factory=list)  # dated, in a teaching section: never jobs
    volunteering: list[Entry] = field(default_factory=list)  # dated, own section: never jobs
    awards: list[str] = field(default_factory=list)
    github: str = ""
    linkedin: str = ""


PEOPLE: list[Person] = [
    Person(
        key="ml_director", name="Oriane Vasquez-Thale", headline="Director of ML Engineering",
        email="oriane.vt@kestrelmail.example", phone="+1 206 555 0143", city="Seattle, WA",
        summary="Engineering leader with fourteen years in applied machine learning: built and ran the ML platform "
                "and ranking teams behind a marketplace of 30 million buyers, grew an organisation from 5 to 60.",
        jobs=[
            Entry("Director of ML Engineering", "Brindlewood Marketplace", "Seattle, WA", (2022, 3), None,
                  ["Run four ML teams (ranking, ads, trust, platform) of 60 engineers and scientists.",
                   "Cut model-to-production lead time from six weeks to four days with a shared feature platform."]),
            Entry("Senior Engineering Manager, Ranking", "Brindlewood Marketplace", "Seattle, WA", (2019, 5),
                  (2022, 2), ["Grew the ranking group from 9 to 24 people; search conversion up 7%."]),
            Entry("Staff Machine Learning Engineer", "Brindlewood Marketplace", "Seattle, WA", (2017, 1),
                  (2019, 4), ["Designed the learning-to-rank stack serving 40k queries per second."]),
            Entry("Machine Learning Engineer", "Cobaltline Advertising", "Portland, OR", (2013, 7), (2016, 12),
                  ["Built click-through models for a real-time bidding system."]),
            Entry("Data Analyst", "Quillfeather Insurance", "Boise, ID", (2011, 6), (2013, 6),
                  ["Automated loss reporting with Python and SQL."]),
        ],
        education=[Entry("M.S. in Computer Science", "University of Cascadia", "Seattle, WA", (2009, 9), (2011, 6)),
                   Entry("B.S. in Applied Mathematics", "Ridgemont College", "Spokane, WA", (2005, 9), (2009, 6))],
        skills={"Leadership": "hiring, org design, roadmaps, ML governance",
                "Machine learning": "ranking, recommender systems, causal inference, LLM evaluation",
                "Platforms": "Python, Spark, Kubernetes, Ray, Feast"},
        teaching=[Entry("Guest Lecturer, Applied Recommender Systems", "University of Cascadia", "Seattle, WA",
                        (2021, 1), (2021, 3), ["Taught a ten-week graduate module."], counts=False)],
        awards=["Brindlewood Engineering Leadership Award, 2023"],
        github="ovthale", linkedin="oriane-vasquez-thale",
    ),
    Person(
        key="staff_ml", name="Dev Anand Kulkarni", headline="Staff Machine Learning Engineer",
        email="dev.kulkarni@parsecmail.example", phone="+44 20 7946 0412", city="London, UK",
        summary="Staff ML engineer who ships language and retrieval systems; back from a year of family leave "
                "and an open-source project on efficient inference.",
        jobs=[
            Entry("Staff Machine Learning Engineer", "Lanternfish AI", "London, UK", (2023, 9), None,
                  ["Lead retrieval-augmented generation for 120 enterprise customers.",
                   "Halved GPU cost per query with quantised serving."]),
            Entry("Career Break", "Family leave", "", (2022, 8), (2023, 8), ["Full-time carer for a family member."],
                  counts=False),
            Entry("Open-source maintainer (personal project)", "tinyserve", "", (2022, 10), (2023, 7),
                  ["Wrote a small inference server with 2,000 GitHub stars."], counts=False),
            Entry("Senior Machine Learning Engineer", "Ferrovia Payments", "London, UK", (2019, 2), (2022, 7),
                  ["Built the fraud model platform scoring 3 billion transactions a year."]),
            Entry("Machine Learning Engineer", "Ferrovia Payments", "London, UK", (2017, 4), (2019, 1),
                  ["Moved batch scoring to streaming with Kafka and Flink."]),
            Entry("Software Engineer", "Harrowgate Systems", "Pune, India", (2014, 7), (2017, 3),
                  ["Backend services in Java for logistics customers."]),
        ],
        education=[Entry("B.Tech. in Computer Engineering", "Deccan Institute of Technology", "Pune, India",
                         (2010, 8), (2014, 6))],
        skills={"ML": "LLMs, retrieval, fraud detection, PyTorch, JAX", "Systems": "Kafka, Flink, Go, Rust, GCP"},
        volunteering=[Entry("Volunteer Mentor", "Code Bridges London", "London, UK", (2020, 1), None,
                            ["Mentor career changers learning Python."], counts=False)],
        publications=["D. A. Kulkarni, R. Moss. Streaming features for fraud at scale. Proc. MLSys Industry "
                      "Track, 2021."],
        github="dakulkarni",
    ),
    Person(
        key="head_ai_de", name="Friederike Stoltenhagen", headline="Leiterin KI-Plattform",
        email="f.stoltenhagen@postfach.example", phone="+49 30 5550 1187", city="Berlin, Deutschland",
        summary="Leitet seit sechs Jahren Teams für maschinelles Lernen in Mobilität und Energie; zuvor Forschung "
                "zu probabilistischen Modellen.",
        jobs=[
            Entry("Leiterin KI-Plattform", "Nordwerk Energie AG", "Berlin", (2021, 10), None,
                  ["Führung von drei Teams mit 28 Mitarbeitenden.", "Aufbau einer MLOps-Plattform für 40 Modelle."]),
            Entry("Teamleiterin Data Science", "Velotrans Mobility GmbH", "München", (2018, 4), (2021, 9),
                  ["Prognosemodelle für Nachfrage und Flottensteuerung."]),
            Entry("Senior Data Scientist", "Velotrans Mobility GmbH", "München", (2016, 1), (2018, 3),
                  ["Routenoptimierung mit gemischt-ganzzahliger Programmierung."]),
            Entry("Wissenschaftliche Mitarbeiterin", "Institut für Angewandte Stochastik Aachen", "Aachen",
                  (2012, 10), (2015, 12), ["Forschung zu Gaußprozessen."]),
        ],
        education=[Entry("Promotion (Dr. rer. nat.), Mathematik", "Universität Rheinfeld", "Aachen", (2012, 10),
                         (2016, 2)),
                   Entry("Diplom Mathematik", "Universität Rheinfeld", "Aachen", (2006, 10), (2012, 9))],
        skills={"Methoden": "Zeitreihen, Bayes-Statistik, Optimierung", "Werkzeuge": "Python, SQL, Databricks, AWS"},
        languages=[("Deutsch", "Muttersprache"), ("Englisch", "verhandlungssicher"), ("Französisch", "gut")],
        publications=["F. Stoltenhagen, K. Brand. Sparse Gaussian processes for load forecasting. Energy "
                      "Informatics, 2017."],
        teaching=[Entry("Lehrauftrag Maschinelles Lernen", "Hochschule Spreetal", "Berlin", (2019, 4), (2020, 7),
                        counts=False)],
        linkedin="fstoltenhagen",
    ),
    Person(
        key="research_fr", name="Amandine Lefèvre-Orsini", headline="Responsable de la recherche en IA",
        email="amandine.lefevre@courriel.example", phone="+33 6 45 22 81 09", city="Paris, France",
        summary="Chercheuse et manager en apprentissage automatique, spécialisée en vision par ordinateur et en "
                "modèles génératifs, avec une pause parentale en 2019.",
        jobs=[
            Entry("Responsable de la recherche en IA", "Aubépine Robotique", "Paris", (2022, 1), None,
                  ["Direction d'une équipe de 14 chercheurs et ingénieurs.", "Publication de 6 articles à CVPR."]),
            Entry("Chercheuse senior", "Aubépine Robotique", "Paris", (2020, 3), (2021, 12),
                  ["Modèles de diffusion pour la simulation de scènes."]),
            Entry("Congé parental", "Pause de carrière", "", (2019, 5), (2020, 2), counts=False),
            Entry("Ingénieure de recherche", "Laboratoire Marlin Vision", "Grenoble", (2015, 9), (2019, 4),
                  ["Segmentation d'images médicales."]),
        ],
        education=[Entry("Doctorat en informatique", "Université Alpes-Belledonne", "Grenoble", (2012, 10),
                         (2015, 7)),
                   Entry("Diplôme d'ingénieur, Génie informatique", "École Centrale de Valfleury", "Lyon", (2009, 9), (2012, 6))],
        skills={"Recherche": "vision, modèles génératifs, apprentissage auto-supervisé",
                "Outils": "PyTorch, JAX, Slurm, C++"},
        languages=[("Français", "langue maternelle"), ("Anglais", "courant"), ("Italien", "intermédiaire")],
        publications=["A. Lefèvre-Orsini et al. Scene diffusion for robot training. CVPR, 2023.",
                      "A. Lefèvre-Orsini, P. Gaudin. Weakly supervised organ segmentation. MICCAI, 2017."],
        volunteering=[Entry("Bénévole, ateliers de code", "Les Codeuses du Quartier", "Paris", (2021, 9), None,
                            counts=False)],
    ),
    Person(
        key="manager_es", name="Santiago Irribarren Olmedo", headline="Gerente de Ingeniería de ML",
        email="santiago.irribarren@correo.example", phone="+34 612 345 908", city="Madrid, España",
        summary="Gerente de ingeniería con diez años construyendo sistemas de recomendación y precios dinámicos.",
        jobs=[
            Entry("Gerente de Ingeniería de ML", "Alcaraván Viajes", "Madrid", (2021, 6), None,
                  ["Dirijo dos equipos de 15 personas en precios y recomendación.",
                   "Ingresos por reserva +4% con precios dinámicos."]),
            Entry("Líder Técnico de Machine Learning", "Pimentón Foods", "Barcelona", (2018, 2), (2021, 5),
                  ["Sistema de recomendación para 2 millones de clientes."]),
            Entry("Científico de Datos", "Banco Lucero", "Madrid", (2015, 9), (2018, 1),
                  ["Modelos de riesgo de crédito."]),
            Entry("Proyecto personal: RutaBici", "Código abierto", "", (2016, 3), (2017, 6),
                  ["Aplicación de rutas ciclistas con 5.000 usuarios."], counts=False),
        ],
        education=[Entry("Máster en Inteligencia Artificial", "Universidad Politécnica del Tajo", "Madrid",
                         (2014, 9), (2015, 7)),
                   Entry("Grado en Ingeniería Informática", "Universidad de Valdemoro", "Madrid", (2010, 9),
                         (2014, 6))],
        skills={"Técnicas": "recomendación, precios dinámicos, MLOps", "Herramientas": "Python, Spark, GCP, dbt"},
        languages=[("Español", "nativo"), ("Inglés", "C1"), ("Portugués", "B1")],
        teaching=[Entry("Profesor asociado de Aprendizaje Automático", "Universidad de Valdemoro", "Madrid",
                        (2019, 9), (2020, 6), counts=False)],
        github="sirribarren",
    ),
    Person(
        key="principal_pt", name="Luana Bettencourt Ramalho", headline="Cientista de Dados Principal",
        email="luana.ramalho@caixapostal.example", phone="+55 11 95555 0172", city="São Paulo, Brasil",
        summary="Cientista de dados principal com doze anos em crédito, varejo e saúde; lidera a área de "
                "aprendizado de máquina de uma fintech.",
        jobs=[
            Entry("Cientista de Dados Principal", "Jabuticaba Pagamentos", "São Paulo", (2020, 8), None,
                  ["Lidero 22 pessoas em modelos de crédito e fraude.", "Reduzi a inadimplência em 18%."]),
            Entry("Coordenadora de Ciência de Dados", "Mercado Ipê", "São Paulo", (2017, 3), (2020, 7),
                  ["Previsão de demanda para 800 lojas."]),
            Entry("Cientista de Dados", "Mercado Ipê", "São Paulo", (2015, 1), (2017, 2),
                  ["Modelos de churn e segmentação."]),
            Entry("Analista de Dados", "Hospital Vale do Sabiá", "Campinas", (2012, 2), (2014, 12),
                  ["Painéis de ocupação de leitos."]),
        ],
        education=[Entry("Mestrado em Estatística", "Universidade Federal do Planalto", "Campinas", (2010, 3),
                         (2012, 2)),
                   Entry("Bacharelado em Matemática Aplicada", "Universidade Federal do Planalto", "Campinas",
                         (2006, 3), (2009, 12))],
        skills={"Técnicas": "crédito, fraude, séries temporais, inferência causal",
                "Ferramentas": "Python, R, SQL, AWS, Airflow"},
        languages=[("Português", "nativo"), ("Inglês", "fluente"), ("Espanhol", "avançado")],
        volunteering=[Entry("Voluntária, mentoria em dados", "Instituto Meninas na Ciência", "São Paulo",
                            (2019, 3), None, counts=False)],
        awards=["Prêmio Inovação Jabuticaba, 2022"],
        linkedin="luanaramalho",
    ),
]


def counted(person: Person) -> list[Entry]:
    return [j for j in person.jobs if j.counts]


def truth_for(person: Person, sections: list[str]) -> dict[str, object]:
    """The truth.json record for one rendered resume, by the corpus conventions."""
    jobs = counted(person)
    companies: list[str] = []
    for job in jobs:
        if job.org not in companies:
            companies.append(job.org)

    def end_key(j: Entry) -> tuple[int, int, int]:
        return (1, 0, 0) if j.end is None else (0, *j.end)

    latest = max(end_key(j) for j in jobs)
    best = [j for j in jobs if end_key(j) == latest][0]  # ties go to the first listed
    seen: list[str] = []
    for s in sections:
        if s not in seen:
            seen.append(s)
    return {
        "name": person.name, "email": person.email, "phone_present": True, "sections": seen, "jobs": len(jobs),
        "companies": companies, "latest_title": best.title, "first_job_start_year": min(j.start[0] for j in jobs),
    }
