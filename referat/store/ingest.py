"""Store parsed minutes: RawDocument -> rows, one transaction per document.

An unchanged document (same sha256) is a no-op. A new version of a stored meeting (same
municipality, committee and start) replaces the old one and everything that hung on it, except that
a one-item document from another source (a portal's page per agenda item, a supplementary agenda)
adds its item to the meeting. A
document that fails is recorded in `ingest_failures`, and nothing of it is stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, Engine, delete, insert, select
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError

from referat.errors import ReferatError, StoreError
from referat.model import AgendaItem, ParsedDocument, Vote
from referat.parse.document import parse_document
from referat.parse.names import name_key
from referat.sources.raw import RawDocument
from referat.store import schema
from referat.store.ids import body_key, item_id, meeting_id, organization_key, person_id
from referat.store.index import IndexedItem, search_index

Status = Literal["stored", "replaced", "unchanged", "failed"]


@dataclass(frozen=True)
class IngestOutcome:
    uri: str
    status: Status
    meeting_id: str | None = None
    reason: str | None = None


def ingest(engine: Engine, raw: RawDocument, body: str | None = None) -> IngestOutcome:
    """Parse and store one document; never raises for a bad document, reports it instead."""
    with engine.connect() as connection:
        known = connection.scalar(select(schema.documents.c.meeting_id).where(schema.documents.c.sha256 == raw.sha256))
        if known is not None:
            return IngestOutcome(raw.uri, "unchanged", known)
    try:
        document = parse_document(raw, body=body)
        with engine.begin() as connection:
            replaced, stored_id = store_document(connection, document, len(raw.data))
    except ReferatError as exc:
        return record_failure(engine, raw.uri, raw.sha256, exc.reason)
    except SQLAlchemyError as exc:
        error = StoreError(raw.uri, f"the database refused it: {exc.__class__.__name__}: {exc}")
        return record_failure(engine, raw.uri, raw.sha256, error.reason)
    return IngestOutcome(raw.uri, "replaced" if replaced else "stored", stored_id)


def record_failure(engine: Engine, uri: str, sha256: str | None, reason: str) -> IngestOutcome:
    with engine.begin() as connection:
        connection.execute(
            insert(schema.ingest_failures).values(uri=uri, sha256=sha256, reason=reason, failed_at=_now())
        )
    return IngestOutcome(uri, "failed", reason=reason)


def store_document(connection: Connection, document: ParsedDocument, size: int) -> tuple[bool, str]:
    """Write one parsed document; returns whether it replaced a stored version, and the meeting id."""
    meeting = document.meeting
    mid = meeting_id(meeting.body, meeting.organization, meeting.start, document.source.sha256)
    stored = connection.execute(
        select(schema.meetings.c.created_at, schema.meetings.c.document).where(schema.meetings.c.id == mid)
    ).first()
    created_at = stored.created_at if stored else None
    other_sources: list[dict[str, Any]] = []
    if stored is not None:
        other_sources = [
            dict(row)
            for row in connection.execute(
                select(schema.documents).where(
                    schema.documents.c.meeting_id == mid, schema.documents.c.uri != document.source.path
                )
            ).mappings()
        ]
        if len(document.agenda_items) == 1 and other_sources:
            document = add_item_page(ParsedDocument.model_validate_json(stored.document), document)
        else:
            other_sources = []
        _delete_meeting(connection, mid)
    meeting = document.meeting
    now = _now()
    date = meeting.start[:10] if meeting.start else None
    org_key = organization_key(meeting.organization)
    connection.execute(
        insert(schema.meetings).values(
            id=mid,
            body=meeting.body,
            organization=meeting.organization,
            organization_key=org_key,
            term=meeting.term,
            kind=meeting.kind,
            start=meeting.start,
            date=date,
            end=meeting.end,
            location=meeting.location,
            document=document.model_dump_json(),
            created_at=created_at or now,
            modified_at=now,
        )
    )
    source = document.source
    connection.execute(
        insert(schema.documents).values(
            sha256=source.sha256,
            uri=source.path,
            format=source.format,
            encoding=source.encoding,
            size=size,
            meeting_id=mid,
            ingested_at=now,
        )
    )
    if other_sources:
        connection.execute(insert(schema.documents), other_sources)
    people = _PersonRows(meeting.body)
    attendance = {
        people.add(person.name, person.party): {"meeting_id": mid, "status": status, "party": person.party}
        for status, group in (("present", meeting.participants), ("absent", meeting.absent))
        for person in group
    }
    for item in document.agenda_items:
        for vote in item.votes:
            for name in vote.names:
                people.add(name, None)
    people.upsert(connection)
    if attendance:
        connection.execute(insert(schema.attendance), [{"person_id": pid, **row} for pid, row in attendance.items()])
    common = {
        "body": meeting.body,
        "body_key": body_key(meeting.body),
        "organization": meeting.organization,
        "organization_key": org_key,
        "date": date,
        "year": int(date[:4]) if date else None,
    }
    indexed = _store_items(connection, mid, document.agenda_items, common, people)
    search_index(connection).add(connection, indexed)
    return created_at is not None and not other_sources, mid


def add_item_page(stored: ParsedDocument, page: ParsedDocument) -> ParsedDocument:
    """A page holding one agenda item of a stored meeting (portals publish an item per page) adds
    that item, or replaces the item with its number; the meeting's other items stay."""
    new_item = page.agenda_items[0]
    items = [item for item in stored.agenda_items if item.number != new_item.number or item.number is None]
    items.append(new_item)
    items.sort(key=lambda item: (item.number is None, item.number or 0))
    return page.model_copy(
        update={"meeting": stored.meeting, "agenda_items": items, "warnings": stored.warnings + page.warnings}
    )


def _delete_meeting(connection: Connection, mid: str) -> None:
    seqs = list(connection.scalars(select(schema.items.c.seq).where(schema.items.c.meeting_id == mid)))
    search_index(connection).remove(connection, seqs)
    connection.execute(delete(schema.meetings).where(schema.meetings.c.id == mid))


class _PersonRows:
    """The people a document names, written with one statement per kind of upsert."""

    def __init__(self, body: str | None) -> None:
        self.body = body
        self.rows: dict[str, dict[str, Any]] = {}

    def add(self, name: str, party: str | None) -> str:
        pid = person_id(self.body, name)
        known = self.rows.get(pid)
        if known is None or (party and not known["party"]):
            self.rows[pid] = {"id": pid, "body": self.body, "name": name, "name_key": name_key(name), "party": party}
        return pid

    def upsert(self, connection: Connection) -> None:
        """One person per municipality and name; a party letter, once known, is kept."""
        dialect_insert: Any = postgres_insert if connection.dialect.name == "postgresql" else sqlite_insert
        with_party = [row for row in self.rows.values() if row["party"]]
        without_party = [row for row in self.rows.values() if not row["party"]]
        if with_party:
            statement = dialect_insert(schema.persons)
            connection.execute(
                statement.on_conflict_do_update(index_elements=["id"], set_={"party": statement.excluded.party}),
                with_party,
            )
        if without_party:
            connection.execute(
                dialect_insert(schema.persons).on_conflict_do_nothing(index_elements=["id"]), without_party
            )


def _store_items(
    connection: Connection, mid: str, agenda: list[AgendaItem], common: dict[str, Any], people: _PersonRows
) -> list[IndexedItem]:
    """All items of a meeting and what hangs on them, one statement per table."""
    if not agenda:
        return []
    item_rows = []
    for position, item in enumerate(agenda):
        outcomes = list(dict.fromkeys(item.decision.outcomes)) if item.decision else []
        item_rows.append(
            {
                "id": item_id(mid, position),
                "meeting_id": mid,
                "position": position,
                "number": item.number,
                "title": item.title,
                "public": item.public,
                "case_number": item.case_number,
                "outcomes": ",".join(outcomes) or None,
                **common,
            }
        )
    seqs = list(
        connection.scalars(insert(schema.items).returning(schema.items.c.seq, sort_by_parameter_order=True), item_rows)
    )
    text_rows = [
        {"item_seq": seq, "decision": item.decision.text if item.decision else None, "item": item.model_dump_json()}
        for seq, item in zip(seqs, agenda, strict=True)
    ]
    vote_rows, reference_rows, consultation_rows = [], [], []
    for seq, item in zip(seqs, agenda, strict=True):
        vote_rows += [
            {"item_seq": seq, "position": i, "option": v.option, "count": v.count, "subject": v.subject, "text": v.text}
            for i, v in enumerate(item.votes)
        ]
        reference_rows += [
            {**_link_row(seq, i, r.organization, r.date, r.text), "item_number": r.item}
            for i, r in enumerate(item.references)
        ]
        consultation_rows += [
            {**_link_row(seq, i, c.organization, c.date, c.text), "when": c.when, "outcome": c.outcome}
            for i, c in enumerate(item.consultations)
        ]
    for table, rows in (
        (schema.item_texts, text_rows),
        (schema.item_references, reference_rows),
        (schema.consultations, consultation_rows),
    ):
        if rows:
            connection.execute(insert(table), rows)
    if vote_rows:
        _store_votes(connection, vote_rows, [v for item in agenda for v in item.votes], people)
    return [
        IndexedItem(seq=seq, title=item.title, decision=row["decision"] or "", body=_body_text(item))
        for seq, item, row in zip(seqs, agenda, text_rows, strict=True)
    ]


def _link_row(seq: int, position: int, organization: str, date: str | None, text: str | None) -> dict[str, Any]:
    """The columns references and consultations share: where in the item, and which committee on which date."""
    return {
        "item_seq": seq,
        "position": position,
        "organization": organization,
        "organization_key": organization_key(organization),
        "date": date,
        "text": text,
    }


def _store_votes(connection: Connection, rows: list[dict[str, Any]], votes: list[Vote], people: _PersonRows) -> None:
    ids = list(
        connection.scalars(insert(schema.votes).returning(schema.votes.c.id, sort_by_parameter_order=True), rows)
    )
    member_rows = [
        {"vote_id": vote_id, "person_id": pid, "name": name}
        for vote_id, vote in zip(ids, votes, strict=True)
        for pid, name in {person_id(people.body, n): n for n in vote.names}.items()
    ]
    party_rows = [
        {"vote_id": vote_id, "party": party}
        for vote_id, vote in zip(ids, votes, strict=True)
        for party in dict.fromkeys(vote.parties)
    ]
    if member_rows:
        connection.execute(insert(schema.vote_persons), member_rows)
    if party_rows:
        connection.execute(insert(schema.vote_parties), party_rows)


def _body_text(item: AgendaItem) -> str:
    """What the index reads besides title and decision: the other sections and the proposals."""
    kinds = {s.heading: s.kind for s in item.section_list}
    texts = [text for heading, text in item.sections.items() if kinds.get(heading) not in {"decision", "absence"}]
    return "\n\n".join(texts + item.proposals)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def failures(engine: Engine) -> Iterator[tuple[str, str, str]]:
    """Recorded ingest failures, newest first: (uri, reason, failed_at)."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                schema.ingest_failures.c.uri, schema.ingest_failures.c.reason, schema.ingest_failures.c.failed_at
            ).order_by(schema.ingest_failures.c.id.desc())
        )
        yield from ((r.uri, r.reason, r.failed_at) for r in rows)
