"""Ingest with worker processes (store/pipeline.py): real processes parse, this one writes, into a
real database of each backend; what they store is compared with what one process stores."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from referat.store.db import open_database
from referat.store.ingest import IngestOutcome
from referat.store.pipeline import IngestStopped, Source, ingest_all
from referat.store.queries import Filters, export_items
from tests.conftest import EXAMPLES, FIXTURES, new_database

# A FirstAgenda meeting cut in half: it is read, and fails in a worker; an empty file
# fails before a worker sees it; a text that holds no minutes fails in a worker.
TRUNCATED = "broken.json"
EMPTY = "empty.txt"
NO_MINUTES = "note.txt"
FAILED = {TRUNCATED: "malformed JSON", EMPTY: "the file is empty", NO_MINUTES: "no minutes found"}


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def sources(tmp_path: Path) -> list[Source]:
    """The examples and the Greve meetings, with the broken documents among them."""
    broken = tmp_path / "broken"
    broken.mkdir()
    greve = sorted((FIXTURES / "firstagenda").glob("*.json"))
    data = greve[0].read_bytes()
    (broken / TRUNCATED).write_bytes(data[: len(data) // 2])
    (broken / EMPTY).write_bytes(b"")
    (broken / NO_MINUTES).write_text("Husk at købe mælk.\n", encoding="utf-8")
    examples: list[Source] = [(str(path), None) for path in sorted(EXAMPLES.glob("*/*.txt"))]
    meetings: list[Source] = [(str(path), "Greve Kommune") for path in greve]
    failing: list[Source] = [(str(broken / name), "Greve Kommune") for name in FAILED]
    return examples[:2] + failing[:1] + meetings[:3] + failing[1:] + examples[2:] + meetings[3:]


def by_uri(outcomes: list[IngestOutcome]) -> dict[str, IngestOutcome]:
    return {outcome.uri: outcome for outcome in outcomes}


def stored(engine: Engine) -> dict[str, Any]:
    """Everything a document leaves in the database that ids of insertion order do not tell apart:
    items as exported, meetings, documents, failures, the search index of each item, its vocabulary."""
    if engine.dialect.name == "sqlite":
        index = "SELECT i.id, f.title, f.decision, f.body FROM item_fts f JOIN items i ON i.seq = f.rowid"
    else:
        index = (
            "SELECT i.id, s.vector::text, s.title_vector::text, s.decision_vector::text, s.date, g.key "
            "FROM item_search s JOIN items i ON i.seq = s.item_seq JOIN facet_groups g ON g.id = s.facet_group"
        )
    queries = {
        "meetings": "SELECT id, body, organization, kind, start, document, report FROM meetings",
        "documents": "SELECT sha256, uri, meeting_id, role, item_count, size FROM documents",
        "failures": "SELECT uri, sha256, reason FROM ingest_failures",
        "groups": "SELECT i.id, g.key FROM items i JOIN facet_groups g ON g.id = i.facet_group",
        "index": index,
        "vocabulary": "SELECT term, stem, street FROM search_terms",
        "abbreviations": "SELECT short, name FROM abbreviations",
        "people": "SELECT id, name, party FROM persons",
    }
    with engine.connect() as connection:
        contents: dict[str, Any] = {
            name: sorted(tuple(row) for row in connection.execute(text(query))) for name, query in queries.items()
        }
    contents["items"] = export_items(engine, Filters())
    return contents


def test_two_workers_store_what_one_process_stores(backend: str, sources: list[Source], tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    with new_database(backend, tmp_path / "one") as one_url, new_database(backend, tmp_path / "two") as two_url:
        one, two = open_database(one_url), open_database(two_url)
        alone = by_uri(list(ingest_all(one, sources)))
        together = by_uri(list(ingest_all(two, sources, workers=2)))
        assert together == alone
        failed = {Path(uri).name: outcome.reason for uri, outcome in together.items() if outcome.status == "failed"}
        assert set(failed) == set(FAILED)
        for name, reason in failed.items():
            assert reason is not None and reason.startswith(FAILED[name]), reason
        assert {o.status for o in together.values() if Path(o.uri).name not in FAILED} == {"stored"}
        expected = stored(one)
        assert stored(two) == expected
        # Nothing of a failed document is stored; each is recorded once, by its address.
        assert not {Path(row[1]).name for row in expected["documents"]} & set(FAILED)
        assert sorted(Path(row[0]).name for row in expected["failures"]) == sorted(FAILED)

        again = by_uri(list(ingest_all(two, sources, workers=2)))
        assert {uri: o.status for uri, o in again.items()} == {
            uri: "failed" if o.status == "failed" else "unchanged" for uri, o in together.items()
        }
        assert stored(two) == expected

        reread = by_uri(list(ingest_all(two, sources, reread=True, workers=2)))
        assert {o.status for o in reread.values() if o.status != "failed"} == {"reread"}
        assert stored(two) == expected
        one.dispose()
        two.dispose()


def test_as_many_documents_as_workers_and_fewer(tmp_path: Path) -> None:
    """No document is lost when the batch is smaller than the documents handed out ahead of the writer."""
    engine = open_database(str(tmp_path / "referat.sqlite"))
    greve = sorted((FIXTURES / "firstagenda").glob("*.json"))
    for count in (1, 2, 3):
        batch: list[Source] = [(str(path), "Greve Kommune") for path in greve[:count]]
        outcomes = list(ingest_all(engine, batch, workers=3))
        assert sorted(o.uri for o in outcomes) == sorted(uri for uri, _ in batch)
    engine.dispose()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_database_that_refuses_even_the_failure_stops_the_batch_naming_the_document(
    workers: int, tmp_path: Path
) -> None:
    engine = open_database(str(tmp_path / "referat.sqlite"))
    with engine.begin() as connection:
        for table in ("documents", "ingest_failures"):
            connection.execute(
                text(
                    f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} "
                    "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
                )
            )
    batch: list[Source] = [(str(path), "Greve Kommune") for path in sorted((FIXTURES / "firstagenda").glob("*.json"))]
    with pytest.raises(IngestStopped) as stopped:
        list(ingest_all(engine, batch, workers=workers))
    assert stopped.value.uri in {uri for uri, _ in batch}
    assert "disk full" in str(stopped.value)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT COUNT(*) FROM meetings")) == 0
    engine.dispose()
