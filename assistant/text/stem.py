"""The one stemmer: English Snowball (the maintained `snowballstemmer` package) behind a small irregular-verb map.

A stem is only a key that a word's forms share ("hire", "hired", "hiring" -> "hire"; "deployment" -> "deploy"); it
never needs to be a real word. Snowball cannot undo irregular past forms ("led" must meet "leading", "built" must
meet "build"), so those are mapped to their base form first. Short words (3 letters or fewer) and tokens with
digits or symbols ("k8s", "c++", "on-call") are left as they are.
"""

from __future__ import annotations

import functools
import threading

import snowballstemmer

#: Irregular past forms and participles -> base form, for the verbs resumes and interview answers use.
IRREGULAR_VERBS: dict[str, str] = {
    "led": "lead", "built": "build", "grew": "grow", "grown": "grow", "drove": "drive", "driven": "drive",
    "ran": "run", "wrote": "write", "written": "write", "made": "make", "took": "take", "taken": "take",
    "gave": "give", "given": "give", "won": "win", "brought": "bring", "taught": "teach", "sought": "seek",
    "held": "hold", "began": "begin", "begun": "begin", "chose": "choose", "chosen": "choose", "oversaw": "oversee",
    "overseen": "oversee", "spoke": "speak", "spoken": "speak", "set": "set", "kept": "keep", "met": "meet",
    "sold": "sell", "spent": "spend", "stood": "stand", "rebuilt": "rebuild", "told": "tell", "sent": "send",
    "cut": "cut", "done": "do", "put": "put", "got": "get",
}
#: Past forms a suffix rule cannot recognise as past ("I built", "I've led"); "found" is also the verb "to found".
PAST_FORMS: frozenset[str] = frozenset(IRREGULAR_VERBS) | {"found"}

_local = threading.local()  # Snowball stemmer objects keep state between calls: one per thread


def _stemmer() -> snowballstemmer.stemmer:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one word (see the module docstring); case-insensitive."""
    word = word.lower().replace("’", "'")
    word = IRREGULAR_VERBS.get(word, word)
    if len(word) <= 3 or not word.isalpha():
        return word
    return str(_stemmer().stemWord(word))


def stems(text_terms: list[str]) -> str:
    """Terms stemmed and joined, padded with spaces so a stemmed phrase is found on word boundaries with `in`."""
    return " " + " ".join(stem(w) for w in text_terms) + " "
