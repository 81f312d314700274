"""Two writers at once on one database (a cron job overlapping a manual run), as real processes.

Each test starts two `referat` processes on a new database of each backend and checks what both
report and what the database holds afterwards against one process's ingest of the same documents.
"""

from __future__ import annotations

import multiprocessing
import re
import select as select_module
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from referat.cli.common import STATUS_LABELS
from referat.generate.minutes import write_corpus
from referat.sources.files import find_documents, read_file
from referat.store import schema
from referat.store.db import open_database, sqlite_pragmas
from referat.store.ingest import STATUSES, ingest
from referat.store.migrations import MIGRATIONS
from referat.store.writer import WAITING, write_transaction
from tests.conftest import new_database

MEETINGS = 80
SUMMARY = re.compile(r"^(\d+) dokument(?:er)?: (.*)$", re.MULTILINE)  # "80 dokumenter: 41 gemt, 39 uændret"
# Both children wait for the same moment before they open the database, so that they meet in the migrations.
OPEN_AT = "import sys, time; time.sleep(max(0.0, float(sys.argv[2]) - time.time())); "


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(MEETINGS, folder, seed=23)
    return folder


@pytest.fixture(scope="module")
def expected(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What one process alone stores of the corpus."""
    engine = open_database(str(tmp_path_factory.mktemp("alone") / "referat.sqlite"))
    for path in find_documents(corpus):
        assert ingest(engine, read_file(path)).status == "stored"
    contents = stored(engine_url=None, engine=engine)
    engine.dispose()
    return contents


def stored(engine_url: str | None, engine: Any = None) -> dict[str, Any]:
    """The rows that say which document went where: documents, meetings with their item counts, failures."""
    engine = engine or open_database(engine_url)
    documents, items = schema.documents, schema.items
    with engine.connect() as connection:
        contents = {
            "documents": sorted(
                connection.execute(
                    select(documents.c.sha256, documents.c.meeting_id, documents.c.role, documents.c.item_count)
                ).all()
            ),
            "items": sorted(
                connection.execute(select(items.c.meeting_id, func.count()).group_by(items.c.meeting_id)).all()
            ),
            "failures": connection.scalar(select(func.count()).select_from(schema.ingest_failures)),
        }
    if engine_url is not None:
        engine.dispose()
    return contents


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8"
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=600)
    return process.returncode, out, err


def counts(stdout: str) -> dict[str, int]:
    """The ingest summary as numbers per status, 0 for a status not named."""
    found = SUMMARY.search(stdout)
    assert found is not None, stdout
    named = dict(part.split(" ")[::-1] for part in found[2].split(", "))
    assert set(named) <= set(STATUS_LABELS.values()), found[0]
    return {"documents": int(found[1]), **{s: int(named.get(STATUS_LABELS[s], 0)) for s in STATUSES}}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_ingests_at_once_store_every_document_once(
    backend: str, corpus: Path, expected: dict[str, Any], tmp_path: Path
) -> None:
    with new_database(backend, tmp_path) as url:
        first, second = (start("-m", "referat", "ingest", str(corpus), "--db", url) for _ in range(2))
        results = [finish(first), finish(second)]
        for returncode, out, err in results:
            assert returncode == 0, out + err[-3000:]
        reports = [counts(out) for _, out, _ in results]
        for report in reports:
            assert report["documents"] == report["stored"] + report["unchanged"] == MEETINGS, report
        # Each document was stored by one of them and found unchanged by the other.
        assert reports[0]["stored"] + reports[1]["stored"] == MEETINGS, reports
        assert stored(url) == expected
        returncode, out, _ = finish(start("-m", "referat", "ingest", str(corpus), "--db", url))
        assert (returncode, counts(out)["unchanged"]) == (0, MEETINGS)
        assert stored(url) == expected


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migrations_started_twice_at_once(backend: str, tmp_path: Path) -> None:
    for round_ in range(5):
        folder = tmp_path / str(round_)
        folder.mkdir()
        with new_database(backend, folder) as url:
            at = str(time.time() + 2.0)
            code = OPEN_AT + "from referat.store.db import open_database; open_database(sys.argv[1])"
            processes = [start("-c", code, url, at) for _ in range(2)]
            for returncode, out, err in map(finish, processes):
                assert returncode == 0, out + err[-3000:]
            engine = open_database(url)
            with engine.connect() as connection:
                versions = list(connection.scalars(select(schema.schema_migrations.c.version)))
            engine.dispose()
            assert sorted(versions) == list(range(1, len(MIGRATIONS) + 1))


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_writer_that_waits_says_so_and_goes_on(backend: str, corpus: Path, tmp_path: Path) -> None:
    """While this process holds the writer lock, an ingest says it is waiting; released, it stores."""
    document = next(iter(find_documents(corpus)))
    with new_database(backend, tmp_path) as url:
        engine = open_database(url)
        with write_transaction(engine):
            child = start("-m", "referat", "ingest", str(document), "--db", url)
            assert child.stderr is not None
            # A guard against hanging if the notice never comes, not a measure of how soon it comes.
            assert select_module.select([child.stderr], [], [], 300)[0], "no notice while waiting"
            notice = child.stderr.readline()
        returncode, out, err = finish(child)
        engine.dispose()
        assert notice.strip() == WAITING
        assert returncode == 0, out + err
        assert counts(out)["stored"] == 1


def connect_together(path: str, barrier: Any) -> None:
    barrier.wait()
    connection = sqlite3.connect(path)
    sqlite_pragmas(connection)
    connection.close()


def test_two_processes_connecting_to_a_new_sqlite_file_at_the_same_moment_both_connect(tmp_path: Path) -> None:
    """Both switch the new file to WAL, and SQLite refused one of them without waiting: 6 to 10 rounds
    in 100 failed so (as two `referat ingest` into a new file at once now and then did)."""
    fork = multiprocessing.get_context("fork")
    for round_ in range(100):
        barrier = fork.Barrier(2)
        path = str(tmp_path / f"{round_}.sqlite")
        processes = [fork.Process(target=connect_together, args=(path, barrier)) for _ in range(2)]
        for process in processes:
            process.start()
        for process in processes:
            process.join(timeout=60)
        assert [process.exitcode for process in processes] == [0, 0], f"round {round_}"
