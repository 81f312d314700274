"""Open the database named by a path or URL: SQLite by default, PostgreSQL for shared use."""

from __future__ import annotations

import os
import sqlite3
import time
from typing import Any

from sqlalchemy import Engine, create_engine, event

from referat.settings import DATABASE_ENV, DEFAULT_DATABASE, POSTGRES_SESSION_OPTIONS, WRITER_WAIT_NOTICE_SECONDS
from referat.store.migrations import is_upgrade, migrate
from referat.store.reindex import Progress
from referat.store.writer import POLL_SECONDS, WaitNotice, sqlite_busy, write_transaction


def database_url(db: str | None = None) -> str:
    """`--db`, else $REFERAT_DB, else ./referat.sqlite; a plain path means a SQLite file."""
    value = db or os.environ.get(DATABASE_ENV) or DEFAULT_DATABASE
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        return value
    return f"sqlite:///{value}"


def open_database(
    db: str | None = None, on_wait: WaitNotice | None = None, on_progress: Progress | None = None
) -> Engine:
    """An engine with the schema migrated to the current version; `on_wait` hears if another process
    is writing (migrating) and this one waits for it (store/writer.py), `on_progress` how far an
    upgrade that indexes every item again has got (store/reindex.py)."""
    url = database_url(db)
    options = {"connect_args": {"options": POSTGRES_SESSION_OPTIONS}} if url.startswith("postgresql") else {}
    engine = create_engine(url, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", sqlite_pragmas)
    upgrade = is_upgrade(engine)
    migrate(engine, on_wait, on_progress)
    if upgrade:
        optimize(engine)  # migrating may have indexed every item again: searches should be fast at once
    return engine


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def sqlite_pragmas(connection: Any, _record: Any = None) -> None:
    """What every connection to a SQLite file sets first (the engine's "connect" event)."""
    # Cascading deletes replace a meeting in one statement; WAL lets readers in while ingesting.
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    _use_wal(cursor)
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _use_wal(cursor: Any) -> None:
    """Switch the file to WAL. Two processes opening a new file at the same moment both switch it, and
    SQLite refuses one of them at once, without waiting (busy): it tries again, and the file is WAL by then."""
    deadline = time.monotonic() + WRITER_WAIT_NOTICE_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not sqlite_busy(exc) or time.monotonic() > deadline:
                raise
            time.sleep(POLL_SECONDS)


def optimize(engine: Engine) -> None:
    """Tidy up after a bulk load so searches are fast at once, instead of after autovacuum's next round.

    PostgreSQL: VACUUM ANALYZE (index-only scans need the visibility map, the planner fresh
    statistics). SQLite: merge the FTS5 index segments into one and refresh the planner's statistics.
    """
    if is_postgres(engine):
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
        return
    with write_transaction(engine) as connection:
        connection.exec_driver_sql("INSERT INTO item_fts(item_fts) VALUES ('optimize')")
        connection.exec_driver_sql("PRAGMA optimize")
