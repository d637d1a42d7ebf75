"""A synthetic stress set for reading experience entries: invented people whose roles are set in the structures real
resumes use -- title, employer, dates and place permuted over one to three lines; dates at the left margin,
right-aligned, on a line of their own, in brackets, with durations; promotions at one employer in several
encodings; contract and consulting lists; academic CVs (appointments, postdocs, visiting posts) beside Teaching,
Grants, Talks and Service sections whose dates are not jobs; bullets holding years or ranges; projects inside a
job; internships; freelancing; German, French, Spanish and Portuguese entries; lower-case and capitals styling.

Batch 1 (41 cases) was written BEFORE the entry rules it measures were tuned (issue #10 item 3), as a check that they generalise. Truth
follows the labelled corpus's conventions (`truth.json` `_conventions`): jobs are dated positions under
experience-type headings, promotions counted separately, teaching / volunteering / career breaks / personal
projects / client assignments nested in one job not counted; employers are the distinct employer strings;
`first_year` is the earliest start year among counted positions.

Each case's half is fixed by its name alone (`half_of`: SHA-256 of the name, even = "tune", odd = "score"), decided
before any result was looked at: rules may be tuned on the "tune" half only; the "score" half is only scored.

PDFs are built in memory with fpdf2 (a test dependency already) and DejaVu fonts when present.

Row mark-up (one string a line): a leading "**" sets the line bold, "_" italic, "~" small; "A >> B" puts B
right-aligned on A's line; "A || B" puts A in a narrow left date column and B beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fpdf import FPDF

from benchmarks.generated.stress import new_pdf
from benchmarks.generated.stress import set_font as _font

EDUCATION = ("Education", ["**MSc Computer Science >> 2008 – 2010", "Lakeside University"])
SKILLS = ("Skills", ["Python, PyTorch, Kubernetes, Spark, SQL"])


@dataclass
class Case:
    name: str
    jobs: int
    employers: list[str]
    latest_title: str | None
    first_year: int | None
    sections: list[tuple[str, list[str]]]
    note: str
    summary: str = "Machine learning leader who builds platforms and teams that ship models to production."
    extra: list[tuple[str, list[str]]] = field(default_factory=lambda: [EDUCATION, SKILLS])
    batch: int = 1


def _row(pdf: FPDF, spec: str) -> None:
    style, size = "", 10.0
    if spec.startswith("**"):
        style, spec = "B", spec[2:]
    elif spec.startswith("_"):
        style, spec = "I", spec[1:]
    elif spec.startswith("~"):
        size, spec = 8.5, spec[1:]
    if " || " in spec:
        left, right = spec.split(" || ", 1)
        if right.startswith("**"):
            style, right = "B", right[2:]
        elif right.startswith("_"):
            style, right = "I", right[1:]
        _font(pdf, 10)
        pdf.cell(38, 5.5, left, new_x="RIGHT", new_y="TOP")
        _font(pdf, size, style)
        if " >> " in right:
            a, b = right.split(" >> ", 1)
            pdf.cell(100, 5.5, a, new_x="RIGHT", new_y="TOP")
            _font(pdf, 10)
            pdf.cell(0, 5.5, b, align="R", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.multi_cell(0, 5.5, right, new_x="LMARGIN", new_y="NEXT")
        return
    if " >> " in spec:
        left, right = spec.split(" >> ", 1)
        _font(pdf, size, style)
        pdf.cell(135, 5.5, left, new_x="RIGHT", new_y="TOP")
        _font(pdf, 10, "I" if style == "I" else "")
        pdf.cell(0, 5.5, right, align="R", new_x="LMARGIN", new_y="NEXT")
        return
    _font(pdf, size, style)
    pdf.multi_cell(0, 5.5 if size >= 10 else 4.5, spec, new_x="LMARGIN", new_y="NEXT")


def build(case: Case, name: str = "Avery Quinlan") -> bytes:
    pdf = new_pdf()
    pdf.add_page()
    _font(pdf, 20, "B")
    pdf.cell(0, 11, name, new_x="LMARGIN", new_y="NEXT")
    _font(pdf, 10)
    pdf.cell(0, 6, "avery.q@example.org | +1 555 010 0142 | Portland, OR", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for heading, rows in [("Summary", [case.summary])] + case.sections + case.extra:
        pdf.ln(2)
        _font(pdf, 13, "B")
        pdf.cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
        for spec in rows:
            _row(pdf, spec)
    return bytes(pdf.output())


B1 = "• Built the feature store and model registry used by 40 teams"
B2 = "• Cut inference cost by 35% by moving to batched GPU serving"
B3 = "• Hired and mentored a team of 12 engineers and scientists"

CASES: list[Case] = [
    Case("title_comma_employer_dates_right", 3, ["Northwind Analytics", "Blue Heron Labs", "Cobalt Systems"],
         "Director of ML Engineering", 2012, [("Experience", [
             "**Director of ML Engineering, Northwind Analytics >> Jan 2020 – Present", B1, B3,
             "**Senior ML Engineer, Blue Heron Labs >> Jun 2015 – Dec 2019", B2,
             "**ML Engineer, Cobalt Systems >> Sep 2012 – May 2015", B1])],
         "the commonest layout: one bold line, dates right-aligned"),
    Case("title_over_employer_place", 3, ["Quantis Bank", "Ferrol Insurance", "Tallis Retail"],
         "Head of Data Science", 2011, [("Work Experience", [
             "**Head of Data Science >> 03/2021 – present", "_Quantis Bank, London, UK", B1, B3,
             "**Lead Data Scientist >> 06/2016 – 02/2021", "_Ferrol Insurance, Leeds, UK", B2,
             "**Data Analyst >> 09/2011 – 05/2016", "_Tallis Retail, Manchester, UK", B1])],
         "title bold with numeric dates right, employer and place italic below"),
    Case("employer_over_title_dates_own_line", 3, ["Meridian Health", "Arbor Payments", "Cinder Games"],
         "Staff Machine Learning Engineer", 2013, [("Professional Experience", [
             "**Meridian Health", "_Staff Machine Learning Engineer", "February 2019 – August 2025", B1, B2,
             "**Arbor Payments", "_Senior Software Engineer", "March 2016 – January 2019", B3,
             "**Cinder Games", "_Software Engineer", "July 2013 – February 2016", B1])],
         "employer, then title, then the dates on a line of their own"),
    Case("dates_left_margin_column", 3, ["Orbital Freight", "Keystone Robotics", "Vireo Labs"],
         "Principal Engineer", 2014, [("Experience", [
             "2021 – Present || **Principal Engineer", " || Orbital Freight, Boston, MA", " || " + B1[2:],
             "2017 – 2021 || **Senior Machine Learning Engineer", " || Keystone Robotics, Pittsburgh, PA",
             " || " + B2[2:],
             "2014 – 2017 || **Data Scientist", " || Vireo Labs, Austin, TX", " || " + B3[2:]])],
         "dates in a narrow left column beside the title (moderncv-like)"),
    Case("dates_in_brackets", 3, ["Kestrel Insurance", "Dunmore Analytics", "Pellucid AI"],
         "Director of Data Science", 2010, [("Experience", [
             "**Director of Data Science, Pellucid AI (2020 – present)", B1, B3,
             "**Senior Data Scientist, Kestrel Insurance (2016–2020)", B2,
             "**Statistician, Dunmore Analytics (2010–2016)", B1])],
         "dates in brackets at the end of the title line"),
    Case("linkedin_durations", 3, ["Pinecrest Robotics", "Hollow Oak Media", "Lantern Health"],
         "Lead ML Engineer", 2014, [("Experience", [
             "**Lead ML Engineer", "Pinecrest Robotics · Full-time", "~Jan 2021 - Present · 5 yrs 11 mos",
             "~Seattle, Washington", B1,
             "**Machine Learning Engineer", "Hollow Oak Media", "~Aug 2017 - Dec 2020 · 3 yrs 5 mos", B2,
             "**Data Engineer", "Lantern Health", "~Mar 2014 - Jul 2017 · 3 yrs 5 mos", B3])],
         "LinkedIn-like: title, employer, dates with a duration"),
    Case("promotions_tenure_then_roles", 4, ["Harbor Logistics", "Sundial Energy"], "Director of Machine Learning",
         2012, [("Experience", [
             "**Harbor Logistics >> Seattle, WA", "~2016 – Present",
             "_Director of Machine Learning >> 2021 – Present", B1, B3,
             "_Senior Manager, Machine Learning >> 2018 – 2021", B2,
             "_Machine Learning Engineer >> 2016 – 2018", B1,
             "**Sundial Energy >> Denver, CO", "_Data Scientist >> 2012 – 2016", B2])],
         "promotions: an employer with its whole stay, then each role dated"),
    Case("promotions_employer_once_roles_dated", 3, ["Globex Corporation", "Initech"], "Engineering Manager", 2013,
         [("Experience", [
             "**Globex Corporation >> London, UK",
             "_Engineering Manager >> Apr 2020 – Present", B3,
             "_Senior Software Engineer >> Jan 2017 – Mar 2020", B2,
             "**Initech >> Reading, UK", "_Software Engineer >> Sep 2013 – Dec 2016", B1])],
         "promotions: employer line once, each title dated under it, no whole-stay dates"),
    Case("promotions_repeated_employer", 3, ["Acme Analytics", "Zephyr Mobile"], "Senior Software Engineer", 2012,
         [("Experience", [
             "**Senior Software Engineer — Acme Analytics >> 2019 – 2024", B1,
             "**Software Engineer — Acme Analytics >> 2016 – 2019", B2,
             "**Junior Developer — Zephyr Mobile >> 2012 – 2016", B3])],
         "promotions written as separate entries repeating the employer"),
    Case("promotions_two_titles_one_entry", 3, ["Atlas Genomics", "Brightwater Labs"], "Staff Data Scientist", 2014,
         [("Experience", [
             "**Atlas Genomics >> Cambridge, MA",
             "Staff Data Scientist (2022 – Present); Senior Data Scientist (2019 – 2022)", B1, B2,
             "**Brightwater Labs >> Boston, MA", "Data Scientist (2014 – 2019)", B3])],
         "two promotions on one line, each with its bracketed dates"),
    Case("consulting_clients_nested", 2, ["Corvid Media"], "Independent Consultant", 2013,
         [("Experience", [
             "**Independent Consultant >> 2019 – Present",
             "• Vanta Retail (2021 – 2022): demand forecasting for 400 stores",
             "• Luma Energy (2020 – 2021): anomaly detection on grid sensors",
             "• Kiro Travel (2019 – 2020): pricing experiments platform",
             "**Data Scientist, Corvid Media >> 2013 – 2019", B2])],
         "a consultancy with dated client assignments as bullets: one job"),
    Case("contract_roles", 3, ["Sable Bank", "Ferro Telecom", "Iris Media"], "Contract ML Engineer", 2016,
         [("Contract Experience", [
             "**Contract ML Engineer, Sable Bank >> Feb 2023 – Present", B1,
             "**Contract Data Engineer, Ferro Telecom >> Mar 2021 – Dec 2022", B2,
             "**Data Engineer, Iris Media >> Jan 2016 – Feb 2021", B3])],
         "back-to-back contracts, each a job"),
    Case("academic_appointments", 4, ["University of Eastvale", "Institute for Learning Systems",
                                      "Northgate AI Lab"], "Associate Professor", 2013,
         [("Academic Appointments", [
             "**Associate Professor, Department of Computer Science >> 2021 – present", "University of Eastvale",
             "**Assistant Professor, Department of Computer Science >> 2016 – 2021", "University of Eastvale",
             "**Postdoctoral Researcher >> 2014 – 2016", "Institute for Learning Systems",
             "**Visiting Researcher >> Summer 2013", "Northgate AI Lab"]),
          ("Education", ["**PhD in Computer Science >> 2009 – 2014", "Lakeside University",
                         "**BSc Mathematics >> 2005 – 2009", "Hillcrest University"]),
          ("Teaching", ["**CS 229 Machine Learning, University of Eastvale >> Fall 2019, Fall 2020",
                        "**Probabilistic Modelling, University of Eastvale >> 2017 – 2021"]),
          ("Grants", ["**NSF CAREER Award, principal investigator >> 2020 – 2025",
                      "**Industry research gift, co-investigator >> 2018 – 2019"]),
          ("Invited Talks", ["Optimisation for deep networks, Montreal Workshop on Learning, 2019",
                             "Momentum and stability, Eastvale Statistics Seminar, 2018"]),
          ("Service", ["**Area Chair, Conference on Learning Systems >> 2019 – 2023",
                       "**Reviewer, Journal of Machine Learning Research >> 2015 – present"])],
         "academic CV: appointments, then teaching, grants, talks and service with dates that are not jobs",
         extra=[]),
    Case("academic_positions_years_left", 3, ["Université de Lyonne", "Max Weber Institut",
                                              "Collège des Sciences"], "Professor of Statistics", 2011,
         [("Positions", [
             "2019 – present || Professor of Statistics, Université de Lyonne",
             "2015 – 2019 || Research Scientist, Max Weber Institut",
             "2011 – 2015 || Postdoctoral Fellow, Collège des Sciences"]),
          ("Education", ["2006 – 2011 || PhD Statistics, Lakeside University"]),
          ("Teaching", ["2016 – 2023 || Bayesian Inference (graduate course)",
                        "2012 – 2014 || Linear Models (undergraduate course)"]),
          ("Professional Service", ["2020 – present || Associate Editor, Annals of Applied Modelling",
                                    "2017 – 2019 || Program Committee, Statistics and Learning Symposium"])],
         "academic CV with years in a left column in every section", extra=[]),
    Case("research_experience_heading", 3, ["Lakeside University", "Quasar Labs", "Orca Research"],
         "Research Scientist", 2014, [("Research Experience", [
             "**Research Scientist, Orca Research >> Oct 2020 – Present", B1,
             "**Graduate Research Assistant, Lakeside University >> Sep 2015 – Aug 2020", B2,
             "**Research Intern, Quasar Labs >> Jun 2014 – Aug 2014", B3]),
          ("Publications", ["Quinlan A., Li B. Stable training of sparse models. NeurIPS 2019.",
                            "Quinlan A. Efficient retrieval at scale. ICML 2018."])],
         "research experience with an internship; dated publications below"),
    Case("bullets_with_year_ranges", 2, ["Tidewater Energy", "Copperline Bank"], "VP of Data", 2011,
         [("Experience", [
             "**VP of Data, Tidewater Energy >> 2018 – Present",
             "• Grew data revenue from $2M to $9M between 2019-2021",
             "• Led the 2020 – 2022 migration of 300 pipelines to Kubernetes",
             "• Ran the 2023 to 2024 hiring plan, 20 engineers",
             "**Analytics Manager, Copperline Bank >> 2011 – 2018",
             "• Built the 2015–2017 credit risk model programme"])],
         "bullets that hold years and ranges must not become jobs"),
    Case("projects_inside_job", 2, ["Ardent Partners", "Bright Path Consulting"], "Principal Consultant", 2014,
         [("Experience", [
             "**Principal Consultant, Ardent Partners >> 2018 – Present",
             "Project: Fraud detection for a retail bank (2021 – 2022)", B1,
             "Project: Churn prediction for a telecom (2019 – 2020)", B2,
             "**Consultant, Bright Path Consulting >> 2014 – 2018", B3])],
         "dated projects inside a job, not jobs of their own"),
    Case("internships_count", 3, ["Nimbus Cloud", "Quasar Labs", "Ember Analytics"], "Software Engineer", 2019,
         [("Experience", [
             "**Software Engineer, Nimbus Cloud >> Jul 2022 – Present", B1,
             "**Machine Learning Intern, Quasar Labs >> Jun 2021 – Aug 2021", B2,
             "**Data Science Intern, Ember Analytics >> May 2019 – Aug 2019", B3])],
         "a new graduate: internships are jobs"),
    Case("freelance_self_employed", 2, ["Marlow Studios"], "Freelance Data Scientist", 2012,
         [("Experience", [
             "**Freelance Data Scientist >> 2019 – Present", "_Self-employed", B1, B2,
             "**Data Scientist, Marlow Studios >> 2012 – 2019", B3])],
         "freelancing without an employer name"),
    Case("summary_mentions_years", 2, ["Granite Systems", "Foxglove Labs"], "Principal ML Engineer", 2012,
         [("Experience", [
             "**Principal ML Engineer, Granite Systems >> May 2018 – Present", B1,
             "**ML Engineer, Foxglove Labs >> Jan 2012 – Apr 2018", B2])],
         "a summary full of years and ranges",
         summary="15+ years in machine learning since 2009; led search 2014-2016 and ads ranking 2017 - 2019."),
    Case("german_entries", 3, ["Autohaus Meyer GmbH", "Stadtwerke Kiel AG", "Nordlicht Software GmbH"],
         "Teamleiter Data Science", 2010, [("Berufserfahrung", [
             "**Teamleiter Data Science >> 04/2019 – heute", "Autohaus Meyer GmbH, München",
             "• Aufbau einer Plattform für Prognosemodelle",
             "**Softwareentwickler >> 09/2014 – 03/2019", "Stadtwerke Kiel AG, Kiel",
             "• Entwicklung von Datenpipelines",
             "**Werkstudent Datenanalyse >> 10/2010 – 08/2014", "Nordlicht Software GmbH, Hamburg"])],
         "German: numeric months, 'heute'", extra=[("Ausbildung", ["**M.Sc. Informatik >> 2008 – 2014",
                                                                     "Universität Kiel"])]),
    Case("french_entries", 2, ["Société Générale des Données", "Atelier Numérique"],
         "Ingénieure en apprentissage automatique", 2015, [("Expérience professionnelle", [
             "**Ingénieure en apprentissage automatique — Société Générale des Données >> janv. 2020 – aujourd'hui",
             "• Conception d'un système de recommandation",
             "**Développeuse — Atelier Numérique >> sept. 2015 – déc. 2019",
             "• Développement d'API pour 2 millions d'utilisateurs"])],
         "French: abbreviated months with full stops, 'aujourd'hui'",
         extra=[("Formation", ["**Master Informatique >> 2013 – 2015", "Université de Nantes"])]),
    Case("spanish_entries", 2, ["Banco Andino S.A.", "Datos del Sur"], "Científico de Datos Sénior", 2014,
         [("Experiencia laboral", [
             "**Científico de Datos Sénior", "Banco Andino S.A. | Bogotá", "marzo de 2018 – actualidad",
             "• Modelos de riesgo de crédito para 3 millones de clientes",
             "**Analista de Datos", "Datos del Sur | Medellín", "enero de 2014 – febrero de 2018",
             "• Tableros de control para ventas"])],
         "Spanish: title, employer | city, dates on their own line",
         extra=[("Educación", ["**Maestría en Estadística >> 2011 – 2013", "Universidad Nacional"])]),
    Case("portuguese_entries", 2, ["Nubia Pagamentos", "Vento Sul Tecnologia"], "Engenheira de Machine Learning",
         2013, [("Experiência Profissional", [
             "**Engenheira de Machine Learning, Nubia Pagamentos >> ago 2019 – atual",
             "• Detecção de fraude em tempo real",
             "**Desenvolvedora, Vento Sul Tecnologia >> mar 2013 – jul 2019",
             "• Sistemas de pagamentos"])],
         "Portuguese: lower-case month abbreviations, 'atual'",
         extra=[("Formação", ["**Mestrado em Computação >> 2011 – 2013", "Universidade de Campinas"])]),
    Case("all_lowercase", 3, ["northwind analytics", "blue heron labs", "cobalt systems"],
         "director of ml engineering", 2012, [("experience", [
             "**director of ml engineering, northwind analytics >> jan 2020 – present", B1.lower(),
             "**senior ml engineer, blue heron labs >> jun 2015 – dec 2019", B2.lower(),
             "**ml engineer, cobalt systems >> sep 2012 – may 2015", B3.lower()])],
         "all-lowercase styling", extra=[("education", ["**msc computer science >> 2008 – 2010",
                                                         "lakeside university"])]),
    Case("all_caps_pipes", 3, ["ORION RETAIL", "VEGA LOGISTICS", "LYRA BANK"], "SENIOR DATA SCIENTIST", 2011,
         [("EXPERIENCE", [
             "**SENIOR DATA SCIENTIST | ORION RETAIL | 2021 – PRESENT", B1,
             "**DATA SCIENTIST | VEGA LOGISTICS | 2017 – 2021", B2,
             "**DATA ANALYST | LYRA BANK | 2011 – 2017", B3])],
         "capitals, title | employer | dates", extra=[("EDUCATION", ["**MSC STATISTICS >> 2009 – 2011",
                                                                     "LAKESIDE UNIVERSITY"])]),
    Case("dates_first_three_lines", 3, ["Helix Genomics", "Corbel Finance", "Saltmarsh Labs"],
         "Staff ML Engineer", 2013, [("Experience", [
             "~Jan 2020 – Present", "**Staff ML Engineer", "Helix Genomics — San Diego, CA", B1,
             "~Jun 2016 – Dec 2019", "**Senior Data Scientist", "Corbel Finance — New York, NY", B2,
             "~Feb 2013 – May 2016", "**Data Scientist", "Saltmarsh Labs — Austin, TX", B3])],
         "dates on their own line above the title and the employer"),
    Case("employer_place_dates_then_title", 3, ["Polaris Media", "Quill Publishing", "Redwood Games"],
         "Senior Data Scientist", 2012, [("Experience", [
             "**Polaris Media — New York, NY >> 2018 – 2024", "_Senior Data Scientist", B1,
             "**Quill Publishing — Boston, MA >> 2015 – 2018", "_Data Scientist", B2,
             "**Redwood Games — Austin, TX >> 2012 – 2015", "_Data Analyst", B3])],
         "employer and place with the dates, then the title in italics"),
    Case("end_first_dates", 3, ["Cirrus Labs", "Dovetail Bank", "Estuary Media"], "ML Platform Lead", 2012,
         [("Experience", [
             "**ML Platform Lead, Cirrus Labs >> Present – 2021", B1,
             "**Senior Engineer, Dovetail Bank >> 2021 – 2016", B2,
             "**Engineer, Estuary Media >> 2016 – 2012", B3])],
         "ranges written end first"),
    Case("since_dates", 2, ["Fjord Systems", "Gannet Data"], "Head of Machine Learning", 2014,
         [("Experience", [
             "**Head of Machine Learning, Fjord Systems >> since 2021", B1,
             "**Senior Data Scientist, Gannet Data >> 2014 – 2021", B2])],
         "an ongoing role written 'since 2021'"),
    Case("teaching_and_volunteering_sections", 2, ["Halcyon Insurance", "Ibis Logistics"],
         "Lead Data Scientist", 2013, [("Experience", [
             "**Lead Data Scientist, Halcyon Insurance >> 2019 – Present", B1,
             "**Data Scientist, Ibis Logistics >> 2013 – 2019", B2]),
          ("Teaching Experience", ["**Lecturer, Introduction to ML, Coastline College >> 2019 – 2021",
                                   "**Teaching Assistant, Lakeside University >> 2010 – 2012"]),
          ("Volunteering", ["**Mentor, Code for Good >> 2016 – Present",
                            "**Organiser, PyData Portland >> 2015 – 2018"])],
         "teaching and volunteering sections with dated roles that are not jobs"),
    Case("career_break_between", 2, ["Juniper Health", "Kelp Analytics"], "Senior ML Engineer", 2012,
         [("Experience", [
             "**Senior ML Engineer, Juniper Health >> 2021 – Present", B1,
             "**Career Break >> 2019 – 2021", "Family care and travel",
             "**ML Engineer, Kelp Analytics >> 2012 – 2019", B2])],
         "a career break between two jobs"),
    Case("dates_below_employer", 3, ["Tidewater Energy", "Umber Retail", "Vantage Telecom"],
         "Lead Data Engineer", 2011, [("Experience", [
             "**Lead Data Engineer", "_Tidewater Energy", "~2019 – 2025", B1,
             "**Senior Data Engineer", "_Umber Retail", "~2014 – 2019", B2,
             "**Data Engineer", "_Vantage Telecom", "~2011 – 2014", B3])],
         "title, employer, then the dates below in small type"),
    Case("at_employer_brackets", 3, ["Lumen Health", "Mosaic Ads", "Nova Freight"], "Senior Data Scientist", 2013,
         [("Experience", [
             "**Senior Data Scientist at Lumen Health (Mar 2022 – Present)", B1,
             "**Data Scientist at Mosaic Ads (Jun 2017 – Feb 2022)", B2,
             "**Analyst at Nova Freight (Jan 2013 – May 2017)", B3])],
         "'Title at Employer (dates)'"),
    Case("employer_then_dated_roles_left", 4, ["Contoso", "Fabrikam"], "Director, Applied Science", 2012,
         [("Experience", [
             "**Contoso", "2021 – now || Director, Applied Science", "2018 – 2021 || Principal Scientist",
             "2015 – 2018 || Senior Scientist", B1,
             "**Fabrikam", "2012 – 2015 || Scientist", B2])],
         "employer once, dated roles with the years at the left"),
    Case("iso_month_ranges", 3, ["Oriel Robotics", "Pylon Data", "Quarry Systems"], "Robotics Software Lead", 2014,
         [("Experience", [
             "**Robotics Software Lead >> 2023-01 – 2025-11", "Oriel Robotics", B1,
             "**Perception Engineer >> 2019-04 – 2022-12", "Pylon Data", B2,
             "**Software Engineer >> 2014-09 – 2019-03", "Quarry Systems", B3])],
         "ISO year-month ranges"),
    Case("awards_inside_job_and_section", 2, ["Rowan Analytics", "Sorrel Labs"], "Analytics Director", 2010,
         [("Experience", [
             "**Analytics Director, Rowan Analytics >> 2017 – Present", "• Employee of the Year 2019 and 2021",
             "• Promoted twice, 2018 and 2020", B1,
             "**Senior Analyst, Sorrel Labs >> 2010 – 2017", B2]),
          ("Awards", ["**Data Leader of the Year >> 2022", "**Kaggle Grandmaster >> 2016 – 2018"]),
          ("Certifications", ["AWS Certified ML Specialty, 2021 – 2024"])],
         "years in bullets and in award and certificate sections"),
    Case("academic_research_positions_postdoc", 3, ["Stanford Biomedical Institute", "Tern University",
                                                   "Umbra Research"], "Assistant Professor", 2015,
         [("Research Positions", [
             "**Assistant Professor >> Sep 2021 – present", "_Tern University, Department of Biostatistics",
             "**Postdoctoral Fellow >> Jan 2018 – Aug 2021", "_Stanford Biomedical Institute",
             "**Visiting Scholar >> Jun 2015 – Dec 2015", "_Umbra Research"]),
          ("Education", ["**PhD Biostatistics >> 2012 – 2017", "Lakeside University"]),
          ("Grants and Funding", ["**Early Career Award, National Science Agency >> 2022 – 2027",
                                  "**Seed Grant, Tern University >> 2021 – 2023"]),
          ("Talks", ["**Keynote, Workshop on Causal Inference >> 2023", "**Seminar, Umbra Research >> 2019"]),
          ("Students Supervised", ["**PhD student, Jordan Ellery >> 2022 – present",
                                   "**MSc student, Priya Nandakumar >> 2021 – 2022"])],
         "academic: postdoc and visiting posts, then grants, talks and students with ranges", extra=[]),
    Case("table_columns_employer_title_dates", 3, ["Aurora Bank", "Beacon Health", "Cypress Telecom"],
         "VP, Machine Learning", 2011, [("Experience", [
             "**Aurora Bank || VP, Machine Learning >> 2019 – Present", B1,
             "**Beacon Health || Director of Data Science >> 2015 – 2019", B2,
             "**Cypress Telecom || Senior Analyst >> 2011 – 2015", B3])],
         "employer, title and dates in three columns"),
    Case("short_year_dates_and_location_line", 3, ["Wren Mobility", "Xylem Data", "Yarrow Health"],
         "Engineering Manager, ML", 2016, [("Experience", [
             "**Engineering Manager, ML >> Mar ’22 – Present", "Wren Mobility · Remote", B3,
             "**Senior ML Engineer >> Jan ’19 – Feb ’22", "Xylem Data · Chicago, IL", B2,
             "**ML Engineer >> Jul ’16 – Dec ’18", "Yarrow Health · Chicago, IL", B1])],
         "two-digit years after an apostrophe, employer · place below"),
    Case("multi_page_long_history", 6, ["Zenith Labs", "Amber Systems", "Birch Analytics", "Cedar Robotics",
                                        "Delta Payments", "Elm Software"], "Chief Data Officer", 2002,
         [("Career History", [
             "**Chief Data Officer, Zenith Labs >> 2022 – Present", B1, B2, B3,
             "**VP Engineering, Amber Systems >> 2018 – 2022", B1, B2, B3,
             "**Director of Data, Birch Analytics >> 2014 – 2018", B1, B2, B3,
             "**Engineering Manager, Cedar Robotics >> 2010 – 2014", B1, B2, B3,
             "**Senior Developer, Delta Payments >> 2006 – 2010", B1, B2, B3,
             "**Developer, Elm Software >> 2002 – 2006", B1, B2, B3])],
         "a long history under 'Career History'"),
]


# Batch 2: written after main's batch-1 score was recorded (main read most of batch 1 right), to probe harder,
# still common structures: dates on a line of their own wrapped over two lines, ranges glued or written "to",
# dated bullets inside and outside a role's range, a single year as a role's date, a client list as plain lines,
# dated projects after the experience, "Relevant Experience" / "Employment" headings, capitals "PRESENT".
BATCH2 = 2
CASES += [
    Case("wrapped_date_column", 3, ["Marigold Bank", "Nettle Systems", "Osprey Media"], "Head of Analytics", 2012,
         [("Experience", [
             "Mar 2020 – || **Head of Analytics, Marigold Bank", "Present || " + B1[2:],
             "Jun 2016 – || **Senior Analyst, Nettle Systems", "Feb 2020 || " + B2[2:],
             "Jan 2012 – || **Analyst, Osprey Media", "May 2016 || " + B3[2:]])],
         "a narrow date column wraps each range after its dash", batch=BATCH2),
    Case("glued_and_to_ranges", 3, ["Pumice Labs", "Quince Retail", "Ruddy Games"], "Staff Engineer", 2011,
         [("Employment", [
             "**Staff Engineer, Pumice Labs, 2019–2025", B1,
             "**Senior Engineer, Quince Retail, 2015 to 2019", B2,
             "**Engineer, Ruddy Games, 2011-2015", B3])],
         "ranges glued to the employer after a comma, and written with 'to'", batch=BATCH2),
    Case("dated_bullets_inside_and_outside", 2, ["Saffron Health", "Teal Logistics"], "Director of Data Science", 2010,
         [("Experience", [
             "**Director of Data Science, Saffron Health >> 2018 – Present",
             "• Jan 2021 – Jun 2021: led the vaccine logistics model",
             "• 2019 – 2020: built the claims platform", B3,
             "**Data Scientist, Teal Logistics >> 2010 – 2018",
             "• 2012 – 2014: ran the routing optimisation project", B2])],
         "dated bullets within their role's range are not roles", batch=BATCH2),
    Case("single_year_roles", 3, ["Umbra Research", "Vesper Labs", "Willow AI"], "Research Engineer", 2017,
         [("Experience", [
             "**Research Engineer, Willow AI >> 2020 – Present", B1,
             "**Visiting Researcher, Umbra Research >> 2019", B2,
             "**Research Intern, Vesper Labs >> 2017", B3])],
         "roles dated with a single year", batch=BATCH2),
    Case("relevant_experience_caps_present", 2, ["Xenon Freight", "Yew Analytics"], "ML Engineering Manager", 2013,
         [("Relevant Experience", [
             "**ML ENGINEERING MANAGER >> JAN 2021 – PRESENT", "_Xenon Freight | Chicago, IL", B3,
             "**SENIOR ML ENGINEER >> MAR 2013 – DEC 2020", "_Yew Analytics | Chicago, IL", B1])],
         "capital titles and dates, 'Relevant Experience'", batch=BATCH2),
    Case("projects_section_after_experience", 2, ["Zinc Payments", "Acorn Travel"], "Principal Engineer", 2012,
         [("Experience", [
             "**Principal Engineer, Zinc Payments >> 2019 – Present", B1,
             "**Senior Engineer, Acorn Travel >> 2012 – 2019", B2]),
          ("Projects", ["**Open-source feature store >> 2020 – Present", "• 2k GitHub stars",
                        "**Kaggle competitions >> 2016 – 2018"])],
         "dated projects after the experience are not jobs", batch=BATCH2),
    Case("client_lines_plain", 2, ["Basalt Consulting", "Cobble Bank"], "Senior Consultant", 2014,
         [("Experience", [
             "**Senior Consultant, Basalt Consulting >> 2020 – Present",
             "Client: Dune Energy, 2022 – Present", "Client: Ember Retail, 2020 – 2022", B1,
             "**Data Engineer, Cobble Bank >> 2014 – 2020", B2])],
         "client engagements as plain dated lines inside one job", batch=BATCH2),
    Case("employer_dates_title_below_three", 3, ["Fennel Foods", "Garnet Media", "Hazel Energy"], "Data Lead", 2012,
         [("Experience", [
             "**Fennel Foods", "~2021 – Present", "_Data Lead", B1,
             "**Garnet Media", "~2016 – 2021", "_Senior Data Analyst", B2,
             "**Hazel Energy", "~2012 – 2016", "_Data Analyst", B3])],
         "employer, then dates, then the title", batch=BATCH2),
    Case("title_amp_region_numeric", 2, ["Indigo Group", "Jasper Retail"], "Head of Data & Analytics, EMEA", 2013,
         [("Experience", [
             "**Head of Data & Analytics, EMEA >> 03/2019 – 11/2025", "Indigo Group, Amsterdam", B3,
             "**Analytics Manager >> 06/2013 – 02/2019", "Jasper Retail, Rotterdam", B2])],
         "a title with '&' and a region after a comma", batch=BATCH2),
    Case("acquired_employer", 2, ["Kiln Software (acquired by Larch Corp)", "Mica Systems"], "VP Engineering", 2011,
         [("Experience", [
             "**VP Engineering >> 2017 – 2024", "Kiln Software (acquired by Larch Corp), Denver, CO", B3,
             "**Engineering Manager >> 2011 – 2017", "Mica Systems, Boulder, CO", B1])],
         "an employer with a parenthetical", batch=BATCH2),
    Case("academic_employment_affiliations", 4, ["University of Westmoor", "Oak Institute", "Pine Research"],
         "Full Professor", 2008,
         [("Employment", [
             "**Full Professor, University of Westmoor >> 2020 – present",
             "**Associate Professor, University of Westmoor >> 2014 – 2020",
             "**Research Fellow, Oak Institute >> 2010 – 2014",
             "**Postdoctoral Researcher, Pine Research >> 2008 – 2010"]),
          ("Teaching", ["**Machine Learning (MSc), University of Westmoor >> 2015 – present",
                        "**Statistics I, University of Westmoor >> 2014 – 2016"]),
          ("Service", ["**Head of Department >> 2021 – 2024", "**Ethics committee member >> 2016 – 2019"]),
          ("Grants", ["**Research Council grant, 1.2M >> 2019 – 2023"])],
         "an academic CV whose service section has role-like dated lines", extra=[], batch=BATCH2),
    Case("month_names_full_german_since", 2, ["Quarzwerk AG", "Rheinblick GmbH"], "Leiterin Data Engineering",
         2012, [("Beruflicher Werdegang", [
             "**Leiterin Data Engineering >> seit März 2021", "Quarzwerk AG, Köln",
             "• Aufbau eines Teams von 8 Personen",
             "**Data Engineer >> Januar 2012 – Februar 2021", "Rheinblick GmbH, Bonn"])],
         "German: 'seit März 2021', full month names", extra=[("Ausbildung", ["**M.Sc. Statistik >> 2010 – 2012",
                                                                                "Universität Bonn"])], batch=BATCH2),
    Case("dates_before_title_same_line", 3, ["Sorrel Data", "Tansy Health", "Umber Bank"], "Staff Data Scientist",
         2013, [("Experience", [
             "**2021 – Present  Staff Data Scientist, Sorrel Data", B1,
             "**2017 – 2021  Senior Data Scientist, Tansy Health", B2,
             "**2013 – 2017  Data Scientist, Umber Bank", B3])],
         "dates first on the bold header line", batch=BATCH2),
    Case("overlapping_part_time_roles", 3, ["Vale University", "Wick Labs", "Yarrow AI"], "Chief Scientist", 2012,
         [("Experience", [
             "**Chief Scientist, Yarrow AI >> 2022 – Present", B1,
             "**Adjunct Lecturer, Vale University >> 2019 – Present", B2,
             "**Senior Scientist, Wick Labs >> 2012 – 2022", B3])],
         "a part-time academic role alongside the main job is a job", batch=BATCH2),
]
