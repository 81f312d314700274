"""Parse one document into the model: RawDocument -> ParsedDocument.

A structured source (a portal's meeting JSON, referat's own JSON corrected by hand) goes to its
reader in parse/readers/. Any other document is extracted into styled lines, its layout found
(parse/layout.py), its header read, its template of section headings learned from the items, and
each item read (parse/blocks.py).
"""

from __future__ import annotations

from collections import Counter

from referat.errors import ParseError
from referat.extract import extract
from referat.model import AgendaItem, Meeting, ParsedDocument, SourceInfo
from referat.parse.blocks import ItemContext, absent_from_meeting, find_party_letters, read_item, with_parties
from referat.parse.header import find_municipality, read_header
from referat.parse.layout import find_layout
from referat.parse.readers.contract import looks_like_contract, read_contract
from referat.parse.readers.firstagenda import looks_like_firstagenda, parse_firstagenda
from referat.parse.report import reading_report, reading_warnings
from referat.parse.sections import learn_template
from referat.sources.raw import RawDocument


def parse_document(raw: RawDocument, body: str | None = None) -> ParsedDocument:
    """Parse minutes; `body` names the municipality when the text does not say it clearly."""
    if looks_like_contract(raw):
        return read_contract(raw, body)
    if looks_like_firstagenda(raw):
        return parse_firstagenda(raw, body)
    extracted = extract(raw)
    layout = find_layout(extracted.lines)
    header = read_header(layout.header, extracted.title, raw.uri, extracted.furniture)
    if not layout.blocks and not (header.organization and header.date):
        raise ParseError(raw.uri, f"no minutes found: neither a meeting header nor any agenda item ({layout.reading})")
    full_text = "\n".join(line.text for line in extracted.lines)
    parties = find_party_letters(full_text)
    participants = with_parties(header.participants, parties)
    header_absent = with_parties(header.absent, parties)
    template = learn_template([block.lines for block in layout.blocks])
    context = ItemContext(header.date, participants + header_absent, parties, template, header.organization)
    items = [read_item(block, context) for block in layout.blocks]
    kind = header.kind or ("minutes" if any(item.decision for item in items) else None)
    organization, date = header.organization, header.date
    if organization is None or date is None:
        named, dated = _named_in_decisions(items)
        organization, date = organization or named, date or dated
    meeting = Meeting(
        body=body or header.body or find_municipality(full_text),
        organization=organization,
        term=header.term,
        kind="minutes" if kind == "minutes" else "agenda" if kind else None,
        start=_iso(date, header.start_time if date == header.date else None),
        end=_iso(header.date, header.end_time) if header.end_time else None,
        location=header.location,
        participants=participants,
        absent=header_absent or absent_from_meeting(items),
    )
    source = SourceInfo(path=raw.uri, format=extracted.format, sha256=raw.sha256, encoding=extracted.encoding)
    return ParsedDocument(
        source=source,
        meeting=meeting,
        agenda_items=items,
        warnings=reading_warnings(meeting, items),
        report=reading_report(items, layout.reading, layout.reasons, layout.kind),
    )


def _named_in_decisions(items: list[AgendaItem]) -> tuple[str | None, str | None]:
    """The committee and date that most of the items' decision headings name ("Beslutning i Byrådet
    den 20-06-2018"): a page that prints them nowhere else still says whose meeting it was."""
    decisions = [item.decision for item in items if item.decision]
    if not decisions:
        return None, None
    results: list[str | None] = []
    for values in ([d.organization for d in decisions], [d.date for d in decisions]):
        value, count = Counter(values).most_common(1)[0]
        results.append(value if value and count * 2 > len(decisions) else None)
    return results[0], results[1]


def _iso(date: str | None, time: str | None) -> str | None:
    if date is None:
        return None
    return f"{date}T{time}" if time else date
