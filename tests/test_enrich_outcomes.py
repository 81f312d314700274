"""Decision outcomes, one case per phrasing seen in many municipalities' minutes (fixtures/cases/outcomes.txt),
and vote phrasings beyond the Greve corpus (fixtures/cases/votes-more.txt). Phrasings not read yet are
marked "--- gap" in those files (most need the motions of issue 14: a motion's outcome told from the
item's, counts tied to the sides a motion had); the run's summary counts them."""

from __future__ import annotations

import pytest

from referat.enrich.decisions import read_decision
from referat.enrich.votes import find_votes
from referat.model import Section, Span
from referat.parse.sections import DatedSection
from tests.cases import Case, load_cases
from tests.test_enrich_votes import MEMBERS, votes_read

OUTCOME_CASES = load_cases("outcomes.txt")
VOTE_CASES = load_cases("votes-more.txt")


def outcomes_of(text: str) -> list[str]:
    section = Section(heading="Beslutning", kind="decision", text=text, span=Span(line_start=1, line_end=1))
    votes = find_votes(text, MEMBERS)
    decision = read_decision(DatedSection(section, None, None), votes)
    assert decision is not None
    return [str(outcome) for outcome in decision.outcomes]


def _read(cases: list[Case]) -> list[Case]:
    return [case for case in cases if case.gap is None]


@pytest.mark.parametrize("case", _read(OUTCOME_CASES), ids=[case.title for case in _read(OUTCOME_CASES)])
def test_outcome(case: Case) -> None:
    assert outcomes_of(case.text) == case.expected


@pytest.mark.parametrize("case", _read(VOTE_CASES), ids=[case.title for case in _read(VOTE_CASES)])
def test_more_votes(case: Case) -> None:
    assert votes_read(case.text, case.expected), [vote.model_dump() for vote in find_votes(case.text, MEMBERS)]


def test_known_gaps_are_still_not_read() -> None:
    """A phrasing marked "--- gap" that is read now must lose its mark, so that the list stays true."""
    now_read = [case.title for case in OUTCOME_CASES if case.gap and outcomes_of(case.text) == case.expected]
    now_read += [case.title for case in VOTE_CASES if case.gap and votes_read(case.text, case.expected)]
    assert not now_read, f"read now; remove their '--- gap' lines: {now_read}"
