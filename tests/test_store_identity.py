"""Which documents are one meeting: nothing is lost or silently replaced, in any order (SQLite and PostgreSQL)."""

from __future__ import annotations

from itertools import permutations

import pytest
from sqlalchemy import Engine, func, select, text

from referat.sources.raw import RawDocument
from referat.store import schema
from referat.store.ingest import ingest
from referat.store.integrity import check_integrity
from referat.store.migrations import MIGRATIONS, migrate
from referat.store.queries import get_meeting


def minutes(kind: str, titles: list[str], decision: str = "Godkendt.", body: str = "") -> bytes:
    """A small document of Teknisk Udvalg on 3 February 2021 with the given items."""
    head = f"{kind} Teknisk Udvalg den 03-02-2021\n\n{body}\n\n"
    items = "".join(f"Punkt {n}: {title}\n\nBeslutning\n\n{decision}\n\n" for n, title in enumerate(titles, start=1))
    return (head + items).encode()


def titles_of(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return sorted(connection.scalars(select(schema.items.c.title)))


def count(engine: Engine, table: schema.Table) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(table)) or 0


def test_two_documents_without_a_municipality_keep_their_own_meetings(engine: Engine) -> None:
    """Same committee and date, no municipality named: they may be two municipalities' meetings."""
    first = RawDocument(uri="a/referat.txt", data=minutes("Referat", ["Vejplan", "Cykelsti"]))
    second = RawDocument(uri="b/referat.txt", data=minutes("Referat", ["Affaldsordning", "Parkering"]))
    assert [ingest(engine, raw).status for raw in (first, second)] == ["stored", "stored"]
    assert [ingest(engine, raw).status for raw in (first, second)] == ["unchanged", "unchanged"]
    assert count(engine, schema.meetings) == 2
    assert titles_of(engine) == ["Affaldsordning", "Cykelsti", "Parkering", "Vejplan"]
    assert check_integrity(engine).problems == []


NAMED = "Vejle Kommune nævnes her. Vejle Kommune igen."
CLASHING = {
    "ud.txt": minutes("Referat", ["Vejplan", "Cykelsti"], body=NAMED),
    "ud-rettet.txt": minutes("Referat", ["Vejplan", "Cykelsti"], "Udsat.", body=NAMED),
}


@pytest.mark.parametrize("order", list(permutations(CLASHING)))
def test_a_clash_is_kept_apart_and_reported_in_any_order(engine: Engine, order: tuple[str, str]) -> None:
    """Two different documents claim items 1 and 2 of the same named meeting."""
    outcomes = [ingest(engine, RawDocument(uri=name, data=CLASHING[name])) for name in order]
    assert [o.status for o in outcomes] == ["stored", "stored"]
    assert outcomes[1].note and order[0] in outcomes[1].note
    assert [ingest(engine, RawDocument(uri=name, data=CLASHING[name])).status for name in order] == ["unchanged"] * 2
    assert count(engine, schema.items) == 4
    report = check_integrity(engine)
    assert report.problems == [] and len(report.clashes) == 1


AGENDA = RawDocument(uri="dagsorden.txt", data=minutes("Dagsorden", ["Vejplan", "Cykelsti"], "", body=NAMED))
MINUTES = RawDocument(uri="referat.txt", data=minutes("Referat", ["Vejplan", "Cykelsti"], body=NAMED))


@pytest.mark.parametrize(
    ("order", "statuses"), [((AGENDA, MINUTES), ["stored", "added"]), ((MINUTES, AGENDA), ["stored", "superseded"])]
)
def test_minutes_replace_the_agenda_in_either_order(
    engine: Engine, order: tuple[RawDocument, RawDocument], statuses: list[str]
) -> None:
    assert [ingest(engine, raw).status for raw in order] == statuses
    again = [ingest(engine, raw).status for raw in order]
    assert again == ["superseded" if raw is AGENDA else "unchanged" for raw in order]
    [mid] = list(_meeting_ids(engine))
    _, document, _ = get_meeting(engine, mid)
    assert document.meeting.kind == "minutes"
    got = [(item.title, item.decision.outcomes if item.decision else None) for item in document.agenda_items]
    assert got == [("Vejplan", ["approved"]), ("Cykelsti", ["approved"])]
    assert check_integrity(engine).problems == []


def test_a_supplementary_agenda_adds_its_items(engine: Engine) -> None:
    extra = f"Referat Teknisk Udvalg den 03-02-2021\n\n{NAMED}\n\nPunkt 3: Ekstra sag\n\nBeslutning\n\nGodkendt.\n"
    supplement = RawDocument(uri="tillaeg.txt", data=extra.encode())
    assert [ingest(engine, raw).status for raw in (MINUTES, supplement)] == ["stored", "added"]
    assert [ingest(engine, raw).status for raw in (MINUTES, supplement)] == ["unchanged", "unchanged"]
    assert titles_of(engine) == ["Cykelsti", "Ekstra sag", "Vejplan"]


def test_check_finds_a_document_whose_meeting_lost_its_items(engine: Engine) -> None:
    raw = RawDocument(uri="referat.txt", data=minutes("Referat", ["Vejplan", "Cykelsti"]))
    outcome = ingest(engine, raw)
    with engine.begin() as connection:
        # As the defect left it: an item of the meeting no longer counted as this document's.
        connection.execute(
            schema.items.update().where(schema.items.c.title == "Cykelsti").values(document_sha="0" * 64)
        )
    [problem] = check_integrity(engine).problems
    assert "referat.txt" in problem and "2 items" in problem and "holds 1" in problem
    # Re-ingesting is not "unchanged" while the stored facts are not the document's: it repairs them.
    assert ingest(engine, raw).status == "stored"
    assert titles_of(engine) == ["Cykelsti", "Vejplan"]
    assert outcome.meeting_id in _meeting_ids(engine)
    assert check_integrity(engine).problems == []


def _meeting_ids(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(connection.scalars(select(schema.meetings.c.id)))


def test_a_database_from_before_item_sources_is_migrated(engine: Engine) -> None:
    """Migration 5 on a database without the columns: it adds and fills them; nothing is re-stored."""
    outcome = ingest(engine, MINUTES)
    with engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_documents_uri"))
        for table, column in (("documents", "role"), ("documents", "kind"), ("documents", "item_count")):
            connection.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))
        connection.execute(text("ALTER TABLE items DROP COLUMN document_sha"))
        connection.execute(text("DELETE FROM schema_migrations WHERE version = 5"))
    assert migrate(engine) == len(MIGRATIONS)
    assert check_integrity(engine).problems == []
    assert ingest(engine, MINUTES).status == "unchanged"
    with engine.connect() as connection:
        row = connection.execute(select(schema.documents.c.role, schema.documents.c.item_count)).one()
    assert (row.role, row.item_count) == ("meeting", 2)
    assert outcome.meeting_id in _meeting_ids(engine)
