"""Safe PDF intake: every hostile or awkward PDF gives text or the right error code, fast, in a capped child."""

from __future__ import annotations

import subprocess
import time

import pytest

from assistant.errors import InputError
from assistant.resume import intake
from assistant.resume.intake import read_pdf, read_text
from assistant.resume.normalize import normalize_text
from assistant.resume.parser import parse_resume
from tests import pdfs

BAD_INPUTS = {
    "empty": (lambda: b"", "empty_file"),
    "renamed_png": (pdfs.renamed_png, "not_pdf"),
    "renamed_zip": (pdfs.renamed_zip, "not_pdf"),
    "truncated": (pdfs.truncated_pdf, "corrupt"),
    "encrypted": (lambda: pdfs.encrypted_pdf(owner_only=False), "encrypted"),
    "image_only": (pdfs.image_only_pdf, "no_text"),
    "whitespace_only": (pdfs.whitespace_only_pdf, "no_text"),
    "all_tiny_text": (pdfs.tiny_text_pdf, "no_text"),
    "decompression_bomb": (pdfs.decompression_bomb_pdf, "too_large"),
    "300_pages": (lambda: pdfs.many_pages_pdf(300), "too_large"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_pdf_gives_its_error_code_within_10s(case: str, settings) -> None:
    make, code = BAD_INPUTS[case]
    data = make()
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        read_pdf(data, settings)
    assert time.monotonic() - started < 10
    assert caught.value.code == code
    assert "Traceback" not in caught.value.message and caught.value.message.endswith(".")


def test_messages_tell_the_user_what_to_do(settings) -> None:
    with pytest.raises(InputError, match="Remove the password"):
        read_pdf(pdfs.encrypted_pdf(), settings)
    with pytest.raises(InputError, match="scanned"):
        read_pdf(pdfs.image_only_pdf(), settings)
    with pytest.raises(InputError, match="20") as caught:
        read_pdf(pdfs.many_pages_pdf(300), settings)
    assert "MAX_PDF_PAGES" in caught.value.message


def test_owner_password_only_pdf_opens(settings) -> None:
    extracted = read_pdf(pdfs.encrypted_pdf(owner_only=True), settings)
    assert "Director of Machine Learning Engineering" in extracted.text


def test_too_large_upload_is_refused_before_parsing(settings) -> None:
    small = settings.model_copy(update={"max_upload_mb": 1})
    with pytest.raises(InputError) as caught:
        read_pdf(b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024), small)
    assert caught.value.code == "too_large"


def test_slow_parse_times_out_and_the_next_pdf_still_reads(settings) -> None:
    # 2,000 pages take pypdf well over a second even in a warm worker: the wall-clock limit stops it.
    hurried = settings.model_copy(update={"pdf_timeout_s": 0.4, "max_pdf_pages": 5000})
    slow = pdfs.many_pages_pdf(2000)
    read_pdf(pdfs.resume_pdf(), hurried)  # leaves a warm spare worker, so only the extraction is timed
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        read_pdf(slow, hurried)
    assert caught.value.code == "timeout" and time.monotonic() - started < 3
    assert "Director of Machine Learning Engineering" in read_pdf(pdfs.resume_pdf(), hurried).text


def test_memory_cap_stops_the_worker_without_harming_the_next_request(settings) -> None:
    # 40 MB of address space is less than the worker already maps: it fails cleanly, the next upload is unaffected.
    starved = settings.model_copy(update={"pdf_memory_mb": 40})
    with pytest.raises(InputError) as caught:
        read_pdf(pdfs.resume_pdf(), starved)
    assert caught.value.code in {"corrupt", "too_large"}
    assert "Director of Machine Learning Engineering" in read_pdf(pdfs.resume_pdf(), settings).text


def test_an_idle_worker_that_died_while_waiting_is_replaced(settings) -> None:
    read_pdf(pdfs.resume_pdf(), settings)  # leaves the worker idle, waiting for the next PDF
    idle = intake._POOL.idle()
    assert idle
    for worker in idle:
        worker.process.kill()
        worker.process.wait()
    assert "Director of Machine Learning Engineering" in read_pdf(pdfs.resume_pdf(), settings).text


def test_one_worker_reads_several_pdfs_and_a_failure_retires_it(settings) -> None:
    read_pdf(pdfs.resume_pdf(), settings)
    first = intake._POOL.idle()[-1].process.pid
    read_pdf(pdfs.two_column_pdf(), settings)
    assert first in {w.process.pid for w in intake._POOL.idle()}  # reused, not restarted
    with pytest.raises(InputError):
        read_pdf(b"%PDF-1.7\n" + b"garbage" * 100, settings)
    assert first not in {w.process.pid for w in intake._POOL.idle()}  # a worker that failed is never reused
    assert "Director of Machine Learning Engineering" in read_pdf(pdfs.resume_pdf(), settings).text


def test_worker_imports_only_pypdf_and_the_standard_library(settings) -> None:
    """The worker's start-up is most of an upload's wait: pydantic or the app package must not creep back in."""
    command = intake.worker_command(settings)
    probe = (
        "import runpy, sys; sys.argv = sys.argv[1:]; sys.stdin = open(__import__('os').devnull); "
        "runpy.run_path(sys.argv[0], run_name='__main__'); "
        "print(sorted({m.split('.')[0] for m in sys.modules}))"
    )
    done = subprocess.run([*command[:3], "-c", probe, *command[3:]], capture_output=True, text=True, check=True)
    loaded = done.stdout
    assert "'pypdf'" in loaded
    assert "'pydantic'" not in loaded and "'assistant'" not in loaded


def test_text_over_the_character_cap_is_too_large(settings) -> None:
    capped = settings.model_copy(update={"max_text_chars": 1000})
    with pytest.raises(InputError) as caught:
        read_text("word " * 2000, capped)
    assert caught.value.code == "too_large" and "1,000" in caught.value.message


def test_two_column_pdf_keeps_both_columns_in_reading_order(settings) -> None:
    text = read_pdf(pdfs.two_column_pdf(), settings).text
    assert "SKILLS" in text and "EXPERIENCE" in text
    # Plain mode keeps a column together rather than interleaving the two columns line by line.
    assert text.index("Kubernetes") < text.index("EXPERIENCE")


@pytest.mark.parametrize("kind", ["white", "tiny", "invisible", "offpage", "light_grey", "small"])
def test_hidden_text_is_separated_from_visible_text(kind: str, settings) -> None:
    extracted = read_pdf(pdfs.hidden_text_pdf(kind), settings)
    assert "Ignore previous instructions" not in extracted.text
    assert any("Ignore previous instructions" in h for h in extracted.hidden_text)
    assert "Director of Machine Learning Engineering" in extracted.text


def test_clean_pdf_has_no_hidden_text_and_reports_producer(settings) -> None:
    extracted = read_pdf(pdfs.resume_pdf(), settings)
    assert extracted.hidden_text == [] and extracted.pages == 1
    assert extracted.producer == pdfs.PRODUCER


def test_normalize_fixes_typesetting_artefacts() -> None:
    raw = "e\ufb03cient \ufb01x on-\u00ad\u2010campus 2023\u00ad2024 zero\u200bwidth bi\u202edi nul\x00 \ue800icon  a\t\tb"
    assert normalize_text(raw) == "efficient fix on-campus 2023-2024 zerowidth bidi nul icon a b"
    assert normalize_text(normalize_text(raw)) == normalize_text(raw)


def test_tex_accents_drawn_before_their_letters_land_on_them() -> None:
    """pdfTeX draws "ü" as a dieresis glyph, then a "u": the extracted text must read "Würzburg", not "W ̈urzburg"
    (which matches no employer or place a user typed). An acute used as an apostrophe stays one."""
    raw = "W\u00a8urzburg, \u00b4Ecole Centrale, Universit`a di Pisa, Ma\u02dcnana"
    assert normalize_text(raw) == "Würzburg, École Centrale, Università di Pisa, Mañana"
    assert "ś" not in normalize_text("the team\u00b4s work")
    # French "à" standing alone, its grave drawn apart, joins the range it says: "Janvier 2015 à Septembre 2016".
    assert normalize_text("De Janvier 2015 `a Septembre 2016, `a Paris") == "De Janvier 2015 à Septembre 2016, à Paris"
    assert normalize_text("run `a` first") == "run `a` first"


def test_a_year_run_into_the_word_after_it_is_set_apart() -> None:
    """A converter that drops the line break between a date and the title beside it ("TO: MAR 2013System Analyst")
    leaves the year glued to a capitalised word; no one writes a year so. Versions and products ("Office2013",
    "v2019Q1") stay as written."""
    assert normalize_text("TO: MAR 2013System Analyst I") == "TO: MAR 2013 System Analyst I"
    assert normalize_text("Office2013, v2019Q1, 2019Q3") == "Office2013, v2019Q1, 2019Q3"


def test_an_ot1_en_dash_at_a_line_start_is_a_bullet_not_a_brace() -> None:
    """TeX's OT1 fonts keep the en dash at the code of "{": an itemize dash without a ToUnicode map extracts as
    "{ Built ...". It is the list's bullet; a real brace pair stays as written."""
    assert normalize_text("{ Built the CI toolchain\n{a, b} are sets") == "• Built the CI toolchain\n{a, b} are sets"


def test_tabs_in_pasted_text_set_a_headers_fields_apart(settings) -> None:
    """Pasted from a word processor, "Senior Data Scientist<TAB>Acme Corp<TAB>03/2021 – Present": the tabs set the
    fields apart (normalising spaces had made one title of them and no employer); a tab beside a range's dash
    joins nothing apart."""
    text = ("Jane Example\nExperience\nSenior Data Scientist\tAcme Corp\t03/2021\t–\tPresent\n• Built the platform\n"
            "Data Scientist\tBeta Systems\t06/2018 – 02/2021\n• Shipped the churn model\n"
            "Education\nBSc Mathematics, Example University, 2015\n")
    resume = parse_resume(read_text(text, settings))
    assert [(j.title, j.company, j.start, j.end) for j in resume.experience] == [
        ("Senior Data Scientist", "Acme Corp", "2021-03", "Present"),
        ("Data Scientist", "Beta Systems", "2018-06", "2021-02")]


@pytest.mark.parametrize("leader", ["....................", " . . . . . . . . ", " ________________ ", " ·············· "])
def test_a_tab_leader_between_a_header_s_fields_sets_them_apart(settings, leader: str) -> None:
    """Word and LibreOffice draw a tab stop's leader as a row of dots (or underscores, middle dots) between an
    entry's employer and its dates: "Acme Analytics.........Jan 2019 – Present". The employer is "Acme Analytics", not
    "Acme Analytics.........", and a legal form's own full stop stays on it ("Globex Inc.")."""
    lines = ["Jane Example", "jane@example.com", "Experience",
             f"Director of ML Engineering, Acme Analytics{leader}Jan 2019 - Present", "- Led four teams of 30 engineers.",
             f"Senior ML Engineer, Globex Inc.{leader}Mar 2015 - Dec 2018", "- Built the ranking platform.",
             "Education", "MSc Statistics, Example University, 2012"]
    for extracted in (read_pdf(pdfs.resume_pdf(lines), settings), read_text("\n".join(lines), settings)):
        resume = parse_resume(extracted)
        assert [(j.title, j.company, j.start) for j in resume.experience] == [
            ("Director of ML Engineering", "Acme Analytics", "2019-01"), ("Senior ML Engineer", "Globex Inc.", "2015-03")]
    assert normalize_text("and there was more... Then we shipped") == "and there was more... Then we shipped"


def test_a_pdf_whose_fonts_lost_their_text_map_is_refused_with_what_to_do(settings) -> None:
    """A PDF whose fonts carry no map from glyphs to letters reads as symbols ("!/0 1 4839 :;!&+"): the user is told
    that no reader can take its text out, and how to export it again, rather than shown a review of no sections
    and no work history (an empty reading presented as their resume)."""
    from benchmarks.resume_accuracy import GENERATED

    data = (GENERATED / "word" / "pdf" / "tabstop-classic--senior_director_en.pdf").read_bytes()
    assert parse_resume(read_pdf(data, settings)).experience  # readable as exported
    with pytest.raises(InputError) as caught:
        read_pdf(pdfs.without_text_maps(data), settings)
    assert caught.value.code == "no_text" and "does not read as words" in str(caught.value)


def test_a_pdf_whose_bold_face_lost_its_text_map_is_read_as_unsure_and_says_why(settings) -> None:
    """Only the bold face without its map: the headings and titles set in it read as marks ("! , Quantrell Systems")
    while the rest reads. The review is unsure (a provisional fit, not a confident reading missing its headings)
    and says that a font could not be read and how to export the PDF again; the PDF as exported says nothing."""
    from assistant.resume.review import parse_report
    from benchmarks.resume_accuracy import GENERATED

    data = (GENERATED / "word" / "pdf" / "tabstop-classic--senior_director_en.pdf").read_bytes()
    assert not any("symbols" in p for p in parse_resume(read_pdf(data, settings)).reading_problems)
    report = parse_report(parse_resume(read_pdf(pdfs.without_text_maps(data, "Bold"), settings)))
    assert report.confidence == "low"
    assert any("read as symbols" in p and "Save as PDF" in p for p in report.problems)


def test_tabs_that_space_every_word_are_word_spacing(settings) -> None:
    """Some text spaces every word with a tab (a justified line copied out of a PDF): those tabs are spaces."""
    extracted = read_text("Jane\tExample\nSenior\tData\tScientist\tat\tAcme\tCorp", settings)
    assert extracted.text.splitlines()[1] == "Senior Data Scientist at Acme Corp"


def test_pasted_text_is_normalised_and_accepted(settings) -> None:
    extracted = read_text("Jane Roe\r\n\r\nExperience\r\n\u2022 Led a team of 5 engineers", settings)
    assert extracted.text.splitlines()[0] == "Jane Roe" and extracted.producer == "pasted text"
    with pytest.raises(InputError) as caught:
        read_text(" \n\t ", settings)
    assert caught.value.code == "empty_file"


@pytest.mark.parametrize(("raw", "clean"), [
    ("Sebasti \u0301an Morelli", "Sebastián Morelli"), ("Exp \u0301erience", "Expérience"), ("Ume \u030aa", "Umeå"),
    ("Capacit`a e competenze", "Capacità e competenze"), ("Lindv\u00a8agen 3", "Lindvägen 3"),
    # The acute makes Polish and Croatian consonants too.
    ("80-241 Gda \u0301nsk", "80-241 Gdańsk"), ("Ko \u0301zmin", "Koźmin"), ("you\u00b4re", "you \u0301re"),
    # ... also as a spacing acute inside the word ("Gda´nsk", "Pozna´n").
    ("Living in Gda\u00b4nsk", "Living in Gdańsk"), ("Pozna\u00b4n, PL", "Poznań, PL"),
    # Accents typed for an apostrophe, code quotes and proper decomposed letters stay as they were.
    ("Master\u00b4s degree", "Master \u0301s degree"), ("don`t", "don`t"), ("Jose\u0301 Luis", "José Luis"),
    # TeX accents an i over a dotless one, the accent before it or after it: the reader sees "í".
    ("Bras \u0301\u0131lia", "Brasília"), ("Mar\u0131\u0301a Lopez", "María Lopez"), ("r\u00b4\u0131o", "río"),
    ("Istanbul S\u0131rketi", "Istanbul S\u0131rketi"),
])
def test_accents_a_tex_font_draws_apart_from_their_letter_are_put_back_on_it(raw: str, clean: str) -> None:
    """OT1 TeX fonts draw an accent as its own glyph before the letter; a reader sees one accented letter, and
    names, headings and employers must match what they see."""
    assert normalize_text(raw) == clean
    assert normalize_text(clean) == clean


MARKDOWN_RESUME = """# Sam Okafor
sam.okafor@example.com · +1 415 555 0199 · [LinkedIn](https://linkedin.com/in/samokafor)

## Experience

### **Director, ML Engineering** — Lumen Ads *(Jan 2022 – Present)*
- Lead 42 engineers across 6 teams; manage 5 EMs.

---

### **Senior ML Engineer** — Finch Social *(Jun 2015 – Dec 2021)*
* Built the feed ranking model serving 40M daily users with `PyTorch`.
"""


def test_a_resume_pasted_in_markdown_is_read_without_its_marks(settings) -> None:
    from assistant.resume.review import prepare_resume

    extracted = read_text(MARKDOWN_RESUME, settings)
    assert "**" not in extracted.text and "###" not in extracted.text and "`" not in extracted.text
    resume = prepare_resume(extracted)[0]
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Director, ML Engineering", "Lumen Ads"), ("Senior ML Engineer", "Finch Social")]
    assert resume.contact.name == "Sam Okafor"
    assert [b.text for b in resume.experience[1].bullets] == [
        "Built the feed ranking model serving 40M daily users with PyTorch."]


@pytest.mark.timeout(20)
@pytest.mark.parametrize("unit", ["**a ", "__a ", "[a](", "*a ", "`a "])
def test_pasted_markdown_marks_that_never_close_cost_one_pass(settings, unit: str) -> None:
    # A pasted line of unclosed marks, as long as the character cap allows: the mark patterns never scan a line
    # once per mark (this took 16 s for "**a " before), so the paste is read, not stalled on.
    text = unit * (settings.max_text_chars // len(unit))
    assert read_text(text, settings).text


def _entry_with_dates_in_a_form() -> bytes:
    """"Globex" / the dates / "Staff Engineer", the dates drawn inside a form XObject at half scale: the form's own
    coordinates (y = 1600) are off the page until its /Matrix and the `cm` before its `Do` map them to y = 666."""
    page = b"\n".join([
        b"BT /F1 16 Tf 72 740 Td (Jordan Example) Tj ET",
        b"BT /F1 10 Tf 72 724 Td (jordan@example.com) Tj ET",
        b"BT /F1 12 Tf 72 700 Td (Experience) Tj ET",
        b"BT /F1 11 Tf 72 680 Td (Globex) Tj ET",
        b"q 0.5 0 0 0.5 72 666 cm /X1 Do Q",
        b"BT /F1 11 Tf 72 652 Td (Staff Engineer) Tj ET",
        b"BT /F1 10 Tf 72 636 Td (- Led the ML platform used by 300 data scientists) Tj ET",
    ])
    return pdfs.form_xobject_pdf(page, b"BT /F1 20 Tf 0 1600 Td (March 2022 - Present) Tj ET", "1 0 0 1 0 -1600")


def test_text_inside_a_form_xobject_is_placed_where_the_page_draws_it(settings) -> None:
    """pypdf reports a form's text in the form's own space; read as such, the dates under "Globex" were off the
    page (so hidden) and the role lost its dates. Mapped to the page they sit between employer and title, at the
    size a reader sees (10 pt, not the form's 20)."""
    extracted = read_pdf(_entry_with_dates_in_a_form(), settings)
    lines = extracted.text.splitlines()
    assert lines[lines.index("Globex") + 1: lines.index("Globex") + 3] == ["March 2022 - Present", "Staff Engineer"]
    assert extracted.hidden_text == []
    dates = next(line for line in extracted.styled_lines if line.text == "March 2022 - Present")
    assert dates.size == pytest.approx(10, abs=0.1)
    job = parse_resume(extracted).experience[0]
    assert (job.title, job.company, job.start) == ("Staff Engineer", "Globex", "2022-03")


def test_text_a_form_maps_off_the_page_is_hidden(settings) -> None:
    """The off-page check judges where a form's text lands on the page, not its coordinates inside the form: an
    instruction drawn at (100, 100) in a form placed 900 pt below the page is not visible."""
    page = b"\n".join([b"BT /F1 11 Tf 72 700 Td (Jordan Example) Tj ET", b"q 1 0 0 1 0 -900 cm /X1 Do Q"])
    form = b"BT /F1 10 Tf 100 100 Td (" + pdfs.INJECTION.encode() + b") Tj ET"
    extracted = read_pdf(pdfs.form_xobject_pdf(page, form), settings)
    assert "Ignore previous instructions" not in extracted.text
    assert any("Ignore previous instructions" in h and "outside the page" in h for h in extracted.hidden_text)


def test_words_drawn_twice_as_a_shadow_or_simulated_bold_are_read_once(settings) -> None:
    """A CSS text-shadow, or a producer's simulated bold, draws each line again 0.5-0.7 pt off: read as written,
    "Experience Experience" was no heading and every title came out doubled."""
    lines = [(16, 740, "Jordan Example"), (10, 724, "jordan@example.com"), (12, 700, "Experience"),
             (11, 680, "Staff Engineer, Globex Jan 2020 - Present"), (10, 664, "- Led the ML platform for 300 users")]
    body = b"\n".join(
        b"BT /F1 %d Tf %.1f %.1f Td (%s) Tj ET" % (size, 72 + dx, y + dy, text.encode())
        for size, y, text in lines for dx, dy in ((0.5, -0.7), (0.0, 0.0)))
    extracted = read_pdf(pdfs.raw_text_pdf(body), settings)
    assert extracted.text.splitlines()[:4] == ["Jordan Example", "jordan@example.com", "Experience",
                                               "Staff Engineer, Globex Jan 2020 - Present"]
    job = parse_resume(extracted).experience[0]
    assert (job.title, job.company) == ("Staff Engineer", "Globex")



@pytest.mark.parametrize(("box", "visible"), [("0.73", True), ("0.055 0.33 0.52", True), ("0.95", False)])
def test_white_text_is_read_against_the_box_painted_under_it(settings, box: str, visible: bool) -> None:
    """A designed CV sets its headings in white on a mid-grey or coloured box (Twenty Seconds CV: 0.73 grey).
    Only boxes darker than 0.6 counted, so "Expérience professionnelle" on its grey box was hidden text and the
    work history had no heading. Light text reads when it stands out from what is under it (WCAG contrast 1.5);
    on a faint tint it is still hidden."""
    fill = (box + " g") if " " not in box else (box + " rg")
    body = b"\n".join([
        b"BT /F1 16 Tf 72 740 Td (Jordan Example) Tj ET",
        fill.encode() + b" 70 696 200 18 re f",
        b"1 g BT /F1 12 Tf 74 700 Td (Experience) Tj ET",
        b"0 g BT /F1 11 Tf 72 680 Td (Staff Engineer, Globex Jan 2020 - Present) Tj ET",
    ])
    extracted = read_pdf(pdfs.raw_text_pdf(body), settings)
    assert ("Experience" in extracted.text.splitlines()) is visible
    assert any("Experience" in h and "white text" in h for h in extracted.hidden_text) is not visible


@pytest.mark.parametrize(("colour", "visible"), [("0.761 0.882 0.373", True), ("0.85 0.85 0.85", False),
                                                 ("1 1 0", False)])
def test_a_strong_light_hue_reads_where_a_pale_grey_or_yellow_does_not(settings, colour: str, visible: bool) -> None:
    """Friggeri's CV class sets the first letters of each heading in an accent colour, one of them a light lime
    green (C2E15F, WCAG contrast 1.48 on white): read as hidden, "Wer" vanished from "Werk Ervaring" and the work
    history lost its heading. A reader sees a strong hue; a pale grey or yellow stays hidden."""
    body = b"\n".join([
        b"BT /F1 16 Tf 72 740 Td (Jordan Example) Tj ET",
        colour.encode() + b" rg BT /F1 12 Tf 72 700 Td (Exp) Tj ET",
        b"0.3 g BT /F1 12 Tf 92.68 700 Td (erience) Tj ET",  # Helvetica's E, x and p: 20.68 pt at 12 pt
    ])
    extracted = read_pdf(pdfs.raw_text_pdf(body), settings)
    assert ("Experience" in extracted.text.splitlines()) is visible
    assert any("Exp" in h for h in extracted.hidden_text) is not visible


def test_words_drawn_as_text_objects_of_their_own_keep_their_spaces(settings) -> None:
    """xdvipdfmx (XeLaTeX) may draw each word as its own text object, the space between them left to the page
    ("BT ... Td [(Verder)] TJ ET"): with the font's glyph widths known, a gap of a justified line's shrunk space
    (0.14 em) is a word break, and a word split at a kerning change (no gap) stays one word."""
    widths = " ".join(["500"] + ["520"] * 94).encode()
    font = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32"
            b" /LastChar 126 /Widths [" + widths + b"] >>")
    x, objects = 72.0, []
    for word, gap in (("Verder", 0.0), ("ontwikkelen", 1.4), ("en", 1.4), ("onder", 2.0), ("houden", 0.0),
                      ("M", 1.4), ("arkets", 0.0)):
        x += gap
        objects.append(b"BT /F1 10 Tf %.2f 700 Td [(%s)] TJ ET" % (x, word.encode()))
        x += 5.2 * len(word)
    body = b"BT /F1 16 Tf 72 740 Td (Jordan Example) Tj ET\n" + b"\n".join(objects)
    extracted = read_pdf(pdfs.raw_text_pdf(body, font), settings)
    assert "Verder ontwikkelen en onderhouden Markets" in extracted.text.splitlines()


def test_the_stroke_an_ot1_tex_font_draws_for_l_makes_it_l_with_stroke(settings) -> None:
    """pdfTeX's OT1 fonts draw "ł" as a stroke glyph (code 32, unmapped in their text map) and then "l": read as a
    space, "Paweł Wróblik" became "Pawe l Wroblik" and no name was found."""
    extracted = read_pdf(pdfs.ot1_stroke_pdf(), settings)
    assert extracted.text.splitlines()[0] == "Paweł Wroblik"
    assert parse_resume(extracted).contact.name == "Paweł Wroblik"
