"""ingest_failures says what fails now: a document stored or found unchanged later has no failure left."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import PendingRollbackError

from referat.sources.files import read_file
from referat.sources.raw import RawDocument
from referat.store.ingest import failures, ingest, record_failure
from tests.conftest import EXAMPLES
from tests.helpers import refuse_item_3

GLADSAXE_2023 = EXAMPLES / "gladsaxe" / "2023-05-31-beskaeftigelses-og-integrationsudvalget.txt"


def test_a_document_stored_after_it_failed_has_no_failure_left(engine: Engine) -> None:
    raw = read_file(GLADSAXE_2023)
    refuse_item_3(engine, True)
    assert ingest(engine, raw).status == "failed"
    assert ingest(engine, raw).status == "failed"
    assert len(list(failures(engine))) == 1  # the latest failure, not one per attempt
    refuse_item_3(engine, False)
    assert ingest(engine, raw).status == "stored"
    assert list(failures(engine)) == []


def test_an_unchanged_document_clears_a_failure_recorded_of_it(engine: Engine) -> None:
    """As the failures two ingests at once recorded of documents that the other one stored."""
    raw = read_file(GLADSAXE_2023)
    assert ingest(engine, raw).status == "stored"
    record_failure(engine, raw.uri, raw.sha256, "the database refused it: IntegrityError")
    record_failure(engine, "elsewhere/copy.txt", raw.sha256, "the database refused it: IntegrityError")
    other = RawDocument(uri="other.txt", data=b"\x00\x01 not minutes")
    assert ingest(engine, other).status == "failed"
    assert ingest(engine, raw).status == "unchanged"
    assert [uri for uri, _, _ in failures(engine)] == ["other.txt"]


def test_a_new_version_at_the_address_of_a_failed_one_clears_its_failure(engine: Engine) -> None:
    record_failure(engine, "referat.txt", None, "this looks like binary data")
    assert ingest(engine, RawDocument(uri="referat.txt", data=GLADSAXE_2023.read_bytes())).status == "stored"
    assert list(failures(engine)) == []


def test_a_ctrl_c_behind_a_database_error_stops_and_is_not_recorded_as_a_failure(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An interrupt inside a statement can leave the connection unusable, so that the next step fails
    with an error of its own: that is the Ctrl-C, which must reach the caller, not a document the
    database refused (seen once: "PendingRollbackError", the document recorded as failed, the batch going on)."""

    def interrupted(*_: object, **__: object) -> None:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise PendingRollbackError("Can't reconnect until invalid transaction is rolled back.") from None

    path = sorted(EXAMPLES.glob("*/*.txt"))[0]
    monkeypatch.setattr("referat.store.ingest.store_document", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ingest(engine, read_file(path))
    monkeypatch.undo()
    assert list(failures(engine)) == []
    assert ingest(engine, read_file(path)).status == "stored"
