"""Decision outcomes in the spellings seen in minutes, and split "Ad N." decisions."""

from __future__ import annotations

import pytest

from referat.enrich.decisions import classify_outcome
from referat.vocab import Outcome
from tests.helpers import parse_text


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Godkendt.", Outcome.APPROVED),
        ("Tiltrådt.", Outcome.APPROVED),
        ("Indstillingen tiltrådt.", Outcome.APPROVED),
        ("Vedtaget.", Outcome.APPROVED),
        ("Anbefalet.", Outcome.RECOMMENDED),
        ("Anbefales godkendt.", Outcome.RECOMMENDED),
        ("Indstillingen anbefales.", Outcome.RECOMMENDED),
        ("Anbefales drøftet.", Outcome.RECOMMENDED),
        ("Taget til efterretning.", Outcome.NOTED),
        ("Sagen blev forelagt til orientering.", Outcome.NOTED),
        ("Fagdirektøren orienterede om status.", Outcome.NOTED),
        ("Drøftet.", Outcome.DISCUSSED),
        ("Udsat.", Outcome.POSTPONED),
        ("Sagen udsættes til næste møde.", Outcome.POSTPONED),
        ("Ikke godkendt.", Outcome.REJECTED),
        ("Forslaget blev forkastet.", Outcome.REJECTED),
        ("Bortfaldet pga. stemmelighed.", Outcome.LAPSED),
        ("Indstilling 1 vælges til Integrationsprisen 2023.", Outcome.CHOSEN),
        ("Intet under dette punkt.", Outcome.NOTHING),
        ("Marie-Louise Jørgensen (F) spurgte til en oversigt.", Outcome.OTHER),
    ],
)
def test_outcome(text: str, outcome: Outcome) -> None:
    assert classify_outcome(text) == outcome


def test_quoted_protocol_note_does_not_change_the_outcome() -> None:
    text = 'X stemte imod med henvisning til følgende protokollat: "Vi kan ikke godkende forslaget."\nTiltrådt.'
    assert classify_outcome(text) == Outcome.APPROVED


MINUTES = """REFERAT Økonomiudvalget d. 12-03-2024

Punkt 1: Budget

Beslutning

Ad 1. at:

Tiltrådt.

Ad 2.-3. Anbefales godkendt.

Ad 4. Udsat.

Punkt 2: Forslag fra V

Beslutning

Et flertal af udvalget (A, C og V) stemte for.

Et mindretal (F og Ø) stemte imod.

Punkt 3: Meddelelser

Beslutning
"""


def test_split_decision_has_one_outcome_per_part() -> None:
    items = parse_text(MINUTES).agenda_items
    decision = items[0].decision
    assert decision is not None
    assert decision.outcomes == ["approved", "recommended", "postponed"]
    assert [part.points for part in decision.parts] == [["1"], ["2", "3"], ["4"]]


def test_majority_vote_without_outcome_word_is_approved() -> None:
    decision = parse_text(MINUTES).agenda_items[1].decision
    assert decision is not None and decision.outcomes == ["approved"]


def test_empty_decision_is_missing_not_invented() -> None:
    assert parse_text(MINUTES).agenda_items[2].decision is None


def test_decision_of_this_meeting_is_chosen_and_earlier_one_is_a_consultation() -> None:
    text = """REFERAT Social- og Arbejdsmarkedsudvalget d. 05-09-2022

Punkt 8: Orientering - Status

22/1093

Beslutning i Social- og Arbejdsmarkedsudvalget den 07-06-2022

Udsat.

Beslutning i Social- og Arbejdsmarkedsudvalget den 05-09-2022

Taget til efterretning.
"""
    item = parse_text(text).agenda_items[0]
    assert item.decision is not None
    assert (item.decision.text, item.decision.date, item.decision.outcomes) == (
        "Taget til efterretning.",
        "2022-09-05",
        ["noted"],
    )
    [earlier] = item.consultations
    assert (earlier.organization, earlier.date, earlier.when, earlier.outcome) == (
        "Social- og Arbejdsmarkedsudvalget",
        "2022-06-07",
        "earlier",
        "postponed",
    )


def test_committee_meeting_heading_is_a_decision() -> None:
    text = """Referat af møde i Byrådet den 21. juni 2023

Punkt 4: Lokalplan 12

Økonomiudvalgets møde den 13.06.2023:

Anbefales godkendt.

Byrådets møde den 21.06.2023:

Godkendt.
"""
    item = parse_text(text).agenda_items[0]
    assert item.decision is not None and item.decision.outcomes == ["approved"]
    assert item.decision.organization == "Byrådet"
    assert [(c.organization, c.date, c.outcome) for c in item.consultations] == [
        ("Økonomiudvalget", "2023-06-13", "recommended")
    ]


BUDGET = """REFERAT Byrådet d. 02-10-2024

Punkt 9: Budget 2025-28, 2. behandling

Beslutning

1 a. Ikke godkendt

For stemte: Ø

Imod stemte: V, A, C og F

1 b. Godkendt

2. Selvbudgettering blev godkendt.

4. -7. Godkendt.

Med stemmerne 18 for og 2 imod godkendte Byrådet indstillingspunkt 8 og 9.
"""


def test_a_budget_gets_an_outcome_per_point() -> None:
    decision = parse_text(BUDGET).agenda_items[0].decision
    assert decision is not None and decision.outcomes == ["rejected", "approved"]
    assert [(part.points, part.outcome) for part in decision.parts] == [
        (["1a"], "rejected"),
        (["1b"], "approved"),
        (["2"], "approved"),
        (["4", "5", "6", "7"], "approved"),
        (["8", "9"], "approved"),
    ]
    # the tally names two points: a vote in each point's event
    assert [(m.points, m.result) for m in decision.motions] == [
        (["1a"], "rejected"),
        (["8"], "adopted"),
        (["9"], "adopted"),
    ]
