"""Parse one document into the model: RawDocument -> ParsedDocument.

The steps run in a fixed order: extract lines, split off the items, read the header, learn the
members' party letters from the whole text, then read each item's sections and facts.
"""

from __future__ import annotations

import re
from itertools import pairwise

from referat.enrich.attachments import find_absent, find_attachments
from referat.enrich.case_numbers import find_case_number
from referat.enrich.decisions import choose_decision, read_decision
from referat.enrich.proposals import find_proposals, find_recommendation
from referat.enrich.references import find_consultations, find_references
from referat.enrich.votes import find_protocol_notes, find_votes
from referat.errors import ParseError
from referat.extract import extract
from referat.model import AgendaItem, Meeting, ParsedDocument, ParseWarning, Person, SectionHeading, SourceInfo, Span
from referat.parse.firstagenda import looks_like_firstagenda, parse_firstagenda
from referat.parse.header import Header, find_municipality, read_header
from referat.parse.items import ItemBlock, split_items
from referat.parse.names import name_key
from referat.parse.sections import split_sections
from referat.sources.raw import RawDocument

# "Marie-Louise Jørgensen (F)" anywhere in the text tells a member's party letter. The text is
# searched for "(F)" first and the name read backwards from there, which is much faster than
# trying a name at every capital letter.
PARTY_IN_PARENS = re.compile(r"\(([A-ZÆØÅ]{1,3})\)")
NAME_BEFORE = re.compile(r"([A-ZÆØÅ][\w'’.-]+(?:\s+[A-ZÆØÅ][\w'’.-]+){1,4})\s*$")
NAME_LOOKBACK = 80


def parse_document(raw: RawDocument, body: str | None = None) -> ParsedDocument:
    """Parse minutes; `body` names the municipality when the text does not say it clearly."""
    if looks_like_firstagenda(raw):
        return parse_firstagenda(raw, body)
    extracted = extract(raw)
    header_lines, blocks = split_items(extracted.lines)
    header = read_header(header_lines)
    if not blocks and not (header.organization and header.date):
        raise ParseError(raw.uri, "no minutes found: neither a meeting header nor any agenda item")
    full_text = "\n".join(line.text for line in extracted.lines)
    parties = find_party_letters(full_text)
    participants = with_parties(header.participants, parties)
    header_absent = with_parties(header.absent, parties)
    members = participants + header_absent
    items = [read_item(block, header.date, members, parties) for block in blocks]
    meeting = Meeting(
        body=body or find_municipality(full_text),
        organization=header.organization,
        term=header.term,
        kind="minutes" if header.kind == "minutes" else "agenda" if header.kind else None,
        start=_iso(header.date, header.start_time),
        end=_iso(header.date, header.end_time) if header.end_time else None,
        location=header.location,
        participants=participants,
        absent=header_absent or _absent_from_every_item(items),
    )
    source = SourceInfo(path=raw.uri, format=extracted.format, sha256=raw.sha256, encoding=extracted.encoding)
    return ParsedDocument(source=source, meeting=meeting, agenda_items=items, warnings=_warnings(header, blocks))


def read_item(block: ItemBlock, meeting_date: str | None, members: list[Person], parties: dict[str, str]) -> AgendaItem:
    preamble, dated_sections = split_sections(block.lines)
    sections = [dated.section for dated in dated_sections]
    current, earlier = choose_decision(dated_sections, meeting_date)
    if current and not any(char.isalpha() for char in current.section.text):
        current = None  # a decision section holding only "." or a dash states no decision
    decision_text = current.section.text if current else ""
    votes = find_votes(decision_text, members)
    notes = find_protocol_notes(decision_text) + [s.text for s in sections if s.kind == "protocol_note" and s.text]
    texts: dict[str, str] = {}
    for section in sections:
        if section.text:
            texts[section.heading] = (
                f"{texts[section.heading]}\n\n{section.text}" if section.heading in texts else section.text
            )
    last_line = max((line.number for line in block.lines if line.text), default=block.heading.number)
    return AgendaItem(
        number=block.number,
        title=block.title,
        public=block.public,
        case_number=find_case_number(preamble, block.lines[len(preamble) :]),
        sections=texts,
        section_list=[SectionHeading(heading=s.heading, kind=s.kind, span=s.span) for s in sections],
        proposals=find_proposals(sections),
        recommendation=find_recommendation(sections),
        decision=read_decision(current, votes) if current else None,
        votes=votes,
        protocol_notes=notes,
        attachments=find_attachments(sections),
        references=find_references(sections),
        consultations=find_consultations(sections, earlier),
        absent=with_parties(find_absent(sections), parties),
        span=Span(line_start=block.heading.number, line_end=last_line, page=block.heading.page),
    )


def find_party_letters(text: str) -> dict[str, str]:
    """Members' party letters printed anywhere in the text: {name key: letter}."""
    letters = {}
    for match in PARTY_IN_PARENS.finditer(text):
        name = NAME_BEFORE.search(text, max(0, match.start() - NAME_LOOKBACK), match.start())
        if name:
            letters[name_key(name.group(1))] = match.group(1)
    return letters


def with_parties(people: list[Person], parties: dict[str, str]) -> list[Person]:
    """Fill in a missing party letter that the minutes print elsewhere, e.g. "Claus Jørgensen (F)"."""
    return [
        person if person.party else person.model_copy(update={"party": parties.get(name_key(person.name))})
        for person in people
    ]


def _absent_from_every_item(items: list[AgendaItem]) -> list[Person]:
    """Without an attendance list, a member absent from every item was absent from the meeting."""
    if not items or any(not item.absent for item in items):
        return []
    keys = set.intersection(*({name_key(p.name) for p in item.absent} for item in items))
    return [person for person in items[0].absent if name_key(person.name) in keys]


def _iso(date: str | None, time: str | None) -> str | None:
    if date is None:
        return None
    return f"{date}T{time}" if time else date


def _warnings(header: Header, blocks: list[ItemBlock]) -> list[ParseWarning]:
    warnings = []
    if header.organization is None:
        warnings.append(ParseWarning(message="no committee name found in the header"))
    if header.date is None:
        warnings.append(ParseWarning(message="no meeting date found in the header"))
    if not blocks:
        warnings.append(ParseWarning(message="no agenda items found"))
    for previous, block in pairwise(blocks):
        if block.number != previous.number + 1:
            span = Span(line_start=block.heading.number, line_end=block.heading.number)
            warnings.append(ParseWarning(message=f"item {block.number} follows item {previous.number}", span=span))
    return warnings
