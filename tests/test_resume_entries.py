"""Reading experience entries: how many roles, at which employers, the latest title and the first start year.

The synthetic stress set (benchmarks/generated/entries) sets invented roles in the structures real resumes use;
the other tests pin one mechanism each on pasted text.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from assistant.resume.models import ExtractedText, Resume
from assistant.resume.parser import parse_resume
from benchmarks.generated.entries.__main__ import score_case
from benchmarks.generated.entries.cases import CASES, Case, build
from benchmarks.resume_accuracy import latest_job
from tests.support.resume_fixtures import roles

# Cases the entry rules do not read right yet (none since stop 36). Strict, so a fix that makes one pass is noticed.
_KNOWN_MISSES: dict[str, str] = {}


def _parse(text: str) -> Resume:
    return parse_resume(ExtractedText(text=text, pages=1))


def _parse_set(rows: list[tuple[str, dict[str, Any]]]) -> Resume:
    """A PDF resume from its lines as set on the page: each line's text and how it is set (`StyledLine` fields; one
    left edge, a paragraph's spacing and no bold unless said)."""
    from assistant.resume.models import StyledLine

    styled = [StyledLine(page=1, text=text, **{"x": 40.0, "gap": 14.0, "bold": 0.0, **style}) for text, style in rows]
    return parse_resume(ExtractedText(text="\n".join(text for text, _ in rows), pages=1, source="pdf",
                                      styled_lines=styled))


# The three roles several pasted-text tests below print in different layouts.
_MERIDIAN_ROLES = [("Staff Software Engineer", "Meridian Payments"), ("Senior Software Engineer", "Meridian Payments"),
                   ("Software Engineer", "Orchard Mobile")]


@pytest.mark.parametrize("case", [
    pytest.param(c, id=c.name, marks=[pytest.mark.xfail(strict=True, reason=_KNOWN_MISSES[c.name])]
                 if c.name in _KNOWN_MISSES else []) for c in CASES])
def test_the_stress_set_reads_each_work_history_as_a_reader_would(case: Case, settings) -> None:
    from assistant.resume.intake import read_pdf
    from assistant.resume.review import prepare_resume

    got = score_case(case, prepare_resume(read_pdf(build(case), settings))[0])
    assert got["exact"], f"{case.note}: {got['jobs']} roles for {case.jobs}"
    assert got["employers"] == len(case.employers), case.note
    assert got["title"], case.note
    assert got["years"], case.note


def test_promotions_dated_in_years_under_an_employers_stay_are_its_roles_not_one_more() -> None:
    resume = _parse(
        "Experience\nHarbor Logistics, Seattle, WA\n2016 - Present\nDirector of Machine Learning 2021 - Present\n"
        "• Led 30 engineers\nSenior Manager, Machine Learning 2018 - 2021\n• Built the platform\n"
        "Machine Learning Engineer 2016 - 2018\n• Shipped ranking\nSundial Energy, Denver, CO\n"
        "Data Scientist 2012 - 2016\n• Forecasting\n")
    assert [j.title for j in resume.experience] == [
        "Director of Machine Learning", "Senior Manager, Machine Learning", "Machine Learning Engineer",
        "Data Scientist"]
    assert {j.company for j in resume.experience[:3]} == {"Harbor Logistics"}
    assert latest_job(resume).title == "Director of Machine Learning"


def test_a_dated_role_with_dated_client_work_inside_it_stays_the_latest_role() -> None:
    resume = _parse(
        "Experience\nSenior Consultant, Basalt Consulting 2020 - Present\nClient: Dune Energy, 2022 - Present\n"
        "Client: Ember Retail, 2020 - 2022\n• Built forecasting models\nData Engineer, Cobble Bank 2014 - 2020\n"
        "• Pipelines\n")
    assert latest_job(resume).title == "Senior Consultant"


def test_the_date_on_a_cv_header_is_not_a_role() -> None:
    resume = _parse(
        "Jordan Ellery, associate professor\nCurriculum vitae, May 2025\njordan@example.org\n"
        "Associate professor June 2022 - Present\nAssistant professor Sept. 2017 - May 2022\n"
        "Teaching\nFundamentals of machine learning, Fall 2023, 2023 - 2024\nDeep learning theory, 2021 - 2022\n")
    titles = [j.title or "" for j in resume.experience]
    assert not any("vitae" in t.lower() for t in titles)
    assert not any("learning" in t.lower() for t in titles), "courses under Teaching are not roles"
    assert len(resume.experience) == 2


def test_a_date_column_wrapped_before_its_to_is_one_range() -> None:
    resume = _parse(
        "Work Experience\n2019-11-01 Senior Software Engineer at Meridian Payments\nTO 2022-02-28\n"
        "• Split the ledger service\n2017-01-01 Software Engineer at Orchard Mobile\nTO 2019-10-31\n"
        "• Push notifications\n")
    assert [(j.start, j.end) for j in resume.experience] == [("2019-11", "2022-02"), ("2017-01", "2019-10")]
    assert [j.company for j in resume.experience] == ["Meridian Payments", "Orchard Mobile"]


def test_years_in_bullets_and_in_a_summary_are_not_roles() -> None:
    resume = _parse(
        "Summary\n15+ years in machine learning since 2009; led search 2014-2016.\nExperience\n"
        "VP of Data, Tidewater Energy 2018 - Present\n• Grew data revenue from $2M to $9M between 2019-2021\n"
        "• Ran the 2023 to 2024 hiring plan\nAnalytics Manager, Copperline Bank 2011 - 2018\n• Credit models\n")
    assert [j.company for j in resume.experience] == ["Tidewater Energy", "Copperline Bank"]


def test_a_date_column_set_higher_than_its_heading_still_dates_the_first_role() -> None:
    resume = _parse(
        "Education\nLakeside University\nComputer Science / BS\nMarch 2022 - Present\nWork\nMeridian Payments\n"
        "Staff Software Engineer\nResponsibilities:\nLed the card platform\nNovember 2019 - February 2022\n"
        "Orchard Mobile\nSoftware Engineer\nResponsibilities:\nBuilt push notifications\n")
    assert [(j.title, j.company, j.end) for j in resume.experience] == [
        ("Staff Software Engineer", "Meridian Payments", "Present"),
        ("Software Engineer", "Orchard Mobile", "2022-02")]


def test_an_education_date_above_the_heading_stays_with_education_when_roles_are_dated_below() -> None:
    resume = _parse(
        "Education\nLakeside University\nMSc Computer Science\n2008 - 2010\nExperience\nStaff Engineer\nGlobex\n"
        "Platform team for payments.\n2019 - Present\n• Led the migration\nEngineer\nInitech\n"
        "Billing systems.\n2012 - 2019\n• Built billing\n")
    assert [j.start for j in resume.experience] == ["2019-01", "2012-01"]


def test_a_bullet_glyph_on_its_own_line_between_employer_and_dated_title_keeps_the_employer() -> None:
    """Entries set as list items: the extraction puts each item's glyph on a line of its own between the employer
    line and the dated title line. The glyph carries no words; the employer above it is still the entry's."""
    resume = _parse(
        "Experience\nMeridian Robotics, Permanent contract Lyon, France\n•\nEmbedded Engineer Dec. 2016 - today\n"
        "— Wrote the tracing layer of the kernel\nHarbor Chips, Internship Grenoble, France\n•\n"
        "Firmware Engineer Feb. 2015 - Sep. 2015\n— Cut the idle power of the board\n")
    assert [j.title for j in resume.experience] == ["Embedded Engineer", "Firmware Engineer"]
    assert [(j.company or "").split(",")[0] for j in resume.experience] == ["Meridian Robotics", "Harbor Chips"]


def test_two_dates_side_by_side_with_no_dash_read_as_one_range() -> None:
    """A narrow date column prints each role's end under its start ("April 2019" / "July 2020"), and some fonts
    drop the range's dash ("March 2018  March 2023"): read onto the header's line the dates come with nothing
    between them. They are still the role's start and end; two bare years side by side are left alone."""
    resume = _parse(
        "Experience\nDecember 2020 Present Embedded Engineer, Globex, Rennes\n• Wrote the boot loader\n"
        "April 2019 July 2020 Firmware Engineer, Initech, Nantes\n• Ported the radio stack\n"
        "June 2015 Mars 2019 Test Engineer, Umbrella, Paris\n• Automated the bench\n")
    assert [(j.start, j.end) for j in resume.experience] == [
        ("2020-12", "Present"), ("2019-04", "2020-07"), ("2015-06", "2019-03")]
    assert [j.title for j in resume.experience] == ["Embedded Engineer", "Firmware Engineer", "Test Engineer"]
    resume = _parse("Experience\nSoftware Engineer Feb. 2014  Feb. 2018\nGlobex GmbH, Hamburg\n• Built the billing\n")
    assert [(j.start, j.end) for j in resume.experience] == [("2014-02", "2018-02")]
    assert (resume.experience[0].company or "").startswith("Globex GmbH")


def test_a_country_after_the_city_and_state_is_the_place_not_the_employer() -> None:
    """ "Employer, City, State, Country" over the dated titles: the employer is the first part and the three
    after it are one place (the country was left as the employer)."""
    resume = _parse(
        "Experience\nHarbor Robotics, Boston, Massachusetts, USA\nManufacturing Engineer Dec 2015 – Jun 2016\n"
        "Built 20 prototype robots while supervising two assemblers.\n"
        "Tidewater Medical Inc., Sunnyvale, CA, USA\nProcess Engineer Jul 2012 – Apr 2014\n"
        "Designed fixtures and assembly processes for new products.\n")
    assert [j.company for j in resume.experience] == ["Harbor Robotics", "Tidewater Medical Inc."]


def test_a_role_held_in_two_places_has_them_as_its_place_not_as_its_employer() -> None:
    # ("Singapore &" had been read as the employer: "Yokohama, Japan" was cut off its end as the place, and
    # Hitachi, a city too, was taken for the place.)
    resume = _parse(
        "Experience\nSenior Engineer 2016 – 2019\nWhale Cloud | Singapore\n• Built the delivery pipeline.\n"
        "Research Intern 2013\nHitachi | Singapore & Yokohama, Japan\n• Researched system designs.\n"
        "Analytics Intern 2012\nBath & Body Works | London / Remote\n• Built the sales forecasts.\n")
    assert [j.company for j in resume.experience] == ["Whale Cloud", "Hitachi", "Bath & Body Works"]


def test_the_first_field_of_an_employer_line_over_its_title_is_the_employer() -> None:
    """ "Velotrans Mobility GmbH | Bad Homburg" over the title: a town the gazetteer does not know is still no
    employer; the employer goes before its place (the field nearest the title had been taken)."""
    resume = _parse("Experience\nVelotrans Mobility GmbH | Bad Homburg\nTeamleiterin Data Science\n2018 - 2021\n"
                    "· Led a team of six\nKestrel Works | Bad Vilbel\nSenior Data Scientist\n2015 - 2018\n"
                    "· Built the pricing model\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Teamleiterin Data Science", "Velotrans Mobility GmbH"), ("Senior Data Scientist", "Kestrel Works")]


def test_title_at_employer_keeps_a_lower_case_name_the_titles_comma_and_the_employers_legal_form() -> None:
    """ "Research Fellow at spotify" (the name in lower case was no employer after "at"), "Director, Machine Learning
    at Acme, Inc., Boston, MA" (the commas were read as field breaks: "Director" at "Machine Learning"). A phrase
    in lower case after "at" is still no employer."""
    resume = _parse("Experience\nResearch Fellow at spotify\nJan 2021 - Present\n· Ran the ranking experiments\n"
                    "Director, Machine Learning at Acme, Inc., Boston, MA\nMar 2017 - Dec 2020\n· Led a team of 12\n"
                    "Senior Manager II, Ranking at spotify\nJun 2014 - Feb 2017\n· Built the ranking model\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Research Fellow", "spotify"), ("Director, Machine Learning", "Acme, Inc."),
        ("Senior Manager II, Ranking", "spotify")]
    assert resume.experience[1].location == "Boston, MA"
    from assistant.resume.entry_fields import split_at_employer

    assert split_at_employer("Senior Engineer at scale and speed") == ["Senior Engineer at scale and speed"]


@pytest.mark.parametrize("separator", ["; ", " ; ", " :: ", " ~ ", " > ", " ‖ ", " » "])
def test_a_header_whose_fields_a_semicolon_or_a_lone_symbol_separates_reads_each_field(separator: str) -> None:
    """ "Director of Data Science; Acme Corp; Jan 2021 - Present": only bars, bullets and dashes separated fields,
    so each header was one title with no employer. A semicolon inside a sentence still joins its clauses."""
    roles = [("Director of Data Science", "Acme Corp", "Jan 2021 - Present"),
             ("Senior Data Scientist", "Beta Systems", "Mar 2015 - Dec 2020")]
    resume = _parse("Experience\n" + "".join(
        f"{t}{separator}{e}{separator}{d}\n- Led the team of 12 people\n- Built the pricing model\n" for t, e, d in roles))
    assert [(j.title, j.company) for j in resume.experience] == [(t, e) for t, e, _ in roles]
    from assistant.resume.entry_fields import header_fields

    sentence = "Full-time carer for a family member; completed an online course in causal inference."
    assert header_fields(sentence) == [sentence]


@pytest.mark.parametrize("skills", ["Python, SQL, Spark, Airflow", "Python · SQL · Spark"])
def test_roles_run_on_under_skills_do_not_take_the_skills_list_into_the_first_header(skills: str) -> None:
    """The work history's heading missed, its roles run on under Skills: the list above the first role was read
    as that role's header ("Director of Data Science, Acme Corp" at "Spark")."""
    roles = [("Director of Data Science", "Acme Corp", "Jan 2021 - Present"),
             ("Senior Data Scientist", "Beta Systems", "Mar 2015 - Dec 2020")]
    history = "".join(f"{t}, {e}\n{d}\n- Led the team of 12 people\n- Built the pricing model\n" for t, e, d in roles)
    resume = _parse(f"Riley Sample\nriley@example.org\nSummary\nData leader with ten years in retail.\nSkills\n{skills}\n"
                    f"{history}Education\nBSc Statistics, Example University, 2012\n")
    assert [(j.title, j.company) for j in resume.experience] == [(t, e) for t, e, _ in roles]


def test_a_legal_form_after_the_employers_comma_is_not_a_state() -> None:
    """ "Globex, LLC" over the title: the capitals after the comma are the company's legal form, not a state's
    code, so the employer stays whole; "Denver, CO" is still a place."""
    resume = _parse("Experience\nGlobex, LLC 2021 - 2022\nCloud Operations Lead\n· Ran the support team\n"
                    "Initech Denver, CO 2018 - 2021\nSupport Engineer\n· Kept the servers up\n")
    assert [(j.company, j.location) for j in resume.experience] == [("Globex, LLC", None), ("Initech", "Denver, CO")]


def test_a_header_ending_in_a_bare_year_is_a_role_where_the_entries_end_their_headers_with_dates() -> None:
    """Entries that print the range at the end of the employer's line ("Globex  2015 - 2021") print a role held
    within one year the same way ("Initech  2021"): that line dates a role too, its employer and title read like
    the others'."""
    resume = _parse(
        "Experience\nHarbor Labs 2022 - 2024\nSenior Support Engineer\n· Built the test lab\n"
        "Globex, LLC 2021 - 2022\nCloud Operations Lead\n· Ran the support team\n"
        "Initech 2021\nSecurity Consultant\n· Tested web applications\n"
        "Umbrella Manufacturing, Inc. 2015 - 2021\nSoftware Developer\n· Wrote the middleware\n"
        "Vandelay 2003\nLinux Administrator\n· Answered the support line\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Senior Support Engineer", "Harbor Labs"), ("Cloud Operations Lead", "Globex, LLC"),
        ("Security Consultant", "Initech"), ("Software Developer", "Umbrella Manufacturing, Inc."),
        ("Linux Administrator", "Vandelay")]
    assert resume.experience[-1].start == "2003-01"


def test_a_start_with_its_dash_and_no_end_is_a_role_held_since_then() -> None:
    """moderncv prints an ongoing role's dates as the start and a dash ("2011–"), the header after it; the line
    under "Title, Employer, City" is the description's first line, not the employer."""
    resume = _parse(
        "Experience\n2011– Mechanical Engineer, Harbor Imaging Inc., Montréal\n"
        "Responsible for mechanical research, design, and development of imaging\nand robotic products.\n"
        "2008–2010 Design Intern, Globex, Toronto\nDrew fixtures for the assembly line.\n")
    assert [(j.title, j.company, j.start, j.end) for j in resume.experience] == [
        ("Mechanical Engineer", "Harbor Imaging Inc.", "2011-01", "Present"),
        ("Design Intern", "Globex", "2008-01", "2010-12")]


def test_a_date_column_wrapped_after_its_dash_beside_the_header_is_one_range() -> None:
    """A narrow date column wraps "Jun 2019 -" / "Present"; the header beside it is read onto both lines ("Jun
    2019 - DevOps Consultant Globex" / "Present Helsinki, Finland"). The end under the start is the range's, so
    each role has its end and no role is made of the place line; a next entry's own range is no end."""
    resume = _parse(
        "Experience\nJun 2019 - DevOps Consultant Globex\nPresent Helsinki, Finland\n"
        "Jan 2019 - Research Assistant Example University\nDec 2019 Espoo, Finland\n"
        "• Built a digital twin of the street lights.\nDec 2016 - Junior Software Developer Initech\n"
        "Jul 2018 Eindhoven, Netherlands\n• Secured the intranet.\n")
    assert [(j.start, j.end) for j in resume.experience] == [
        ("2019-06", "Present"), ("2019-01", "2019-12"), ("2016-12", "2018-07")]
    assert [j.title for j in resume.experience][0].startswith("DevOps Consultant")


def test_a_range_wrapped_between_the_ends_month_with_de_and_its_year_is_whole() -> None:
    """Portuguese and Spanish dates put "de" between month and year; wrapped there ("Agosto de 2013 - Novembro de"
    / "2015"), the year on the next line still ends the range."""
    resume = _parse("Experiência Profissional\nGlobex Sistemas Agosto de 2013 - Novembro de\n2015\n"
                    "Arquiteto de Software Júnior\nDesenvolver sistemas de software para o ministério.\n")
    assert [(j.start, j.end) for j in resume.experience] == [("2013-08", "2015-11")]


def test_a_range_with_short_years_wrapped_before_its_ends_year_is_whole() -> None:
    """A narrow page wraps "Sep ’14 – Apr ’18" after "Apr": the short year alone on the next line ends the range,
    and the role is read (it was lost with its dates)."""
    resume = _parse("Professional Experience\nNordwerk Logistik AG – Hamburg Apr ’19 – Sep ’21\nLead Data Scientist\n"
                    "• Built the parcel volume forecast\nBrunnfeld Versicherung – Cologne Sep ’14 – Apr\n’18\n"
                    "Senior Data Scientist\n• Claims fraud models for motor insurance\n")
    assert [(j.title, j.start, j.end) for j in resume.experience] == [
        ("Lead Data Scientist", "2019-04", "2021-09"), ("Senior Data Scientist", "2014-09", "2018-04")]


def test_how_a_role_was_held_wrapped_off_its_title_is_not_the_employer() -> None:
    """A left date column with the title beside it, wrapped in a narrow page: "(Freelance)" on its own line under
    the title says how the role was held; the employer is the line after it."""
    resume = _parse("Expérience professionnelle\n02/2018 – 12/2019 Machine Learning Lead\nVellore Santé, Paris\n"
                    "– Built the triage model.\n09/2016 – 01/2018 Machine Learning Consultant\n(Freelance)\n"
                    "Astrelle Conseil, Paris\n– Computer vision projects for three industrial clients.\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Machine Learning Lead", "Vellore Santé"), ("Machine Learning Consultant", "Astrelle Conseil")]


def test_two_titles_joined_by_a_dash_beside_the_dates_under_an_employer_line_stay_one_title() -> None:
    """ "Embedded Engineer - Tech Lead" beside the dates, the employer on the line above: both halves are the
    role's title, not a title and an employer (and not a title cut in half)."""
    resume = _parse("Experience\nMeridian Robotics Lyon, France\nEmbedded Engineer - Tech Lead Dec. 2016 - today\n"
                    "— Wrote the tracing layer of the kernel\n")
    assert [(j.title, j.company) for j in resume.experience] == [("Embedded Engineer - Tech Lead", "Meridian Robotics")]


def test_one_role_held_twice_with_both_ranges_in_one_cell_runs_to_the_later_end() -> None:
    """ "Aug. 2006 - Dec. 2006, Aug. 2007 - May 2008": a student job held in two spells, both printed in the date
    cell; the role ends with the second spell, which makes it the latest role here."""
    resume = _parse("Work Experience\nGlobex Inc. Waco, TX\nSenior Web Programmer Jan. 2007 - Nov. 2007\n"
                    "– Built the client portal.\nExample University, Libraries Waco, TX\n"
                    "Student Programmer Aug. 2006 - Dec. 2006, Aug. 2007 - May 2008\n– Wrote library scripts.\n")
    assert [(j.title, j.start, j.end) for j in resume.experience] == [
        ("Senior Web Programmer", "2007-01", "2007-11"), ("Student Programmer", "2006-08", "2008-05")]
    assert latest_job(resume).title == "Student Programmer"


def test_a_header_opening_with_a_bare_year_is_a_role_where_the_entries_open_with_their_range() -> None:
    """A date column before each header ("2012–2014 Globex  Arlington, VA") prints a role held within one year as
    the year alone ("2014 Initech  Bethesda, MD"): that line dates a role too."""
    resume = _parse(
        "experience\n2015–Present Example University Department of Statistics Baltimore, MD\nResearch Assistant\n"
        "– Wrote software for genomic data\n2014–Present Example University Department of Medicine Baltimore, MD\n"
        "Research Assistant\n– Analysed cohort studies\n2014 Initech Hotels Bethesda, MD\nManager, Search Analysis\n"
        "– Built a time-series model of promotions\n2012–2014 Globex Consulting Arlington, VA\nData Analyst\n"
        "– Led a team of three consultants\n")
    assert [(j.title, j.start) for j in resume.experience] == [
        ("Research Assistant", "2015-01"), ("Research Assistant", "2014-01"), ("Manager, Search Analysis", "2014-01"),
        ("Data Analyst", "2012-01")]
    assert resume.experience[2].company == "Initech Hotels"


def test_a_contract_kind_written_out_is_how_the_role_was_held_not_its_employer() -> None:
    """ "Title, Employer, Stage de fin d'études, City" and "..., Permanent contract, City": the written-out kind
    of contract is neither the employer nor the title."""
    resume = _parse("Expérience\njanv. 2016 – oct. 2016 Ingénieur Recherche et Développement, Initech, Stage de fin "
                    "d’études, Rouen\n• Conception d’une application interne.\n"
                    "2012 – 2015 Embedded Engineer, Globex, Permanent contract, Lyon\n• Wrote drivers.\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Ingénieur Recherche et Développement", "Initech"), ("Embedded Engineer", "Globex")]


def test_an_entry_without_title_words_keeps_its_title_where_the_sections_other_entries_do() -> None:
    """Employer beside the dates, title on the line under them, in every entry; one title has no word the title
    vocabulary knows ("Consultor de Ciberseguridad"). It is still the title, the dated line the employer."""
    resume = _parse(
        "Experiencia\nHarbor Labs 2022 - 2024\nIngeniero Senior de Soporte\n· Dio soporte a los clientes.\n"
        "Globex, Inc. 2021\nConsultor de Ciberseguridad\n· Realizó pruebas de penetración.\n"
        "Initech 2015 - 2021\nDesarrollador de Software Senior\n· Construyó la autenticación.\n"
        "Umbrella 2012 - 2014\nEspecialista en TI Senior\n· Migró los servidores.\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Ingeniero Senior de Soporte", "Harbor Labs"), ("Consultor de Ciberseguridad", "Globex, Inc."),
        ("Desarrollador de Software Senior", "Initech"), ("Especialista en TI Senior", "Umbrella")]


def test_talks_given_and_events_attended_dated_among_roles_are_no_positions() -> None:
    resume = parse_resume(ExtractedText(text=(
        "Experience\nMechanical Engineer, Globex\n2015 - Present\n• Designed the actuator line\n"
        "Keynote Speaker, Example Robotics Summit\nMay 2018\n• Talk on soft grippers\n"
        "Participant, Example Robots Workshop\nJune 2017\n• Two days of demos\n"
        "Research Assistant, Example University\n2012 - 2014\n• Built the test rig\n"
    ), pages=1))
    assert [j.title for j in resume.experience] == ["Mechanical Engineer", "Research Assistant"]


@pytest.mark.parametrize("label", ["Highlights", "Key achievements:", "Responsibilities", "Aufgaben", "Logros"])
def test_a_label_over_an_entrys_bullets_is_neither_its_employer_nor_its_title(label: str) -> None:
    """JSON Resume themes print "Highlights" under each title, real CVs "Key achievements:": under "employer / dates
    / title" the label sat where the section's other lines suggested an employer below the title, so every role was
    held at "Highlights"."""
    roles = [("Meridian Payments", "March 2022 - Present", "Staff Software Engineer"),
             ("Meridian Payments", "November 2019 - February 2022", "Senior Software Engineer"),
             ("Orchard Mobile", "January 2017 - October 2019", "Software Engineer")]
    text = "Dana Example\ndana@example.org\nWork Experience\n" + "\n".join(
        f"{employer}\n{dates}\n{title}\n{label}\n• Shipped the thing that mattered there" for employer, dates, title in roles)
    jobs = _parse(text).experience
    assert [(j.title, j.company) for j in jobs] == [(title, employer) for employer, _, title in roles]


def test_the_time_spent_printed_beside_the_title_does_not_cut_the_header_in_two() -> None:
    """"Apr 2020 - Present" / title / "6 yrs 8 mos" / employer (a theme prints the duration in the date column,
    beside the title): the employer under the duration is still the entry's."""
    jobs = _parse("Experience\nApr 2020 - Present\nDirector of Machine Learning\n6 yrs 8 mos\nNorthwind Analytics\n"
                  "Lead the ML department for a forecasting product.\n• Grew the department from 12 to 40 people\n"
                  "Feb 2017 - Mar 2020\nSenior Machine Learning Engineer\n3 yrs 2 mos\nGlobex\nBuilt things.\n"
                  "• Cut forecast error by 18%\n").experience
    assert [(j.title, j.company) for j in jobs] == [
        ("Director of Machine Learning", "Northwind Analytics"), ("Senior Machine Learning Engineer", "Globex")]


def test_header_fields_marked_with_glyphs_like_their_dates_are_the_header() -> None:
    """Title / "• Pinecrest Logistics" / "• Sep 2023 – Present": the glyphs are the icons the theme sets before
    each field, so the bulleted employer right above the bulleted dates is the employer, not an early bullet."""
    jobs = _parse("Experience\nJunior Data Engineer\n• Pinecrest Logistics\n• Sep 2023 – Present\n"
                  "Data Engineering Intern\n• Atlas Freight\n• Jun 2022 – Dec 2022\nEducation\nMSc, Example University\n"
                  ).experience
    assert [(j.title, j.company) for j in jobs] == [
        ("Junior Data Engineer", "Pinecrest Logistics"), ("Data Engineering Intern", "Atlas Freight")]


def test_entries_listed_as_items_opened_by_the_employer_keep_it() -> None:
    """Each entry a list item: "• Kühne Datensysteme GmbH" over its bare dates, the title under them. The item's
    first line is the employer (not a bullet read early, nor the previous role's), and the previous role keeps
    its last bullet."""
    resume = _parse(
        "Experience\n• Kühne Datensysteme GmbH\nJanuary, 2021 - Present 5 years, 11 months\nSenior Backend Engineer\n"
        "Payments platform for logistics customers.\n• Led the migration of settlement jobs to three Go services\n"
        "• Brought p99 latency down\n• Société Lumière Numérique\nOctober, 2017 - December, 2020 3 years, 3 months\n"
        "Ingénieure logiciel\nRoute planning services for parcel delivery.\n• Built the route optimisation API\n"
        "Education\nMSc, Example University\n")
    jobs = resume.experience
    assert [(j.title, j.company) for j in jobs] == [
        ("Senior Backend Engineer", "Kühne Datensysteme GmbH"), ("Ingénieure logiciel", "Société Lumière Numérique")]
    assert any("p99 latency" in bullet.text for bullet in jobs[0].bullets)


def test_entries_listed_as_items_over_their_place_and_dates_keep_title_and_employer() -> None:
    """Markdown's list items as entries ("• Senior Engine Programmer — Brink Gaming" / "Solna, Stockholm County,
    Sweden" / "Jan 2025 – Present" / a paragraph): the item is the header, its place line between it and the dates
    is no title, and an item wrapped after a connector ("... — Tallmast Studio /" / "Various Projects") is one."""
    resume = _parse(
        "Work Experience\n• Senior Engine Programmer — Brink Gaming\nSolna, Stockholm County, Sweden\n"
        "Jan 2025 – Present\nDesigning high-performance backend systems and serialization layers for online games.\n"
        "• Real-time 3D Developer & Open Source Contributor — Tallmast Studio /\nVarious Projects\n"
        "Verona, Veneto, Italy (remote)\nJan 2015 – Jun 2019\nCollaborated with artists and designers worldwide.\n"
        "• Lead Programmer — Halvard Systems\nValinhos, São Paulo, Brazil\nJan 2011 – Aug 2012\n"
        "Implemented an access-control system for embedded Linux.\nEducation\nBSc, Example University\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Senior Engine Programmer", "Brink Gaming"),
        ("Real-time 3D Developer & Open Source Contributor", "Tallmast Studio"),
        ("Lead Programmer", "Halvard Systems")]


def test_achievement_bullets_over_the_next_entrys_header_do_not_make_entries_list_items() -> None:
    """Title / employer / dates with achievements as bullets: the last bullet of one entry sits over the next
    entry's header, but the first entry has no item over it, so the bullets stay bullets."""
    resume = _parse(
        "Work\nStaff Software Engineer\nMeridian Payments\n2022-03-01 — Present\n"
        "• Designed the idempotency layer\nSenior Software Engineer\nMeridian Payments\n2019-11-01 — 2022-02-28\n"
        "• Split the ledger service\nSoftware Engineer\nOrchard Mobile\n2017-01-01 — 2019-10-31\n"
        "• Built the push service\nEducation\nBSc, Example University\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Staff Software Engineer", "Meridian Payments"), ("Senior Software Engineer", "Meridian Payments"),
        ("Software Engineer", "Orchard Mobile")]


def test_a_header_wrapped_after_its_at_keeps_at_out_of_the_title() -> None:
    """A narrow column wraps "Senior Software Engineer at Meridian Payments" after "at", the dates right-aligned on
    the first line: the employer is the next line, and "at" is no part of the title."""
    resume = _parse("Work Experience\nStaff Software Engineer at Meridian Payments Mar 2022 - Current\n"
                    "• Technical lead for the card authorisation platform\nSenior Software Engineer at Nov 2019 - Feb 2022\n"
                    "Meridian Payments\n• Split the ledger service out of the monolith\nEducation\nBSc, Example University\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Staff Software Engineer", "Meridian Payments"), ("Senior Software Engineer", "Meridian Payments")]


def test_a_description_wrapped_under_the_title_is_not_the_employer() -> None:
    """Employer / dates / title / a one-sentence description wrapped in a narrow column ("Internal developer
    platform for 400" / "engineers."): the description's first line has no title word and reads like a name on its
    own, but with the next line it is a sentence; the employer is the line above the dates."""
    jobs = _parse(
        "Experience\nTessellate Cloud\n2020-06-01 - Present\nPlatform Engineer\nInternal developer platform for 400\n"
        "engineers.\nGridpoint Energy\n2017-08-01 - 2020-05-31\nSoftware Engineer\nMeter data ingestion for a regional\n"
        "utility.\nLakeshore Credit Union\n2015-05-01 - 2017-07-31\nIT Support Technician\n"
        "Desktop and network support for 14\nbranches.\nEducation\nBSc Computer Science, Example University\n"
    ).experience
    assert [(j.title, j.company) for j in jobs] == [("Platform Engineer", "Tessellate Cloud"),
                                                    ("Software Engineer", "Gridpoint Energy"),
                                                    ("IT Support Technician", "Lakeshore Credit Union")]


def test_a_work_history_printed_twice_is_one_set_of_roles() -> None:
    """A template that prints the work history twice (or a page exported twice): the same title, employer and
    dates again are the same role, not a second one."""
    history = ("Experience\nStaff Engineer, Globex Jan 2020 - Present\n• Ran the build farm for 300 engineers\n"
               "Engineer, Initech Mar 2015 - Dec 2019\n• Wrote the billing service\n")
    jobs = _parse(f"Dana Example\ndana@example.org\n{history}Skills\nPython, Go\n{history}").experience
    assert [(j.title, j.company) for j in jobs] == [("Staff Engineer", "Globex"), ("Engineer", "Initech")]
    assert [len(j.bullets) for j in jobs] == [1, 1]


@pytest.mark.parametrize(("written", "start", "end"), [
    ("March 1, 2019 – June 30, 2021", "2019-03", "2021-06"),  # American: the day after the month
    ("1st March 2019 – 30th June 2021", "2019-03", "2021-06"),  # British: an ordinal day
    ("Mar-2019 to Jun-2021", "2019-03", "2021-06"),  # a hyphen between month and year
    ("2019/3 - 2021/6", "2019-03", "2021-06"),  # year first, one-digit month
    ("2019年3月 - 2021年6月", "2019-03", "2021-06"),  # Chinese and Japanese
    ("Q1 2019 – Q2 2021", "2019-01", "2021-06"),  # quarters
    ("from March 2019 until June 2021", "2019-03", "2021-06"),  # "from" is the range's, not the employer's
    ("de mars 2019 à juin 2021", "2019-03", "2021-06"),  # ... and so is French "de"
    ("Mar 2019 to the present", "2019-03", "Present"),
    ("Mar 2019 - Til date", "2019-03", "Present"),
    # Found missing by a set of date ranges written from real resumes by someone who had not read the parser:
    ("2017-21", "2017-01", "2021-12"),  # the end year's last two digits
    ("1999 – 03", "1999-01", "2003-12"),  # ... across a century
    ("’17 – ’21", "2017-01", "2021-12"),
    ("2017 through 2021", "2017-01", "2021-12"),
    ("04/01/2019 - 06/30/2021", "2019-04", "2021-06"),  # American days: 30 cannot be a month
    ("Okt. 2019 – bis heute", "2019-10", "Present"),
    ("03/2019 – dato", "2019-03", "Present"),
    ("Feb. 2019 – Jän. 2021", "2019-02", "2021-01"),  # Austrian January
    ("set de 2019 - o momento", "2019-09", "Present"),
    ("maart 2019 – augustus 2021", "2019-03", "2021-08"),  # Dutch months
    ("mrt. 2019 – heden", "2019-03", "Present"),
    # Found missing on a fresh set's tuning part (an Italian CV): the "until" some languages write before today.
    ("dal 2019 ad oggi", "2019-01", "Present"),  # Italian "a" before a vowel
    ("mars 2019 jusqu'à aujourd'hui", "2019-03", "Present"),  # French "until"
    ("de 2019 jusqu'en 2021", "2019-01", "2021-12"),
    # An ISO day without its leading zero (a JSON Resume whose owner typed "2021-10-8").
    ("2021-10-8 TO 2022-05-12", "2021-10", "2022-05"),
    ("April 2014 – heut", "2014-04", "Present"),  # colloquial German "today" (a theme's translation)
])
def test_common_date_formats_date_the_role(written: str, start: str, end: str) -> None:
    jobs = _parse(f"Experience\nStaff Engineer, Globex {written}\n• Ran the build farm for 300 engineers\n"
                  "Engineer, Initech 2015 - 2018\n• Wrote the billing service\n").experience
    assert [(j.title, j.company, j.start, j.end) for j in jobs][0] == ("Staff Engineer", "Globex", start, end)
    assert len(jobs) == 2


@pytest.mark.parametrize(("written", "start"), [
    ("Depuis le 1er octobre 2019", "2019-10"), ("Sinds augustus 2019", "2019-08"), ("Since March 2019", "2019-03")])
def test_a_role_dated_since_a_day_or_month_runs_on_to_today(written: str, start: str) -> None:
    jobs = _parse(f"Experience\nStaff Engineer, Globex\n{written}\n• Ran the build farm for 300 engineers\n"
                  "Engineer, Initech 2015 - 2018\n• Wrote the billing service\n").experience
    assert (jobs[0].start, jobs[0].end) == (start, "Present")


@pytest.mark.parametrize("bullet", [
    "• Cut p95 latency from 2019 ms to 1987 ms", "• Upgraded PostgreSQL 12.4 – 15.2 on 40 hosts",
    "• Renewed the ISO 9001:2015 certificate", "• Planned the FY2019-20 budget"])
def test_numbers_in_a_bullet_open_no_role(bullet: str) -> None:
    jobs = _parse(f"Experience\nStaff Engineer, Globex Jan 2018 – Present\n{bullet}\n").experience
    assert [(j.start, j.end) for j in jobs] == [("2018-01", "Present")]


def test_entries_run_on_in_one_line_each_with_its_dates_are_roles_each() -> None:
    jobs = _parse("Experience\nAnalyst, Globex (2012 – 2015); Intern, Initech (2011 – 2012)\n"
                  "• Forecast demand for 300 stores\n").experience
    assert [(j.title, j.company, j.start) for j in jobs] == [
        ("Analyst", "Globex", "2012-01"), ("Intern", "Initech", "2011-01")]


def test_a_latest_role_shown_with_its_start_only_runs_on_to_today() -> None:
    """Newest first, the first role printed with its start alone ("Director of ML  Apr 2020") and the older ones
    with ranges that end before it: the role is ongoing (a single month of it made 15 years of work read as 9)."""
    jobs = _parse("Experience\nNorthwind Analytics | Director of Machine Learning Apr 2020\n• Grew the department\n"
                  "Northwind Analytics | Senior ML Engineer Feb 2017 — Mar 2020\n• Built the platform\n"
                  "Harbor Robotics | Research Engineer Jun 2011 — Jan 2017\n• Perception research\n").experience
    assert (jobs[0].start, jobs[0].end) == ("2020-04", "Present") and jobs[0].months and jobs[0].months > 24
    older_first = _parse("Experience\nHarbor Robotics | Research Engineer Jun 2011\n• Perception research\n"
                         "Northwind Analytics | Senior ML Engineer Feb 2017 — Mar 2020\n• Built the platform\n").experience
    assert older_first[0].end is None  # listed oldest first, a lone date says nothing about today


def test_a_place_on_its_own_line_under_the_dates_is_the_roles_place_not_a_bullet() -> None:
    jobs = _parse("Experience\nDirector of Machine Learning\nGlobex\nJan 2020 - Present (5 years)\n"
                  "Seattle, Washington, United States\nGrew the organisation to 48 engineers.\n").experience
    assert jobs[0].location == "Seattle, Washington, United States"
    assert [b.text for b in jobs[0].bullets] == ["Grew the organisation to 48 engineers."]


def test_a_date_inside_a_wrapped_description_sentence_opens_no_role() -> None:
    # A fresh persona's contract line: "... two days a week from September 2016, on / delivery time prediction ...".
    resume = _parse(
        "Experience\nTidewater Freight Co. Jan 2016 - Feb 2017\nContract Data Scientist\n"
        "Remote contract, two days a week from September 2016, on\ndelivery time prediction for a freight carrier.\n"
        "• Built an arrival-time model that cut late-delivery complaints by 23%\n"
        "Pemberton Grocers Feb 2015 - Dec 2015\nContract Machine Learning Engineer\n• Built demand forecasts\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Contract Data Scientist", "Tidewater Freight Co."), ("Contract Machine Learning Engineer", "Pemberton Grocers")]


def test_an_employers_website_under_its_name_does_not_cut_the_employer_off_the_role() -> None:
    resume = _parse(
        "Experience\nNorthbridge Health\nhttps://northbridgehealth.example.com\nHead of ML Platform\n"
        "2023-02-01 → Present\n- Grew the group from 9 to 26 engineers\nNVTX Labs\nhttps://nvtx.example.com\n"
        "Staff Machine Learning Engineer, Ranking\n2017-03-01 → 2020-05-31\n- Built the experiment pipeline\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Head of ML Platform", "Northbridge Health"), ("Staff Machine Learning Engineer, Ranking", "NVTX Labs")]


def test_a_title_with_its_specialty_after_a_dash_keeps_the_employer_on_the_line_above() -> None:
    resume = _parse(
        "Experience\nNorthbridge Health\nHead of ML Platform\n2023-02-01 → Present\n- Grew the group to 26 engineers\n"
        "Northbridge Health\nEngineering Manager – ML Infrastructure\n2020-06-01 → 2023-01-31\n"
        "- Replaced 17 model servers with one serving layer\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Head of ML Platform", "Northbridge Health"),
        ("Engineering Manager – ML Infrastructure", "Northbridge Health")]


def test_a_team_before_the_titles_dash_stays_in_the_title_when_the_employer_has_a_line_of_its_own() -> None:
    # A JSON Resume theme prints the employer, its web address and the dates, then "<team> - <position>": the
    # team is part of the title, not a second employer (the scorer takes "Chrome for Android" for a company).
    resume = _parse(
        "Work Experience\nGoogle\nhttps://google.example.com\nMay 2018 – July 2018\n"
        "Chrome for Android - Software Developer Intern\n• Redesigned the size tool\n"
        "Yelp\nAugust 2017 – December 2017\nLocal Services - Software Engineering Intern\n• Built the quote flow\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Chrome for Android - Software Developer Intern", "Google"),
        ("Local Services - Software Engineering Intern", "Yelp")]
    # A legal form before the dash names the employer there.
    resume = _parse(
        "Work Experience\nMunich\nMay 2018 – July 2018\nAcme Robotics GmbH - Software Developer\n• Built a tool\n")
    assert resume.experience[0].company == "Acme Robotics GmbH"


def test_an_ongoing_role_printed_with_its_iso_start_date_alone_is_the_current_role() -> None:
    # A theme that drops "Present": the current role shows only its start, in the ISO form of the other ranges.
    resume = _parse(
        "Work\nSenior Backend Engineer\nKühne Datensysteme GmbH | 2021-01-01\n• Led the settlement migration\n"
        "Ingénieure logiciel\nSociété Lumière Numérique | 2017-10-01 to 2020-12-31\n• Built the routing API\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Senior Backend Engineer", "Kühne Datensysteme GmbH"), ("Ingénieure logiciel", "Société Lumière Numérique")]
    assert latest_job(resume).end == "Present"


def test_an_employers_web_address_beside_it_is_no_field_and_a_domain_name_employer_stays() -> None:
    resume = _parse(
        "Work Experience\nDirector of Data & Analytics at Ashcombe Financial (https://ashcombe.example.com)\n"
        "May 2019 - Sep 2024\n• Built the department from 11 to 35 people\n"
        "Senior Data Scientist at Booking.com\nJun 2015 - Apr 2019\n• Grew retention by 6 points\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Director of Data & Analytics", "Ashcombe Financial"), ("Senior Data Scientist", "Booking.com")]


def test_an_employer_named_by_its_domain_in_lower_case_leads_its_header_line() -> None:
    # The title, then "<employer> · <tagline>", then the dates: a header line opening in lower case is usually a
    # wrapped bullet, but a domain name is an organisation's name.
    resume = _parse(
        "Work\nFrontend Team Lead\nbtr.tech · Redefining the Grocery Experience.\nNov 2021 – Present\n"
        "Kuwait/Remote\n• Led the frontend for three products\n"
        "Senior Software Engineer\nAndela · Building the tech team of the future\nNov 2020 – Nov 2021\n"
        "US/Remote\n• Built dashboards\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Frontend Team Lead", "btr.tech"), ("Senior Software Engineer", "Andela")]


@pytest.mark.parametrize(("line", "title", "employer"), [
    ("Werkstudent Data Engineering bei Nordwerk Logistik", "Werkstudent Data Engineering", "Nordwerk Logistik"),
    ("Ingénieur Machine Learning chez Vellore Santé", "Ingénieur Machine Learning", "Vellore Santé"),
    ("Engenheiro de Dados na Pagueja Tecnologia", "Engenheiro de Dados", "Pagueja Tecnologia"),
    ("Data Engineer bij Kantoorpark Groep", "Data Engineer", "Kantoorpark Groep"),
    ("data engineer @ kite labs 2019 – 2022", "data engineer", "kite labs"),  # "@" before a name in lower case
])
def test_a_title_at_its_employer_in_other_languages_is_split_there(line: str, title: str, employer: str) -> None:
    dates = "" if "2019" in line else "\n2019 – 2022"
    jobs = _parse(f"Experience\n{line}{dates}\n• Built the ingestion pipeline for 40 feeds\n").experience
    assert [(j.title, j.company) for j in jobs] == [(title, employer)]


@pytest.mark.parametrize(("header", "title", "employer", "place"), [
    ("Consultora Senior\nIbercampo Consultores\nSevilla · 2017 – 2020", "Consultora Senior", "Ibercampo Consultores",
     "Sevilla"),
    ("CONSULTANT CONNECT LTD\nRecruitment Consultant | Manchester | 2017 - 2020", "Recruitment Consultant",
     "CONSULTANT CONNECT LTD", "Manchester"),
    ("Ingénieur logiciel – Avionique du Midi SA (Toulouse)  2017 – 2020", "Ingénieur logiciel", "Avionique du Midi SA",
     "Toulouse"),
    # a state's code after the city without its comma
    ("Fraud Analytics Analyst\nKestrel Bank, Lakewood CO\nAug 2016 – Sep 2018", "Fraud Analytics Analyst",
     "Kestrel Bank", "Lakewood CO"),
])
def test_a_bare_city_in_a_header_is_the_roles_place(header: str, title: str, employer: str, place: str) -> None:
    jobs = _parse(f"Experience\n{header}\n• Built the ingestion pipeline for 40 feeds\n").experience
    assert [(j.title, j.company, j.location) for j in jobs] == [(title, employer, place)]


@pytest.mark.parametrize(("line", "title", "employer"), [
    ("Ricercatore, Istituto Nazionale di Ottica  2011 – 2016", "Ricercatore", "Istituto Nazionale di Ottica"),
    ("Software-ontwikkelaar, Kantoorpark Groep B.V.  2011 – 2016", "Software-ontwikkelaar", "Kantoorpark Groep B.V."),
])
def test_an_unknown_title_beside_a_named_organisation_is_the_title(line: str, title: str, employer: str) -> None:
    """No title word the reader knows on either side of the comma: the side that names itself an organisation (a
    legal form, an institute) is the employer."""
    jobs = _parse(f"Experience\n{line}\n• Built the ingestion pipeline for 40 feeds\n").experience
    assert [(j.title, j.company) for j in jobs] == [(title, employer)]


def test_international_in_an_employers_name_is_no_intern() -> None:
    jobs = _parse("Experience\nPeople Partner\nHarrow Group International\nFeb 2008 – Jan 2012\n"
                  "• Ran the annual review cycle for 900 staff\n").experience
    assert [(j.title, j.company) for j in jobs] == [("People Partner", "Harrow Group International")]


def test_year_ranges_whose_dash_was_lost_date_the_roles_when_nothing_else_does() -> None:
    """"Globex, Holmdel, NJ 2000 2002": the dash was drawn as a rule, or its glyph carried no character. With no
    role read otherwise, two or more header lines ending in two years in order are the roles' ranges."""
    history = ("Experience\nGlobex, Holmdel, NJ 2000 2002\nSoftware Developer\n• Built the voicemail gateway\n"
               "Initech, New York, NY 1996 2000\nSoftware Tester\n• Wrote the regression suite\n")
    jobs = _parse(history).experience
    assert [(j.title, j.company, j.start, j.end) for j in jobs] == [
        ("Software Developer", "Globex", "2000-01", "2002-12"), ("Software Tester", "Initech", "1996-01", "2000-12")]
    one = _parse("Experience\nGlobex, Holmdel, NJ 2000 2002\nSoftware Developer\n• Built the voicemail gateway\n")
    assert one.experience == []  # one such line may be anything


def test_a_specialty_after_the_titles_dash_stays_with_the_title_before_the_employers_comma() -> None:
    jobs = _parse("Experience\nLead Analyst – Payments & Risk, Harrow Mutual Insurance  Apr 2017 – now\n"
                  "• Cut false declines by 18%\n").experience
    assert [(j.title, j.company) for j in jobs] == [("Lead Analyst – Payments & Risk", "Harrow Mutual Insurance")]
    globex = _parse("Experience\nStaff Engineer – Globex, Initech Labs  Apr 2017 – now\n• Ran the build farm\n")
    assert globex.experience[0].title == "Staff Engineer"  # an organisation after the dash is no specialty


def test_only_cities_are_known_places() -> None:
    from assistant.resume.places import known_city

    assert all(map(known_city, ["Brescia", "Manchester", "São Paulo", "Utrecht"]))
    assert not any(map(known_city, ["Google", "Globex", "Northwind", "Principal", "Oracle", "brescia"]))


def test_countries_are_known_in_the_languages_whose_cvs_the_reader_reads() -> None:
    from assistant.resume.places import known_country

    assert all(map(known_country, ["Japón", "Deutschland", "Reino Unido", "Allemagne", "Estados Unidos", "Japão"]))
    assert not any(map(known_country, ["Globex", "Paidy", "Gorilla Logic", "japón"]))


def test_one_place_list_knows_states_provinces_and_countries_as_resumes_spell_them() -> None:
    from assistant.resume.places import known_region

    assert all(map(known_region, ["Texas", "maharashtra", "Bavaria", "Jordan", "S.Korea", "Polska", "españa"]))
    assert not any(map(known_region, ["Globex", "Electronics", "Principal", "Berlin"]))


def test_a_country_field_beside_the_employer_is_the_roles_place() -> None:
    # "S.Korea" and "Polska" are spellings no ISO list holds; they are the role's place, not lost or the employer.
    jobs = _parse("Experience\nNorthwind Electronics | S.Korea | 2019 – 2022\nSoftware Engineer\n"
                  "• Built the payments service\nGlobex | Polska | 2016 – 2019\nDeveloper\n• Wrote code\n").experience
    assert [(j.title, j.company, j.location) for j in jobs] == [
        ("Software Engineer", "Northwind Electronics", "S.Korea"), ("Developer", "Globex", "Polska")]


@pytest.mark.parametrize("place", ["Tokio, Japón", "Múnich, Alemania", "Ginebra, Suiza"])
def test_a_city_with_its_country_in_the_cvs_language_is_the_roles_place_not_its_employer(place: str) -> None:
    # A Spanish CV names the country in Spanish; the city may be one no gazetteer spells so ("Tokio").
    jobs = _parse(f"Experiencia\nNorthwind Pagos\n2020 – 2025 {place}\nDesarrollador de Software Senior\n"
                  "• Desarrollé el sistema de pagos.\nGorilla Logic\n2016 – 2020 Costa Rica\n"
                  "Desarrollador de Software\n• Colaboré en proyectos.\n").experience
    assert [(j.title, j.company) for j in jobs] == [
        ("Desarrollador de Software Senior", "Northwind Pagos"), ("Desarrollador de Software", "Gorilla Logic")]
    assert jobs[0].location == place


def test_a_title_with_a_dash_before_at_employer_is_kept_whole() -> None:
    resume = _parse(
        "Experience\nEngineering Manager – ML Infrastructure at Northbridge Health\n2020-06-01 - 2023-01-31\n"
        "- Replaced 17 model servers\nSenior Engineer – Payments at Globex (https://globex.example.com)\n"
        "2017 - 2020\n- Built the settlement service\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Engineering Manager – ML Infrastructure", "Northbridge Health"), ("Senior Engineer – Payments", "Globex")]


@pytest.mark.parametrize("employer", ["Quillfield Advisory", "Robert Half Staffing", "Lumen Productions",
                                      "Health Directorate"])
def test_an_employer_named_with_a_title_words_organisation_form_is_no_title(employer: str) -> None:
    # "Advisory" holds "advisor", "Staffing" holds "staff": such a name over the dates left the title below unread.
    resume = _parse(
        f"Experience\n{employer}\nApril 2018 - Present\nMachine Learning Consulting Lead\n"
        "Lead the machine learning practice of a 300-person consultancy.\n"
        "• Grew the practice from 4 to 22 consultants\n")
    assert [(j.title, j.company) for j in resume.experience] == [("Machine Learning Consulting Lead", employer)]


def test_unmarked_bullets_over_the_next_employer_are_not_its_header() -> None:
    resume = _parse(
        "Experience\nTidewater Freight Co.\nJanuary 2016 - February 2017\nContract Data Scientist\n"
        "Built an arrival-time model that reduced late-delivery complaints by 23%\n"
        "Trained two in-house analysts to retrain and monitor the model\nPemberton Grocers\n"
        "February 2015 - December 2015\nContract Machine Learning Engineer\n"
        "Replaced a spreadsheet forecast for 210 stores with a gradient-boosted model\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Contract Data Scientist", "Tidewater Freight Co."), ("Contract Machine Learning Engineer", "Pemberton Grocers")]


@pytest.mark.parametrize("written", ["Pause personnelle", "Pause professionnelle", "Auszeit", "Pausa profesional"])
def test_a_career_break_in_another_language_is_not_a_role(written: str) -> None:
    # A French, German or Spanish break between two roles ("Pause personnelle", the JSON Resume of a Swiss
    # developer) is set aside like "Career Break", not counted as a role at the employer above it.
    jobs = _parse(f"Experience\nAgent de sécurité, Securitas AG 2023-07 - 2024-03\n• Night shifts\n"
                  f"{written} 2023-02 - 2023-06\n• Time for family\nIngénieur logiciel, Antistatique SA "
                  "2021-10 - 2023-01\n• Built the APIs\n").experience
    assert [j.company for j in jobs] == ["Securitas AG", "Antistatique SA"]


def test_a_career_break_entry_is_not_split_into_a_career_heading_over_an_entry() -> None:
    # "Career" names the experience section; "Career Break, Family care" is the break's own entry, not a heading
    # glued to the entry "Break, Family care" (which then read as a role at the employer above).
    resume = _parse(
        "Experience\nLumen Health Partners, Senior Data Scientist 2021-09-01 — Present\n• Built a risk model\n"
        "Career Break, Family care 2019-07-01 — 2021-08-31\n• Full-time carer for a family member\n"
        "Brightline Insurance, Data Scientist 2016-03-01 — 2019-06-30\n• Pricing analytics\n"
        "Career Break, Travel 2015-01-01 — 2016-02-28\n• Six months in South America\n"
        "Cobalt Retail Group, Data Analyst 2012-01-01 — 2014-12-31\n• Sales reporting\n")
    assert [j.company for j in resume.experience] == [
        "Lumen Health Partners", "Brightline Insurance", "Cobalt Retail Group"]


def test_a_header_opening_with_a_month_dot_year_date_is_no_numbered_item() -> None:
    """ "04.2024– heute Lehrbeauftragter ..., Hochschule Lennetal," / "Iserlohn": the month and its dot are a date,
    not the "4." of a numbered list, so the header wrapped after its employer's comma is one line again and the
    place under it is no employer."""
    jobs = _parse(
        "Berufserfahrung\n04.2024– heute Data Scientist / Data Engineer, Nordwerk Elektronik, Hagen\n"
        "Entwicklung und Implementierung von KI-Lösungen, Arbeit in agilen Projektumgebungen, Anwendung von ML\n"
        "04.2024– heute Lehrbeauftragter u. Wissenschaftlicher Mitarbeiter , Hochschule Lennetal,\nIserlohn\n"
        "Forschung in Explainable AI und agentic AI Systems, Lehre von Deep Learning und Sprachmodellen\n"
        "01.2019– 12.2023 Research Assistant Data Science , Hochschule Lennetal, Iserlohn\n"
        "Akademische Forschung zu Industrie 4.0 in der Fertigung, Lehre von Data Science Kursen, Betreuung\n"
        "Ausbildung\n10.2013– 09.2018 M.Sc. Physik, TU Dortmund\n").experience
    assert [(j.title, j.company, j.start) for j in jobs] == [
        ("Data Scientist / Data Engineer", "Nordwerk Elektronik", "2024-04"),
        ("Lehrbeauftragter u. Wissenschaftlicher Mitarbeiter", "Hochschule Lennetal", "2024-04"),
        ("Research Assistant Data Science", "Hochschule Lennetal", "2019-01")]


def test_roles_under_a_heading_that_joins_work_to_projects_are_jobs() -> None:
    """ "Research Experience & Projects" after the main work history: the keywords type the heading as projects,
    but it names work too, so its dated roles are jobs (its personal project is set aside, with its reason), and
    pasted text finds the joined heading as a PDF's type does."""
    resume = _parse(
        "Professional Experience\nSenior ML Engineer, Acme Corp Jan 2021 – Present\n• Led the ranking team of 6\n"
        "Data Scientist, Beta Inc Mar 2018 – Dec 2020\n• Shipped churn model\nResearch Experience & Projects\n"
        "Research Assistant, Example University Lab Sep 2016 – Feb 2018\n• Built a parser\n"
        "Speech Demo, personal project 2015 – 2016\n• Weekend project\nEducation\nBSc, Example University 2016\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Senior ML Engineer", "Acme Corp"), ("Data Scientist", "Beta Inc"),
        ("Research Assistant", "Example University Lab")]
    assert [s.reason for s in resume.set_aside] == ["a personal project"]
    joined = next(s for s in resume.sections if s.heading == "Research Experience & Projects")
    assert "experience" in joined.kinds


def test_roles_after_a_roles_key_projects_line_are_still_jobs() -> None:
    """ "Key Projects" and "Projects" lines inside a work history read as section headings: the roles after them ran
    on from the work history and are read with it, shown as unsure; a real projects list after the work history
    (no job titles) adds no role."""
    resume = _parse(
        "Experience\nSenior ML Engineer, Acme Corp Jan 2021 – Present\n• Led the ranking team of 6\nKey Projects\n"
        "• Built the feature store\nData Scientist, Beta Inc Mar 2018 – Dec 2020\n• Shipped churn model\nProjects\n"
        "• Led the migration\nML Engineer, Gamma Ltd Jun 2016 – Feb 2018\n• Built ETL\n"
        "Education\nBSc, Example University 2016\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Senior ML Engineer", "Acme Corp"), ("Data Scientist", "Beta Inc"), ("ML Engineer", "Gamma Ltd")]
    assert resume.confidence["experience"] < 0.5 and resume.reading_problems
    projects_after = _parse(
        "Experience\nSenior ML Engineer, Acme Corp Jan 2021 – Present\n• Led the ranking team of 6\n"
        "Data Scientist, Beta Inc Mar 2018 – Dec 2020\n• Shipped churn model\nProjects\n"
        "Chess engine in Rust 2022 – 2023\n• Bitboards\nKaggle: M5 forecasting, silver medal 2020 – 2021\n• LightGBM\n"
        "Education\nBSc, Example University 2016\n")
    assert [j.company for j in projects_after.experience] == ["Acme Corp", "Beta Inc"]


@pytest.mark.parametrize("history", [
    "2021 Senior Data Scientist, Acme Corp\nLed the forecasting work for the supply team.\n"
    "2018 • Data Scientist • Beta Inc\nBuilt churn models for the retail arm.\n"
    "2015 Data Analyst, Gamma Ltd\nReporting for the finance team.\n",
    "Senior Data Scientist, Acme Corp\n2021\nLed the forecasting work for the supply team.\n"
    "Data Scientist, Beta Inc\n2018\nBuilt churn models for the retail arm.\n"
    "Data Analyst, Gamma Ltd\n2015\nReporting for the finance team.\n",
], ids=["year opens the header", "year under the header"])
def test_a_work_history_dated_by_one_year_per_role_is_read(history: str) -> None:
    """No range anywhere, each role dated by the year it began: the roles are read (not "no experience found"),
    the newest is the latest and the oldest year starts the career."""
    resume = _parse(f"Experience\n{history}Education\n2014 BSc Mathematics, Example University\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Senior Data Scientist", "Acme Corp"), ("Data Scientist", "Beta Inc"), ("Data Analyst", "Gamma Ltd")]
    assert latest_job(resume).title == "Senior Data Scientist"
    assert min(j.start for j in resume.experience if j.start) == "2015-01"
    # Each role ran until the next began and the newest runs on (as a timeline's bars do): the career is counted,
    # not zero years.
    assert resume.experience[0].end == "Present" and resume.years_experience is not None
    assert resume.years_experience >= 6


def test_an_empty_end_read_with_its_row_is_the_ongoing_role() -> None:
    """A date column's "2021 –" (the end left empty for the current role) read on one line with the row beside it:
    "2021 – Senior Data Scientist, Acme Corp" is the ongoing role, so it is the latest, not lost."""
    resume = _parse("Experience\n2021 – Senior Data Scientist, Acme Corp\n• Built the forecasting platform\n"
                    "2018 – 2021 Data Scientist, Beta Analytics\n• Shipped the churn model\n"
                    "2015 – 2018 Data Analyst, Gamma Retail\n• Weekly finance reporting\n"
                    "Education\nBSc Mathematics, Example University, 2015\n")
    assert [(j.title, j.company, j.end) for j in resume.experience] == [
        ("Senior Data Scientist", "Acme Corp", "Present"), ("Data Scientist", "Beta Analytics", "2021-12"),
        ("Data Analyst", "Gamma Retail", "2018-12")]


def test_entries_with_no_description_keep_their_headers_above_their_dates() -> None:
    """Title / employer / dates, three times, no description under any (a list of earlier roles): the section opens
    on the first entry's header, so every header is above its dates -- not the lines under each date, which would
    lose the first role and invent an empty last one."""
    resume = _parse("Summary\nData scientist with nine years in retail forecasting and pricing, leading a team of six.\n"
                    "Experience\nSenior Data Scientist\nAcme Corp\nMar 2021 – Present\nData Scientist\nBeta Systems\n"
                    "Jun 2018 – Feb 2021\nData Analyst\nGamma Retail\nSep 2015 – May 2018\n"
                    "Education\nBSc Mathematics, Example University, 2015\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Senior Data Scientist", "Acme Corp"), ("Data Scientist", "Beta Systems"), ("Data Analyst", "Gamma Retail")]
    assert latest_job(resume).title == "Senior Data Scientist"


def test_employers_named_in_brackets_after_each_title_are_the_employers() -> None:
    """ "Senior Data Scientist (Acme Corp) Mar 2021 – Present": two or more roles name their employer in brackets
    after the title, so the brackets are the employer; how a role was held ("(Contract)") stays out of it."""
    resume = _parse("Experience\nSenior Data Scientist (Acme Corp) Mar 2021 – Present\n• Built the forecasting platform\n"
                    "Data Scientist (Beta Systems) Jun 2018 – Feb 2021\n• Shipped the churn model\n"
                    "Data Analyst (Contract) Sep 2015 – May 2018\n• Weekly finance reporting\n"
                    "Education\nBSc Mathematics, Example University, 2015\n")
    assert [(j.title, j.company) for j in resume.experience][:2] == [
        ("Senior Data Scientist", "Acme Corp"), ("Data Scientist", "Beta Systems")]
    assert resume.experience[2].company is None


@pytest.mark.parametrize("state", ["MA", "MS"])
def test_a_us_state_after_an_employers_city_is_no_degree(state: str) -> None:
    """ "Acme Corp, Boston, MA": the state's code is spelt like a degree (MA, MS), and lines naming a degree are
    left out when roles are read from under a missed heading (they are schooling) -- which lost the employer of
    the role run on under the summary. "MS Statistics" after a comma still names a degree."""
    resume = _parse("Jane Example\njane@example.com\nSummary\nData scientist with nine years in retail forecasting.\n"
                    f"Senior Data Scientist Mar 2021 - Present\nAcme Corp, Boston, {state}\n- Built the planning model\n"
                    "Data Scientist Jun 2018 - Feb 2021\nBeta Systems, New York, NY\n- Shipped the churn model\n"
                    "Data Analyst Sep 2015 - May 2018\nGamma Retail, Chicago, IL\n- Weekly finance reporting\n"
                    "Education\nBSc Physics, MS Statistics, Example University, 2015\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Senior Data Scientist", "Acme Corp"), ("Data Scientist", "Beta Systems"), ("Data Analyst", "Gamma Retail")]
    assert resume.experience[0].location == f"Boston, {state}"


@pytest.mark.parametrize("layout", ["stacked", "dates first", "under the dates"])
@pytest.mark.parametrize("employer", ["spotify", "3M", "23andMe"])
def test_an_employer_spelt_in_lower_case_or_opening_with_a_digit_is_still_the_employer(layout: str, employer: str) -> None:
    """ "Lead MLOps Engineer" / "spotify" / "Mar 2021 - Present": a line in lower case or opening with a digit is
    usually a bullet's wrapped tail, so the header stopped there and the role lost its title and employer both.
    One word under the title line (or right under the dates) is the employer's name."""
    def header(title: str, company: str, dates: str) -> str:
        return {"stacked": f"{title}\n{company}\n{dates}", "dates first": f"{dates}\n{title}\n{company}",
                "under the dates": f"{title}    {dates}\n{company}"}[layout]
    roles = [("Lead MLOps Engineer", employer, "Mar 2021 - Present"),
             ("Data Scientist", "Beta Systems", "Jun 2018 - Feb 2021"),
             ("Data Analyst", "Gamma Retail", "Sep 2015 - May 2018")]
    text = "Jane Example\nExperience\n" + "".join(
        f"{header(*role)}\n• Built the demand forecasting platform used by 40 planners\n• Cut training cost by 35%\n"
        for role in roles) + "Education\nBSc Mathematics, Example University, 2015\n"
    assert [(j.title, j.company) for j in _parse(text).experience] == [(t, c) for t, c, _ in roles]


def test_a_wrapped_bullets_lower_case_tail_is_no_employer() -> None:
    """The other side: a bullet's tail wrapped onto a line of its own ("platform") over the next dated title stays
    the bullet's; it names no employer."""
    resume = _parse("Experience\nSenior Data Scientist, Acme Corp    Mar 2021 - Present\n"
                    "• Built the demand forecasting platform used by every planner on the supply\nplatform\n"
                    "Data Scientist, Beta Systems    Jun 2018 - Feb 2021\n• Shipped the churn model\n"
                    "Education\nBSc Mathematics, Example University, 2015\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Senior Data Scientist", "Acme Corp"), ("Data Scientist", "Beta Systems")]


@pytest.mark.parametrize(("line", "employer", "place"), [
    ("Acme, Inc., London, UK", "Acme, Inc.", "London, UK"),
    ("Meta Platforms, Inc., Menlo Park, CA", "Meta Platforms, Inc.", "Menlo Park, CA"),
    ("Globex, LLC, Austin, TX", "Globex, LLC", "Austin, TX"),
])
def test_a_legal_form_after_its_comma_stays_with_the_employer_before_a_place(line: str, employer: str,
                                                                            place: str) -> None:
    """ "Acme, Inc., London, UK": the fields were split at every comma, so the employer lost its legal form."""
    resume = _parse(f"Experience\nLead MLOps Engineer    Mar 2021 - Present\n{line}\n• Built the platform\n"
                    "Data Scientist    Jun 2018 - Feb 2021\nBeta Systems, London, UK\n• Shipped a model\n"
                    "Education\nBSc Mathematics, Example University, 2015\n")
    assert (resume.experience[0].company, resume.experience[0].location) == (employer, place)


@pytest.mark.parametrize("region", ["San Francisco Bay Area", "Greater Seattle Area", "Greater London",
                                    "Dallas-Fort Worth Metroplex"])
def test_a_region_named_as_linkedin_names_it_is_the_roles_place(region: str) -> None:
    """ "Booz Allen Hamilton, San Francisco Bay Area": a region is no "City, ST", so it was read into the
    employer's name."""
    resume = _parse(f"Experience\nLead MLOps Engineer    Mar 2021 - Present\nBooz Allen Hamilton, {region}\n"
                    "• Built the platform\nData Scientist    Jun 2018 - Feb 2021\nBeta Systems, London, UK\n"
                    "• Shipped a model\nEducation\nBSc Mathematics, Example University, 2015\n")
    assert (resume.experience[0].company, resume.experience[0].location) == ("Booz Allen Hamilton", region)


def test_one_role_under_an_employers_dated_stay_is_one_role() -> None:
    """ "Beta Systems | New York, NY  Sep 2015 – May 2018" over "Data Scientist (Sep 2015 – May 2018)": the employer
    line dated with the stay, as the roles above it were, is no role of its own when one role fills it (it read
    as a role with no title beside the real one)."""
    resume = _parse("Experience\nAcme Corp | Boston, MA    Jun 2018 – Present\n"
                    "Director of Data Science (Mar 2021 – Present)\n• Built the forecasting platform\n"
                    "Senior Data Scientist (Jun 2018 – Feb 2021)\n• Shipped the churn model\n"
                    "Beta Systems | New York, NY    Sep 2015 – May 2018\n"
                    "Data Scientist (Sep 2015 – May 2018)\n• Weekly finance reporting\n"
                    "Education\nBSc Mathematics, Example University, 2015\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Director of Data Science", "Acme Corp"), ("Senior Data Scientist", "Acme Corp"),
        ("Data Scientist", "Beta Systems")]


@pytest.mark.parametrize("field", ["Acme Corp Bay Area", "Research Area", "Acme Corp Greater Seattle Area"])
def test_a_name_ending_in_area_is_no_region_unless_a_city_or_greater_opens_it(field: str) -> None:
    """A region is named after its city or is "Greater" something, and stands alone or after the employer's comma:
    "Acme Corp Bay Area" is not read as a place (the employer would be lost)."""
    from assistant.resume.entry_fields import strip_location

    assert strip_location(field) == (field, None)


@pytest.mark.parametrize("heading", ["EXPERIENCE | 2015 – PRESENT", "Experience\n2015 – Present"])
def test_a_range_dating_the_whole_work_history_is_no_role(heading: str) -> None:
    """ "Experience" over "2015 – Present": the range dates the career, and read as a role it was one with no title,
    no employer and no bullet, over the real ones."""
    resume = _parse(f"Jane Example\n{heading}\nSenior Data Scientist, Acme Corp | Mar 2021 – Present\n• Built it\n"
                    "Data Scientist, Beta Systems | Jun 2018 – Feb 2021\n• Shipped it\n"
                    "Data Analyst, Gamma Retail | Sep 2015 – May 2018\n• Reported\n"
                    "Education\nBSc Mathematics, Example University, 2015\n")
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Senior Data Scientist", "Acme Corp"), ("Data Scientist", "Beta Systems"), ("Data Analyst", "Gamma Retail")]


def test_an_employer_named_on_its_roles_own_line_is_not_lent_to_the_next_role() -> None:
    """"fastlane Lead at Twitter" names Twitter for that role alone: the freelance role below it has no employer
    named, and is not read as another role at Twitter. An employer heading its roles still is lent to them."""
    inline = _parse("Felix Kraus\nWork Experience\n"
                    "fastlane Lead at Twitter Sep 2015 - Feb 2017\n• Scaled the team from 1 to 5 engineers\n"
                    "Freelance iOS Consultant Sep 2014 - Sep 2015\n• Shipped apps for clients\n"
                    "Lead iOS Developer at Toursprung Aug 2010 - Sep 2013\n• Built the first app\n")
    assert roles(inline) == [
        ("fastlane Lead", "Twitter"), ("Freelance iOS Consultant", None), ("Lead iOS Developer", "Toursprung")]
    named_again = _parse("Dana Ray\nExperience\n"
                         "Mar 2022 – present Director of ML Engineering, Brindlewood Marketplace – Seattle, WA\n"
                         "• Run four ML teams.\nMay 2019 – Feb 2022 Senior Engineering Manager, Ranking, Brindlewood "
                         "Marketplace – Seattle, WA\n• Grew the ranking group.\n")
    assert [job.company for job in named_again.experience] == ["Brindlewood Marketplace"] * 2
    heading = _parse("Chris Ash\nExperience\nGovernment Digital Service\nLead Developer\n• July 2023 – Present\n"
                     "• Led the platform team.\nSenior Developer\n• June 2021 – July 2023\n• Ran the support rota.\n")
    assert roles(heading) == [
        ("Lead Developer", "Government Digital Service"), ("Senior Developer", "Government Digital Service")]


def test_a_dated_line_naming_the_title_at_the_employer_is_the_whole_header() -> None:
    """A short line under "Lead iOS Developer at Toursprung  Aug 2010 - Sep 2013" is what the role did, not its title
    with the dated line demoted to the employer."""
    resume = _parse("Felix Kraus\nWork Experience\nData Engineer at Globex Mar 2014 - Present\nOwned the pipelines\n"
                    "Lead iOS Developer at Toursprung Aug 2010 - Sep 2013\nBuilt the first app\n")
    assert roles(resume)[-1] == ("Lead iOS Developer", "Toursprung")
    assert [b.text for b in resume.experience[-1].bullets] == ["Built the first app"]


@pytest.mark.parametrize("dated", ["11/2011 - 08/2014 | Cardinal Health | Columbus, OH",
                                   "11/2011 - 08/2014 | Cardinal Health, Columbus, OH"])
def test_the_name_beside_the_roles_place_is_the_employer_not_the_titles_specialty(dated: str) -> None:
    """"SR. CONSULTANT - MONITORING" over the dates, employer and place: the employer stands with the place on the
    dated line (the scorer cannot tell "Cardinal Health" from a specialty), and the dash is inside the title."""
    resume = _parse(f"Leon Adam\nEXPERIENCE\nSR. CONSULTANT - MONITORING\n{dated}\n"
                    "• Set the architectural vision for monitoring across 10k devices.\n")
    assert roles(resume) == [
        ("SR. CONSULTANT - MONITORING", "Cardinal Health")]


@pytest.mark.parametrize("header, title, employer", [
    ("Founder of ContextSDK", "Founder", "ContextSDK"),
    ("CEO & Founder of SunApps", "CEO & Founder", "SunApps"),
    ("Founder of fastlane", "Founder", "fastlane"),
    ("Chief Technology Officer of Acme Labs", "Chief Technology Officer", "Acme Labs"),
    ("Head of Data", "Head of Data", None),
    ("Founder of the reading group", "Founder of the reading group", None),
])
def test_whom_a_founder_or_chief_officer_leads_is_the_employer(header: str, title: str, employer: str | None) -> None:
    resume = _parse(f"Felix Kraus\nWork Experience\n{header} Sep 2014 - Sep 2015\n• Built the company.\n")
    assert roles(resume) == [(title, employer)]


def test_an_employer_with_its_legal_form_over_a_dashed_title_is_the_employer() -> None:
    """LinkedIn's export, pasted: the employer's line ("Toyoimport del Este C.A."), then "Vendedor - almacenista"
    right over the dates. The lone word after the dash is part of the title, whatever the scorer makes of it."""
    resume = _parse("Ana Avila\nExperiencia\nInstituto Universitario de Tecnología\nCoordinador de laboratorio\n"
                    "abril de 2013 - enero de 2014 (10 meses)\nSoporte de los laboratorios de electrónica.\n"
                    "Toyoimport del Este C.A.\nVendedor - almacenista\n2011 - 2012 (1 año)\n"
                    "Organizar y atender la cartera de clientes.\n")
    assert roles(resume)[-1] == (
        "Vendedor - almacenista", "Toyoimport del Este C.A.")


def test_description_lines_that_lost_their_bullets_are_not_the_next_roles_header() -> None:
    """Pasted from a viewer that drops bullet glyphs: "Employer / dates / Title" then what the role did. The last
    description lines of one role are not the next role's title and employer; the line right over the dates is."""
    resume = _parse("Dan Whit\nExperience\nMeridian Payments\nMarch, 2022 - Present\nStaff Software Engineer\n"
                    "Technical lead for the card authorisation platform (11 engineers)\n"
                    "Designed the idempotency layer that ended duplicate charges\nMeridian Payments\n"
                    "November, 2019 - February, 2022\nSenior Software Engineer\n"
                    "Split the ledger service out of the monolith\nOrchard Mobile\nJanuary, 2017 - October, 2019\n"
                    "Software Engineer\nBuilt the push notification service for 8M devices\n")
    assert roles(resume) == _MERIDIAN_ROLES


def test_a_description_wrapped_under_a_titled_dated_line_is_its_body_and_a_year_it_mentions_no_role() -> None:
    """A narrow column wraps what the role did under its dated line: "Consulted an Area120 Google project, focus on"
    is no employer, and "Data Science & Infra, IPO in 2021" (a year a preposition governs) dates no role."""
    resume = _parse("Felix Kraus\nWork Experience\nFounder of ContextSDK Oct 2022 - Present\n"
                    "Consulting for Google Area120 Project Sep 2021 - Mar 2023\n"
                    "Consulted an Area120 Google project, focus on\nsecurity & privacy of mobile SDKs\n"
                    "Research & Development at Root Insurances Jun 2019 - Jul 2021\n"
                    "Founding member of the R&D Team, focus on\nData Science & Infra, IPO in 2021\n"
                    "fastlane Lead at Google Feb 2017 - Feb 2019\nGoogle acquired fastlane, moved to New York\n")
    assert roles(resume) == [
        ("Founder", "ContextSDK"), ("Consulting for Google Area120 Project", None),
        ("Research & Development", "Root Insurances"), ("fastlane Lead", "Google")]


def test_dates_over_title_at_employer_lines_head_their_entries() -> None:
    """JSON Resume's "2022-03-01 TO PRESENT" / "Staff Software Engineer at Meridian Payments" / what the role did:
    each date opens its entry, so the description lines above the next date are not its header. (Here with no
    work-history heading: the section does not open on a date, so the lines beside the dates must tell.)"""
    resume = _parse("Dan Whit\nABOUT ME\nSoftware engineer with fifteen years across games and payments.\n"
                    "2022-03-01 TO PRESENT\nStaff Software Engineer at Meridian Payments\n"
                    "Technical lead for the card authorisation platform (11 engineers)\n"
                    "Designed the idempotency layer that ended duplicate charges\n2019-11-01 TO 2022-02-28\n"
                    "Senior Software Engineer at Meridian Payments\nSplit the ledger service out of the monolith\n"
                    "2017-01-01 TO 2019-10-31\nSoftware Engineer at Orchard Mobile\n"
                    "Built the push notification service for 8M devices\n")
    assert roles(resume) == _MERIDIAN_ROLES


def test_the_time_spent_under_a_titled_dated_line_does_not_hide_the_employer_below_it() -> None:
    """"Sept. 2014 - Janv. 2017 Machine Learning Engineer" / "2 ans 4 mois" / "Northwind Analytics": the employer
    is under the tenure line (it was lent from the role above, by chance the same employer)."""
    resume = _parse("Ingrid Salve\nEXPERIENCES PROFESSIONNELLES\nSept. 2014 - Janv. 2017 Machine Learning Engineer\n"
                    "2 ans 4 mois\nNorthwind Analytics\nFirst machine learning hire.\n"
                    "• Shipped the first demand forecasting model\n")
    assert roles(resume) == [("Machine Learning Engineer",
                                                                        "Northwind Analytics")]


def test_a_description_right_over_a_dated_line_with_its_own_words_is_the_role_above() -> None:
    """"Meridian Payments - Senior Software Engineer 2019-11-01 — 2022-02-28" names its whole header: the unbulleted
    description right above it ran on from the role before and is not its employer."""
    resume = _parse("Dan Whit\nEXPERIENCE\nMeridian Payments - Staff Software Engineer 2022-03-01 — Present\n"
                    "Technical lead for the card authorisation platform (11 engineers)\n"
                    "Designed the idempotency layer that ended duplicate charges\n"
                    "Meridian Payments - Senior Software Engineer 2019-11-01 — 2022-02-28\n"
                    "Split the ledger service out of the monolith\n"
                    "Orchard Mobile - Software Engineer 2017-01-01 — 2019-10-31\n"
                    "Built the push notification service for 8M devices\n")
    assert roles(resume) == _MERIDIAN_ROLES


@pytest.mark.parametrize("header", [
    "Product Analyst, Acme Analytics  Nov 2020 – Jun 2022",
    "Aug 2019 - Jan 2021\nSoftware Development Engineer I at Nimbus Cloud",
    "Senior Data Engineer, Acme Analytics GmbH, Berlin — Jan 2019 – Present",
])
def test_the_last_unbulleted_line_of_a_role_is_not_the_next_roles_header(header: str) -> None:
    """The role above ends in a description with no bullet and no full stop ("Hired and led six engineers": its
    title word is plural, the people led); the role below keeps its own title and employer."""
    resume = _parse("Dana Whit\nExperience\nStaff Engineer at Globex  2020 - Present\n"
                    "Built the forecasting platform used by four teams\nHired and led six engineers\n"
                    f"{header}\nCut the reporting time by half\n")
    second = resume.experience[1]
    assert "Hired" not in (second.title or "") and "Hired" not in (second.company or "")
    assert second.company is not None and second.title is not None


@pytest.mark.parametrize("date", ["Sep 2023", "09/2023", "09.2023"])
def test_a_month_alone_on_its_line_dates_an_entry_in_words_or_in_numbers(date: str) -> None:
    """A timeline's dates ("09/2023" over "Junior Data Engineer" / "Pinecrest Logistics") are read whether the month
    is written as a word or as a number; before, the numbers dated nothing and no role was found."""
    resume = _parse(f"Ana Lima\nExperience\n{date}\nJunior Data Engineer\nPinecrest Logistics\n"
                    "• Built the nightly inventory pipeline\n06/2021 - 08/2023\nData Analyst\nAtlas Freight\n"
                    "• Moved shipment reports to PostgreSQL\n")
    assert [(job.title, job.start) for job in resume.experience][0] == ("Junior Data Engineer", "2023-09")


def test_the_employers_web_address_between_its_name_and_the_dates_keeps_the_employer_over_its_title() -> None:
    """JSON Resume themes print "Employer" / its web address / the dates / the title: the address is no field, so
    the employer still sits over each date and heads its entry (the titles under the dates do not make the lines
    above them the previous role's)."""
    text = """Ana Ribeiro
ana@example.org

WORK EXPERIENCE
Vellum Analytics
https://vellum.example.com/
September 2018 – Present
Back-end Developer
Vellum is a product of Harbor Group, its parent company, focused on small businesses.
Harbor Group
https://harbor.example.com/
May 2017 – September 2018
Full-stack Web Developer
Here I worked on the main product of the group.
Quillon Media
https://quillon.example.com/
April 2016 – August 2016
Front-end Developer
"""
    assert roles(_parse(text)) == [("Back-end Developer", "Vellum Analytics"),
                                    ("Full-stack Web Developer", "Harbor Group"),
                                    ("Front-end Developer", "Quillon Media")]


def test_an_employer_wrapped_after_a_linking_word_over_its_web_address_is_one_name() -> None:
    """A long employer name set larger than the body wraps early ("Community Action Committee of the" / "Lehigh
    Valley"): a line ending in "of the" goes on below, even with the web address between it and the dates."""
    text = """Marco Delgado
marco@example.org

WORK EXPERIENCE
Northgate Fax Systems, Inc.
https://northgate.example.com
December 2012 – October 2013
Technical Support Engineer
- Supported facsimile servers for customers.
Community Action Council of the
Greater Hudson Valley
https://cac.example.org
October 2003 – December 2012
Director of Information Technologies
- Ran the agency's technology for twelve sites.
"""
    assert roles(_parse(text)) == [
        ("Technical Support Engineer", "Northgate Fax Systems, Inc."),
        ("Director of Information Technologies", "Community Action Council of the Greater Hudson Valley")]


def test_an_employer_over_each_date_heads_its_entry_though_a_german_description_reads_like_a_name() -> None:
    """"Brandwerk GmbH" / dates / "Competence Lead Software Security" / "Primärer Ansprechpartner für alle": German
    capitalises its nouns, so a description's first line can look like an employer under the title. The employers
    over the dates decide where each entry's header is."""
    text = """Timo Berger
timo@example.org

EXPERIENCE
Wolkenbau
https://www.wolkenbau.example.com/
2021-11-01 - Present
Software Engineering PMTS
Verantwortlich für die Sicherheit
aller Projektteams der Plattform.
Planung und Durchführung von
Schulungen sowie Workshops zur
Migration in die Cloud.
Brandwerk GmbH
2020-01-01 - 2021-10-30
Competence Lead Software Security
Primärer Ansprechpartner für alle
sicherheitsrelevanten Themen in den
Entwicklungsteams. Erstellung von
Richtlinien für sicheres Programmieren.
Brandwerk GmbH
2015-04-01 - 2021-10-30
Entwickler / Senior-Entwickler
Entwicklung und Pflege von X1, einer
unternehmensweiten Lösung zur
Prozessautomatisierung.
Transline IT-Service GmbH
https://www.transline.example.com/
2013-10-01 - 2015-03-31
Software-Entwickler
Entwicklung von Java Fat-Client- und
Webanwendungen mit GWT.
"""
    assert [company for _, company in roles(_parse(text))] == [
        "Wolkenbau", "Brandwerk GmbH", "Brandwerk GmbH", "Transline IT-Service GmbH"]


def test_a_web_address_beside_a_title_and_employer_does_not_make_the_header_a_sentence() -> None:
    """"Développeuse et chargée de mission logiciels libres , NUMEA (https://...)": the address is none
    of the header's words, so the header is not read as a description line; "a month" after the dates (a theme's
    humanised duration) is the time spent, not a title."""
    text = """Jeanne Morel
jeanne@example.org

EXPERIENCE
Développeuse et chargée de mission logiciels libres , NUMEA
(https://numerique.example.fr)
August 2022 — Present a month
J'écris du code et je sensibilise les administrations aux logiciels libres.
- Développement du site institutionnel
Ingénieure logiciel, OpenRoutes (https://openroutes.example.com)
March 2018 — August 2020 2 years
Membre de l'équipe de développement.
"""
    assert roles(_parse(text)) == [("Développeuse et chargée de mission logiciels libres", "NUMEA"),
                                    ("Ingénieure logiciel", "OpenRoutes")]


def test_a_header_ending_in_a_linking_word_before_its_dates_goes_on_below_and_a_long_title_stays_whole() -> None:
    """"Halvorsen Bank Corporate and  Oct 2016 - Present" / "Investment Banking - HB CIB": the employer's name
    runs on under the dates set at the line's end. And a title wrapped in LinkedIn's larger face ("Senior Engineering
    Manager, Machine Learning Infrastructure and" / "Developer Productivity"), joined, is one header however long."""
    text = """Albert Vidal
albert@example.org

Work
Halvorsen Bank Corporate and  Oct 2016 - Present
Investment Banking - HB CIB
Data Science Consultant
- Built credit models.
Open Quarry  Apr 2014 - Sep 2016
Data Scientist
- Built churn models.
"""
    assert roles(_parse(text)) == [("Data Science Consultant", "Halvorsen Bank Corporate and Investment Banking"),
                                    ("Data Scientist", "Open Quarry")]
    from assistant.resume.entry_lines import claimable_header
    from assistant.resume.models import Line

    joined = "Senior Engineering Manager, Machine Learning Infrastructure and Developer Productivity"
    assert claimable_header(Line(number=1, text=joined))
    assert not claimable_header(Line(number=1, text="Reduced the time to train the ranking models from two days to "
                                                     "six hours for every team"))


@pytest.mark.parametrize(("first", "second", "role"), [
    ("Harrow Labs  May 2019 - Mar", "Craft & Architecture  2020", ("2019-05", "2020-03")),
    ("Harrow Labs  May 2023 -", "Coach craft/Agile et  Present", ("2023-05", "Present")),
    ("Harrow Labs - Laboratoire  Jun 2011", "d'Observation des Usages  - Aug 2011", ("2011-06", "2011-08")),
])
def test_a_range_wrapped_in_a_narrow_cell_beside_a_wrapped_header_keeps_its_end(first: str, second: str,
                                                                               role: tuple[str, str]) -> None:
    """A header and its dates in narrow side-by-side cells (a JSON Resume theme on A5) wrap together: the range's
    end ends the line below, after the header's next words. The end belongs to the range above, not to a second
    role dated by it."""
    text = f"""Julien Marchal
julien@example.org

Work
{first}
{second}
• Coached four product teams.
Quillon  Oct 2013 - May 2019
Tech Lead
• Led the platform team.
"""
    jobs = _parse(text).experience
    assert [(job.start, job.end) for job in jobs] == [role, ("2013-10", "2019-05")]


def test_italian_titles_are_titles() -> None:
    """An Italian profile keeps its titles in Italian ("Tirocinante", "Sviluppatore Software"): under dates set
    above the header, the title is told from the employer by its words, as in the other languages the reader knows."""
    text = """Lorenzo Bassi
lorenzo@example.org

ESPERIENZE PROFESSIONALI
Dic. 2023 - Lug. 2024
Tirocinante
Trasporti Arcella | Rivalta, Italia
• Migrazione di un sistema batch a uno stream.
Lug. 2021 - Set. 2021
Sviluppatore Software
Nordlinea | Norimberga, Germania
• Manutenzione degli strumenti interni.
"""
    assert roles(_parse(text)) == [("Tirocinante", "Trasporti Arcella"), ("Sviluppatore Software", "Nordlinea")]


def test_a_title_wrapped_after_a_linking_word_under_its_dates_is_one_title() -> None:
    """A narrow column wraps a title under its dates after "&" ("Head of Engineering &" / "Platform"): no title ends
    in "&", so the short line below is the title's end, not the employer."""
    text = """Gareth Pienaar
gareth@example.org

WORK EXPERIENCE
Sandvik Labs
July 2020 – Present
Head of Engineering &
Platform
Built the platform group from four to thirty engineers.
Jemworth
January 2018 – July 2020
Director of Engineering
Ran three product teams.
"""
    assert roles(_parse(text)) == [("Head of Engineering & Platform", "Sandvik Labs"),
                                    ("Director of Engineering", "Jemworth")]


def test_a_date_column_with_its_connector_on_a_line_of_its_own_dates_each_role() -> None:
    """A narrow date column stacks "2022-05-12" / "TO" / "2024-03-07" beside the header rows: the start opens the
    title's line, the end the employer's. Each role keeps its range; none is left undated or read as none."""
    text = """Rafael Mora
rafael@example.org

WORK EXPERIENCE
2022-05-12 Backend Developer at Perfexa
TO
2024-03-07 (España)
En este proyecto me dediqué a mejorar el código de back-end.
2021-05-01 Desarrollador de Wordpress at
TO
2022-04-01 Deepfield (Suiza)
En este trabajo desarrollé un plugin de manejo de usuarios.
"""
    jobs = _parse(text).experience
    assert [(job.start, job.end) for job in jobs] == [("2022-05", "2024-03"), ("2021-05", "2022-04")]


def test_a_title_under_small_dates_below_an_employer_and_its_city_is_the_roles_title() -> None:
    """"Donnelway Consulting" / "Bedford, MA" (set large) / "2025 – Present" (small) / "Owner, Principal Consultant":
    small dates under a two-line header usually close it (the title and employer above, the place after the dates),
    but when the lines above name no title and the line below does, the header goes on under the dates."""
    from assistant.resume.models import StyledLine

    rows = [("Nadia Hollis", 20.0, 0.0), ("nadia@example.org", 9.0, 0.0), ("WORK EXPERIENCE", 12.0, 1.0),
            ("Donnelway Consulting", 11.0, 1.0), ("Bedford, MA", 11.0, 0.0), ("2025 – Present", 8.0, 0.0),
            ("Owner, Principal Consultant", 9.5, 0.0), ("• Deploy infrastructure for clients.", 9.5, 0.0),
            ("Ctrl Harbor", 11.0, 1.0), ("Remote", 11.0, 0.0), ("2021 – 2025", 8.0, 0.0),
            ("Senior Infrastructure Engineer", 9.5, 0.0), ("• Ran the build infrastructure.", 9.5, 0.0)]
    styled = [StyledLine(page=1, text=t, size=size, bold=bold, x=40.0, gap=12.0) for t, size, bold in rows]
    resume = parse_resume(ExtractedText(text="\n".join(t for t, _, _ in rows), pages=1, source="pdf",
                                        styled_lines=styled))
    assert roles(resume) == [("Owner, Principal Consultant", "Donnelway Consulting"),
                              ("Senior Infrastructure Engineer", "Ctrl Harbor")]


def test_an_employer_in_lower_case_with_its_legal_form_before_its_place_is_claimed() -> None:
    """"trans-o-flex IT-Service GmbH | Weinheim": a name written in lower case is a name when its field ends in a
    legal form, also with the place after it; the role is not lent the employer above."""
    text = """Timo Berger
timo@example.org

Work Experience
Brandwerk GmbH | Mannheim
Entwickler / Senior-Entwickler  Apr 2015 — Oct 2021
• Entwicklung von X1.
trans-o-line IT-Service GmbH | Weinheim
Software-Entwickler  Oct 2013 — Mar 2015
• Entwicklung von Webanwendungen.
"""
    assert roles(_parse(text)) == [("Entwickler / Senior-Entwickler", "Brandwerk GmbH"),
                                    ("Software-Entwickler", "trans-o-line IT-Service GmbH")]


def test_a_date_cell_read_as_both_dates_then_its_connector_is_one_range() -> None:
    """A date cell set "2025" / "TO" / "PRESENT" (the dates side by side, the connector under them) is read as
    "2025 PRESENT" / "TO": one range, dating the role below it."""
    text = """Kevin Dunmore
kevin@example.org

WORK EXPERIENCE
2025 PRESENT
TO
Owner, Principal Consultant at Dunmore Systems
• Deploy infrastructure for clients.
2021 2025
TO
Senior Infrastructure Engineer at Ctrl Harbor
• Ran the build infrastructure.
"""
    jobs = _parse(text).experience
    assert [(job.title, job.company, job.start, job.end) for job in jobs] == [
        ("Owner, Principal Consultant", "Dunmore Systems", "2025-01", "Present"),
        ("Senior Infrastructure Engineer", "Ctrl Harbor", "2021-01", "2025-12")]


def test_central_european_legal_forms_end_an_employers_name() -> None:
    """"Code Marketer s.r.o." over its web address and title: the full stop ends a Czech legal form, not a sentence,
    so the line is the employer's (and so are "Polbud sp. z o.o.", "Kodak Kft.", "Acme a.s.")."""
    text = """Radek Novak
radek@example.org

Experience
Robotron Datenbank GmbH
https://robotron.example.de
Splunk Developer
01/2019 → Present
- Built Splunk apps for energy management.
Code Marketer s.r.o.
https://codemarketer.example.cz
CEO / Full Stack Developer
05/2012 → 12/2018
- Founded the company.
Polbud sp. z o.o.
https://polbud.example.pl
Software Developer
10/2010 → 04/2012
- Wrote end-to-end tests.
"""
    assert [company for _, company in roles(_parse(text))] == [
        "Robotron Datenbank GmbH", "Code Marketer s.r.o.", "Polbud sp. z o.o."]


def test_a_themes_placeholder_for_a_missing_end_is_no_employer() -> None:
    """"Softwareentwickler  Apr 2014 — Invalid date" / "selbstständig": a JavaScript theme prints "Invalid date" (or
    "undefined NaN", or the zero time up to it, "0 months") where the end date had no value: no field of the header (the employer is the line below), and
    the role is still held, which is what a missing end means in the JSON the theme printed."""
    text = """Lukas Pichler
lukas@example.org

Experience
Softwareentwickler  Apr 2014 — Invalid date
selbstständig
• Front-end Web-Entwicklung mit JavaScript.
Head of Engineering  Jul 2020 - undefined NaN
Sand Technologies
• Led the platform team.
IT Kursleiter  April, 2012 - 0 months
SmartNinja
• Kurse zu Web-Entwicklung.
"""
    jobs = _parse(text).experience
    assert [(job.title, job.company, job.start, job.end) for job in jobs] == [
        ("Softwareentwickler", "selbstständig", "2014-04", "Present"),
        ("Head of Engineering", "Sand Technologies", "2020-07", "Present"),
        ("IT Kursleiter", "SmartNinja", "2012-04", "Present")]


def test_a_line_under_every_dated_title_set_in_a_look_of_its_own_is_the_employer() -> None:
    """"Mittelschullehrer  Oct 2015 — Mar 2016" / "NMS Kittsee" (grey italics) / "Mathematiklehrer
    (Karenzvertretung)" (body type): where every entry sets the line under its dated title in a look nothing else in
    the section has, that line is the header's, and a short body-type line above the next dated title is the entry
    before's description, not that entry's header."""
    header = {"size": 11.25, "bold": 0.5, "italic": 0.5, "colour": "#000000"}
    employer = {"size": 11.25, "italic": 1.0, "colour": "#555555"}
    body = {"size": 11.25, "colour": "#000000"}
    rows = [("Lukas Pichler", {"size": 24.0, "colour": "#000000"}), ("lukas@example.org", body),
            ("Experience", {"size": 13.5, "bold": 1.0, "colour": "#004687"}),
            ("IT Kursleiter  Apr 2016 — Mar 2019", header), ("SmartNinja", employer),
            ("Kursleiter zu den Themen Web Entwicklung", body),
            ("Mittelschullehrer  Oct 2015 — Mar 2016", header), ("NMS Kittsee", employer),
            ("Mathematiklehrer (Karenzvertretung)", body),
            ("Studienassistent, Tutor  Oct 2009 — Feb 2012", header), ("TU Wien", employer),
            ("Tutor für verschiedene Lehrveranstaltungen", body)]
    assert roles(_parse_set(rows)) == [("IT Kursleiter", "SmartNinja"), ("Mittelschullehrer", "NMS Kittsee"),
                              ("Studienassistent, Tutor", "TU Wien")]


def test_a_themes_placeholder_for_the_time_spent_sits_between_the_title_and_the_employer() -> None:
    """"Juil. 2020 - Invalid date" / "Head of Engineering & Platform" / "Dates invalides" / "Sand Technologies": where
    the theme prints the time spent ("2 ans 6 mois") it printed a placeholder, and the employer is still the line
    under it."""
    text = """Gareth Pienaar
gareth@example.org

EXPERIENCES PROFESSIONNELLES
Juil. 2020 - Invalid date
Head of Engineering & Platform
Dates invalides
Sand Technologies, EnterpriseAI
• Built a remote-first engineering capability.
Janv. 2018 - Juil. 2020
Director of Engineering
2 ans 6 mois
Jemstep by Invesco
• Led software delivery teams across 3 continents.
"""
    assert roles(_parse(text)) == [("Head of Engineering & Platform", "Sand Technologies, EnterpriseAI"),
                                    ("Director of Engineering", "Jemstep by Invesco")]


def test_a_large_title_wrapped_in_its_face_is_one_title_not_a_title_and_an_employer() -> None:
    """"Développeuse et chargée de mission" / "logiciels libres" (both set large and bold) / "DINUM" / dates: the
    second line starts in lower case, which no field does, so the two lines are one title; the same for a bracket
    closed two lines down ("Développeuse web (programme" / "\\"Volontariat International en" / "Entreprise\\")")."""
    title, employer = {"size": 16.4, "bold": 1.0, "colour": "#191e23"}, {"size": 10.5, "bold": 1.0, "colour": "#0073aa"}
    small, body = {"size": 10.5, "colour": "#6c7781"}, {"size": 10.5, "colour": "#191e23"}
    rows = [("Camille Rouvière", {"size": 28.0, "bold": 1.0, "colour": "#191e23"}), ("camille@example.org", body),
            ("Work", {"size": 20.5, "colour": "#6c7781"}),
            ("Développeuse et chargée de mission", title), ("logiciels libres", title), ("DINUM", employer),
            ("Aug 2022 – Present", small), ("• Développement du site institutionnel.", body),
            ("Développeuse web (programme", title), ('"Volontariat International en', title), ('Entreprise")', title),
            ("Nuxeo", employer), ("Aug 2016 – Jun 2017", small), ("• Développement d'une application.", body)]
    assert roles(_parse_set(rows)) == [("Développeuse et chargée de mission logiciels libres", "DINUM"),
                                        ('Développeuse web (programme "Volontariat International en Entreprise")', "Nuxeo")]


def test_a_timeline_that_says_who_was_joined_names_the_employer_and_a_finished_degree_is_no_role() -> None:
    """GitHub-profile timelines ("October 2022" / "Joined University of Toronto" / "Senior Software Engineer"): the
    verb is no part of the employer's name, "Finished 1 degree at John Bryce" dated among the roles is studies and
    "Started 1 project" a project."""
    text = """Karim El Haddad
karim@example.org

Experience
October 2022
Joined University of Toronto
Senior Software Engineer
• Built research software with the data science institute.
March 2020
Joined Kotn
Intermediate Software Developer
• Migrated the e-commerce site to a headless storefront.
January 2022
Started 1 project
Tram Delay Tracker
• A bot that reports tram delays.
September 2018
Finished 1 degree at John Bryce
• Full Stack Development
"""
    assert roles(_parse(text)) == [("Senior Software Engineer", "University of Toronto"),
                                    ("Intermediate Software Developer", "Kotn")]


def test_a_line_set_like_a_heading_under_a_lone_date_is_that_dates_entry_not_a_section() -> None:
    """"October 2022" / "Joined Kotn" (set larger than the body, like a heading no keyword names): no section opens
    under a date that would then belong to nothing, so the line is the entry's header and the roles stay in the
    work history."""
    heading, date = {"size": 8.0, "colour": "#24292e"}, {"size": 6.0, "bold": 1.0, "colour": "#24292e"}
    joined, title = {"size": 8.0, "colour": "#586069"}, {"size": 7.0, "colour": "#0366d6"}
    body = {"size": 6.0, "colour": "#586069"}
    rows = [("Karim El Haddad", {"size": 24.0, "bold": 1.0, "colour": "#24292e"}), ("karim@example.org", body),
            ("Experience", heading),
            ("October 2022", date), ("Joined University of Toronto", joined), ("Senior Software Engineer", title),
            ("• Built research software with the data science institute.", body),
            ("March 2020", date), ("Joined Kotn", joined), ("Intermediate Software Developer", title),
            ("• Migrated the e-commerce site to a headless storefront.", body),
            ("September 2015", date), ("Joined XYpper Technologies", joined), ("Full Stack Developer", title),
            ("• Built a site connecting shippers to truckers.", body),
            ("Education", heading), ("McGill University", title), ("2006 - 2010", date)]
    assert roles(_parse_set(rows)) == [("Senior Software Engineer", "University of Toronto"),
                                        ("Intermediate Software Developer", "Kotn"),
                                        ("Full Stack Developer", "XYpper Technologies")]


def test_a_heading_word_wrapped_off_a_title_in_loose_leading_keeps_the_roles_after_it() -> None:
    """"Temporary Assistant for Research and  2013" (mostly bold, the wrapped year regular) / "Teaching" (bold, as
    close under it as a theme with a line height of 1.7 sets its lines): "Teaching" names a section, but set like the
    title it ends and unlike the headings, it is that title's tail; the roles after it stay in the work history."""
    heading, header = {"size": 18.0, "gap": 33.7}, {"size": 12.0, "bold": 0.6, "gap": 33.0}
    title = {"size": 10.5, "bold": 1.0, "gap": 18.0}
    rows = [("Albert Villanueva", {"size": 26.0, "bold": 1.0, "gap": 0.0}), ("albert@example.org", {"size": 10.5, "gap": 20.0}),
            ("Work", heading),
            ("Open Groupe  Apr 2016 - Present", header), ("Data Scientist", title),
            ("Université de Montpellier  Nov 2012 - Sep 2013", header),
            ("Temporary Assistant for Research and", {"size": 10.5, "bold": 0.9, "gap": 15.0}), ("Teaching", title),
            ("CNRS  Nov 2009 - Oct 2012", header), ("Researcher", title),
            ("Instituto Superior Técnico  Jan 2007 - Jan 2009", header), ("Researcher", title),
            ("Education", heading), ("University of Valencia  Jan 2004 - Feb 2007", header),
            ("PhD in Theoretical Particle Physics", title)]
    assert [company for _, company in roles(_parse_set(rows))] == [
        "Open Groupe", "Université de Montpellier", "CNRS", "Instituto Superior Técnico"]


def test_a_ministry_after_the_titles_comma_is_the_employer_and_a_bracketed_aside_does_not_make_the_header_long() -> None:
    """"Ingénieure logiciel (programme "Entrepreneur d'Intérêt Général") , Ministère de la Culture" over its dates:
    the bracket is an aside, not prose that makes the line too long to be a header, and a ministry after the
    title's comma is the employer, not the title's specialty (the learned scorer reads "Culture" as one)."""
    text = """Camille Rouvière
camille@example.org

Expérience
Ingénieure logiciel (programme "Entrepreneur d'Intérêt Général ") , Ministère de la Culture (https://www.programmevitam.fr)
September 2020 — June 2021
- Immersion d'un an au sein du programme Vitam.
Data Scientist, Ministry of Health
March 2018 — August 2020
- Built the hospital capacity forecasts.
"""
    assert roles(_parse(text)) == [("Ingénieure logiciel (programme \"Entrepreneur d'Intérêt Général \")",
                                     "Ministère de la Culture"), ("Data Scientist", "Ministry of Health")]


def test_a_title_wrapped_round_the_time_spent_is_one_title_over_its_employer() -> None:
    """"Janv. 2015 - Janv. 2021 DevOps Engineer, Senior Network" / "6 ans" / "Engineer" / "KAYAK Software
    Corporation": the time spent, printed under the dates, was read between the title's halves; "Engineer" is the
    title's end, not the employer."""
    text = """Kevin Donnelly
kevin@example.org

EXPÉRIENCE
Janv. 2021 - Janv. 2025 Senior Infrastructure Engineer
4 ans
Ctrl IQ
• Led the build infrastructure.
Janv. 2015 - Janv. 2021 DevOps Engineer, Senior Network
6 ans
Engineer
KAYAK Software Corporation Concord, MA
• Managed production and corporate networks.
"""
    assert roles(_parse(text)) == [("Senior Infrastructure Engineer", "Ctrl IQ"),
                                    ("DevOps Engineer, Senior Network Engineer", "KAYAK Software Corporation")]


def test_titles_that_name_their_employer_after_at_keep_their_team_and_their_odd_first_word() -> None:
    """"Chrome for Android - Software Developer Intern at Google": the team before the title is the title's, the
    employer is after "at" (not "Chrome for Android"); "3D Graphics & Simulation Developer Intern at Vital
    Mechanics" opens with a digit, which a wrapped bullet's tail also does, but a title that names its employer
    after "at" is a header."""
    text = """Reed Hollis
reed@example.org
WORK EXPERIENCE
2018-05 TO 2018-07
Chrome for Android - Software Developer Intern at Google
• Redesigned and added new features to a tool used to analyze millions of files.
2018-01 TO 2018-04
3D Graphics & Simulation Developer Intern at Vital Mechanics
Simulates skin for visual effects and prototyping clothing
• Built a Typescript Electron client that interfaces with a C++ server.
"""
    assert roles(_parse(text)) == [("Chrome for Android - Software Developer Intern", "Google"),
                                    ("3D Graphics & Simulation Developer Intern", "Vital Mechanics")]


def test_several_titles_at_an_employer_are_a_header_however_long_or_lower_case() -> None:
    """"Architecte applicatif / Chef de projet éditorial API / Full Stack Devops at Le Figaro France" over its dates:
    several titles held at once make a long line, but the "at" and the name after it make it a header, not prose;
    and a title typed in lower case that names its employer after "at" is one too ("administrateur systèmes Unix /
    Devops at Wedia France")."""
    text = """Nabil Elouardi
nabil@example.org
WORK EXPERIENCE
Architecte applicatif / Chef de projet éditorial API / Full Stack Devops at Le Figaro France
SEP 2001 - NOW
- Mise en place de l'architecture de l'application de gestion des piges.
Responsable systèmes at Groupe Figaro France
SEP 2001 — SEP 2010
- Mise à jour du cluster de stockage et mise en place d'une ferme de virtualisation.
administrateur systèmes Unix / Devops at Wedia France
OCT 1997 — AUG 2001
Administration systèmes Unix sur différents sites de presse.
"""
    assert roles(_parse(text)) == [
        ("Architecte applicatif / Chef de projet éditorial API / Full Stack Devops", "Le Figaro France"),
        ("Responsable systèmes", "Groupe Figaro France"), ("administrateur systèmes Unix / Devops", "Wedia France")]


def test_a_themes_placeholder_after_a_numeric_start_is_a_role_still_held() -> None:
    """"HOMEADVISOR 03/2013 - INVALID DATE": a JavaScript theme's placeholder for the missing end, after a start
    written in numbers (or ISO form), dates a role still held, as it did after "Mar 2013"."""
    for start in ("03/2013", "2013-03"):
        resume = _parse(f"Jeremiah Holt\njeremiah@example.org\nEXPERIENCE\nHomeAdvisor {start} - INVALID DATE\n"
                        "Senior JavaScript Developer\n• Built the booking flow for the web team.\n"
                        "Hillside Software 01/2012 - 01/2013\nSoftware Developer\n• Built the mapping client.\n")
        assert [(j.start, j.end) for j in resume.experience] == [("2013-03", "Present"), ("2012-01", "2013-01")], start
        assert "HomeAdvisor" in (resume.experience[0].title, resume.experience[0].company)


def test_a_title_wrapped_after_a_linking_word_in_another_language_is_one_title() -> None:
    """"Especialista en Integraciones y" / "Analítica" over the employer: a line ending in "y" ("and") goes on below,
    as one ending in "and" does; the halves are not a title and an employer."""
    text = """Aníbal Cortés
anibal@example.com
Experiencia
Especialista en Integraciones y
Analítica
Hola Moda
May 2024 – Present
• Desarrollé un pipeline de datos para la ingesta de los envíos.
Ingeniero de backend
EWEX
Feb 2021 – Jul 2021
• Desarrollo de API REST y gestión de criptomonedas.
"""
    assert roles(_parse(text)) == [("Especialista en Integraciones y Analítica", "Hola Moda"),
                                    ("Ingeniero de backend", "EWEX")]


def test_an_employer_named_like_a_town_is_the_employer_where_the_header_names_no_other() -> None:
    """"Orange 2018 — 2018" / "IT Engineer": Orange is a town in the gazetteer, but a header whose other fields are
    titles alone names its employer there; the role does not take the previous role's employer. A town beside an
    employer that a comma or a legal form may hold stays a place."""
    text = """Marek Sobczak
marek@example.org
Work
Citizens Network Watchdog Poland 2013 — 2022
IT System Engineer
Highlights
Design and implementation of web applications for own needs organization
Orange 2018 — 2018
IT Engineer
Highlights
Analysis about process automation, system integration and BI reporting
Consultant Connect Ltd | Manchester | 2011 — 2013
Recruitment Consultant
"""
    assert roles(_parse(text)) == [("IT System Engineer", "Citizens Network Watchdog Poland"),
                                    ("IT Engineer", "Orange"), ("Recruitment Consultant", "Consultant Connect Ltd")]


def test_separators_inside_brackets_and_a_bracket_wrapped_onto_the_dated_line_keep_the_employer_whole() -> None:
    """"PIXELYNX (Berlin, Germany · Remote) | 2023-03-01 to 2024-08-28": the middle dot inside the brackets
    separates the place's parts, not two fields; "MUTEK, Frontière IA & transmediale (Montreal, Canada & Berlin," /
    "Germany) | 2018-03-31 to 2018-06-30": the bracket closed on the dated line was wrapped there. And a lone ISO
    start, where the other entries write ISO ranges, is a role still held ("Pollinations.AI | 2022-01-01")."""
    text = """Matthias Kern
matthias@example.org
Work
Founder & Machine Learning Specialist
Pollinations.AI (Berlin, Germany) | 2022-01-01
Founded and developed the open-source generative AI platform.
Senior Machine Learning Specialist
PIXELYNX (Berlin, Germany · Remote) | 2023-03-01 to 2024-08-28
Led the development of the generative AI platform Korus.
AI and Art Presenter & Performer
MUTEK, Frontière IA & transmediale (Montreal, Canada & Berlin,
Germany) | 2018-03-31 to 2018-06-30
Gave a talk on applications of AI in art at the conference.
"""
    resume = _parse(text)
    assert [(j.title, j.company and j.company.split(" (")[0], j.end) for j in resume.experience] == [
        ("Founder & Machine Learning Specialist", "Pollinations.AI", "Present"),
        ("Senior Machine Learning Specialist", "PIXELYNX", "2024-08"),
        ("AI and Art Presenter & Performer", "MUTEK, Frontière IA & transmediale", "2018-06")]
    assert latest_job(resume).title == "Founder & Machine Learning Specialist"


def test_an_odd_cased_employer_set_larger_than_the_description_above_heads_its_entry() -> None:
    """"go2UBL" in the employers' 10.5 pt, right under the previous entry's description in 8 pt that does not end its
    sentence: set larger, it is the next entry's employer, not the description's last word."""
    employer, dated, body = {"size": 10.5, "gap": 24.7}, {"size": 9.0, "gap": 15.0}, {"size": 8.1, "gap": 16.5}
    rows = [("Rik Vennegoor", {"size": 24.0, "bold": 1.0, "gap": 0.0}), ("rik@example.org", {"size": 9.0}),
            ("Work", {"size": 14.0, "bold": 1.0, "gap": 30.0}),
            ("Studentaanhuis", employer), ("Computer Consultant Dec 2013 - Feb 2016", dated),
            ("Side job as computer consultant, performing house visits to fix software related problems for clients",
             body),
            ("go2UBL", employer), ("Junior Software Engineer Jun 2015 - Sep 2015", dated),
            ("Temporary summer job. Added extra functionalities to the platform.", body),
            ("ASVA studentenunie", employer), ("Webdeveloper Jun 2015 - Aug 2015", dated),
            ("Education", {"size": 14.0, "bold": 1.0, "gap": 30.0})]
    assert roles(_parse_set(rows)) == [("Computer Consultant", "Studentaanhuis"),
                                        ("Junior Software Engineer", "go2UBL"), ("Webdeveloper", "ASVA studentenunie")]


def test_a_title_wrapped_in_the_titles_face_is_one_title_and_no_heading() -> None:
    """"Lead Technical Writer and Technical" / "Editor", set large and bold over the employer in its own face:
    "technical" names a skills section and "Editor" is capitalised, but the two lines run on as a paragraph's do,
    in the face every other entry gives its one-line title, so they are one title, and the roles after them stay
    in the work history."""
    title, employer, dates = {"size": 16.4, "bold": 1.0, "gap": 37.5}, {"size": 10.5, "bold": 1.0, "gap": 18.7,
                                                                       "colour": "#6c7781"}, {"size": 10.5, "gap": 15.7}
    rows = [("Jerome Paul", {"size": 30.0, "bold": 1.0, "gap": 0.0}), ("jerome@example.org", {"size": 10.5}),
            ("Work", {"size": 20.5, "gap": 40.0, "colour": "#6c7781"}),
            ("Manager- Information Experience", title), ("Genesys Telecom Labs", employer),
            ("Jan 2017 – Jan 2025", dates), ("Led a team of technical writers and editors.", {"size": 10.5, "gap": 21.7}),
            ("Lead Technical Writer and Technical", title), ("Editor", {**title, "gap": 24.7}),
            ("Light & Wonder", employer), ("Jan 2006 – Jan 2017", dates),
            ("Technical Writer", title), ("Wipro Technologies", employer), ("Jan 2004 – Jan 2006", dates),
            ("Education", {"size": 20.5, "gap": 50.0, "colour": "#6c7781"}),
            ("Human Factors International", {"size": 10.5})]
    assert roles(_parse_set(rows)) == [
        ("Manager- Information Experience", "Genesys Telecom Labs"),
        ("Lead Technical Writer and Technical Editor", "Light & Wonder"), ("Technical Writer", "Wipro Technologies")]


def test_a_label_over_a_list_is_the_entrys_body_and_a_connector_under_a_joined_range_is_dropped() -> None:
    """"Projects: NOS nieuws, Jeugdjournaal & Teletekst" right above the next dated title is what the role worked
    on, not the next role's employer; "2009-08 PRESENT" / "TO": the connector a date column prints under its two
    dates belongs to the range, not to the header under it; and "REDITUS, SA" is an employer with its legal form,
    not a town in a state called SA."""
    timeline = """Rik Vennegoor
rik@example.org
WORK EXPERIENCE
Android Software Engineer 2019 - Present
NOS
Projects: NOS nieuws, Jeugdjournaal & Teletekst
Android Software Engineer 2017 - 2019
Accenture Interactive Amsterdam
Clients: Grandvision, Plus Supermarkten & de Nationale Politie
(Java) Teaching Assistant 2016 - 2017
Amsterdam University of Applied Sciences
"""
    assert [company for _, company in roles(_parse(timeline))] == [
        "NOS", "Accenture Interactive Amsterdam", "Amsterdam University of Applied Sciences"]
    column = """Carlos Mendez
carlos@example.org
WORK EXPERIENCE
2009-08 PRESENT
TO
Propietario at Fusivo LLC
Fundé Fusivo LLC como vehículo de consultoría corp-to-corp para contratar con
Savoir Technologies en proyectos de desarrollo back-end.
2019-08 2024-03
TO
Consultor de Software at Cengage Group
Cengage Group atiende aproximadamente a 16 millones de usuarios digitales al año
interoperabilidad de herramientas entre plataformas.
"""
    assert roles(_parse(column)) == [("Propietario", "Fusivo LLC"), ("Consultor de Software", "Cengage Group")]
    legal = _parse("Marcio Tavares\nmarcio@example.org\nWork Experience\nREDITUS, SA\nEngenheiro de Software Senior\n"
                   "2020 - Present\nO trabalho na equipa permite-me trabalhar com grandes clientes.\n")
    assert roles(legal) == [("Engenheiro de Software Senior", "REDITUS, SA")]


def test_a_projects_experience_heading_keeps_the_projects_out_of_the_work_history() -> None:
    """"Projects Experience": a heading of two heading words names the projects (it is no "Projects" heading
    glued to an entry named "Experience", which had put the projects under a second work history)."""
    text = """Colby Hart
colby@example.com
Work Experience
Senior AI/ML Engineer
Frame Payments | Oct 2025 - Present
• Shipped document intelligence for merchant onboarding.
Founder, Chief Technology Officer
SandLabs | Jun 2021 - Mar 2022
• Built the data platform.
Projects Experience
Personal Website: c4h.dev
Nov 2018 - Present
Built an accessible, performant, type-safe personal web app and blog.
NBA Basketball Database
Apr 2021 - Jun 2021
Democratized access to sports analytics insights by open-sourcing a dataset.
"""
    resume = _parse(text)
    assert roles(resume) == [("Senior AI/ML Engineer", "Frame Payments"),
                             ("Founder, Chief Technology Officer", "SandLabs")]
    assert "projects" in {s.name for s in resume.sections}


def test_a_title_opening_with_a_digit_word_under_its_employers_dates_is_the_title() -> None:
    """"Vital Mechanics 01/2018 - 04/2018" / "3D Graphics & Simulation Developer Intern": a line opening with a digit
    is usually a wrapped bullet's tail, but a short one ending in a job title's word is the title."""
    text = """Reed Hollis
reed@example.org
Experience
Google 05/2018 - 07/2018
Software Developer Intern
• Redesigned and added new features to a tool used to analyze millions of files.
Vital Mechanics 01/2018 - 04/2018
3D Graphics & Simulation Developer Intern
• Built a Typescript Electron client that interfaces with a C++ server.
"""
    assert roles(_parse(text)) == [("Software Developer Intern", "Google"),
                                    ("3D Graphics & Simulation Developer Intern", "Vital Mechanics")]


def test_a_date_that_ends_a_bullets_sentence_is_no_entry() -> None:
    """"• Started with Siemens HS which was acquired by Cerner Corporation effective" / "February 2015.": the date
    closes the bullet's sentence; it opens no role of its own."""
    text = """Austin Moody
austin@example.org
Experience
Software Architect, Cerner
May 2013 - Dec 2016
• Started with Siemens HS which was acquired by Cerner Corporation effective
February 2015.
• Developed a process to migrate CCD data between platforms.
Senior Lead Technical Services Engineer, GE Healthcare
Jan 2011 - May 2013
• Led the technical services team.
"""
    assert roles(_parse(text)) == [("Software Architect", "Cerner"),
                                    ("Senior Lead Technical Services Engineer", "GE Healthcare")]


def test_an_employer_in_bold_wrapped_in_its_face_is_one_employer_by_the_sections_habit() -> None:
    """"Amsterdam University of Applied" / "Sciences" in bold at the body's size, over the title in regular type:
    every other entry sets its employer on one bold line, so the two lines are one employer wrapped."""
    employer, title = {"size": 10.5, "bold": 1.0, "gap": 22.5}, {"size": 10.5, "gap": 15.0}
    rows = [("Rik Vennegoor", {"size": 24.0, "bold": 1.0, "gap": 0.0}), ("rik@example.org", {"size": 10.5}),
            ("Work", {"size": 14.0, "bold": 1.0, "gap": 30.0}),
            ("NOS", employer), ("Android Software Engineer", title), ("Apr 2019 - Present", title),
            ("Accenture Interactive Amsterdam", employer), ("Android Software Engineer", title),
            ("Sep 2017 - Mar 2019", title),
            ("Amsterdam University of Applied", employer), ("Sciences", {**employer, "gap": 15.7}),
            ("(Java) Teaching Assistant", title), ("Feb 2016 - Jan 2017", title),
            ("Studentaanhuis", employer), ("Computer Consultant", title), ("Dec 2013 - Feb 2016", title),
            ("Education", {"size": 14.0, "bold": 1.0, "gap": 30.0})]
    assert [company for _, company in roles(_parse_set(rows))] == [
        "NOS", "Accenture Interactive Amsterdam", "Amsterdam University of Applied Sciences", "Studentaanhuis"]


def test_a_sentence_naming_a_role_under_each_date_does_not_put_the_headers_below_the_dates() -> None:
    """Title / "Employer · what it does" / dates / place / a description opening with a sentence that names a
    role ("Contributed as a senior engineer within ..."): the headers are above the dates, so each role keeps its
    title (and its employer) rather than taking the place line under its dates for the employer."""
    text = """Noor Haddad
noor@example.org
Work
Senior Software Engineer
Tallwood · Building the grocery experience of tomorrow.
Nov 2020 – Nov 2021
Lisbon/Remote
Contributed as a senior engineer within a distributed product group,
shipping dashboards and serverless APIs for several client projects.
Senior Mobile Engineer
Quayside · A loyalty and payments app for many brands
Aug 2018 – Jun 2020
Porto/Remote
As a key mobile engineer, I led a React Native application to its
production launch and mentored two junior developers.
Marrowfield
A studio of developers and designers building web and mobile apps.
Full-Stack Engineer
Jan 2017 – Jul 2018
Porto/Remote
As a full-stack engineer, I took over the backend and its deployment.
Frontend Engineer
Mar 2016 – Dec 2016
Porto/Remote
As a frontend specialist, I built and optimised responsive user
interfaces for agencies and their clients.
Founder/CTO
Cobalt Lane · A web and mobile consultancy
May 2014 – Feb 2016
Remote
Founded a small consultancy. As CTO, I led its delivery.
Education
BSc Computer Science, University of Porto, 2014"""
    read = roles(_parse(text))
    assert [title for title, _ in read] == ["Senior Software Engineer", "Senior Mobile Engineer", "Full-Stack Engineer",
                                            "Frontend Engineer", "Founder/CTO"]
    assert [read[n][1] for n in (0, 1, 4)] == ["Tallwood", "Quayside", "Cobalt Lane"]


def test_an_employers_description_wrapped_over_the_dates_leaves_the_employer_and_title_above_it() -> None:
    """"Arquitecta de Soluciones" / "Veloza · Veloza.com es un portal web dedicado a ofrecer seguros" / two more
    lines of that description / dates: the lines the description ran onto name no field, and the header is the
    title and the employer above them (the employer set bold, its description not). A dash is no such separator."""
    title, body = {"size": 16.0, "bold": 1.0, "gap": 30.0}, {"size": 10.5, "gap": 15.0}
    employer = {"size": 10.5, "bold": 0.8, "gap": 18.0}
    rows = [("Lucía Ferrán", {"size": 24.0, "bold": 1.0, "gap": 0.0}), ("lucia@example.org", body),
            ("Work", {"size": 20.0, "gap": 40.0}),
            ("Arquitecta de Soluciones", title),
            ("Veloza · Veloza.com es un portal web dedicado a ofrecer seguros", employer),
            ("de daños a terceros y cobertura completa desde una plataforma", body), ("fiable y segura.", body),
            ("Dec 2022 – Apr 2024", body), ("Ciudad de Panamá, Panamá", body),
            ("Lideré el proyecto de expansión internacional de la empresa.", body),
            ("Pasante de investigación", title),
            ("Laboratorio Norte de Sistemas · Grupo de", employer),
            ("investigación de la universidad especializado en IoT,", body),
            ("sensores, drones y más.", body),
            ("Sep 2021 – Dec 2021", body), ("Salamanca, España", body),
            ("Desarrollo de un sistema de control del riego.", body),
            # A title joined to its team by a dash and wrapped onto the employer's line is no employer's tagline.
            ("Associate III, Senior Software Engineer — Data", {"size": 10.5, "bold": 1.0, "gap": 30.0}),
            ("Integrations, Harrowgate Bank & Co.", {"size": 10.5, "bold": 0.4, "gap": 15.0}),
            ("May 2018 – Aug 2021", body), ("Engineered data pipelines for trading and risk.", body),
            ("Education", {"size": 20.0, "gap": 40.0})]
    read = roles(_parse_set(rows))
    assert read[:2] == [("Arquitecta de Soluciones", "Veloza"),
                        ("Pasante de investigación", "Laboratorio Norte de Sistemas")]
    assert "Harrowgate Bank & Co." in (read[2][1] or "")


def test_an_employer_whose_name_ends_in_a_stray_full_stop_is_still_the_employer() -> None:
    """"Norvale Soluções em Informática. / Mar 2007 – Jun 2007": a name in title case with a full stop after it is
    no sentence, so it is this role's employer (not the one above carried down)."""
    text = """Marta Quental
marta@example.org
Experiência
Programador Delphi
Tavessa Sistemas / Jul 2007 – Mar 2008
Desenvolvimento de produtos para fundos de investimentos em Delphi e Transact-SQL.
• Manutenção dos módulos de apuração
Programador Delphi
Norvale Soluções em Informática. / Mar 2007 – Jun 2007
Desenvolvimento e manutenção do produto para previdência privada em Delphi e PL/SQL.
• Relatórios em Oracle
Educação
Licenciatura em Informática, 2006"""
    assert [company for _, company in roles(_parse(text))] == ["Tavessa Sistemas", "Norvale Soluções em Informática."]


def test_an_employer_line_ending_in_a_stray_full_stop_heads_the_role_under_it() -> None:
    """The same name on a line of its own over the title and the years: still the employer's line."""
    text = """Marta Quental
marta@example.org
Experiência
Tavessa Sistemas
Programador Delphi
2007 - 2008
Desenvolvimento de produtos para fundos de investimentos em Delphi e Transact-SQL.
Norvale Soluções em Informática.
Programador Delphi
2006 - 2007
Desenvolvimento e manutenção do produto para previdência privada em Delphi e PL/SQL.
Educação
Licenciatura em Informática, 2006"""
    assert [company for _, company in roles(_parse(text))] == ["Tavessa Sistemas", "Norvale Soluções em Informática."]


def test_an_odd_cased_employer_over_its_web_address_heads_the_role_under_it() -> None:
    """"go2UBL" in bold / its web address / dates / title, after the last words of the role above (no full stop):
    the address between the name and the dates is skipped, as the header's search skips it, and the bold name is
    the employer."""
    employer, body = {"size": 10.5, "bold": 1.0, "gap": 30.0, "x": 48.0}, {"size": 10.5, "gap": 15.0, "x": 48.0}
    rows = [("Rik Vennegoor", {"size": 24.0, "bold": 1.0, "gap": 0.0}), ("rik@example.org", body),
            ("Work", {"size": 14.0, "bold": 1.0, "gap": 30.0}),
            ("Studentaanhuis", employer), ("2013-12-01 - 2016-02-29", body), ("Computer Consultant", body),
            ("Side job as computer consultant, fixing", {"size": 10.5, "gap": 26.0}),
            ("software related problems for clients", {"size": 10.5, "gap": 15.0}),
            ("tellaXo", employer), ("https://www.example.com/company/5098997", body),
            ("2015-06-30 - 2015-09-30", body), ("Junior Software Engineer", body),
            ("Temporary summer job. Added extra features.", {"size": 10.5, "gap": 26.0}),
            ("Education", {"size": 14.0, "bold": 1.0, "gap": 30.0})]
    assert roles(_parse_set(rows)) == [("Computer Consultant", "Studentaanhuis"),
                                       ("Junior Software Engineer", "tellaXo")]


def test_an_employer_spelt_out_in_brackets_and_wrapped_is_no_prose() -> None:
    """"Analista TI e Ingeniero de Desarrollo , INAF (Instituto Nacional de Análisis y" / "Prevención de Fraude)"
    in part bold over the dates: the organisation's name in brackets has linking words in lower case, but the
    header is no sentence, so the role keeps its title and employer."""
    header, body, dates = {"size": 12.0, "bold": 0.46, "gap": 40.0}, {"size": 12.0, "gap": 12.7}, {"size": 10.2,
                                                                                                     "gap": 22.5}
    rows = [("Andrés Ferrán", {"size": 24.0, "bold": 1.0, "gap": 0.0}), ("andres@example.org", body),
            ("Experiencia", {"size": 16.0, "bold": 1.0, "gap": 30.0}),
            ("Desarrollador Backend , Canal Sur Digital", header), ("July 2019 — September 2021 2 years", dates),
            ("Soluciones backend para proveer contenidos a la app.", {**body, "gap": 22.0}),
            ("- Stack: Java, Spring Boot, Maven, JSF, PrimeFaces, JavaScript, Materialize, Android", body),
            ("Analista TI e Ingeniero de Desarrollo , INAF (Instituto Nacional de Análisis y", header),
            ("Prevención de Fraude)", body), ("February 2017 — March 2018 a year", dates),
            ("Ejecución de soluciones tecnológicas en cada ciclo de desarrollo.", {**body, "gap": 22.0}),
            ("Educación", {"size": 16.0, "bold": 1.0, "gap": 30.0})]
    assert roles(_parse_set(rows))[1] == (
        "Analista TI e Ingeniero de Desarrollo", "INAF (Instituto Nacional de Análisis y Prevención de Fraude)")


def test_a_contact_block_read_in_before_a_role_is_not_its_employer() -> None:
    """A sidebar's contact lines read between two pages, right over "Director of Information Technologies 2003 -
    2012" / "Harbour Action Committee of the Lehigh Valley, Bethlehem, PA, USA": an email address or a phone number
    alone on its line is no field of a role's header, so the employer is the line under the dates."""
    text = """Marcus Delgado
Experience
Technical Support Engineer 2012 - 2013
Faxline Solutions, Inc., Allentown, PA, USA
Supported enterprise fax servers for 300 customers.
marcus.delgado@example.org
+1 358 225-7715
example.org/mdelgado
Director of Information Technologies 2003 - 2012
Harbour Action Committee of the Lehigh Valley, Bethlehem, PA, USA
Ran the IT of a non-profit with twelve sites.
Education
BSc Information Systems, 2003"""
    assert roles(_parse(text))[1] == (
        "Director of Information Technologies", "Harbour Action Committee of the Lehigh Valley")


def test_employer_colon_title_names_both() -> None:
    """"Brightwater Consulting: Senior Consultant (2017 – 2020)": the name before the colon is the employer and
    the title after it the role's title; a label's colon ("Client: Globex") still names no title."""
    text = """Jane Roe
jane@example.org
Experience
Quarry Analytics: Lead Data Engineer (2020 – Present)
Built the data platform.
Brightwater Consulting: Senior Consultant (2017 – 2020)
Advised retailers on pricing models.
Education
BSc Mathematics, 2016"""
    assert roles(_parse(text)) == [("Lead Data Engineer", "Quarry Analytics"),
                                   ("Senior Consultant", "Brightwater Consulting")]


def test_a_title_specialty_after_its_dash_then_the_employer_and_its_place() -> None:
    """"Staff Engineer – Search Platform, Quarry Labs, Austin, TX": the field after the title's dash is what the
    title covers, and the employer is the name after its comma (the place after that)."""
    text = """Jane Roe
jane@example.org
Experience
Registered Nurse – Intensive Care Unit, Denver Health Partners, Denver, CO (2016 – 2020)
Cared for twelve ICU beds a shift.
Staff Engineer – Search Platform, Quarry Labs, Austin, TX (2012 – 2016)
Ran the ranking service.
Education
BSc Nursing, 2010"""
    assert roles(_parse(text)) == [("Registered Nurse – Intensive Care Unit", "Denver Health Partners"),
                                   ("Staff Engineer – Search Platform", "Quarry Labs")]
    # After the comma a place, not a name: the field after the dash is the employer.
    chef = text.replace("Staff Engineer – Search Platform, Quarry Labs, Austin, TX", "Sous Chef – The Copper Kettle, "
                        "Edinburgh")
    assert roles(_parse(chef))[1] == ("Sous Chef", "The Copper Kettle")


def test_a_large_title_that_ran_to_the_columns_edge_goes_on_below_whatever_its_case() -> None:
    """"Head of Machine Learning Engineering & Data Platform" / "Infrastructure": a title in a large face that ran to
    the column's edge (no room left for "Infrastructure") wrapped there, so the capitalised tail is the title's, not
    the employer's. A title that ended with room to spare ("Staff Engineer" over "Orchard Mobile", in the same
    face) ended by choice: two fields. The edge is where the body's lines end (`StyledLine.right`)."""
    body = {"size": 10.0, "right": 548.0}
    large = {"size": 16.0, "bold": 1.0, "gap": 24.0}
    resume = _parse_set([
        ("Alex Moreno", {"size": 22.0, "bold": 1.0, "right": 200.0}),
        ("Experience", {"size": 13.0, "bold": 1.0, "gap": 30.0, "right": 120.0}),
        ("Head of Machine Learning Engineering & Data Platform", {**large, "right": 545.0}),
        ("Infrastructure", {**large, "right": 150.0}),
        ("Meridian Payments", {"size": 10.0, "bold": 1.0, "gap": 18.0, "right": 140.0}),
        ("Jun 2020 – Present", {"size": 10.0, "right": 130.0}),
        ("Leads the ranking, forecasting and platform teams, 31 engineers in four time zones", {**body}),
        ("across two product lines, and the model review that every launch passes through", {"size": 10.0,
                                                                                              "right": 545.0}),
        ("Staff Engineer", {**large, "gap": 30.0, "right": 150.0}),
        ("Orchard Mobile", {**large, "right": 150.0}),
        ("Mar 2016 – May 2020", {"size": 10.0, "right": 135.0}),
        ("Built the feature store used by twelve product teams and cut model launch time", {"size": 10.0,
                                                                                             "right": 540.0}),
        ("from six weeks to nine days; ran the on-call rotation for the serving platform", {"size": 10.0,
                                                                                            "right": 536.0}),
    ])
    assert roles(resume) == [("Head of Machine Learning Engineering & Data Platform Infrastructure",
                              "Meridian Payments"), ("Staff Engineer", "Orchard Mobile")]


def test_a_lines_right_edge_comes_from_its_fonts_widths(settings) -> None:
    """Two lines of as many characters end far apart in a proportional font (Helvetica: W 0.944 em, i 0.222 em);
    character spacing (Tc) and a TJ array's pen moves count as the pen moved. What `StyledLine.right` reports, so a
    wrap can be told from a field that ended early."""
    from assistant.resume.intake import read_pdf
    from tests import pdfs

    content = b"\n".join([
        b"BT /F1 12 Tf 72 700 Td (Wide WWWW MMMM) Tj ET",
        b"BT /F1 12 Tf 72 680 Td (Thin iiii llll) Tj ET",
        b"BT /F1 12 Tf 2 Tc 72 660 Td [(Spaced) -500 (out)] TJ ET",
    ])
    widths = {line.text: line.right - line.x for line in read_pdf(pdfs.raw_text_pdf(content), settings).styled_lines}
    # Helvetica's widths (thousandths of an em) times 12 pt; the last line adds 9 glyphs x 2 pt and a 0.5 em move.
    assert widths["Wide WWWW MMMM"] == pytest.approx(9942 * 12 / 1000, abs=0.5)
    assert widths["Thin iiii llll"] == pytest.approx(4277 * 12 / 1000, abs=0.5)
    assert widths["Spaced out"] == pytest.approx(4781 * 12 / 1000 + 9 * 2 + 6, abs=0.5)


def test_a_browser_prints_right_edges_match_a_second_reader(settings) -> None:
    """A Chromium print embeds its fonts as composite (Type0, Identity-H) fonts, read two bytes a glyph: the right
    edges match what poppler's pdftotext -bbox-layout reports for the same lines (measured once, to 0.1 pt)."""
    from tests.support.resume_fixtures import layout_pdf

    right = {line.text: line.right for line in layout_pdf("compact_table", settings).styled_lines}
    poppler = {"Harbor Mutual Insurance": 197.3, "Kestrel Systems": 151.9, "Data Scientist": 309.5,
               "Software Engineer": 334.2}
    assert {text: right[text] for text in poppler} == pytest.approx(poppler, abs=1.0)


def test_a_font_with_broken_widths_or_an_odd_operand_still_reads(settings) -> None:
    """Widths are a hint: a font whose /FirstChar is a name (pypdf warns and reads on), or a TJ array with a name in
    it, leaves the text as it was read and the right edge estimated from the character count."""
    from assistant.resume.intake import read_pdf
    from tests import pdfs

    broken = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar /Oops"
              b" /LastChar 34 /Widths [278 355 556] >>")
    content = b"BT /F1 12 Tf 72 700 Td (Staff Engineer) Tj ET\nBT /F1 12 Tf 72 680 Td [(Meridian) /Odd (Payments)] TJ ET"
    for font in (broken, None):
        data = pdfs.raw_text_pdf(content, font) if font else pdfs.raw_text_pdf(content)
        lines = read_pdf(data, settings).styled_lines
        assert [line.text for line in lines][:1] == ["Staff Engineer"]
        assert all(line.right > line.x for line in lines)



def test_a_heading_the_reader_does_not_know_over_the_first_role_is_not_its_employer() -> None:
    """"What I did" over the first of roles that are all laid out "Title" / "Employer  dates" was one more header
    line, read as the first role's employer. The other roles show the layout: each has one line above its dates,
    naming a title, and an employer beside them; the first has one more on top, which names no title, no date and
    no legal form. An employer heading its roles stays theirs: there the later roles name no employer."""
    unknown = """Dana Fox
dana@example.org

Summary
ML leader with twelve years of ranking systems.

What I did
Director of Machine Learning
Meridian Payments  Mar 2020 - Present
- Led four teams.
Senior Machine Learning Engineer
Orchard Mobile  Jan 2016 - Feb 2020
- Built the feature store.
"""
    assert roles(_parse(unknown)) == [("Director of Machine Learning", "Meridian Payments"),
                                      ("Senior Machine Learning Engineer", "Orchard Mobile")]
    grouped = """Dana Fox
dana@example.org

Experience
Meridian Payments
Director of Machine Learning
Mar 2020 - Present
- Led four teams.
Senior Machine Learning Engineer
Jan 2016 - Feb 2020
- Built the feature store.
"""
    assert [company for _, company in roles(_parse(grouped))] == ["Meridian Payments", "Meridian Payments"]


def test_a_place_under_each_bold_header_teaches_nothing_about_how_employers_are_set() -> None:
    """"Employer — Title" in bold with the dates beside it, the place on the line below ("Toulouse, France",
    "Remote · Thailand"): the places are no employers, so they teach no lesson that the bold line is the title and
    the plain one the employer; the bold line is split at its dash, and its dates never join a field."""
    bold, plain = {"size": 11.0, "bold": 0.62}, {"size": 11.0}
    resume = _parse_set([
        ("Professional Experience", {"size": 13.0, "bold": 1.0}),
        ("Independent Consultant — Senior Software Engineer July 2024 – present", bold),
        ("Remote · Thailand", plain), ("Leading development of open-source AI infrastructure.", plain),
        ("• Architected and deployed a self-hosted RAG platform.", plain),
        ("Jolibrain — Senior Software Engineer May 2018 – June 2024", bold), ("Toulouse, France", plain),
        ("• Architected the platform UI for 40 enterprise clients.", plain),
        ("Legodata — Senior Ruby Developer Jan 2009 – Jan 2011", bold), ("Toulouse, France", plain),
        ("• Developed the event platform with a cultural magazine.", plain),
    ])
    roles = [(job.title, job.company) for job in resume.experience]
    assert roles[1:] == [("Senior Software Engineer", "Jolibrain"), ("Senior Ruby Developer", "Legodata")]
    assert roles[0][0] == "Senior Software Engineer" and roles[0][1] not in ("Thailand", "Remote")
    assert not any(re.search(r"\d{4}", field or "") for role in roles for field in role)


def test_a_field_of_study_in_an_education_entry_is_no_job_title() -> None:
    # "Computer Engineering" names a field, not a role: the schooling under Education stays schooling.
    resume = _parse(
        "Experience\nSenior Engineer, Globex\nJan 2015 - Present\n• Built the ranking platform\n"
        "Engineer, Initech\nMar 2010 - Dec 2014\n• Wrote the billing service\n"
        "Education\nState Polytechnic — Computer Engineering Sept 2006 – June 2010\n"
        "Lakeside Institute — Software Engineering Sept 2004 – June 2006\n"
    )
    assert [job.company for job in resume.experience] == ["Globex", "Initech"]


def test_a_date_column_stacking_each_roles_end_over_its_start_beside_two_lines() -> None:
    """A table's left column holds each role's end over its start ("Nov 2021" over "Jul 2021"), beside the header
    and the sector line under it; no dash joins them. Each pair is one range, so each role is read once, with its
    span, not as two roles begun on two dates."""
    resume = _parse(
        "Experiência\nNov 2021 Tech Lead na Nova Escola\nJul 2021 Educação\nCriei scripts de importação\n"
        "Jul 2021 Desenvolvedor Backend na Coteminas\nSet 2019 Mercado de roupas de cama\nCriei microserviços\n"
        "Set 2019 Desenvolvedor Java na PagueMob\nMar 2018 Software House\nCriei relatórios de BI\n"
    )
    assert [(job.start, job.end) for job in resume.experience] == [
        ("2021-07", "2021-11"), ("2019-09", "2021-07"), ("2018-03", "2019-09")]


def test_a_timelines_year_and_dot_before_each_header_do_not_make_it_a_dated_line() -> None:
    """A timeline down the margin prints a year and a dot before each header, the range on the line under it: the
    header is the role's title and employer, not the sector line beside the range."""
    resume = _parse(
        "Work Experience\n2019 • Embedded Linux Platform Engineer @ Cogent Embedded\n"
        "Embedded automotive software / 2018 – 2019\n· Maintained Yocto layers\n"
        "2016 • Embedded Linux Engineer @ Protei\nTelecommunications solutions / 2016 – 2018\n· Ported drivers\n"
    )
    assert [(job.title, job.company) for job in resume.experience] == [
        ("Embedded Linux Platform Engineer", "Cogent Embedded"), ("Embedded Linux Engineer", "Protei")]


@pytest.mark.parametrize("unit", ["Department of Aerospace Engineering", "School of Engineering, Northfield",
                                  "Facultad de Ingeniería"])
def test_an_organisations_unit_under_the_title_is_the_employer_whatever_its_field_is_called(unit: str) -> None:
    jobs = _parse(f"Experience\nNetwork Engineer\nGlobex Telecom, Mumbai, India | July 2014 – January 2017\n"
                  f"• Moved the core network to 4G.\nProject Intern\n{unit}, Bangalore, India | Dec 2013\n"
                  "• Wrote image processing code for flight data.\n").experience
    assert [j.title for j in jobs] == ["Network Engineer", "Project Intern"]
    assert jobs[1].company is not None and jobs[1].company.startswith(unit.split(",")[0])


@pytest.mark.parametrize(("date", "start"), [("Winter\n2013", "2013-12"), ("May\n2013", "2013-05")])
def test_a_headers_single_date_wrapped_between_its_month_and_year_dates_the_role(date: str, start: str) -> None:
    jobs = _parse("Experience\nNetwork Engineer\nGlobex Telecom, Mumbai, India | July 2014 – January 2017\n"
                  f"• Moved the core network to 4G.\nProject Intern\nNorthfield Aero Lab, Bangalore, India | {date}\n"
                  "• Wrote image processing code for flight data.\n").experience
    assert [(j.title, j.start) for j in jobs] == [("Network Engineer", "2014-07"), ("Project Intern", start)]


def test_a_definition_list_printed_as_a_table_names_the_current_roles_fields_and_its_joining_date_leaves_it_open(
        ) -> None:
    # pandoc's definition list through a résumé stylesheet: label | value rows, and the date the candidate joined.
    jobs = _parse("Situación Profesional Actual\nPuesto | Bioinformático\nOrganismo | Universidad de Oviedo\n"
                  "Fecha de incorporación 2 de Abril de 2012\nA lo largo de estos años he desarrollado pipelines.\n"
                  "Actividades Anteriores\n2009 - 2010 Fundación Prodintec\nTécnico en el Área de Producción.\n"
                  "2007 - 2008 European Centre for Soft Computing\nInvestigador Postdoctoral.\n").experience
    assert (jobs[0].title, jobs[0].company, jobs[0].start, jobs[0].end) == (
        "Bioinformático", "Universidad de Oviedo", "2012-04", "Present")
    assert len(jobs) == 3


def test_a_list_of_employers_with_their_years_in_brackets_is_a_list_of_roles() -> None:
    # An "Internships" or "Earlier roles" list: each item a role, its employer (or title and employer) and year.
    jobs = _parse("Experience\nSenior Engineer, Globex  2018 – Present\n• Built the platform\nInternships\n"
                  "• Northwind (2014)\n• Initech (2013)\n• WebCore Technologies (Spring 2012)\n"
                  "• Developer, Umbrella Labs (2010 - 2011)\n").experience
    assert [(j.title, j.company, j.start) for j in jobs] == [
        ("Senior Engineer", "Globex", "2018-01"), (None, "Northwind", "2014-01"), (None, "Initech", "2013-01"),
        (None, "WebCore Technologies", "2012-03"), ("Developer", "Umbrella Labs", "2010-01")]


def test_achievements_dated_in_brackets_under_a_role_stay_its_bullets() -> None:
    for text in ("Experience\nSenior Engineer, Globex  2018 – Present\n• Built the platform\n"
                 "• Promoted to Staff (2021)\n• Speaker at NeurIPS (2020)\nEngineer, Initech  2014 – 2018\n• Ran CI\n",
                 "Experience\n2018 – Present\nGlobex\n• Promoted to Staff (2021)\n• Speaker at NeurIPS (2020)\n"):
        jobs = _parse(text).experience
        assert [j.company for j in jobs] == ["Globex", "Initech"][:len(jobs)] and len(jobs) == text.count("–")
        assert "Promoted to Staff (2021)" in [b.text for b in jobs[0].bullets]


def test_a_city_hyphened_to_its_country_in_brackets_is_the_place_not_the_employer() -> None:
    # "(Madrid-España)" after the employer's name, or wrapped onto a line of its own under it.
    jobs = _parse("Experiencia Laboral\nNorthwind Robotics S.L. (Madrid-España)\nBecario en Robótica\n"
                  "06/2013 – Actualmente\n• Diseño de programas en C.\nAndes Minera S.A.\n(Huaraz-Perú)\nBecario\n"
                  "01/2011 – 12/2011\n• Desarrollo de aplicaciones.\n").experience
    assert [(j.title, j.company) for j in jobs] == [
        ("Becario en Robótica", "Northwind Robotics S.L."), ("Becario", "Andes Minera S.A.")]
    assert jobs[0].location == "Madrid-España" and "Huaraz-Perú" in (jobs[1].location or "")
    from assistant.resume.entry_fields import place_only

    assert not any(map(place_only, ["Coca-Cola", "Rolls-Royce", "Hewlett-Packard", "(Globex)"]))


def test_dutch_titles_are_titles_and_a_bracketed_list_stays_in_its_title() -> None:
    # A Dutch CV names its employer first and its title below, the title's tools in brackets.
    jobs = _parse("Werkervaring\n2015–heden Mybestseller | Rotterdam\nProgrammeur (C#, SQL, PHP, HTML)\n"
                  "• Platform ontwikkelen\n2012–2016 Shell | Utrecht\nService Medewerker\n• Klanten helpen\n"
                  ).experience
    assert [(j.title, j.company) for j in jobs] == [
        ("Programmeur (C#, SQL, PHP, HTML)", "Mybestseller"), ("Service Medewerker", "Shell")]


@pytest.mark.parametrize(("header", "fields"), [
    ("Software Engineer (Python, Go, SQL), Globex", ("Software Engineer (Python, Go, SQL)", "Globex", None)),
    ("Lead Data Engineer (Freelance, Remote) Altruistic Innovation Limited, UK",
     ("Lead Data Engineer (Freelance, Remote)", "Altruistic Innovation Limited", "UK")),
    ("Data Engineer, Globex, Paris, FRA", ("Data Engineer", "Globex", "Paris, FRA")),
])
def test_tools_and_notes_after_a_title_are_no_place(header: str, fields: tuple[str, str, str | None]) -> None:
    # A comma inside brackets parts nothing; three capitals are a place only as a country's ISO code; a legal
    # form ends the employer's name and is no city; a note of how the role was held closes the title.
    from assistant.resume.entry_fields import title_company

    assert title_company([], header, []) == fields
    from assistant.resume.vocabulary import find_location

    assert find_location("AWS, GCP") is None and find_location("Python, Go, SQL") is None
    assert find_location("Riyadh, KSA") == (0, "Riyadh, KSA")


def test_a_french_title_a_employer_names_the_employer_after_its_a() -> None:
    jobs = _parse("Expériences professionnelles\nTech Lead Cloud à Lectra (Cestas)\nDe Juin 2017 à Février 2020\n"
                  "• Référent technique du projet\nDéveloppeur JavaEE à Thales Services\n(Mérignac)\n"
                  "De Septembre 2005 à Septembre 2008\n• Développement de services\n").experience
    assert [(j.title, j.start) for j in jobs] == [("Tech Lead Cloud", "2017-06"), ("Développeur JavaEE", "2005-09")]
    assert jobs[0].company.startswith("Lectra") and jobs[1].company.startswith("Thales Services")
    from assistant.resume.headings import looks_like_heading_text

    assert not looks_like_heading_text("(Mérignac)")  # a place wrapped off its entry, in brackets: no heading


def test_a_place_cell_run_into_the_title_comes_off_it() -> None:
    # A word processor's table: the employer, then the place's cell and the title's on one row.
    jobs = _parse("Professional Experience\nApply.co.zw\nHarare, Zimbabwe Founder and Curator\nAugust 2016 - Present\n"
                  "• Curating opportunities\nSpark Boulder\nBoulder, Colorado Associate Intern\nFebruary 2016 - May 2016\n"
                  "• Managing the front desk\n").experience
    assert [(j.title, j.company, j.location) for j in jobs] == [
        ("Founder and Curator", "Apply.co.zw", "Harare, Zimbabwe"),
        ("Associate Intern", "Spark Boulder", "Boulder, Colorado")]
    from assistant.resume.entry_fields import title_company

    assert title_company(["Corvane Logistics"], "", ["Portland, Oregon Area"])[2] != "Portland, Oregon"


def test_a_line_wholly_in_brackets_names_no_title_or_employer() -> None:
    # A description's last line in brackets, right above the next entry's dated line, and a note after a range.
    jobs = _parse("Expériences Professionnelles\nJuin-Août 2014 Développeur Unity3D, VISIMMO 3D, Paris\n"
                  "Réalisation d’un configurateur d’espace et d’applications multiplateformes.\n"
                  "(IOS, Android et Windows)\nMars-Mai 2014 Développeur Unity3D, Pointcube, Lyon\n"
                  "Ajout de fonctionnalités dans l’interface 2D.\n").experience
    assert [(j.title, j.company) for j in jobs] == [
        ("Développeur Unity3D", "VISIMMO 3D"), ("Développeur Unity3D", "Pointcube")]


def test_a_portuguese_month_slash_year_range_reads_outubro() -> None:
    # "Out/2014" is October in a Brazilian CV ("out" alone stays an English word).
    jobs = _parse("Experiência\nEngenheiro de Software | Jan/2013 - Out/2014\nPhoebus Tecnologia\n"
                  "• Desenvolvimento de sistemas\n").experience
    assert [(j.title, j.start, j.end) for j in jobs] == [("Engenheiro de Software", "2013-01", "2014-10")]


def test_an_at_sign_before_a_name_makes_it_the_employer() -> None:
    # Entries that name no title, only "@Employer, City" beside the dates: each is its own employer.
    jobs = _parse("Experience\nApr 2023 – Feb 2024 @Quantcast, Berlin\n• Designed the solution\n"
                  "Oct 2020 – Apr 2023 @Layer, Berlin\n• Building github for spreadsheets\n").experience
    assert [(j.title, j.company) for j in jobs] == [(None, "Quantcast"), (None, "Layer")]


@pytest.mark.parametrize(("field", "fields"), [
    ("Praktikant Werbetexter: Scholz & Friends", ("Scholz & Friends", "Praktikant Werbetexter")),
    ("Texter und Konzepter: media-work gmbh", ("media-work gmbh", "Texter und Konzepter")),
    ("Brightwater Consulting: Senior Consultant", ("Brightwater Consulting", "Senior Consultant")),
    ("Client: Globex Ltd", None), ("Lead Engineer: Payments Platform", None), ("Tech stack: Kotlin, GCP", None),
    ("Senior Consultant, Brightline Advisory (client: Big Bank)", None),
])
def test_a_colon_between_a_title_and_an_employer_parts_them_either_way(field: str, fields: tuple | None) -> None:
    from assistant.resume.entry_fields import _employer_colon_title

    assert _employer_colon_title(field) == fields
