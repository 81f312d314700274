"""Votes and protocol notes, one case per phrasing, read from fixtures/cases/votes.txt."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from referat.enrich.votes import find_protocol_notes, find_votes
from referat.model import Person
from tests.conftest import FIXTURES

MEMBERS = [
    Person(name="Kristine Henriksen", party="A"),
    Person(name="Signe Ejersbo", party="F"),
    Person(name="Susanne Damsgaard", party="Æ"),
    Person(name="Suleman Naim", party="Uden for parti"),
]


def load_cases(name: str) -> list[tuple[str, str, Any]]:
    """Read "### title / --- input / --- expected" blocks."""
    text = (FIXTURES / "cases" / name).read_text(encoding="utf-8")
    cases = []
    for block in re.split(r"^### ", text, flags=re.M)[1:]:
        title, rest = block.split("\n", 1)
        given, expected = rest.split("--- expected\n")
        cases.append((title.strip(), given.split("--- input\n", 1)[1].strip(), json.loads(expected)))
    return cases


CASES = load_cases("votes.txt")


@pytest.mark.parametrize(("title", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_votes(title: str, text: str, expected: list[dict[str, Any]]) -> None:
    votes = [vote.model_dump() for vote in find_votes(text, MEMBERS)]
    assert len(votes) == len(expected), votes
    for vote, want in zip(votes, expected, strict=True):
        assert {key: vote[key] for key in want} == want


def test_protocol_note_is_read_without_quotes() -> None:
    text = "X stemte imod med henvisning til følgende protokollat: ”Vi er imod loven.”"
    assert find_protocol_notes(text) == ["Vi er imod loven."]


def test_protocol_note_from_a_party() -> None:
    text = "Protokolbemærkning fra V: Venstre ønsker en ny model."
    assert find_protocol_notes(text) == ["Venstre ønsker en ny model."]
