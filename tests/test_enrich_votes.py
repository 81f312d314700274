"""Votes and protocol notes, one case per phrasing, read from fixtures/cases/votes.txt (tests/cases.py)."""

from __future__ import annotations

from typing import Any

import pytest

from referat.enrich.votes import find_protocol_notes, find_votes
from referat.model import Person
from tests.cases import Case, load_cases

MEMBERS = [
    Person(name="Kristine Henriksen", party="A"),
    Person(name="Signe Ejersbo", party="F"),
    Person(name="Susanne Damsgaard", party="Æ"),
    Person(name="Suleman Naim", party="Uden for parti"),
]


CASES = load_cases("votes.txt")


def votes_read(text: str, expected: list[dict[str, Any]]) -> bool:
    """Whether the votes found in `text` are the expected ones (in the keys each expectation names)."""
    votes = [vote.model_dump() for vote in find_votes(text, MEMBERS)]
    return len(votes) == len(expected) and all(
        {key: vote[key] for key in want} == want for vote, want in zip(votes, expected, strict=True)
    )


@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_votes(case: Case) -> None:
    assert votes_read(case.text, case.expected), [vote.model_dump() for vote in find_votes(case.text, MEMBERS)]


def test_protocol_note_is_read_without_quotes() -> None:
    text = "X stemte imod med henvisning til følgende protokollat: ”Vi er imod loven.”"
    assert find_protocol_notes(text) == ["Vi er imod loven."]


def test_protocol_note_from_a_party() -> None:
    text = "Protokolbemærkning fra V: Venstre ønsker en ny model."
    assert find_protocol_notes(text) == ["Venstre ønsker en ny model."]
