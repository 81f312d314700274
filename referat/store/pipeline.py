"""Ingest a batch of documents, parsed side by side in worker processes while one writer stores them.

Parsing a document and analysing its items for the search index is most of the work of ingesting
it (docs/search.md), and needs no database (store/prepare.py); writes take turns anyway
(store/writer.py). With `workers` > 1 this process reads each document and asks the database whether
it holds it already (cheap), hands the others to a pool of worker processes, and stores each in one
transaction as soon as it is parsed, in the order they finish. At most AHEAD_PER_WORKER documents per
worker are handed out ahead of the writer, so memory stays bounded however large the batch.

Worker processes ignore Ctrl-C (SIGINT reaches the whole process group on a terminal): the
interrupt is this process's, which rolls back the document it is writing, if any, cancels what
the workers have not begun, and waits for the few they are parsing, so that no process outlives it.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from referat.errors import ReferatError
from referat.settings import MAX_DOCUMENT_BYTES
from referat.sources import RawDocument, read_source
from referat.store.ingest import IngestOutcome, before_parsing, ingest, record_failure, store_prepared
from referat.store.prepare import Prepared, prepare
from referat.store.writer import WaitNotice, interrupt_behind

AHEAD_PER_WORKER = 2  # one being parsed and one waiting keeps a worker busy while the writer stores
# A document's location and its municipality (None: as its text says, or `--body`).
Source = tuple[str, str | None]


class IngestStopped(Exception):
    """The database failed while `uri` was being stored (server gone, disk full, the writer lock not
    had): no later document can be stored. Every document before it is stored whole."""

    def __init__(self, uri: str, error: SQLAlchemyError) -> None:
        super().__init__(f"{uri}: {error}")
        self.uri = uri
        self.error = error


def ingest_all(
    engine: Engine,
    sources: Iterable[Source],
    reread: bool = False,
    workers: int = 1,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    on_wait: WaitNotice | None = None,
) -> Generator[IngestOutcome]:
    """Ingest documents (store/ingest.py), yielding each outcome as its document is done; a document
    that cannot be read is a failure like one that cannot be parsed. `workers` > 1 parses them in that
    many processes (the module's docstring); a script that asks for them runs its own work under
    `if __name__ == "__main__":`, as each worker imports it. Raises IngestStopped when the database fails."""
    if workers <= 1:
        for location, body in sources:
            with _stop_on_database_failure(location):
                raw = _read(engine, location, max_bytes, on_wait)
                outcome = raw if isinstance(raw, IngestOutcome) else ingest(engine, raw, body, reread, on_wait)
            yield outcome
        return
    yield from _in_pool(engine, sources, reread, workers, max_bytes, on_wait)


def _in_pool(
    engine: Engine, sources: Iterable[Source], reread: bool, workers: int, max_bytes: int, on_wait: WaitNotice | None
) -> Iterator[IngestOutcome]:
    # New interpreters, not forks: this process has threads by now (a progress bar's), and a fork copies
    # whatever locks they hold. Each imports the parser once (about half a second).
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context)
    pending: dict[Future[Prepared], tuple[str, bool]] = {}  # -> the location, and whether it is a reread
    try:
        for location, body in sources:
            with _stop_on_database_failure(location):
                to_parse = _to_parse(engine, location, reread, max_bytes, on_wait)
            if isinstance(to_parse, IngestOutcome):
                yield to_parse
                continue
            raw, rereading = to_parse
            pending[_submit(pool, raw, body)] = (location, rereading)
            if len(pending) >= workers * AHEAD_PER_WORKER:
                yield from _store_finished(engine, pending, on_wait)
        while pending:
            yield from _store_finished(engine, pending, on_wait)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _store_finished(
    engine: Engine, pending: dict[Future[Prepared], tuple[str, bool]], on_wait: WaitNotice | None
) -> Iterator[IngestOutcome]:
    """Wait for at least one document to be parsed, and store every one that is."""
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    for future in done:
        location, rereading = pending.pop(future)
        with _stop_on_database_failure(location):
            outcome = store_prepared(engine, future.result(), rereading, on_wait)
        yield outcome


def _read(engine: Engine, location: str, max_bytes: int, on_wait: WaitNotice | None) -> RawDocument | IngestOutcome:
    """The document's bytes, or its failure recorded when they cannot be read."""
    try:
        return read_source(location, max_bytes)
    except ReferatError as exc:
        return record_failure(engine, location, None, exc.reason, on_wait)


def _to_parse(
    engine: Engine, location: str, reread: bool, max_bytes: int, on_wait: WaitNotice | None
) -> IngestOutcome | tuple[RawDocument, bool]:
    """A document to parse, and whether that is a reread; its outcome when there is nothing to parse."""
    raw = _read(engine, location, max_bytes, on_wait)
    if isinstance(raw, IngestOutcome):
        return raw
    known = before_parsing(engine, raw, reread, on_wait)
    return known if isinstance(known, IngestOutcome) else (raw, known)


@contextmanager
def _stop_on_database_failure(uri: str) -> Iterator[None]:
    """The database's failure while a document is handled, as IngestStopped naming the document."""
    try:
        yield
    except SQLAlchemyError as exc:
        if (interrupt := interrupt_behind(exc)) is not None:
            raise interrupt from None
        raise IngestStopped(uri, exc) from exc


def _submit(pool: ProcessPoolExecutor, raw: RawDocument, body: str | None) -> Future[Prepared]:
    """Hand a document to the pool. SIGINT is blocked meanwhile, so a worker the pool starts for it
    is born with SIGINT blocked (a new program keeps the signal mask) and never sees Ctrl-C, even
    while it starts up; in this process the signal only waits until it is unblocked, and is not lost."""
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return pool.submit(prepare, raw, body)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
