"""Lists for browsing and for the OParl API: municipalities, committees, meetings, people, cases.

Each list is ordered and paged in SQL. Municipalities, committees and cases have no table of
their own; they are the distinct values stored on meetings and items, so they appear as soon
as a meeting that names them is ingested.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, and_, case, func, null, select, union_all

from referat.store import schema
from referat.store.ids import body_key, organization_key
from referat.store.queries import NotFound

items, meetings, persons, attendance = schema.items, schema.meetings, schema.persons, schema.attendance


@dataclass(frozen=True)
class Page:
    rows: list[Any]
    total: int


@dataclass(frozen=True)
class Counts:
    """How many of each thing are stored. Not a dict: a template's `counts.items` would be the dict's method."""

    meetings: int
    items: int
    committees: int
    municipalities: int
    persons: int


@dataclass(frozen=True)
class Since:
    """OParl's created_since / modified_since filters (ISO 8601 strings compared as stored)."""

    created: str | None = None
    modified: str | None = None


def counts(engine: Engine) -> Counts:
    """How much is stored, for the front page."""
    committees = select(meetings.c.body, meetings.c.organization_key).distinct().subquery()
    with engine.connect() as connection:

        def count(query: Select[Any]) -> int:
            return connection.scalar(query) or 0

        return Counts(
            meetings=count(select(func.count()).select_from(meetings)),
            items=count(select(func.count()).select_from(items)),
            committees=count(select(func.count()).select_from(committees)),
            municipalities=count(select(func.count(func.distinct(meetings.c.body)))),
            persons=count(select(func.count()).select_from(persons)),
        )


def bodies(engine: Engine) -> list[Any]:
    """Municipalities with their number of meetings and committees, and when they were first and last stored."""
    query = (
        select(
            meetings.c.body,
            func.count().label("meetings"),
            func.count(func.distinct(meetings.c.organization_key)).label("committees"),
            func.min(meetings.c.created_at).label("created"),
            func.max(meetings.c.modified_at).label("modified"),
        )
        .where(meetings.c.body.is_not(None))
        .group_by(meetings.c.body)
        .order_by(meetings.c.body)
    )
    return _rows(engine, query)


def committees(engine: Engine, body: str | None = None) -> list[Any]:
    """Committees (optionally of one municipality) with meeting counts and date range."""
    query = (
        select(
            meetings.c.body,
            func.min(meetings.c.organization).label("organization"),
            meetings.c.organization_key,
            func.count().label("meetings"),
            func.min(meetings.c.date).label("first"),
            func.max(meetings.c.date).label("last"),
            func.min(meetings.c.created_at).label("created"),
            func.max(meetings.c.modified_at).label("modified"),
        )
        .where(meetings.c.organization_key.is_not(None))
        .group_by(meetings.c.body, meetings.c.organization_key)
        .order_by(meetings.c.body, meetings.c.organization_key)
    )
    if body:
        query = query.where(_same_body(body))
    return _rows(engine, query)


def meetings_page(
    engine: Engine,
    body: str | None = None,
    organization: str | None = None,
    since: Since = Since(),
    limit: int = 20,
    offset: int = 0,
    newest_first: bool = True,
) -> Page:
    """Meetings with their number of items, newest first (or in storing order, for stable API paging)."""
    conditions = _since(meetings.c.created_at, meetings.c.modified_at, since)
    if body:
        conditions.append(_same_body(body))
    if organization:
        conditions.append(meetings.c.organization_key == organization_key(organization))
    order = (meetings.c.start.desc(), meetings.c.id) if newest_first else (meetings.c.created_at, meetings.c.id)
    return _page(engine, _meetings().where(*conditions).order_by(*order), limit, offset)


def meeting_row(engine: Engine, meeting_id: str) -> Any:
    with engine.connect() as connection:
        row = connection.execute(_meetings().where(meetings.c.id == meeting_id)).first()
    if row is None:
        raise NotFound(f"no meeting with id {meeting_id!r}")
    return row


def meeting_people(engine: Engine, meeting_id: str) -> list[tuple[str, str]]:
    """(person id, present | absent) for one meeting, in the order the minutes list them."""
    query = select(attendance.c.person_id, attendance.c.status).where(attendance.c.meeting_id == meeting_id)
    with engine.connect() as connection:
        return [(row.person_id, row.status) for row in connection.execute(query)]


def _meetings() -> Select[Any]:
    item_count = select(func.count()).where(items.c.meeting_id == meetings.c.id).scalar_subquery()
    return select(
        meetings.c.id,
        meetings.c.body,
        meetings.c.organization,
        meetings.c.organization_key,
        meetings.c.term,
        meetings.c.kind,
        meetings.c.start,
        meetings.c.end,
        meetings.c.date,
        meetings.c.location,
        meetings.c.created_at,
        meetings.c.modified_at,
        item_count.label("items"),
    )


def recently_ingested(engine: Engine, limit: int = 10) -> list[Any]:
    query = (
        select(meetings.c.id, meetings.c.body, meetings.c.organization, meetings.c.date, meetings.c.created_at)
        .order_by(meetings.c.created_at.desc(), meetings.c.start.desc())
        .limit(limit)
    )
    return _rows(engine, query)


def persons_page(
    engine: Engine,
    body: str | None = None,
    organization: str | None = None,
    since: Since = Since(),
    limit: int = 100,
    offset: int = 0,
    person_id: str | None = None,
) -> Page:
    """People with how often they attended and were absent; a person's dates are those of their meetings."""
    conditions = [_same_body(body)] if body else []
    if person_id:
        conditions.append(persons.c.id == person_id)
    if organization:
        conditions.append(meetings.c.organization_key == organization_key(organization))
    query = (
        select(
            persons.c.id,
            persons.c.name,
            persons.c.party,
            persons.c.body,
            func.sum(_is(attendance.c.status, "present")).label("present"),
            func.sum(_is(attendance.c.status, "absent")).label("absent"),
            func.min(meetings.c.created_at).label("created"),
            func.max(meetings.c.modified_at).label("modified"),
        )
        .join_from(persons, attendance, attendance.c.person_id == persons.c.id)
        .join(meetings, meetings.c.id == attendance.c.meeting_id)
        .where(*conditions)
        .group_by(persons.c.id, persons.c.name, persons.c.party, persons.c.body)
    )
    having = _since(func.min(meetings.c.created_at), func.max(meetings.c.modified_at), since)
    if having:
        query = query.having(and_(*having))
    return _page(engine, query.order_by(persons.c.name, persons.c.id), limit, offset)


def memberships(engine: Engine, person_id: str) -> list[Any]:
    """The committees a person is recorded at (present, absent or named in a vote), with the first and last
    such meeting: minutes without a list of participants still name the people who voted."""
    votes, vote_persons = schema.votes, schema.vote_persons
    recorded = union_all(
        select(attendance.c.meeting_id, attendance.c.party).where(attendance.c.person_id == person_id),
        select(items.c.meeting_id, null().label("party"))
        .join_from(vote_persons, votes, votes.c.id == vote_persons.c.vote_id)
        .join(items, items.c.seq == votes.c.item_seq)
        .where(vote_persons.c.person_id == person_id),
    ).subquery()
    query = (
        select(
            meetings.c.body,
            func.min(meetings.c.organization).label("organization"),
            meetings.c.organization_key,
            func.min(meetings.c.date).label("first"),
            func.max(meetings.c.date).label("last"),
            func.max(recorded.c.party).label("party"),
        )
        .join_from(recorded, meetings, meetings.c.id == recorded.c.meeting_id)
        .where(meetings.c.organization_key.is_not(None))
        .group_by(meetings.c.body, meetings.c.organization_key)
        .order_by(meetings.c.organization_key)
    )
    return _rows(engine, query)


def items_page(
    engine: Engine,
    body: str | None = None,
    case_number: str | None = None,
    since: Since = Since(),
    limit: int = 100,
    offset: int = 0,
    item_id: str | None = None,
) -> Page:
    """Agenda items in meeting order; their dates are their meeting's."""
    conditions = _since(meetings.c.created_at, meetings.c.modified_at, since)
    if item_id:
        conditions.append(items.c.id == item_id)
    if body:
        conditions.append(items.c.body_key == body_key(body))
    if case_number:
        conditions.append(items.c.case_number == case_number)
    query = (
        select(
            items.c.seq,
            items.c.id,
            items.c.meeting_id,
            items.c.body,
            items.c.organization,
            items.c.organization_key,
            items.c.date,
            items.c.number,
            items.c.position,
            items.c.title,
            items.c.public,
            items.c.case_number,
            items.c.outcomes,
            schema.item_texts.c.item,
            meetings.c.start,
            meetings.c.created_at,
            meetings.c.modified_at,
        )
        .join_from(items, schema.item_texts, schema.item_texts.c.item_seq == items.c.seq)
        .join(meetings, meetings.c.id == items.c.meeting_id)
        .where(*conditions)
        .order_by(items.c.date, items.c.meeting_id, items.c.position)
    )
    return _page(engine, query, limit, offset)


def cases_page(
    engine: Engine,
    body: str | None = None,
    since: Since = Since(),
    limit: int = 100,
    offset: int = 0,
    case_number: str | None = None,
) -> Page:
    """Case numbers with their first title, number of items and date range."""
    conditions = [items.c.case_number.is_not(None), *_since(meetings.c.created_at, meetings.c.modified_at, since)]
    if body:
        conditions.append(items.c.body_key == body_key(body))
    if case_number:
        conditions.append(items.c.case_number == case_number)
    query = (
        select(
            items.c.body,
            items.c.case_number,
            func.min(items.c.title).label("title"),
            func.count().label("items"),
            func.min(items.c.date).label("first"),
            func.max(items.c.date).label("last"),
            func.min(meetings.c.created_at).label("created"),
            func.max(meetings.c.modified_at).label("modified"),
        )
        .join_from(items, meetings, meetings.c.id == items.c.meeting_id)
        .where(*conditions)
        .group_by(items.c.body, items.c.case_number)
        .order_by(items.c.body, items.c.case_number)
    )
    return _page(engine, query, limit, offset)


def _rows(engine: Engine, query: Select[Any]) -> list[Any]:
    with engine.connect() as connection:
        return list(connection.execute(query).all())


def _page(engine: Engine, query: Select[Any], limit: int, offset: int) -> Page:
    with engine.connect() as connection:
        total = connection.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
        rows = list(connection.execute(query.limit(limit).offset(offset)).all())
    return Page(rows, total)


def _same_body(body: str) -> ColumnElement[bool]:
    return meetings.c.body == body


def _since(created: Any, modified: Any, since: Since) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if since.created:
        conditions.append(created >= since.created)
    if since.modified:
        conditions.append(modified >= since.modified)
    return conditions


def _is(column: Any, value: str) -> Any:
    return case((column == value, 1), else_=0)
