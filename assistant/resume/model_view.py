"""What of a resume a language model may see: one definition for review feedback and tailoring.

The model gets numbered lines so every comment or rewrite can cite its source, minus what it must not see or does
not need: blank lines, lines addressed to a model (prompt injection), and contact details (data minimisation:
feedback on a resume never needs the candidate's e-mail, phone, links or name).
"""

from __future__ import annotations

import re

from assistant.resume.models import Contact, Line, Resume

_DIGITS = re.compile(r"\D")


def _contact_markers(contact: Contact) -> list[str]:
    markers = [m for m in (contact.email, contact.name, *contact.links) if m and len(m) >= 4]
    return [m.lower() for m in markers]


def _is_contact_line(text: str, contact: Contact, phone_digits: str) -> bool:
    lowered = text.lower()
    if any(marker in lowered for marker in _contact_markers(contact)):
        return True
    return len(phone_digits) >= 7 and phone_digits in _DIGITS.sub("", text)


def lines_for_model(resume: Resume) -> list[Line]:
    """Numbered source lines safe and useful to send to a model."""
    from assistant.resume.injection import suspicious_reasons

    phone_digits = _DIGITS.sub("", resume.contact.phone or "")
    lines = resume.lines or [ln for s in resume.sections for ln in s.lines]
    return [
        ln
        for ln in lines
        if ln.text.strip()
        and not suspicious_reasons(ln.text)
        and not _is_contact_line(ln.text, resume.contact, phone_digits)
    ]


def numbered_for_model(resume: Resume) -> str:
    """`L<n>: text` per line from `lines_for_model`, so the model can cite the lines it comments on."""
    return "\n".join(f"L{ln.number}: {ln.text}" for ln in lines_for_model(resume))
