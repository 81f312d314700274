"""Turn item blocks into agenda items: ItemBlock + the document's context -> AgendaItem.

The two kinds of reader meet here. The layout layer (parse/layout.py) finds the blocks of a
line-based document (text, Markdown, HTML, PDF, DOCX); the structured readers (parse/readers/)
build them from the keys of a portal's JSON, with the facts they already know. From here on both
are read alike: sections, decision, votes, proposals, references, attachments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from referat.enrich.attachments import find_absent, find_attachments
from referat.enrich.case_numbers import find_case_number
from referat.enrich.decisions import choose_decision, read_decision
from referat.enrich.motions import read_motions
from referat.enrich.proposals import find_proposals, find_recommendation
from referat.enrich.references import find_consultations, find_references, routed_bodies
from referat.enrich.votes import find_protocol_notes, vote_sentences
from referat.extract.lines import Line
from referat.model import AgendaItem, Person, SectionHeading, Span
from referat.parse.names import name_key
from referat.parse.sections import Template, split_sections
from referat.vocab import PARTY_ABBREVIATIONS

# "Marie-Louise Jørgensen (F)" anywhere in the text tells a member's party letter. The text is
# searched for "(F)" first and the name read backwards from there, which is much faster than
# trying a name at every capital letter.
PARTY_IN_PARENS = re.compile(r"\(([A-ZÆØÅ]{1,3})\)")
NAME_BEFORE = re.compile(r"([A-ZÆØÅ][\w'’.-]+(?:\s+[A-ZÆØÅ][\w'’.-]+){1,4}),?\s*$")
NAME_LOOKBACK = 80
ATTENDANCE_ITEM = re.compile(r"^(?:fraværende|afbud|fremmøde)\b", re.I)


@dataclass(frozen=True)
class ItemBlock:
    """An agenda item before it is read: its heading facts and its lines."""

    number: int | None
    title: str
    public: bool
    heading: Line
    lines: list[Line]


@dataclass(frozen=True)
class ItemContext:
    """What reading an item needs to know of the whole document."""

    meeting_date: str | None
    members: list[Person]
    parties: dict[str, str]
    template: Template
    organization: str | None = None


def read_item(block: ItemBlock, context: ItemContext) -> AgendaItem:
    preamble, dated_sections = split_sections(block.lines, context.template)
    sections = [dated.section for dated in dated_sections]
    current, other_decisions = choose_decision(dated_sections, context.meeting_date)
    if current and not any(char.isalpha() for char in current.section.text):
        current = None  # a decision section holding only "." or a dash states no decision
    decision_text = current.section.text if current else ""
    motions, votes = read_motions(vote_sentences(decision_text, context.members))
    notes = find_protocol_notes(decision_text) + [s.text for s in sections if s.kind == "protocol_note" and s.text]
    texts: dict[str, str] = {}
    for section in sections:
        if section.text:
            texts[section.heading] = (
                f"{texts[section.heading]}\n\n{section.text}" if section.heading in texts else section.text
            )
    recommendation = find_recommendation(sections)
    routed = routed_bodies(recommendation, sections, context.organization)
    last_line = max((line.number for line in block.lines if line.text), default=block.heading.number)
    return AgendaItem(
        number=block.number,
        title=block.title,
        public=block.public,
        case_number=find_case_number(preamble, block.lines[len(preamble) :]),
        sections=texts,
        section_list=[SectionHeading(heading=s.heading, kind=s.kind, span=s.span) for s in sections],
        proposals=find_proposals(sections),
        recommendation=recommendation,
        decision=read_decision(current, votes, motions) if current else None,
        votes=votes,
        protocol_notes=notes,
        attachments=find_attachments(sections),
        references=find_references(sections),
        consultations=find_consultations(sections, other_decisions, context.meeting_date, routed),
        absent=with_parties(find_absent(sections), context.parties),
        span=Span(line_start=block.heading.number, line_end=last_line, page=block.heading.page),
    )


def find_party_letters(text: str) -> dict[str, str]:
    """Members' party letters printed anywhere in the text: {name key: letter}."""
    letters = {}
    for match in PARTY_IN_PARENS.finditer(text):
        name = NAME_BEFORE.search(text, max(0, match.start() - NAME_LOOKBACK), match.start())
        if name:
            letters[name_key(name.group(1))] = PARTY_ABBREVIATIONS.get(match.group(1), match.group(1))
    return letters


def with_parties(people: list[Person], parties: dict[str, str]) -> list[Person]:
    """Fill in a missing party letter that the minutes print elsewhere, e.g. "Claus Jørgensen (F)"."""
    return [
        person if person.party else person.model_copy(update={"party": parties.get(name_key(person.name))})
        for person in people
    ]


def absent_from_meeting(items: list[AgendaItem]) -> list[Person]:
    """Without an attendance list, a member absent from every item was absent from the meeting, as
    were those an item on attendance lists ("1. Fraværende og bemærkninger til dagsordenen")."""
    attendance = [p for item in items if ATTENDANCE_ITEM.match(item.title) for p in item.absent]
    if attendance:
        return attendance
    if not items or any(not item.absent for item in items):
        return []
    keys = set.intersection(*({name_key(p.name) for p in item.absent} for item in items))
    return [person for person in items[0].absent if name_key(person.name) in keys]
