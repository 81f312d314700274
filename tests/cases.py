"""The phrasing cases of tests/fixtures/cases/*.txt: "### title", an optional "--- gap" with why it is
not read yet, the text after "--- input" and what it must give after "--- expected" (JSON).

A known gap is data, not an expected failure: its test checks that it is still not read (so that a
case that starts passing is taken off the list), and the run's summary counts the gaps.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from tests.conftest import FIXTURES

CASES = FIXTURES / "cases"


@dataclass(frozen=True)
class Case:
    title: str
    text: str
    expected: Any
    gap: str | None = None  # why it is not read yet, for a known gap


def load_cases(name: str) -> list[Case]:
    text = (CASES / name).read_text(encoding="utf-8")
    cases = []
    for block in re.split(r"^### ", text, flags=re.M)[1:]:
        title, rest = block.split("\n", 1)
        head, given = rest.split("--- input\n", 1)
        given, expected = given.split("--- expected\n")
        gap = head.split("--- gap\n", 1)[1].strip() if "--- gap\n" in head else None
        cases.append(Case(title.strip(), given.strip(), json.loads(expected), gap))
    return cases


def known_gaps() -> dict[str, list[Case]]:
    """The cases of each file that are known not to be read yet."""
    found = {path.name: [case for case in load_cases(path.name) if case.gap] for path in sorted(CASES.glob("*.txt"))}
    return {name: cases for name, cases in found.items() if cases}
