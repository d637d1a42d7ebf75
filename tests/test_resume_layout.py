"""Reading layouts a person reads without thinking: titles and employers told apart by how they are set, a wide
column with a sidebar that runs onto a second page, dates in a left margin, and what a broken font leaves behind.

The PDFs are made with fpdf2 at test time (tests/pdfs.py); the assertions are what a user sees in the review:
the jobs, their titles and employers, and the text of their bullets.
"""

from __future__ import annotations

import re

import pytest

from assistant.config import Settings
from assistant.resume.intake import read_pdf
from assistant.resume.layout import LayoutLine, Run
from assistant.resume.models import ExtractedText
from assistant.resume.normalize import normalize_text
from assistant.resume.parser import parse_resume
from tests.pdfs import (
    drawn_markers_pdf,
    entries_pdf,
    left_dates_pdf,
    place_beside_employer_pdf,
    right_dates_pdf,
    run_in_titles_pdf,
    running_header_pdf,
    sidebar_right_dates_pdf,
    sidebar_two_page_pdf,
    stacked_place_dates_pdf,
    weight_only_headers_pdf,
    with_browser_furniture,
)
from tests.support.resume_fixtures import layout_pdf

# The third entry's words mislead: the title has no job-title word and the employer's name has one ("Product").
ENTRIES = [
    ("Senior Data Scientist", "Hooli", "Jan 2021 - Present"),
    ("Quantitative Researcher", "Pied Piper", "Mar 2017 - Dec 2020"),
    ("Data Wrangler", "Product Analytics Group", "Jun 2014 - Feb 2017"),
]


@pytest.mark.parametrize(("title_style", "employer_style"), [("B", "I"), ("I", "B")])
def test_title_and_employer_follow_the_face_this_resume_gives_its_titles(
    settings, title_style: str, employer_style: str
) -> None:
    extracted = read_pdf(entries_pdf(ENTRIES, title_style, employer_style), settings)
    resume = parse_resume(extracted)
    assert [(j.title, j.company) for j in resume.experience] == [(t, e) for t, e, _ in ENTRIES]
    assert [j.start for j in resume.experience] == ["2021-01", "2017-03", "2014-06"]


@pytest.mark.parametrize(("first_style", "second_style", "employer_first", "dates_below"), [
    ("B", "", False, False), ("B", "I", True, False), ("B", "", False, True), ("B", "I", True, True)])
def test_title_and_employer_told_apart_only_by_weight_on_one_line_are_split_there(
    settings, first_style: str, second_style: str, employer_first: bool, dates_below: bool
) -> None:
    """ "**Senior Data Scientist** Hooli  Jan 2021 - Present": no comma, dash or bar between the fields, only the end
    of the bold; the cut is there, and the words say which side is the title (the employer may come first),
    also when the dates are on the line below (the header line is then a line of its own)."""
    entries = [("Senior Data Scientist", "Acme Corp", "Jan 2021 - Present"),
               ("Data Scientist", "Beta Systems", "Mar 2017 - Dec 2020"),
               ("Data Analyst", "Gamma Retail", "Jun 2014 - Feb 2017")]
    extracted = read_pdf(weight_only_headers_pdf(entries, first_style, second_style, employer_first, dates_below),
                         settings)
    resume = parse_resume(extracted)
    assert [(j.title, j.company) for j in resume.experience] == [(t, e) for t, e, _ in entries]


@pytest.mark.parametrize("dates_below", [False, True])
def test_a_weight_only_split_keeps_the_titles_own_comma_and_the_employers_legal_form(settings,
                                                                                   dates_below: bool) -> None:
    """ "**Senior Manager II, Ranking** Globex": the title's own comma is no field's end when the bold runs past it,
    and "**Head of Data** Acme, Inc." keeps its legal form; the words had cut the title at its comma ("Senior
    Manager II" / "Ranking Globex") or the employer at its own ("Acme" / "Inc.")."""
    entries = [("Senior Manager II, Ranking", "Globex Corporation", "Jan 2021 - Present"),
               ("Head of Data", "Acme, Inc.", "Mar 2017 - Dec 2020"),
               ("Data Analyst", "Gamma Retail", "Jun 2014 - Feb 2017")]
    extracted = read_pdf(weight_only_headers_pdf(entries, dates_below=dates_below), settings)
    assert [(j.title, j.company) for j in parse_resume(extracted).experience] == [(t, e) for t, e, _ in entries]


def test_an_employer_set_first_in_bold_keeps_a_short_name_and_the_title_its_comma(settings) -> None:
    """ "**AT&T** *Founder & CEO*", "**Data Science Institute** *Director, Machine Learning*", "**Meta Platforms,
    Inc.** *Head of Data & AI*": a short bold name is a small share of the line (under the 0.15 a cut needed), a
    comma after the cut is the title's own when the title comes second, and a name may end with its legal form's
    full stop. Each had been read as one title with no employer."""
    entries = [("Founder & CEO", "AT&T", "Jan 2021 - Present"),
               ("Director, Machine Learning", "Data Science Institute", "Mar 2017 - Dec 2020"),
               ("Head of Data & AI", "Meta Platforms, Inc.", "Jun 2014 - Feb 2017")]
    extracted = read_pdf(weight_only_headers_pdf(entries, "B", "I", employer_first=True), settings)
    assert [(j.title, j.company) for j in parse_resume(extracted).experience] == [(t, e) for t, e, _ in entries]


def test_a_place_set_flush_right_of_the_employer_is_the_roles_place(settings) -> None:
    """ "AT&T" ... "San Francisco Bay Area" flush right: the page shows two fields, the text had one space between
    them, and "AT&T San Francisco Bay Area" read as the employer. A wide gap is a field break."""
    entries = [("Founder & CEO", "AT&T", "San Francisco Bay Area", "Jan 2021 - Present"),
               ("Staff Machine Learning Engineer", "Meta Platforms, Inc.", "Greater Seattle Area", "Mar 2017 - Dec 2020"),
               ("Data Analyst", "Acme Analytics", "Remote", "Jun 2014 - Feb 2017")]
    resume = parse_resume(read_pdf(place_beside_employer_pdf(entries), settings))
    assert [(j.title, j.company, j.location) for j in resume.experience] == [(t, e, p) for t, e, p, _ in entries]


def test_an_employer_in_lower_case_or_opening_with_a_digit_keeps_its_place_beside_it(settings) -> None:
    """ "spotify" ... "San Francisco Bay Area" flush right, "3M, Boston, MA" under the title: a one-word name in lower
    case or opening with a digit is taken only where the header says so, and with its place beside it the line was
    no longer one word; the role lost its employer."""
    entries = [("Research Fellow", "spotify", "San Francisco Bay Area", "Jan 2021 - Present"),
               ("Senior Manager II, Ranking", "3M", "Boston, MA", "Mar 2017 - Dec 2020"),
               ("Data Analyst", "Acme Analytics", "Remote", "Jun 2014 - Feb 2017")]
    resume = parse_resume(read_pdf(place_beside_employer_pdf(entries), settings))
    assert [(j.title, j.company, j.location) for j in resume.experience] == [(t, e, p) for t, e, p, _ in entries]
    stacked = [(t, f"{e}, {p}", d) for t, e, p, d in entries]
    resume = parse_resume(read_pdf(entries_pdf(stacked), settings))
    assert [(j.title, j.company, j.location) for j in resume.experience] == [(t, e, p) for t, e, p, _ in entries]
    # The employer in bold over the title, after the previous role's last bullet.
    employer_first = [(e, t, d) for t, e, _, d in entries]
    resume = parse_resume(read_pdf(entries_pdf(employer_first, title_style="B", employer_style="I"), settings))
    assert [(j.title, j.company) for j in resume.experience] == [(t, e) for t, e, _, _ in entries]


def test_a_bold_title_with_its_own_comma_then_a_short_employer_splits_where_the_bold_ends(settings) -> None:
    """ "**Senior Manager II, Ranking** 3M" over its dates: nearly the whole line is bold (0.93, above the 0.85 a cut
    allowed), and the words cut the title at its comma ("Senior Manager II" at "Ranking 3M")."""
    entries = [("Senior Manager II, Ranking", "3M", "Jan 2021 - Present"),
               ("Director, Machine Learning", "AT&T", "Mar 2017 - Dec 2020"),
               ("Data Scientist / ML Engineer", "spotify", "Jun 2014 - Feb 2017")]  # one word in lower case
    extracted = read_pdf(weight_only_headers_pdf(entries, dates_below=True), settings)
    assert [(j.title, j.company) for j in parse_resume(extracted).experience] == [(t, e) for t, e, _ in entries]


def test_a_bold_title_run_into_the_roles_description_is_the_title(settings) -> None:
    """ "Battelle | Columbus, OH (Feb 2023 - present)" over "**Computer Engineer II** Perform various classified
    tasks ...": the title has no line of its own; the bold opening of the description line is the title, and the
    sentence after it is what the role did (the role had no title, and the latest title was lost)."""
    entries = [("Computer Engineer II", "Battelle", "Feb 2023 - present",
                "Perform classified tasks related to reverse engineering and vulnerability research."),
               ("Associate Software Engineer", "Infor", "May 2021 - Jan 2023",
                "Developed the pipelines that build and test several of the company's products."),
               ("Student Programmer", "Ohio Supercomputer Center", "Aug 2019 - Aug 2020",
                "Maintained repeatable installations of the scientific applications offered to users.")]
    resume = parse_resume(read_pdf(run_in_titles_pdf(entries), settings))
    assert [(j.title, j.company) for j in resume.experience] == [(t, e) for t, e, _, _ in entries]
    assert [j.bullets[0].text.lstrip("• ") for j in resume.experience] == [d for _, _, _, d in entries]


def test_a_year_set_apart_from_its_month_is_no_field_break() -> None:
    """ "Associate professor June" ... "2022 -" flush right (a real CV's kerned line): the wide gap is inside the
    date, so the line keeps it whole, and no date set apart needs a break (a narrow column wrapped "NY | Mar ’22"
    before its "– Present" and lost the range); between words it is a field break."""
    line = LayoutLine([Run("Associate professor June", 177.0, 700.0, 10.0, False, 1),
                       Run("2022 - Present", 480.0, 700.0, 10.0, False, 2)])
    assert line.text(field_breaks=True) == "Associate professor June 2022 - Present"
    line = LayoutLine([Run("Acme Analytics", 60.0, 700.0, 10.0, True, 1), Run("Mar ’22 – Present", 480.0, 700.0, 10.0,
                                                                               False, 2)])
    assert line.text(field_breaks=True) == "Acme Analytics Mar ’22 – Present"  # a month and its year: a date
    line = LayoutLine([Run("Acme Analytics", 60.0, 700.0, 10.0, True, 1), Run("Oslo", 500.0, 700.0, 10.0, False, 2)])
    assert line.text(field_breaks=True) == "Acme Analytics | Oslo"
    assert line.text() == "Acme Analytics Oslo"


@pytest.mark.parametrize("running", ["Riley Sample - Resume", "Riley Sample | Page 2", "Riley Sample"])
def test_a_running_header_on_page_two_is_no_part_of_the_role_under_it(settings, running: str) -> None:
    """ "Riley Sample - Resume" at the top of page two sat over the role that goes on there, and became its
    employer ("Resume"): the name's running header is page furniture."""
    titles = ["Director of Data Science", "Principal Data Scientist", "Senior Data Scientist", "Data Scientist",
              "Data Analyst", "Research Assistant"]
    entries = [(title, f"Employer {chr(65 + k)} Corp", f"Jan {2020 - 2 * k} - Dec {2021 - 2 * k}")
               for k, title in enumerate(titles)]
    extracted = read_pdf(running_header_pdf(entries, running, break_before=4), settings)
    assert extracted.pages == 2
    assert [(j.title, j.company) for j in parse_resume(extracted).experience] == [(t, e) for t, e, _ in entries]


def test_a_date_printed_at_the_foot_of_both_pages_is_no_role(settings) -> None:
    """Awesome-CV prints the day it was compiled at the foot of every page ("December 7, 2026"): on a two-page
    resume it sat between two roles and became one (a role started that month)."""
    titles = ["Staff Data Scientist", "Senior Data Scientist", "Data Scientist", "Data Analyst", "Junior Analyst"]
    entries = [(title, f"Employer {chr(65 + k)} Corp", f"Jan {2020 - 2 * k} - Dec {2021 - 2 * k}")
               for k, title in enumerate(titles)]
    extracted = read_pdf(running_header_pdf(entries, "", break_before=3, footer="DECEMBER 7, 2026"), settings)
    assert extracted.pages == 2 and "DECEMBER" not in extracted.text
    assert [(j.title, j.company) for j in parse_resume(extracted).experience] == [(t, e) for t, e, _ in entries]


def test_italic_faces_are_reported_for_each_line(settings) -> None:
    extracted = read_pdf(entries_pdf(ENTRIES), settings)
    styles = {s.text: s for s in extracted.styled_lines}
    assert styles["Hooli"].italic == 1.0 and styles["Hooli"].bold == 0.0
    assert styles["Senior Data Scientist"].bold == 1.0 and styles["Senior Data Scientist"].italic == 0.0


def test_pasted_text_without_typography_still_reads_the_entries() -> None:
    text = "Riley Sample\nExperience\n" + "\n".join(f"{t}\n{e}\n{d}\n- Shipped a model." for t, e, d in ENTRIES)
    resume = parse_resume(ExtractedText(text=text, pages=1))
    assert len(resume.experience) == 3
    assert resume.experience[0].title == "Senior Data Scientist"


def test_a_sidebar_does_not_cut_the_experience_that_runs_onto_page_two(settings) -> None:
    extracted = read_pdf(sidebar_two_page_pdf(), settings)
    resume = parse_resume(extracted)
    kinds = [s.name for s in resume.sections]
    assert {"experience", "skills", "languages", "education"} <= set(kinds)
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Principal Data Scientist", "Initrode Analytics"), ("Senior Data Scientist", "Vandelay Industries"),
        ("Data Scientist", "Globex Corporation"), ("Analyst", "Acme Logistics"),
    ]
    skills = next(s for s in resume.sections if s.name == "skills")
    # The sidebar is read as its own column: no skill line carries a piece of an experience bullet.
    assert [line.text for line in skills.lines] == [
        "Python", "SQL", "Forecasting", "Experiment design", "Causal inference"]
    assert all("forecasting and pricing" in b.text for b in resume.experience[2].bullets)


def test_list_markers_drawn_as_shapes_are_bullets_and_an_entrys_last_item_is_not_the_next_employer(
    settings,
) -> None:
    # Printed from HTML, each <li> marker is a drawn dot, not a glyph in the text; the last item of an entry sits
    # right over the next entry's dated line, set apart only by space and by its indent.
    resume = parse_resume(read_pdf(drawn_markers_pdf(), settings))
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Head of Machine Learning", "Umbrella Health"), ("Senior Data Scientist", "Soylent Insurance")]
    assert [[b.text for b in j.bullets] for j in resume.experience] == [
        ["Grew the ML engineering team from 6 to 24 people across three teams",
         "Introduced an MLOps platform; deployment time down from five weeks to three days",
         "Owned a budget of 2.4 million EUR"],
        ["Fraud detection models", "Claims losses down 3 percent"],
    ]


def test_an_entrys_last_line_set_in_and_apart_is_not_the_next_entrys_employer(settings) -> None:
    # No markers at all: the items cannot be told apart, but "Owned a budget of 2.4 million EUR", set in from the
    # dates and followed by a wider gap, still ends its own entry rather than heading the next.
    resume = parse_resume(read_pdf(drawn_markers_pdf(markers=False), settings))
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Head of Machine Learning", "Umbrella Health"), ("Senior Data Scientist", "Soylent Insurance")]


def test_a_table_of_three_columns_is_read_cell_by_cell(settings) -> None:
    # tests/data/layouts/wrapped_table.html printed by Chromium: dates | title | employer and description, cells
    # that wrap. Read across, each row glued the title to its employer ("Senior ML Engineer Vinterberg Retail")
    # and interleaved the wrapped lines ("today Tech Lead Manager engineers on ...").
    extracted = layout_pdf("wrapped_table", settings)
    lines = extracted.text.splitlines()
    start = lines.index("Employment")
    assert lines[start + 1:start + 4] == ["2020 – today", "Principal ML Engineer / Tech Lead Manager",
                                          "Spotlight Media AB — led 18"]
    assert lines[lines.index("2017 – 2020") + 1:lines.index("2017 – 2020") + 3] == [
        "Senior ML Engineer", "Vinterberg Retail — built product"]
    # The sections around the table are read as before.
    assert lines[lines.index("Education") + 1:lines.index("Education") + 4] == [
        "2012 – 2014", "MSc Machine Learning", "KTH Royal Institute of Technology"]
    # And the roles as a reader takes them: the employer before its dash, what the role did after it.
    resume = parse_resume(extracted)
    assert [(j.title, j.company, j.start, j.end) for j in resume.experience] == [
        ("Principal ML Engineer / Tech Lead Manager", "Spotlight Media AB", "2020-01", "Present"),
        ("Senior ML Engineer", "Vinterberg Retail", "2017-01", "2020-12"),
        ("ML Engineer", "Kalix Games", "2014-01", "2017-12")]
    assert resume.experience[1].bullets[0].text == "built product search learning-to-rank; conversion +4%."


def test_a_compact_table_is_read_row_by_row(settings) -> None:
    # tests/data/layouts/compact_table.html printed by Chromium: older jobs as a table of employer | title | dates
    # with no padding and no wrapped cell, so every line is as far from the next as any other. Spacing told no row
    # from the next, so the whole table was read as one row, column after column (four employers, then four
    # titles, then four ranges): the first role got a title as its employer and three came out with no name.
    extracted = layout_pdf("compact_table", settings)
    lines = extracted.text.splitlines()
    start = lines.index("Details on request.")
    assert lines[start + 1:start + 7] == ["Harbor Mutual Insurance", "Data Scientist", "3/2013 - 5/2016",
                                          "Kestrel Systems", "Software Engineer", "6/2010 - 2/2013"]
    resume = parse_resume(extracted)
    assert [(j.title, j.company, j.start) for j in resume.experience][2:] == [
        ("Data Scientist", "Harbor Mutual Insurance", "2013-03"), ("Software Engineer", "Kestrel Systems", "2010-06"),
        ("Business Analyst", "Pinecrest Bank", "2008-07"), ("Analyst (Co-op)", "Tidewater Logistics", "2008-01")]
    assert resume.confidence["experience"] >= 0.7


def test_a_date_range_wrapped_in_a_margin_cell_is_read_whole_beside_its_entry(settings) -> None:
    # tests/data/layouts/margin_date_cells.html printed by Chromium: a two-column table, each range wrapped in its
    # narrow date cell ("04/2019 –" over "heute"), in a smaller size than the title beside it, so on another
    # baseline. The date cells were read as a column of their own before the entries: two roles with no title,
    # and the first title given the last role's dates.
    extracted = layout_pdf("margin_date_cells", settings)
    lines = extracted.text.splitlines()
    assert lines[lines.index("EXPERIENCE") + 1:lines.index("EXPERIENCE") + 4] == [
        "04/2019 – heute", "Head of Data Science & ML Engineering", "Zalando SE, Berlin"]
    resume = parse_resume(extracted)
    assert [(j.title, j.company, j.start, j.end) for j in resume.experience] == [
        ("Head of Data Science & ML Engineering", "Zalando SE", "2019-04", "Present"),
        ("Lead Machine Learning Engineer", "Check24", "2015-01", "2019-03"),
        ("Data Scientist", "Siemens AG", "2011-10", "2014-12")]


def test_a_place_set_beside_each_title_is_no_employer_of_a_promotion(settings) -> None:
    # tests/data/layouts/place_beside_title.html printed by Chromium: the employer on a line of its own, then
    # "Title • San Francisco • Aug 2021 – Present" for each role; Lyft's two roles share its line. The second was
    # shown, as sure, as a role at "San Francisco".
    resume = parse_resume(layout_pdf("place_beside_title", settings))
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Director of ML Engineering", "Stripe"), ("Senior Engineering Manager, ML Platform", "Lyft"),
        ("Engineering Manager, ML Platform", "Lyft"), ("Machine Learning Engineer", "Yelp")]


def test_a_heading_in_small_capitals_is_one_heading_whatever_the_case_of_its_words(settings) -> None:
    # tests/data/layouts/small_caps_heading.html printed by Chromium: "Esperienza professionale" in small capitals,
    # drawn "E" + "SPERIENZA" + "PROFESSIONALE", the last word all in the small size. It was a line of its own
    # beside the heading, and the first role's employer.
    extracted = layout_pdf("small_caps_heading", settings)
    assert "ESPERIENZA PROFESSIONALE" in extracted.text.splitlines()
    resume = parse_resume(extracted)
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Head of Machine Learning", "BENDING SPOONS"), ("Lead Data Scientist", "YOOX NET-A-PORTER"),
        ("Data Scientist", "UNICREDIT")]


def test_an_employer_line_with_its_place_in_brackets_and_a_lower_case_brand_head_their_roles(settings) -> None:
    # tests/data/layouts/employer_line_with_place.html printed by Chromium: "Nubank (São Paulo, Brasil)" above each
    # title; the second employer is "iFood (Osasco, Brasil)". The place stayed in the employer's name, and "iFood",
    # starting in lower case, was read as the tail of the bullet above: the role went to Nubank.
    resume = parse_resume(layout_pdf("employer_line_with_place", settings))
    assert [(j.title, j.company, j.location) for j in resume.experience] == [
        ("Gerente Sênior de Engenharia de ML", "Nubank", "São Paulo, Brasil"),
        ("Tech Lead de Machine Learning", "iFood", "Osasco, Brasil"),
        ("Cientista de Dados", "Itaú Unibanco", "São Paulo, Brasil")]


def test_roles_listed_as_bullets_under_an_employers_tenure_are_its_roles(settings) -> None:
    # tests/data/layouts/roles_as_bullets_under_employer.html printed by Chromium: "Google, New York, NY — 2014 –
    # 2024", then bullets "**Staff Engineer, Ads ML** (2017 – 2020): launched ...". Read as one role titled
    # "Google" whose roles were its bullets: two roles instead of four.
    resume = parse_resume(layout_pdf("roles_as_bullets_under_employer", settings))
    assert [(j.title, j.company, j.start, j.end) for j in resume.experience] == [
        ("Senior Staff Engineer, Ads ML", "Google", "2020-01", "2024-12"),
        ("Staff Engineer, Ads ML", "Google", "2017-01", "2020-12"),
        ("Senior Software Engineer", "Google", "2014-01", "2017-12"),
        ("Software Engineer, News Search", "Bloomberg", "2010-01", "2014-12")]
    assert resume.experience[1].bullets[0].text == "launched the conversion model; +2% revenue."


def test_dates_in_a_left_margin_anchor_their_entries(settings) -> None:
    resume = parse_resume(read_pdf(left_dates_pdf(), settings))
    assert [(j.title, j.company, j.location, j.start, j.end) for j in resume.experience] == [
        ("Head of Machine Learning", "Umbrella Health", "Berlin, Germany", "2020-01", "Present"),
        ("Machine Learning Engineer", "Soylent Foods", "Munich, Germany", "2016-01", "2020-12"),
        ("Software Developer", "Wonka Systems", "Hamburg, Germany", "2013-01", "2016-12"),
    ]
    assert [len(j.bullets) for j in resume.experience] == [2, 2, 2]


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("So,ware Engineer", "Software Engineer"),  # "ft" ligature mapped to a comma
        ("internal communicaIons plaGorm", "internal communications platform"),
        ("corporate fi nance, audit", "corporate finance, audit"),  # a space after the ligature's text
        ("an e cient pipeline", "an efficient pipeline"),  # the "ffi" glyph dropped
        # Nothing to repair: product names, accented words, ordinary words.
        ("JavaScript on iPhone", "JavaScript on iPhone"),
        ("Naïve Bayes", "Naïve Bayes"),
        ("of the role", "of the role"),
    ],
)
def test_ligature_artefacts_are_repaired_only_where_one_word_fits(broken: str, repaired: str) -> None:
    assert normalize_text(broken) == repaired
    assert normalize_text(repaired) == repaired


def test_entries_that_are_not_jobs_stay_out_of_the_count() -> None:
    text = "\n".join([
        "Pat Example", "Experience",
        "Staff Engineer, Globex 2019 - Present", "- Led the storage team.",
        "Teaching Assistant, Example University 2012 - 2013", "- Graded coursework.",
        "Example University - B.S. in Computer Science 2008 - 2012", "- Studied algorithms.",
        "Personal project: Chess engine 2015 - 2016", "- Wrote a chess engine.",
    ])
    resume = parse_resume(ExtractedText(text=text, pages=1))
    assert [(j.title, j.company) for j in resume.experience] == [("Staff Engineer", "Globex")]


@pytest.mark.parametrize(
    ("dates", "start", "end"),
    [("Present - 03/2019", "2019-03", "Present"), ("2022 - 2019", "2019-01", "2022-12"),
     ("since 2020", "2020-01", "Present")],
)
def test_ranges_written_end_first_or_open(dates: str, start: str, end: str) -> None:
    resume = parse_resume(ExtractedText(text=f"Pat Example\nExperience\nData Engineer, Globex {dates}\n- Built ETL.",
                                        pages=1))
    assert [(j.title, j.company, j.start, j.end) for j in resume.experience] == [
        ("Data Engineer", "Globex", start, end)]


def test_roles_under_one_employer_heading_belong_to_it() -> None:
    text = "\n".join([
        "Pat Example", "Experience", "Globex", "Lead Developer", "July 2023 - Present", "- Led the platform.",
        "Senior Developer", "June 2021 - July 2023", "- Ran the on-call rota.",
    ])
    resume = parse_resume(ExtractedText(text=text, pages=1))
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Lead Developer", "Globex"), ("Senior Developer", "Globex")]


def _typeset(lines: list[tuple[str, float]]) -> ExtractedText:
    from assistant.resume.models import StyledLine

    styled = [StyledLine(page=1, text=t, size=size, bold=0.0, x=40.0, gap=12.0) for t, size in lines]
    return ExtractedText(text="\n".join(t for t, _ in lines), pages=1, styled_lines=styled)


@pytest.mark.parametrize(
    "name", ["ÁLVARO AMORIM DE OLIVEIRA MARTINS", "émilie dubois", "Ludwig van der Berg", "Doe, Jane",
             "Mira Solberg, Senior Data Engineer", "Mira Solberg, MSW", "DOE, JANE"])
def test_the_name_is_the_largest_line_in_capitals_lower_case_or_with_particles(name: str) -> None:
    resume = parse_resume(_typeset([(name, 20.0), ("Data engineer", 11.0), ("contact@example.org", 9.0),
                                    ("Experience", 12.0), ("Data Engineer, Globex 2019 - Present", 10.0)]))
    # (An acronym after the comma is a credential, no given name, unless the whole name is in capitals.)
    expected = {"Doe, Jane": "Jane Doe", "Mira Solberg, Senior Data Engineer": "Mira Solberg",
                "Mira Solberg, MSW": "Mira Solberg", "DOE, JANE": "JANE DOE"}.get(name, name)
    assert resume.contact.name == expected


@pytest.mark.parametrize(
    ("contact", "email"),
    [("long.address.here@gmail.co\nm", "long.address.here@gmail.com"),
     ("marisol.quintero@exa\nmple.org", "marisol.quintero@example.org"),
     ("MARISOL.QUINTERO@EXAMPLE.ORG", "marisol.quintero@example.org"),
     ("HARPREET.DEVLIN@EXAMPL\nE.COM", "harpreet.devlin@example.com"),
     ("pat@example.com\nlinkedin.com", "pat@example.com"),
     ("wei.chen@example.\ncom", "wei.chen@example.com"),
     # broken right after the "@", as LaTeX's url macros may break a long address in a sidebar
     ("marisol.quintero.ml@\nexample.org", "marisol.quintero.ml@example.org")],
)
def test_an_email_wrapped_by_a_narrow_sidebar_or_set_in_capitals_is_read_whole(contact: str, email: str) -> None:
    resume = parse_resume(ExtractedText(text=f"Pat Example\nContact\n{contact}\nExperience", pages=1))
    assert resume.contact.email == email


@pytest.mark.parametrize(
    ("contact", "links", "email"),
    [  # a language code under the address reads like the rest of a wrapped domain; the link says it is not
        ("pat@example.com\nfr", ["pat@example.com"], "pat@example.com"),
        ("pat@example.com\nfr", [], "pat@example.comfr"),
        # the address run into the next word by a template that sets no space between them
        ("pat@example.comPhone +33 6 12 34 56 78", ["pat@example.com"], "pat@example.com"),
        # a link only chooses between readings of the printed address: one to another address adds nothing
        ("pat@example.com", ["someone.else@example.org"], "pat@example.com"),
        ("pat@example.com", ["pat@example.co"], "pat@example.com"),
        ("Email me", ["pat@example.com"], None),
        # a break or a space inside the address left only its end readable; the link and the page's characters
        # before it (nothing but white space between) give it whole, and without the link it stays as read
        ("pat.lee.\nml@example.com", ["pat.lee.ml@example.com"], "pat.lee.ml@example.com"),
        ("pat. lee@example.com", ["pat.lee@example.com"], "pat.lee@example.com"),
        ("pat. lee@example.com", [], "lee@example.com"),
        ("Senior at Acme.\nlee@example.com", ["pat.lee@example.com"], "lee@example.com"),
        ("patlee@example.com", ["pat.lee@example.com"], "patlee@example.com"),
        # the address run on from a phone number drawn against it
        ("+1 555 0100 4567pat@example.com", ["pat@example.com"], "pat@example.com"),
        ("pat4567@example.com", ["7@example.com"], "pat4567@example.com"),
    ],
)
def test_the_address_a_pdf_links_to_decides_how_a_wrapped_email_is_read(contact: str, links: list[str],
                                                                         email: str | None) -> None:
    extracted = ExtractedText(text=f"Pat Example\nContact\n{contact}\nExperience", pages=1, link_emails=links)
    assert parse_resume(extracted).contact.email == email


def test_a_pdfs_mailto_links_are_read_and_a_broken_link_loses_nothing(settings: Settings) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(text="Pat Example", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(text="pat.lee@example.com", link="mailto:pat%2Elee@example.com?subject=Hello", new_x="LMARGIN",
             new_y="NEXT")
    pdf.cell(text="Homepage", link="https://example.com/pat", new_x="LMARGIN", new_y="NEXT")
    linked = read_pdf(bytes(pdf.output()), settings)
    assert linked.link_emails == ["pat.lee@example.com"]
    assert parse_resume(linked).contact.email == "pat.lee@example.com"
    # An annotation whose action is no dictionary (a hostile or broken file) costs its page's links, not the text.
    broken = bytes(pdf.output()).replace(b"/A <<", b"/A 7 /X <<", 1)
    read = read_pdf(broken, settings)
    assert "pat.lee@example.com" in read.text and read.link_emails == []


def test_an_unheaded_opening_paragraph_is_the_summary() -> None:
    text = "\n".join([
        "Pat Example", "pat@example.org | +1 555 010 0100",
        "Data engineer who builds reliable pipelines and the tooling around them, and who mentors",
        "the people who run them.",
        "Experience", "Data Engineer, Globex 2019 - Present", "- Built the ingestion platform.",
    ])
    resume = parse_resume(ExtractedText(text=text, pages=1))
    summary = resume.sections[0]
    assert summary.name == "summary" and summary.heading == ""
    assert [line.text for line in summary.lines][-1] == "the people who run them."
    # Name and contact lines alone are no summary.
    bare = parse_resume(ExtractedText(text="Pat Example\npat@example.org\nExperience\nData Engineer, Globex 2019 - 2020",
                                      pages=1))
    assert [s.name for s in bare.sections] == ["experience"]
    # One plain sentence is a summary too; a short tagline is not.
    for opening, kinds in (("Platform engineer who builds developer tools and teaches programming to adults at night.",
                            ["summary", "experience"]),
                           ("Data engineer building reliable pipelines", ["experience"])):
        resume = parse_resume(ExtractedText(
            text=f"Pat Example\npat@example.org\n{opening}\nExperience\nData Engineer, Globex 2019 - 2020", pages=1))
        assert [s.name for s in resume.sections] == kinds


def test_a_link_wrapped_at_a_slash_does_not_swallow_the_next_title() -> None:
    text = "\n".join([
        "Pat Example", "Experience", "- Full list of talks: http://talks.example.org/articles-and-", "appearances/",
        "PRINCIPAL DEVELOPER ADVOCATE", "11/2021 - Present | Globex | Austin, TX", "- Wrote 40 essays a year.",
    ])
    resume = parse_resume(ExtractedText(text=text, pages=1))
    assert [(j.title, j.company) for j in resume.experience] == [("PRINCIPAL DEVELOPER ADVOCATE", "Globex")]


def test_a_full_width_second_page_continues_the_main_column_not_a_left_sidebar() -> None:
    from assistant.resume.models import StyledLine

    rows = [  # (page, x, text): a left sidebar, then the wide main column, then a one-column page 2
        (1, 30.0, "Skills"), (1, 30.0, "Python"), (1, 30.0, "SQL"),
        (1, 220.0, "Experience"), (1, 220.0, "Staff Engineer, Globex Jan 2020 - Present"),
        (1, 220.0, "• Led the storage team through two migrations and a re-architecture"),
        (2, 30.0, "Senior Engineer, Initech Mar 2016 - Dec 2019"),
        (2, 30.0, "• Built the billing service used by two million customers every month"),
    ]
    styled = [StyledLine(page=p, text=t, size=10.0, bold=0.0, x=x, gap=12.0) for p, x, t in rows]
    resume = parse_resume(ExtractedText(text="\n".join(t for _, _, t in rows), pages=2, styled_lines=styled))
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Staff Engineer", "Globex"), ("Senior Engineer", "Initech")]


def test_a_large_name_set_over_two_lines_is_read_whole() -> None:
    extracted = _typeset([("Marisol", 40.0), ("Quintero-Vance", 40.0), ("Data Engineer", 18.0),
                          ("marisol@example.com", 9.0), ("Experience", 14.0),
                          ("Data Engineer, Globex Jan 2020 - Present", 9.0), ("• Built pipelines for 40 teams", 9.0)])
    assert parse_resume(extracted).contact.name == "Marisol Quintero-Vance"


def test_employers_set_like_section_headings_are_entries_not_sections() -> None:
    from assistant.resume.models import StyledLine

    rows = [("Noor Haddad", 22.0, 1.0), ("Contact", 13.0, 1.0), ("noor@example.com", 11.0, 0.0),
            ("About", 13.0, 1.0), ("Analyst who turns messy data into decisions for operations teams.", 11.0, 0.0),
            ("Work Experience", 17.0, 1.0), ("Quillfeather Logistics", 13.0, 1.0),
            ("Senior Analyst Jan 2021 - Present", 11.0, 0.0), ("• Built the weekly capacity forecast", 11.0, 0.0),
            ("Tarrow Shipping", 13.0, 1.0), ("Analyst Mar 2018 - Dec 2020", 11.0, 0.0),
            ("• Automated customs reporting for 9 ports", 11.0, 0.0), ("Education", 17.0, 1.0),
            ("BSc Economics, Lakemont University 2014 - 2018", 11.0, 0.0)]
    styled = [StyledLine(page=1, text=t, size=size, bold=bold, x=40.0, gap=12.0) for t, size, bold in rows]
    resume = parse_resume(ExtractedText(text="\n".join(t for t, _, _ in rows), pages=1, styled_lines=styled))
    assert [s.name for s in resume.sections if s.name != "summary"] == ["other", "experience", "education"]
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Senior Analyst", "Quillfeather Logistics"), ("Analyst", "Tarrow Shipping")]


def test_dates_floated_right_under_each_title_stay_with_their_entries(settings) -> None:
    resume = parse_resume(read_pdf(right_dates_pdf(), settings))
    assert [(j.title, j.company, j.start, j.end) for j in resume.experience] == [
        ("Staff Engineer", "Vellum Payments", "2021-03", "Present"),
        ("Senior Engineer", "Vellum Payments", "2018-01", "2021-02"),
        ("Software Engineer", "Corvid Media", "2014-06", "2017-12"),
        ("Junior Developer", "Ostrander Telecom", "2011-09", "2014-05"),
    ]


def test_the_last_entrys_indented_lines_are_not_the_next_entrys_header() -> None:
    from assistant.resume.models import StyledLine

    rows = [("Tomas Ferreira", 22.0, 40.0), ("tomas@example.com", 10.0, 40.0), ("Work Experience", 13.0, 40.0),
            ("Head of Data , Quillfeather Foods", 12.0, 70.0), ("Apr, 2020 - Present", 10.0, 70.0),
            ("Grew the team from 3 to 20 people", 12.0, 100.0), ("Own the analytics budget", 12.0, 100.0),
            ("Research Analyst , Tarrow Labs", 12.0, 70.0), ("Jun, 2016 - Mar, 2020", 10.0, 70.0),
            ("Published two papers on demand models", 12.0, 100.0)]
    styled = [StyledLine(page=1, text=t, size=size, bold=0.0, x=x, gap=12.0) for t, size, x in rows]
    resume = parse_resume(ExtractedText(text="\n".join(t for t, _, _ in rows), pages=1, styled_lines=styled))
    assert [j.company for j in resume.experience] == ["Quillfeather Foods", "Tarrow Labs"]


def test_a_sidebar_is_a_column_even_when_the_dates_make_the_cleanest_split(settings) -> None:
    resume = parse_resume(read_pdf(sidebar_right_dates_pdf(), settings))
    assert [s.name for s in resume.sections][:4] == ["other", "skills", "languages", "interests"]
    assert [(j.title, j.company, j.start) for j in resume.experience] == [
        ("Director of Analytics", "Northwind Foods", "2020-04"), ("Senior Analyst", "Harbor Freight Lines", "2016-02"),
        ("Analyst", "Cobalt Retail Group", "2013-01")]


def test_a_bold_header_after_an_unfinished_bullet_starts_the_next_entry() -> None:
    from assistant.resume.models import StyledLine

    rows = [("Priya Example", 22.0, 0.0), ("priya@example.com", 10.0, 0.0), ("Experience", 14.0, 1.0),
            ("Senior Data Scientist, Lumen Clinics", 12.0, 0.5), ("September 2021 — Present", 10.0, 0.0),
            ("- Ran twenty A/B tests on patient reminder messages, raising attendance by 9%", 12.0, 0.0),
            ("Family care, Career Break", 12.0, 0.5), ("July 2019 — August 2021", 10.0, 0.0),
            ("Full-time carer for a family member.", 12.0, 0.0),
            ("Data Scientist, Brightwater Insurance", 12.0, 0.5), ("March 2016 — June 2019", 10.0, 0.0),
            ("- Built a claims fraud model", 12.0, 0.0)]
    styled = [StyledLine(page=1, text=t, size=size, bold=bold, x=40.0, gap=12.0) for t, size, bold in rows]
    resume = parse_resume(ExtractedText(text="\n".join(t for t, _, _ in rows), pages=1, styled_lines=styled))
    assert [j.company for j in resume.experience] == ["Lumen Clinics", "Brightwater Insurance"]


def test_margin_dates_wrapped_over_two_lines_still_anchor_their_entries(settings) -> None:
    from tests.pdfs import wrapped_margin_dates_pdf

    extracted = read_pdf(wrapped_margin_dates_pdf(), settings)
    resume = parse_resume(extracted)
    assert [(j.title, j.company, j.start, j.end) for j in resume.experience] == [
        ("Head of Machine Learning", "Umbrella Health", "2021-02", "Present"),
        ("Machine Learning Engineer", "Soylent Foods", "2016-10", "2021-01"),
        ("Software Developer", "Wonka Information", "2013-06", "2016-09"),
    ]


def test_headings_in_the_margin_on_their_first_row_open_their_sections(settings) -> None:
    from tests.pdfs import margin_headings_pdf

    resume = parse_resume(read_pdf(margin_headings_pdf(), settings))
    assert [s.name for s in resume.sections] == ["summary", "experience", "education", "skills"]
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Platform Engineer", "Globex"), ("Backend Developer", "Initech")]


def test_a_header_wrapped_beside_its_right_aligned_dates_keeps_its_title(settings) -> None:
    from tests.pdfs import wrapped_header_beside_date_pdf

    resume = parse_resume(read_pdf(wrapped_header_beside_date_pdf(), settings))
    assert [(j.title, j.company, j.start) for j in resume.experience] == [
        ("Associate Professor", "Example University", "2020-08"), ("Assistant Professor", "Example University", "2016-08")]


def test_a_table_of_labels_and_values_is_read_row_by_row(settings) -> None:
    from tests.pdfs import label_table_pdf

    extracted = read_pdf(label_table_pdf(), settings)
    assert "Dates March 2021 - present" in extracted.text  # no field break before a date
    resume = parse_resume(extracted)
    assert [(j.start, j.end) for j in resume.experience] == [
        ("2021-03", "Present"), ("2015-01", "2019-08"), ("2012-09", "2014-12")]
    assert all(j.title and j.title.endswith("Engineer") for j in resume.experience)


def test_a_sidebar_whose_baselines_match_the_main_column_is_still_read_as_its_own_column(settings) -> None:
    from tests.pdfs import aligned_sidebar_pdf

    resume = parse_resume(read_pdf(aligned_sidebar_pdf(), settings))
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Software Engineer", "Parcelbright"), ("Software Engineering Intern", "Lumen Ridge Bank")]
    assert {"skills", "languages", "experience", "education"} <= {s.name for s in resume.sections}


def test_a_short_right_aligned_margin_heading_is_split_off_its_row(settings) -> None:
    from tests.pdfs import right_aligned_margin_headings_pdf

    resume = parse_resume(read_pdf(right_aligned_margin_headings_pdf(), settings))
    assert [s.name for s in resume.sections] == ["experience", "skills", "education"]
    assert "Go" in resume.skills


def test_a_letter_spaced_name_and_heading_from_word_read_as_words() -> None:
    """Word's expanded character spacing prints one space between letters and a wider gap between words; the
    name must come out whole ("ROSALIND ACHTERBERG"), not cut where a dictionary finds words ("ROSA LINDA")."""
    assert normalize_text("R O S A L I N D  A C H T E R B E R G\nC A L L U M  F E R R E I R A - V O S S") == (
        "ROSALIND ACHTERBERG\nCALLUM FERREIRA-VOSS")
    assert normalize_text("Python  Go  SQL\nA  B") == "Python Go SQL\nA B"  # ordinary double spaces stay words


def test_a_letter_spaced_heading_with_an_ampersand_or_brackets_closes_up() -> None:
    """ "S K I L L S  &  I N T E R E S T S": the ampersand (or a bracketed "(CONTINUED)") between the spaced words
    kept the whole heading letter by letter, so it was no heading and its section ran into the one above."""
    assert normalize_text("S K I L L S   &   I N T E R E S T S") == "SKILLS & INTERESTS"
    assert normalize_text("E X P E R I E N C E   ( C O N T I N U E D )") == "EXPERIENCE (CONTINUED)"
    assert normalize_text("Python  &  Go") == "Python & Go"  # ordinary words around an ampersand stay as they are


def test_two_letter_spaced_headings_side_by_side_close_up_each_and_stay_a_heading() -> None:
    """ "C O N T A C T | E X P E R I E N C E": a row holding a sidebar's heading and the main column's, with the
    wide gap between them read as a field break. Each field closes up, and the row still reads as heading text
    (the "|" had made it a line of fields, and the work history lost its heading)."""
    from assistant.resume.headings import looks_like_heading_text

    assert normalize_text("C O N T A C T | E X P E R I E N C E") == "CONTACT | EXPERIENCE"
    assert looks_like_heading_text("CONTACT | EXPERIENCE") and looks_like_heading_text("Education | Language")
    assert not looks_like_heading_text("Acme Corp | 2019 - 2021") and not looks_like_heading_text("Oslo | a@b.no")


def test_variation_selectors_written_for_spaces_become_spaces() -> None:
    """One RTF converter writes U+FE0E where the spaces were: "PINGREE︎DETROIT︎—︎Detroit,︎MI" was one word to the
    reader, and the employer was lost. After an emoji the selector only picks its look and goes with it."""
    assert normalize_text("• PINGREE\ufe0eDETROIT\ufe0e—\ufe0eDetroit,\ufe0eMI") == "• PINGREE DETROIT — Detroit, MI"
    assert normalize_text("Creating\ufe0epatterns,\ufe0edeveloping\ufe0eSOPs") == "Creating patterns, developing SOPs"
    assert normalize_text("Call \u260e\ufe0e now") == "Call now"


def test_a_letter_spaced_heading_in_another_language_closes_up_whole() -> None:
    """With no gap wider than a letter's, word breaks come from the English vocabulary, whose two-letter pieces
    ("ed", "uc", "ac") would cut any foreign word into nonsense ("ED UC AC ION"); a foreign heading stays a word,
    and English headings still get their breaks, short words included."""
    assert normalize_text("E D U C A C I O N") == "EDUCACION"
    assert normalize_text("E X P E R I E N C I A") == "EXPERIENCIA"
    assert normalize_text("B E R U F S E R F A H R U N G") == "BERUFSERFAHRUNG"
    assert normalize_text("W O R K E X P E R I E N C E") == "WORK EXPERIENCE"
    assert normalize_text("A B O U T M E") == "ABOUT ME"


def test_a_word_resume_with_a_letter_spaced_name_gives_the_name(settings) -> None:
    from benchmarks.resume_accuracy import GENERATED_SETS

    pdf = GENERATED_SETS["word"] / "pdf" / "allcaps--ml_eng_director.pdf"
    assert parse_resume(read_pdf(pdf.read_bytes(), settings)).contact.name == "ROSALIND ACHTERBERG"


def test_a_bold_title_then_the_employer_in_regular_weight_splits_where_the_bold_stops(settings) -> None:
    """Word's most common entry line: "**Senior Director, AI Platform**, Quantrell Systems <tab> Feb 2023 – Present"
    with the city in italics below. Commas cannot tell title from employer; the weight can."""
    from benchmarks.resume_accuracy import GENERATED_SETS

    folder = GENERATED_SETS["word"] / "pdf"
    director = parse_resume(read_pdf((folder / "tabstop-classic--senior_director_en.pdf").read_bytes(), settings))
    assert [(j.title, j.company) for j in director.experience[:3]] == [
        ("Senior Director, AI Platform", "Quantrell Systems"),
        ("Director, Machine Learning Infrastructure", "Quantrell Systems"),
        ("Engineering Manager, Search Ranking", "Lindqvist Retail")]
    french = parse_resume(read_pdf((folder / "tabstop-classic--applied_ai_fr.pdf").read_bytes(), settings))
    assert (french.experience[0].title, french.experience[0].company) == ("Director of Applied AI", "Vellore Santé")


def test_the_weight_cuts_a_title_that_the_words_cut_short_at_its_own_comma(settings) -> None:
    # tests/data/layouts/bold_title_parenthesised_dates.html printed by Chromium: "**VP Engineering, AI**,
    # Lightricks (Jan '21 – Present)". The words read "VP Engineering" at "AI", and the employer was shown as
    # sure as "AI"; the bold stops after "AI".
    resume = parse_resume(layout_pdf("bold_title_parenthesised_dates", settings))
    assert [(j.title, j.company, j.start, j.end) for j in resume.experience] == [
        ("VP Engineering, AI", "Lightricks", "2021-01", "Present"),
        ("Director of Engineering, ML", "Taboola", "2017-04", "2020-12"),
        ("Team Lead, Data Science", "Wix", "2014-09", "2017-03")]


def test_a_running_header_on_page_two_does_not_turn_its_right_aligned_dates_into_a_column(settings) -> None:
    """Page 2 of a Word resume: the name and email right-aligned in the header, then entries with their dates on a
    right tab stop. The dates label their rows; they are not a second column read after the page."""
    from benchmarks.resume_accuracy import GENERATED_SETS

    pdf = GENERATED_SETS["word"] / "pdf" / "two-page-continued--head_ds_de.pdf"
    resume = parse_resume(read_pdf(pdf.read_bytes(), settings))
    assert [(j.company, j.start, j.end) for j in resume.experience] == [
        ("Nordwerk Logistik AG", "2021-10", "Present"), ("Nordwerk Logistik AG", "2019-04", "2021-09"),
        ("Brunnfeld Versicherung", "2014-09", "2018-04"), ("Silberhafen Energie GmbH", "2012-10", "2014-08")]


def test_dates_stacked_under_the_place_at_the_right_date_their_entry_not_its_first_bullet(settings) -> None:
    """rendercv's themes (and many templates) put "place / dates" in a right column: the dates sit beside the
    entry's first bullet, and beside nothing where an entry has no bullets. They are the entry's dates, and that
    narrow column is not a second column of the page read after the first."""
    extracted = read_pdf(stacked_place_dates_pdf(), settings)
    resume = parse_resume(extracted)
    assert [(j.start, j.end) for j in resume.experience] == [
        ("2020-08", "Present"), ("2017-03", "2020-07"), ("2015-01", "2017-02")]
    assert all(len(j.bullets) == 2 and "20" not in j.bullets[0].text for j in resume.experience)
    assert [s.name for s in resume.sections][-1] == "education"
    assert extracted.text.index("Coimbra") < extracted.text.index("2012")  # read in place, row by row


def test_a_place_and_dates_column_with_dates_alone_on_their_rows_is_read_beside_its_entries() -> None:
    """A narrow right column of "place / dates" cells where entries without bullets leave the dates (and a range
    wrapped in the column) alone on their rows: still the entries' labels, read in place, not a second column read
    after the whole page. Drawn section by section, the left cells then the right ones, as some producers do."""
    from assistant.resume.layout import Run, order_lines, page_text

    runs: list[Run] = []
    y = 740.0

    def add(text: str, x: float, row: float, size: float = 10.0) -> None:
        runs.append(Run(text=text, x=x, y=row, size=size, bold=False, order=len(runs) + 1, previous=len(runs)))

    def right(text: str, row: float) -> None:
        add(text, 560 - 0.48 * 10 * len(text), row)

    add("Rosa Exemplo", 60, y, 20)
    y -= 30
    sections = [
        ("Experience", [("Globex, Principal Data Scientist", ["- Led the credit and fraud models for the whole retail group", "- Cut deploy time", "- Hired four analysts", "- Ran the model review", "- Mentored two leads"],
                         ["Lisboa", "agosto 2020 - presente"]),
                        ("Mercado Azul, Data Science Lead", ["- Led the credit and fraud models for the whole retail group", "- Cut deploy time", "- Hired four analysts", "- Ran the model review", "- Mentored two leads"],
                         ["Porto", "marco 2017 - julho 2020"]),
                        ("Mercado Azul, Data Scientist", ["- Led the credit and fraud models for the whole retail group", "- Cut deploy time", "- Hired four analysts", "- Ran the model review", "- Mentored two leads"],
                         ["Porto", "janeiro 2015 - fevereiro 2017"]),
                        ("Banco Norte, Data Analyst", ["- Built the reports", "- Ran the surveys", "- Cleaned the data", "- Wrote the docs", "- Trained the team"],
                         ["Faro", "maio 2012 - dezembro 2014"])]),
        ("Education", [("Universidade Exemplar, Statistics MSc", [], ["Coimbra", "marco 2010 - fevereiro", "2012"]),
                       ("Universidade Exemplar, Mathematics BSc", [], ["Coimbra", "marco 2006 - dezembro", "2009"]),
                       ("Escola Secundaria Exemplar", [], ["Coimbra", "setembro 2003 - junho", "2006"])]),
    ]
    for heading, entries in sections:
        add(heading, 60, y, 13)
        y -= 18
        rows = []
        for header, bullets, cell in entries:
            rows.append((y, header, bullets, cell))
            y -= 12 * max(1 + len(bullets), len(cell)) + 6
        for top, header, bullets, _ in rows:
            for k, text in enumerate([header, *bullets]):
                add(text, 60 if k == 0 else 70, top - 12 * k)
        for top, _, _, cell in rows:
            for k, text in enumerate(cell):
                right(text, top - 12 * k)
    text, _ = page_text(order_lines(runs, 50.0, 560.0))
    lines = text.splitlines()
    assert lines.index("Education") < lines.index("marco 2010 - fevereiro") < lines.index(
        "Universidade Exemplar, Mathematics BSc | Coimbra")  # the place cell beside it: a field of its own
    assert lines[lines.index("- Led the credit and fraud models for the whole retail group") - 1] == "agosto 2020 - presente"


def test_a_name_with_the_contact_details_set_right_after_it_on_its_baseline_is_its_own_line() -> None:
    """Typst templates often put the name and the contact details on one line (`#h(1fr)` between them); when the
    details fill the line and wrap, they start right where the name ends. The name is still a line of its own."""
    from assistant.resume.layout import Run, order_lines, page_text

    runs = [Run(text="Rosa Exemplo Ferreira", x=45.0, y=780.0, size=26.0, bold=False, order=1),
            Run(text=" rosa@example.com | +351 912 345 678", x=300.0, y=780.0, size=9.0, bold=False, order=2,
                previous=1),
            Run(text="Lisboa, Portugal", x=45.0, y=768.0, size=9.0, bold=False, order=3, previous=2),
            Run(text="Summary", x=45.0, y=740.0, size=12.0, bold=True, order=4, previous=3)]
    text, _ = page_text(order_lines(runs, 40.0, 560.0))
    assert text.splitlines()[0] == "Rosa Exemplo Ferreira"


def test_margin_headings_set_as_a_capital_and_small_capitals_read_whole_and_keep_their_roles(settings) -> None:
    """A LaTeX CV class sets each margin heading as a capital and the rest in small capitals ("C" + "ontact"),
    drawing the capital after its row's body; pypdf glues the capital to the body's last word. The reader must see
    "Teaching" and "Awards" (not "eaching ... 2024T"), so the teaching and award lines open their own sections
    instead of being read as more roles, and the CV's four dated roles are its experience. Headings wrapped over
    two rows of the margin ("Research" / "Interests") are read as one, above their section's rows."""
    from tests.pdfs import small_caps_margin_headings_pdf

    extracted = read_pdf(small_caps_margin_headings_pdf(), settings)
    lines = extracted.text.splitlines()
    assert "Teaching" in lines and "Awards" in lines
    assert "Department of Physics and Astronomy" in extracted.text
    assert not any(re.search(r"[a-z0-9.][A-Z]$", line) for line in lines)  # no capital glued to a row's end
    # A heading wrapped in the narrow margin is one heading, read above its rows.
    assert "Contact Information" in lines and "Research Interests" in lines
    resume = parse_resume(extracted)
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Associate professor", "Northfield University, Department of Physics and Astronomy"),
        ("Assistant professor", "Northfield University, Department of Physics and Astronomy"),
        ("Core member", "Lakeside Institute for AI"), ("Staff Research Scientist (part time)", "Harborview Labs")]
    # "Affiliations", a heading no lexicon holds, is set in the margin like the others: its roles are a section.
    assert [(s.name, s.heading) for s in resume.sections][1:] == [
        ("summary", "Research Interests"), ("experience", "Affiliations"), ("education", "Education"),
        ("other", "Teaching"), ("awards", "Awards")]


def test_an_acronym_at_a_row_end_keeps_its_last_letter() -> None:
    """Only a capital after a lower-case letter, digit or mark is a heading's first letter glued on: a row drawn
    right cell first, ending in an acronym ("AWS"), keeps it whole when the next run starts in lower case."""
    from assistant.resume.layout import Run, order_lines, page_text

    runs = [Run(text="Cloud: AWS", x=122.0, y=700.0, size=10.0, bold=False, order=1),
            Run(text="certified on", x=60.0, y=700.0, size=10.0, bold=False, order=2, previous=1)]
    text, _ = page_text(order_lines(runs, 40.0, 560.0))
    assert text == "certified on Cloud: AWS"


def test_a_name_with_a_smaller_tagline_run_on_after_it_is_read_as_the_name_alone() -> None:
    """cies/resume-like headers set "Jane Doe" in 17 pt bold and, on its baseline right after it, " Kernel Engineer"
    in 10 pt: a reader sees a name and a tagline, and the name is not "Jane Doe Kernel". A bullet drawn bigger
    than its item's text still leads the item."""
    from assistant.resume.layout import Run, order_lines, page_text

    runs = [Run(text="Mira Okafor", x=54.0, y=766.0, size=17.2, bold=True, order=1),
            Run(text=" Kernel Engineer", x=150.0, y=766.0, size=10.0, bold=False, order=2, previous=1),
            Run(text="mira@example.org", x=54.0, y=750.0, size=10.0, bold=False, order=3, previous=2),
            Run(text="Summary", x=54.0, y=720.0, size=12.0, bold=True, order=4, previous=3),
            Run(text="•", x=54.0, y=700.0, size=17.0, bold=False, order=5, previous=4),
            Run(text=" Staff Engineer - Payments (2019 - Present)", x=64.0, y=700.0, size=10.0, bold=False, order=6,
                previous=5)]
    text, _ = page_text(order_lines(runs, 40.0, 560.0))
    lines = text.splitlines()
    assert lines[0] == "Mira Okafor" and "Kernel Engineer" in lines[1]
    assert lines[-1].startswith("•") and "Staff Engineer" in lines[-1]


def test_small_dates_under_a_title_and_employer_carry_the_place_not_the_title() -> None:
    """AltaCV-like entries: the title, the employer, then the dates and the place in small print on one line
    ("Técnico de servicio" / "Zener" / "Dic 2020 – Nov 2021  Beltrán"). The small line closes the entry's header:
    the place beside the dates is no title, and the next entry's title under it is not this entry's."""
    from assistant.resume.models import StyledLine

    rows = [("Marta Example", 22.0, 0.0), ("Experiencia", 14.0, 1.0),
            ("Desarrolladora Freelancer", 12.0, 0.0), ("Freelance", 10.0, 1.0),
            ("Oct 2021 – Presente Alta Gracia", 9.0, 0.0), ("• Desarrollo de aplicaciones web.", 10.0, 0.0),
            ("Técnica de servicio", 12.0, 0.0), ("Zenobia", 10.0, 1.0), ("Dic 2020 – Nov 2021 Beltrán", 9.0, 0.0),
            ("Técnica de servicio", 12.0, 0.0), ("Servilar", 10.0, 1.0),
            ("Sep 2018 – Ene 2020 Santiago Del Estero", 9.0, 0.0),
            ("Técnica a domicilio", 12.0, 0.0), ("Autónoma", 10.0, 1.0),
            ("Mar 2012 – Ene 2018 Santiago Del Estero", 9.0, 0.0)]
    styled = [StyledLine(page=1, text=t, size=size, bold=bold, x=40.0, gap=12.0) for t, size, bold in rows]
    resume = parse_resume(ExtractedText(text="\n".join(t for t, _, _ in rows), pages=1, styled_lines=styled))
    assert [(j.title, j.company, j.location) for j in resume.experience] == [
        ("Desarrolladora Freelancer", "Freelance", "Alta Gracia"), ("Técnica de servicio", "Zenobia", "Beltrán"),
        ("Técnica de servicio", "Servilar", "Santiago Del Estero"),
        ("Técnica a domicilio", "Autónoma", "Santiago Del Estero")]


def test_a_sidebar_beyond_a_column_of_dates_drawn_row_by_row_is_read_after_the_main_column() -> None:
    """Orbit (one of the most used CV templates): the main column carries each entry's dates flush right, drawn
    on the title's row, and a coloured sidebar sits beyond it, drawn by style (body text, then the sidebar, then
    titles and dates), so the stream crosses both gaps. The gap between titles and dates is a table's (one
    column); the gap beyond the dates is still the sidebar's, read after the main column, not interleaved."""
    from assistant.resume.layout import Run, order_lines, page_text

    runs: list[Run] = []

    def add(text: str, x: float, y: float, size: float = 8.0, bold: bool = False) -> None:
        runs.append(Run(text=text, x=x, y=y, size=size, bold=bold, order=len(runs) + 1, previous=len(runs)))

    titles = [("Director of Machine Learning", "2020 - Present", "Northwind Analytics"),
              ("Senior Machine Learning Engineer", "2017 - 2020", "Northwind Analytics"),
              ("Machine Learning Engineer", "2014 - 2017", "Northwind Analytics"),
              ("Research Engineer", "2011 - 2014", "Harbor Robotics")]
    tops = [600.0 - 50 * k for k in range(len(titles))]
    for top, (_, _, employer) in zip(tops, titles, strict=True):  # body text first
        add(employer, 93, top - 11)
        add("Led the work that mattered most to the product and its users.", 93, top - 24)
    sidebar = ["EDUCATION", "PhD in Computer Science", "University of Washington", "2006 - 2011", "LANGUAGES",
               "English", "Norwegian", "INTERESTS", "Sailing", "Chess"]
    for k, text in enumerate(sidebar):  # then the sidebar
        add(text, 446, 610 - 14 * k)
    add("WORK EXPERIENCE", 93, 625, 10)
    for top, (title, dates, _) in zip(tops, titles, strict=True):  # then titles and their dates
        add(title, 93, top, 8.5, True)
        add(dates, 400 - 0.5 * 7 * len(dates), top, 7)
    text, _ = page_text(order_lines(runs, 0.0, 595.0))
    lines = text.splitlines()
    assert lines.index("Research Engineer 2011 - 2014") < lines.index("EDUCATION")
    assert lines[lines.index("EDUCATION"):] == sidebar


def test_ranges_joined_by_a_dingbat_arrow_are_read(settings) -> None:
    # tests/data/layouts/dingbat_arrow_ranges.tex through XeLaTeX: "2019 ➠ 2024" by pifont's \ding{224}, whose
    # embedded Dingbats font has no /ToUnicode. The arrow came out as "«" (its glyph name read through the wrong
    # table) and then as nothing, so no range was read: one role of three, from "Depuis 2018"-style dates alone.
    extracted = layout_pdf("dingbat_arrow_ranges", settings)
    assert "2019 → 2024 Northwind Analytics" in extracted.text.splitlines()
    resume = parse_resume(extracted)
    assert [(j.company, j.start, j.end) for j in resume.experience] == [
        ("Northwind Analytics", "2019-01", "2024-12"), ("Globex", "2014-01", "2018-12"), ("Initech", "2010-01", "2013-12")]


def test_a_pictograph_arrow_is_a_range_only_between_a_year_and_a_word() -> None:
    assert normalize_text("Mar 2019 ➔ Present\n➢ Led the 2019 launch\n➔ Built the tracker") == (
        "Mar 2019 → Present\n• Led the 2019 launch\nBuilt the tracker")


def test_superscript_ordinals_stay_with_their_numbers(settings) -> None:
    # tests/data/layouts/superscript_ordinals.html printed by Chromium: "275<sup>th</sup> Signal Company", as Word
    # sets ordinals. Raised and small, "th" made a line of its own over its unit ("th" / "275 Signal Company"),
    # so the unit's name was wrong and the stray line sat in the entry above.
    lines = layout_pdf("superscript_ordinals", settings).text.splitlines()
    assert "275th Signal Company, Fort Hood: 02 April 2015 to 01 April 2018" in lines
    assert "20th Support Group, Camp Carroll: 01 May 2012 to 15 March 2015" in lines
    assert "1st Cavalry Division, Fort Hood: 10 June 2009 to 30 April 2012" in lines
    assert not {"th", "st"} & set(lines)


def test_a_margin_heading_drawn_after_its_row_and_wrapped_ragged_left_is_read_whole_above_the_row() -> None:
    """moderncv's fancy style sets each section heading right-aligned in the left margin, bigger than the body and
    vertically centred on the first entry: "Work" on the baseline of the entry's first row, "Experience" a row
    lower, beside the wrapped rest of the header, and draws the body first. A reader sees "Work Experience" above
    the entry, and the entry's right-aligned dates on its own row, not beside the heading."""
    from assistant.resume.layout import order_lines, page_text

    runs = [Run(text="Principal Platform Engineer", x=168.3, y=596.584, size=10.9, bold=True, order=1),
            Run(text=", Stratagem Cloud, Austin,\n", x=309.7, y=596.584, size=10.9, bold=False, order=2, previous=1),
            Run(text="Work\n", x=118.5, y=596.58, size=14.3, bold=False, order=3, previous=2),
            Run(text="2023-01–Present", x=451.7, y=596.58, size=10.9, bold=True, order=4, previous=3),
            Run(text="TX.", x=167.9, y=583.03, size=10.9, bold=False, order=5, previous=4),
            Run(text="Experience", x=86.5, y=581.64, size=14.3, bold=False, order=6, previous=5),
            Run(text="- Own the multi-region Kubernetes platform", x=167.8, y=569.8, size=10.0, bold=False, order=7,
                previous=6),
            Run(text="Staff Site Reliability Engineer, Harborline Financial 2020-05–2022-12", x=168.3, y=540.4,
                size=10.9, bold=False, order=8, previous=7)]
    lines = [" ".join(line.split()) for line in page_text(order_lines(runs, 50.0, 560.0))[0].splitlines()]
    assert lines[:3] == ["Work Experience", "Principal Platform Engineer, Stratagem Cloud, Austin, 2023-01–Present",
                         "TX."]


def test_a_work_mode_ending_an_entry_line_with_a_full_stop_is_its_place() -> None:
    """moderncv ends each entry's line with a full stop: "Quokka Health, Remote." names the employer and where the
    work was done, not an employer called "Remote."."""
    from assistant.resume.entry_fields import strip_location

    assert strip_location("Quokka Health, Remote.") == ("Quokka Health", "Remote.")


# Generated tuning layouts whose sidebar or column a browser's furniture row, spanning the page, hid from the
# column reader (their work history read across the sidebar, or lost).
_PRINTED_IN_A_BROWSER = ["latex/pdf/sidebar-left--academic_teacher.pdf", "themes/corpus/paper__european.pdf",
                         "typst/pdf/typst-sidebar--ml_director.pdf", "word/pdf/sidebar-table--principal_ds_es.pdf",
                         "word/pdf/two-page-continued--ml_manager_pt.pdf"]


@pytest.mark.parametrize("browser", ["chrome", "firefox", "safari"])
@pytest.mark.parametrize("name", _PRINTED_IN_A_BROWSER)
def test_what_a_browser_prints_in_the_margins_changes_nothing_in_the_reading(settings, name: str,
                                                                             browser: str) -> None:
    """A resume printed from a browser with "Headers and footers" left on carries the time of printing, the page's
    title, its address and "1/2" in the margins of every page. The roles, name and email read from it are the ones
    read from the same resume printed without them, and none of that furniture is left in the text."""
    from benchmarks.resume_accuracy import GENERATED

    data = (GENERATED / name).read_bytes()
    plain = parse_resume(read_pdf(data, settings))
    printed_text = read_pdf(with_browser_furniture(data, browser), settings)
    printed = parse_resume(printed_text)
    assert [(j.title, j.company, j.start, j.end) for j in printed.experience] == [
        (j.title, j.company, j.start, j.end) for j in plain.experience]
    assert (printed.contact.name, printed.contact.email) == (plain.contact.name, plain.contact.email)
    assert not re.search(r"12:22|00:22|file:///|morgan\.example|\b1 ?(?:/|of) ?\d\b", printed_text.text)
