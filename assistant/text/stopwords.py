"""The one list of stopwords, and the one list of words every job advertisement uses.

`STOPWORDS` are English function words (articles, pronouns, auxiliaries, prepositions, vague quantifiers): they
carry no topic, so overlap and re-ranking ignore them. `JOB_AD_WORDS` are the words every job advertisement and
resume uses whatever the role ("work", "team", "experience", "strong"): ignored where a text's *distinctive*
terms are wanted (a job description's terms, a competency's name words).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: frozenset[str] = _words(
    """a an the and or but so of to in on at for with by from as is are was were be been being it its it's this
    that these those there their they them we our us you your i me my he she his her him who what which when where
    how why do did does done have has had having not no yes just also very really then than too into out up about
    over after before because while if would could should can will may might must some any all each every more most
    much many such only own same other another one ones thing things lot lots get got make made way across within
    well like look looks looked"""
)

JOB_AD_WORDS: frozenset[str] = _words(
    "work working role team teams help build years experience including strong ability using use able plus new"
)
