"""Meeting header in several spellings."""

from __future__ import annotations

import pytest

from tests.helpers import parse_text

ITEM = "\n\nPunkt 1: Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n"


@pytest.mark.parametrize(
    ("header", "organization", "term", "start"),
    [
        (
            "REFERAT Beskæftigelses- og Integrationsudvalget 2022-2025 d. 31-05-2023\n\n"
            "Mødedato Onsdag d. 31. maj 2023 kl. 19:00",
            "Beskæftigelses- og Integrationsudvalget",
            "2022-2025",
            "2023-05-31T19:00",
        ),
        (
            "REFERAT Udvalget for Social, Sundhed og Ældre - 2022 - 2025 d. 06-05-2024",
            "Udvalget for Social, Sundhed og Ældre",
            "2022-2025",
            "2024-05-06",
        ),
        (
            "Referat af møde i Økonomiudvalget den 12. marts 2024\nTidspunkt: kl. 16.30-18.00",
            "Økonomiudvalget",
            None,
            "2024-03-12T16:30",
        ),
        ("Økonomiudvalget - Referat\nDato: 12.03.2024", "Økonomiudvalget", None, "2024-03-12"),
    ],
)
def test_header_spellings(header: str, organization: str, term: str | None, start: str) -> None:
    meeting = parse_text(header + ITEM).meeting
    assert (meeting.organization, meeting.term, meeting.start) == (organization, term, start)


def test_participants_with_parties_and_absence() -> None:
    text = (
        "REFERAT Udvalget for Job d. 08-05-2024\n\nMødested Mødelokale 2, Allerslev\n\n"
        "Mødedeltagere Michael Dorph Jensen (Ø), Suleman Naim (Uden for parti), Peter Olsen, Claus Jørgensen (Afbud)"
        + ITEM
        + "\nAfbud:\n\nClaus Jørgensen (F)\n"
    )
    meeting = parse_text(text).meeting
    assert meeting.location == "Mødelokale 2, Allerslev"
    assert [(p.name, p.party) for p in meeting.participants] == [
        ("Michael Dorph Jensen", "Ø"),
        ("Suleman Naim", "Uden for parti"),
        ("Peter Olsen", None),
    ]
    assert [(p.name, p.party) for p in meeting.absent] == [("Claus Jørgensen", "F")]


def test_municipality_is_the_one_named_most_often_or_given() -> None:
    text = "REFERAT Byrådet d. 01-02-2024" + ITEM + "\nGreve Kommune og Greve Kommune samarbejder med Solrød Kommune.\n"
    assert parse_text(text).meeting.body == "Greve Kommune"
    assert parse_text("REFERAT Byrådet d. 01-02-2024" + ITEM).meeting.body is None


def test_missing_facts_stay_empty() -> None:
    meeting = parse_text("Punkt 1: Godkendelse\n\nBeslutning\n\nGodkendt.\n").meeting
    assert (meeting.organization, meeting.start, meeting.location, meeting.participants) == (None, None, None, [])


def test_a_page_heading_naming_the_municipality_is_split_into_committee_and_municipality() -> None:
    """A page headed "Referat Økonomiudvalget, Greve Kommune" used to give the committee
    "Økonomiudvalget, Greve Kommune" and no municipality."""
    page = (
        "<!DOCTYPE html><html><head><title>Referat</title></head><body>"
        "<h1>Referat Økonomiudvalget, Greve Kommune</h1><p>Dato: 6. marts 2023</p>"
        "<h2>Punkt 1: Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p></body></html>"
    )
    from referat.parse.document import parse_document
    from referat.sources.raw import RawDocument

    meeting = parse_document(RawDocument(uri="side.html", data=page.encode())).meeting
    assert (meeting.organization, meeting.body, meeting.start) == ("Økonomiudvalget", "Greve Kommune", "2023-03-06")
