"""FirstAgenda Publication meeting JSON -> ParsedDocument.

Many Danish municipalities publish agendas and minutes through this portal product; its pages are
fed by one JSON document per meeting. The structured keys give the committee, the meeting, the
attendees with absence flags, and each item's number, title, case number and attachments; the
item's sections are HTML, read with the same HTML extraction, section splitting and enrichment
as every other format. Every field is untrusted input: keys may be missing or null.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError

from referat.errors import ExtractError, ParseError
from referat.extract.html import html_text_lines
from referat.extract.lines import Line
from referat.model import AgendaItem, Attachment, Meeting, ParsedDocument, ParseWarning, Person, SourceInfo
from referat.parse.blocks import ItemBlock, ItemContext, find_party_letters, read_item, with_parties
from referat.parse.header import find_municipality
from referat.parse.layout import CLOSED_TITLE
from referat.parse.names import split_term
from referat.parse.report import reading_report
from referat.parse.sections import learn_template
from referat.sources.raw import RawDocument

# The keys that tell a FirstAgenda meeting from any other JSON.
SIGNATURE_KEYS = (b'"Dagsordenpunkter"', b'"Moede"')
# "2022-01-10T08:00:00+01:00": the portal gives local time with its offset; the model keeps local time.
LOCAL_MINUTE = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})")


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class _Committee(_Lenient):
    name: str = Field(validation_alias="Navn")


class _Attendee(_Lenient):
    name: str = Field(validation_alias="Name")
    absent: bool | None = Field(default=False, validation_alias="Absent")
    cancelled: bool | None = Field(default=False, validation_alias="ParticipationCancelled")


class _Meeting(_Lenient):
    title: str | None = Field(default=None, validation_alias="Navn")
    begin: str | None = Field(default=None, validation_alias=AliasChoices("MeetingBeginUtc", "Dato"))
    end: str | None = Field(default=None, validation_alias="MeetingEndUtc")
    place: str | None = Field(default=None, validation_alias="Sted")
    attendees: list[_Attendee] | None = Field(default=None, validation_alias="Moededeltagere")


class _Field(_Lenient):
    name: str | None = Field(default=None, validation_alias="Navn")
    html: str | None = Field(default=None, validation_alias="Html")


class _Attachment(_Lenient):
    name: str | None = Field(default=None, validation_alias="Navn")


class _Item(_Lenient):
    number: str | int | None = Field(default=None, validation_alias=AliasChoices("Number", "Punktnummer"))
    sorting: int | None = Field(default=None, validation_alias="Sorting")
    caption: str = Field(validation_alias=AliasChoices("Caption", "Navn"))
    case_number: str | None = Field(default=None, validation_alias=AliasChoices("CaseNumber", "SagsNummer"))
    fields: list[_Field] | None = Field(default=None, validation_alias="Felter")
    attachments: list[_Attachment] | None = Field(default=None, validation_alias="Bilag")


class _Document(_Lenient):
    committee: _Committee = Field(validation_alias="Udvalg")
    meeting: _Meeting = Field(validation_alias="Moede")
    items: list[_Item] = Field(validation_alias="Dagsordenpunkter")
    supplementary: bool | None = Field(default=False, validation_alias="TillaegsDagsorden")


def looks_like_firstagenda(raw: RawDocument) -> bool:
    head = raw.data[:16].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and all(key in raw.data for key in SIGNATURE_KEYS)


def parse_firstagenda(raw: RawDocument, body: str | None = None) -> ParsedDocument:
    """Read one meeting; a malformed file or a missing key is a ParseError naming the document."""
    portal = _load(raw)
    participants, absent = _attendance(portal.meeting.attendees or [])
    lines: list[Line] = []
    blocks = [_item_block(raw.uri, item, position, lines) for position, item in enumerate(portal.items)]
    full_text = "\n".join(line.text for line in lines)
    parties = find_party_letters(full_text)
    participants, absent = with_parties(participants, parties), with_parties(absent, parties)
    date = _local(portal.meeting.begin)
    organization, term = split_term(portal.committee.name)
    template = learn_template([b.lines for b in blocks])
    context = ItemContext(date[:10] if date else None, participants + absent, parties, template, organization)
    items = [
        _with_portal_facts(read_item(block, context), item) for block, item in zip(blocks, portal.items, strict=True)
    ]
    has_decisions = any(item.decision for item in items)
    title = (portal.meeting.title or "").lower()
    meeting = Meeting(
        body=body or find_municipality(full_text),
        organization=organization,
        term=term,
        # The portal calls every meeting "Dagsorden"; a meeting with decisions is published minutes.
        kind="minutes" if "referat" in title or has_decisions else "agenda",
        start=date,
        end=_local(portal.meeting.end),
        location=(portal.meeting.place or "").strip() or None,
        participants=participants,
        absent=absent,
    )
    supplementary = ParseWarning(code="supplementary", message="Tillægsdagsorden.")
    warnings = [supplementary] if portal.supplementary else []
    source = SourceInfo(path=raw.uri, format="firstagenda", sha256=raw.sha256, encoding="utf-8")
    report = reading_report(
        items, f"FirstAgenda meeting JSON, {len(items)} items", ["items and fields from the portal's keys"], "portal"
    )
    return ParsedDocument(source=source, meeting=meeting, agenda_items=items, warnings=warnings, report=report)


def _load(raw: RawDocument) -> _Document:
    try:
        data: Any = json.loads(raw.data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ParseError(raw.uri, f"malformed FirstAgenda JSON: {exc}") from exc
    try:
        return _Document.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}" for error in exc.errors()[:3]
        )
        raise ParseError(raw.uri, f"not a FirstAgenda meeting: {problems}") from exc


def _attendance(attendees: list[_Attendee]) -> tuple[list[Person], list[Person]]:
    present = [Person(name=a.name.strip()) for a in attendees if a.name.strip() and not (a.absent or a.cancelled)]
    absent = [Person(name=a.name.strip()) for a in attendees if a.name.strip() and (a.absent or a.cancelled)]
    return present, absent


def _item_block(uri: str, item: _Item, position: int, lines: list[Line]) -> ItemBlock:
    """The item's heading and the lines of its HTML fields, numbered on from the items before it."""
    caption = " ".join(item.caption.split())
    heading = Line(len(lines) + 1, caption, 2)
    lines.append(heading)
    body: list[Line] = []
    for field in item.fields or []:
        if not field.html or not field.html.strip():
            continue
        try:
            field_lines = html_text_lines(field.html, uri)
        except ExtractError:
            continue
        if field.name and field.name.strip():
            field_lines = [Line(0, field.name.strip(), 3), *field_lines]
        for line in field_lines:
            numbered = Line(len(lines) + 1, line.text, line.level)
            lines.append(numbered)
            body.append(numbered)
    number = _number(item.number, item.sorting, position)
    return ItemBlock(number, caption, CLOSED_TITLE.search(caption) is None, heading, body)


def _number(number: str | int | None, sorting: int | None, position: int) -> int:
    text = str(number or "").strip()
    if text.isdigit():
        return int(text)
    return sorting if sorting is not None else position + 1


def _with_portal_facts(parsed: AgendaItem, item: _Item) -> AgendaItem:
    """The portal's own case number and attachment list take precedence over what the text says."""
    update: dict[str, Any] = {}
    case_number = (item.case_number or "").strip()
    if case_number:
        update["case_number"] = case_number
    attachments = [Attachment(title=a.name.strip()) for a in item.attachments or [] if a.name and a.name.strip()]
    if attachments:
        update["attachments"] = attachments
    return parsed.model_copy(update=update) if update else parsed


def _local(timestamp: str | None) -> str | None:
    match = LOCAL_MINUTE.match(timestamp or "")
    return f"{match.group(1)}T{match.group(2)}" if match else None
