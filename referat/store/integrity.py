"""Check that the database holds what each stored document gave: Engine -> IntegrityReport.

Every document row records its role and how many items it gives its meeting (store/ingest.py);
every item row the document it came from. A document whose meeting is gone, or holds fewer or more
of its items than it gave, is a problem; so is a meeting no document stands behind. Meetings kept
apart because two documents claimed the same items (store/merge.py) are listed as clashes for a
person to resolve: they are not errors, and nothing of either was lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, select

from referat.store import schema


@dataclass(frozen=True)
class IntegrityReport:
    documents: int
    meetings: int
    problems: list[str] = field(default_factory=list)
    clashes: list[str] = field(default_factory=list)


def check_integrity(engine: Engine) -> IntegrityReport:
    """Compare every document's record with the items its meeting holds."""
    documents, meetings, items = schema.documents, schema.meetings, schema.items
    with engine.connect() as connection:
        held = {
            (row.meeting_id, row.document_sha): row.n
            for row in connection.execute(
                select(items.c.meeting_id, items.c.document_sha, func.count().label("n")).group_by(
                    items.c.meeting_id, items.c.document_sha
                )
            )
        }
        meeting_rows = connection.execute(
            select(meetings.c.id, meetings.c.body, meetings.c.organization_key, meetings.c.start)
        ).all()
        document_rows = connection.execute(
            select(
                documents.c.sha256, documents.c.uri, documents.c.meeting_id, documents.c.role, documents.c.item_count
            ).order_by(documents.c.uri)
        ).all()
    meeting_ids = {row.id for row in meeting_rows}
    problems = []
    for doc in document_rows:
        if doc.meeting_id not in meeting_ids:
            problems.append(f"{doc.uri}: its meeting {doc.meeting_id} is not stored")
        elif doc.item_count is not None and doc.role != "superseded":
            found = held.get((doc.meeting_id, doc.sha256), 0)
            if found != doc.item_count:
                problems.append(
                    f"{doc.uri}: gave {doc.item_count} items to meeting {doc.meeting_id}, which holds {found} of them"
                )
    backed = {doc.meeting_id for doc in document_rows}
    problems += [
        f"meeting {row.id}: no stored document stands behind it" for row in meeting_rows if row.id not in backed
    ]
    return IntegrityReport(len(document_rows), len(meeting_rows), problems, _clashes(meeting_rows, document_rows))


def _clashes(meeting_rows: Sequence[Any], document_rows: Sequence[Any]) -> list[str]:
    """Meetings with the same municipality, committee and start, kept apart."""
    uris: dict[str, list[str]] = {}
    for doc in document_rows:
        uris.setdefault(doc.meeting_id, []).append(doc.uri)
    groups: dict[tuple[str, str, str], list[str]] = {}
    for row in meeting_rows:
        if row.body and row.organization_key and row.start:
            groups.setdefault((row.body.lower(), row.organization_key, row.start), []).append(row.id)
    return [
        f"{organization} {start} ({body}) is stored {len(ids)} times, from "
        + "; ".join(uri for mid in ids for uri in uris.get(mid, []))
        for (body, organization, start), ids in sorted(groups.items())
        if len(ids) > 1
    ]
