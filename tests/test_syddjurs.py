"""One real meeting published by a case system (Acadre, Syddjurs Kommune 2013) as DOCX and as PDF:
both read into the same item, case number, decision and earlier treatment."""

from __future__ import annotations

import pytest

from referat.parse.document import parse_document
from referat.sources.files import read_file
from tests.conftest import FIXTURES

SYDDJURS = FIXTURES / "syddjurs"


@pytest.mark.parametrize("name", ["referat-puk-2013-06-20.docx", "referat-puk-2013-06-20.pdf"])
def test_the_acadre_minutes_read_alike_as_docx_and_pdf(name: str) -> None:
    document = parse_document(read_file(SYDDJURS / name))
    meeting = document.meeting
    assert meeting.organization == "Udvalget for plan, udvikling og kultur (PUK)"
    assert meeting.start == "2013-06-20T10:30" and meeting.kind == "minutes"
    assert {person.name for person in meeting.participants} == {
        "Jesper Mathiesen", "Ole Bjerregaard", "Ole Bollesen", "Niels Viderø", "Steen Fris",
    }  # fmt: skip
    [item] = document.agenda_items
    assert (item.number, item.title, item.case_number) == (
        715,
        "Kulturkommune 2017. Politiske fokusområder",
        "12/27845",
    )
    assert item.decision is not None and item.decision.date == "2013-06-20"
    assert item.decision.text.startswith("Punktet blev drøftet.")
    assert [(c.date, c.when, c.outcome) for c in item.consultations] == [
        ("2013-04-10", "earlier", "other"),
        ("2013-04-24", "earlier", "postponed"),
    ]
    assert [(a.number, a.title, a.document) for a in item.attachments] == [
        ("1", "Opsamlingsnotat. Temamøde 20.09.2012", "222359/12"),
        ("2", "Politik for Kultur og Fritid - Lokalt engagement, Godkendt af byrådet 300409", "73288/09"),
        ("3", "Kulturkommune 2017 - arbejdsoplæg til Udvalget for Plan, Udvikling og Kultur", "58688/13"),
    ]
    assert document.report is not None and document.report.with_decision == 1
