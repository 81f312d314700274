"""PDF and HTML renderings of every seed yield the same facts as its text version."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from referat.model import AgendaItem, ParsedDocument
from referat.parse.document import parse_document
from referat.sources.raw import RawDocument
from tests.conftest import EXAMPLES
from tests.render import Layout, read_layout, render_html_item_pages, render_html_meeting, render_pdf

SEEDS = sorted(path for path in EXAMPLES.rglob("*") if path.suffix in {".txt", ".md"} and path.stem != "README")


def _flat(text: str | None) -> str | None:
    """Whitespace does not carry facts; paragraphs may be wrapped differently per format."""
    return " ".join(text.split()) if text else text


def meeting_facts(document: ParsedDocument) -> dict[str, Any]:
    meeting = document.meeting
    return {
        "body": meeting.body,
        "organization": meeting.organization,
        "start": meeting.start,
        "location": meeting.location,
        "participants": [(p.name, p.party) for p in meeting.participants],
        "absent": [(p.name, p.party) for p in meeting.absent],
        "items": len(document.agenda_items),
    }


def item_facts(item: AgendaItem) -> dict[str, Any]:
    decision = item.decision
    return {
        "number": item.number,
        "title": item.title,
        "public": item.public,
        "case_number": item.case_number,
        "sections": [section.kind for section in item.section_list],
        "proposals": [_flat(proposal) for proposal in item.proposals],
        "decision": _flat(decision.text) if decision else None,
        "outcomes": decision.outcomes if decision else None,
        "votes": [(v.option, v.names, v.parties, v.count) for v in item.votes],
        "protocol_notes": [_flat(note) for note in item.protocol_notes],
        "attachments": [_flat(a.title) for a in item.attachments],
        "references": [(r.date, r.organization, r.item, _flat(r.text)) for r in item.references],
        "consultations": [(c.date, c.organization, c.outcome) for c in item.consultations],
    }


@pytest.fixture(scope="module", params=SEEDS, ids=lambda path: path.stem[:30])
def seed(request: pytest.FixtureRequest) -> tuple[Path, ParsedDocument, Layout]:
    path: Path = request.param
    return path, parse_document(RawDocument(uri=str(path), data=path.read_bytes())), read_layout(path)


def _parse(uri: str, data: bytes) -> ParsedDocument:
    return parse_document(RawDocument(uri=uri, data=data))


def _assert_same_facts(expected: ParsedDocument, actual: ParsedDocument) -> None:
    assert meeting_facts(actual) == meeting_facts(expected)
    for want, got in zip(expected.agenda_items, actual.agenda_items, strict=True):
        assert item_facts(got) == item_facts(want), f"item {want.number}"


def test_pdf_rendering_gives_the_same_facts(seed: tuple[Path, ParsedDocument, Layout]) -> None:
    path, text_version, layout = seed
    pdf = render_pdf(layout, running_header=f"Referat · {text_version.meeting.organization}")
    parsed = _parse(path.with_suffix(".pdf").name, pdf)
    assert parsed.source.format == "pdf"
    _assert_same_facts(text_version, parsed)


def test_html_meeting_page_gives_the_same_facts(seed: tuple[Path, ParsedDocument, Layout]) -> None:
    path, text_version, layout = seed
    parsed = _parse(path.with_suffix(".html").name, render_html_meeting(layout).encode())
    assert parsed.source.format == "html"
    _assert_same_facts(text_version, parsed)


def test_html_item_pages_give_the_same_facts(seed: tuple[Path, ParsedDocument, Layout]) -> None:
    path, text_version, layout = seed
    pages = render_html_item_pages(layout)
    assert len(pages) == len(text_version.agenda_items)
    for page, want in zip(pages, text_version.agenda_items, strict=True):
        parsed = _parse(f"{path.stem}-punkt-{want.number}.html", page.encode())
        assert parsed.meeting.organization == text_version.meeting.organization
        assert parsed.meeting.start == text_version.meeting.start
        assert [item_facts(item) for item in parsed.agenda_items] == [item_facts(want)]
