"""Schema changes as numbered functions, applied in order and recorded in `schema_migrations`.

A new change is a new function appended to MIGRATIONS; a released one is never edited.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, bindparam, inspect, select, text, update

from referat.store import schema
from referat.store.facets import regroup_all
from referat.store.ids import case_key
from referat.store.reindex import REINDEX_PROGRESS, Progress, reindex_all
from referat.store.writer import WaitNotice, write_transaction

Migration = Callable[[Connection], None]
CASE_KEY_BATCH = 5000  # items given their case key per statement


def _create_tables(connection: Connection) -> None:
    """1: every table of the model."""
    tables = [table for table in schema.metadata.sorted_tables if table.name != "schema_migrations"]
    schema.metadata.create_all(connection, tables=tables)


def _create_search_index(connection: Connection) -> None:
    """2: the full-text index: FTS5 tables on SQLite; tsvector and trigram indexes on PostgreSQL."""
    if connection.dialect.name == "sqlite":
        # Stems are indexed as written: remove_diacritics 0 keeps "å", "æ" and "ø" distinct letters.
        # A contentless table would be smaller, but deleting from one needs SQLite 3.43 (Debian 12 has 3.40).
        connection.execute(
            text(
                "CREATE VIRTUAL TABLE item_fts USING fts5(title, decision, body, "
                "tokenize='unicode61 remove_diacritics 0')"
            )
        )
        # The vocabulary's trigram index, kept in step with search_terms by a trigger.
        connection.execute(
            text(
                "CREATE VIRTUAL TABLE search_terms_trigram USING fts5(term, content='search_terms', "
                "content_rowid='rowid', tokenize='trigram')"
            )
        )
        connection.execute(
            text(
                "CREATE TRIGGER search_terms_ai AFTER INSERT ON search_terms BEGIN "
                "INSERT INTO search_terms_trigram(rowid, term) VALUES (new.rowid, new.term); END"
            )
        )
    else:
        connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        connection.execute(text("CREATE TABLE item_search (item_seq INTEGER PRIMARY KEY, vector TSVECTOR NOT NULL)"))
        connection.execute(
            text("ALTER TABLE item_search ADD FOREIGN KEY (item_seq) REFERENCES items (seq) ON DELETE CASCADE")
        )
        connection.execute(text("CREATE INDEX ix_item_search_vector ON item_search USING GIN (vector)"))
        connection.execute(text("CREATE INDEX ix_search_terms_trgm ON search_terms USING GIN (term gin_trgm_ops)"))


def _create_outcome_indexes(connection: Connection) -> None:
    """3: one partial index per outcome, for filtering by a rare outcome ("rejected") without a scan."""
    for outcome in ("approved", "recommended", "noted", "discussed", "postponed", "rejected", "lapsed", "chosen"):
        _create_outcome_index(connection, outcome)
    _create_outcome_index(connection, "other")


def _create_new_outcome_indexes(connection: Connection) -> None:
    """4: the same for the outcomes added with the FirstAgenda corpus."""
    for outcome in ("referred", "withdrawn", "nothing", "held", "answered", "no_position", "requested"):
        _create_outcome_index(connection, outcome)


def _create_outcome_index(connection: Connection, outcome: str) -> None:
    connection.execute(
        text(f"CREATE INDEX ix_items_outcome_{outcome} ON items (date) WHERE outcomes LIKE '%{outcome}%'")
    )


def _record_item_sources(connection: Connection) -> None:
    """5: which document each item came from, and each document's role and kind, so that a
    document is "unchanged" only while its meeting still holds its items (a database made before
    has them from migration 1 already, as that creates the tables as they are now)."""
    columns = {
        (table, column["name"]) for table in ("documents", "items") for column in inspect(connection).get_columns(table)
    }
    for table, column, kind in (
        ("documents", "role", "VARCHAR(16) NOT NULL DEFAULT 'meeting'"),
        ("documents", "kind", "VARCHAR(16)"),
        ("documents", "item_count", "INTEGER"),
        ("items", "document_sha", "VARCHAR(64)"),
    ):
        if (table, column) not in columns:
            connection.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {kind}"))
    connection.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_uri ON documents (uri)"))
    # Meetings stored from one document: every item is that document's.
    single = "SELECT meeting_id FROM documents GROUP BY meeting_id HAVING COUNT(*) = 1"
    connection.execute(
        text(
            "UPDATE items SET document_sha = (SELECT sha256 FROM documents d WHERE d.meeting_id = items.meeting_id) "
            f"WHERE document_sha IS NULL AND meeting_id IN ({single})"
        )
    )
    connection.execute(
        text(
            "UPDATE documents SET kind = (SELECT kind FROM meetings m WHERE m.id = documents.meeting_id), "
            "item_count = (SELECT COUNT(*) FROM items i WHERE i.document_sha = documents.sha256) "
            f"WHERE kind IS NULL AND meeting_id IN ({single})"
        )
    )


def _create_cancelled_index(connection: Connection) -> None:
    """6: the partial index for the outcome added with the layout zoo (a meeting that was cancelled)."""
    _create_outcome_index(connection, "cancelled")


def _add_reading_reports(connection: Connection) -> None:
    """7: each meeting's reading report, for the coverage report (filled as documents are stored)."""
    if "report" not in {column["name"] for column in inspect(connection).get_columns("meetings")}:
        connection.execute(text("ALTER TABLE meetings ADD COLUMN report TEXT"))


def _add_motions(connection: Connection) -> None:
    """8: vote events (motions) and which motion each vote decided. Documents stored before have
    none until they are read again (`referat ingest --reread`)."""
    if "motion" not in {column["name"] for column in inspect(connection).get_columns("votes")}:
        connection.execute(text("ALTER TABLE votes ADD COLUMN motion INTEGER"))
    schema.metadata.create_all(connection, tables=[schema.motions, schema.motion_parties])


def _index_vocabulary_forms(connection: Connection) -> None:
    """10: the vocabulary by form, so that a compound's parts are looked up as words or as forms of
    words ("vejleder" by "vejledere") without a scan."""
    connection.execute(text("CREATE INDEX IF NOT EXISTS ix_search_terms_stem ON search_terms (stem)"))


def _add_field_vectors(connection: Connection) -> None:
    """12: on PostgreSQL, the title's and the decision's own vectors with GIN indexes, so that a search
    tier ("every word in the title") is found by an index, and each item's facet group and date, so that
    facets are counted and tiers ranked from the index alone; filled by the next migration."""
    if connection.dialect.name != "postgresql":
        return  # FTS5 finds a column's matches in its own index
    connection.execute(
        text(
            "ALTER TABLE item_search ADD COLUMN IF NOT EXISTS title_vector TSVECTOR, "
            "ADD COLUMN IF NOT EXISTS decision_vector TSVECTOR, ADD COLUMN IF NOT EXISTS facet_group INTEGER, "
            "ADD COLUMN IF NOT EXISTS date VARCHAR(10)"
        )
    )
    for column in ("title_vector", "decision_vector"):
        connection.execute(
            text(f"CREATE INDEX IF NOT EXISTS ix_item_search_{column} ON item_search USING GIN ({column})")
        )


def _superseded(connection: Connection) -> None:
    """9 and 13 indexed every item again with the word forms of their day; 14 does it again with today's
    forms and columns, so 9 and 13 do nothing now: they would write the columns that 12 and 14 add."""


def _add_facet_groups(connection: Connection) -> None:
    """11: each item's facet group (store/facets.py), so that a search counts its facets by one integer."""
    if "facet_group" not in {column["name"] for column in inspect(connection).get_columns("items")}:
        connection.execute(text("ALTER TABLE items ADD COLUMN facet_group INTEGER"))
    schema.metadata.create_all(connection, tables=[schema.facet_groups])
    connection.execute(text("CREATE INDEX IF NOT EXISTS ix_items_seq_facet_group ON items (seq, facet_group)"))
    regroup_all(connection)


def _mark_streets(connection: Connection) -> None:
    """14: the vocabulary marks streets' names ("Skolevænget 7"). It indexed every item again too, for
    the "-er" forms of its day ("iværksætter" apart from "iværksætte"); 15 does that with today's forms."""
    if "street" not in {column["name"] for column in inspect(connection).get_columns("search_terms")}:
        connection.execute(text("ALTER TABLE search_terms ADD COLUMN street BOOLEAN NOT NULL DEFAULT FALSE"))


def _reindex_committees_and_abbreviations(connection: Connection) -> None:
    """15: every stored item indexed again with today's word forms: a committee's coordinated name
    ("Skole-, Børne- og Ungeudvalget") is the committees it names, not "skole" (store/analysis.py);
    and the abbreviations the minutes define ("Pædagogisk Psykologisk Rådgivning (PPR)") are learned,
    so that a query for "PPR" finds the name written out."""
    schema.abbreviations.create(connection, checkfirst=True)
    reindex_all(connection)


def _count_item_forms(connection: Connection) -> None:
    """16: how many items hold each indexed form, counted once from the index as it is; from here on
    the index keeps the counts as items come and go (store/feedback.py finds related items by them)."""
    schema.form_counts.create(connection, checkfirst=True)
    connection.execute(text("DELETE FROM form_counts"))  # 15 may have counted them already, indexing every item
    if connection.dialect.name == "sqlite":
        connection.execute(text("CREATE VIRTUAL TABLE temp.item_fts_rows USING fts5vocab(main, item_fts, 'row')"))
        connection.execute(text("INSERT INTO form_counts(form, items) SELECT term, doc FROM temp.item_fts_rows"))
        connection.execute(text("DROP TABLE temp.item_fts_rows"))
    else:
        connection.execute(
            text(
                "INSERT INTO form_counts(form, items) SELECT word, ndoc FROM ts_stat('SELECT vector FROM item_search')"
            )
        )


def _add_case_keys(connection: Connection) -> None:
    """17: each item's case key (store/ids.py `case_key`), indexed, so that a search page finds the
    other treatments of its hits' cases without reading its other matches."""
    if "case_key" not in {column["name"] for column in inspect(connection).get_columns("items")}:
        connection.execute(text("ALTER TABLE items ADD COLUMN case_key VARCHAR(16)"))
    connection.execute(text("CREATE INDEX IF NOT EXISTS ix_items_case_key ON items (case_key)"))
    items = schema.items
    last = -1
    while rows := connection.execute(
        select(items.c.seq, items.c.body, items.c.case_number, items.c.title)
        .where(items.c.seq > last)
        .order_by(items.c.seq)
        .limit(CASE_KEY_BATCH)
    ).all():
        connection.execute(
            update(items).where(items.c.seq == bindparam("row_seq")).values(case_key=bindparam("key")),
            [{"row_seq": row.seq, "key": case_key(row.body, row.case_number, row.title)} for row in rows],
        )
        last = rows[-1].seq


MIGRATIONS: list[tuple[str, Migration]] = [
    ("create tables", _create_tables),
    ("create search index", _create_search_index),
    ("create outcome indexes", _create_outcome_indexes),
    ("create indexes for new outcomes", _create_new_outcome_indexes),
    ("record each item's document", _record_item_sources),
    ("create the index for cancelled items", _create_cancelled_index),
    ("add reading reports to meetings", _add_reading_reports),
    ("add motions", _add_motions),
    ("index word forms on both backends", _superseded),
    ("index the vocabulary by form", _index_vocabulary_forms),
    ("add facet groups", _add_facet_groups),
    ("give the title and the decision vectors of their own", _add_field_vectors),
    ("index every item with today's word forms", _superseded),
    ("index agent nouns apart from their verbs, and streets' names", _mark_streets),
    ("index committees' names as committees; learn defined abbreviations", _reindex_committees_and_abbreviations),
    ("count the items that hold each form", _count_item_forms),
    ("add each item's case key", _add_case_keys),
]


def migrate(engine: Engine, on_wait: WaitNotice | None = None, on_progress: Progress | None = None) -> int:
    """Apply the migrations not yet applied; returns the schema version.

    Processes may start at once on a new or an old database: one migrates, holding the writer lock
    (store/writer.py), and the others wait for it, then find nothing left to do. On SQLite too the
    migrations are one transaction, so a failed upgrade leaves the database as it was. `on_progress`
    hears how far a migration that indexes every item again has got."""
    with engine.connect() as connection:
        if _applied(connection) >= set(range(1, len(MIGRATIONS) + 1)):
            return len(MIGRATIONS)
    reporting = REINDEX_PROGRESS.set(on_progress)
    try:
        _migrate(engine, on_wait)
    finally:
        REINDEX_PROGRESS.reset(reporting)
    return len(MIGRATIONS)


def _migrate(engine: Engine, on_wait: WaitNotice | None) -> None:
    with write_transaction(engine, on_wait) as connection:
        if not inspect(connection).has_table("schema_migrations"):
            schema.schema_migrations.create(connection)
        applied = _applied(connection)
        for version, (name, migration) in enumerate(MIGRATIONS, start=1):
            if version in applied:
                continue
            migration(connection)
            connection.execute(
                schema.schema_migrations.insert().values(
                    version=version, name=name, applied_at=datetime.now(UTC).isoformat(timespec="seconds")
                )
            )


def is_upgrade(engine: Engine) -> bool:
    """Whether the database holds an older schema (some migrations applied, not all), which migrating
    may index every item again."""
    with engine.connect() as connection:
        return 0 < len(_applied(connection)) < len(MIGRATIONS)


def _applied(connection: Connection) -> set[int]:
    """The versions applied so far; none in a new database."""
    if not inspect(connection).has_table("schema_migrations"):
        return set()
    return set(connection.scalars(select(schema.schema_migrations.c.version)))
