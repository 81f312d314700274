"""Store, link and search: every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, func, select, text

from referat.generate.minutes import plan_meetings, write_corpus
from referat.sources.files import find_documents, read_file
from referat.sources.raw import RawDocument
from referat.store import schema
from referat.store.db import open_database
from referat.store.ingest import failures, ingest
from referat.store.migrations import MIGRATIONS
from referat.store.queries import case_timeline, export_items, get_item, get_meeting, person_records, statistics
from referat.store.search import Filters, search
from tests.conftest import EXAMPLES
from tests.helpers import refuse_item_3

GLADSAXE_2023 = EXAMPLES / "gladsaxe" / "2023-05-31-beskaeftigelses-og-integrationsudvalget.txt"


def count(engine: Engine, table: schema.Table) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(table)) or 0


def ingest_examples(engine: Engine) -> list[str]:
    return [ingest(engine, read_file(path)).status for path in find_documents(EXAMPLES)]


def test_ingesting_twice_stores_each_document_once(engine: Engine) -> None:
    assert ingest_examples(engine) == ["stored"] * 5
    items_after_first = count(engine, schema.items)
    assert ingest_examples(engine) == ["unchanged"] * 5
    assert (count(engine, schema.meetings), count(engine, schema.documents)) == (5, 5)
    assert count(engine, schema.items) == items_after_first == 52


def test_a_meeting_whose_items_hold_no_word_is_stored(engine: Engine) -> None:
    minutes = (
        "REFERAT Teknisk Udvalg d. 03-06-2024\n\nPunkt 1: ***\n\nBeslutning\n\n—\n\nPunkt 2: ?\n\nBeslutning\n\n?\n"
    )
    assert ingest(engine, RawDocument(uri="tegn.txt", data=minutes.encode())).status == "stored"
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(schema.items)).scalar_one() == 2


def test_migrations_are_recorded_once(database_url: str) -> None:
    open_database(database_url).dispose()
    engine = open_database(database_url)
    with engine.connect() as connection:
        versions = list(connection.scalars(select(schema.schema_migrations.c.version)))
    assert versions == list(range(1, len(MIGRATIONS) + 1))
    engine.dispose()


def test_search_understands_danish_compounds_and_stems(engine: Engine) -> None:
    ingest_examples(engine)
    result = search(engine, "indsats", limit=100)
    assert result.total >= 20
    assert any("<mark>beskæftigelsesindsatsen</mark>" in hit.snippet for hit in result.hits)
    assert search(engine, "ledighed").total > 0
    assert search(engine, "ledigheden").total == search(engine, "ledighed").total


def test_compound_found_on_generated_text(engine: Engine, tmp_path: Path) -> None:
    for path in write_corpus(10, tmp_path, seed=2):
        ingest(engine, read_file(path))
    hits = search(engine, "ledighed", limit=50).hits
    assert any("<mark>langtidsledigheden</mark>" in hit.snippet for hit in hits)


def test_all_words_required_and_phrases(engine: Engine) -> None:
    ingest_examples(engine)
    both = search(engine, "headspace ungerådgivning").total
    assert 0 < both <= search(engine, "headspace").total
    assert search(engine, "headspace zebrafinke").total == 0
    phrase = search(engine, '"Model 1"')
    assert phrase.total >= 1 and phrase.hits[0].title == "Modeller for borgerinddragelse på integrationsområdet"


def test_title_matches_rank_first(engine: Engine) -> None:
    ingest_examples(engine)
    assert search(engine, "Integrationsprisen").hits[0].title == "Indstillinger til Integrationsprisen 2023"


# Query strings that mean something to a search engine's own syntax, or to SQL.
HOSTILE_QUERIES = [
    '"',
    '"unclosed phrase',
    "*",
    "AND OR NOT",
    "NEAR(a b)",
    "a:b",
    "^x",
    "-",
    "%_",
    "'; DROP TABLE items; --",
    "🙂",
    "\\",
    "()",
]


def test_any_query_string_is_accepted(engine: Engine) -> None:
    ingest_examples(engine)
    for query in HOSTILE_QUERIES:
        assert search(engine, query).total >= 0, query
    assert count(engine, schema.items) == 52


def test_filters_and_facets(engine: Engine) -> None:
    ingest_examples(engine)
    committee = search(engine, "", Filters(organization="beskæftigelses- og integrationsudvalget 2022-2025"), limit=100)
    assert committee.total == 34
    assert {hit.organization for hit in committee.hits} == {"Beskæftigelses- og Integrationsudvalget"}
    assert dict(committee.facets["year"]) == {"2023": 15, "2024": 9, "2025": 10}
    assert sum(n for _, n in committee.facets["body"]) == committee.total
    lapsed = search(engine, "", Filters(outcome="lapsed"))
    assert [hit.title[:20] for hit in lapsed.hits] == ["Drøftelse - Danmarks"]
    closed = search(engine, "", Filters(public=False))
    assert {hit.title for hit in closed.hits} == {"Lukket: Mundtlige meddelelser"} and closed.total == 3
    dated = search(engine, "", Filters(date_from="2024-01-01", date_to="2024-12-31", body="lejre kommune"))
    assert dated.total == 6


def test_a_database_of_schema_8_is_migrated_to_today(engine: Engine) -> None:
    """A database as the last release left it (schema 8: no vocabulary index by form, no facet groups,
    no title and decision vectors) migrates, and then searches and counts as a new one does."""
    from referat.store.migrations import migrate

    ingest_examples(engine)
    queries = ("borgere", "ledighed", "", '"som led i"')
    before = [search(engine, query, limit=50) for query in queries]
    with engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_search_terms_stem"))
        connection.execute(text("DROP INDEX ix_items_seq_facet_group"))
        connection.execute(text("ALTER TABLE items DROP COLUMN facet_group"))
        connection.execute(text("DROP TABLE facet_groups"))
        if connection.dialect.name == "postgresql":
            for column in ("title_vector", "decision_vector", "facet_group", "date"):
                connection.execute(text(f"ALTER TABLE item_search DROP COLUMN {column}"))
        connection.execute(text("DELETE FROM schema_migrations WHERE version > 8"))
    assert migrate(engine) == len(MIGRATIONS)
    after = [search(engine, query, limit=50) for query in queries]
    for old, new in zip(before, after, strict=True):
        assert (new.total, new.facets, [hit.item_id for hit in new.hits]) == (
            old.total,
            old.facets,
            [hit.item_id for hit in old.hits],
        ), old.query
    assert before[0].total > 0 and dict(before[2].facets["public"]) == {"open": 49, "closed": 3}


def test_new_version_of_a_document_replaces_the_old_one(engine: Engine) -> None:
    original = GLADSAXE_2023.read_bytes()
    assert ingest(engine, RawDocument(uri="referat.txt", data=original)).status == "stored"
    changed = original.replace("Indstilling 1 vælges til Integrationsprisen 2023.".encode(), b"Sagen blev udsat.")
    outcome = ingest(engine, RawDocument(uri="referat.txt", data=changed))
    assert outcome.status == "replaced"
    assert (count(engine, schema.meetings), count(engine, schema.documents), count(engine, schema.items)) == (1, 1, 15)
    assert search(engine, "Integrationsprisen udsat").total == 1
    assert search(engine, '"Indstilling 1 vælges"').total == 0


def test_bad_document_in_a_batch_is_reported_and_stores_nothing(engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes(GLADSAXE_2023.read_bytes())
    (tmp_path / "corrupt.txt").write_bytes(b"\x00\xff\x13 not text \x00\x00")
    statuses = {p.name: ingest(engine, read_file(p)).status for p in find_documents(tmp_path)}
    assert statuses == {"corrupt.txt": "failed", "good.txt": "stored"}
    [(uri, reason, _)] = list(failures(engine))
    assert uri.endswith("corrupt.txt") and "binary data" in reason
    assert count(engine, schema.meetings) == 1


def test_a_database_error_mid_document_leaves_nothing_behind(engine: Engine) -> None:
    """A real constraint in the database stops the third item; the whole document is rolled back."""
    refuse_item_3(engine, True)
    outcome = ingest(engine, read_file(GLADSAXE_2023))
    assert outcome.status == "failed" and "the database refused it" in (outcome.reason or "")
    assert [count(engine, t) for t in (schema.meetings, schema.documents, schema.items, schema.votes)] == [0, 0, 0, 0]
    assert len(list(failures(engine))) == 1


def test_references_resolve_both_ways(engine: Engine) -> None:
    ingest_examples(engine)
    hit = search(engine, "Temadrøftelse om Integration").hits[0]
    view = get_item(engine, hit.item_id)
    [link] = [link for link in view.links if link.kind == "reference"]
    assert link.target is not None and link.target.title == "Modeller for borgerinddragelse på integrationsområdet"
    assert [ref.title for ref in view.referenced_by] == ["Modeller for borgerinddragelse på integrationsområdet"]
    unresolved = get_item(engine, search(engine, "Årsrapport Kontrolgruppen").hits[0].item_id).links
    assert unresolved[0].date == "2006-04-06" and unresolved[0].target is None


def test_meeting_round_trip(engine: Engine) -> None:
    ingest_examples(engine)
    hit = search(engine, "Integrationsprisen").hits[0]
    meeting_id, document, item_ids = get_meeting(engine, hit.meeting_id[:8])
    assert meeting_id == hit.meeting_id and len(item_ids) == len(document.agenda_items) == 15
    assert document.meeting.start == "2023-05-31T19:00"


def test_case_timeline_across_committees(engine: Engine, tmp_path: Path) -> None:
    for path in write_corpus(60, tmp_path, seed=4):
        ingest(engine, read_file(path))
    travelled = next(
        item
        for meeting in plan_meetings(60, seed=4)
        if meeting.organization == "Byrådet"
        for item in meeting.items
        if len(item.references) == 2
    )
    timeline = case_timeline(engine, travelled.case_number)
    assert [entry.organization for entry in timeline][-2:] == ["Økonomiudvalget", "Byrådet"]
    assert len(timeline) == 3
    assert [e.date for e in timeline] == sorted(e.date or "" for e in timeline)
    assert all(entry.target is not None for entry in timeline)


def test_people_are_linked_to_votes_and_attendance(engine: Engine) -> None:
    ingest_examples(engine)
    [record] = person_records(engine, "Damsgård")
    assert (record.name, record.party) in {("Susanne Damsgaard", "Æ"), ("Susanne Damsgaard", None)}
    assert [(vote.item.date, vote.option) for vote in record.votes] == [
        ("2023-05-31", "abstain"),
        ("2023-05-31", "abstain"),
        ("2025-02-05", "for"),
        ("2025-02-05", "against"),
    ]
    assert [(date, status) for date, _, status, _ in record.attendance] == [("2025-02-05", "present")]
    [skrald] = person_records(engine, "ole skrald")
    assert len(skrald.votes) == 2


def test_statistics_and_export(engine: Engine) -> None:
    ingest_examples(engine)
    numbers = statistics(engine)
    assert dict(numbers["meetings per municipality"]) == {
        "Gladsaxe Kommune": 3,
        "Hvidovre Kommune": 1,
        "Lejre Kommune": 1,
    }
    assert sum(n for _, n in numbers["items per year"]) == 52
    rows = export_items(engine, Filters(outcome="lapsed"))
    assert [(r["number"], r["outcomes"], [(v["option"], v["parties"]) for v in r["item"]["votes"]]) for r in rows] == [
        (5, ["recommended", "lapsed"], [("for", ["A", "C"]), ("against", ["F", "Ø"])])
    ]


def test_optimize_after_a_bulk_load_keeps_results(engine: Engine) -> None:
    from referat.store.db import optimize

    ingest_examples(engine)
    before = search(engine, "indsats", limit=100)
    optimize(engine)
    after = search(engine, "indsats", limit=100)
    assert (after.total, [h.item_id for h in after.hits]) == (before.total, [h.item_id for h in before.hits])
