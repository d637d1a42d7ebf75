"""Which part of a job header is the title and which the employer, where the title words cannot tell.

The learned scorer (`assistant.resume.roles`, trained by `benchmarks/title_org_train.py`) reads a title without a
listed title word ("Statistician", "Economist") and an employer that has one ("Brightwater Engineering Ltd"); the
word rules keep the clear cases, and without the model the parser still reads every resume by them.
"""

from __future__ import annotations

import numpy as np
import pytest

import assistant.resume.roles as roles
from assistant.resume.entry_fields import title_by_position
from assistant.resume.models import ExtractedText, Job, Line
from assistant.resume.parser import parse_resume
from benchmarks.title_org_train import themes_pairs


def _first_job(header: str) -> tuple[str | None, str | None]:
    resume = parse_resume(ExtractedText(text=f"Pat Doe\nExperience\n{header}\n• Led 3 teams of 20 engineers\n", pages=1))
    job = resume.experience[0]
    return job.title, job.company


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # A title with no title word above the dated employer: the employer is not the title.
        ("Statistician\nNorthwind Analytics Jan 2020 - Present", ("Statistician", "Northwind Analytics")),
        # An employer whose name holds a title word ("Engineering") over a title without one.
        ("Brightwater Engineering Ltd\nStatistician Jan 2020 - Present", ("Statistician", "Brightwater Engineering Ltd")),
        # Company first on one line, split at its comma.
        ("Halvorsen Shipping AS, Statistician Jan 2020 - Present", ("Statistician", "Halvorsen Shipping AS")),
        ("Lindqvist Retail | Economist | Jan 2020 - Present", ("Economist", "Lindqvist Retail")),
        # "Title at Employer" with a title the words do not know.
        ("Statistician at Northwind Analytics Jan 2020 - Present", ("Statistician", "Northwind Analytics")),
        # The title words still settle the clear cases.
        ("Director of ML, Example Corp Jan 2020 - Present", ("Director of ML", "Example Corp")),
        ("Nordwerk Energie AG, Leiterin KI-Plattform Jan 2020 - Present", ("Leiterin KI-Plattform", "Nordwerk Energie AG")),
        # Portuguese "em" (what the title is in) before "na" (where it was held).
        ("Tech Lead em Typescript na Coteminas Jul 2019 - Jul 2021", ("Tech Lead em Typescript", "Coteminas")),
        # "Employer: Title:", the last colon leading into the description.
        ("02/18-01/19\nTriage.com: CTO and Director of Product Engineering:",
         ("CTO and Director of Product Engineering", "Triage.com")),
    ],
)
def test_title_and_employer_are_told_apart_where_the_title_words_are_silent(header: str, expected: tuple) -> None:
    assert _first_job(header) == expected


def test_under_a_bare_date_both_lines_are_the_header_when_one_reads_as_a_title() -> None:
    """ "2021 - Present" / "Northwind Analytics" / "Statistician": no title word on either line, yet a reader sees
    the employer and the title (not an employer-less "Northwind Analytics" role)."""
    resume = parse_resume(ExtractedText(text=(
        "Pat Doe\nExperience\n2021 - Present\nNorthwind Analytics\nStatistician\n• Built models\n"
        "2016 - 2021\nLindqvist Retail\nEconomist\n• Priced goods\n"), pages=1))
    assert [(j.title, j.company) for j in resume.experience] == [
        ("Statistician", "Northwind Analytics"), ("Economist", "Lindqvist Retail")]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("2012 – 2014 Analista de Dados, Hospital Vale do Sabiá – Campinas",
         ("Analista de Dados", "Hospital Vale do Sabiá", "Campinas")),
        ("Okt. 2021 – heute Leiterin KI-Plattform, Nordwerk Energie AG – Berlin",
         ("Leiterin KI-Plattform", "Nordwerk Energie AG", "Berlin")),
        # A title's own comma, then the employer after the dash: the title stays whole.
        ("2019 – 2021 Senior Manager, Applied Science – Tidewater Analytics",
         ("Senior Manager, Applied Science", "Tidewater Analytics", None)),
    ],
)
def test_title_comma_employer_then_the_place(header: str, expected: tuple) -> None:
    """ "Title, Employer – City" on the dated line: the employer is the part after the comma, not the city."""
    resume = parse_resume(ExtractedText(text=f"Pat Doe\nExperience\n{header}\n• Led 3 teams of 20 engineers\n", pages=1))
    job = resume.experience[0]
    assert (job.title, job.company, job.location) == expected


def test_a_comma_inside_a_title_does_not_invent_an_employer() -> None:
    """ "Senior Manager, Applied Science" is one title: "Applied Science" is no company."""
    assert _first_job("Senior Manager, Applied Science Jan 2020 - Present") == ("Senior Manager, Applied Science", None)
    # Nor is a team written before the title.
    assert _first_job("Machine Learning, Staff Engineer Jan 2020 - Present") == ("Machine Learning, Staff Engineer", None)


def test_europass_form_rows_are_read_by_their_labels() -> None:
    """The Europass CV form labels every row; the employer row comes after the dates, and a career break written
    in the title's row is no job."""
    resume = parse_resume(ExtractedText(text=(
        "Pat Doe\nWork Experience\n"
        "Dates March 2021 – present\nOccupation or position held Lead Embedded Engineer\n"
        "Main activities and Lead the signalling firmware team of seven engineers.\nresponsibilities\n"
        "Name and address of employer Voltaris Bahntechnik GmbH, Munich, Germany\n"
        "Dates September 2019 – February 2021\nOccupation or position held Career break\n"
        "Name and address of employer Family care\n"
        "Dates January 2015 – August 2019\nOccupation or position held Embedded Software Engineer\n"
        "Main activities and Wrote AUTOSAR drivers for braking controllers.\nresponsibilities\n"
        "Name and address of employer Automobiles Ferrand SA, Lyon, France\n"
        "Education\nDates September 2009 – July 2012\nTitle of qualification awarded Diplôme d’ingénieur\n"), pages=1))
    jobs = [(j.title, j.company, j.start) for j in resume.experience]
    assert jobs == [("Lead Embedded Engineer", "Voltaris Bahntechnik GmbH", "2021-03"),
                    ("Embedded Software Engineer", "Automobiles Ferrand SA", "2015-01")]
    assert [b.text for b in resume.experience[1].bullets] == ["Wrote AUTOSAR drivers for braking controllers."]


def test_without_the_model_the_word_rules_still_read_the_header(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(roles, "_shared_minilm", lambda: None)
    assert roles.title_probabilities(["Statistician", "Northwind Analytics"]) is None
    assert _first_job("Director of ML, Example Corp Jan 2020 - Present") == ("Director of ML", "Example Corp")
    # What only the model could settle is read as before, without failing.
    assert _first_job("Statistician\nNorthwind Analytics Jan 2020 - Present")[0] is not None


class _OtherEmbedder:
    name = "some-other-model"
    dimension = 8

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), self.dimension), dtype=np.float32)


def test_the_scorer_gives_no_opinion_with_an_embedder_it_was_not_trained_on() -> None:
    assert roles.title_probabilities(["Statistician"], _OtherEmbedder()) is None


def test_the_scorer_tells_titles_from_employers_on_resumes_it_was_not_trained_on() -> None:
    """The themes set's positions and employers are kept out of training: the scorer must still tell them apart."""
    pairs = themes_pairs()
    probabilities = roles.title_probabilities([text for text, _ in pairs])
    assert probabilities is not None
    right = sum((p > 0.5) == bool(label) for p, (_, label) in zip(probabilities, pairs, strict=True))
    assert len(pairs) >= 40 and right >= 0.9 * len(pairs)


def test_date_first_entries_with_the_employer_over_the_title() -> None:
    """ "date / Employer / Title" entries (a date column beside the header): the employer is the line under the
    date, even where the date column wrapped its range around it ("November 2019 - February" / employer / "2022")."""
    resume = parse_resume(ExtractedText(text=(
        "Pat Doe\nExperience\nMarch 2022 - Present\nMeridian Payments\nStaff Software Engineer\nResponsibilities:\n"
        "Designed the idempotency layer that ended duplicate charges\nNovember 2019 - February\nMeridian Payments\n"
        "2022\nSenior Software Engineer\nResponsibilities:\nSplit the ledger service out of the monolith\n"
        "January 2017 - October 2019\nOrchard Mobile\nSoftware Engineer\nResponsibilities:\n"
        "Built the push notification service\n"), pages=1))
    assert [(j.title, j.company, j.start, j.end) for j in resume.experience] == [
        ("Staff Software Engineer", "Meridian Payments", "2022-03", "Present"),
        ("Senior Software Engineer", "Meridian Payments", "2019-11", "2022-02"),
        ("Software Engineer", "Orchard Mobile", "2017-01", "2019-10")]


def test_a_dated_organisation_name_alone_is_the_employer_not_the_title() -> None:
    """ "Northwind Analytics  Aug 2020 - Present" with nothing else: the review must not call it a job title."""
    assert _first_job("Northwind Analytics Aug 2020 - Present") == (None, "Northwind Analytics")
    # A title alone stays a title.
    assert _first_job("Statistician Aug 2020 - Present") == ("Statistician", None)


def _entry(*texts: str) -> list[Line]:
    return [Line(number=k + 1, text=text) for k, text in enumerate(texts)]


def test_an_entry_the_words_leave_open_follows_the_order_the_resume_keeps() -> None:
    """Employer over title in every entry the words settle; the one whose title no word list knows, read backwards
    by the rules, is turned round. An employer heading with its place on one line is another shape: left alone."""
    jobs = [Job(title="Senior Data Scientist", company="Northwind Analytics"),
            Job(title="Machine Learning Engineer", company="Halvorsen Shipping"),
            Job(title="Orbital", company="Planificación y análisis funcional"),
            Job(title="Vellore Santé", company="Lyon")]
    entries = [_entry("Northwind Analytics 2020 — 2024", "Senior Data Scientist"),
               _entry("Halvorsen Shipping 2017 — 2019", "Machine Learning Engineer"),
               _entry("Orbital 2012 — 2016", "Planificación y análisis funcional"),
               _entry("Vellore Santé — Lyon 2008 — 2012")]
    read = [(job.title, job.company) for job in title_by_position(jobs, entries)]
    assert read == [("Senior Data Scientist", "Northwind Analytics"), ("Machine Learning Engineer", "Halvorsen Shipping"),
                    ("Planificación y análisis funcional", "Orbital"), ("Vellore Santé", "Lyon")]


def test_without_a_clear_order_or_against_the_words_nothing_is_turned_round() -> None:
    one_vote = [Job(title="Senior Data Scientist", company="Northwind Analytics"),
                Job(title="Orbital", company="Planificación y análisis funcional")]
    # One entry of each shape (fields on two lines, on one line): no shape has the two votes a lesson needs.
    entries = [_entry("Northwind Analytics 2020 — 2024", "Senior Data Scientist"),
               _entry("Orbital | Planificación y análisis funcional | 2012 — 2016")]
    assert title_by_position(one_vote, entries) == one_vote
    settled = [Job(title="Staff Engineer", company="Northwind"), Job(title="Lead Analyst", company="Halvorsen"),
               Job(title="Data Engineer", company="Orbital Systems"),
               Job(title="Orbital", company="Led the migration of forty pipelines to a new scheduler")]
    entries = [_entry("Northwind 2020 — 2024", "Staff Engineer"), _entry("Halvorsen 2018 — 2020", "Lead Analyst"),
               _entry("Data Engineer 2016 — 2018", "Orbital Systems"),
               _entry("Orbital 2012 — 2016", "Led the migration of forty pipelines to a new scheduler")]
    # The third entry's own words agree with how it was read; the fourth holds a line of description.
    assert title_by_position(settled, entries) == settled
