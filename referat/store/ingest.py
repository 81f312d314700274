"""Store parsed minutes: RawDocument -> rows, one transaction per document.

An unchanged document (same sha256) is a no-op. A new version of a stored meeting (same
municipality, committee and start) replaces the old one and everything that hung on it. A
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
from referat.model import AgendaItem, ParsedDocument, Person
from referat.parse.document import parse_document
from referat.sources.raw import RawDocument
from referat.store import schema
from referat.store.ids import item_id, meeting_id, organization_key, person_id
from referat.store.index import IndexedItem, search_index

Status = Literal["stored", "replaced", "unchanged", "failed"]


@dataclass(frozen=True)
class IngestOutcome:
    uri: str
    status: Status
    meeting_id: str | None = None
    reason: str | None = None
    document: ParsedDocument | None = None


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
    return IngestOutcome(raw.uri, "replaced" if replaced else "stored", stored_id, document=document)


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
    created_at = connection.scalar(select(schema.meetings.c.created_at).where(schema.meetings.c.id == mid))
    if created_at is not None:
        _delete_meeting(connection, mid)
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
    _store_attendance(connection, mid, meeting.body, meeting.participants, meeting.absent)
    common = {
        "body": meeting.body,
        "organization": meeting.organization,
        "organization_key": org_key,
        "date": date,
        "year": int(date[:4]) if date else None,
    }
    indexed = [
        _store_item(connection, mid, position, item, common) for position, item in enumerate(document.agenda_items)
    ]
    search_index(connection).add(connection, indexed)
    return created_at is not None, mid


def _delete_meeting(connection: Connection, mid: str) -> None:
    seqs = list(connection.scalars(select(schema.items.c.seq).where(schema.items.c.meeting_id == mid)))
    search_index(connection).remove(connection, seqs)
    connection.execute(delete(schema.meetings).where(schema.meetings.c.id == mid))


def _store_attendance(
    connection: Connection, mid: str, body: str | None, present: list[Person], absent: list[Person]
) -> None:
    rows = {}
    for status, people in (("present", present), ("absent", absent)):
        for person in people:
            pid = _upsert_person(connection, body, person.name, person.party)
            rows[pid] = {"meeting_id": mid, "person_id": pid, "status": status, "party": person.party}
    if rows:
        connection.execute(insert(schema.attendance), list(rows.values()))


def _store_item(
    connection: Connection, mid: str, position: int, item: AgendaItem, common: dict[str, Any]
) -> IndexedItem:
    decision = item.decision.text if item.decision else ""
    outcomes = list(dict.fromkeys(item.decision.outcomes)) if item.decision else []
    seq = connection.scalar(
        insert(schema.items)
        .values(
            id=item_id(mid, position),
            meeting_id=mid,
            position=position,
            number=item.number,
            title=item.title,
            public=item.public,
            case_number=item.case_number,
            decision=decision or None,
            outcomes=",".join(outcomes) or None,
            item=item.model_dump_json(),
            **common,
        )
        .returning(schema.items.c.seq)
    )
    assert seq is not None
    if outcomes:
        connection.execute(insert(schema.item_outcomes), [{"item_seq": seq, "outcome": o} for o in outcomes])
    _store_votes(connection, seq, common["body"], item)
    if item.references:
        connection.execute(
            insert(schema.item_references),
            [
                {
                    "item_seq": seq,
                    "position": i,
                    "organization": r.organization,
                    "organization_key": organization_key(r.organization),
                    "date": r.date,
                    "item_number": r.item,
                    "text": r.text,
                }
                for i, r in enumerate(item.references)
            ],
        )
    if item.consultations:
        connection.execute(
            insert(schema.consultations),
            [
                {
                    "item_seq": seq,
                    "position": i,
                    "organization": c.organization,
                    "organization_key": organization_key(c.organization),
                    "date": c.date,
                    "when": c.when,
                    "text": c.text,
                    "outcome": c.outcome,
                }
                for i, c in enumerate(item.consultations)
            ],
        )
    body_text = "\n\n".join(
        [text for heading, text in item.sections.items() if not _is_decision(item, heading)] + item.proposals
    )
    return IndexedItem(seq=seq, title=item.title, decision=decision, body=body_text)


def _is_decision(item: AgendaItem, heading: str) -> bool:
    return any(s.heading == heading and s.kind in {"decision", "absence"} for s in item.section_list)


def _store_votes(connection: Connection, seq: int, body: str | None, item: AgendaItem) -> None:
    for position, vote in enumerate(item.votes):
        vote_id = connection.scalar(
            insert(schema.votes)
            .values(
                item_seq=seq,
                position=position,
                option=vote.option,
                count=vote.count,
                subject=vote.subject,
                text=vote.text,
            )
            .returning(schema.votes.c.id)
        )
        members = {_upsert_person(connection, body, name, None): name for name in vote.names}
        if members:
            connection.execute(
                insert(schema.vote_persons),
                [{"vote_id": vote_id, "person_id": p, "name": n} for p, n in members.items()],
            )
        if vote.parties:
            connection.execute(
                insert(schema.vote_parties),
                [{"vote_id": vote_id, "party": party} for party in dict.fromkeys(vote.parties)],
            )


def _upsert_person(connection: Connection, body: str | None, name: str, party: str | None) -> str:
    """One person per municipality and name; a party letter, once known, is kept."""
    from referat.parse.names import name_key

    pid = person_id(body, name)
    values = {"id": pid, "body": body, "name": name, "name_key": name_key(name), "party": party}
    if connection.dialect.name == "postgresql":
        statement: Any = postgres_insert(schema.persons).values(**values)
    else:
        statement = sqlite_insert(schema.persons).values(**values)
    if party:
        statement = statement.on_conflict_do_update(index_elements=["id"], set_={"party": party})
    else:
        statement = statement.on_conflict_do_nothing(index_elements=["id"])
    connection.execute(statement)
    return pid


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
