"""LinkedIn's "Save to PDF" profile export, the most common resume after a Word file: its experience layout (an
employer printed once over its total tenure and its roles, each role's range followed by its length, a location
line) and its conventions are read by general rules, checked here on pasted text in that shape."""

from __future__ import annotations

from assistant.resume.headings import heading_name
from assistant.resume.intake import read_pdf
from assistant.resume.models import ExtractedText, StyledLine
from assistant.resume.parser import parse_resume
from benchmarks.generated.linkedin.people import PEOPLE, roles
from benchmarks.resume_accuracy import GENERATED_SETS, generated_files


def _parse(text: str):
    return parse_resume(ExtractedText(text=text, pages=1))


def _styled(lines: list[tuple[str, float]]):
    """A one-column export page: (text, size) per line, nothing bold (the export sets everything in one face)."""
    styled = [StyledLine(page=1, text=text, size=size, bold=0.0, x=223.6, gap=14.0) for text, size in lines]
    return parse_resume(ExtractedText(text="\n".join(t for t, _ in lines), pages=1, styled_lines=styled))


def test_roles_under_an_employers_total_tenure_are_that_employers_with_their_titles_whole() -> None:
    resume = _parse(
        "Experience\nTidewater Marketplace\n5 years 9 months\nDirector, Machine Learning Platform\n"
        "March 2021 - Present (5 years 9 months)\nSeattle, Washington, United States\n"
        "Own the roadmap for the ranking and forecasting models.\n"
        "Senior Manager, Machine Learning\nJuly 2018 - March 2021 (2 years 9 months)\n"
        "Ran the recommendations and search-ranking teams.\n"
        "Corvane Logistics\nStaff Data Scientist\nSeptember 2013 - December 2016 (3 years 4 months)\n"
        "Portland, Oregon Area\nBuilt the demand-forecasting service.\n"
    )
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Director, Machine Learning Platform", "Tidewater Marketplace"),
        ("Senior Manager, Machine Learning", "Tidewater Marketplace"),
        ("Staff Data Scientist", "Corvane Logistics"),
    ]
    assert [j.start for j in resume.experience] == ["2021-03", "2018-07", "2013-09"]


def test_titles_in_the_profiles_own_language_are_titles_and_cio_inside_a_word_is_not_one() -> None:
    resume = _parse(
        "Experiencia\nBanco Cordillera\nGerente de Ciencia de Datos\nnoviembre de 2019 - Present (5 años)\n"
        "Tres células de ciencia de datos.\nTelecomunicaciones del Pacífico\nCientífica de Datos Senior\n"
        "junio de 2015 - enero de 2018 (2 años 8 meses)\nModelos de abandono.\n"
        "Nordwerk Logistik\nLeiterin Datenanalyse\nMärz 2012 - Mai 2015 (3 Jahre 3 Monate)\nPrognosen.\n"
    )
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Gerente de Ciencia de Datos", "Banco Cordillera"),
        ("Científica de Datos Senior", "Telecomunicaciones del Pacífico"),
        ("Leiterin Datenanalyse", "Nordwerk Logistik"),
    ]


def test_an_employer_ending_in_a_legal_form_written_as_initials_is_no_sentence() -> None:
    resume = _parse(
        "Experience\nTelecomunicaciones del Pacífico S.A. de C.V.\nSenior Data Scientist\n"
        "June 2015 - January 2018 (2 years 8 months)\nModelos de abandono para 20 millones de líneas.\n"
        "Invicta Electrónica C.A.\nElectronics Intern\nOctober 2010 - February 2011 (5 months)\n"
        "Instalación y supervisión de diseños electrónicos.\n"
    )
    companies = [j.company for j in resume.experience]
    assert "Telecomunicaciones del Pacífico S.A. de C.V." in companies and "Invicta Electrónica C.A." in companies
    # A sentence that ends with an abbreviation after an ordinary word is still prose, not an employer.
    assert not any(j.company == "Expanded the programme across the U.S." for j in _parse(
        "Experience\nData Lead\nMarch 2019 - Present\nExpanded the programme across the U.S.\n"
        "Analytics Manager\nJanuary 2015 - February 2019\n").experience)


def test_a_place_under_a_roles_dates_does_not_end_its_employers_list_of_roles() -> None:
    """A role without a description leaves its place line right above the next role's title."""
    resume = _parse(
        "Experience\nAuren Automotive Systems\n7 years 4 months\nDirector of Machine Learning\n"
        "April 2019 - September 2022 (3 years 6 months)\nStuttgart, Baden-Württemberg, Germany\n"
        "Senior Manager, Perception\nJanuary 2017 - April 2019 (2 years 4 months)\n"
        "Ciudad de México, México\nMachine Learning Team Lead\nJune 2015 - January 2017 (1 year 8 months)\n"
        "Fraunhofer-Institut für Bildverarbeitung\nResearch Scientist\nOctober 2010 - May 2015 (4 years 8 months)\n"
    )
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Director of Machine Learning", "Auren Automotive Systems"),
        ("Senior Manager, Perception", "Auren Automotive Systems"),
        ("Machine Learning Team Lead", "Auren Automotive Systems"),
        ("Research Scientist", "Fraunhofer-Institut für Bildverarbeitung"),
    ]


def test_january_in_portuguese_is_a_month_not_an_employer() -> None:
    resume = _parse("Experiência\nTidewater Marketplace\n3 anos 2 meses\nDiretora de Machine Learning\n"
                    "março de 2019 - Present (1 ano)\nMachine Learning Manager\n"
                    "janeiro de 2017 - julho de 2018 (1 ano 7 meses)\nPrimeira equipe de ML aplicado.\n")
    assert [(j.title, j.company, j.start, j.end) for j in resume.experience][1] == (
        "Machine Learning Manager", "Tidewater Marketplace", "2017-01", "2018-07")


def test_the_exports_sidebar_headings_in_its_languages_are_named() -> None:
    for heading, kind in (("Top Skills", "skills"), ("Aptitudes principales", "skills"),
                          ("Principales compétences", "skills"), ("Principais competências", "skills"),
                          ("Top-Kenntnisse", "skills"), ("Contactar", "other"), ("Coordonnées", "other")):
        assert heading_name(heading) == kind, heading


def test_skills_listed_one_per_line_are_not_split_into_margin_headings() -> None:
    resume = _parse(
        "Contact\nrobin@example.org\nTop Skills\nProject Management\nSoftware Infrastructure\nMachine Learning\n"
        "Experience\nGlobex\nStaff Engineer\nMarch 2019 - Present (5 years)\nBuilt the platform.\n"
    )
    assert [s.name for s in resume.sections if s.name != "other"] == ["skills", "experience"]
    assert {"Project Management", "Software Infrastructure"} <= set(resume.skills)


def test_a_title_with_a_dash_is_one_title_when_the_employers_are_set_in_their_own_size() -> None:
    """The export sets employers at 12 pt and titles at 11.5 pt: a title line holding a dash is not a title and an
    employer when the line above is set like the resume's other employers."""
    entries = [("Toyoexito", "Full Stack Engineer", "enero de 2024 - Present (6 meses)"),
               ("Sotaky", "Software Engineer", "noviembre de 2020 - diciembre de 2023 (3 años 2 meses)"),
               ("Toyoimport del Este", "Vendedor - almacenista", "2011 - 2012 (1 año)")]
    lines = [("Experiencia", 15.75)]
    for employer, title, dates in entries:
        lines += [(employer, 12.0), (title, 11.5), (dates, 10.5), (f"Trabajo en {employer} con clientes.", 10.5)]
    resume = _styled(lines)
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Full Stack Engineer", "Toyoexito"), ("Software Engineer", "Sotaky"),
        ("Vendedor - almacenista", "Toyoimport del Este")]


def test_a_long_title_wrapped_at_the_columns_edge_stays_one_title_of_its_employer() -> None:
    resume = _styled([
        ("Experience", 15.75), ("Tessellate AI", 12.0), ("7 years 4 months", 10.5), ("Director, ML Platform", 11.5),
        ("February 2023 - Present (3 years 10 months)", 10.5), ("London, England, United Kingdom", 10.5),
        ("• Cut the time from a trained model to production from three weeks to two days", 10.5),
        ("Senior Engineering Manager, Machine Learning Infrastructure and", 11.5),
        ("Developer Productivity", 11.5), ("April 2021 - February 2023 (1 year 11 months)", 10.5),
        ("Feature store and training infrastructure teams.", 10.5),
        ("Engineering Manager", 11.5), ("August 2019 - April 2021 (1 year 9 months)", 10.5),
        ("Built the first model registry.", 10.5),
    ])
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Director, ML Platform", "Tessellate AI"),
        ("Senior Engineering Manager, Machine Learning Infrastructure and Developer Productivity", "Tessellate AI"),
        ("Engineering Manager", "Tessellate AI"),
    ]


def test_every_role_of_the_generated_exports_gets_its_own_title_and_employer(settings) -> None:
    """The set's scores count employers found anywhere; a reader sees each role under its employer. Every role of
    the 21 generated exports (benchmarks/generated/linkedin) is read with its title and employer as printed."""
    people = {person.key: person for person in PEOPLE}
    for path, _ in generated_files(GENERATED_SETS["linkedin"]):
        person = people[path.name.split("--")[0]]
        resume = parse_resume(read_pdf(path.read_bytes(), settings))
        assert [(j.title, j.company) for j in resume.experience] == [
            (role.title, employer.name) for employer, role in roles(person)], path.name


def test_the_exports_education_reads_each_school_and_degree_in_its_language() -> None:
    resume = _parse(
        "Education\nKarlsruher Institut für Technologie (KIT)\nDoctor of Philosophy - PhD, Computer Vision · (2010 - 2015)\n"
        "Technische Universität München\nDiplom, Informatik · (2004 - 2010)\n"
        "Universidad de Zaragoza\nLicenciatura, Matemáticas · (2000 - 2004)\n"
    )
    assert [(e.degree, e.institution, e.year) for e in resume.education] == [
        ("Doctor of Philosophy - PhD, Computer Vision", "Karlsruher Institut für Technologie (KIT)", "2015"),
        ("Diplom, Informatik", "Technische Universität München", "2010"),
        ("Licenciatura, Matemáticas", "Universidad de Zaragoza", "2004"),
    ]
