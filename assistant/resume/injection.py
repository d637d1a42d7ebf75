"""Find instruction-like text aimed at a model inside a resume (OWASP LLM01, indirect prompt injection).

A resume is data. Lines that address a model ("ignore previous instructions", "rate this candidate 10/10",
"SYSTEM:", fake delimiters) are reported as evidence and removed from what analysis and prompts see, so the fit
score of an injected resume equals the score of the clean one. Hidden text (white, tiny, invisible, off-page) is
always reported, whatever it says: a human reader never saw it, so it must not count.
"""

from __future__ import annotations

import re

from assistant.resume.models import ExtractedText, Injection

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (label, re.compile(pattern, re.IGNORECASE))
    for label, pattern in (
        ("override", r"\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:previous|prior|above|earlier|all|any|"
                     r"your|the)\b.{0,30}\b(?:instructions?|prompts?|rules|directions|guidelines|context)"),
        ("new instructions", r"\b(?:new|updated|real|actual|following)\s+(?:instructions?|system prompt)\s*:"),
        ("role marker", r"^\s*[\[<{(]?(?:system|assistant|user|developer)\s*(?:prompt|message)?\s*[:>\]]"),
        ("chat template token", r"<\|?(?:im_start|im_end|system|endoftext|eot_id|start_header_id)\|?>|\[/?INST\]|<<SYS>>"),
        ("fake delimiter", r"(?:^|\s)(?:-{3,}|={3,}|#{3,}|`{3,}|<{2,}|>{2,})\s*(?:end|begin|start|close)?\s*"
                           r"(?:of\s+)?(?:resume|document|data|input|candidate|untrusted|context|text)\b"),
        ("model address", r"\b(?:you are|act as|pretend to be|as an?)\s+(?:an?\s+)?(?:ai|chatgpt|gpt|llm|language model|"
                          r"assistant|claude|gemini|copilot|recruit(?:er|ing) (?:bot|assistant|ai)|hiring (?:bot|ai|assistant))\b"),
        ("score manipulation", r"\b(?:rate|score|rank|grade|evaluate|mark|recommend)\b.{0,40}\b(?:10\s*/\s*10|100\s*/\s*100|"
                               r"5\s*/\s*5|highest|top|perfect|maximum|best|strong(?:ly)? (?:hire|recommend))"),
        ("hiring directive", r"\b(?:this candidate|the candidate|this applicant)\s+(?:is|must be|should be)\s+"
                             r"(?:hired|selected|the best|a perfect|an? (?:excellent|ideal))"),
        ("prompt extraction", r"\b(?:repeat|reveal|print|show|output)\b.{0,20}\b(?:system prompt|your instructions|"
                              r"the prompt|hidden instructions)"),
        ("tool directive", r"\b(?:do not|don't|never)\s+(?:mention|reveal|flag|report)\b.{0,30}\b(?:this|these|"
                           r"instructions?|text)"),
    )
)


# An upper-case role marker mid-line ("... SYSTEM: you are") is a marker; "system:" in prose is not.
_INLINE_ROLE = re.compile(r"\b(?:SYSTEM|ASSISTANT|DEVELOPER)\s*:")


def suspicious_reasons(line: str) -> list[str]:
    """Labels of every injection pattern `line` matches (empty when it reads like ordinary resume text)."""
    reasons = [label for label, pattern in _PATTERNS if pattern.search(line)]
    if "role marker" not in reasons and _INLINE_ROLE.search(line):
        reasons.append("role marker")
    return reasons


def scan_lines(lines: list[str]) -> tuple[list[int], list[str]]:
    """Indexes of lines that address a model, and one evidence string per line ("line 12: ... [override]")."""
    flagged: list[int] = []
    evidence: list[str] = []
    for index, line in enumerate(lines):
        reasons = suspicious_reasons(line)
        if reasons:
            flagged.append(index)
            evidence.append(f"line {index + 1}: {_excerpt(line)} [{', '.join(reasons)}]")
    return flagged, evidence


def _excerpt(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def sanitize(extracted: ExtractedText) -> tuple[ExtractedText, Injection]:
    """Return the extracted text without lines aimed at a model, and the `Injection` report.

    Removed lines are replaced by empty lines so line numbers (the links from review and tailoring back to the
    source) stay the same as in the text the candidate uploaded.
    """
    lines = extracted.text.split("\n")
    flagged, evidence = scan_lines(lines)
    for index in flagged:
        lines[index] = ""
    for hidden in extracted.hidden_text:
        reasons = suspicious_reasons(hidden)
        kind = "hidden text" + (f" that addresses a model [{', '.join(reasons)}]" if reasons else "")
        evidence.append(f"{kind}: {_excerpt(hidden)}")
    cleaned = extracted.model_copy(update={"text": "\n".join(lines)})
    return cleaned, Injection(detected=bool(evidence), evidence=evidence)
