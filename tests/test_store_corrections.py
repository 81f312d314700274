"""A parse corrected by hand: referat's own JSON is an input format, and the corrected reading takes
the place of the document it was parsed from. Every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from referat.parse.document import parse_document
from referat.sources.files import read_file
from referat.store import schema
from referat.store.ingest import failures, ingest
from referat.store.queries import get_meeting
from tests.conftest import EXAMPLES

LEJRE = EXAMPLES / "lejre" / "2024-05-08-job-arbejdsmarked-og-integration.txt"


def corrected(tmp_path: Path, edit: dict[str, Any], name: str = "rettet.json") -> Path:
    """What `referat parse --json` wrote for the Lejre minutes, with item 2's title and decision edited."""
    document = json.loads(parse_document(read_file(LEJRE)).model_dump_json())
    document["agenda_items"][1].update(edit)
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def stored_rows(engine: Engine) -> list[tuple[str, str]]:
    documents = schema.documents
    with engine.connect() as connection:
        return sorted((Path(r.uri).name, r.role) for r in connection.execute(select(documents.c.uri, documents.c.role)))


def item_titles(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        meeting_ids = list(connection.scalars(select(schema.meetings.c.id)))
    assert len(meeting_ids) == 1
    _, document, _ = get_meeting(engine, meeting_ids[0])
    return [item.title for item in document.agenda_items]


def test_a_corrected_parse_takes_the_place_of_its_document(engine: Engine, tmp_path: Path) -> None:
    assert ingest(engine, read_file(LEJRE)).status == "stored"
    fixed = corrected(tmp_path, {"title": "Rettet titel"})
    assert ingest(engine, read_file(fixed)).status == "stored"
    titles = item_titles(engine)
    assert titles[1] == "Rettet titel" and len(titles) == 6
    assert stored_rows(engine) == [(LEJRE.name, "superseded"), ("rettet.json", "meeting")]
    # storing either again changes nothing: the correction is not undone by the original
    assert ingest(engine, read_file(LEJRE)).status == "superseded"
    assert ingest(engine, read_file(fixed)).status == "unchanged"
    assert item_titles(engine)[1] == "Rettet titel"


def test_a_correction_corrected_again_replaces_the_first(engine: Engine, tmp_path: Path) -> None:
    ingest(engine, read_file(LEJRE))
    ingest(engine, read_file(corrected(tmp_path, {"title": "Første rettelse"})))
    second = corrected(tmp_path, {"title": "Anden rettelse"})  # the same file, edited again
    assert ingest(engine, read_file(second)).status == "replaced"
    assert item_titles(engine)[1] == "Anden rettelse"
    assert stored_rows(engine) == [(LEJRE.name, "superseded"), ("rettet.json", "meeting")]


def test_a_correction_of_a_document_never_stored_is_stored_as_it_is(engine: Engine, tmp_path: Path) -> None:
    assert ingest(engine, read_file(corrected(tmp_path, {"title": "Kun rettelsen"}))).status == "stored"
    assert item_titles(engine)[1] == "Kun rettelsen"
    assert stored_rows(engine) == [("rettet.json", "meeting")]


def test_referat_json_that_does_not_fit_the_contract_is_named_and_nothing_changes(
    engine: Engine, tmp_path: Path
) -> None:
    ingest(engine, read_file(LEJRE))
    broken = corrected(tmp_path, {"number": "to", "votes": "ingen"}, name="forkert.json")
    outcome = ingest(engine, read_file(broken))
    assert outcome.status == "failed"
    assert outcome.reason is not None and "does not fit the contract" in outcome.reason
    assert "agenda_items.1.number" in outcome.reason and "agenda_items.1.votes" in outcome.reason
    assert [uri for uri, _, _ in failures(engine)] == [str(broken)]
    assert stored_rows(engine) == [(LEJRE.name, "meeting")] and len(item_titles(engine)) == 6
