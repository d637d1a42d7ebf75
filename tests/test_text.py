"""The text core: one meaning of "a word", "mentions a term" and "states a number" for every feature."""

from __future__ import annotations

import pytest

from assistant.text.quantities import MONEY_RE, has_quantity, numbers_in, team_size
from assistant.text.tokens import content_words, mentioned, mentions, split_sentences, spoken_words, terms


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Built our Feature-Stores from scratch", "feature store"),
        ("Ran A/B tests weekly", "A/B test"),
        ("Hands-on with C++ and Go", "C++"),
        ("MLOps: model registry, CI/CD", "model registry"),
        ("Owned the on call rotation", "on-call"),
        # a practice named by its "-ing" noun, written in its other forms
        ("Online A/B tests lifted conversion 4.2%", "A/B testing"),
        ("Coached three first-time managers", "coaching"),
        ("Hired 14 engineers in a year", "hiring"),
        ("Monitored drift on 60 models", "monitoring"),
    ],
)
def test_a_term_is_found_in_any_case_spacing_or_plural(text: str, phrase: str) -> None:
    assert mentions(text, phrase)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Scaled the sparkle team", "spark"),  # a word inside another word is not a mention
        ("Ownership of the roadmap", "owner"),
        ("Gave testimony to the board", "testing"),  # other forms of the practice, not other words
        ("Won the contest", "testing"),
        ("anything at all", "   "),  # an empty term is never mentioned
    ],
)
def test_a_term_inside_another_word_or_empty_is_not_mentioned(text: str, phrase: str) -> None:
    assert not mentions(text, phrase)


def test_many_terms_against_one_text_give_exactly_what_mentions_gives() -> None:
    # `mentioned` skips the regex for terms that cannot occur; it must never skip one the regex would find,
    # including letters written with look-alikes a case-insensitive match accepts (Kelvin sign, long s, Turkish i).
    texts = [
        "Built our Feature-Stores from scratch; Hands-on with C++ and Go; Ran A/B tests weekly",
        "PYTHON, \u212aUBERNETES and \u017fCALA on \u0130NFRA; M\u0131LOPS",
        "Led the m\u00e9tricas team \u2013 on call, mentoring, roadmaps",
        "Hired and coached 14 engineers; tested every model in shadow",
        "",
    ]
    phrases = ["feature store", "C++", "A/B test", "go", "python", "kubernetes", "scala", "infra", "milops",
               "on-call", "mentor", "roadmap", "spark", "   ", "métricas", "hiring", "coaching", "A/B testing"]
    for text in texts:
        expected = [p for p in phrases if mentions(text, p)]
        assert mentioned(text, phrases) == expected
    assert mentioned(texts[1], phrases) == ["python", "kubernetes", "scala", "infra", "milops"]


def test_review_and_tailoring_agree_on_what_states_a_number() -> None:
    for text in ("Grew the team to thirty engineers", "Cut latency by 40%", "Saved $2.5M a year"):
        assert has_quantity(text)
        assert numbers_in(text)
    assert not has_quantity("Joined in 2019 as a lead")  # a year is a date, not a result


def test_sentences_keep_their_spans_and_decimals() -> None:
    text = "AUC rose to 0.91. Then we shipped it!\nNext line"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["AUC rose to 0.91.", "Then we shipped it!", "Next line"]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_word_forms_meet_on_one_stem_and_matching_keys_ignore_quote_style() -> None:
    assert set(content_words("hired")) == set(content_words("hiring")) == set(content_words("hires"))
    assert terms("We’re on-call") == terms("We're on–call")


def test_spoken_words_are_what_a_transcript_and_a_pronouncing_dictionary_hold() -> None:
    # Curly apostrophes fold, contractions stay whole, and digits and symbols are no spoken word (a recogniser
    # spells "forty"; the voice features count syllables and fillers on these).
    assert spoken_words("I’d say, um, we cut 40% of C++ builds — you know?") == [
        "i'd", "say", "um", "we", "cut", "of", "c", "builds", "you", "know",
    ]


@pytest.mark.parametrize(("text", "size"), [
    ("Direction de 3 équipes (25 personnes) : plateforme ML, tarification", 25),
    ("Encadrement de 6 data scientists", 6),
    ("Aufbau und Führung eines ML-Teams von 6 auf 24 Mitarbeitende", 24),
    ("Lideré un equipo de 10 ingenieros", 10),
    ("Grew the team from 6 to 24 engineers", 24),
    ("Équipe passée de 6 à 22 ingénieurs ; budget de 1,8 M€.", 22),  # a team grown, with no verb of leading
    ("El equipo pasó de 5 a 18 ingenieros", 18),
    ("Management von 15 Mitarbeitern", 15),  # the dative plural
    ("Grew the team from 4 to 16; launched doctor recommendations.", 16),  # the people implied by "team"
    ("Scaled the ML platform org from 12 to 40.", 40),
])
def test_a_team_size_is_read_in_the_languages_the_reader_knows(text: str, size: int) -> None:
    assert team_size(text) == size


@pytest.mark.parametrize("text", ["team meetings from 9 to 10 am", "the team cut latency from 300 to 120 ms",
                                  "Moved the team from 2 to 3 data centres", "Grew the team's revenue from 4 to 16M",
                                  "grew the team from 4 to 16 percent coverage"])
def test_a_change_the_team_made_is_not_its_size(text: str) -> None:
    assert team_size(text) is None


@pytest.mark.parametrize("text", ["Gestion d'un budget de 1,8 M€", "Budget von 2,4 Mio. EUR", "a £3.2M budget",
                                  "CHF 900k for GPUs"])
def test_money_is_read_with_its_currency_before_or_after(text: str) -> None:
    assert MONEY_RE.search(text)
