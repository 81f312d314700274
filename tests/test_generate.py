"""The synthetic minutes generator: deterministic, and every fact it writes is parsed back."""

from __future__ import annotations

from pathlib import Path

from referat.generate.minutes import plan_meetings, render, write_corpus
from referat.parse.document import parse_document
from referat.sources.raw import RawDocument


def test_same_seed_same_minutes(tmp_path: Path) -> None:
    first = [p.read_bytes() for p in write_corpus(12, tmp_path / "a", seed=5)]
    second = [p.read_bytes() for p in write_corpus(12, tmp_path / "b", seed=5)]
    assert first == second
    assert first != [p.read_bytes() for p in write_corpus(12, tmp_path / "c", seed=6)]


def test_references_point_to_earlier_meetings() -> None:
    meetings = plan_meetings(150, seed=3)
    assert len({m.municipality for m in meetings}) >= 4
    assert len({m.layout for m in meetings}) == 4
    for meeting in meetings:
        for item in meeting.items:
            assert all(date < meeting.start.isoformat() for _, date, _ in item.references)
    assert sum(len(i.references) for m in meetings for i in m.items) > 50


def test_parsing_generated_minutes_gives_back_every_fact() -> None:
    for meeting in plan_meetings(120, seed=11):
        document = parse_document(RawDocument(uri=meeting.filename, data=render(meeting, 11).encode()))
        assert (document.meeting.body, document.meeting.organization) == (meeting.body, meeting.organization)
        assert document.meeting.start is not None and document.meeting.start.startswith(meeting.start.isoformat())
        assert len(document.agenda_items) == len(meeting.items)
        for got, want in zip(document.agenda_items, meeting.items, strict=True):
            title = f"{meeting.code} - {want.title}" if meeting.layout == "lejre" else want.title
            assert (got.title, got.case_number, got.proposals) == (title, want.case_number, want.proposals)
            want_outcomes = list(dict.fromkeys(want.outcomes))  # the distinct outcomes of the parts
            assert (got.decision.outcomes if got.decision else []) == want_outcomes
            assert [(v.option, v.names, [] if v.names else v.parties) for v in got.votes] == want.votes
            assert [(r.organization, r.date, r.item) for r in got.references] == want.references
            assert [(c.organization, c.date) for c in got.consultations if c.when == "upcoming"] == want.upcoming
