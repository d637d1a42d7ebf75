"""Finding the candidate's name: the largest or first prominent line near the contact block, in natural order.

The synthetic stress set (benchmarks/generated/names) renders invented people in header layouts where a reader of
text alone goes wrong; the other tests pin one mechanism each on pasted text or on PDF-like styled lines.
"""

from __future__ import annotations

import pytest

from assistant.resume.models import ExtractedText, StyledLine
from assistant.resume.parser import parse_resume
from benchmarks.generated.names.cases import CASES, Case
from benchmarks.resume_accuracy import _norm

_BODY_TEXT = "Experience\nData Engineer, Globex\nJan 2020 - Present\n• Built pipelines for 40 teams\n"


def _parse(text: str) -> str | None:
    return parse_resume(ExtractedText(text=text, pages=1)).contact.name


def _styled(lines: list[tuple[str, float, float]]) -> str | None:
    """PDF-like lines: (text, size, left edge)."""
    styled = [StyledLine(page=1, text=t, size=size, bold=1.0 if size > 11 else 0.0, x=x, gap=12.0)
              for t, size, x in lines]
    return parse_resume(ExtractedText(text="\n".join(t for t, _, _ in lines), pages=1,
                                      styled_lines=styled)).contact.name


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in CASES])
def test_the_stress_set_names_each_candidate_as_a_reader_would(case: Case, settings) -> None:
    from assistant.resume.intake import read_pdf
    from assistant.resume.review import prepare_resume

    found = prepare_resume(read_pdf(case.build(), settings))[0].contact.name
    if case.truth is None:
        assert found is None, case.note
    else:
        assert _norm(found) == _norm(case.truth), case.note


@pytest.mark.parametrize(("first_lines", "name"), [
    ("Personal Details\nName: Françoise Girard\nEmail: f.g@example.org", "Françoise Girard"),
    ("Personal information\nName / Surname Marchetti, Élodie\nEmail elodie@example.org", "Élodie Marchetti"),
    ("Informazioni personali\nNome / Cognome Marchetti, Élodie\nE-mail elodie@example.org", "Élodie Marchetti"),
    # Europass's labels, each part perhaps pluralised in brackets
    ("Informations personnelles\nPrénom(s) / Nom(s) Lefèvre, Camille\ncamille@example.org", "Camille Lefèvre"),
    ("Información personal\nApellido(s) / Nombre(s) García Ruiz, Ana\nana@example.org", "Ana García Ruiz"),
    ("Full name Tomás Ó Súilleabháin\nEmail t.o@example.org", "Tomás Ó Súilleabháin"),
    ("Curriculum Vitae – Eleni Katsarou\neleni@example.org", "Eleni Katsarou"),
    ("Resume of Kenji Watanabe\nkenji@example.org", "Kenji Watanabe"),
    ("Lena Fischer   lena.fischer@example.org   +49 30 1234 5678", "Lena Fischer"),
    ("Jane Doe (she/her)\njane@example.org | +1 555 010 0199", "Jane Doe"),
    ("van der Berg, Anneke\nanneke@example.org", "Anneke van der Berg"),
    ("João da Silva Junior\njoao@example.org", "João da Silva Junior"),
    ("Larissa Page\nlarissa@example.org", "Larissa Page"),
    ("Wei (David) Zhang\nwei@example.org", "Wei (David) Zhang"),
    ('Email : gary@example.org\nGary "gazzo" Lombardo\nMobile : +1-213-555-0148', 'Gary "gazzo" Lombardo'),
    # the text layer broke the name: a drop capital, small capitals, a lost space between two fonts
    ("J ane Doe\njane@example.org", "Jane Doe"),
    ("R OSA O KONKWO\nrosa@example.org", "ROSA OKONKWO"),
    ("JaneDoe\njane@example.org", "Jane Doe"), ("MarekHavlíček\nmarek@example.cz", "Marek Havlíček"),
    ("NoelVAN DORN\nnoel@example.org", "Noel VAN DORN"),
    # decoration and a courtesy or academic title around the name
    ("— JANE DOE —\njane@example.org", "JANE DOE"),
    ("Dr. Wei Zhang, PhD\nwei@example.org", "Wei Zhang"),
    # a tagline run on after the name with no separator
    ("Mary Ann Smith Product Designer\nmary@example.org", "Mary Ann Smith"),
    ("Jane Doe Staff Engineer\njane@example.org", "Jane Doe"),
])
def test_a_pasted_resume_names_its_candidate_in_the_common_header_forms(first_lines: str, name: str) -> None:
    assert _parse(f"{first_lines}\n{_BODY_TEXT}") == name


def test_a_country_in_the_contact_block_is_not_taken_for_the_name() -> None:
    assert _parse(f"Contact\nKrnov, 794 01\nCzech Republic\nmarek@example.cz\n{_BODY_TEXT}") is None


def test_a_section_label_above_the_contact_lines_is_not_taken_for_the_name() -> None:
    assert _parse(f"Personal Details\nf.g@example.org\n+33 6 12 34 56 78\n{_BODY_TEXT}") is None


def test_of_two_name_like_header_lines_the_one_the_email_address_spells_is_the_name() -> None:
    assert _parse(f"Berlin Mitte\nLena Fischer\nlena.fischer@example.org\n{_BODY_TEXT}") == "Lena Fischer"
    # Without an address that spells either, the first stays the name.
    assert _parse(f"Lena Fischer\nBerlin Mitte\nlf@example.org\n{_BODY_TEXT}") == "Lena Fischer"


def test_a_name_merged_into_another_line_is_found_only_when_the_email_address_spells_it() -> None:
    merged = "Summary Oluwaseun Adeyemi\nLed data platform teams at three companies over ten years.\n"
    assert _parse(f"{merged}oluwaseun.adeyemi@example.org\n{_BODY_TEXT}") == "Oluwaseun Adeyemi"
    assert _parse(f"{merged}contact@example.org\n{_BODY_TEXT}") is None


def test_a_big_name_set_over_two_lines_is_joined_even_with_a_contact_block_read_between_them() -> None:
    assert _styled([
        ("London, United Kingdom", 10.0, 380.0), ("Priya", 36.0, 58.0), ("priya@example.net", 10.0, 380.0),
        ("Ramanathan", 36.0, 58.0), ("Senior Data Scientist", 15.0, 58.0), ("Experience", 18.0, 58.0),
        ("Data Scientist, Globex Jan 2020 - Present", 10.0, 58.0),
    ]) == "Priya Ramanathan"


@pytest.mark.parametrize(("second", "name"), [
    ("Thorne", "Beatriz Almeida Thorne"),
    # A tagline set as large as the name is not its third word.
    ("Consultant", "Beatriz Almeida"),
])
def test_a_two_word_name_over_a_third_word_in_its_size_is_joined(second: str, name: str) -> None:
    assert _styled([
        ("Beatriz Almeida", 36.0, 58.0), (second, 36.0, 58.0), ("Lisbon, Portugal", 10.5, 400.0),
        ("beatriz.thorne@example.org", 10.5, 400.0), ("Experience", 18.0, 58.0),
        ("Data Scientist, Globex Jan 2020 - Present", 10.0, 58.0),
    ]) == name


@pytest.mark.parametrize(("first", "second", "name"), [
    # two given names and two surnames, the last one wrapped under the rest
    ("Andrés Felipe Rojas", "Cárdenas", "Andrés Felipe Rojas Cárdenas"),
    ("Andrés Felipe Rojas", "Desarrollador", "Andrés Felipe Rojas"),
    # a tagline after a comma wrapped under the name: not "Surname, Given"
    ("Timo Brückner, PMTS Software", "Engineer bei Salesforce", "Timo Brückner"),
    # a name drawn twice on its line; a portfolio's greeting before it
    ("Colby Hart Colby Hart", "Software Engineer", "Colby Hart"),
    ("I'm Jean-Loïc", "Marbeuf.", "Jean-Loïc Marbeuf"),
    ("Hi, I am Jean-Loïc Marbeuf", "Software Engineer", "Jean-Loïc Marbeuf"),
])
def test_a_large_name_line_is_read_with_what_wraps_under_it_and_without_what_repeats_or_greets(
        first: str, second: str, name: str) -> None:
    assert _styled([
        (first, 30.0, 58.0), (second, 30.0, 58.0), ("Bogotá, Colombia", 10.5, 58.0),
        ("candidate@example.org", 10.5, 58.0), ("Experience", 18.0, 58.0),
        ("Data Scientist, Globex Jan 2020 - Present", 10.0, 58.0),
    ]) == name


def test_a_name_set_over_two_lines_atop_a_sidebar_read_after_the_main_column_is_joined(settings) -> None:
    """"Ingrid" heads the page and "Salvesen" the sidebar, which is read after the main column: the second word
    is the page's one other line in the name's size, however far down the reading order it comes."""
    from assistant.resume.intake import read_pdf
    from tests.pdfs import sidebar_name_pdf

    extracted = read_pdf(sidebar_name_pdf(), settings)
    lines = extracted.text.splitlines()
    assert lines.index("Salvesen") > lines.index("Education")  # the shape this test is about
    assert parse_resume(extracted).contact.name == "Ingrid Salvesen"


def test_a_big_name_broken_at_its_hyphen_is_joined_without_a_space() -> None:
    assert _styled([
        ("Priyanka Raghunathan-", 24.8, 167.0), ("Holt | Principal Platform Engineer", 24.8, 128.0),
        ("priyanka@example.org", 10.9, 158.0), ("Experience", 14.3, 60.0),
        ("Platform Engineer, Globex Jan 2020 - Present", 10.9, 60.0),
    ]) == "Priyanka Raghunathan-Holt"


def test_a_big_headline_that_is_a_role_or_a_section_is_not_a_name() -> None:
    for headline in ("Data Science Leader", "Work History"):
        assert _styled([
            (headline, 22.0, 50.0), ("candidate@example.org", 10.0, 50.0), ("Experience", 13.0, 50.0),
            ("Data Scientist, Globex Jan 2020 - Present", 10.0, 50.0),
        ]) is None, headline


def test_a_bold_name_beside_the_contact_lines_is_found_when_a_sidebar_is_read_first() -> None:
    """The sidebar's heading is the page's largest line and the header before it is empty; the name is the bold
    line under the contact lines, not the first name-like words on the page."""
    assert _styled([
        ("Contact", 16.0, 30.0), ("jane.okafor@example.org", 10.0, 30.0), ("+1 555 010 0199", 10.0, 30.0),
        ("linkedin.com/in/example", 10.0, 30.0), ("Jane Okafor", 14.0, 200.0), ("Skills", 16.0, 30.0),
        ("Python, SQL", 10.0, 30.0), ("Experience", 16.0, 200.0),
        ("Data Scientist, Globex Jan 2020 - Present", 10.0, 200.0),
    ]) == "Jane Okafor"


@pytest.mark.parametrize("tagline", ["Product Designer", "Cloud Architect", "San Francisco Bay Area",
                                     "Northwind Labs", "Thank You", "Ingeniero de Datos", "Cientista de Dados"])
def test_a_tagline_a_place_or_a_company_on_the_first_line_is_not_the_name(tagline: str) -> None:
    assert _parse(f"{tagline}\nsomeone@example.org | +1 555 010 0199\n{_BODY_TEXT}") is None


@pytest.mark.parametrize("name", ["Ai Tanaka", "Rodrigo Sales", "Grace Leader", "Abu Bakr Siddiq", "Nguyễn Văn An",
                                  "Jean-Baptiste Le Rond d'Alembert", "Aisha bint Abdullah", "D. J. Patil"])
def test_names_that_share_a_word_with_roles_or_places_are_still_names(name: str) -> None:
    assert _parse(f"{name}\nsomeone@example.org | +1 555 010 0199\n{_BODY_TEXT}") == name


def _phone(text: str) -> str | None:
    return parse_resume(ExtractedText(text=text, pages=1)).contact.phone


def test_a_paper_s_numbers_are_not_taken_for_the_candidate_s_phone() -> None:
    body = ("Jane Doe\njane@example.org\nPublications\n"
            "Fast optimisation for deep networks. Journal of Examples, 130001-130012, 2021.\n"
            "Momentum revisited. arXiv:2103.01234, 2021.\n")
    assert _phone(body) is None
    assert _phone(body.replace("jane@example.org", "jane@example.org | +1 555 010 0199")) == "+1 555 010 0199"


@pytest.mark.parametrize("phone", ["+1 555 0199", "+44 20 7946 0958", "+49 (0)30 1234567", "(+44) 20 7946 0958",
                                   "+1-555-0199", "+91 98765 43210",
                                   # slashes (German, Hungarian) and middle dots between the groups
                                   "+36/30/555-0142", "07471/9123456", "(402) · 555 · 0163"])
def test_a_phone_written_with_its_country_code_and_groups_is_found(phone: str) -> None:
    assert _phone(f"Jane Doe\njane@example.org | {phone}\n{_BODY_TEXT}") == phone
    assert _phone(f"Jane Doe\n{phone}\njane@example.org\n{_BODY_TEXT}") == phone


@pytest.mark.parametrize("line", ["Grew the community by +1 200 000 members", "Revenue +1.250.000 EUR in 2021",
                                  "Salary expectation: 120 000 - 150 000", "Research Engineer +12 2019 - 2021",
                                  "ISBN 978 0 13 468599 1", "Published 12 March 2019, arXiv:1903.01234",
                                  "+2019 - 2021", "Budget +15 000 000", "2011 2013 2015 2017",
                                  "05/2012 07/2012", "Seasons 2019/2020/2021", "Ref 1234/5678/90",
                                  "Grant 2020/21/0042",
                                  # a date column's ISO dates, one under the other (JSON Resume themes)
                                  "2016-10-17\n2015-11-01", "2015-11-01\n2014-05"])
def test_amounts_ranges_and_identifiers_are_not_taken_for_a_phone(line: str) -> None:
    assert _phone(f"Jane Doe\njane@example.org\n{line}\n{_BODY_TEXT}") is None


def test_a_phone_number_spelled_with_letters_is_a_phone_number() -> None:
    assert _phone(f"Jane Doe\njane@example.org | 216-555-JANE\n{_BODY_TEXT}") == "216-555-JANE"


def test_a_phone_number_wrapped_by_a_narrow_contact_column_is_put_back_together() -> None:
    text = ("88 Larkspur Row\nMarisol Quenneville\nOakland, CA 94610\n+1 (415)\nDirector of Machine Learning\n"
            f"555-0142\nmarisol@example.org\n{_BODY_TEXT}")
    assert _phone(text) == "+1 (415) 555-0142"
    # A year under a line ending in a number is no phone.
    assert _phone(f"Jane Doe\njane@example.org\nRoom 1204\n2019 - 2021\n{_BODY_TEXT}") is None


def test_a_fediverse_handle_among_the_links_is_not_taken_for_the_email_address() -> None:
    text = ("Ada Quist\nlinkedin.com/in/adaq | @ada@hachyderm.io\nada.quist@example.org | 415-555-0142\n"
            f"{_BODY_TEXT}")
    assert parse_resume(ExtractedText(text=text, pages=1)).contact.email == "ada.quist@example.org"


def test_a_name_the_email_address_spells_beats_a_bigger_line_that_is_no_name() -> None:
    """The largest line on the page is a badge or a brand ("Nightjar Studio") and the candidate's name is set
    smaller under it; the address spells the smaller one ("lina.okafor@"), so that is the name."""
    assert _styled([("Nightjar Studio", 26.0, 50.0), ("Lina Okafor", 14.0, 50.0),
                    ("lina.okafor@example.org", 10.0, 50.0), *[(t, 10.0, 50.0) for t in _BODY_TEXT.split("\n") if t]]
                   ) == "Lina Okafor"


def test_a_templates_placeholder_address_is_no_email() -> None:
    """A template's contact line left unfilled ("Skype: - | -@gmail.com") names no mailbox; the real address after
    it is the candidate's, and with none there is none."""
    text = f"Ada Quist\nSkype: - | -@gmail.com\n{_BODY_TEXT}"
    assert parse_resume(ExtractedText(text=text, pages=1)).contact.email is None
    text = f"Ada Quist\nSkype: - | -@gmail.com | ada.quist@example.org\n{_BODY_TEXT}"
    assert parse_resume(ExtractedText(text=text, pages=1)).contact.email == "ada.quist@example.org"


def test_prose_before_an_email_address_is_not_taken_for_a_name() -> None:
    assert _parse("Summary\nmodels to production and keeps them healthy. contact@example.org\n"
                  f"{_BODY_TEXT}") is None


# The right sidebar drawn last used to be merged into the main column's lines, so only the stored author could
# name the candidate; the layout reader now reads the sidebar whole, and the page's own name wins whatever the
# file's author says (an author the page does not print is never taken).
@pytest.mark.parametrize(("author", "name"), [
    ("Oluwaseun Adeyemi", "Oluwaseun Adeyemi"),  # the text prints it
    ("Microsoft Office User", "Oluwaseun Adeyemi"),  # the account that made the file, printed nowhere: not taken
    ("Jane Doe", "Oluwaseun Adeyemi"),  # a name the page does not print: not taken
])
def test_the_pdf_s_stored_author_names_the_candidate_only_where_the_page_prints_it(author: str, name: str | None,
                                                                                   settings) -> None:
    from assistant.resume.intake import read_pdf
    from benchmarks.generated.names.cases import _right_sidebar_drawn_last

    extracted = read_pdf(_right_sidebar_drawn_last("Oluwaseun Adeyemi", author=author), settings)
    assert parse_resume(extracted).contact.name == name


def test_a_big_name_read_after_a_long_first_page_column_is_still_the_largest_line() -> None:
    main_column = [("Experience", 14.0, 200.0)] + [
        (f"• Shipped feature {n} to production for the payments team", 10.0, 200.0) for n in range(45)]
    assert _styled(main_column + [("Nadia Kowalczyk", 22.0, 30.0), ("Lead Data Scientist", 11.0, 30.0)]) \
        == "Nadia Kowalczyk"


def test_a_phone_at_a_line_end_is_found_when_the_next_line_opens_with_a_postcode() -> None:
    assert _phone(f"Jane Doe\nLindvägen 3B/210 +46700555014\n90740 Umeå, Sweden\njane@example.org\n{_BODY_TEXT}") == \
        "+46700555014"


@pytest.mark.parametrize("title", ["Resume", "Curriculum Vitae", "CV"])
def test_a_page_title_set_larger_than_the_name_gives_way_to_the_name_in_the_next_size(title: str) -> None:
    # A site's resume page: a small navigation link first, the page's title largest, the name in a sidebar
    # a size down and set over two lines.
    assert _styled([
        ("Template Repository", 9.0, 480.0), ("Aroha", 15.0, 14.0), ("Whitfield", 15.0, 14.0),
        (title, 20.0, 176.0), ("Home", 10.5, 14.0), ("Summary", 13.0, 176.0),
        ("aroha@example.org", 10.5, 176.0), ("Experience", 13.0, 176.0),
        ("Data Scientist, Globex Jan 2020 - Present", 10.5, 176.0),
    ]) == "Aroha Whitfield"


def test_a_section_heading_a_size_down_from_the_page_title_is_no_name_and_a_table_label_gives_it() -> None:
    # A German Markdown CV: "Lebenslauf" largest, the section headings a size down, and the name only in a
    # definition list printed as a table ("Name | ..."), the label ending at the cell border.
    assert _styled([
        ("Lebenslauf", 22.0, 51.0), ("Profil", 15.0, 51.0), ("Name | Lukas Brandner", 10.5, 59.0),
        ("Geburtsort | Krems", 10.5, 59.0), ("Beruflicher Werdegang", 15.0, 51.0),
        ("Data Engineer, Globex", 11.5, 51.0), ("Juni 2013 - heute", 10.5, 51.0),
        ("• Baute Datenpipelines für 40 Teams", 10.5, 51.0),
    ]) == "Lukas Brandner"
