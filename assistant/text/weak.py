"""The one weak-opener test: a resume bullet that opens by saying the candidate was near the work, not doing it.

"Responsible for", "worked on", "helped" are weak in any field, so they are built in; a role adds its own in
`resume_template.yaml` (`weak_verbs`). The review counts them, tailoring asks about them and pushes such bullets
down, both through `weak_opener`.
"""

from __future__ import annotations

from collections.abc import Iterable

WEAK_OPENERS: tuple[str, ...] = (
    "responsible for", "worked on", "helped", "assisted", "participated in", "involved in", "tasked with",
    "duties included", "contributed to", "supported",
)


def weak_opener(text: str, role_openers: Iterable[str] = ()) -> str | None:
    """The weak opening `text` starts with (the longest that matches), or None."""
    start = text.strip().lower()
    candidates = dict.fromkeys([*role_openers, *WEAK_OPENERS])
    for verb in sorted(candidates, key=len, reverse=True):
        if start.startswith(verb.lower()):
            return verb
    return None
