"""Typed resume structures shared by parsing, review, tailoring, export, the CLI's JSON and the UI."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

SectionName = Literal[
    "summary", "experience", "education", "skills", "projects", "publications", "certifications",
    "awards", "leadership", "volunteering", "languages", "interests", "references", "other",
]


class Contact(BaseModel):
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    links: list[str] = Field(default_factory=list)
    location: str | None = None


class Line(BaseModel):
    """One source line of the extracted text, so every derived statement can point back to where it came from."""

    number: int = Field(description="1-based line number in the normalised extracted text.")
    text: str


class Section(BaseModel):
    name: SectionName = Field(description="Normalised section name.")
    heading: str = Field(description="The heading as written in the resume.")
    lines: list[Line] = Field(default_factory=list)
    also: list[SectionName] = Field(
        default_factory=list,
        description='Other kinds its heading names ("Work and Education" is education and also experience).')

    @property
    def kinds(self) -> list[SectionName]:
        """Every kind the section's heading names, its own first."""
        return [self.name, *(kind for kind in self.also if kind != self.name)]


class Job(BaseModel):
    title: str | None = None
    company: str | None = None
    location: str | None = None
    start: str | None = Field(None, description="As written or normalised to YYYY-MM when parseable.")
    end: str | None = Field(None, description="'Present' for a current role.")
    months: int | None = None
    month_stated: bool = Field(
        True, description="False when the resume dates the role by years only ('2019 - 2022'): the months in "
        "`start` and `end` are then the year's first and last, so they are not shown as the candidate's.")
    bullets: list[Line] = Field(default_factory=list)


class Education(BaseModel):
    degree: str | None = None
    institution: str | None = None
    year: str | None = None
    source_line: int | None = None


class StyledLine(BaseModel):
    """How a short line was set on the page: what makes a heading or a name stand out to a reader."""

    page: int
    text: str = Field(description="The line's normalised text.")
    size: float = Field(description="Font size (pt) of most of the line's characters.")
    bold: float = Field(description="Share of the line's characters set in a bold font, 0..1.")
    x: float = Field(description="Left edge (pt from the page's left).")
    gap: float = Field(description="Distance (pt) from the line above on the page; 0 for a page's first line.")
    italic: float = Field(0.0, description="Share of the line's characters set in an italic or oblique face, 0..1.")
    colour: str = Field("", description='Colour most of its characters are shown in ("#rrggbb"); "" if unknown.')
    ruled: bool = Field(False, description="A drawn rule under or over it, or a filled bar behind it.")
    rises: bool = Field(False, description="Set higher on its page than the line read before it: the top of the "
                        "next column (a line beside the one before, on its row, does not rise).")
    right: float = Field(0.0, description="Right edge (pt from the page's left) by the fonts' glyph widths; 0 if "
                         "unknown. Whether the next line's first word would have fitted tells a wrap from a break.")


class ExtractedText(BaseModel):
    """What intake returns: normalised visible text plus anything a reader could not see."""

    text: str
    pages: int
    producer: str | None = None
    source: Literal["pdf", "text"] = Field(
        "text", description="Where the text came from: a PDF's text layer, or plain text (pasted or a .txt/.md file)."
    )
    hidden_text: list[str] = Field(default_factory=list, description="Text a human reader cannot see.")
    margin_text: list[str] = Field(
        default_factory=list,
        description="What a browser printed in the page margins (the time of printing, the page's address, its "
        "counter), kept out of the text (PDFs only); scanned for instructions to a model like the rest.",
    )
    warnings: list[str] = Field(default_factory=list)
    styled_lines: list[StyledLine] = Field(
        default_factory=list, description="Typography of short lines (PDFs only; empty for pasted text)."
    )
    document_names: list[str] = Field(
        default_factory=list,
        description="The PDF's stored author and title (PDFs only); a name is taken from them only where the "
        "visible text prints it.",
    )
    link_emails: list[str] = Field(
        default_factory=list,
        description="Addresses the PDF's links write to (mailto:, PDFs only); they only choose between readings of "
        "an address the visible text prints (one wrapped over two lines).",
    )


class SetAside(BaseModel):
    """A dated entry read among the roles and deliberately not counted as one, and why, so the candidate sees
    what was left out of their roles and years (and can add it back when it was a job)."""

    entry: str = Field(description="The entry's dated line as written.")
    reason: str = Field(description="Why it is not counted, in words a candidate can check ('a teaching post').")


class Resume(BaseModel):
    contact: Contact = Field(default_factory=Contact)
    sections: list[Section] = Field(default_factory=list)
    experience: list[Job] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    years_experience: float | None = None
    lines: list[Line] = Field(default_factory=list, description="All normalised source lines.")
    confidence: dict[str, float] = Field(
        default_factory=dict,
        description="How sure the reading is per field (name, email, sections, experience, years), 0..1.",
    )
    reading_problems: list[str] = Field(
        default_factory=list, description="What the parser could not read, in words a user can act on."
    )
    set_aside: list[SetAside] = Field(
        default_factory=list, description="Dated entries among the roles that were not counted as roles, and why.")
    confirmed_by_user: bool = Field(
        False, description="True when the candidate confirmed or corrected the work history "
        "(assistant.resume.confirm): its roles and dates are then theirs, not the reader's guess.",
    )


class Injection(BaseModel):
    detected: bool = False
    evidence: list[str] = Field(default_factory=list)


class Fit(BaseModel):
    score: Annotated[int, Field(ge=0, le=100)] | None = Field(
        description="None when the experience could not be read with confidence (see `reason`)."
    )
    level: Annotated[int, Field(ge=1, le=5)] | None = None
    explanation: str
    reason: str | None = Field(None, description="Why there is no score, when `score` is None.")
    provisional: bool = Field(False, description="True when the score rests on a reading of low confidence.")
