"""Golden tests: every example minutes file parses to its reviewed .expected.json.

The examples live in examples/ (they are also the demo data), and six real Greve meetings in
FirstAgenda JSON in tests/fixtures/firstagenda/ (chosen for votes, split decisions, a closed
item, absences and an extraordinary meeting), and five more in tests/fixtures/vote_events/ chosen
for decisions with several vote events (amendments, budget proposals, votes per point); their
expected output lives in
tests/fixtures/golden/ under the same relative path. `pytest --update-golden` rewrites the
expected files; review the diff like code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from referat.parse.document import parse_document
from referat.sources.raw import RawDocument
from tests.conftest import EXAMPLES, FIXTURES

GOLDEN = FIXTURES / "golden"
FIRSTAGENDA = FIXTURES / "firstagenda"
VOTE_EVENTS = FIXTURES / "vote_events"
DOCUMENTS = (
    sorted(p for p in EXAMPLES.rglob("*.txt")) + sorted(FIRSTAGENDA.glob("*.json")) + sorted(VOTE_EVENTS.glob("*.json"))
)


def _relative(path: Path) -> Path:
    """Where a document's golden file lives below GOLDEN, and the name it is parsed under."""
    return path.relative_to(EXAMPLES) if path.is_relative_to(EXAMPLES) else path.relative_to(FIXTURES)


@pytest.mark.parametrize("path", DOCUMENTS, ids=[str(_relative(p)) for p in DOCUMENTS])
def test_example_matches_golden(path: Path, update_golden: bool) -> None:
    relative = _relative(path)
    uri = path.relative_to(EXAMPLES.parent).as_posix()
    document = parse_document(RawDocument(uri=uri, data=path.read_bytes()))
    actual = document.model_dump(mode="json")
    expected_path = GOLDEN / relative.with_suffix(".expected.json")
    if update_golden:
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        expected_path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual["meeting"] == expected["meeting"]
    assert len(actual["agenda_items"]) == len(expected["agenda_items"])
    for got, want in zip(actual["agenda_items"], expected["agenda_items"], strict=True):
        assert got == want, f"item {want['number']} differs"
    assert actual == expected


def test_every_example_has_a_golden_file() -> None:
    assert len(DOCUMENTS) == 5 + 6 + 5
    for path in DOCUMENTS:
        assert (GOLDEN / _relative(path).with_suffix(".expected.json")).exists()
