"""Read stored minutes back: meetings, items with resolved links, case timelines, people, stats.

Links are resolved when read, not when stored, so a reference to a meeting ingested later
resolves as soon as that meeting is there.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, Engine, and_, case, exists, func, select

from referat.model import AgendaItem, ParsedDocument, ReadingReport
from referat.parse.names import name_key
from referat.store import schema
from referat.store.ids import organization_key
from referat.store.search import Filters, filter_conditions

items, meetings = schema.items, schema.meetings


class NotFound(LookupError):
    """No stored object has that id, or the id prefix is ambiguous."""


@dataclass(frozen=True)
class ItemRef:
    """An agenda item as a link target."""

    item_id: str
    meeting_id: str
    body: str | None
    organization: str | None
    date: str | None
    number: int | None
    title: str
    case_number: str | None = None
    outcomes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ResolvedLink:
    """A reference or consultation as printed, and the stored item it points to, if any."""

    organization: str
    date: str | None
    item_number: int | None
    kind: str  # reference | upcoming | earlier
    text: str | None
    target: ItemRef | None


@dataclass(frozen=True)
class ItemView:
    ref: ItemRef
    item: AgendaItem
    links: list[ResolvedLink]
    referenced_by: list[ItemRef]


@dataclass(frozen=True)
class TimelineEntry:
    date: str | None
    organization: str
    via: str  # case number | reference | consultation
    target: ItemRef | None
    text: str | None = None


def _ref(row: Any) -> ItemRef:
    return ItemRef(
        item_id=row.id,
        meeting_id=row.meeting_id,
        body=row.body,
        organization=row.organization,
        date=row.date,
        number=row.number,
        title=row.title,
        case_number=row.case_number,
        outcomes=row.outcomes.split(",") if row.outcomes else [],
    )


ITEM_COLUMNS = (
    items.c.seq,
    items.c.id,
    items.c.meeting_id,
    items.c.body,
    items.c.organization,
    items.c.date,
    items.c.number,
    items.c.title,
    items.c.case_number,
    items.c.outcomes,
    items.c.organization_key,
    schema.item_texts.c.item,
)
# Items with their JSON, which lives in a table of its own to keep `items` narrow for searching.
ITEMS_WITH_TEXT = items.join(schema.item_texts, schema.item_texts.c.item_seq == items.c.seq)


def _one_by_prefix(connection: Connection, column: Any, prefix: str) -> Any:
    rows = connection.execute(select(column.table).where(column.like(f"{prefix}%")).limit(2)).all()
    if len(rows) != 1:
        raise NotFound(f"no {column.table.name[:-1]} with id {prefix!r}" if not rows else f"id {prefix!r} is ambiguous")
    return rows[0]


def get_meeting(engine: Engine, meeting_id: str) -> tuple[str, ParsedDocument, list[str]]:
    """The meeting's id, its parsed document, and the ids of its items in order."""
    with engine.connect() as connection:
        row = _one_by_prefix(connection, meetings.c.id, meeting_id)
        item_ids = list(
            connection.scalars(select(items.c.id).where(items.c.meeting_id == row.id).order_by(items.c.position))
        )
    return row.id, ParsedDocument.model_validate_json(row.document), item_ids


def get_item(engine: Engine, item_id: str) -> ItemView:
    """An item with its references and consultations resolved to stored items."""
    with engine.connect() as connection:
        row = _one_by_prefix(connection, items.c.id, item_id)
        item_json = connection.scalar(select(schema.item_texts.c.item).where(schema.item_texts.c.item_seq == row.seq))
        item = AgendaItem.model_validate_json(item_json or "")
        links = [
            ResolvedLink(
                r.organization,
                r.date,
                r.item,
                "reference",
                r.text,
                _find_item(connection, row.body, r.organization, r.date, r.item),
            )
            for r in item.references
        ]
        links += [
            ResolvedLink(
                c.organization,
                c.date,
                None,
                c.when,
                c.text,
                _find_item(connection, row.body, c.organization, c.date, None, row.case_number),
            )
            for c in item.consultations
        ]
        return ItemView(_ref(row), item, links, _referenced_by(connection, row))


def _find_item(
    connection: Connection,
    body: str | None,
    organization: str,
    date: str | None,
    number: int | None,
    case_number: str | None = None,
) -> ItemRef | None:
    """The item numbered `number` (or with `case_number`) at that committee's meeting on that date."""
    if not date:
        return None
    conditions = [items.c.organization_key == organization_key(organization), items.c.date == date]
    if body:
        conditions.append(items.c.body == body)
    if number is not None:
        conditions.append(items.c.number == number)
    elif case_number:
        conditions.append(items.c.case_number == case_number)
    else:
        return None
    row = connection.execute(select(*ITEM_COLUMNS).select_from(ITEMS_WITH_TEXT).where(*conditions).limit(1)).first()
    return _ref(row) if row else None


def _referenced_by(connection: Connection, row: Any) -> list[ItemRef]:
    """Items whose "Relateret behandling" or "jf." points at this item."""
    refs = schema.item_references
    rows = connection.execute(
        select(*ITEM_COLUMNS)
        .distinct()
        .select_from(ITEMS_WITH_TEXT)
        .join(refs, refs.c.item_seq == items.c.seq)
        .where(
            refs.c.organization_key == row.organization_key,
            refs.c.date == row.date,
            refs.c.item_number == row.number,
            items.c.body == row.body if row.body else items.c.body.is_(None),
            items.c.seq != row.seq,
        )
        .order_by(items.c.date, items.c.seq)
    ).all()
    return [_ref(r) for r in rows]


def case_timeline(engine: Engine, case_number: str) -> list[TimelineEntry]:
    """Every stored item of the case, and the items and consultations linked to them, by date."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(*ITEM_COLUMNS).select_from(ITEMS_WITH_TEXT).where(items.c.case_number == case_number)
        ).all()
        entries: dict[str, TimelineEntry] = {}
        for row in rows:
            ref = _ref(row)
            entries[ref.item_id] = TimelineEntry(ref.date, ref.organization or "", "case number", ref)
        for row in rows:
            view_item = AgendaItem.model_validate_json(row.item)
            for r in view_item.references:
                target = _find_item(connection, row.body, r.organization, r.date, r.item)
                if target and target.item_id not in entries:
                    entries[target.item_id] = TimelineEntry(target.date, r.organization, "reference", target, r.text)
            for c in view_item.consultations:
                target = _find_item(connection, row.body, c.organization, c.date, None, case_number)
                key = target.item_id if target else f"{c.organization}|{c.date}|{c.when}"
                if key not in entries:
                    entries[key] = TimelineEntry(c.date, c.organization, f"consultation ({c.when})", target, c.text)
            for ref in _referenced_by(connection, row):
                entries.setdefault(ref.item_id, TimelineEntry(ref.date, ref.organization or "", "reference", ref))
    return sorted(entries.values(), key=lambda e: (e.date or "", e.organization))


@dataclass(frozen=True)
class CastVote:
    """One vote a person is named in, with what it was on when the text tells (store: `motions`)."""

    item: ItemRef
    option: str
    subject: str | None
    motion_kind: str | None
    motion_text: str | None


@dataclass(frozen=True)
class PersonRecord:
    person_id: str
    name: str
    body: str | None
    party: str | None
    attendance: list[tuple[str | None, str | None, str, str]]  # date, organization, status, meeting id
    votes: list[CastVote]


def person_records(engine: Engine, name: str) -> list[PersonRecord]:
    """Attendance and votes of every stored person whose name contains `name` (case and å/aa folded)."""
    persons = schema.persons
    with engine.connect() as connection:
        people = connection.execute(
            select(persons).where(persons.c.name_key.like(f"%{name_key(name)}%")).order_by(persons.c.name)
        ).all()
        return [_person_record(connection, person) for person in people]


def get_person(engine: Engine, person_id: str) -> PersonRecord:
    """One person's attendance and votes, by id or a unique prefix of one."""
    with engine.connect() as connection:
        return _person_record(connection, _one_by_prefix(connection, schema.persons.c.id, person_id))


def _person_record(connection: Connection, person: Any) -> PersonRecord:
    attendance, votes, vote_persons = schema.attendance, schema.votes, schema.vote_persons
    present = connection.execute(
        select(meetings.c.date, meetings.c.organization, attendance.c.status, meetings.c.id)
        .join_from(attendance, meetings, attendance.c.meeting_id == meetings.c.id)
        .where(attendance.c.person_id == person.id)
        .order_by(meetings.c.date)
    ).all()
    motions = schema.motions
    cast_votes = connection.execute(
        select(*ITEM_COLUMNS, votes.c.option, votes.c.subject, motions.c.kind, motions.c.text.label("motion_text"))
        .select_from(ITEMS_WITH_TEXT)
        .join(votes, items.c.seq == votes.c.item_seq)
        .join(vote_persons, vote_persons.c.vote_id == votes.c.id)
        .outerjoin(motions, (motions.c.item_seq == votes.c.item_seq) & (motions.c.position == votes.c.motion))
        .where(vote_persons.c.person_id == person.id)
        .order_by(items.c.date, items.c.position)
    ).all()
    return PersonRecord(
        person.id,
        person.name,
        person.body,
        person.party,
        [(r.date, r.organization, r.status, r.id) for r in present],
        [CastVote(_ref(r), r.option, r.subject, r.kind, r.motion_text) for r in cast_votes],
    )


def statistics(engine: Engine) -> dict[str, list[tuple[str, int]]]:
    """Counts of meetings and items per municipality, committee, year and outcome."""
    with engine.connect() as connection:

        def counts(*columns: Any, source: Any = items, counted: Any = None) -> list[tuple[str, int]]:
            count = func.count(func.distinct(counted)) if counted is not None else func.count()
            rows = connection.execute(
                select(*columns, count.label("n")).select_from(source).group_by(*columns).order_by(*columns)
            )
            return [(" · ".join("" if v is None else str(v) for v in row[:-1]), row.n) for row in rows]

        return {
            "meetings per municipality": counts(meetings.c.body, source=meetings),
            "meetings per committee": counts(meetings.c.body, meetings.c.organization, source=meetings),
            "items per year": counts(items.c.year),
            "items per outcome": _outcome_counts(counts(items.c.outcomes)),
            "documents": [("stored", connection.scalar(select(func.count()).select_from(schema.documents)) or 0)],
            "ingest failures": [
                ("recorded", connection.scalar(select(func.count()).select_from(schema.ingest_failures)) or 0)
            ],
        }


def _outcome_counts(per_list: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Counts per outcome from counts per outcome list ("approved,recommended")."""
    totals: dict[str, int] = {}
    for outcomes, n in per_list:
        for outcome in filter(None, outcomes.split(",")):
            totals[outcome] = totals.get(outcome, 0) + n
    return sorted(totals.items())


@dataclass(frozen=True)
class CoverageRow:
    """How much of one committee's items the parser understood; shares are of `items`."""

    body: str | None
    organization: str | None
    meetings: int
    items: int
    with_decision: int
    classified: int
    with_votes: int
    with_references: int
    with_case_number: int
    with_sections: int | None = None  # items with a section of a known kind (None: stored before reports)


@dataclass(frozen=True)
class Coverage:
    rows: list[CoverageRow]
    # The most frequent decision texts whose outcome is only "other", with how often each occurs.
    unclassified: list[tuple[str, int]]
    # The layouts the documents were read by, and the section headings no kind was known for.
    readings: list[tuple[str, int]] = field(default_factory=list)
    unknown_headings: list[tuple[str, int]] = field(default_factory=list)


def coverage(engine: Engine, filters: Filters, top: int = 20) -> Coverage:
    """Per municipality and committee: items with a decision text, a classified outcome (any part
    not "other"), votes, references and a case number; and the gaps, most frequent first."""
    items, texts = schema.items, schema.item_texts
    conditions = filter_conditions(filters)
    decided = texts.c.decision.isnot(None)
    classified = and_(decided, items.c.outcomes.isnot(None), items.c.outcomes != "other")
    has_votes = exists().where(schema.votes.c.item_seq == items.c.seq)
    has_references = exists().where(schema.item_references.c.item_seq == items.c.seq)

    def counted(condition: Any) -> Any:
        return func.sum(case((condition, 1), else_=0))

    joined = items.join(texts, texts.c.item_seq == items.c.seq)
    query = (
        select(
            items.c.body,
            items.c.organization,
            func.count(func.distinct(items.c.meeting_id)),
            func.count(),
            counted(decided),
            counted(classified),
            counted(has_votes),
            counted(has_references),
            counted(items.c.case_number.isnot(None)),
        )
        .select_from(joined)
        .where(*conditions)
        .group_by(items.c.body, items.c.organization)
        .order_by(items.c.body, items.c.organization)
    )
    gaps = (
        select(texts.c.decision, func.count().label("n"))
        .select_from(joined)
        .where(*conditions, decided, items.c.outcomes == "other")
        .group_by(texts.c.decision)
        .order_by(func.count().desc(), texts.c.decision)
        .limit(top)
    )
    reports = select(meetings.c.body, meetings.c.organization, meetings.c.report).where(
        meetings.c.id.in_(select(items.c.meeting_id).where(*conditions))
    )
    with engine.connect() as connection:
        rows = [CoverageRow(*(row[:2]), *(int(value or 0) for value in row[2:])) for row in connection.execute(query)]
        unclassified = [(" ".join(text.split()), n) for text, n in connection.execute(gaps)]
        read = _read_reports(connection.execute(reports).all())
    rows = [replace(row, with_sections=read.sections.get((row.body, row.organization))) for row in rows]
    return Coverage(rows, unclassified, read.readings.most_common(top), read.unknown.most_common(top))


@dataclass
class _Reports:
    sections: dict[tuple[str | None, str | None], int] = field(default_factory=dict)
    readings: Counter[str] = field(default_factory=Counter)
    unknown: Counter[str] = field(default_factory=Counter)


def _read_reports(rows: Sequence[Any]) -> _Reports:
    """Add up the meetings' reading reports per committee; a meeting stored before reports has none."""
    read = _Reports()
    for body, organization, report_json in rows:
        if report_json is None:
            continue
        report = ReadingReport.model_validate_json(report_json)
        key = (body, organization)
        read.sections[key] = read.sections.get(key, 0) + report.with_sections
        read.readings[READING_COUNT.sub("", report.reading)] += 1
        read.unknown.update({heading.heading: heading.count for heading in report.unknown_headings})
    return read


# "numbered headings (h2), 8 items" -> "numbered headings (h2)"
READING_COUNT = re.compile(r",\s*\d+\s+items?$")
# The facts the JSON export gives beside each item (the item itself is under "item").
EXPORT_FIELDS = ["item_id", "meeting_id", "body", "organization", "date", "number", "title", "public", "case_number"]


def export_items(engine: Engine, filters: Filters) -> list[dict[str, Any]]:
    """Items matching `filters` with their meeting facts, the meeting's start, the decision text and the
    full item (under "item"), in a total order: date, municipality, committee, meeting start, meeting,
    item position. Missing dates, names and starts sort last on both databases."""
    query = (
        select(items, meetings.c.start, schema.item_texts.c.decision, schema.item_texts.c.item)
        .select_from(ITEMS_WITH_TEXT.join(meetings, meetings.c.id == items.c.meeting_id))
        .where(*filter_conditions(filters))
        .order_by(
            items.c.date.nulls_last(),
            items.c.body.nulls_last(),
            items.c.organization_key.nulls_last(),
            meetings.c.start.nulls_last(),
            items.c.meeting_id,
            items.c.position,
        )
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return [
        {
            "item_id": row.id,
            "meeting_id": row.meeting_id,
            "body": row.body,
            "organization": row.organization,
            "date": row.date,
            "number": row.number,
            "title": row.title,
            "public": row.public,
            "case_number": row.case_number,
            "start": row.start,
            "outcomes": row.outcomes.split(",") if row.outcomes else [],
            "decision": row.decision,
            "item": json.loads(row.item),
        }
        for row in rows
    ]
