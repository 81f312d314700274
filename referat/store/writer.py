"""One writer at a time: every transaction that writes to the store first takes the database's writer lock.

Two processes writing at once (a cron job overlapping a manual run) each decided from what they had
read before the other committed, and then collided on the rows the other had just written. Holding
the lock from the start of the transaction, a writer reads what every earlier writer committed, so
"stored meanwhile by another process" is simply "unchanged". SQLite: BEGIN IMMEDIATE takes SQLite's
own write lock at the start instead of at the first write. PostgreSQL: a transaction-level advisory
lock, one per database. Readers are never blocked on either backend; documents are still read and
parsed side by side, only their writes take turns.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from referat.settings import WRITER_WAIT_LIMIT_SECONDS, WRITER_WAIT_NOTICE_SECONDS

# The advisory lock's key; migrations have taken this key since the first release, so an older
# version's migration and this version's writes exclude each other too.
POSTGRES_WRITER_LOCK = 4711
SQLITE_BUSY_TIMEOUT_MS = 5000  # the sqlite3 module's default, restored once the lock is held
POLL_SECONDS = 0.05
# The notice a person reads (the command line speaks Danish); the error stays English, as the store's
# other reasons do.
WAITING = "en anden proces skriver i databasen (en indlæsning eller en opgradering); venter, til den er færdig"
GAVE_UP = f"another process has been writing to the database for over {WRITER_WAIT_LIMIT_SECONDS:.0f} s; gave up"

WaitNotice = Callable[[str], None]
logger = logging.getLogger("referat.store")


class WriterLockTimeout(SQLAlchemyError):
    """Another writer held the lock longer than WRITER_WAIT_LIMIT_SECONDS: the database is busy, not the
    document bad, so it is not recorded as the document's failure."""


def log_wait(message: str) -> None:
    """The default notice: a warning on the "referat.store" logger (printed to stderr when the program
    configures no logging)."""
    logger.warning(message)


@contextmanager
def write_transaction(engine: Engine, on_wait: WaitNotice | None = None) -> Iterator[Connection]:
    """A transaction holding the writer lock; `on_wait` hears once if the lock is not free within a moment."""
    with engine.begin() as connection:
        take_writer_lock(connection, on_wait or log_wait)
        yield connection


def take_writer_lock(connection: Connection, on_wait: WaitNotice) -> None:
    """Take the lock as the transaction's first statement, so that everything it reads is current."""
    if connection.dialect.name == "postgresql":
        _take_advisory_lock(connection, on_wait)
    else:
        _begin_immediate(connection, on_wait)


def _take_advisory_lock(connection: Connection, on_wait: WaitNotice) -> None:
    attempt = text("SELECT pg_try_advisory_xact_lock(:key)").bindparams(key=POSTGRES_WRITER_LOCK)
    deadline = time.monotonic() + WRITER_WAIT_NOTICE_SECONDS
    while not connection.scalar(attempt):
        if time.monotonic() > deadline:
            on_wait(WAITING)
            connection.execute(text(f"SET LOCAL lock_timeout = '{WRITER_WAIT_LIMIT_SECONDS:.0f}s'"))
            try:
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": POSTGRES_WRITER_LOCK})
            except OperationalError as exc:
                if getattr(exc.orig, "sqlstate", None) == "55P03":  # lock_not_available
                    raise WriterLockTimeout(GAVE_UP) from exc
                raise
            connection.execute(text("SET LOCAL lock_timeout TO DEFAULT"))
            return
        time.sleep(POLL_SECONDS)


def _begin_immediate(connection: Connection, on_wait: WaitNotice) -> None:
    # The sqlite3 module begins a transaction only before the first INSERT, UPDATE or DELETE; an
    # explicit BEGIN IMMEDIATE begins it now, with the write lock (waiting up to busy_timeout for it).
    try:
        _set_busy_timeout(connection, WRITER_WAIT_NOTICE_SECONDS)
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    except OperationalError as exc:
        if not _busy(exc):
            raise
        on_wait(WAITING)
        _set_busy_timeout(connection, WRITER_WAIT_LIMIT_SECONDS)
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except OperationalError as again:
            if _busy(again):
                raise WriterLockTimeout(GAVE_UP) from again
            raise
    finally:
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")


def _set_busy_timeout(connection: Connection, seconds: float) -> None:
    connection.exec_driver_sql(f"PRAGMA busy_timeout = {seconds * 1000:.0f}")


def _busy(exc: OperationalError) -> bool:
    return sqlite_busy(exc.orig)


def sqlite_busy(error: BaseException | None) -> bool:
    """SQLITE_BUSY, or one of its extended codes (SQLITE_BUSY_RECOVERY, _SNAPSHOT, _TIMEOUT) that the
    sqlite3 module reports since Python 3.11."""
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF == sqlite3.SQLITE_BUSY


def interrupt_behind(error: BaseException) -> BaseException | None:
    """The Ctrl-C (or exit) behind a database error, if any. An interrupt during a write leaves the
    connection unusable, and rolling the transaction back then raises an error of its own: that is the
    interrupt, not a document the database refused, so it must stop the batch, not be recorded."""
    seen: BaseException | None = error
    while seen is not None:
        if not isinstance(seen, Exception):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None
