"""References to earlier treatment, attachments and consultations."""

from __future__ import annotations

import pytest

from tests.helpers import parse_text

TEXT = """REFERAT Beskæftigelses- og Integrationsudvalget d. 31-05-2023

Punkt 1: Modeller

Resumé

Der holdes en temadrøftelse jf. Beskæftigelses- og Integrationsudvalget 31.05.2023, punkt 8.

Kommende behandlingsforløb

Økonomiudvalget 13.06.2023

Byrådet 21.06.2023

Sagens forløb

06/05/2024 Udvalget for Børn og Ungdom - 2022-2025

Indstillingen anbefales.

Relateret behandling

Beskæftigelses- og Integrationsudvalget 31.05.2023 punkt 8
- Beskæftigelses- og Integrationsudvalget, 30.04.2019, punkt. 3
Økonomiudvalget 16.08.22, punkt 2
Beskæftigelses- og Integrationsudvalget 05.02.2025, punkt 1 og 4
Beskæftigelses- og Integrationsudvalgets beslutning 01.03.2023, punkt 1.

Bilag

Bilag 1: Budgetopfølgning 1. kvrt. 2023 pdf
Bilag A1 - Tekniske korrektioner
Jobrapport forside 4. kv 2024.pdf
"""


def test_references_from_related_lines_and_jf_mentions() -> None:
    item = parse_text(TEXT).agenda_items[0]
    assert [(r.organization, r.date, r.item) for r in item.references] == [
        ("Beskæftigelses- og Integrationsudvalget", "2023-05-31", 8),
        ("Beskæftigelses- og Integrationsudvalget", "2019-04-30", 3),
        ("Økonomiudvalget", "2022-08-16", 2),
        ("Beskæftigelses- og Integrationsudvalget", "2025-02-05", 1),
        ("Beskæftigelses- og Integrationsudvalget", "2025-02-05", 4),
        ("Beskæftigelses- og Integrationsudvalget", "2023-03-01", 1),
    ]


def test_consultations_upcoming_and_earlier() -> None:
    item = parse_text(TEXT).agenda_items[0]
    assert [(c.organization, c.date, c.when, c.outcome) for c in item.consultations] == [
        ("Økonomiudvalget", "2023-06-13", "upcoming", None),
        ("Byrådet", "2023-06-21", "upcoming", None),
        ("Udvalget for Børn og Ungdom", "2024-05-06", "earlier", "recommended"),
    ]


def test_attachments_keep_their_printed_title() -> None:
    item = parse_text(TEXT).agenda_items[0]
    assert [(a.title, a.number) for a in item.attachments] == [
        ("Bilag 1: Budgetopfølgning 1. kvrt. 2023 pdf", "1"),
        ("Bilag A1 - Tekniske korrektioner", "A1"),
        ("Jobrapport forside 4. kv 2024.pdf", None),
    ]


# A case history printed as labelled lines (a value may stand under its label) and as a table under a
# row of labels, as some case systems print it; modelled on real minutes, in our own words.
LABELLED_HISTORY = """REFERAT Teknik- og Miljøudvalget d. 14-05-2024

Punkt 3: Ny cykelsti langs Åvej

Tidligere behandling

Udvalg: Teknik- og Miljøudvalget
Dato: 12.03.2024
Punkt: 7
Beslutning: Sagen blev udsat.

Udvalg:
Økonomiudvalget
Dato: 26.03.2024
Punkt: 4
Beslutning: Anbefalet.

Sagsfremstilling

Forvaltningen har undersøgt to linjeføringer.

Beslutning

Godkendt.

Punkt 4: Vejbelysning

Sagens forløb

Udvalg\tDato\tPunkt\tBeslutning
Teknik- og Miljøudvalget\t09.01.2024\t12\tOrienteringen taget til efterretning.
Byrådet\t30.01.2024\t5\tGodkendt.

Beslutning

Taget til efterretning.
"""


def test_a_labelled_case_history_gives_references_and_consultations() -> None:
    first, second = parse_text(LABELLED_HISTORY).agenda_items
    assert [(r.organization, r.date, r.item) for r in first.references] == [
        ("Teknik- og Miljøudvalget", "2024-03-12", 7),
        ("Økonomiudvalget", "2024-03-26", 4),
    ]
    assert [(c.organization, c.date, c.when, c.outcome) for c in first.consultations] == [
        ("Teknik- og Miljøudvalget", "2024-03-12", "earlier", "postponed"),
        ("Økonomiudvalget", "2024-03-26", "earlier", "recommended"),
    ]
    # the earlier bodies' "Beslutning:" lines are theirs; this meeting's decision is below
    assert first.decision is not None and first.decision.text == "Godkendt."
    assert [(r.organization, r.date, r.item) for r in second.references] == [
        ("Teknik- og Miljøudvalget", "2024-01-09", 12),
        ("Byrådet", "2024-01-30", 5),
    ]
    assert [(c.organization, c.outcome) for c in second.consultations] == [
        ("Teknik- og Miljøudvalget", "noted"),
        ("Byrådet", "approved"),
    ]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("1\tÅben\tOpsamlingsnotat fra temamødet\t222359/12", ("1", "Opsamlingsnotat fra temamødet", "222359/12")),
        ("2 Lukket Tilbudsliste\t73288/09", ("2", "Tilbudsliste", "73288/09")),
        ("3) Kort over området.pdf", ("3", "Kort over området.pdf", None)),
        ("3 tilbud på vejbelysning", (None, "3 tilbud på vejbelysning", None)),
        ("Åben - Budgetopfølgning", (None, "Budgetopfølgning", None)),
        ("- Bilag A1 - Tekniske korrektioner", ("A1", "Bilag A1 - Tekniske korrektioner", None)),
    ],
)
def test_attachment_rows_lose_their_cells_not_their_words(
    row: str, expected: tuple[str | None, str, str | None]
) -> None:
    text = f"Referat Teknisk Udvalg 3. juni 2024\n\nPunkt 1: Vej\n\nBilag\n\n{row}\n\nBeslutning\n\nGodkendt.\n"
    [attachment] = parse_text(text).agenda_items[0].attachments
    assert (attachment.number, attachment.title, attachment.document) == expected
