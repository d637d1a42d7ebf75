"""Six invented people whose CVs the LaTeX layouts render. Every name, employer, address and number is made up.

Each job says whether it counts as a position under the labelled corpus's conventions (truth.json `_conventions`):
career breaks, teaching and personal projects sit among the dated entries but are not jobs.
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
    given: str
    family: str
    headline: str
    email: str
    phone: str
    street: str
    city: str
    summary: str
    jobs: list[Entry]
    education: list[Entry]
    skills: dict[str, str]
    languages: list[tuple[str, str]]
    extra: dict[str, list[str]] = field(default_factory=dict)  # kind -> items (publications, awards, interests, ...)
    teaching: list[Entry] = field(default_factory=list)  # dated, in a "Teaching" section: never jobs

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"


PEOPLE: list[Person] = [
    Person(
        key="ml_director", given="Marisol", family="Quenneville", headline="Director of Machine Learning",
        email="marisol.quenneville@fastmail.example", phone="+1 (415) 555-0142",
        street="88 Larkspur Row", city="Oakland, CA 94610",
        summary="Machine learning leader with fifteen years of experience building ranking, forecasting and "
                "language systems, and growing teams from three to forty engineers and scientists.",
        jobs=[
            Entry("Director of Machine Learning", "Tidewater Analytics", "San Francisco, CA", (2021, 4), None,
                  ["Lead four teams of 38 engineers and scientists across ranking, forecasting and NLP.",
                   "Set the model review process that cut production incidents by half."]),
            Entry("Senior Manager, Applied Science", "Tidewater Analytics", "San Francisco, CA", (2018, 1),
                  (2021, 3), ["Grew the applied science group from 6 to 17 people.",
                              "Shipped a demand forecaster used by 2,000 stores."]),
            Entry("Machine Learning Engineer", "Tidewater Analytics", "San Francisco, CA", (2015, 6), (2017, 12),
                  ["Built the first feature store and training pipeline."]),
            Entry("Data Scientist", "Corvane Logistics", "Seattle, WA", (2011, 9), (2015, 5),
                  ["Modelled delivery times for a fleet of 900 trucks."]),
        ],
        education=[Entry("M.S. in Statistics", "University of Lakemont", "Lakemont, OR", (2009, 9), (2011, 6)),
                   Entry("B.S. in Mathematics", "Brightwater College", "Portland, OR", (2005, 9), (2009, 6))],
        skills={"Machine learning": "ranking, forecasting, NLP, causal inference",
                "Languages": "Python, SQL, Scala", "Platforms": "Spark, Kubernetes, Airflow"},
        languages=[("English", "native"), ("Spanish", "fluent")],
        extra={"publications": ["M. Quenneville, T. Aro. Calibrated demand forecasts at scale. Proc. KDD Applied "
                                "Track, 2019."],
               "awards": ["Tidewater Founders Award, 2020"]},
    ),
    Person(
        key="research_scientist", given="Tobias", family="Wendeborn", headline="Research Scientist",
        email="t.wendeborn@posteo.example", phone="+44 20 7946 0321",
        street="14 Quarry Lane", city="Cambridge CB2 1TN, United Kingdom",
        summary="Research scientist working on probabilistic models for protein structure, with a record of "
                "publications and open-source tools used by other laboratories.",
        jobs=[
            Entry("Senior Research Scientist", "Helix Foundry Ltd", "Cambridge, UK", (2022, 2), None,
                  ["Lead a group of five on generative models for protein design."]),
            Entry("Postdoctoral Researcher", "Institute for Molecular Computation", "Heidelberg, Germany",
                  (2018, 10), (2022, 1), ["Developed variational methods for cryo-EM reconstruction."]),
            Entry("Research Intern", "Quillon Research", "Zurich, Switzerland", (2016, 6), (2016, 9),
                  ["Prototyped a sequence alignment kernel on GPUs."]),
        ],
        teaching=[
            Entry("Teaching Assistant, Bayesian Statistics", "University of Edenholm", "", (2015, 9), (2018, 6)),
            Entry("Lecturer, Summer School on Machine Learning", "Heidelberg Summer School", "", (2019, 7),
                  (2019, 8)),
        ],
        education=[Entry("Ph.D. in Computational Biology", "University of Edenholm", "Edenholm, UK", (2014, 10),
                         (2018, 9)),
                   Entry("M.Sc. in Physics", "Technical University of Varnhagen", "Varnhagen, Germany", (2012, 10),
                         (2014, 9))],
        skills={"Methods": "variational inference, diffusion models, MCMC",
                "Software": "Python, JAX, PyTorch, C++"},
        languages=[("German", "native"), ("English", "fluent"), ("French", "basic")],
        extra={"publications": [
            "T. Wendeborn, L. Osei. Diffusion priors for cryo-EM maps. Journal of Structural Computing, 2023.",
            "T. Wendeborn et al. Fast Bayesian alignment of protein families. Bioinformatics Letters, 2020."],
            "awards": ["Edenholm Doctoral Prize, 2019"]},
    ),
    Person(
        key="euro_engineer", given="Élodie", family="Marchetti", headline="Ingénieure logiciel embarqué",
        email="elodie.marchetti@laposte.example", phone="+33 6 12 34 56 78",
        street="27 rue des Tanneurs", city="69002 Lyon, France",
        summary="Embedded software engineer with ten years in automotive and rail systems, safety-critical C "
                "and Rust, and a career break to care for family.",
        jobs=[
            Entry("Lead Embedded Engineer", "Voltaris Bahntechnik GmbH", "Munich, Germany", (2021, 3), None,
                  ["Lead the signalling firmware team of seven engineers.",
                   "Introduced Rust for new safety-critical modules."]),
            Entry("Career break", "Family care", "", (2019, 9), (2021, 2), [], counts=False),
            Entry("Embedded Software Engineer", "Automobiles Ferrand SA", "Lyon, France", (2015, 1), (2019, 8),
                  ["Wrote AUTOSAR drivers for braking controllers."]),
            Entry("Software Engineer", "Sorelec Systèmes", "Grenoble, France", (2012, 9), (2014, 12),
                  ["Maintained test benches for power electronics."]),
        ],
        education=[Entry("Diplôme d'ingénieur, Électronique", "École Supérieure d'Électronique de Valmont",
                         "Valmont, France", (2009, 9), (2012, 7))],
        skills={"Languages": "C, C++, Rust, Python", "Standards": "ISO 26262, EN 50128, AUTOSAR",
                "Tools": "Git, Jenkins, Lauterbach"},
        languages=[("French", "native"), ("German", "professional"), ("English", "fluent")],
        extra={"interests": ["Climbing, choral singing, restoring old radios"]},
    ),
    Person(
        key="early_career", given="Kwame", family="Oduya-Fenn", headline="Software Engineer",
        email="kwame.oduya.fenn@mailbox.example", phone="(312) 555-0187",
        street="410 W Harrow St", city="Chicago, IL 60614",
        summary="Backend engineer two years out of university, building payment APIs in Go and Python.",
        jobs=[
            Entry("Software Engineer", "Parcelbright", "Chicago, IL", (2024, 7), None,
                  ["Built the refunds API serving 3 million requests a day.",
                   "Cut p99 latency of the ledger service from 900 ms to 180 ms."]),
            Entry("Software Engineering Intern", "Lumen Ridge Bank", "Chicago, IL", (2023, 6), (2023, 8),
                  ["Wrote a reconciliation tool in Python."]),
            Entry("Personal project: Bus Tracker", "Open source", "", (2022, 1), (2022, 12),
                  ["A live bus map used by 400 students."], counts=False),
        ],
        education=[Entry("B.S. in Computer Science", "Northgate University", "Evanston, IL", (2020, 9),
                         (2024, 5))],
        skills={"Languages": "Go, Python, TypeScript, SQL", "Tools": "PostgreSQL, Docker, AWS, Terraform"},
        languages=[("English", "native"), ("Twi", "conversational")],
        extra={"projects": ["Bus Tracker: a live campus bus map (Go, Leaflet)"],
               "awards": ["Dean's List, 2021-2024"]},
    ),
    Person(
        key="many_roles", given="Priyanka", family="Raghunathan-Holt", headline="Principal Platform Engineer",
        email="priyanka.rh@protonmail.example", phone="+1 512 555 0199",
        street="2200 Bluebonnet Ave", city="Austin, TX 78704",
        summary="Platform engineer who has built infrastructure at six companies, from a two-person startup to a "
                "public bank.",
        jobs=[
            Entry("Principal Platform Engineer", "Stratagem Cloud", "Austin, TX", (2023, 1), None,
                  ["Own the multi-region Kubernetes platform for 300 services."]),
            Entry("Staff Site Reliability Engineer", "Harborline Financial", "Dallas, TX", (2020, 5), (2022, 12),
                  ["Moved 120 services to infrastructure as code."]),
            Entry("Senior DevOps Engineer", "Quokka Health", "Remote", (2018, 3), (2020, 4),
                  ["Built the CI system used by 80 developers."]),
            Entry("Systems Engineer", "Bellwether Media", "Austin, TX", (2016, 2), (2018, 2),
                  ["Ran the video transcoding fleet."]),
            Entry("Backend Developer", "Tinbox Labs", "Austin, TX", (2014, 8), (2016, 1),
                  ["Second engineer at a two-person startup."]),
            Entry("IT Support Technician", "Pecan Valley School District", "San Marcos, TX", (2012, 6), (2014, 7),
                  ["Supported 1,500 staff laptops."]),
        ],
        education=[Entry("B.S. in Information Systems", "Texas Hill Country University", "San Marcos, TX",
                         (2008, 8), (2012, 5))],
        skills={"Infrastructure": "Kubernetes, Terraform, AWS, GCP", "Languages": "Go, Python, Bash"},
        languages=[("English", "native"), ("Tamil", "fluent")],
        extra={"certifications": ["Certified Kubernetes Administrator, 2021"],
               "interests": ["Long-distance cycling"]},
    ),
    Person(
        key="academic_teacher", given="Henrike", family="Solvang", headline="Associate Professor of Computer Science",
        email="h.solvang@fjordheim.example", phone="+47 22 85 50 50",
        street="Blindernveien 31", city="0371 Oslo, Norway",
        summary="Researcher in distributed systems and consensus protocols who moved from industry to academia.",
        jobs=[
            Entry("Associate Professor", "University of Fjordheim", "Oslo, Norway", (2020, 8), None,
                  ["Lead the distributed systems group (4 PhD students)."]),
            Entry("Assistant Professor", "University of Fjordheim", "Oslo, Norway", (2016, 8), (2020, 7),
                  ["Founded the dependable systems lab."]),
            Entry("Software Engineer", "Nordlys Data AS", "Bergen, Norway", (2012, 1), (2016, 7),
                  ["Built a replicated log for a national payments network."]),
        ],
        teaching=[
            Entry("Course lecturer, Distributed Systems", "University of Fjordheim", "", (2017, 1), None),
            Entry("Teaching Assistant, Operating Systems", "Bergen Institute of Technology", "", (2009, 1),
                  (2011, 6)),
        ],
        education=[Entry("Ph.D. in Computer Science", "Bergen Institute of Technology", "Bergen, Norway",
                         (2008, 8), (2011, 12)),
                   Entry("M.Sc. in Informatics", "University of Fjordheim", "Oslo, Norway", (2006, 8), (2008, 6))],
        skills={"Research": "consensus, Byzantine fault tolerance, formal verification (TLA+)",
                "Programming": "Rust, Go, Java"},
        languages=[("Norwegian", "native"), ("English", "fluent"), ("German", "good")],
        extra={"publications": [
            "H. Solvang, R. Mbeki. Leaderless consensus under partial synchrony. Proc. Symposium on Dependable "
            "Systems, 2022.",
            "H. Solvang. Verified replicated logs. Journal of Distributed Computing, 2019."],
            "awards": ["Best Paper Award, Symposium on Dependable Systems, 2022"]},
    ),
]


def counted(person: Person) -> list[Entry]:
    return [j for j in person.jobs if j.counts]


def truth_for(person: Person, sections: list[str]) -> dict[str, object]:
    """The truth.json record for one rendered CV, by the corpus conventions."""
    jobs = counted(person)
    companies: list[str] = []
    for job in jobs:
        if job.org not in companies:
            companies.append(job.org)
    latest = max(jobs, key=lambda j: (1, 0, 0) if j.end is None else (0, *j.end))  # max keeps the first on ties
    best = [j for j in jobs if ((1, 0, 0) if j.end is None else (0, *j.end)) ==
            ((1, 0, 0) if latest.end is None else (0, *latest.end))][0]
    seen: list[str] = []
    for s in sections:
        if s not in seen:
            seen.append(s)
    return {
        "name": person.name, "email": person.email, "phone_present": True, "sections": seen, "jobs": len(jobs),
        "companies": companies, "latest_title": best.title, "first_job_start_year": min(j.start[0] for j in jobs),
    }
