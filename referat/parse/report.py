"""Say what could be read of a document: items and layout -> ReadingReport and warnings.

Counts of what each item yielded (decision, classified outcome, case number, known sections), the
headings that stayed unknown, and warnings for the gaps a reader would otherwise not notice:
minutes without decisions, a layout without items, numbers that skip.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from referat.model import AgendaItem, HeadingCount, Meeting, ParsedDocument, ParseWarning, ReadingReport, Span
from referat.vocab import Outcome

TOP_UNKNOWN = 10


def reading_report(items: list[AgendaItem], reading: str, reasons: list[str], layout: str) -> ReadingReport:
    unknown = Counter(s.heading for item in items for s in item.section_list if s.kind == "other")
    return ReadingReport(
        reading=reading,
        layout=layout,
        reasons=reasons,
        items=len(items),
        with_decision=sum(item.decision is not None for item in items),
        empty_decisions=[
            _item_label(item)
            for item in items
            if item.decision is None and any(s.kind == "decision" for s in item.section_list)
        ],
        classified=sum(
            item.decision is not None and any(o is not Outcome.OTHER for o in item.decision.outcomes) for item in items
        ),
        with_case_number=sum(item.case_number is not None for item in items),
        with_sections=sum(any(s.kind != "other" for s in item.section_list) for item in items),
        unknown_headings=[HeadingCount(heading=h, count=n) for h, n in unknown.most_common(TOP_UNKNOWN)],
    )


def _item_label(item: AgendaItem) -> str:
    return str(item.number) if item.number is not None else f"“{item.title}”"


def reading_warnings(meeting: Meeting, items: list[AgendaItem]) -> list[ParseWarning]:
    warnings = []
    if meeting.organization is None:
        warnings.append(ParseWarning(code="no-committee", message="Intet udvalgsnavn fundet i mødets hoved."))
    if meeting.start is None:
        warnings.append(ParseWarning(code="no-date", message="Ingen mødedato fundet i mødets hoved."))
    if not items:
        warnings.append(ParseWarning(code="no-items", message="Ingen dagsordenspunkter fundet."))
    elif meeting.kind == "minutes" and not any(item.decision for item in items):
        message = "Et referat, men ingen beslutning fundet i noget punkt."
        warnings.append(ParseWarning(code="no-decisions", message=message))
    numbered = [item for item in items if item.number is not None]
    for previous, item in pairwise(numbered):
        assert previous.number is not None and item.number is not None
        if item.number != previous.number + 1:
            span = Span(line_start=item.span.line_start, line_end=item.span.line_start)
            message = f"Punkt {item.number} følger efter punkt {previous.number}."
            warnings.append(ParseWarning(code="number-gap", message=message, span=span))
    return warnings


# How the items were told apart (ReadingReport.layout), said for a person.
LAYOUTS = {
    "keyword": "overskrifter som “Punkt 1”",
    "numbered": "nummererede overskrifter (“1. Titel”)",
    "number-line": "punktnumre på deres egen linje",
    "styled": "titler sat som overskrifter",
    "before-case": "titler over en linje med sagsnummer",
    "case-line": "linjer med sagsnummer (punkterne har ingen trykt titel)",
    "section-cycle": "den gentagne række af afsnit (punkterne har ingen overskrift)",
    "single": "sidens ene overskrift (en side pr. punkt)",
    "portal": "portalens egne felter (FirstAgenda)",
}


def describe(document: ParsedDocument) -> list[str]:
    """What could be read of a document, in plain Danish for a civil servant or a journalist: the
    meeting's facts (and how to give a missing municipality), how the items were found, what each
    count means, and every gap."""
    meeting, report = document.meeting, document.report
    lines = [
        "Kommune: "
        + (meeting.body or 'ukendt – teksten nævner den ikke tydeligt; angiv den med --body "Navn Kommune"'),
        "Udvalg: " + (meeting.organization or "ukendt – ikke fundet i mødets hoved"),
        "Mødedato: " + (_date(meeting.start) if meeting.start else "ukendt – ikke fundet i mødets hoved"),
    ]
    if report is not None:
        lines += _counts(report, document.agenda_items)
    shown_as_facts = {"no-committee", "no-date"}
    lines += [
        f"Advarsel: {w.message}" + (f" (linje {w.span.line_start})" if w.span else "")
        for w in document.warnings
        if w.code not in shown_as_facts
    ]
    return lines


def _date(start: str) -> str:
    """ "2024-05-08T16:30" -> "2024-05-08 kl. 16.30"."""
    date, _, time = start.partition("T")
    return date + (f" kl. {time.replace(':', '.')}" if time else "")


def _counts(report: ReadingReport, items: list[AgendaItem]) -> list[str]:
    if not report.items:
        return ["Punkter: ingen fundet."]
    numbers = [item.number for item in items if item.number is not None]
    span = f", nr. {numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else ""
    found_by = LAYOUTS.get(report.layout or "", "deres opbygning")
    lines = [f"Punkter: {report.items}{span}, fundet ved {found_by}."]
    decided = f"Beslutning: {report.with_decision} af {report.items} punkter har en beslutning"
    unclassified = report.with_decision - report.classified
    if report.with_decision and unclassified:
        decided += f"; ved {unclassified} af dem kunne udfaldet ikke bestemmes (står som “Andet”)"
    lines.append(decided + ".")
    if report.empty_decisions:
        which = " og ".join([", ".join(report.empty_decisions[:-1]), report.empty_decisions[-1]]).lstrip(" og")
        one = len(report.empty_decisions) == 1
        lines.append(
            f"  Punkt {which} {'har' if one else 'har hver'} overskriften “Beslutning”, men ingen tekst under den, "
            f"så {'det' if one else 'de'} ikke tæller som besluttet."
        )
    lines.append(f"Sagsnummer: fundet i {report.with_case_number} af {report.items} punkter.")
    lines.append(
        f"Afsnit: {report.with_sections} af {report.items} punkter har afsnit, referat kender "
        "(fx Indstilling, Sagsfremstilling, Beslutning)."
    )
    if report.unknown_headings:
        unknown = ", ".join(f"{h.heading} ({h.count})" for h in report.unknown_headings)
        lines.append(f"Overskrifter, referat ikke kender (antal): {unknown}.")
    return lines
