"""References to earlier treatment, attachments and consultations."""

from __future__ import annotations

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
