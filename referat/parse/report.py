"""Say what could be read of a document: items and layout -> ReadingReport and warnings.

Counts of what each item yielded (decision, classified outcome, case number, known sections), the
headings that stayed unknown, and warnings for the gaps a reader would otherwise not notice:
minutes without decisions, a layout without items, numbers that skip.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from referat.model import AgendaItem, HeadingCount, Meeting, ParseWarning, ReadingReport, Span
from referat.vocab import Outcome

TOP_UNKNOWN = 10


def reading_report(items: list[AgendaItem], reading: str, reasons: list[str]) -> ReadingReport:
    unknown = Counter(s.heading for item in items for s in item.section_list if s.kind == "other")
    return ReadingReport(
        reading=reading,
        reasons=reasons,
        items=len(items),
        with_decision=sum(item.decision is not None for item in items),
        classified=sum(
            item.decision is not None and any(o is not Outcome.OTHER for o in item.decision.outcomes) for item in items
        ),
        with_case_number=sum(item.case_number is not None for item in items),
        with_sections=sum(any(s.kind != "other" for s in item.section_list) for item in items),
        unknown_headings=[HeadingCount(heading=h, count=n) for h, n in unknown.most_common(TOP_UNKNOWN)],
    )


def reading_warnings(meeting: Meeting, items: list[AgendaItem]) -> list[ParseWarning]:
    warnings = []
    if meeting.organization is None:
        warnings.append(ParseWarning(message="no committee name found in the header"))
    if meeting.start is None:
        warnings.append(ParseWarning(message="no meeting date found in the header"))
    if not items:
        warnings.append(ParseWarning(message="no agenda items found"))
    elif meeting.kind == "minutes" and not any(item.decision for item in items):
        warnings.append(ParseWarning(message="minutes, but no decision was found in any item"))
    numbered = [item for item in items if item.number is not None]
    for previous, item in pairwise(numbered):
        assert previous.number is not None and item.number is not None
        if item.number != previous.number + 1:
            span = Span(line_start=item.span.line_start, line_end=item.span.line_start)
            warnings.append(ParseWarning(message=f"item {item.number} follows item {previous.number}", span=span))
    return warnings


def describe(report: ReadingReport, warnings: list[ParseWarning]) -> list[str]:
    """The reading report as lines for a person: layout and its evidence, counts, gaps."""
    lines = [f"reading: {report.reading}" + (f" ({'; '.join(report.reasons)})" if report.reasons else "")]
    lines.append(
        f"items {report.items} · with a decision {report.with_decision} · classified outcome {report.classified} · "
        f"case number {report.with_case_number} · known sections {report.with_sections}"
    )
    if report.unknown_headings:
        lines.append("unknown headings: " + ", ".join(f"{h.heading} ({h.count})" for h in report.unknown_headings))
    lines += [f"warning: {w.message}" + (f" (line {w.span.line_start})" if w.span else "") for w in warnings]
    return lines
