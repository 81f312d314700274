"""Store parsed minutes: RawDocument -> rows, one transaction per document.

An unchanged document (same sha256, its items still stored) is a no-op. How a document joins a
meeting already stored (a new version, more items, minutes replacing an agenda, or a clash kept
apart) is decided in store/merge.py; every item row records the document it came from, and every
document row its role and how many items it gives, so "unchanged" can be checked and `referat
check` can find a document whose meeting no longer holds its items. A document that fails is
recorded in `ingest_failures`, and nothing of it is stored; the record goes once the document is stored.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, Connection, Engine, delete, exists, func, insert, or_, select
from sqlalchemy.exc import SQLAlchemyError

from referat.errors import ReferatError, StoreError
from referat.model import AgendaItem, ParsedDocument, Vote
from referat.parse.names import name_key
from referat.sources.raw import RawDocument
from referat.store import schema
from referat.store.facets import assign_groups
from referat.store.ids import body_key, case_key, item_id, meeting_id, organization_key, person_id
from referat.store.index import IndexedItem, search_index
from referat.store.merge import StoredSource, plan_merge
from referat.store.prepare import Prepared, prepare
from referat.store.reindex import Analyses, indexed_item
from referat.store.upsert import insert_on_conflict
from referat.store.writer import WaitNotice, WriterLockTimeout, interrupt_behind, write_transaction

# "reread": an unchanged document parsed again on request and stored anew in place of what it gave.
Status = Literal["stored", "replaced", "added", "superseded", "reread", "unchanged", "failed"]
STATUSES: tuple[Status, ...] = ("stored", "replaced", "added", "superseded", "reread", "unchanged", "failed")
# What a document is to its meeting: the source of the meeting's facts, a giver of items, or an
# agenda whose items the meeting's minutes replaced.
Role = Literal["meeting", "items", "superseded"]


@dataclass(frozen=True)
class IngestOutcome:
    uri: str
    status: Status
    meeting_id: str | None = None
    reason: str | None = None
    note: str | None = None  # e.g. the document it clashed with and was kept apart from


@dataclass(frozen=True)
class _Source:
    """A document row as it will be written: what the meeting holds of it."""

    row: dict[str, Any]
    role: Role
    item_count: int


def ingest(
    engine: Engine, raw: RawDocument, body: str | None = None, reread: bool = False, on_wait: WaitNotice | None = None
) -> IngestOutcome:
    """Parse and store one document; never raises for a bad document, reports it instead.

    `reread` parses an unchanged document again, so that what a newer parser reads replaces what
    an older one stored. Another process may store the same documents at the same time (store/writer.py):
    a document it stored while this one was parsing is "unchanged" here, and `on_wait` hears when this
    one waits for its writes. A document stored, or found unchanged, has no recorded failure any more."""
    known = before_parsing(engine, raw, reread, on_wait)
    if isinstance(known, IngestOutcome):
        return known
    return store_prepared(engine, prepare(raw, body), known, on_wait)


def before_parsing(
    engine: Engine, raw: RawDocument, reread: bool = False, on_wait: WaitNotice | None = None
) -> IngestOutcome | bool:
    """What the database knows of a document before it is parsed: its outcome when there is nothing
    to parse ("unchanged" or "superseded", its recorded failures cleared); otherwise whether parsing it
    is a reread (True: it is held unchanged and `reread` asks for it again; False: it is new)."""
    with engine.connect() as connection:
        known = known_status(connection, raw.sha256)
        failed_before = known is not None and _has_failures(connection, raw.uri, raw.sha256)
    if known is None:
        return False
    if failed_before:
        with write_transaction(engine, on_wait) as connection:
            _clear_failures(connection, raw.uri, raw.sha256)
    return True if reread else IngestOutcome(raw.uri, known[0], known[1])


def store_prepared(
    engine: Engine, prepared: Prepared, reread: bool = False, on_wait: WaitNotice | None = None
) -> IngestOutcome:
    """Store a parsed document in one transaction, or record why it failed; `reread`: the database
    holds it unchanged, and it was parsed again on request (its status is then "reread")."""
    if prepared.document is None:
        return record_failure(engine, prepared.uri, prepared.sha256, prepared.reason or "", on_wait)
    try:
        with write_transaction(engine, on_wait) as connection:
            meanwhile = None if reread else known_status(connection, prepared.sha256)
            if meanwhile is not None:
                outcome = IngestOutcome(prepared.uri, meanwhile[0], meanwhile[1])
            else:
                outcome = store_document(connection, prepared.document, prepared.size, prepared.analyses)
                outcome = dataclasses.replace(outcome, status="reread") if reread else outcome
            _clear_failures(connection, prepared.uri, prepared.sha256)
        return outcome
    except ReferatError as exc:
        return record_failure(engine, prepared.uri, prepared.sha256, exc.reason, on_wait)
    except WriterLockTimeout:
        raise  # the database is busy, not the document bad
    except SQLAlchemyError as exc:
        if (interrupt := interrupt_behind(exc)) is not None:
            raise interrupt from None
        error = StoreError(prepared.uri, f"the database refused it: {exc.__class__.__name__}: {exc}")
        return record_failure(engine, prepared.uri, prepared.sha256, error.reason, on_wait)


def known_status(connection: Connection, sha256: str) -> tuple[Status, str] | None:
    """ "unchanged" (or "superseded") with the meeting id when the database still holds what this
    document gave; None when the document is new, or its record no longer matches the stored items."""
    documents = schema.documents
    row = connection.execute(
        select(documents.c.meeting_id, documents.c.role, documents.c.item_count).where(documents.c.sha256 == sha256)
    ).first()
    if row is None or row.meeting_id is None:
        return None
    if row.role == "superseded":
        return "superseded", row.meeting_id
    if row.item_count is not None and row.item_count != _items_given(connection, row.meeting_id, sha256):
        return None
    return "unchanged", row.meeting_id


def _items_given(connection: Connection, mid: str, sha256: str) -> int:
    items = schema.items
    return connection.scalar(select(func.count()).where(items.c.meeting_id == mid, items.c.document_sha == sha256)) or 0


def record_failure(
    engine: Engine, uri: str, sha256: str | None, reason: str, on_wait: WaitNotice | None = None
) -> IngestOutcome:
    """Record why a document failed, in place of its earlier failures: the table says what fails now."""
    with write_transaction(engine, on_wait) as connection:
        _clear_failures(connection, uri, sha256)
        connection.execute(
            insert(schema.ingest_failures).values(uri=uri, sha256=sha256, reason=reason, failed_at=_now())
        )
    return IngestOutcome(uri, "failed", reason=reason)


def _failures_of(uri: str, sha256: str | None) -> ColumnElement[bool]:
    """The recorded failures of a document: at its address (an earlier version), or of the same bytes."""
    failures = schema.ingest_failures
    if sha256 is None:  # unread: only its address is known
        return failures.c.uri == uri
    return or_(failures.c.uri == uri, failures.c.sha256 == sha256)


def _has_failures(connection: Connection, uri: str, sha256: str) -> bool:
    return connection.scalar(select(exists().where(_failures_of(uri, sha256)))) or False


def _clear_failures(connection: Connection, uri: str, sha256: str | None) -> None:
    connection.execute(delete(schema.ingest_failures).where(_failures_of(uri, sha256)))


def store_document(
    connection: Connection, document: ParsedDocument, size: int, analyses: Analyses | None = None
) -> IngestOutcome:
    """Write one parsed document into its meeting, as store/merge.py decides; a hand correction
    (`SourceInfo.corrects`) takes the place of the document it corrects. `analyses`: its items'
    analyses for the index, when they were computed ahead (store/prepare.py)."""
    corrected = _take_out_corrected(connection, document.source.corrects)
    outcome = _store_document(connection, document, size, analyses)
    if corrected is not None and outcome.meeting_id is not None:
        row = {**corrected, "meeting_id": outcome.meeting_id, "role": "superseded"}
        connection.execute(insert(schema.documents).values(**row))
    return outcome


def _take_out_corrected(connection: Connection, sha256: str | None) -> dict[str, Any] | None:
    """The stored record of a document that a hand correction replaces, its items taken out of its
    meeting; it stays recorded as superseded, so that storing it again changes nothing."""
    if sha256 is None:
        return None
    documents = schema.documents
    row = connection.execute(select(documents).where(documents.c.sha256 == sha256)).mappings().first()
    if row is None:
        return None
    remove_document(connection, sha256)
    return dict(row)


def _store_document(
    connection: Connection, document: ParsedDocument, size: int, analyses: Analyses | None
) -> IngestOutcome:
    source = document.source
    meeting = document.meeting
    # A record of this very document that no longer matches what is stored is written anew.
    remove_document(connection, source.sha256)
    mid = meeting_id(meeting.body, meeting.organization, meeting.start, source.sha256)
    _forget_versions_kept_apart(connection, document, mid)
    new_row = {
        "sha256": source.sha256,
        "uri": source.path,
        "format": source.format,
        "encoding": source.encoding,
        "kind": meeting.kind,
        "size": size,
    }
    all_items: list[tuple[AgendaItem, str | None]] = [(item, source.sha256) for item in document.agenda_items]
    stored = connection.execute(
        select(schema.meetings.c.created_at, schema.meetings.c.document).where(schema.meetings.c.id == mid)
    ).first()
    if stored is None:
        _write_meeting(connection, mid, document, [_Source(new_row, "meeting", len(all_items))], all_items, analyses)
        return IngestOutcome(source.path, "stored", mid)
    rows = _document_rows(connection, mid)
    item_sources = _item_sources(connection, mid)
    stored_document = ParsedDocument.model_validate_json(stored.document)
    plan = plan_merge(
        [StoredSource(r["sha256"], r["uri"], r["kind"]) for r in rows],
        item_sources,
        stored_document.agenda_items,
        source.path,
        meeting.kind,
        document.agenda_items,
    )
    if plan.apart:
        apart = meeting_id(None, None, None, source.sha256)
        _write_meeting(connection, apart, document, [_Source(new_row, "meeting", len(all_items))], all_items, analyses)
        note = f"kept apart: {plan.clash_with} holds the same items of this meeting"
        return IngestOutcome(source.path, "stored", apart, note=note)
    kept = [(stored_document.agenda_items[p], item_sources[p]) for p in plan.keep]
    added: list[tuple[AgendaItem, str | None]] = [(document.agenda_items[i], source.sha256) for i in plan.add]
    merged_items = sorted(kept + added, key=lambda pair: (pair[0].number is None, pair[0].number or 0))
    given = Counter(sha for _, sha in merged_items)
    old = [row for row in rows if row["sha256"] not in plan.replaced]
    facts = next((row for row in old if row["role"] == "meeting"), None)
    # The meeting's facts move to the new document when their source is gone or gave way to it.
    new_role: Role
    if facts is not None and (given[facts["sha256"]] or not facts["item_count"]):
        base, new_role = stored_document, "superseded" if all_items and not added else "items"
    else:
        base, new_role, facts = document, "meeting", None
    sources = [_Source(row, _role_after(row, row is facts, given[row["sha256"]]), given[row["sha256"]]) for row in old]
    sources.append(_Source(new_row, new_role, given[source.sha256]))
    kinds = {row["kind"] for row in old if given[row["sha256"]]} | ({meeting.kind} if added else set())
    merged = base.model_copy(
        update={
            "meeting": base.meeting.model_copy(update={"kind": "minutes" if "minutes" in kinds else base.meeting.kind}),
            "agenda_items": [item for item, _ in merged_items],
            "warnings": base.warnings + (document.warnings if base is stored_document else []),
        }
    )
    _write_meeting(connection, mid, merged, sources, merged_items, analyses, created_at=stored.created_at)
    status: Status = "replaced" if plan.replaced else "superseded" if new_role == "superseded" else "added"
    return IngestOutcome(source.path, status, mid)


def remove_document(connection: Connection, sha256: str) -> None:
    """Take a document and the items it gave out of its meeting; a meeting left empty goes too."""
    documents = schema.documents
    row = connection.execute(select(documents).where(documents.c.sha256 == sha256)).mappings().first()
    if row is None:
        return
    mid = row["meeting_id"]
    others = [r for r in _document_rows(connection, mid) if r["sha256"] != sha256]
    stored = connection.execute(
        select(schema.meetings.c.created_at, schema.meetings.c.document).where(schema.meetings.c.id == mid)
    ).first()
    if not others or stored is None:
        _delete_meeting(connection, mid)
        connection.execute(delete(documents).where(documents.c.sha256 == sha256))
        return
    stored_document = ParsedDocument.model_validate_json(stored.document)
    item_sources = _item_sources(connection, mid)
    left = [(item, s) for item, s in zip(stored_document.agenda_items, item_sources, strict=True) if s != sha256]
    given = Counter(s for _, s in left)
    facts = next((r for r in others if r["role"] == "meeting"), others[0])
    sources = [_Source(r, _role_after(r, r is facts, given[r["sha256"]]), given[r["sha256"]]) for r in others]
    merged = stored_document.model_copy(update={"agenda_items": [item for item, _ in left]})
    _write_meeting(connection, mid, merged, sources, left, created_at=stored.created_at)


def _document_rows(connection: Connection, mid: str) -> list[dict[str, Any]]:
    documents = schema.documents
    return [dict(row) for row in connection.execute(select(documents).where(documents.c.meeting_id == mid)).mappings()]


def _item_sources(connection: Connection, mid: str) -> list[str | None]:
    """The document each of a meeting's items came from, in item order."""
    items = schema.items
    query = select(items.c.document_sha).where(items.c.meeting_id == mid).order_by(items.c.position)
    return list(connection.scalars(query))


def _role_after(row: dict[str, Any], keeps_facts: bool, items_given: int) -> Role:
    """A document whose items all gave way to minutes is superseded; the others give items."""
    if keeps_facts:
        return "meeting"
    return "superseded" if items_given == 0 and row["item_count"] else "items"


def _forget_versions_kept_apart(connection: Connection, document: ParsedDocument, mid: str) -> None:
    """Older versions of this document (same address, same meeting) that a clash kept apart."""
    meeting = document.meeting
    if not (meeting.body and meeting.organization and meeting.start):
        return
    documents, meetings = schema.documents, schema.meetings
    apart = connection.scalars(
        select(meetings.c.id)
        .join(documents, documents.c.meeting_id == meetings.c.id)
        .where(
            documents.c.uri == document.source.path,
            meetings.c.id != mid,
            func.lower(meetings.c.body) == meeting.body.lower(),
            meetings.c.organization_key == organization_key(meeting.organization),
            meetings.c.start == meeting.start,
        )
    ).all()
    for apart_id in apart:
        _delete_meeting(connection, apart_id)


def _write_meeting(
    connection: Connection,
    mid: str,
    document: ParsedDocument,
    sources: list[_Source],
    items_with_sources: list[tuple[AgendaItem, str | None]],
    analyses: Analyses | None = None,
    created_at: str | None = None,
) -> None:
    """(Re)write a meeting with everything that hangs on it, from its merged document."""
    if created_at is not None:
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
            report=document.report.model_dump_json() if document.report else None,
            created_at=created_at or now,
            modified_at=now,
        )
    )
    connection.execute(
        insert(schema.documents),
        [
            {
                **source.row,
                "meeting_id": mid,
                "role": source.role,
                "item_count": source.item_count,
                "ingested_at": source.row.get("ingested_at") or now,
            }
            for source in sources
        ],
    )
    people = _PersonRows(meeting.body)
    attendance = {
        people.add(person.name, person.party): {"meeting_id": mid, "status": status, "party": person.party}
        for status, group in (("present", meeting.participants), ("absent", meeting.absent))
        for person in group
    }
    for item, _ in items_with_sources:
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
    indexed = _store_items(connection, mid, items_with_sources, common, people, analyses)
    search_index(connection).add(connection, indexed)


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
        with_party = [row for row in self.rows.values() if row["party"]]
        without_party = [row for row in self.rows.values() if not row["party"]]
        if with_party:
            statement = insert_on_conflict(connection, schema.persons)
            connection.execute(
                statement.on_conflict_do_update(index_elements=["id"], set_={"party": statement.excluded.party}),
                with_party,
            )
        if without_party:
            connection.execute(
                insert_on_conflict(connection, schema.persons).on_conflict_do_nothing(index_elements=["id"]),
                without_party,
            )


def _store_items(
    connection: Connection,
    mid: str,
    items_with_sources: list[tuple[AgendaItem, str | None]],
    common: dict[str, Any],
    people: _PersonRows,
    analyses: Analyses | None,
) -> list[IndexedItem]:
    """All items of a meeting and what hangs on them, one statement per table."""
    if not items_with_sources:
        return []
    agenda = [item for item, _ in items_with_sources]
    item_rows = []
    for position, (item, document_sha) in enumerate(items_with_sources):
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
                "case_key": case_key(common["body"], item.case_number, item.title),
                "outcomes": ",".join(outcomes) or None,
                "document_sha": document_sha,
                **common,
            }
        )
    assign_groups(connection, item_rows, [bool(item.votes) for item in agenda])
    seqs = list(
        connection.scalars(insert(schema.items).returning(schema.items.c.seq, sort_by_parameter_order=True), item_rows)
    )
    text_rows = [
        {"item_seq": seq, "decision": item.decision.text if item.decision else None, "item": item.model_dump_json()}
        for seq, item in zip(seqs, agenda, strict=True)
    ]
    vote_rows, motion_rows, mover_rows, reference_rows, consultation_rows = [], [], [], [], []
    for seq, item in zip(seqs, agenda, strict=True):
        vote_rows += [
            {
                "item_seq": seq,
                "position": i,
                "option": v.option,
                "count": v.count,
                "subject": v.subject,
                "text": v.text,
                "motion": v.motion,
            }
            for i, v in enumerate(item.votes)
        ]
        motions = item.decision.motions if item.decision else []
        motion_rows += [
            {"item_seq": seq, "position": i, "kind": m.kind, "result": m.result, "text": m.text}
            for i, m in enumerate(motions)
        ]
        mover_rows += [
            {"item_seq": seq, "position": i, "party": party}
            for i, m in enumerate(motions)
            for party in dict.fromkeys(m.moved_by_parties)
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
        (schema.motions, motion_rows),
        (schema.motion_parties, mover_rows),
        (schema.item_references, reference_rows),
        (schema.consultations, consultation_rows),
    ):
        if rows:
            connection.execute(insert(table), rows)
    if vote_rows:
        _store_votes(connection, vote_rows, [v for item in agenda for v in item.votes], people)
    return [
        indexed_item(seq, item, row["facet_group"], row["date"], analyses)
        for seq, item, row in zip(seqs, agenda, item_rows, strict=True)
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
