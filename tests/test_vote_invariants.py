"""Vote events checked against themselves (referat/invariants.py) over real Greve meetings: the rules
every reading of a vote must keep. The caps are what docs/vote-events.md reports; a change that
breaks more rules fails here. Over the whole Greve corpus the same check is a script
(scripts/vote_invariants.py), as the corpus is not in the repository."""

from __future__ import annotations

from collections import Counter

from referat.invariants import gaps, violations
from referat.model import AgendaItem, Decision, DecisionPart, Motion, Span, Vote
from referat.parse.document import parse_document
from referat.sources.raw import RawDocument
from tests.conftest import EXAMPLES, FIXTURES

MEETINGS = [*sorted((FIXTURES / "firstagenda").glob("*.json")), *sorted((FIXTURES / "vote_events").glob("*.json"))]
MEETINGS += sorted(EXAMPLES.rglob("*.txt"))


def _items() -> list[AgendaItem]:
    return [
        item
        for path in MEETINGS
        for item in parse_document(RawDocument(uri=str(path), data=path.read_bytes())).agenda_items
    ]


def test_the_real_meetings_keep_every_rule() -> None:
    items = _items()
    events = sum(len(item.decision.motions) for item in items if item.decision)
    broken = Counter(rule for item in items for rule in violations(item))
    assert events >= 40 and not broken, broken
    assert sum(len(gaps(item)) for item in items) <= 12  # events without a result


def _item(*motions: Motion, votes: list[Vote] | None = None, text: str = "Godkendt.") -> AgendaItem:
    decision = Decision(text=text, outcomes=["approved"], motions=list(motions))
    votes = votes or [v for m in motions for v in m.votes]
    return AgendaItem(title="Budget", decision=decision, votes=votes, span=Span(line_start=1, line_end=2))


def test_each_rule_is_told_when_it_breaks() -> None:
    against = Vote(option="against", parties=["Ø"], count=12, text="Imod stemte Ø (12)", motion=0)
    favour = Vote(option="for", parties=["Ø"], count=9, text="For stemte Ø (9)", motion=0)
    both_sides = Motion(kind="recommendation", votes=[favour, against], result="adopted")
    assert sorted(violations(_item(both_sides))) == ["a party on two sides", "counts disagree with the result"]
    spanning = Motion(kind="point", points=["3", "4", "5"], votes=[against], result="rejected")
    assert violations(_item(spanning)) == ["an event on several points"]
    untied = Vote(option="for", parties=["A"], text="For stemte A")
    assert violations(_item(both_sides.model_copy(update={"votes": []}), votes=[untied])) == ["vote tied to no event"]
    assert violations(_item(text="Imod stemte: Ø.\n\nGodkendt.")) == ["a vote recorded, no event"]
    assert gaps(_item(Motion(kind="motion", votes=[favour]))) == ["no result"]


def test_a_vote_after_the_last_point_s_paragraph_is_not_on_that_point() -> None:
    vote = Vote(option="against", parties=["Ø"], text="(Ø) stemmer imod", motion=0)
    whole = Motion(kind="recommendation", votes=[vote], result="adopted")
    text = "1. Godkendt.\n\n2. Godkendt.\n\n(Ø) stemmer imod"

    def item(part_text: str) -> AgendaItem:
        parts = [DecisionPart(points=["1"], text="Godkendt.", outcome="approved")]
        parts.append(DecisionPart(points=["2"], text=part_text, outcome="approved"))
        decision = Decision(text=text, outcomes=["approved"], parts=parts, motions=[whole])
        return AgendaItem(title="Plan", decision=decision, votes=[vote], span=Span(line_start=1, line_end=2))

    assert violations(item("Godkendt.\n\n(Ø) stemmer imod")) == []
    assert violations(item("Godkendt. (Ø) stemmer imod")) == ["a point voted on, no event for it"]
