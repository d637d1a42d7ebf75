"""Bias the offline recogniser toward the interview's vocabulary, without losing general English.

PocketSphinx's general language model (news-style English, 72k words) knows "platform", "rollback" and "canary"
but rates them as rare. The role's knowledge (questions, rubric, profile: what candidates for this role talk
about) ships with the product, so a small trigram model is built from it at run time, and the recogniser's word
lattice (every word sequence it found acoustically plausible) is rescored with the linear interpolation

    P(w | h) = LAMBDA * P_role(w | h) + (1 - LAMBDA) * P_general(w | h)

the standard way to adapt a language model to a domain with little text. The general model's probabilities come
straight from PocketSphinx's model (with its own back-off), so a sentence with no role words scores as before;
the role model only lifts paths through the interview's phrasing. The knowledge text is never a transcript
template: only word statistics are taken from it.

LAMBDA and the language weight were chosen on the TUNING sentences of tests/support/speech.py (the CHECK
sentences are what docs/benchmarks.md reports). Measured there, it lifts the tuning answers but not the held-out
ones, and it loses conversational phrases the role text lacks ("you know"), so the app does not use it
(`get_transcriber`); the benchmark keeps measuring it.
"""

from __future__ import annotations

import math
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.text.tokens import spoken_words

LAMBDA = 0.8  # weight of the role's model in the interpolation (TUNING recall: 0.4 -> 60%, 0.6 -> 61%, 0.8 -> 63%)
LANGUAGE_WEIGHT = 9.0  # language-model log-probability against the lattice's acoustic scores (9 reproduces the decoder)
WORD_PENALTY = 0.0  # log-score added per word (none: the acoustic scores already bound insertions)
DISCOUNT = 0.5  # absolute discount of the role model's bigram and trigram counts
STATES_PER_NODE = 20  # best (node, two-word history) paths kept at each lattice node
LOG_BASE = math.log(1.0001)  # PocketSphinx's integer log scores are in base 1.0001
_NO_PROBABILITY = -(2**28)  # PocketSphinx's score for a word the model does not know is far below this
_BREAK = re.compile(r"[.?!;:\n()\[\]\"/]+|, ")
_ALT_PRONUNCIATION = re.compile(r"\(\d+\)$")


@dataclass(frozen=True)
class LatticeWord:
    text: str
    start: float
    end: float


def role_sentences(role_dir: Path) -> list[list[str]]:
    """The role knowledge as lower-case word sequences, cut at sentence and clause punctuation."""
    from assistant.knowledge.chunks import chunk_role
    from assistant.knowledge.loader import load_role

    knowledge = load_role(role_dir)
    text = "\n".join(chunk.text for chunk in chunk_role(knowledge, role_dir))
    return [tokens for part in _BREAK.split(text.lower()) if (tokens := spoken_words(part))]


def build_arpa(sentences: Iterable[list[str]], known: Callable[[str], bool], order: int = 3) -> str:
    """A back-off trigram model (ARPA text) of `sentences`, absolute discounting, over the words `known` accepts.

    A word the pronouncing dictionary cannot say splits its sentence: no n-gram spans it.
    """
    pieces: list[list[str]] = []
    for sentence in sentences:
        current: list[str] = []
        for token in sentence:
            if known(token):
                current.append(token)
            elif current:
                pieces.append(current)
                current = []
        if current:
            pieces.append(current)
    counts: list[Counter[tuple[str, ...]]] = [Counter() for _ in range(order + 1)]
    for piece in pieces:
        padded = ["<s>", *piece, "</s>"]
        for n in range(1, order + 1):
            for i in range(len(padded) - n + 1):
                gram = tuple(padded[i : i + n])
                if gram != ("<s>",):
                    counts[n][gram] += 1
    total = sum(counts[1].values()) or 1
    probs: list[dict[tuple[str, ...], float]] = [{}, {gram: c / total for gram, c in counts[1].items()}]
    probs[1][("<s>",)] = 0.0
    backoff: list[dict[tuple[str, ...], float]] = [{} for _ in range(order + 1)]

    def lower(gram: tuple[str, ...]) -> float:
        if len(gram) == 1:
            return probs[1].get(gram, 0.0)
        if gram in probs[len(gram)]:
            return probs[len(gram)][gram]
        return backoff[len(gram) - 1].get(gram[:-1], 1.0) * lower(gram[1:])

    for n in range(2, order + 1):
        history_count: Counter[tuple[str, ...]] = Counter()
        history_types: Counter[tuple[str, ...]] = Counter()
        for gram, c in counts[n].items():
            history_count[gram[:-1]] += c
            history_types[gram[:-1]] += 1
        probs.append({gram: (c - DISCOUNT) / history_count[gram[:-1]] for gram, c in counts[n].items()})
        lower_mass: defaultdict[tuple[str, ...], float] = defaultdict(float)
        for gram in counts[n]:
            lower_mass[gram[:-1]] += lower(gram[1:])
        for history, c in history_count.items():
            left = DISCOUNT * history_types[history] / c
            backoff[n - 1][history] = left / max(1e-9, 1.0 - lower_mass[history])

    lines = ["\\data\\", *(f"ngram {n}={len(probs[n])}" for n in range(1, order + 1))]
    for n in range(1, order + 1):
        lines += ["", f"\\{n}-grams:"]
        for gram, p in probs[n].items():
            row = f"{math.log10(p) if p > 0 else -99.0:.5f}\t{' '.join(gram)}"
            if n < order:
                row += f"\t{math.log10(max(backoff[n].get(gram, 1.0), 1e-12)):.5f}"
            lines.append(row)
    lines += ["", "\\end\\", ""]
    return "\n".join(lines)


def load_arpa(text: str) -> Any:
    """A PocketSphinx `NGramModel` from ARPA text (it reads models from files only)."""
    from pocketsphinx import Config, LogMath, NGramModel

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "role.lm"
        path.write_text(text, encoding="utf-8")
        return NGramModel(Config(), LogMath(), str(path))


class Interpolated:
    """log P(w | h2 h1) mixing the role model and the general model, memoised for one lattice."""

    def __init__(self, general: Any, role: Any, weight: float = LAMBDA) -> None:
        self.general, self.role, self.weight = general, role, weight
        self._memo: dict[tuple[str, str | None, str | None], float] = {}

    def logp(self, word: str, h1: str | None, h2: str | None) -> float:
        key = (word, h1, h2)
        if key not in self._memo:
            query = [word] + [h for h in (h1, h2) if h]  # PocketSphinx wants the word, then history newest first
            p_general = math.exp(self.general.prob(query) * LOG_BASE)
            raw = self.role.prob(query) if self.role is not None else _NO_PROBABILITY * 2
            p_role = math.exp(raw * LOG_BASE) if raw > _NO_PROBABILITY else 0.0
            mixed = self.weight * p_role + (1.0 - self.weight) * p_general
            self._memo[key] = math.log(max(mixed, 1e-30))
        return self._memo[key]


def _parse_htk(text: str) -> tuple[dict[int, tuple[float, str]], list[tuple[int, int, float]], int, int]:
    nodes: dict[int, tuple[float, str]] = {}
    links: list[tuple[int, int, float]] = []
    start = end = -1
    for line in text.splitlines():
        if line.startswith("start="):
            start = int(line.split("=", 1)[1])
        elif line.startswith("end="):
            end = int(line.split("=", 1)[1])
        elif line.startswith(("I=", "J=")):
            fields = dict(part.split("=", 1) for part in line.split())
            if line[0] == "I":
                nodes[int(fields["I"])] = (float(fields["t"]), _ALT_PRONUNCIATION.sub("", fields["W"]))
            else:
                links.append((int(fields["S"]), int(fields["E"]), float(fields["a"])))
    return nodes, links, start, end


def best_path(htk: str, lm: Interpolated, *, language_weight: float = LANGUAGE_WEIGHT,
              word_penalty: float = WORD_PENALTY) -> list[LatticeWord] | None:
    """The best word sequence through a PocketSphinx lattice (HTK SLF text) under `lm`; None if it has no path.

    Viterbi over (node, last two words): each link adds the acoustic score of its word; each real word adds the
    weighted language-model log-probability given the two words before it. Silence and noise nodes pass through.
    """
    nodes, links, start, end = _parse_htk(htk)
    if start not in nodes or end not in nodes:
        return None
    outgoing: defaultdict[int, list[tuple[int, float]]] = defaultdict(list)
    for s, e, acoustic in links:
        outgoing[s].append((e, acoustic))
    History = tuple[str | None, str | None]
    best: defaultdict[int, dict[History, tuple[float, tuple[int, ...]]]] = defaultdict(dict)
    best[start][("<s>", None)] = (0.0, ())
    for node in sorted(nodes, key=lambda n: nodes[n][0]):
        if not best[node]:
            continue
        kept = sorted(best[node].items(), key=lambda item: -item[1][0])[:STATES_PER_NODE]
        for (h1, h2), (score, path) in kept:
            for target, acoustic in outgoing[node]:
                word = nodes[target][1]
                if word == "!SENT_END":
                    total = score + acoustic + language_weight * lm.logp("</s>", h1, h2)
                    history, new_path = (h1, h2), path
                elif word.startswith(("!", "<", "[", "+")):
                    total, history, new_path = score + acoustic, (h1, h2), path
                else:
                    total = score + acoustic + language_weight * lm.logp(word, h1, h2) + word_penalty
                    history, new_path = (word, h1), (*path, target)
                if history not in best[target] or total > best[target][history][0]:
                    best[target][history] = (total, new_path)
    if not best[end]:
        return None
    _, path = max(best[end].values(), key=lambda item: item[0])
    ends = [nodes[node][0] for node in path[1:]] + [nodes[end][0]]  # a word ends where the next one starts
    return [LatticeWord(nodes[node][1], nodes[node][0], stop) for node, stop in zip(path, ends, strict=True)]
