"""FirstAgenda Publication meeting JSON: a real Greve meeting, and malformed or hostile input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from referat.errors import ExtractError, ParseError
from referat.parse.document import parse_document
from referat.sources.raw import RawDocument
from referat.store import schema
from referat.store.ingest import ingest
from referat.store.queries import coverage
from referat.store.search import Filters
from referat.vocab import Outcome
from tests.conftest import FIXTURES

GREVE = FIXTURES / "firstagenda" / "greve-sundheds-og-omsorgsudvalget-2023-04-24.json"


def _raw(data: Any, name: str = "meeting.json") -> RawDocument:
    return RawDocument(uri=name, data=json.dumps(data).encode() if not isinstance(data, bytes) else data)


def _minimal(**item: Any) -> dict[str, Any]:
    return {
        "Udvalg": {"Navn": "Økonomiudvalget"},
        "Moede": {"MeetingBeginUtc": "2024-03-04T16:00:00+01:00", "Sted": "Rådhuset", "Moededeltagere": []},
        "Dagsordenpunkter": [{"Number": "1", "Caption": "Sag", "Felter": [], "Bilag": [], **item}],
    }


def test_a_greve_meeting_is_read_from_its_structure_and_its_html() -> None:
    document = parse_document(RawDocument(uri=str(GREVE), data=GREVE.read_bytes()))
    meeting = document.meeting
    assert document.source.format == "firstagenda"
    assert (meeting.body, meeting.organization, meeting.kind) == (
        "Greve Kommune",
        "Sundheds- og Omsorgsudvalget",
        "minutes",
    )
    assert (meeting.start, meeting.location) == ("2023-04-24T15:30", "Nældebjerg Plejecenter")
    assert [p.name for p in meeting.participants] == [
        "Simon Østergaard",
        "Tina Rottbøll",
        "Charlotte Levin",
        "Liselott Blixt",
    ]
    assert [p.name for p in meeting.absent] == ["Lone Mortensen"]
    items = document.agenda_items
    assert [item.number for item in items] == list(range(1, 24))
    first, second, third = items[:3]
    assert (first.case_number, first.decision and first.decision.text) == ("21-014445", "Godkendt.")
    assert first.proposals == ["at dagsordenen godkendes"]
    assert list(first.sections)[:4] == ["Beslutning", "Sagsprocedure", "Resume", "Indstilling"]
    assert second.decision and second.decision.outcomes == [Outcome.NOTED]
    assert third.decision and third.decision.outcomes == [Outcome.DISCUSSED]
    assert [a.title for a in third.attachments] and len(items[4].attachments) == 3
    closed = items[18]
    assert (closed.title, closed.public, closed.decision) == ("Lukket: Henvendelser til formanden", False, None)
    assert items[19].decision and items[19].decision.outcomes == [Outcome.NOTHING]


def test_scripts_in_the_html_fields_never_reach_the_model() -> None:
    html = "<h3>Beslutning</h3><p>Godkendt.<script>alert('x')</script><img src=x onerror=alert(1)></p>"
    document = parse_document(_raw(_minimal(Felter=[{"Navn": "", "Html": html}])))
    item = document.agenda_items[0]
    assert item.decision and item.decision.text == "Godkendt."
    assert "alert" not in document.model_dump_json()


@pytest.mark.parametrize(
    ("data", "error", "reason"),
    [
        (b'{"Udvalg": {"Navn": "X"}, "Moede": {}, "Dagsordenpunkter": [', ParseError, "malformed FirstAgenda JSON"),
        ({"Moede": {}, "Dagsordenpunkter": []}, ParseError, "Udvalg: Field required"),
        ({"Udvalg": {"Navn": "X"}, "Moede": {}, "Dagsordenpunkter": [{"Number": "1"}]}, ParseError, "Caption"),
        ({"Udvalg": {"Navn": "X"}, "Moede": {}, "Dagsordenpunkter": "nej"}, ParseError, "Dagsordenpunkter"),
        ({"results": [1, 2]}, ExtractError, "a JSON document of an unknown shape (an object with the keys results)"),
        ([1, 2], ExtractError, "a JSON document of an unknown shape (list)"),
        (b'{"results": [1, 2,\n  3', ExtractError, "malformed JSON at line 2, column 4"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ExtractError, "named .json but is not JSON"),
    ],
    ids=[
        "truncated",
        "no-committee",
        "item-without-title",
        "items-not-a-list",
        "other-json",
        "a-list",
        "malformed",
        "not-json",
    ],
)
def test_malformed_json_gets_a_clear_error(data: Any, error: type[Exception], reason: str) -> None:
    with pytest.raises(error) as info:
        parse_document(_raw(data, "bad.json"))
    assert str(info.value).startswith("bad.json: ")
    assert reason in str(info.value)


def test_null_fields_are_missing_facts_not_errors() -> None:
    data = _minimal(Felter=None, Bilag=None, CaseNumber=None)
    data["Moede"].update({"Sted": None, "Moededeltagere": None, "MeetingEndUtc": None})
    document = parse_document(_raw(data))
    assert document.meeting.location is None
    assert document.agenda_items[0].case_number is None


def test_coverage_report_counts_what_was_understood(engine: Engine, tmp_path: Path) -> None:
    assert ingest(engine, RawDocument(uri=str(GREVE), data=GREVE.read_bytes())).status == "stored"
    malformed = tmp_path / "bad.json"
    malformed.write_text("{", encoding="utf-8")
    assert ingest(engine, RawDocument(uri=str(malformed), data=b"{")).status == "failed"
    report = coverage(engine, Filters(body="Greve Kommune"))
    [row] = report.rows
    assert (row.organization, row.meetings, row.items) == ("Sundheds- og Omsorgsudvalget", 1, 23)
    assert row.with_decision == 21 and row.classified == 20 and row.with_case_number == 23
    [(text, count)] = report.unclassified
    assert text.startswith("1. Status for Corona på ældreområdet 2. Åbenthus i hjemmeplejen") and count == 1
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(schema.meetings)) == 1


def _greve(name: str) -> Any:
    path = FIXTURES / "firstagenda" / f"greve-{name}.json"
    return parse_document(RawDocument(uri=path.name, data=path.read_bytes()))


def test_hand_checked_facts_of_greve_meetings() -> None:
    """Facts checked by hand against the portal JSON; the golden files hold the rest."""
    council = _greve("byraad-2023-02-06")
    assert (council.meeting.organization, council.meeting.term, len(council.meeting.participants)) == (
        "Byråd",
        "2022-2025",
        21,
    )
    budget = council.agenda_items[1]
    assert (budget.case_number, len(budget.attachments), len(budget.proposals)) == ("22-015262", 3, 4)
    assert [(v.option, v.names, v.parties, v.count) for v in budget.votes] == [
        ("for", ["Liselott Blixt"], ["V", "A", "C", "D", "UP"], 19),
        ("against", [], ["Ø", "F"], 2),
    ]

    finance = _greve("oekonomiudvalget-2023-03-06").agenda_items[2]
    assert finance.decision and finance.decision.outcomes == [Outcome.OTHER]  # three proposals voted, no outcome stated
    assert [(v.option, v.parties) for v in finance.votes[:3]] == [
        ("for", ["Ø"]),
        ("against", ["V", "D", "UP"]),
        ("abstain", ["A", "C"]),
    ]

    extraordinary = _greve("kultur-og-fritidsudvalget-2023-03-06")
    assert extraordinary.meeting.body is None  # the meeting never names its municipality: left empty
    assert [(v.option, v.parties) for v in extraordinary.agenda_items[1].votes] == [
        ("for", ["A"]),
        ("against", ["V"]),
        ("for", ["V"]),
        ("abstain", ["A"]),
    ]

    health = _greve("sundheds-og-omsorgsudvalget-2024-03-18")
    assert [p.name for p in health.meeting.absent] == ["Charlotte Levin"]  # ParticipationCancelled
    split = health.agenda_items[2].decision
    assert split and [(p.points, p.outcome) for p in split.parts] == [
        (["1"], Outcome.NOTED),
        (["2", "3", "4"], Outcome.APPROVED),
    ]
    closed = health.agenda_items[6]
    assert (closed.public, closed.title, closed.decision) == (False, "Lukket: Henvendelser til formanden", None)
