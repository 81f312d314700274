"""Pydantic models shared by every stage; their JSON form is the output contract.

Missing facts are `None` or `[]`, never guessed. Models are frozen: stages build new values.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from referat.vocab import Outcome

# "referat": referat's own JSON (what `referat parse --json` writes), read back after a hand correction.
Format = Literal["text", "markdown", "html", "pdf", "docx", "firstagenda", "referat"]
VoteOption = Literal["for", "against", "abstain"]
# What a vote was on: the item's recommendation as a whole, one of its numbered points ("Ad 2",
# "indstillingspunkt 2"), a motion moved at the meeting ("X stiller forslag om, at …"), an amendment
# ("ændringsforslag fra V"), or a question of procedure ("stemte om, hvorvidt …").
MotionKind = Literal["recommendation", "point", "motion", "amendment", "procedure"]
MotionResult = Literal["adopted", "rejected", "lapsed"]
When = Literal["upcoming", "earlier"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Span(Frozen):
    """Lines of the source (1-based, inclusive) a fact came from."""

    line_start: int
    line_end: int
    page: int | None = None


class SourceInfo(Frozen):
    path: str
    format: Format
    sha256: str
    encoding: str | None = None
    # The sha256 of the document whose reading this one corrects: referat's own JSON, edited by hand,
    # stands in for the document it was parsed from.
    corrects: str | None = None


class Person(Frozen):
    """A member as named in the minutes; `party` is the list letter, e.g. "A" or "Ø"."""

    name: str
    party: str | None = None
    role: str | None = None


class Meeting(Frozen):
    body: str | None = None
    organization: str | None = None
    term: str | None = Field(default=None, description='Election term printed after the name, e.g. "2022-2025"')
    kind: Literal["minutes", "agenda"] | None = None
    start: str | None = Field(default=None, description='ISO 8601, e.g. "2023-05-31T19:00"')
    end: str | None = None
    location: str | None = None
    participants: list[Person] = []
    absent: list[Person] = []


class Vote(Frozen):
    """One side of a vote: who voted this way, by name and/or by party group."""

    option: VoteOption
    names: list[str] = []
    parties: list[str] = []
    count: int | None = None
    subject: str | None = Field(default=None, description='What was voted on when stated, e.g. "indstilling 2"')
    text: str
    motion: int | None = Field(default=None, description="The motion (index in decision.motions) this vote decided")


class DecisionPart(Frozen):
    """One part of a decision split by the points it decides ("Ad 2.", "1 a. Ikke godkendt", "Byrådet
    godkendte indstillingspunkt 3, 4 og 9"), or the whole decision."""

    points: list[str] = Field(default=[], description='The points it decides, as printed: ["1a"], ["4", "5"]')
    text: str
    outcome: Outcome


class Motion(Frozen):
    """A vote event: what was voted on, who moved it, the votes on it, and how it ended."""

    kind: MotionKind
    text: str | None = Field(
        default=None, description='The motion as printed, e.g. "at alle energispareforslag rulles tilbage"'
    )
    moved_by: list[str] = Field(default=[], description="Members who moved it, by name")
    moved_by_parties: list[str] = Field(default=[], description='Party groups who moved it, e.g. ["V", "D"]')
    points: list[str] = Field(default=[], description='Points of the recommendation it is on, e.g. ["2"], ["1b"]')
    votes: list[Vote] = []
    result: MotionResult | None = Field(
        default=None, description="Stated in the text or settled by the counts; never guessed"
    )


class Decision(Frozen):
    text: str
    outcomes: list[Outcome] = Field(description="The distinct outcomes of its parts, in order")
    parts: list[DecisionPart] = []
    organization: str | None = None
    date: str | None = None
    motions: list[Motion] = []


class Attachment(Frozen):
    """An attachment as the minutes list it; `document` is the case system's own document number
    printed in the row ("222359/12"), kept apart so the title reads as printed."""

    title: str
    number: str | None = None
    document: str | None = None


class Reference(Frozen):
    """Earlier treatment: an item of a committee's meeting on a date."""

    organization: str
    date: str
    item: int | None = None
    text: str


class Consultation(Frozen):
    """Treatment of the same case by a committee before or after this meeting."""

    organization: str
    date: str | None = None
    when: When
    text: str | None = None
    outcome: Outcome | None = None


class Recommendation(Frozen):
    """Who proposes what to whom: "Direktøren indstiller til X at anbefale over for Y"."""

    by: str
    to: str | None = None
    forward_to: list[str] = []
    text: str


class SectionHeading(Frozen):
    """Where a section is in the source; its text is in `AgendaItem.sections` under `heading`."""

    heading: str
    kind: str
    span: Span


class Section(SectionHeading):
    text: str


class AgendaItem(Frozen):
    number: int | None = None
    title: str
    public: bool = True
    case_number: str | None = None
    sections: dict[str, str] = {}
    section_list: list[SectionHeading] = []
    proposals: list[str] = []
    recommendation: Recommendation | None = None
    decision: Decision | None = None
    votes: list[Vote] = []
    protocol_notes: list[str] = []
    attachments: list[Attachment] = []
    references: list[Reference] = []
    consultations: list[Consultation] = []
    absent: list[Person] = []
    span: Span


class ParseWarning(Frozen):
    """A gap a reader would otherwise not notice: `code` for programs, `message` in Danish for people."""

    message: str
    span: Span | None = None
    code: str = Field(
        default="note", description="no-committee, no-date, no-items, no-decisions, number-gap or supplementary"
    )


class HeadingCount(Frozen):
    heading: str
    count: int


class ReadingReport(Frozen):
    """What the parser could read of a document, so that a gap is never silent."""

    reading: str = Field(description='The structure chosen, e.g. "numbered headings (h2), 8 items"')
    layout: str | None = Field(
        default=None,
        description="Its kind: keyword, numbered, number-line, styled, before-case, case-line, section-cycle, "
        "single, none or portal",
    )
    reasons: list[str] = Field(default=[], description="The evidence the structure was chosen by")
    items: int = 0
    with_decision: int = 0
    empty_decisions: list[str] = Field(
        default=[], description="Items (number, or title when unnumbered) with a decision heading but no text under it"
    )
    classified: int = Field(default=0, description='Items whose decision has an outcome other than "other"')
    with_case_number: int = 0
    with_sections: int = Field(default=0, description="Items with at least one section of a known kind")
    unknown_headings: list[HeadingCount] = Field(
        default=[], description="Section headings of kind other, most frequent first"
    )


class ParsedDocument(Frozen):
    source: SourceInfo
    meeting: Meeting
    agenda_items: list[AgendaItem] = []
    warnings: list[ParseWarning] = []
    report: ReadingReport | None = None
