"""Parsing real resumes of many layouts and producers (../shared/corpus/resumes) against hand labels.

Assertion messages never include contact details: only the file name and what kind of field failed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.resume.entry_fields import strip_location
from assistant.resume.headings import heading_name
from assistant.resume.models import ExtractedText, Job
from assistant.resume.normalize import normalize_text
from assistant.resume.parser import parse_resume
from tests.support.resume_fixtures import corpus_resume_names, layout_pdf, roles

LABELS = yaml.safe_load((Path(__file__).parent / "data" / "resume_labels.yaml").read_text(encoding="utf-8"))


def _parse(text: str):
    return parse_resume(ExtractedText(text=text, pages=1))


def test_at_least_ten_corpus_resumes_are_hand_labelled() -> None:
    assert len(LABELS) >= 10
    assert {label["file"] for label in LABELS} <= set(corpus_resume_names()) or not corpus_resume_names()


@pytest.mark.parametrize("name", corpus_resume_names())
def test_every_corpus_resume_parses_into_sections_and_contact(name: str, corpus_extracted) -> None:
    resume = parse_resume(corpus_extracted[name])
    assert resume.sections, f"{name}: no section recognised"
    assert resume.contact.email is not None, f"{name}: no email found"
    assert all(line.text.strip() for line in resume.lines)


@pytest.mark.parametrize("label", LABELS, ids=[label["file"] for label in LABELS])
def test_hand_labelled_resume_matches(label: dict, corpus_extracted) -> None:
    name = label["file"]
    resume = parse_resume(corpus_extracted[name])
    assert resume.contact.name == label["name"], f"{name}: contact name differs from the label"
    assert (resume.contact.email is not None) == label["email"], f"{name}: email presence"
    assert (resume.contact.phone is not None) == label["phone"], f"{name}: phone presence"
    found = {s.name for s in resume.sections}
    assert set(label["sections"]) <= found, f"{name}: sections missing {set(label['sections']) - found}"
    low, high = label["jobs"]
    assert low <= len(resume.experience) <= high, f"{name}: {len(resume.experience)} jobs, expected {low}-{high}"
    companies = " ".join((job.company or "").lower() for job in resume.experience)
    missing = [c for c in label["companies"] if c not in companies]
    assert not missing, f"{name}: employers not recognised: {missing}"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Where I've Worked", "experience"), ("Toolbox", "skills"), ("Schooling", "education"),
        ("Professional Experience", "experience"), ("Work History", "experience"),
        ("Technical Skills", "skills"), ("Publications & Patents", "publications"), ("WorkExperience", "experience"),
        ("EMPLOYMENT HISTORY:", "experience"), ("Licenses & Certifications", "certifications"),
        ("Led a team of 5", None), ("skills.", None),
    ],
)
def test_heading_synonyms(heading: str, expected: str | None) -> None:
    assert heading_name(heading) == expected


def test_unusual_headings_and_dates_in_a_pasted_resume() -> None:
    resume = _parse(
        "Sam Q. Public\nsam@example.org | (555) 010-2000 | Austin, TX\n"
        "Where I've Worked\n"
        "Head of ML Platform Mar 2019 - Present\nAcme Robotics Austin, TX\n"
        "• Grew the ML platform team from 4 to 18 engineers\n"
        "• Cut model release time from 10 days to 1 day\n"
        "Acme Robotics\nSenior ML Engineer 06/2014 - 02/2019\n"
        "• Built the feature store\n"
        "Toolbox\nPython, PyTorch (Lightning), Kubernetes; Spark\n"
        "Schooling\nM.S. Computer Science, Stanford University 2014\n"
    )
    assert resume.contact.name == "Sam Q. Public" and resume.contact.location == "Austin, TX"
    assert [s.name for s in resume.sections] == ["experience", "skills", "education"]
    first, second = resume.experience
    assert (first.title, first.company, first.start, first.end) == (
        "Head of ML Platform", "Acme Robotics", "2019-03", "Present")
    assert [b.text for b in first.bullets][0].startswith("Grew the ML platform team")
    assert (second.title, second.company, second.start, second.end) == (
        "Senior ML Engineer", "Acme Robotics", "2014-06", "2019-02")
    assert {"Python", "PyTorch", "Lightning", "Kubernetes", "Spark"} <= set(resume.skills)
    assert resume.education[0].year == "2014"


def test_years_of_experience_merges_overlapping_roles() -> None:
    resume = _parse(
        "Pat Doe\nExperience\n"
        "Director of ML Jan 2020 - Dec 2021\nBigCo\n• Led 3 teams\n"
        "Advisor Jun 2021 - Dec 2022\nSmallCo\n• Advised the CTO\n"
        "ML Intern Jun 2010 - Aug 2010\nLab\n• Wrote code\n"
    )
    # 2020-01..2022-12 is 36 months once the overlap is counted once; the internship is not professional time.
    assert resume.years_experience == 3.0


def test_roles_held_while_training_are_not_years_of_experience_but_international_ones_are() -> None:
    from assistant.resume.dates import years_of_experience

    jobs = [Job(title="International Partnerships Director", start="2015-01", end="2020-12"),
            Job(title="Werkstudent Data Science", start="2013-01", end="2013-12"),
            Job(title="Data Science Trainee", start="2012-01", end="2012-12")]
    assert years_of_experience(jobs) == 6.0, "'International' is not an internship; a working student's job is"


def test_time_still_to_come_is_not_years_of_experience() -> None:
    from assistant.resume.dates import current_month, years_of_experience

    year, month = current_month()
    ago = f"{year - 4}-{month:02d}"  # four years ago this month
    ahead = f"{year + 2}-{month:02d}"
    # A contract whose end is still to come counts up to today, as a role running to "Present" does; an offer
    # accepted for next year ("Incoming Engineer") has not begun.
    assert years_of_experience([Job(title="Contract ML Lead", start=ago, end=ahead)]) == years_of_experience(
        [Job(title="Contract ML Lead", start=ago, end="Present")]) == 4.1
    assert years_of_experience([Job(title="Incoming Engineer", start=f"{year + 1}-06", end=f"{year + 1}-08"),
                                Job(title="Engineer", start=ago, end="Present")]) == 4.1


def test_wrapped_bullets_are_joined_and_keep_their_first_line_number() -> None:
    resume = _parse(
        "Experience\nEngineer Jan 2020 - Present\nCo\n"
        "• Built a platform that serves\nmodels for 12 teams\n• Second bullet.\n"
    )
    bullets = resume.experience[0].bullets
    assert [b.text for b in bullets] == ["Built a platform that serves models for 12 teams", "Second bullet."]
    assert bullets[0].number == 4


def test_words_spaced_by_pen_moves_keep_their_spaces(settings) -> None:
    """LaTeX and Typst often move the pen between words instead of drawing a space glyph; when the move is narrower
    than half the font's space glyph, plain extraction used to glue the words ("DevOpsEngineer")."""
    from assistant.resume.intake import read_pdf
    from tests.pdfs import positioned_words_pdf

    extracted = read_pdf(positioned_words_pdf([
        ["Jordan Example"], ["Experience"], ["Example Corp Seattle, WA"],
        ["Director of ML Engineering Jan 2020 - Present"],
        # Pair kerning (a small move) inside a word must not split it.
        ["- Led a ", "T", -60, "eam of 25 engineers and cut ", "W", -90, "orkflow time by 80%"],
    ]), settings)
    resume = parse_resume(extracted)
    job = resume.experience[0]
    assert (job.title, job.company, job.location) == ("Director of ML Engineering", "Example Corp", "Seattle, WA")
    assert job.bullets[0].text == "Led a Team of 25 engineers and cut Workflow time by 80%"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # A comma inside the title, the employer after a bar, "at", or a dash with the date in brackets.
        ("Engineering Manager, Machine Learning | Globex Jan 2020 - Present",
         ("Engineering Manager, Machine Learning", "Globex", None)),
        ("Engineering Manager, Machine Learning at Globex Jan 2020 - Present",
         ("Engineering Manager, Machine Learning", "Globex", None)),
        ("Engineering Manager, Machine Learning — Globex (Jan 2020 – Present)",
         ("Engineering Manager, Machine Learning", "Globex", None)),
        # An employer whose name ends with a full stop ("Inc.") is a header line, not the end of a sentence.
        ("Globex Inc.\nEngineering Manager, Machine Learning\nJan 2020 - Present",
         ("Engineering Manager, Machine Learning", "Globex Inc.", None)),
        ("Globex Co., Ltd. Seoul, South Korea\nSoftware Architect Jun 2017 - May 2018",
         ("Software Architect", "Globex Co., Ltd.", "Seoul, South Korea")),
        # "Employer – City – one-line description." under the title: the description is neither field.
        ("Head of Data Science Aug 2019 - Mar 2021\nGlobex – Boston, MA – Led data science for the payments unit.",
         ("Head of Data Science", "Globex", "Boston, MA")),
        # moderncv ends the entry's line with a full stop after the place.
        ("06/2016–09/2016 Research Intern, Globex Research, Zurich, Switzerland.",
         ("Research Intern", "Globex Research", "Zurich, Switzerland")),
        # ... and when the country wrapped to the next line, "Title, Employer, City" still splits.
        ("Associate Professor, Example University, Oslo, 08/2020–Present",
         ("Associate Professor", "Example University", "Oslo")),
        # Titles in German, French, Spanish and Portuguese are told from the employer like English ones, whichever
        # comes first.
        ("Beispiel Energie AG\nTeamleiterin Data Science 03/2019 – heute",
         ("Teamleiterin Data Science", "Beispiel Energie AG", None)),
        ("Laboratoire Exemple\nIngénieure de recherche janv. 2018 – aujourd’hui",
         ("Ingénieure de recherche", "Laboratoire Exemple", None)),
        ("Gerente de Ingeniería de ML\nViajes Ejemplo ago. 2019 – actualidad",
         ("Gerente de Ingeniería de ML", "Viajes Ejemplo", None)),
        ("Pagamentos Exemplo\nCientista de Dados Principal set. 2020 – atual",
         ("Cientista de Dados Principal", "Pagamentos Exemplo", None)),
    ],
)
def test_job_header_shapes(header: str, expected: tuple) -> None:
    resume = _parse(f"Pat Doe\nExperience\n{header}\n• Led 3 teams of 20 engineers\n")
    job = resume.experience[0]
    assert (job.title, job.company, job.location) == expected
    assert [b.text for b in job.bullets] == ["Led 3 teams of 20 engineers"]


def test_a_date_phrase_leaves_no_fragment_as_employer() -> None:
    resume = _parse("Pat Doe\nExperience\n• Globex Boston, MA\nData Scientist Summer 2012 and 2013\n• Built models\n")
    job = resume.experience[0]
    assert (job.title, job.company) == ("Data Scientist", "Globex")


def test_student_roles_under_involvement_and_volunteering_count_as_experience() -> None:
    resume = _parse(
        "Pat Doe\n12 Elm Way, Springfield, IL\npat@example.org\n"
        "Education\nSpringfield College, Springfield, IL Expected Graduation: June 2026\nBachelor of Arts, Economics\n"
        "On Campus Involvement\nDebate Society, Springfield College August 2023 – Present\nTreasurer\n"
        "• Ran a budget of $5,000 for 40 members\n"
        "Volunteer Experience\nFood Bank, Springfield, IL June 2022 – Present\nVolunteer\n• Sorted donations weekly\n"
    )
    # The street is not part of the location a reviewer sees.
    assert resume.contact.location == "Springfield, IL"
    assert roles(resume) == [
        ("Treasurer", "Debate Society, Springfield College"), ("Volunteer", "Food Bank")]


@pytest.mark.parametrize("project", ["Proyecto personal: RutaBici", "Projet personnel : Vélomap",
                                     "Projeto pessoal: Mapa Verde", "Persönliches Projekt: Radkarte"])
def test_a_personal_project_among_jobs_is_not_a_job_in_other_languages_either(project: str) -> None:
    resume = _parse(f"Pat Doe\nExperience\nData Scientist, Globex\n2020 - 2024\n• Built models\n"
                    f"{project}\n2016 - 2017\n• An app used by 5,000 cyclists\n")
    assert [j.company for j in resume.experience] == ["Globex"]


def test_a_career_break_written_beside_its_dates_leaves_the_next_header_to_the_next_entry() -> None:
    """ "Pause de carrière, Congé parental  mai 2019 – févr. 2020" with no bullets: the line under it heads the next
    entry, whose dates sit alone on the line after, and the break is no job."""
    resume = _parse(
        "Pat Doe\nExperience\nLaboratoire Exemple, Chercheuse senior Paris\nmars 2020 – déc. 2021\n• Built models\n"
        "Pause de carrière, Congé parental mai 2019 – févr. 2020\n"
        "Institut Exemple, Ingénieure de recherche Grenoble\nsept. 2015 – avr. 2019\n• Segmented images\n")
    assert [j.start for j in resume.experience] == ["2020-03", "2015-09"]
    assert "Ingénieure de recherche" in (resume.experience[1].title or "")


def test_a_stack_or_articles_label_inside_an_entry_does_not_end_the_experience() -> None:
    """ "Stack" and "Articles" head lists inside job entries as often as they head sections: alone they are no
    section heading, so the roles after them stay in the experience."""
    resume = _parse("Pat Doe\nExperience\nStaff Engineer, Globex\n2020 - 2024\n• Built the platform\nStack\n"
                    "Go, Kafka, Postgres\nArticles\n• Scaling queues, Globex blog\nEngineer, Initech\n2016 - 2020\n"
                    "• Built the billing service\n")
    assert [j.company for j in resume.experience] == ["Globex", "Initech"]


def test_a_range_wrapped_between_the_end_month_and_its_year_is_one_range() -> None:
    resume = _parse("Pat Doe\nExperience\nCientista de Dados, Mercado Exemplo janeiro 2015 – fevereiro\n2017\n"
                    "• Built churn models\n")
    assert [(j.start, j.end) for j in resume.experience] == [("2015-01", "2017-02")]


def test_a_header_wrapped_between_its_start_month_and_year_keeps_both() -> None:
    # A narrow column wraps "Director, ML Infrastructure May 2020 – January 2023" after the month: the role started
    # in May (not January, the year's first month), and "May" is no part of the title. A bullet ending in a word
    # that is also a month ("rolled it out") is not a date's start.
    resume = _parse("Pat Doe\nExperience\nGlobex\nDirector, ML Infrastructure May\n2020 – January 2023\n"
                    "• Rolled the feature store out\n2017 – 2020 Engineering Manager, Initech\n• Led search\n")
    assert [(j.start, j.end) for j in resume.experience] == [("2020-05", "2023-01"), ("2017-01", "2020-12")]
    assert resume.experience[0].title == "Director, ML Infrastructure"


@pytest.mark.parametrize("connector", ["→", "~"])
def test_a_header_wrapped_before_a_year_that_opens_an_arrow_range_keeps_its_month(connector: str) -> None:
    # The same wrap where the range is joined by an arrow (asciidoc's "→", a CJK-style "~") rather than a dash.
    resume = _parse(f"Pat Doe\nExperience\nGlobex\nDirector, ML Infrastructure May\n2020 {connector} January 2023\n"
                    "• Rolled the feature store out\n2017 – 2020 Engineering Manager, Initech\n• Led search\n")
    assert [(j.start, j.end) for j in resume.experience] == [("2020-05", "2023-01"), ("2017-01", "2020-12")]
    assert resume.experience[0].title == "Director, ML Infrastructure"


def test_a_one_line_header_wrapped_mid_title_by_a_narrow_column_is_one_header() -> None:
    # A narrow column (45 characters) wraps "Employer, Place — Title" inside the title: the title's last words on
    # a line of their own above the dates were read as another field, and the title came out as "Senior".
    bullets = "• Built the feature store and training platform for\n30 modelling teams across payments and credit.\n"
    resume = _parse("Pat Doe\nExperience\nFernhollow Payments, New York, NY — Senior\nManager, ML Platform\n"
                    f"JUNE 2019 - FEBRUARY 2022\n{bullets}Ocelot Insurance Group, Hartford, CT — Data\nScientist\n"
                    f"JULY 2012 - JANUARY 2016\n{bullets}")
    assert roles(resume) == [
        ("Senior Manager, ML Platform", "Fernhollow Payments"), ("Data Scientist", "Ocelot Insurance Group")]


def test_an_achievement_without_its_glyph_is_not_joined_to_the_header_under_it() -> None:
    # A long achievement line (no bullet glyph) above a short header and its dates is no wrapped header.
    resume = _parse("Pat Doe\nExperience\nLumen Health Partners\nSeptember 2021 - Present\nSenior Data Scientist\n"
                    "Ran 20 A/B tests on patient reminder messages, raising attendance by 9%\nCareer Break\n"
                    "July 2019 - August 2021\nFamily care\nFull-time carer for a family member.\n"
                    "Brightline Insurance\nMarch 2016 - June 2019\nData Scientist\nPricing and claims analytics.\n")
    assert [j.start for j in resume.experience] == ["2021-09", "2016-03"]


def test_a_firm_of_associates_is_an_employer_not_a_title() -> None:
    # "Associate" names a title; "& Associates" ends a firm's name (a title is one person's, never plural). The
    # firm was read as the title above its role, and with the title on its line the two were not split at all.
    resume = _parse("Pat Doe\nExperience\nHarlow Reed & Associates\nSolutions Architect\nMay 2014 - Present\n"
                    "• Designed the core banking integrations\nOmega Imaging Systems\nService Consultant\n"
                    "May 2001 - May 2003\n• Serviced imaging systems\n")
    assert roles(resume) == [
        ("Solutions Architect", "Harlow Reed & Associates"), ("Service Consultant", "Omega Imaging Systems")]
    one_line = _parse("Pat Doe\nExperience\nSolutions Architect, Harlow Reed & Associates  May 2014 - Present\n"
                      "• Designed integrations\n")
    assert [(j.title, j.company) for j in one_line.experience] == [("Solutions Architect", "Harlow Reed & Associates")]


def test_a_year_alone_under_its_header_dates_a_role_where_the_ranges_sit_alone_too() -> None:
    # Each entry prints its header, then its range alone on the next line; the internship held within one year
    # prints "2012" there. It was no entry: its header and lines ran into the role above and the role was lost.
    resume = _parse("Pat Doe\nExperience\nUX Designer - Edifecs\n2013 - Present\n• Designs web solutions\n"
                    "Social Media Intern - Social Freedom Inc\n2012\n• Ran the social media calendar\n"
                    "Web Developer - Globex\n2009 - 2011\n• Built the intranet\n")
    assert [(j.company, j.start) for j in resume.experience] == [
        ("Edifecs", "2013-01"), ("Social Freedom Inc", "2012-01"), ("Globex", "2009-01")]


def test_volunteer_roles_stay_out_of_experience_when_there_are_jobs() -> None:
    resume = _parse(
        "Pat Doe\nExperience\nData Scientist, Globex Jan 2020 - Present\n• Built models\n"
        "Volunteer Experience\nFood Bank, Springfield, IL June 2022 – Present\nVolunteer\n• Sorted donations weekly\n"
    )
    assert [j.company for j in resume.experience] == ["Globex"]


def test_name_drawn_after_the_body_is_found_beside_the_contact_line() -> None:
    # Sidebar templates can put the header block last in the PDF's text order.
    resume = _parse(
        "SKILLS\nPython, SQL\nEXPERIENCE\nVice President, Banking Operations\nAug 2020 - Present\n"
        "Pat Q. Doe\nFintech Leader & Technology Innovator\nSarasota, FL pat@example.org\n"
    )
    assert resume.contact.name == "Pat Q. Doe"


# --- layout-aware reading: typography, other languages, dates, confidence -----------------------------------


def _styled(lines: list[tuple[str, float, float]]) -> ExtractedText:
    """A PDF-like extraction: each line with its size and bold share, as the PDF worker reports them."""
    from assistant.resume.models import StyledLine

    styled = [StyledLine(page=1, text=t, size=size, bold=bold, x=50.0, gap=14.0) for t, size, bold in lines]
    return ExtractedText(text="\n".join(t for t, _, _ in lines), pages=1, styled_lines=styled)


_BODY = 10.0


def test_a_label_every_entry_repeats_in_the_headings_look_is_no_section_heading() -> None:
    # A theme sets each role's "Highlights" as it sets "Work" and "Education": found by its look, it cut the work
    # history after the first role. A heading printed three times or more is each entry's label, as a repeated
    # lexicon heading ("Tools:") already was.
    entries = []
    for employer, dates, title in [("Donnelly Systems", "2021 - 2025", "Principal Consultant"),
                                   ("Ctrl Labs", "2017 - 2021", "Senior Infrastructure Engineer"),
                                   ("Kayak Software", "2012 - 2017", "Network Engineer")]:
        entries += [(f"{employer} {dates}", _BODY, 1.0), (title, _BODY, 0.0), ("Highlights", 13.0, 1.0),
                    ("Designed and deployed the build infrastructure for the whole company.", _BODY, 0.0)]
    resume = parse_resume(_styled([
        ("Avery Quinn", 22.0, 1.0), ("avery@example.org", _BODY, 0.0), ("Work", 13.0, 1.0), *entries,
        ("Education", 13.0, 1.0), ("BSc Computer Science, Example University, 2012", _BODY, 0.0)]))
    assert roles(resume) == [
        ("Principal Consultant", "Donnelly Systems"), ("Senior Infrastructure Engineer", "Ctrl Labs"),
        ("Network Engineer", "Kayak Software")]


def test_an_employer_set_like_the_headings_over_its_industry_and_title_is_an_entry_not_a_section() -> None:
    # "The Cigna Group" set as large as "Work", then its industry, the title and only then the dates: nothing names
    # it, and dates follow within a header's three lines, so it heads an entry (it cut the work history after the
    # first role, the rest read as sections of their own).
    entries = []
    for employer, industry, title, dates in [("Harbor Health Group", "Health Services", "Senior Advisor",
                                              "Oct 2019 – Jun 2024"),
                                             ("Proctor Labs", "Education Technology", "DevOps Engineer",
                                              "May 2015 – May 2019"),
                                             ("RealTech Systems", "Information Technology", "Systems Administrator",
                                              "Dec 2012 – Apr 2015")]:
        entries += [(employer, 13.0, 1.0), (industry, _BODY, 0.0), (title, _BODY, 1.0), (dates, _BODY, 0.0),
                    ("Ran the container platform for forty product teams.", _BODY, 0.0)]
    resume = parse_resume(_styled([
        ("Avery Quinn", 22.0, 1.0), ("avery@example.org", _BODY, 0.0), ("Work", 13.0, 1.0), *entries,
        ("Education", 13.0, 1.0), ("BSc Computer Science, Example University, 2012", _BODY, 0.0),
        ("Skills", 13.0, 1.0), ("Kubernetes, Terraform, Python", _BODY, 0.0)]))
    assert [j.title for j in resume.experience] == ["Senior Advisor", "DevOps Engineer", "Systems Administrator"]


def test_headings_set_apart_by_typography_are_found_and_named_by_meaning() -> None:
    resume = parse_resume(_styled([
        ("Avery Quinn", 22.0, 1.0),
        ("avery@example.org", _BODY, 0.0),
        ("education", 13.0, 1.0),  # all lower case: found by its style, named by the lexicon
        ("BSc Computer Science, Example University, 2014", _BODY, 0.0),
        ("Roles & Positions", 13.0, 1.0),  # named by similarity to the section descriptions
        ("Staff Engineer, Globex", _BODY, 1.0),
        ("Jan 2020 - Present", _BODY, 0.0),
        ("• Led the platform team of 12 engineers", _BODY, 0.0),
        ("Senior Engineer, Initech", _BODY, 1.0),
        ("2016 - 2019", _BODY, 0.0),
        ("• Built the billing service", _BODY, 0.0),
        ("Things I've built", 13.0, 1.0),
        ("A compiler for a toy language", _BODY, 0.0),
    ]))
    kinds = [s.name for s in resume.sections]
    assert kinds == ["education", "experience", "projects"]
    assert len(resume.experience) == 2
    assert resume.contact.name == "Avery Quinn"
    assert resume.confidence["experience"] >= 0.7 and not resume.reading_problems


def _caps_headed(work_heading: str) -> ExtractedText:
    """Many headings in bold capitals a size above the body, some in words no lexicon has; dated lines right under
    the recognised ones too."""
    return _styled([
        ("AVERY QUINN", 22.0, 1.0), ("avery@example.org", _BODY, 0.0),
        ("IN BRIEF", 12.0, 1.0), ("Platform engineer who likes boring, reliable systems.", _BODY, 0.0),
        ("SKILLS", 12.0, 1.0), ("Python, SQL, Kubernetes", _BODY, 0.0),
        (work_heading, 12.0, 1.0),
        ("Staff Engineer, Globex", _BODY, 1.0), ("Jan 2020 - Present", _BODY, 0.0), ("• Led the platform team", _BODY, 0.0),
        ("Senior Engineer, Initech", _BODY, 1.0), ("2016 - 2019", _BODY, 0.0), ("• Built the billing service", _BODY, 0.0),
        ("CLASSROOM", 12.0, 1.0),
        ("Guest Lecturer, Example University", _BODY, 1.0), ("2021 - 2022", _BODY, 0.0),
        ("EDUCATION", 12.0, 1.0),
        ("BSc Computer Science, Example University", _BODY, 0.0), ("2012 - 2016", _BODY, 0.0),
        ("STACK", 12.0, 1.0), ("Go, Rust", _BODY, 0.0),
        ("AWARDS", 12.0, 1.0), ("Best Paper, 2019", _BODY, 0.0),
        ("PRO BONO", 12.0, 1.0), ("Mentor, Code Club", _BODY, 1.0), ("2018 - 2020", _BODY, 0.0),
    ])


def test_lines_set_like_many_headings_are_headings_even_with_dates_under_them() -> None:
    """A style shared by the recognised headings, in capitals and bigger than the body, marks every heading of the
    document however many there are: "CLASSROOM" is a section of its own (its lecture is not a job), and the
    work history's unusual heading is named by meaning."""
    resume = parse_resume(_caps_headed("PROFESSIONAL JOURNEY"))
    assert [j.company for j in resume.experience] == ["Globex", "Initech"]
    kinds = [s.name for s in resume.sections]
    assert "experience" in kinds and "other" in kinds and "education" in kinds


def test_a_teaching_heading_is_never_taken_for_the_unnamed_work_history() -> None:
    """With the work history's heading unrecognised and a "Docencia" section the only dated one after it, the
    teaching stays teaching: the roles are still read (from outside any heading) and the lecture is not the
    latest job."""
    resume = parse_resume(_styled([
        ("Pat Ejemplo", 22.0, 1.0), ("pat@example.org", _BODY, 0.0),
        ("Historial de cargos", 13.0, 1.0),
        ("Gerente de ML, Viajes Ejemplo", _BODY, 1.0), ("2021 - 2024", _BODY, 0.0), ("• Dirijo dos equipos", _BODY, 0.0),
        ("Científico de Datos, Banco Ejemplo", _BODY, 1.0), ("2015 - 2021", _BODY, 0.0),
        ("• Modelos de riesgo", _BODY, 0.0),
        ("Docencia", 13.0, 1.0),
        ("Profesor asociado, Universidad Ejemplo", _BODY, 1.0), ("2019 - 2020", _BODY, 0.0),
        ("Profesor invitado, Escuela Ejemplo", _BODY, 1.0), ("2017 - 2018", _BODY, 0.0),
        ("Habilidades", 13.0, 1.0), ("Python, SQL", _BODY, 0.0),
    ]))
    assert not any(s.name == "experience" and s.heading == "Docencia" for s in resume.sections)
    titles = " ".join(j.title or "" for j in resume.experience)
    assert "Gerente de ML" in titles and "Científico de Datos" in titles


@pytest.mark.parametrize(("heading", "expected"), [("Akademischer Werdegang", "education"),
                                                    ("Beruflicher Werdegang", "experience")])
def test_an_academic_qualifier_makes_a_career_word_heading_education(heading: str, expected: str) -> None:
    from assistant.resume.headings import keyword_kind, lexicon_kind

    assert (lexicon_kind(heading) or keyword_kind(heading)) == expected


def test_an_unnamed_heading_over_the_most_dated_entries_is_the_work_history_and_says_so() -> None:
    resume = parse_resume(_caps_headed("WAYPOINTS"))
    assert [j.company for j in resume.experience] == ["Globex", "Initech"]
    assert any(s.name == "experience" and s.heading == "WAYPOINTS" for s in resume.sections)
    assert resume.confidence["experience"] < 0.7
    assert any("heading was not recognised" in p for p in resume.reading_problems)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Berufserfahrung", "experience"), ("Ausbildung", "education"), ("Expérience professionnelle", "experience"),
        ("Formación académica", "education"), ("Experiência Profissional", "experience"), ("Idiomas", "languages"),
        ("Compétences", "skills"), ("//Experience", "experience"), ("WORK EXPERIENCE (5)", "experience"),
        ("Relevant Professional Experience", "experience"), ("Career History", "experience"),
        # The Harvard career-office template's headings.
        ("LEADERSHIP & ACTIVITIES", "leadership"), ("Skills & Interests", "skills"),
        ("Community Involvement", "volunteering"), ("Academic Credentials", "education"),
        ("Giving Back", "volunteering"), ("Lehrtätigkeit", "other"), ("Docencia", "other"), ("Diplômes", "education"),
        ("Études", "education"), ("Vie associative", "volunteering"), ("Stationen", "experience"),
        ("Conhecimentos", "skills"), ("Trajetória profissional", "experience"), ("Pro Bono", "volunteering"),
        # Dutch, Swedish, Danish, Norwegian and Polish CVs (a Swedish one found no section and read its roles as
        # coming from anywhere).
        ("Werkervaring", "experience"), ("Arbetslivserfarenhet", "experience"), ("Erhvervserfaring", "experience"),
        ("Arbeidserfaring", "experience"), ("Doświadczenie zawodowe", "experience"), ("Opleiding", "education"),
        ("Utbildning", "education"), ("Wykształcenie", "education"), ("Kompetenser", "skills"),
        ("Umiejętności", "skills"), ("Språk", "languages"), ("Języki obce", "languages"),
    ],
)
def test_headings_in_other_languages_and_with_decoration(heading: str, expected: str) -> None:
    assert heading_name(heading) == expected


def test_headings_named_by_word_stems_in_other_languages_keep_teaching_and_volunteering_out_of_jobs() -> None:
    """German compounds and accented words name a heading-styled line by a stem they contain, so dated entries
    under "Lehrtätigkeiten" or "Ehrenamtliche Tätigkeiten" are not counted as jobs."""
    resume = parse_resume(_styled([
        ("Jonas Beispiel", 22.0, 1.0),
        ("jonas@example.org", _BODY, 0.0),
        ("Beruflicher Werdegang", 13.0, 1.0),
        ("Teamleiter Data Science, Globex GmbH", _BODY, 1.0),
        ("03/2019 – heute", _BODY, 0.0),
        ("• Führung von acht Mitarbeitenden", _BODY, 0.0),
        ("Data Scientist, Initech AG", _BODY, 1.0),
        ("01/2015 – 02/2019", _BODY, 0.0),
        ("Lehrtätigkeiten", 13.0, 1.0),
        ("Dozent Maschinelles Lernen, Hochschule Beispielstadt", _BODY, 1.0),
        ("04/2020 – 07/2021", _BODY, 0.0),
        ("Ehrenamtliche Tätigkeiten", 13.0, 1.0),
        ("Mentor, Programmierclub Beispielstadt", _BODY, 1.0),
        ("09/2018 – heute", _BODY, 0.0),
        ("Technische Kenntnisse", 13.0, 1.0),
        ("Python, SQL, Spark", _BODY, 0.0),
        ("Expérience en recherche", 13.0, 1.0),  # accents are ignored when a stem is looked for
        ("Research Engineer, Institut Exemple", _BODY, 1.0),
        ("2012 – 2014", _BODY, 0.0),
    ]))
    assert [s.name for s in resume.sections] == ["experience", "other", "volunteering", "skills", "experience"]
    assert len(resume.experience) == 3
    assert [j.start for j in resume.experience] == ["2019-03", "2015-01", "2012-01"]


@pytest.mark.parametrize(
    ("dates", "start", "end"),
    [
        ("03/2018 - 11/2021", "2018-03", "2021-11"), ("2018-03 – 2021-11", "2018-03", "2021-11"),
        ("2018-03-15 - 2021-11-30", "2018-03", "2021-11"), ("15.03.2018 - 30.11.2021", "2018-03", "2021-11"),
        ("März 2018 - heute", "2018-03", "Present"), ("janv. 2018 à déc. 2021", "2018-01", "2021-12"),
        ("Mayo 2018 - Actualidad", "2018-05", "Present"), ("since 2018", "2018-01", "Present"),
        ("Jan 2018 - Till date", "2018-01", "Present"), ("2018-Mar - 2021-Nov", "2018-03", "2021-11"),
        ("2018 Mar – Present", "2018-03", "Present"),
        # Portuguese and Spanish abbreviations as Word and Docs print them: "ago." is August, "out." October.
        ("ago. 2018 – atual", "2018-08", "Present"), ("fev. 2012 – out. 2015", "2012-02", "2015-10"),
        ("ago 2016 - dic 2019", "2016-08", "2019-12"), ("01/2020 – présent", "2020-01", "Present"),
        # Two-digit years after an apostrophe, which Word turns into a smart quote.
        ("Mar ’21 – Present", "2021-03", "Present"), ("Jan '19 - Dec '21", "2019-01", "2021-12"),
        ("Sep ’98 – Jun ’04", "1998-09", "2004-06"),
        # ... and with no apostrophe at all, where the other end is written the same way or is open.
        ("Mar 19 – Present", "2019-03", "Present"), ("Jan 16 – Feb 19", "2016-01", "2019-02"),
        ("Sept 98 - Jun 04", "1998-09", "2004-06"), ("May, 11 - Aug, 11", "2011-05", "2011-08"),
        ("Aug, 10 - Cur", "2010-08", "Present"),
        ("2018 Mar – Present", "2018-03", "Present"), ("janvier 2018 – présent", "2018-01", "Present"),
        ("ago. 2018 – actualmente", "2018-08", "Present"), ("out. 2015 – set. 2019", "2015-10", "2019-09"),
        # Two-digit months and years, as German CVs write them.
        ("05/18–07/21", "2018-05", "2021-07"), ("seit 03/23", "2023-03", "Present"),
        ("11/98 - 02/03", "1998-11", "2003-02"),
        # A month's name and a two-digit year after a slash, and an arrow between the ends.
        ("feb/22 → Today", "2022-02", "Present"), ("Sept/16 - Jun/17", "2016-09", "2017-06"),
        # A month's name, a slash and the year (a Portuguese moderncv CV).
        ("Agosto/2017 – Atual", "2017-08", "Present"), ("Fevereiro/2013 – Janeiro/2014", "2013-02", "2014-01"),
        # Italian months and a day before the month's name.
        ("4 agosto 2021 - oggi", "2021-08", "Present"), ("1 nov 2017 - 5 mar 2018", "2017-11", "2018-03"),
        ("ott 2014 - 17 gen 2018", "2014-10", "2018-01"), ("15. März 2020 - heute", "2020-03", "Present"),
        # German abbreviations of March: "Mär" (as "Okt", "Dez") and "Mrz".
        ("Sep 2018 – Mär 2025", "2018-09", "2025-03"), ("Mrz 2019 - Okt 2021", "2019-03", "2021-10"),
        # Two months sharing the year written after the second.
        ("Janvier - Août 2009", "2009-01", "2009-08"), ("Sept. – Dec. 2010", "2010-09", "2010-12"),
        ("3 - 4/2014", "2014-03", "2014-04"), ("5 – 11/2012", "2012-05", "2012-11"),
        # A double hyphen as typed in plain text, a tilde as East Asian resumes write ranges, German, Italian and
        # Dutch open ends, Spanish "al" and Dutch "tot" between the ends.
        ("Sep 2019 -- Mar 2021", "2019-09", "2021-03"), ("2019.04 ~ 2021.03", "2019-04", "2021-03"),
        ("03/2019 – gegenwärtig", "2019-03", "Present"), ("2020 - derzeit", "2020-01", "Present"),
        ("marzo 2019 - attualmente", "2019-03", "Present"), ("jan 2019 - heden", "2019-01", "Present"),
        ("enero 2015 al 2018", "2015-01", "2018-12"), ("2015 tot 2018", "2015-01", "2018-12"),
    ],
)
def test_date_ranges_in_common_formats_and_languages(dates: str, start: str, end: str) -> None:
    resume = _parse(f"Experience\nData Engineer, Globex\n{dates}\n• Built pipelines for 40 teams\n")
    assert len(resume.experience) == 1
    assert (resume.experience[0].start, resume.experience[0].end) == (start, end)


def test_a_span_of_days_is_not_read_as_two_digit_years() -> None:
    # "March 19 – June 21, 2020" is a span of days in 2020, not March 2019 to June 2021.
    resume = _parse("Experience\nData Engineer, Globex\nMarch 19 – June 21, 2020\n• Built pipelines for 40 teams\n")
    assert ("2019-03", "2021-06") not in [(job.start, job.end) for job in resume.experience]


def test_dated_roles_under_an_unrecognised_heading_are_still_read_and_flagged_unsure() -> None:
    # ("The Journey So Far" is now found by meaning as the work history's heading in pasted text too; a wording
    # nothing names is what this pins.)
    resume = _parse(
        "Robin Example\nrobin@example.org\nSummary\nEngineer who ships.\nChapters So Far\n"
        "Platform Engineer, Globex\nJan 2020 - Present\n• Ran the build farm\n"
        "Engineer, Initech\nMar 2016 - Dec 2019\n• Wrote the billing service\n"
    )
    assert len(resume.experience) == 2  # two readable dated roles never come out as zero jobs
    assert resume.confidence["experience"] < 0.5 and resume.reading_problems


def test_the_employer_is_the_line_nearest_the_title_not_the_last_entrys_unmarked_bullet() -> None:
    resume = _parse(
        "Experience\nNorthwind Foods\nDirector of Data\nApr 2020 - Present\nLead the data department.\n"
        "Grew the team from 3 to 20 people\nOwn the analytics budget\nHarbor Freight Lines\nData Analyst\n"
        "Feb 2016 - Mar 2020\nBuilt the reporting stack.\nCut report time in half\n"
    )
    assert roles(resume) == [
        ("Director of Data", "Northwind Foods"), ("Data Analyst", "Harbor Freight Lines")]


def test_headings_printed_in_a_left_margin_on_their_first_entrys_row() -> None:
    resume = _parse(
        "Sofia Example\nsofia@example.com | +39 02 555 0100\n"
        "SUMMARY Data engineer in my first role after university, building batch pipelines.\n"
        "EXPERIENCE Pinecrest Foods, Junior Data Engineer 2023-09-01 — Present\nBuilt the nightly inventory pipeline\n"
        "Atlas Freight, Data Engineering Intern 2022-06-01 — 2022-12-31\nMoved shipment reports to PostgreSQL\n"
        "EDUCATION Lakemont University 2018-09-01 — 2021-07-31\nSKILLS Data: SQL, Python, Airflow\n"
    )
    assert [s.name for s in resume.sections] == ["summary", "experience", "education", "skills"]
    assert [j.start for j in resume.experience] == ["2023-09", "2022-06"]
    # A title that merely starts with a heading word, in ordinary case, is not split.
    assert _parse("Experience\nResearch Engineer, Globex 2019 - 2021\n• Built a labelling pipeline\n"
                  ).experience[0].title == "Research Engineer"


def test_a_career_break_in_the_employers_place_is_not_a_job() -> None:
    resume = _parse(
        "Experience\nSenior Analyst\nLumen Clinics\nSep 2021 - Present\n• Built a readmission model\n"
        "Family care\nCareer Break\nJul 2019 - Aug 2021\nFull-time carer for a relative.\n"
        "Analyst\nBrightwater Insurance\nMar 2016 - Jun 2019\n• Built a claims fraud model\n"
    )
    assert roles(resume) == [
        ("Senior Analyst", "Lumen Clinics"), ("Analyst", "Brightwater Insurance")]


def test_a_range_with_an_empty_end_is_ongoing_but_a_range_wrapped_after_its_dash_is_not() -> None:
    resume = _parse("Experience\nDirector of Data, Northwind Foods 2020-04-01 —\n• Grew the team from 3 to 20\n"
                    "Data Analyst, Harbor Lines Jan 2016 -\nMar 2020\n• Built the reporting stack\n")
    assert [(j.title, j.start, j.end) for j in resume.experience] == [
        ("Director of Data", "2020-04", "Present"), ("Data Analyst", "2016-01", "2020-03")]


def test_a_title_under_the_dated_employer_line_takes_that_employer_past_a_web_address() -> None:
    resume = _parse(
        "Work\nNorthwind Foods Apr 2020 - Present\nhttps://northwind.example.com\nDirector of Data\n"
        "Lead the data department.\n• Grew the team from 3 to 20 people\n• Own the analytics budget\n"
        "Harbor Freight Lines Feb 2016 - Mar 2020\nData Analyst\nBuilt the reporting stack.\n• Cut report time in half\n"
    )
    assert roles(resume) == [
        ("Director of Data", "Northwind Foods"), ("Data Analyst", "Harbor Freight Lines")]


def test_dates_alone_then_employer_then_title() -> None:
    resume = _parse(
        "Work\n2021-01-01 - present\nKühne Datensysteme GmbH\nSenior Backend Engineer\n- Led the settlement migration\n"
        "2017-10-01 - 2020-12-31\nSociété Lumière Numérique\nSoftware Developer\n- Built the route planning API\n"
    )
    assert roles(resume) == [
        ("Senior Backend Engineer", "Kühne Datensysteme GmbH"), ("Software Developer", "Société Lumière Numérique")]


def test_ordinary_case_margin_headings_are_split_when_the_document_does_it_repeatedly() -> None:
    resume = _parse(
        "Noor Haddad\nnoor@example.com\nWork Quillfeather Logistics\nSenior Analyst 2021 - Present\n"
        "• Built the weekly capacity forecast\nEducation Lakemont University\nBSc Economics 2014 - 2018\n"
        "Skills Python, SQL, Forecasting\n"
    )
    assert [s.name for s in resume.sections] == ["experience", "education", "skills"]
    assert roles(resume) == [("Senior Analyst", "Quillfeather Logistics")]


def test_a_bare_date_line_takes_both_the_title_and_the_employer_line_below_it() -> None:
    # simplecv / Europass shape: the date alone, then the title, then the employer with its place.
    resume = _parse("\n".join([
        "Robin Vale", "robin@example.org", "Experience",
        "Apr. 2021 – Present", "Director of Data Platforms", "Quillmark Foods, Denver, CO",
        "Led a platform group of thirty engineers.",
        "Jan. 2018 – Mar. 2021", "Senior Manager, Analytics", "Quillmark Foods, Denver, CO",
        "Grew the analytics team from four to twelve people.",
        "Sep. 2011 – May. 2015", "Data Analyst", "Orbison Freight, Tulsa, OK",
        "Education", "B.S. in Mathematics, Example College, 2011",
    ]))
    assert roles(resume) == [
        ("Director of Data Platforms", "Quillmark Foods"), ("Senior Manager, Analytics", "Quillmark Foods"),
        ("Data Analyst", "Orbison Freight")]


def test_a_career_break_among_employer_blocks_is_no_job_and_takes_no_employer() -> None:
    # Employer over "Title  dates" rows: the break sits between two employers and must leave the next one its
    # employer line; set in bold it is still an entry, not a heading.
    resume = parse_resume(_styled([
        ("Sam Ortega", 22.0, 1.0), ("sam@example.org", _BODY, 0.0),
        ("CAREER HISTORY", 12.0, 1.0),
        ("Brightfield Rail GmbH Munich, Germany", _BODY, 1.0),
        ("Lead Firmware Engineer March 2021 – Present", _BODY, 0.0),
        ("• Lead the signalling firmware team.", _BODY, 0.0),
        ("Family care", _BODY, 1.0),
        ("Career break September 2019 – February 2021", _BODY, 0.0),
        ("Cormorant Motors SA Lyon, France", _BODY, 1.0),
        ("Embedded Software Engineer January 2015 – August 2019", _BODY, 0.0),
        ("• Wrote drivers for braking controllers.", _BODY, 0.0),
        ("EDUCATION", 12.0, 1.0), ("M.Sc. Electronics, Example University, 2014", _BODY, 0.0),
    ]))
    assert [s.name for s in resume.sections] == ["experience", "education"]
    assert roles(resume) == [
        ("Lead Firmware Engineer", "Brightfield Rail GmbH"), ("Embedded Software Engineer", "Cormorant Motors SA")]


@pytest.mark.parametrize("gap", ["Career development/non-professional", "Self-study: machine learning", "Upskilling"])
def test_time_spent_learning_between_jobs_is_no_role(gap: str) -> None:
    resume = _parse(f"Sam Rivera\nsam@example.org\nExperience\n{gap}  Dec 2023 - Present\n"
                    "• Completed two cloud certifications\n"
                    "Senior Support Engineer, Globex  Aug 2019 - Nov 2023\n• Ran the on-call rota for 40 services\n")
    assert [j.title for j in resume.experience] == ["Senior Support Engineer"]


def test_a_phone_written_in_pairs_is_found_when_a_postcode_follows_on_its_line() -> None:
    resume = _parse("\n".join([
        "Claire Example", "claire@example.org +33 6 12 34 56 78 69002 Lyon, France", "Experience",
        "Embedded Engineer, Example Rail, 2019 - Present",
    ]))
    assert resume.contact.phone == "+33 6 12 34 56 78"


def test_a_large_name_wrapped_onto_two_lines_is_read_whole() -> None:
    resume = parse_resume(_styled([
        ("Anneliese", 24.0, 0.0), ("Vandersloot-Kerrigan", 24.0, 0.0), ("Principal Platform Engineer", 14.0, 0.0),
        ("anneliese@example.org", _BODY, 0.0), ("Experience", 13.0, 1.0),
        ("2019 - Present Platform Engineer, Globex, Austin, TX", _BODY, 0.0),
    ]))
    assert resume.contact.name == "Anneliese Vandersloot-Kerrigan"


def test_timeline_years_alone_above_each_entry_date_it() -> None:
    # A timeline CV prints the start year beside a bar above the header, and the end year under it when it ended.
    resume = _parse("\n".join([
        "Jo Example", "jo@example.org", "Experience",
        "2021", "Associate Professor, Example University, Oslo, Norway", "• Lead the systems group.",
        "2016", "Assistant Professor, Example University, Oslo, Norway", "2021", "• Founded the lab.",
        "Education", "2008", "Ph.D. in Computer Science, Example Institute",
    ]))
    assert [(j.title, j.company, j.start, j.end) for j in resume.experience] == [
        ("Associate Professor", "Example University", "2021-01", "Present"),
        ("Assistant Professor", "Example University", "2016-01", "2021-12")]


def test_the_newest_timeline_entry_without_an_end_year_is_ongoing_beside_an_older_bar_that_ended_later() -> None:
    # moderntimeline: the 2013 post has no end year (its bar runs to the edge); a side job ran 2009-2014.
    resume = _parse("\n".join([
        "Jo Example", "Experience",
        "2013", "Backend Developer, Ecosio GmbH", "Runs the platform.",
        "2009", "Web Developer, Moon GmbH", "2014", "Built two sites.",
        "2004", "System Administrator, Town Ltd", "2010", "Ran the servers.",
    ]))
    assert [(j.title, j.start, j.end) for j in resume.experience][0] == ("Backend Developer", "2013-01", "Present")


def test_under_bare_dates_a_line_left_over_from_the_entry_above_is_not_the_next_employer() -> None:
    # Every entry is "date / title / employer"; the career break's second line must stay with the break.
    resume = _parse("\n".join([
        "Noor Example", "noor@example.org", "Experience",
        "Mar. 2021 – Present", "Lead Firmware Engineer", "Brightfield Rail GmbH, Munich, Germany",
        "Sep. 2019 – Feb. 2021", "Career break", "Family care",
        "Jan. 2015 – Aug. 2019", "Embedded Software Engineer", "Cormorant Motors SA, Lyon, France",
        "Education", "M.Sc. Electronics, Example University, 2014",
    ]))
    assert roles(resume) == [
        ("Lead Firmware Engineer", "Brightfield Rail GmbH"), ("Embedded Software Engineer", "Cormorant Motors SA")]


@pytest.mark.parametrize(
    "entries",
    [
        # Employer over a bare date over the title, then a one-line description.
        ["Pinecrest Logistics", "September 2023 - Present", "Junior Data Engineer", "Warehouse data pipelines.",
         "Atlas Freight", "June 2022 - December 2022", "Data Engineering Intern", "Six-month internship."],
        # "Title at Employer  dates" with an unpunctuated description line between entries.
        ["Junior Data Engineer at Pinecrest Logistics Sep 2023 - Current", "Built the nightly inventory pipeline",
         "Data Engineering Intern at Atlas Freight Jun 2022 - Dec 2022", "Moved shipment reports to a warehouse"],
    ],
)
def test_entries_keep_their_own_employer_whatever_sits_between_them(entries: list[str]) -> None:
    resume = _parse("\n".join(["Ira Example", "ira@example.org", "Experience", *entries, "Education",
                               "B.S. in Statistics, Example College, 2022"]))
    assert roles(resume) == [
        ("Junior Data Engineer", "Pinecrest Logistics"), ("Data Engineering Intern", "Atlas Freight")]


def test_a_career_break_over_its_dated_line_leaves_the_next_title_to_the_next_entry() -> None:
    # "Title / Employer date" entries; the break's own two lines must not take the next entry's title.
    resume = _parse(
        "Casey Example\ncasey@example.com\nExperience\nLead Embedded Engineer\nVoltaris Rail GmbH Mar 2021 - Present\n"
        "• Lead the signalling firmware team.\nCareer break\nFamily care Sep 2019 - Feb 2021\n"
        "Embedded Software Engineer\nAutomobiles Ferrand SA Jan 2015 - Aug 2019\n• Wrote drivers for brakes.\n"
        "Software Engineer\nSorelec Systems Sep 2012 - Dec 2014\n• Maintained test benches.\n"
    )
    assert roles(resume) == [
        ("Lead Embedded Engineer", "Voltaris Rail GmbH"), ("Embedded Software Engineer", "Automobiles Ferrand SA"),
        ("Software Engineer", "Sorelec Systems")]


def test_roles_under_an_employer_dated_with_the_whole_stay_are_the_roles_not_the_employer() -> None:
    """Word resumes often print "Employer — City  2017 – Present" and each title below with its own dates: the
    employer line is no role of its own, and a title with a comma stays whole."""
    resume = _parse(
        "Experience\n"
        "Globex — Berlin March 2017 – Present\n"
        "Director of Engineering March 2022 – Present\n• Led four teams\n"
        "Senior Manager, Data Platform June 2019 – February 2022\n• Built the feature store\n"
        "Software Engineer March 2017 – May 2019\n• Wrote the billing service\n"
        "Initech — Hamburg January 2012 – February 2017\nData Analyst\n• Forecast load\n"
    )
    assert roles(resume) == [
        ("Director of Engineering", "Globex"), ("Senior Manager, Data Platform", "Globex"),
        ("Software Engineer", "Globex"), ("Data Analyst", "Initech")]


def test_volunteering_and_guest_lecturing_beside_a_career_are_not_jobs_but_a_volunteers_resume_keeps_them() -> None:
    career = _parse(
        "Experience\nDirector of Data Science, Globex\nMar 2021 - Present\n• Led 30 people\n"
        "Volunteer Mentor, Code Club\nJan 2019 - Present\n• Mentor two evenings a month\n"
        "Guest Lecturer, Applied ML, Example University\nOct 2018 - Mar 2020\n• A yearly course\n"
        "Data Scientist, Initech\nJan 2015 - Feb 2021\n• Built models\n"
        "Data Analyst, Umbrella\nJan 2012 - Dec 2014\n• Reports\n"
    )
    assert [j.title for j in career.experience] == ["Director of Data Science", "Data Scientist", "Data Analyst"]
    student = _parse(
        "Experience\nVolunteer Swim Coach, Riverside Pool\nJun 2022 - Present\n• Coach 20 children\n"
        "Volunteer, Food Bank\nJan 2021 - Present\n• Sort donations\n"
        "Barista, Bean There\nJun 2020 - Aug 2021\n• Served customers\n"
    )
    assert len(student.experience) == 3  # volunteering is most of what this person lists: it is their experience


def test_an_employer_ending_in_cion_or_ciones_is_not_read_as_a_cio_title() -> None:
    resume = _parse(
        "Experience\nTelvira Comunicaciones — Barcelona March 2018 – December 2019\nData Scientist\n• Churn models\n"
        "Período sabático set. 2015 – abr. 2016\n"
        "Banco Ribera — Bilbao September 2012 – August 2015\nRisk Analyst\n• Scorecards\n"
    )
    assert roles(resume) == [
        ("Data Scientist", "Telvira Comunicaciones"), ("Risk Analyst", "Banco Ribera")]


def test_a_career_break_between_employer_blocks_leaves_the_next_employer_to_its_roles() -> None:
    """The Harvard template prints each employer above its dated titles; a parental leave is a dated line of its
    own, and the employer under it heads the next role, not the leave."""
    resume = _parse(
        "Experience\nGlobex\nHead of Data Science October 2021 – Present\n• Led 22 people\n"
        "Lead Data Scientist April 2019 – September 2021\n• Built the forecast\n"
        "Parental leave May 2018 – March 2019\n"
        "Initech\nSenior Data Scientist September 2014 – April 2018\n• Fraud models\n"
        "Umbrella Energy\nData Analyst October 2012 – August 2014\n• Load forecasting\n"
    )
    assert roles(resume) == [
        ("Head of Data Science", "Globex"), ("Lead Data Scientist", "Globex"),
        ("Senior Data Scientist", "Initech"), ("Data Analyst", "Umbrella Energy")]


def test_a_promotion_line_under_an_employer_printed_above_keeps_its_comma_and_the_employer() -> None:
    resume = _parse(
        "Experience\nGlobex\nDirector of Engineering March 2022 – Present\n• Led four teams\n"
        "Senior Manager, Data Platform June 2019 – February 2022\n• Built the feature store\n"
        "Software Engineer March 2017 – May 2019\n• Wrote the billing service\n"
        "Initech\nData Analyst January 2012 – February 2017\n• Forecast load\n"
    )
    assert roles(resume) == [
        ("Director of Engineering", "Globex"), ("Senior Manager, Data Platform", "Globex"),
        ("Software Engineer", "Globex"), ("Data Analyst", "Initech")]


def test_a_range_wrapped_onto_a_line_of_its_own_is_no_page_number() -> None:
    """A long entry line pushes its tab-stop dates onto the next line ("... Seattle, WA 01/2019 –" / "12/2021"):
    the end date is not a "1/2"-style page number to drop."""
    resume = _parse(
        "Experience\nEngineering Manager, Search Ranking | Lindqvist Retail | Portland, OR 03/2017 – 04/2020\n"
        "• Led the ranking team\n"
        "Senior Software Engineer, Query Understanding and Spelling | Lindqvist Retail | Portland, OR 06/2014 –\n"
        "02/2017\n• Spelling correction\n"
    )
    assert [(j.start, j.end) for j in resume.experience] == [("2017-03", "2020-04"), ("2014-06", "2017-02")]


def test_word_and_docs_list_bullets_stay_bullets() -> None:
    """Word's Symbol-font bullet (private-use U+F0B7) and Docs' black circle mark a bullet even on a short line."""
    resume = _parse(normalize_text(
        "Experience\nData Scientist, Globex\nJan 2020 - Present\n\uf0b7 Built the pricing engine for 40 markets\n"
        "Data Science Intern, Initech\nJun 2019 - Aug 2019\n\uf0b7 Credit scoring experiments.\n"
        "Analyst, Umbrella\nJan 2018 - May 2019\n● Reports on churn.\n"
    ))
    assert [[b.text for b in j.bullets] for j in resume.experience] == [
        ["Built the pricing engine for 40 markets"], ["Credit scoring experiments."], ["Reports on churn."]]


@pytest.mark.parametrize("glyph", ["➤", "▸", "→", "»", "§", "∙", "+", ">", "o"])
def test_any_symbol_opening_two_lines_is_the_lists_bullet(glyph: str) -> None:
    """Word's arrowheads, chevrons, section signs, a second level's "o": the symbol a document opens its list
    lines with is its bullet, whatever the font drew. Some were dropped as decoration (the lines then read as
    headers: "Reduced churn by 12%" became an employer), others kept as text (a line's first word)."""
    entries = [("Data Scientist", "Globex", "Jan 2020 - Present"), ("Analyst", "Umbrella", "Jan 2018 - Dec 2019")]
    resume = _parse(normalize_text("Experience\n" + "".join(
        f"{title}, {employer} | {dates}\n{glyph} Built the pricing engine for 40 markets\n{glyph} Led two analysts\n"
        f"{glyph} Reduced churn by 12% with an uplift model\n" for title, employer, dates in entries)))
    assert roles(resume) == [(t, e) for t, e, _ in entries]
    assert [[b.text for b in j.bullets] for j in resume.experience] == [
        ["Built the pricing engine for 40 markets", "Led two analysts", "Reduced churn by 12% with an uplift model"]] * 2


def test_a_symbol_opening_one_line_stays_as_written() -> None:
    """One line opening with "+" (a phone number) or an arrow is no list: left as written."""
    assert normalize_text("+ 1 617 555 0100\n→ Present role below") == "+ 1 617 555 0100\n→ Present role below"


def test_fontawesome_pointing_icons_leaked_as_names_are_bullets() -> None:
    """A LaTeX CV's FontAwesome bullet printed as its name ("Angle-Right Pilotage Agile"): a bullet, and the
    icon's name no part of what the candidate wrote."""
    resume = _parse(normalize_text(
        "Experience\nData Scientist, Globex\nJan 2020 - Present\nAngle-Right Built the pricing engine for 40 markets\n"
        "Chevron-Right Led two analysts\nAnalyst, Umbrella\nJan 2018 - May 2019\nCaret-Right Reports on churn.\n"))
    assert [[b.text for b in j.bullets] for j in resume.experience] == [
        ["Built the pricing engine for 40 markets", "Led two analysts"], ["Reports on churn."]]


def test_a_place_written_after_every_employer_is_the_place_not_part_of_the_employer() -> None:
    """"Vellore Santé, Paris" on each entry, the candidate living in Paris: the employer is "Vellore Santé". A
    lone "Foo, Bar" employer is left as printed (it may be the name), unless "Bar" is a city GeoNames knows."""
    entries = ("Director of Applied AI\nVellore Santé, Paris\nJan 2020 - Present\n• Lead 30 people on imaging\n"
               "Research Engineer\nInstitut Lumière, Lyon\nOct 2013 - Dec 2019\n• Segmentation models\n"
               "Data Science Intern\nBanque Rivemont, Paris\nMar 2013 - Aug 2013\n• Credit scoring models\n")
    resume = _parse("Inès Example\nParis, France | ines@example.org\nExperience\n" + entries)
    assert [(j.company, j.location) for j in resume.experience] == [
        ("Vellore Santé", "Paris"), ("Institut Lumière", "Lyon"), ("Banque Rivemont", "Paris")]
    short = _parse("Inès Example\nines@example.org\nExperience\n" + entries.split("Data Science Intern")[0].replace(
        "Institut Lumière, Lyon", "Rivemont, Delacroix"))
    assert [(j.company, j.location) for j in short.experience] == [
        ("Vellore Santé", "Paris"), ("Rivemont, Delacroix", None)]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [("Career Snapshot", "summary"), ("Career Profile", "summary"), ("Career Overview", "summary"),
     ("Career History", "experience"), ("Professional Journey", "experience"), ("Technical Toolkit", "skills")],
)
def test_a_heading_named_after_the_career_is_read_by_its_other_word(heading: str, expected: str) -> None:
    from assistant.resume.headings import keyword_kind

    assert keyword_kind(heading) == expected


def test_a_two_word_heading_is_not_split_as_a_margin_heading_glued_to_its_first_entry() -> None:
    resume = parse_resume(_styled([
        ("Riley Example", 20.0, 1.0), ("riley@example.org", _BODY, 0.0),
        ("Career Snapshot", 13.0, 1.0), ("Engineering leader with twelve years in payments.", _BODY, 0.0),
        ("Professional Journey", 13.0, 1.0), ("Director of Engineering at Globex", _BODY, 1.0),
        ("Jan 2020 - Present", _BODY, 0.0), ("• Led four teams", _BODY, 0.0),
        ("Certifications & Training", 13.0, 1.0), ("AWS Machine Learning Specialty", _BODY, 0.0),
    ]))
    assert [s.name for s in resume.sections] == ["summary", "experience", "certifications"]


@pytest.mark.parametrize(
    ("first_line", "name"),
    [("Achterberg, Rosalind", "Rosalind Achterberg"), ("Rosalind Achterberg, PhD", "Rosalind Achterberg"),
     ("Rosalind J. Achterberg, MBA", "Rosalind J. Achterberg"), ("Oakland, CA", None)],
)
def test_a_pasted_resume_names_its_candidate_in_natural_order_without_credentials(first_line: str,
                                                                                  name: str | None) -> None:
    """Pasted text has no typography to find the name by; the first line still reads as a reader reads it."""
    resume = _parse(f"{first_line}\nrosalind@example.org | +1 646 555 0178\nExperience\nData Engineer, Globex\n"
                    "Jan 2020 - Present\n• Built pipelines for 40 teams\n")
    assert resume.contact.name == name


def test_moderncv_lines_with_an_employment_type_and_a_technologies_label_read_as_roles() -> None:
    """moderncv CVs print "Title, Employer, Full-time, City" on the dated line and end each role with a
    "Technologies: ..." line. How the role was held is no part of the employer, what follows it is the place, and
    the technologies line is the role's body: not a heading that ends the work history, not the next employer."""
    resume = _parse(
        "Ana Example\nana@example.org\nWork Experience\n"
        "Jan 2023 – To date Senior Software Engineer, Telnova, Full-time, Remote\n"
        "• Built the billing platform for telecom operators.\nTechnologies: Golang, TypeScript, React, GraphQL\n"
        "Nov 2020 – Dec 2022 Senior Software Engineer, Klarbank, Full-time, Stockholm\n"
        "• Built tools for the customer service department.\nTechnologies: Node.js, TypeScript, React, Kafka\n"
        "Nov 2018 – Oct 2020 Software Engineer, Medalio, Part-time, Lisbon\n"
        "• Worked on Node.js services.\nTechnologies: Node.js, React, Kafka, PostgreSQL\n"
        "Education\n2014-2018 BSc Software Engineering, Example University\n")
    assert [s.name for s in resume.sections] == ["experience", "education"]
    assert [(j.title, j.company, j.location) for j in resume.experience] == [
        ("Senior Software Engineer", "Telnova", None), ("Senior Software Engineer", "Klarbank", "Stockholm"),
        ("Software Engineer", "Medalio", "Lisbon")]


def test_a_personal_project_named_in_the_employers_place_is_not_a_job() -> None:
    resume = _parse(
        "Kim Example\nExperience\nSoftware Engineer\nParcelbright Jul 2024 - Present\n• Built the refunds API.\n"
        "Personal project: Bus Tracker\nOpen source Jan 2022 - Dec 2022\n• A live bus map used by 400 students.\n"
        "Data Analyst\nLumen Bank Jun 2020 - Jun 2024\n• Wrote a reconciliation tool.\n")
    assert roles(resume) == [
        ("Software Engineer", "Parcelbright"), ("Data Analyst", "Lumen Bank")]


def test_dates_alone_over_one_line_headers_each_date_the_header_under_it() -> None:
    """moderncv with the dates in the margin: each date alone on its line, the header under it on one line ("Title,
    Employer, City, Country"), long or wrapped after a comma, no bullets. The section opens on a date, so every
    header is under its date, not over the next one; a date with no words at all (a footer) is no role."""
    resume = _parse(
        "Juana Example\nExperience\nfeb/22 → Today\nBusiness Performance Analyst (OWE), Aerobus, Broughton, UK\n"
        "feb/20 → feb/22\nQuality Data & Reporting Specialist (QMO), Aerobus, Broughton, UK\n"
        "jul/16 → jul/17\nInternship at Manufacturing Engineering (DRK), Aerobus, Puerto Real,\nSpain\n"
        "oct/14 → jan/15\nInternship at NC Programs & Automatization, Aerobus Defence & Space,\n"
        "El Puerto de Santa María, Spain\nDecember 2026\n")
    assert [(j.start, j.end) for j in resume.experience] == [
        ("2022-02", "Present"), ("2020-02", "2022-02"), ("2016-07", "2017-07"), ("2014-10", "2015-01")]
    assert [j.title for j in resume.experience][:2] == [
        "Business Performance Analyst (OWE)", "Quality Data & Reporting Specialist (QMO)"]
    assert "Manufacturing" in f"{resume.experience[2].title} {resume.experience[2].company}"
    assert "NC Programs" in f"{resume.experience[3].title} {resume.experience[3].company}"


def test_an_academic_cv_counts_posts_not_degree_work_memberships_or_paper_titles() -> None:
    """A lab CV: posts dated 'M/YY–Present', doctoral research among them, memberships held 'since' a year, and
    paper titles that start with a heading's word ("Research Challenges for ...") in a long publication list. Only
    the posts are roles: a paper title is no "Research" heading that makes the papers after it roles."""
    resume = _parse(
        "Kim Example\nWork Experience\nPrincipal Investigator Sandia Example Labs 1/2017–Present\n"
        "Led the visualization toolkit project.\nScalable Visualization Sandia Example Labs, 8/99–12/16\n"
        "Developed parallel rendering algorithms.\nDoctoral Research Example University, 8/01–8/04\n"
        "Studied volume rendering.\nPublications\nA Paper on Rendering. Kim Example. IEEE Vis, May 2014.\n"
        "Research Challenges for Visualization Software. Ann Other, Kim Example,\n"
        "and Bo Third. IEEE Computer, Volume 46, May 2013, pg. 34–42.\n"
        "Another Paper. Kim Example and Ann Other. EuroVis, June 2012.\n"
        "Research Directions in Parallel Rendering. Bo Third, Kim Example,\n"
        "and Ann Other. Tech Report, April 2011.\n"
        "Professional Activities\nAssociation for Computing Machinery (ACM) Member since 1998.\n")
    assert [(j.start, j.end) for j in resume.experience] == [("2017-01", "Present"), ("1999-08", "2016-12")]
    assert not any(s.heading.startswith("Research") for s in resume.sections)


def test_an_employer_before_a_two_word_place_is_not_taken_for_part_of_the_place() -> None:
    """ "Data Scientist, Altenor, Puerto Real, Spain": the place is the end of the line; the employer before it
    stays the employer (it was read as the start of a three-part place)."""
    resume = _parse("Jo Example\nExperience\nJul 2017 - Jan 2020\nData Scientist, Altenor, Puerto Real, Spain\n"
                    "• Built models.\n")
    assert (resume.experience[0].title, resume.experience[0].company) == ("Data Scientist", "Altenor")


# Two roles of an invented work history, one per dated line, each with a bullet.
TWO_ROLES = ("Head of Data Science, Northwind Analytics  March 2019 - Present\n• Grew the team from 4 to 18 people\n"
             "Senior Data Scientist, Globex  June 2014 - February 2019\n• Shipped the pricing model to 2M users\n")


def test_roles_under_a_missed_heading_are_read_but_the_reading_is_unsure() -> None:
    # The work history's heading ("What I have done") is not one the reader knows, so its roles run on under the
    # Languages section above. Languages carry no dates: dated lines there are roles. They are read, and the review
    # is told the reading is a guess (low confidence), never that there is no experience.
    resume = _parse(f"Sam Rivera\nsam@example.org\nLanguages\nEnglish, Spanish\nWhat I have done\n{TWO_ROLES}")
    # (The missed heading itself reads like an employer over both roles: one more reason to call the reading unsure.)
    assert [j.start for j in resume.experience] == ["2019-03", "2014-06"]
    assert "Head of Data Science" in (resume.experience[0].title or "")
    assert resume.confidence["experience"] < 0.4
    assert any("outside any recognisable experience heading" in p for p in resume.reading_problems)


def test_roles_run_on_under_education_are_read_and_the_degrees_are_not_roles() -> None:
    # No work-history heading at all (drawn as an image, say): the roles run on under Education. They are read
    # as roles, the degrees above them are not, and the reading is unsure, never "no experience".
    resume = _parse("Sam Rivera\nsam@example.org\nEducation\nMSc Computer Science, ETH Zurich  2008 - 2010\n"
                    f"BSc Physics, University of Bern  2005 - 2008\n{TWO_ROLES}Skills\nPython, Spark\n")
    assert [(j.start, j.end) for j in resume.experience] == [("2019-03", "Present"), ("2014-06", "2019-02")]
    assert "Head of Data Science" in (resume.experience[0].title or "")
    assert resume.years_experience is not None and resume.years_experience > 10
    assert resume.confidence["experience"] < 0.4
    assert any("outside any recognisable experience heading" in p for p in resume.reading_problems)


def test_roles_under_an_unknown_heading_are_read_not_replaced_by_one_volunteer_role() -> None:
    # A pasted resume whose work history is headed in words no lexicon lists runs on under the profile above it.
    # Its one volunteer role (a section the reader does know) used to stand in for the whole work history: the
    # review showed a single "Volunteer Mentor" role and nothing of the career. The dated roles are read instead.
    resume = _parse("Sam Rivera\nsam@example.org\nAbout Me\nData science leader who builds forecasting teams.\n"
                    f"Chapters So Far\n{TWO_ROLES}Volunteering\nVolunteer Mentor, Code Club  2020 - Present\n"
                    "• Mentor two evenings a month\n")
    assert [j.start for j in resume.experience] == ["2019-03", "2014-06"]
    assert resume.years_experience is not None and resume.years_experience > 10
    assert resume.confidence["experience"] < 0.4  # still a guess, and said to be one


def test_an_unknown_heading_over_one_line_entries_is_not_the_first_roles_employer() -> None:
    # Every entry names its title and employer on its dated line; the unknown heading above the first one was
    # read as that role's employer ("Principal Platform Engineer" at "Chapters So Far").
    resume = _parse("Sam Rivera\nsam@example.org\nAbout\nPlatform engineer at four companies.\nChapters So Far\n"
                    "2023–present Principal Platform Engineer, Stratagem Cloud, Austin, TX.\n"
                    "2020–2022 Staff Site Reliability Engineer, Harborline Financial, Dallas, TX.\n"
                    "2018–2020 Senior DevOps Engineer, Quokka Health, Remote.\n")
    assert [j.company for j in resume.experience] == ["Stratagem Cloud", "Harborline Financial", "Quokka Health"]


def test_a_career_run_on_under_education_is_read_beside_a_short_experience_section() -> None:
    # A short "Research Experience" holds one post; the career's own heading is missed (drawn as an image), so its
    # roles run on under Education. They used to be dropped because one role had been read: the review showed one
    # role and two years of experience. Both are read, the career in document order, and the reading is unsure.
    resume = _parse("Sam Rivera\nsam@example.org\nResearch Experience\n"
                    "Research Assistant, Vision Lab  2010 - 2012\n• Built the tracker.\n"
                    "Education\nMSc Computer Science, ETH Zurich  2008 - 2010\n"
                    f"BSc Physics, University of Bern  2005 - 2008\n{TWO_ROLES}Skills\nPython, Spark\n")
    assert [j.start for j in resume.experience] == ["2010-01", "2019-03", "2014-06"]
    assert "Head of Data Science" in (resume.experience[1].title or "")
    assert resume.confidence["experience"] < 0.4
    assert any("outside the work-history section" in p for p in resume.reading_problems)


def test_schooling_named_with_job_words_is_no_career_run_on_beside_an_experience_section() -> None:
    # A French engineering degree names a job word ("Ingénieur en Informatique, CPE Lyon") and the school-leaving
    # certificate follows it: Education's own entries, not a career run on from a missed heading.
    resume = _parse("Sam Rivera\nsam@example.org\nExpérience\n"
                    "Ingénieur R&D, Stormhold  2016 - 2023\n• Built the firewall.\n"
                    "Ingénieur en développement, Qualiflux  2012 - 2016\n• Built the billing service.\n"
                    "Formation\nIngénieur en Informatique et Réseaux, CPE Lyon  2009 - 2012\n"
                    "Option Sciences de l'Ingénieur, Bac Scientifique, Lycée Branly  2005 - 2006\n")
    assert [j.company for j in resume.experience] == ["Stormhold", "Qualiflux"]


def test_a_one_word_heading_of_another_kind_ends_the_roles_run_on_under_education() -> None:
    # Roles run on under Education (their heading missed), then a volunteering list under a one-word heading that
    # plain text cannot set apart ("VOLUNTEER"): the roles are the work history, the volunteer entries are not.
    resume = _parse("Sam Rivera\nsam@example.org\nEducation\nMSc Computer Science, ETH Zurich  2008 - 2010\n"
                    f"{TWO_ROLES}VOLUNTEER\nCode Club Mentor, Riverside Library  2018 - Present\n"
                    "Board Member, Food Bank  2016 - 2019\n")
    assert [j.start for j in resume.experience] == ["2019-03", "2014-06"]


def test_roles_run_on_under_projects_are_read_as_a_last_resort() -> None:
    # The work history's heading is missed (drawn as an image) right after a Projects list, so the roles run on
    # under Projects -- a kind that holds dated entries of its own, read last. Two dated entries that name job
    # titles are the roles, shown as unsure; "no work history could be found" would tell the user their roles are
    # missing because the reader missed them.
    resume = _parse("Sam Rivera\nsam@example.org\nProjects\nLumen, a shared whiteboard  2019\n• Built in Go.\n"
                    "Harbor Robotics, Boston, MA\nResearch Engineer  May 2015 – Present\n• Built the grasp planner.\n"
                    "Globex Corporation, New York, NY\nSoftware Engineer Intern  June 2014 – August 2014\n"
                    "• Shipped the export tool.\nSkills\nPython, Go\n")
    assert [(j.title, j.start) for j in resume.experience] == [("Research Engineer", "2015-05"),
                                                                 ("Software Engineer Intern", "2014-06")]
    assert resume.confidence["experience"] < 0.4
    assert any("outside any recognisable experience heading" in p for p in resume.reading_problems)


def test_a_dated_header_wrapped_mid_field_by_a_narrow_column_is_one_header() -> None:
    # A narrow column wraps "2021–present Principal Platform Engineer, Stratagem Cloud, Austin, TX." after the
    # title's comma: the employer is on the next line, which is the header's end, not a line of its own.
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\n"
                    "2021–present Principal Platform Engineer,\nStratagem Cloud, Austin, TX.\n"
                    "Led the move of 40 services to one platform.\n"
                    "2014–2016 Backend Developer, Tinbox Labs,\nAustin, TX.\nBuilt the billing service in Go.\n"
                    "Education\nBSc Computer Science, Texas State  2010 - 2014\n")
    assert roles(resume) == [
        ("Principal Platform Engineer", "Stratagem Cloud"), ("Backend Developer", "Tinbox Labs")]
    # Dates that end their line close it, so the line under them is the header's second line, not a wrap.
    two_lines = _parse("Sam Rivera\nsam@example.org\nExperience\n"
                       "Data Scientist, Telvira  Mar 2018 – Dec 2019\n• Churn models.\n"
                       "Risk Analyst, Model Validation  Sep 2015 – Feb 2018\nBanco Ribera Norte, Bilbao\n"
                       "• Validated 30 credit models.\n")
    assert {j.title: j.company for j in two_lines.experience}["Risk Analyst, Model Validation"] == (
        "Banco Ribera Norte")


def test_an_employer_whose_role_has_its_place_keeps_its_last_word() -> None:
    # "GE Digital New Orleans, LA": the place comes off the line, so the role has its place. "Digital" is not a
    # second place to take off a name in capitals, however many of the resume's employers had their places taken.
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\n"
                    "GE Oil and Gas New Orleans, LA\nStaff Build and Release Engineer  Dec 2016 - Present\n"
                    "• Automated releases.\nGE Digital New Orleans, LA\nSenior Software Engineer  June 2016 - Dec 2016\n"
                    "• Pipelines.\nGE Capital New Orleans, LA\nSenior Java Developer  Oct 2012 - Mar 2015\n"
                    "• Risk calculator.\nOchsner Medical Center New Orleans, LA\nProgrammer Analyst  Aug 2008 - Aug 2010\n"
                    "• Reports.\n")
    assert [j.company for j in resume.experience] == ["GE Oil and Gas", "GE Digital", "GE Capital",
                                                      "Ochsner Medical Center"]
    assert {j.location for j in resume.experience} == {"New Orleans, LA"}


def test_a_forms_from_and_to_rows_are_one_range() -> None:
    # A form's date rows (USAJOBS, converted RTF): "FROM: JAN 2013" over "TO: MAR 2014 Systems Analyst II", the
    # title beside the end date. Each role has its start, its end and its title.
    resume = _parse("Sam Rivera\nsam@example.org\nProfessional Experience\n"
                    "Northwind Health Grand Rapids, MI\nFROM: JAN 2013\nTO: MAR 2014 Systems Analyst II\n"
                    "• Built interfaces.\nHarbor Logistics Grand Rapids, MI\nFROM: MAY 2010\nTO: DEC 2012 Software "
                    "Developer\n• Dispatch tools.\n")
    assert [(j.title, j.company, j.start, j.end) for j in resume.experience] == [
        ("Systems Analyst II", "Northwind Health", "2013-01", "2014-03"),
        ("Software Developer", "Harbor Logistics", "2010-05", "2012-12")]


def test_an_employer_in_lower_case_or_opening_with_a_digit_is_a_name_when_it_ends_in_its_legal_form() -> None:
    # "octomind gmbH" under its dated title: a line in lower case usually goes on the line above, and one opening
    # with a digit is a figure, but a name that ends in its legal form is an employer however it begins.
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\n2023 – Current Lead Engineer\noctomind gmbH\n"
                    "Built the CI/CD standards.\n2015 – 2017 Working student software engineering\n"
                    "1&1 Telecommunications SE\npart-time\nWorked on monitoring tools.\n")
    assert [j.company for j in resume.experience] == ["octomind gmbH", "1&1 Telecommunications SE"]


def test_an_employer_ending_in_a_legal_form_with_its_full_stop_is_no_sentence() -> None:
    # "Acciaierie del Garda S.p.A." between the title and its place and dates: the full stop ends the legal form
    # (one list of legal forms serves both checks), not a sentence of the role's description.
    resume = _parse("Sam Rivera\nsam@example.org\nEsperienza\nIngegnere di processo\nAcciaierie del Garda S.p.A.\n"
                    "Brescia | 2012 – 2017\n• Ridotto gli scarti del 12%.\nTecnico di laboratorio\nFonderia Ligure "
                    "S.r.l.\nGenova | 2009 – 2012\n• Controlli qualità.\n")
    assert roles(resume) == [
        ("Ingegnere di processo", "Acciaierie del Garda S.p.A."), ("Tecnico di laboratorio", "Fonderia Ligure S.r.l.")]


@pytest.mark.parametrize("header", [
    ("Développeuse web (programme \"Volontariat International en Entreprise\") ,", "Nuxeo (https://www.nuxeo.com)"),
    ("Senior Data Scientist,", "Harbor Analytics")])
def test_a_header_wrapped_after_its_comma_goes_on_in_the_line_below(header: tuple[str, str]) -> None:
    # A theme that keeps the employer and its web address together wraps the header after the title's comma: no
    # field ends in a comma, so the short line below is its employer, not a line of the role's description.
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\n" + "\n".join(header) + "\nAugust 2016 — June 2017\n"
                    "Built a marketing data integration app.\nIngénieure logiciel, OpenAirlines\nOctober 2014 — July 2016\n"
                    "Built web services.\n")
    title, employer = (part.split(" (")[0].rstrip(" ,") for part in header)
    assert [(j.company, j.start) for j in resume.experience] == [(employer, "2016-08"), ("OpenAirlines", "2014-10")]
    assert resume.experience[0].title.startswith(title.split(" (")[0])


def test_a_list_ending_in_a_comma_above_the_next_header_stays_in_its_description() -> None:
    # The same wrap in a line that already holds fields and a list ("Lead Engineer - JavaScript/Node," / "Java,
    # Spring and Linux"): a list's comma, not a header's, so the next entry's header keeps its own lines.
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\nTraitwise - Chief Technical Officer\n2009 - 2011\n"
                    "Survey engine with automated analytics.\nLead Engineer - JavaScript/Node,\nJava, Spring and "
                    "Linux\nAdobe Systems - Senior Software Architect\n1997 - 2008\nPhoto editing and storage.\n")
    assert roles(resume) == [
        ("Chief Technical Officer", "Traitwise"), ("Senior Software Architect", "Adobe Systems")]


def test_roles_printed_after_a_contact_sidebar_are_part_of_the_work_history() -> None:
    # A theme prints the sidebar ("CONTACT", its details) between the work history's first role and the rest, and
    # the text comes out in that order: contact details hold no roles, so the dated roles under them ran on from the
    # work history and are read as its roles (the degree after them is no role).
    resume = _parse("Sam Rivera\nExperience\nGlobex\n2019-05 - Present\nSenior Data Engineer\nBuilt the pipelines.\n"
                    "Contact\nEmail\nsam@example.org\nPhone +1 555 010 0199\nInitech\n2016-01 - 2019-04\n"
                    "Data Engineer\nBuilt reports.\nHooli\n2014-03 - 2015-12\nJunior Data Engineer\nFixed dashboards.\n"
                    "Université Centrale\nDiplôme d'Ingénieur\n2010 - 2014\n")
    assert roles(resume) == [
        ("Senior Data Engineer", "Globex"), ("Data Engineer", "Initech"), ("Junior Data Engineer", "Hooli")]


def test_a_glyph_before_every_entrys_employer_is_the_themes_habit_not_a_bullet() -> None:
    # "• selbstständig" over "April, 2019 - Present": a theme sets a glyph before each employer. The section opens
    # with one and most dates have one above them, so they are the entries' employers, not the last achievements
    # above (read as such, the first role took its description's line for its employer and the others followed).
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\n• selbstständig\nApril, 2019 - Present\nSenior Data "
                    "Engineer\n"
                    "Data platform, streaming\n• Built pipelines for 40 teams with Spark,\nKafka and Airflow\n"
                    "• Initech\nMay, 2016 - March, 2019\nData Engineer\nReporting\n• Built finance reports with\n"
                    "dbt and Looker\n• Hooli\nJune, 2014 - April, 2016\nJunior Data Engineer\nDashboards\n"
                    "• Fixed dashboards for the sales team\n")
    assert roles(resume) == [
        ("Senior Data Engineer", "selbstständig"), ("Data Engineer", "Initech"), ("Junior Data Engineer", "Hooli")]


def test_a_short_last_achievement_above_the_next_dates_stays_an_achievement() -> None:
    # Dates first, then the title and employer, then achievements: the last one ("• Led hiring") sits right above
    # the next entry's dates, as short as a name, but no section opens with an achievement.
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\n2019 - Present\nSenior Data Engineer, Globex\n"
                    "• Built pipelines\n• Led hiring\n2016 - 2019\nData Engineer, Initech\n• Built reports\n"
                    "• Ran on-call\n2014 - 2016\nJunior Data Engineer, Hooli\n• Fixed dashboards\n")
    assert roles(resume) == [
        ("Senior Data Engineer", "Globex"), ("Data Engineer", "Initech"), ("Junior Data Engineer", "Hooli")]


def test_roles_a_skills_sidebar_interrupted_are_read_though_a_degree_follows_them() -> None:
    # The sidebar's "Skills" printed between the work history's first role and the rest, the sidebar's degree
    # after them: the roles ran on from the work history. Only under Education do they start after its schooling.
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\nGlobex  2019-05 - Present\nSenior Data Engineer\n"
                    "Built the pipelines.\nSkills\nPython, SQL, Spark\nInitech  2016-01 - 2019-04\nData Engineer\n"
                    "Built reports.\nHooli  2014-03 - 2015-12\nJunior Data Engineer\nFixed dashboards.\n"
                    "BSc Computer Science, Example University\n2010 - 2014\n")
    assert roles(resume) == [
        ("Senior Data Engineer", "Globex"), ("Data Engineer", "Initech"), ("Junior Data Engineer", "Hooli")]


def test_an_employer_wrapped_at_its_compounds_hyphen_is_one_name() -> None:
    # "Robotron Datenbank-" / "Software GmbH" in a narrow column: the compound's hyphen ends the line, and the name
    # goes on below it (read apart, the first half became the title and the second the employer).
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\nRobotron Datenbank-\nSoftware GmbH\nSplunk Developer\n"
                    "2019-01 - Present\n• Built the dashboards\nProfiq s.r.o.\nSoftware Developer\n2018-10 - 2019-01\n"
                    "• Tested the apps\n")
    assert roles(resume) == [
        ("Splunk Developer", "Robotron Datenbank-Software GmbH"), ("Software Developer", "Profiq s.r.o.")]


def test_a_place_with_a_note_in_brackets_is_the_roles_place_not_its_employer() -> None:
    # "Dallas, TX (and other locations)" under "2017-Present Contino, Technical Principal": the note says where
    # else the work was, so the line is still a place, and the dated line holds the employer and the title.
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\n2017-Present Contino, Technical Principal\n"
                    "Dallas, TX (and other locations)\n• Built delivery teams.\n2015-2016 Namely, Site Reliability "
                    "Engineer\nNew York, NY\n• Kept payroll up.\n")
    first = resume.experience[0]
    assert (first.title, first.company, first.location) == ("Technical Principal", "Contino",
                                                             "Dallas, TX (and other locations)")


def test_a_postdoc_is_a_role() -> None:
    # "Postdoc" names a job (research scientists' first role after a PhD); with no title word it was taken for
    # studies at a university, and the work history under the missed heading ("Chapters So Far") was one role short
    # of being read at all: the one volunteer role stood in for it.
    resume = _parse("Sam Rivera\nsam@example.org\nResearch Interests\nOptimisation and deep learning.\n"
                    "Chapters So Far\nAssistant Professor, University of Montreal  2017 - 2022\n"
                    "Postdoc, Stanford University  2015 - 2017\n"
                    "Volunteering\nVolunteer Mentor, Code Club  2020 - Present\n")
    assert [j.start for j in resume.experience] == ["2017-01", "2015-01"]


def test_the_plain_text_check_reading_makes_no_last_resort_guess() -> None:
    # The plain-text re-reading that checks a PDF's layout reading (readings_disagree) must not vouch for it with
    # the last reading's guess: a plain reading that finds no role is itself a sign of misreading.
    text = ("Sam Rivera\nsam@example.org\nEducation\nMSc Computer Science, ETH Zurich  2008 - 2010\n"
            f"{TWO_ROLES}")
    assert len(_parse(text).experience) == 2
    assert parse_resume(ExtractedText(text=text, pages=1), last_resort=False).experience == []


def test_dated_courses_beside_a_degree_are_not_read_as_roles() -> None:
    # Dated entries that name no job title (a certificate, a workshop) are courses, not roles; the reading still
    # says no role was found rather than presenting an empty work history as sure.
    resume = _parse("Sam Rivera\nsam@example.org\nEducation\nBSc Physics, University of Bern  2019 - 2022\n"
                    "Certificate in Data Science\nStanford Online  2020 - 2021\n"
                    "Workshop on Causal Inference\nETH Zurich  2019 - 2019\n")
    assert resume.experience == [] and resume.confidence["experience"] < 0.4


def test_a_work_history_line_with_several_date_ranges_makes_the_reading_unsure() -> None:
    # Three roles set side by side in a grid, read across: one line holds all three ranges. Whatever roles the
    # reader makes of it, the user is told to check them rather than shown the reading as sure.
    resume = _parse(
        "Sam Rivera\nsam@example.org\nExperience\nNorthwind Analytics  Globex  Initech\n"
        "Head of Data Science  Senior Data Scientist  Data Scientist\n"
        "March 2019 – Present  June 2014 – February 2019  May 2011 – May 2014\n"
        "• Grew the team from 4 to 18 people\n"
    )
    assert resume.confidence["experience"] < 0.4 and resume.confidence["years"] < 0.4
    assert any("several date ranges" in p for p in resume.reading_problems)


def test_one_roles_periods_listed_on_its_line_leave_the_reading_sure() -> None:
    # Someone who left and came back lists both periods after the role ("Jun 2007 — Feb 2009, Sep 2011 — Aug
    # 2012", a JSON Resume theme's output): one role, read right, not entries read across.
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\nHead of ML, Initech  Jan 2018 - Present\n• Led 20 "
                    "engineers.\nINFI B.V., Developer  Jun 2007 — Feb 2009, Sep 2011 — Aug 2012\n• Built fraud models.\n"
                    "Data Analyst, Hooli  2005 - 2007\n• Ran tests.\n")
    assert [(j.title, j.company, j.start, j.end) for j in resume.experience][1] == (
        "Developer", "INFI B.V.", "2007-06", "2012-08")
    assert resume.confidence["experience"] >= 0.7 and not resume.reading_problems


def test_an_employer_that_reads_like_a_sentence_makes_the_reading_unsure() -> None:
    # A line of prose over the first dated title is taken for its employer; the user is told to check the roles
    # rather than shown "Verantwortung für ein Budget ..." as an employer read with confidence. (An English
    # description, "Responsible for 12 models and 3 teams across Europe", is no longer taken: `description_line`.)
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\nVerantwortung für ein Budget von 2,4 Mio. EUR\n"
                    "Head of ML  2018 - Present\n• Led 20 engineers.\nSenior Data Scientist, Initech  2014 - 2018\n"
                    "• Built fraud models.\n")
    assert resume.confidence["experience"] < 0.4
    assert any("reads like a sentence" in p for p in resume.reading_problems)


def test_an_employer_in_lower_case_beside_a_capitalised_title_makes_the_reading_unsure() -> None:
    # A table's description cell read beside its title ("Senior ML Engineer Vinterberg Retail — built product").
    misread = _parse("Sam Rivera\nsam@example.org\nExperience\nHead of ML — Initech  2018 - Present\n• Led 20 "
                     "engineers.\nSenior ML Engineer Vinterberg Retail — built product  2014 - 2018\n• Built search.\n")
    assert any("\"built product\" was read as an employer" in p for p in misread.reading_problems)
    # An all-lower-case resume sets its titles in lower case too; a lower-case brand is no misreading.
    styled = _parse("Sam Rivera\nsam@example.org\nExperience\nhead of ml — initech corp  2018 - present\n• led 20 "
                    "engineers.\nsenior director, ai platform — booking.com  2014 - 2018\n• built search.\n")
    assert [j.company for j in styled.experience] == ["initech corp", "booking.com"]
    assert not any("reads like a sentence" in p for p in styled.reading_problems)


def test_a_title_that_reads_as_a_description_or_a_month_read_as_an_employer_makes_the_reading_unsure() -> None:
    # A date column's start read beside a description line: the role's "title" is the description's words in lower
    # case, where the other titles are capitalised. And a range cut off from its year leaves its month as a field.
    described = _parse("Sam Rivera\nsam@example.org\nExperience\nHead of ML, Initech  2018 - Present\n• Led 20 "
                       "engineers.\n2014 - 2018 desarrollo de proyectos tanto personales\ncomo para clientes.\n"
                       "Senior Data Scientist, Globex  2010 - 2014\n• Built fraud models.\n")
    assert any("\"desarrollo de proyectos tanto personales" in p and "was read as a title" in p
               for p in described.reading_problems)
    month = _parse("Sam Rivera\nsam@example.org\nExperience\nHead of ML, Initech  2018 - Present\n• Led 20 "
                   "engineers.\nData Scientist | Mar | Feb 2012 - Aug 2014\n• Built fraud models.\n")
    assert any("\"Mar\" was read as a title or an employer" in p for p in month.reading_problems)
    # A French title in sentence case is a title ("Stage de fin d'études").
    french = _parse("Sam Rivera\nsam@example.org\nExpérience\nDéveloppeur web, Initech  2018 - Present\n• Refonte "
                    "du site.\nStage de fin d'études, Globex  2017 - 2018\n• Outils internes.\n")
    # (The internship first on its line is the role, not a qualifier of it: "Globex" is no place.)
    assert (french.experience[1].title, french.experience[1].company) == ("Stage de fin d'études", "Globex")
    assert not any("reads like a sentence" in p for p in french.reading_problems)


def test_roles_whose_titles_read_as_project_names_make_the_reading_unsure() -> None:
    # Side projects listed among the jobs, each "Name, what it is  date": read as roles, their titles are project
    # names. The learned title scorer reads them as names, not job titles, so the user is told to check the roles
    # rather than shown three projects as jobs with confidence.
    projects = _parse(
        "Sam Rivera\nsam@example.org\nExperience\n"
        "Software Engineer, Northwind Analytics  June 2014 – Present\n• Built the video pipeline.\n"
        "Lumen, A Shared Whiteboard  January 2015 – Present\n• Wrote it in Go.\n"
        "Tessera, Photo Mosaic Maker  January 2014\n• A weekend build.\n"
        "Quokka Watchfaces, For a Smartwatch SDK  March 2012\n• Three faces, 40k installs.\n"
        "Intern, Northwind Analytics  June 2012 – August 2012\n• Encoding tests.\n")
    assert projects.confidence["experience"] < 0.4
    said = next(p for p in projects.reading_problems if "read like names of organisations or projects" in p)
    assert "3 of the 5 roles" in said and '"Tessera, Photo Mosaic Maker"' in said
    # Titles without a title word the reader knows ("Statistician", "Actuary") are still titles: no sign.
    jobs = _parse(
        "Sam Rivera\nsam@example.org\nExperience\n"
        "Statistician, Northwind Analytics  June 2014 – Present\n• Built pricing models.\n"
        "Actuary, Harbor Mutual Insurance  January 2010 – May 2014\n• Reserving.\n"
        "Data Analyst, Initech  March 2007 – December 2009\n• Reports.\n")
    assert len(jobs.experience) == 3
    assert not any("read like names" in p for p in jobs.reading_problems)


def test_roles_read_without_titles_make_the_reading_unsure() -> None:
    # A table's columns extracted one after another leave its date cells alone on their lines: three roles read
    # with neither title nor employer. Shown as sure, the review would score a history it could not name; the user
    # is told how many roles have no title and to check them.
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\nHead of ML, Initech  2018 - Present\n• Led 20 engineers.\n"
                    "2014 - 2018\n• Built fraud models.\n2012 - 2014\n• Wrote reports.\n2010 - 2012\n• Ran tests.\n")
    assert [j.title for j in resume.experience] == ["Head of ML", None, None, None]
    assert resume.confidence["experience"] < 0.4
    assert any(p.startswith("3 of the 4 roles have no title that reads as one") for p in resume.reading_problems)
    # One untitled role among several named ones (an entry whose header the reader could not split) is no sign.
    one = _parse("Sam Rivera\nsam@example.org\nExperience\nHead of ML, Initech  2018 - Present\n• Led 20 engineers.\n"
                 "Senior Data Scientist, Globex  2014 - 2018\n• Built fraud models.\n2012 - 2014\n• Wrote reports.\n"
                 "Data Analyst, Hooli  2010 - 2012\n• Ran tests.\n")
    assert [j.title for j in one.experience] == ["Head of ML", "Senior Data Scientist", None, "Data Analyst"]
    assert not any("no title that reads as one" in p for p in one.reading_problems)


def test_a_date_left_in_a_title_makes_the_reading_unsure() -> None:
    # "FROM:"/"TO:" rows whose end date ran into the title (a converter dropped the line break): the end dates are
    # lost inside the titles. The user is told which field holds a year rather than shown open-ended roles as sure.
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\n"
                    "Northwind Health\nFROM: JAN 2011 TO: MAR 2013Systems Analyst II\n• Built the claims pipeline.\n"
                    "Harbor Logistics\nFROM: JUN 2008 TO: DEC 2010Systems Analyst I\n• Reports.\n")
    assert resume.confidence["experience"] < 0.4
    assert any('"TO: MAR 2013Systems Analyst II" was read as a title or an employer but holds a date' in p
               for p in resume.reading_problems)
    # A year that is part of a name is no date left unread.
    program = _parse("Sam Rivera\nsam@example.org\nExperience\nStudent Developer, Google Summer of Code 2015  "
                     "May 2015 – Aug 2015\n• Built a parser.\nSoftware Engineer, Initech  Sep 2015 – Present\n"
                     "• Search.\n")
    assert program.experience[0].company == "Google Summer of Code 2015"
    assert not any("holds a date" in p for p in program.reading_problems)


def test_an_employer_with_what_the_role_did_after_a_dash_is_the_employer_and_a_bullet() -> None:
    # "Employer — what was done" under a title and its dates (a table's third cell, many one-line templates):
    # "product" in the description names no job title, and the description is the role's first bullet.
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\n2017 – 2020\nSenior ML Engineer\n"
                    "Vinterberg Retail — built product search learning-to-rank;\nconversion up 4%.\n"
                    "2014 – 2017\nML Engineer\nKalix Games - remote\n• Churn models for 30M players.\n")
    assert roles(resume)[0] == ("Senior ML Engineer", "Vinterberg Retail")
    assert [b.text for b in resume.experience[0].bullets] == ["built product search learning-to-rank; conversion up 4%."]
    assert [b.text for b in resume.experience[1].bullets] == ["Churn models for 30M players."]  # a place, not a bullet


def test_one_role_per_dated_line_keeps_the_reading_sure() -> None:
    resume = _parse(f"Sam Rivera\nsam@example.org\nExperience\n{TWO_ROLES}")
    assert len(resume.experience) == 2 and resume.confidence["experience"] >= 0.7 and not resume.reading_problems


@pytest.mark.parametrize("heading", ["Work and Education", "Experiência & Formação", "Work / Study"])
def test_roles_under_a_heading_that_names_work_and_something_else_are_read(heading: str) -> None:
    resume = _parse(f"Sam Rivera\nsam@example.org\n{heading}\n{TWO_ROLES}")
    assert [j.start for j in resume.experience] == ["2019-03", "2014-06"]
    assert resume.confidence["experience"] < 0.4, "read from a heading taken for another kind: provisional"


def test_dated_entries_under_interests_make_a_reading_with_roles_unsure() -> None:
    # The second role's heading is lost, so it runs on under Interests; the first role is read as sure as ever,
    # but the user is told roles may be missing.
    resume = _parse(
        "Sam Rivera\nsam@example.org\nExperience\nHead of Data Science, Northwind Analytics  March 2019 - Present\n"
        "• Grew the team from 4 to 18 people\nInterests\nClimbing, chess\n"
        "Senior Data Scientist, Globex  June 2014 - February 2019\n• Shipped the pricing model to 2M users\n"
        "Data Scientist, Initech  May 2011 - May 2014\n• Built the churn model\n"
    )
    assert resume.confidence["experience"] < 0.4
    assert any('dated entries were found under "Interests"' in p for p in resume.reading_problems)


def test_a_wrapped_line_starting_with_a_heading_word_after_a_line_cut_mid_sentence_is_no_heading() -> None:
    # Product names that begin with a heading's word ("Service Cloud", "Experience Cloud") open wrapped lines of
    # a paragraph; the line above breaks off after a comma or a joining word, so the sentence runs on.
    resume = _parse(
        "Robin Example\nrobin@example.org\nSummary\nCRM consultant who builds on the platform's modules (Sales Cloud,\n"
        "Service Cloud) and helps teams ship calmly.\nExperience\nCRM Lead, Globex\nJan 2020 - Present\n"
        "Migrated two customer orgs onto Sales Cloud and\nService Cloud, cutting case handling time by a third.\n"
        "Built partner portals on Community Cloud,\nExperience Cloud and Field Service for 300 dealers.\n"
        "Salesforce Engineer, Initech\nMar 2016 - Dec 2019\nWrote the integrations with the billing system.\n"
        "Education\nBSc Computer Science, Example University\n2012 - 2016\n"
    )
    assert [s.name for s in resume.sections] == ["summary", "experience", "education"]
    assert roles(resume) == [
        ("CRM Lead", "Globex"), ("Salesforce Engineer", "Initech")]


def test_a_slash_between_a_title_and_an_organisation_splits_them_but_two_titles_stay_one() -> None:
    resume = _parse(
        "Experience\nSoftware Developer / Harbor Robotics Ltd\nJun 2015 - Jul 2017\n• Built the robot fleet console\n"
        "Product Designer / Front-end Developer, Globex\nMar 2012 - May 2015\n• Designed the checkout\n"
        "Desarrollador web / Vega Datos S.L.\nEne 2010 - Feb 2012\n• Tiendas en línea\n"
    )
    assert roles(resume) == [
        ("Software Developer", "Harbor Robotics Ltd"), ("Product Designer / Front-end Developer", "Globex"),
        ("Desarrollador web", "Vega Datos S.L.")]


def test_several_titles_in_one_entry_are_a_position_each() -> None:
    resume = _parse(
        "Experience\nGlobex\nData Engineer → Senior Data Engineer (Feb 2016 – Apr 2019)\n• Built the warehouse\n"
        "Initech\nSupport Intern; QA Intern; Junior Developer (Sep 2014 – Jan 2016)\n• Tested releases\n"
        "Umbrella Corp\nSoftware Engineer; on call (Mar 2012 – Aug 2014)\n• Kept the lights on\n"
    )
    assert roles(resume) == [
        ("Senior Data Engineer", "Globex"), ("Data Engineer", "Globex"),
        ("Support Intern", "Initech"), ("QA Intern", "Initech"), ("Junior Developer", "Initech"),
        ("Software Engineer; on call", "Umbrella Corp")]


def test_a_colon_after_the_dates_only_leads_in_to_the_header() -> None:
    resume = _parse("Experience\n2019 - 2023: Data Engineer, Globex\n• Built pipelines\n"
                    "2015 - 2019: Analyst, Initech\n• Wrote reports\n")
    assert [(j.title, j.company, j.start) for j in resume.experience] == [
        ("Data Engineer", "Globex", "2019-01"), ("Analyst", "Initech", "2015-01")]


PASTED_ROLE = """Pat Doe
pat@example.com
Summary
Engineering leader who builds machine learning platforms and the teams that run them in production.
Experience
Director of Machine Learning | Northwind Analytics | 2020 - Present
- Built the ML platform team from 4 to 25 engineers across three countries and two product lines
- Cut model deployment time from two weeks to one day by introducing a shared feature store
- Shipped a ranking model serving 10M users
Technologies: Python, Kubernetes, Spark, PyTorch
Senior ML Engineer | Halvorsen Shipping | 2016 - 2019
- Led the demand forecasting rewrite that reduced empty container moves by 12% in the first year
- Mentored six engineers
Two of them now lead their own teams
Education
MSc Computer Science, Example University, 2010
"""


def test_a_line_under_a_short_bullet_is_not_glued_onto_it() -> None:
    """A bullet that stops well short of the lines' usual length was not wrapped: the capitalised line under it
    (a tools line, a sentence of its own) is its own line, not the bullet's tail."""
    resume = parse_resume(ExtractedText(text=PASTED_ROLE, pages=1, source="text"))
    director, engineer = resume.experience
    assert [b.text for b in director.bullets][-2:] == [
        "Shipped a ranking model serving 10M users", "Technologies: Python, Kubernetes, Spark, PyTorch"]
    assert [b.text for b in engineer.bullets] == [
        "Led the demand forecasting rewrite that reduced empty container moves by 12% in the first year",
        "Mentored six engineers", "Two of them now lead their own teams"]


def test_a_bullet_wrapped_at_the_margin_still_takes_its_tail() -> None:
    wrapped = PASTED_ROLE.replace(
        "- Cut model deployment time from two weeks to one day by introducing a shared feature store",
        "- Cut model deployment time from two weeks to one day by introducing a shared feature store for\n"
        "Ranking, Search and Ads teams")
    director = parse_resume(ExtractedText(text=wrapped, pages=1, source="text")).experience[0]
    assert ("Cut model deployment time from two weeks to one day by introducing a shared feature store for "
            "Ranking, Search and Ads teams") in [b.text for b in director.bullets]


@pytest.mark.parametrize("open_end", ["obecnie", "heden", "nu", "pågående", "i dag", "jelenleg", "în prezent",
                                      "halen", "по настоящее время", "至今"])
def test_a_current_role_ended_by_to_date_in_another_language_is_kept_as_current(open_end: str) -> None:
    """A Polish CV's "03.2020 – obecnie" was no date range: its current role was dropped, and the reading, short of
    its latest and longest role, was still shown as sure."""
    resume = _parse(f"Marta Example\nmarta@example.org\nExperience\nDirector of Machine Learning\nGlobex | "
                    f"03.2020 – {open_end}\n• Led 52 engineers.\nML Engineering Manager\nInitech | 06.2016 – "
                    f"02.2020\n• Grew the team from 4 to 16.")
    assert [(j.title, j.start, j.end) for j in resume.experience] == [
        ("Director of Machine Learning", "2020-03", "Present"), ("ML Engineering Manager", "2016-06", "2020-02")]


def test_a_run_on_list_of_earlier_roles_gives_each_its_own_fields(settings) -> None:
    """tests/data/layouts/earlier_career_run_on.html printed by Chromium: "Graduate Developer, Accenture (2007 –
    2009); Intern, IBM (2006)" under "Earlier career" was read as the title "Graduate Developer, Accenture" at
    an employer "; Intern, IBM (2006)"."""
    resume = parse_resume(layout_pdf("earlier_career_run_on", settings))
    assert (resume.experience[-1].title, resume.experience[-1].company) == ("Graduate Developer", "Accenture")
    assert len(resume.experience) == 7


def test_a_dash_between_the_employer_and_its_dates_belongs_to_neither(settings) -> None:
    """tests/data/layouts/dash_before_dates.html printed by Chromium: "**Chief Data Officer**, Andela — *May 2022 to
    date*" gave the employer "Andela —" (the bold title cut the header, and the dash stayed with the employer)."""
    resume = parse_resume(layout_pdf("dash_before_dates", settings))
    assert roles(resume) == [
        ("Chief Data Officer", "Andela"), ("Director, Data Science", "Kuda Bank"),
        ("Data Science Manager", "MTN Nigeria")]


def test_the_profile_paragraph_under_a_name_read_after_a_sidebar_is_the_summary() -> None:
    # A sidebar drawn first puts the main column's name, contact lines and profile under the sidebar's last heading.
    resume = _parse(
        "Skills\nKubernetes, Ray, Feature stores\nLanguages\nEnglish (native)\nInterests\nRowing\nAdaeze Lindqvist\n"
        "Boston, MA\nadaeze@example.com\nHead of ML Platform\n"
        "Engineering leader with fifteen years in software and machine learning, the last six\n"
        "running ML infrastructure in healthcare. I build platforms that let small teams ship safely.\n"
        "Experience\nHead of ML Platform, Northbridge Health 2023 - Present\n- Grew the group from 9 to 26 engineers\n")
    summary = next(s for s in resume.sections if s.name == "summary")
    assert summary.lines[0].text.startswith("Engineering leader with fifteen years")
    interests = next(s for s in resume.sections if s.name == "interests")
    assert not any("Engineering leader" in line.text for line in interests.lines)


def test_societies_joined_are_memberships_not_jobs_under_a_work_heading() -> None:
    """An academic CV dates its society memberships like posts; a member of technical staff is a post."""
    resume = _parse(
        "Avery Quinn\navery@example.org\nEmployment\n2014 - present\nResearch Fellow, Example University, Exeter\n"
        "• Ran the climate feedback project\n2011 - 2014\nMember of Technical Staff, Globex Labs\n"
        "• Built the data pipeline\nProfessional Activities\n2015 - present\n"
        "Member of American Geophysical Union\n2010 - present\nCharter member, Royal Meteorological Society\n"
    )
    assert roles(resume) == [
        ("Research Fellow", "Example University"), ("Member of Technical Staff", "Globex Labs")]


def test_a_field_that_only_says_how_the_role_was_held_is_neither_title_nor_employer() -> None:
    resume = _parse(
        "Avery Quinn\navery@example.org\nEmployment\nGlobex Consulting (February 2012 - December 2013) Permanent Role\n"
        "Senior Agile Consultant\n• Turned a failing project around\n"
        "Initech Ltd (November 2011 - February 2012) Contract Role\nScrum Master\n• Ran the team's ceremonies\n"
    )
    assert [j.company for j in resume.experience] == ["Globex Consulting", "Initech Ltd"]


def test_a_role_dated_by_one_bracketed_year_is_a_role_where_the_ranges_are_bracketed_too() -> None:
    resume = _parse(
        "Harley Quinn\nharley@example.org\nProfessional Experience\n"
        "Assistant Stage Manager - Caloundra Music Festival (2021 – 2023)\n"
        "Moving equipment on and off stage, supporting artists.\n"
        "Vision Mixer - QUT Music Showcase (2024)\nOperating the vision switcher with a live director.\n"
        "Vision Technician - IJS Productions (2024 – Present)\nCamera and LED screen work.\n"
        "Delivery Driver - Domino's Currimundi (2019 – 2021)\nCustomer service in a large team.\n"
    )
    assert roles(resume) == [
        ("Assistant Stage Manager", "Caloundra Music Festival"), ("Vision Mixer", "QUT Music Showcase"),
        ("Vision Technician", "IJS Productions"), ("Delivery Driver", "Domino's Currimundi")]


@pytest.mark.parametrize("entries", [
    # A YAML resume printed as text: the employer above its dates, the title and place below.
    "- company: Globex\ndates: May 2015 - Present\ntitle: Platform Engineer\nlocation: Austin, TX\n"
    "- company: Initech\ndates: June 2012 - May 2015\ntitle: Facilities Coordinator\nlocation: Austin, TX\n",
    # Labelled fields above the dates, as many Word resumes write them.
    "Company: Globex\nDesignation: Platform Engineer\nDuration: May 2015 - Present\n• Ran the build farm\n"
    "Company: Initech\nDesignation: Facilities Coordinator\nDuration: June 2012 - May 2015\n• Ran the office\n",
    # ... or below them.
    "Duration: May 2015 - Present\nCompany: Globex\nDesignation: Platform Engineer\n"
    "Duration: June 2012 - May 2015\nCompany: Initech\nDesignation: Facilities Coordinator\n",
])
def test_a_header_written_as_labelled_fields_is_read_by_its_labels(entries: str) -> None:
    resume = _parse("Avery Quinn\navery@example.org\nWork Experience\n" + entries + "Education\nBSc, Example "
                    "University\n2008 - 2012\n")
    assert roles(resume) == [
        ("Platform Engineer", "Globex"), ("Facilities Coordinator", "Initech")]


def test_an_employer_s_postal_address_under_its_name_is_no_field_of_the_entry() -> None:
    """ "Cisco Systems, Inc." / "117 E. Colorado Blvd., Ste. 300" / "Pasadena, CA 91105" / title / dates: the
    street and the place with its postal code are the office's address; the employer is the line above them."""
    resume = _parse(
        "Avery Quinn\navery@example.org\nExperience\nGlobex Systems, Inc.\n117 E. Colorado Blvd., Ste. 300\n"
        "Pasadena, CA 91105\nSenior Software Engineer\nJune 2014 - Present\n• Built the benchmark tool\n"
        "Initech National Laboratory\n1 Bethel Valley Road\nOak Ridge, TN 37831\nHPC Systems Administrator\n"
        "June 2010 - March 2012\n• Ran the cluster\n"
    )
    assert roles(resume) == [
        ("Senior Software Engineer", "Globex Systems, Inc."), ("HPC Systems Administrator", "Initech National Laboratory")]


def test_a_description_that_leads_in_with_the_employer_names_it_where_the_header_did_not() -> None:
    """ "2014 → Actuellement" / "Globex : Forge Logicielle : notre équipe fournit ...": the entry's employer and team
    are set off by colons at the start of its paragraph; a label ("Responsabilités :") is no employer."""
    resume = _parse(
        "Camille Durand\ncamille@example.org\nExpériences\n2014 - Actuellement\nGlobex : Forge Logicielle : notre "
        "équipe fournit l'outillage permettant aux autres équipes d'aller plus vite.\n2009 - 2013\nGlobex : "
        "Architecte Technique. Conception et validation de solutions techniques en Java EE.\n2005 - 2009\n"
        "Responsabilités : développement du socle technique et de la génération de code.\n"
    )
    assert roles(resume)[:2] == [
        ("Forge Logicielle", "Globex"), ("Architecte Technique", "Globex")]
    assert all(j.company != "Responsabilités" for j in resume.experience)


def test_the_reader_remembers_pattern_answers_only_for_the_reading_it_is_in() -> None:
    """The date patterns answer each line once per reading, and nothing of a user's text stays in a module global
    after it (SECURITY.md: two users at once)."""
    from assistant.resume import vocabulary

    canary = "Canary Corp 2019 - 2021 zq7x"
    with vocabulary.remembering():
        assert vocabulary.RANGE.search(canary) is vocabulary.RANGE.search(canary)  # answered once
    assert vocabulary.RANGE.search(canary) is not vocabulary.RANGE.search(canary)  # no memory outside a reading
    _parse(f"Avery Quinn\navery@example.org\nExperience\n{canary}\nStaff Engineer\n")
    assert vocabulary._ANSWERS.get() is None


@pytest.mark.parametrize("text", ["Present - now", "March to June", "from May until today", "seit Januar bis heute",
                                  "Sep – Present", "Staff Engineer, Globex", "", "2019 – Present", "since 2020",
                                  "Present - 2019", "Mar ’21 – Present", "2019年3月 – 至今"])
def test_the_date_patterns_skip_a_line_without_a_digit_with_the_same_answer(text: str) -> None:
    """Every date holds a digit, so the range patterns answer "no" for a line without one before trying it; their
    answers are the full patterns' own, in and out of a reading."""
    from assistant.resume import vocabulary

    for pattern in (vocabulary.RANGE, vocabulary.OPEN_FIRST, vocabulary.SINCE):
        full = pattern.compiled.search(text)
        with vocabulary.remembering():
            read = pattern.search(text)
        assert (read and read.group(0)) == (full and full.group(0))


def test_heading_questions_are_answered_once_per_reading_and_forgotten_after_it() -> None:
    """The heading questions asked of every line (is it a known heading? which kind?) are remembered like the
    date patterns: once per text during a reading, and nothing of it after (not an lru_cache, which would keep a
    user's lines in a module global)."""
    from assistant.resume import headings, vocabulary

    calls: list[str] = []

    @vocabulary.remembered
    def kind(text: str) -> str | None:
        calls.append(text)
        return headings.heading_name(text)

    with vocabulary.remembering():
        assert kind("Work Experience zq7x") is None and kind("Work Experience zq7x") is None
        assert kind("Work Experience") == "experience" and kind("Work Experience") == "experience"
    assert calls == ["Work Experience zq7x", "Work Experience"]
    kind("Work Experience")
    assert calls[-1] == "Work Experience" and len(calls) == 3  # outside a reading: asked again
    assert vocabulary._ANSWERS.get() is None
    assert headings.heading_name("Relevant Professional Experience") == "experience"  # still answers outside


def test_an_employer_printed_twice_in_its_field_is_one_employer() -> None:
    # A JSON Resume theme prints the employer's name and then its display name, the same words: "Full Stack
    # Developer - SlashDB, SlashDB". The employer is SlashDB, not "SlashDB, SlashDB".
    resume = _parse("Sam Rivera\nsam@example.org\nWork Experience\nSoftware Developer II, Kinetic Vision\n"
                    "Jan, 2023 - Oct, 2025\n• Built pipelines.\nFull Stack Developer - SlashDB, SlashDB\n"
                    "May, 2021 - Feb, 2022\n• Added features.\nRails Developer - Brands Insurance, Brands Insurance\n"
                    "Oct, 2019 - Mar, 2020\n• Fixed bugs.\n")
    assert roles(resume) == [
        ("Software Developer II", "Kinetic Vision"), ("Full Stack Developer", "SlashDB"),
        ("Rails Developer", "Brands Insurance")]


def test_a_title_with_de_before_an_employers_acronym_is_no_place() -> None:
    # "Analista de Sistemas, SPS": "Sistemas, SPS" has the shape of "City, ST", and "de" starts "Rio de Janeiro"'s
    # tail, so "de Sistemas, SPS" was taken for the role's place and the title cut to "Analista". A place never
    # starts with a lower-case "de": the title keeps its words and the acronym is the employer.
    resume = _parse("Ana Souza\nana@example.org\nExperiência Profissional\nAnalista de Sistemas, SPS\n"
                    "Fortaleza, CE — 2015-Atual\n• Manutenção do sistema de gestão.\nDesenvolvedor, MV\n"
                    "Fortaleza, CE — 2013-2015\n• Sistemas hospitalares.\nIngeniera de Datos, SAP\nMadrid — 2010-2013\n"
                    "• Modelos de demanda.\n")
    assert roles(resume) == [
        ("Analista de Sistemas", "SPS"), ("Desenvolvedor", "MV"), ("Ingeniera de Datos", "SAP")]
    # A place whose "de" sits inside it is still a place.
    assert strip_location("Petrobras Rio de Janeiro, RJ") == ("Petrobras", "Rio de Janeiro, RJ")


def test_a_date_range_inside_a_paragraph_opens_no_role() -> None:
    # Narrative CVs tell a role's stages in sentences; a wrap left "From June 2019 to March 2020 I" on one line,
    # which was read as a role titled "I" at the employer above. A clause of lower-case words ends before the
    # range, so the range is the paragraph's, not an entry's header.
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\nHead of ML, Initech  Jan 2018 - Present\n"
                    "I joined to build the ranking team and grew it to twenty engineers across three sites, and\n"
                    "later moved on to the platform group of the company. From June 2019 to March 2020 I\n"
                    "ran the migration of all models to the new serving stack.\nData Analyst, Hooli  2005 - 2007\n"
                    "• Ran tests.\n")
    assert [(j.title, j.company, j.start) for j in resume.experience] == [
        ("Head of ML", "Initech", "2018-01"), ("Data Analyst", "Hooli", "2005-01")]
    # A header whose employer ends in an abbreviation's full stop is still a header.
    header = _parse("Sam Rivera\nsam@example.org\nExperience\nSr. Engineer, Acme Inc. Boston  2019 - 2021\n"
                    "• Built search.\nData Analyst, Hooli  2005 - 2007\n• Ran tests.\n")
    assert [j.start for j in header.experience] == ["2019-01", "2005-01"]


def test_titles_set_bigger_than_the_body_under_their_dates_are_no_section_headings() -> None:
    # A résumé with no section headings whose entries print dates, then "project @ employer", then the title in
    # bold a size up (a YAML CV's own template). Similarity named "Technical Lead" a skills heading and the other
    # titles sections of their own, so the roles under them were read as anything but a work history.
    lines = [("Taras Ivanenko", 20.0, 1.0), ("Speaks Ukrainian, English and Polish.", _BODY, 0.0)]
    for dates, where, title in [
            ("2016-05-01 — present", "Red e App @ NewFire", "Back-End Architect"),
            ("2011-01-01 — 2013-02-01", "SIP, networking & web @ PrimoCollect", "Technical Lead"),
            ("2007-04-01 — 2012-01-01", "Various projects @ Freelancer", "Full-Stack Developer"),
            ("2007-02-01 — 2007-11-01", "Internal social network @ Airbites", "PHP Developer")]:
        lines += [(dates, _BODY, 0.0), (where, _BODY, 0.0), (title, 12.0, 1.0), ("– Python", _BODY, 0.0),
                  ("– PostgreSQL", _BODY, 0.0)]
    resume = parse_resume(_styled(lines))
    assert resume.sections == []
    assert [j.title for j in resume.experience] == [
        "Back-End Architect", "Technical Lead", "Full-Stack Developer", "PHP Developer"]


def test_linkedins_kinds_of_career_break_are_no_roles() -> None:
    # LinkedIn prints a career break with its kind ("Career Transition", "Caregiving", "Layoff or position
    # eliminated"); a JSON Resume export put one in the employer's place after a slash (fresh set v, tuning part).
    # Read as a role, it became the latest job and its title the candidate's current one.
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\n"
                    "Independent Technical Work, Independent / Career Transition  Nov 2025 - Present\n• Side projects.\n"
                    "Senior Software Engineer, Intelliflo Ltd  Mar 2019 - Oct 2025\n• Led 20 engineers.\n"
                    "Caregiving  Jan 2018 - Feb 2019\n• Cared for a parent.\n"
                    "Data Analyst, Hooli  2015 - 2018\n• Ran tests.\n")
    assert roles(resume) == [
        ("Senior Software Engineer", "Intelliflo Ltd"), ("Data Analyst", "Hooli")]
    # Kinds that also name jobs are left out of the list: such a title stays a role.
    jobs = _parse("Sam Rivera\nsam@example.org\nExperience\nSenior Software Engineer, Intelliflo Ltd  Mar 2019 - Oct 2025\n"
                  "• Led 20 engineers.\nHealth and Well-being Data Lead  2012 - 2015\n• Ran analytics.\n"
                  "Bereavement Counsellor  2010 - 2012\n• Supported families.\n").experience
    assert [j.title for j in jobs] == [
        "Senior Software Engineer", "Health and Well-being Data Lead", "Bereavement Counsellor"]


@pytest.mark.parametrize("teaching", ["Profesor de programación de software", "Insegnante", "High School Teacher",
                                      "LPI Linux certified instructor", "Dozentin für Informatik"])
def test_a_teaching_post_among_jobs_is_not_counted_as_a_role(teaching: str) -> None:
    # The labelled corpus's convention, as for tutoring: teaching listed among jobs is not a job counted (in
    # the candidate's years or as the latest title). An academic's rank is a post and stays.
    resume = _parse("Sam Rivera\nsam@example.org\nExperience\nAssistant Professor, University of Montréal  2019 - Present\n"
                    "• Runs a lab of 6.\nData Scientist, Hooli  2014 - 2019\n• Built models.\n"
                    f"{teaching}, Cadi Academy  2010 - 2014\n• Taught evening classes.\n")
    assert [j.title for j in resume.experience] == ["Assistant Professor", "Data Scientist"]


def test_a_header_wrapped_inside_brackets_is_one_line() -> None:
    # "... - Arcadia Redux (Dota 2 Unofficial), Arcadia Redux (Dota 2" / "Unofficial)": the template prints the
    # employer twice and the line wrapped inside the second bracket. The bracket closed on the line below joins
    # it, and the employer said twice is said once.
    resume = _parse("Sam Rivera\nsam@example.org\nWork Experience\nSoftware Developer II, Kinetic Vision\n"
                    "Jan, 2023 - Oct, 2025\n• Built pipelines.\n"
                    "Dota 2 Custom Game Developer - Arcadia Redux (Dota 2 Unofficial), Arcadia Redux (Dota 2\n"
                    "Unofficial)\nJul, 2020 - May, 2021\n• Core developer.\n")
    assert roles(resume) == [
        ("Software Developer II", "Kinetic Vision"), ("Dota 2 Custom Game Developer", "Arcadia Redux (Dota 2 Unofficial)")]


def test_dates_stacked_in_a_margin_beside_the_header_and_its_first_bullet_are_its_range() -> None:
    # A LaTeX CV's date column stacks each role's end over its start, beside the header and the first bullet:
    # "À ce jour  Ingénieur R&D Senior, ..." / "Décembre 2022  • Pilotage ...". Each single date opened a role of
    # its own (14 roles read of 8, bullets as titles); the two are the header's range.
    resume = _parse("Camille Martin\ncamille@example.org\nEXPÉRIENCE PROFESSIONNELLE\n"
                    "À ce jour Ingénieur R&D Senior, SCHNEIDER ELECTRIC, Pacy-sur-Eure, France\n"
                    "Décembre 2022 • Pilotage Agile et coaching d’équipes\n• Génération de code embarqué\n"
                    "Novembre 2022 Ingénieur R&D Senior, TRISKELL-CONSULTING, Puteaux, France\n"
                    "Février 2022 • Modélisation multiphysique de systèmes complexes\n"
                    "Novembre 2021 Ingénieur R&D, PSG-DOVER, Paris, France\n"
                    "Janvier 2019 • Conception et validation expérimentale\n• Suivi de projet\n")
    assert [(j.title, j.company, j.start, j.end) for j in resume.experience] == [
        ("Ingénieur R&D Senior", "SCHNEIDER ELECTRIC", "2022-12", "Present"),
        ("Ingénieur R&D Senior", "TRISKELL-CONSULTING", "2022-02", "2022-11"),
        ("Ingénieur R&D", "PSG-DOVER", "2019-01", "2021-11")]
    assert [b.text for b in resume.experience[0].bullets] == [
        "Pilotage Agile et coaching d’équipes", "Génération de code embarqué"]


def test_japanese_middle_dots_open_bullets() -> None:
    # Google Docs' templates set "・" (and "･") as the list glyph: lines opening with one are bullets, not the
    # header of a role with "・ Rime was a content" as its employer.
    resume = _parse("Sam Rivera\nsam@example.org\nEmployment\nFounder, Rhyme Labs  Apr 2015 - Dec 2017\n"
                    "・ Rime was a content platform\n・ Led the product\nDeveloper, Globex  Jan 2013 - Mar 2015\n"
                    "･ Built the search\n")
    assert [(j.title, j.company, len(j.bullets)) for j in resume.experience] == [
        ("Founder", "Rhyme Labs", 2), ("Developer", "Globex", 1)]


def test_a_title_beside_the_dates_over_labelled_fields_is_the_title() -> None:
    # A French CV's entries: the title beside the dates, then labelled fields ("Entreprise :", "Institut :",
    # "Lieu :", "Durée :"). The labels named the employer and the title beside the dates was dropped.
    resume = _parse("Sam Rivera\nsam@example.org\nExpériences professionnelles\n"
                    "Ingénieur de recherche en sciences des données 19/11/2018 au 15/11/2019\n"
                    "Entreprise : Solvane Énergies\nLieu : Site Solaize\nContrat : CDD - 1 an\nRéalisations :\n"
                    "- Contribution à trois projets internes.\n"
                    "Chercheur postdoctoral 06/03/2017 au 31/07/2018\nInstitut : INRIA Grenoble\nDurée : 16 mois\n"
                    "- Deux publications.\n")
    assert [(j.title, j.company, j.location) for j in resume.experience] == [
        ("Ingénieur de recherche en sciences des données", "Solvane Énergies", "Site Solaize"),
        ("Chercheur postdoctoral", "INRIA Grenoble", None)]


@pytest.mark.parametrize("title", ["Doctorant", "PhD candidate", "Doktorandin", "PhD Student"])
def test_doctoral_studies_listed_among_jobs_are_not_counted_and_are_named(title: str) -> None:
    # The corpus's convention: a degree listed among jobs is not a job, and a doctorate is a degree. A post held
    # after it ("Postdoctoral researcher", "PhD Researcher") is one.
    resume = _parse(f"Sam Rivera\nsam@example.org\nExperience\nPostdoctoral Researcher, INRIA  2017 - 2018\n"
                    f"{title}, University of Lyon  2013 - 2016\nPhD Researcher, Bosch  2010 - 2013\n")
    assert [j.title for j in resume.experience] == ["Postdoctoral Researcher", "PhD Researcher"]
    assert [(s.reason, s.entry.split(",")[0]) for s in resume.set_aside] == [("studies", title)]


def test_a_tutor_of_a_subject_is_not_counted_and_its_further_periods_are_no_role() -> None:
    # "Calculus I and II Tutor" is tutoring while studying (the convention, as for "Tutor"); its periods listed
    # after a semicolon ("; 01/2011 – 04/2011 and 09/2011 – 12/2011") are its own, not a role of their own,
    # and neither are a role's further periods listed the same way.
    resume = _parse("Sam Rivera\nsam@example.org\nWork Experience\n"
                    "3D Developer Internship, Side Effects Software, Toronto, 05/2011 – 08/2011\n• Built the monitor.\n"
                    "Game Developer Internship, Artificial Mind, Montreal, 01/2010 – 04/2010; 09/2010 – 12/2010\n"
                    "• Fixed the HUD.\n"
                    "Calculus I and II Tutor, University of Waterloo, 09/2009 – 12/2009; 01/2011 – 04/2011 and "
                    "09/2011 – 12/2011\n• Taught weekly.\nEducation\nBMath, University of Waterloo, 2008 - 2013\n")
    assert [j.company for j in resume.experience] == ["Side Effects Software", "Artificial Mind"]
    assert [s.reason for s in resume.set_aside] == ["teaching or tutoring while studying"]


def test_title_and_employer_split_where_the_scorer_all_but_rules_one_side_out_as_a_title() -> None:
    # No title word the reader knows on either side of "Translation Checker, RWS Group", and the learned scorer is
    # sure of neither as a title; it all but rules out "RWS Group". The whole line was the title, and the employer
    # of the role above was lent to it.
    resume = _parse("Owen Bradley\nowen@example.org\nWork experience\n"
                    "• Quality Control Operator, Matthews Brand Solutions (Jul 2014–Jul 2015)\n"
                    "Quality checking packaging.\n• Translation Checker, RWS Group (Aug 2010–May 2014)\n"
                    "Proofreading technical translations.\n")
    assert roles(resume) == [
        ("Quality Control Operator", "Matthews Brand Solutions"), ("Translation Checker", "RWS Group")]


def test_roles_held_within_a_year_open_their_line_like_the_two_ranges_of_a_short_career() -> None:
    # A short career whose two ranges open their header lines ("2012 - 2016 Technicien ..."): a header line opening
    # with a year alone is a role held that year, as with three ranges or more. Both single-year roles were missed.
    resume = _parse("Denis Marchand\ndenis@example.org\nExpérience professionnelle\n"
                    "2012 - 2016 Technicien Systèmes et Réseaux\n- Support niveau 1, 2 et 3\n"
                    "2011 Technicien de Maintenance IT\n- Remplacement de postes informatiques\n"
                    "2011 Technicien de Déploiement\n- Remplacement d’écrans\n"
                    "2009 - 2011 Conseiller Informatique\n- Support niveau 1\nFormation\n2011 GMSI\n")
    assert [(j.title, j.start) for j in resume.experience] == [
        ("Technicien Systèmes et Réseaux", "2012-01"), ("Technicien de Maintenance IT", "2011-01"),
        ("Technicien de Déploiement", "2011-01"), ("Conseiller Informatique", "2009-01")]


def test_roles_found_under_another_heading_make_the_reading_unsure() -> None:
    # A two-column page pasted: the sidebar (Summary, Talks) comes between the work history's first roles and the
    # rest, which are read under "Talks". The reading says so and is not presented as sure.
    text = ("Chris Ash\nchris@example.org\nEXPERIENCE\nGovernment Digital Service\nLead Developer\n"
            "• July 2023 – Present\n• Led the platform team.\nSenior Developer\n• June 2021 – July 2023\n"
            "• Ran the support rota.\nSUMMARY\nA pragmatic web developer.\nTalks\nParis Web conference\n"
            "I represented the BBC in 2018 with a talk.\nBBC\nActing Technical Lead\n• Nov 2018 – April 2019\n"
            "• Led the delivery of the article renderer.\nSenior Software Engineer\n• Feb 2017 – Oct 2018\n"
            "• Recruited and trained developers.\nWeb Developer\n• Feb 2016 – Jan 2017\n• Built visual journalism.\n")
    resume = parse_resume(ExtractedText(text=text, pages=1))
    assert len(resume.experience) == 2
    assert any('roles were found under "Talks"' in problem for problem in resume.reading_problems)
    assert resume.confidence["experience"] <= 0.35
    talks_only = text[:text.index("BBC\nActing")] + "Data at scale\n• PyData London, May 2019\nFeature stores\n" \
        "• Strata, Sep 2018\n"
    assert not any("roles were found" in p for p in parse_resume(ExtractedText(text=talks_only, pages=1))
                   .reading_problems)
