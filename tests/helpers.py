"""Helpers the tests share: parse a document held in a string; store the demo documents."""

from __future__ import annotations

from sqlalchemy import Engine, text

from referat.model import ParsedDocument
from referat.parse.document import parse_document
from referat.sources.files import find_documents, read_file
from referat.sources.raw import RawDocument
from referat.store.ingest import ingest


def parse_text(text: str, name: str = "test.txt") -> ParsedDocument:
    return parse_document(RawDocument(uri=name, data=text.encode("utf-8")))


# Minutes whose title and decision carry markup, to show that no page lets it run.
HOSTILE_MINUTES = """Hvidovre Kommune
Referat
Social- og Arbejdsmarkedsudvalget
Mødedato: 01-02-2024 kl. 16:00

Punkt 1: <script>alert('titel')</script> Budget
Sagsnr.: 24/0001
Beslutning
Godkendt. <img src=x onerror=alert('beslutning')>
"""


# Where the hostile minutes were "fetched" from: a source the meeting page links to, unlike a local path.
HOSTILE_SOURCE = "https://hvidovre.example/referater/hostile.txt"


def ingest_demo(engine: Engine) -> None:
    """The five example minutes, six Greve meetings (FirstAgenda JSON) and the hostile minutes (from a URL)."""
    from tests.conftest import EXAMPLES, FIXTURES

    for path in find_documents(EXAMPLES):
        assert ingest(engine, read_file(path)).status == "stored"
    for path in sorted((FIXTURES / "firstagenda").glob("*.json")):
        assert ingest(engine, read_file(path), body="Greve Kommune").status == "stored"
    assert ingest(engine, RawDocument(HOSTILE_SOURCE, HOSTILE_MINUTES.encode())).status == "stored"


def refuse_item_3(engine: Engine, refuse: bool) -> None:
    """A real constraint in the database that refuses the document's third item, or its removal."""
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.execute(
                text(
                    "CREATE TRIGGER refuse BEFORE INSERT ON items WHEN NEW.number = 3 "
                    "BEGIN SELECT RAISE(ABORT, 'item 3 refused'); END"
                )
                if refuse
                else text("DROP TRIGGER refuse")
            )
        else:
            connection.execute(
                text("ALTER TABLE items ADD CONSTRAINT refuse CHECK (number <> 3)")
                if refuse
                else text("ALTER TABLE items DROP CONSTRAINT refuse")
            )
