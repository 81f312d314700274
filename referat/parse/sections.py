"""Split an agenda item's lines into sections: list[Line] -> preamble lines and list[Section].

A section starts at a known heading ("Beslutning", "Sagsfremstilling", "Resume", …), at a dated
decision heading ("Beslutning i Social- og Arbejdsmarkedsudvalget den 05-09-2022",
"Økonomiudvalgets møde den 12.03.2024:"), at a proposer line without heading
("Social- og Sundhedsforvaltningen indstiller,") or at an absence line ("Afbud: Claus Jørgensen").
Other lines, including sub-headings, are body text of the current section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from referat.extract.lines import Line
from referat.model import Section, Span
from referat.parse.dates import ANY_DATE, parse_date
from referat.parse.names import split_term
from referat.vocab import SECTION_KINDS

# "Beslutning i Social- og Arbejdsmarkedsudvalget den 05-09-2022", "Beslutning den 12.03.2024"
DATED_DECISION = re.compile(
    r"^(?:Beslutning|Afgørelse)(?:\s+(?:i|fra)\s+(?P<org>.+?))?\s+(?:den|d\.)\s+(?P<date>" + ANY_DATE + r")\s*:?$", re.I
)
# "Økonomiudvalgets møde den 12.03.2024:", "Byrådets beslutning den 21. juni 2023"
MEETING_DECISION = re.compile(
    r"^(?P<org>[A-ZÆØÅ][^:]{2,80}?)s\s+(?:møde|beslutning)\s+(?:den|d\.)\s+(?P<date>" + ANY_DATE + r")\s*:?$"
)
# "Direktionen indstiller:", "Social- og Sundhedsforvaltningen indstiller,",
# "Direktøren indstiller til Social- og Arbejdsmarkedsudvalget at anbefale over for Økonomiudvalget"
PROPOSER = re.compile(r"^(?P<by>[A-ZÆØÅ][^.:;]{1,150}?)\s+indstiller(?:\s+til\s+[^.;]+?)?\s*[,:]?$")
# "Afbud: Claus Jørgensen", "Afbud Maria Durhuus", "Fraværende:"
ABSENCE = re.compile(r"^(?P<heading>Afbud|Fraværende|Fravær)\b\s*:?\s*(?P<rest>.*)$", re.I)
# A summary nested under an empty "Sagsfremstilling" ends at the first sub-heading: a short line
# without closing punctuation, e.g. "Samarbejde med ansøgere til Dialogforum for etniske minoriteter".
SUBHEADING = re.compile(r"^[A-ZÆØÅ0-9][^\t]{0,110}[^.,:;!?\s]$")
MAX_SUBHEADING_WORDS = 15


@dataclass(frozen=True)
class HeadingMatch:
    heading: str
    kind: str
    inline: str = ""
    organization: str | None = None
    date: str | None = None


@dataclass
class _Draft:
    match: HeadingMatch
    heading_line: Line
    body: list[Line]


@dataclass(frozen=True)
class DatedSection:
    """A section with the committee and date of its heading, for dated decisions."""

    section: Section
    organization: str | None
    date: str | None


def match_heading(line: Line) -> HeadingMatch | None:
    """Whether `line` starts a section, and of which kind."""
    text = line.text
    if not text or len(text) > 200:
        return None
    key = text.rstrip(":").strip().lower()
    if key in SECTION_KINDS:
        return HeadingMatch(text.rstrip(":").strip(), SECTION_KINDS[key])
    for pattern in (DATED_DECISION, MEETING_DECISION):
        dated = pattern.match(text)
        if dated:
            org = split_term(dated.group("org"))[0] if dated.group("org") else None
            return HeadingMatch(text.rstrip(":").strip(), "decision", "", org, parse_date(dated.group("date")))
    if PROPOSER.match(text):
        return HeadingMatch("Indstilling", "proposal", text)
    absence = ABSENCE.match(text)
    if absence:
        return HeadingMatch(absence.group("heading").capitalize(), "absence", absence.group("rest"))
    return None


def split_sections(lines: list[Line]) -> tuple[list[Line], list[DatedSection]]:
    """Return the lines before the first section (case number, notes) and the sections in order."""
    preamble: list[Line] = []
    drafts: list[_Draft] = []
    for line in lines:
        match = match_heading(line)
        if match and match.kind == "proposal" and match.inline and drafts and _is_empty_proposal(drafts[-1]):
            # "Indstilling" followed by "Direktionen indstiller:" is one section.
            drafts[-1].body.append(line)
        elif match:
            inline = [Line(line.number, match.inline, 0, line.page)] if match.inline else []
            drafts.append(_Draft(match, line, inline))
        elif drafts:
            drafts[-1].body.append(line)
        else:
            preamble.append(line)
    return preamble, [_finish(draft) for draft in _unnest_summaries(drafts)]


def _is_empty_proposal(draft: _Draft) -> bool:
    return draft.match.kind == "proposal" and not any(line.text for line in draft.body)


def _unnest_summaries(drafts: list[_Draft]) -> list[_Draft]:
    """Give a summary nested in an empty description back the text after its first sub-heading."""
    result: list[_Draft] = []
    for draft in drafts:
        parent = result[-1] if result else None
        if (
            draft.match.kind == "summary"
            and parent is not None
            and parent.match.kind == "description"
            and not any(line.text for line in parent.body)
        ):
            cut = _first_subheading(draft)
            if cut is not None:
                result.append(_Draft(draft.match, draft.heading_line, draft.body[:cut]))
                result.append(_Draft(parent.match, parent.heading_line, draft.body[cut:]))
                continue
        result.append(draft)
    return result


def _first_subheading(draft: _Draft) -> int | None:
    body = draft.body
    for i, line in enumerate(body):
        if not line.text or not any(prev.text for prev in body[:i]):
            continue
        if draft.heading_line.level and line.level:
            if line.level <= draft.heading_line.level:
                return i
            continue
        blank_around = (i == 0 or not body[i - 1].text) and (i + 1 >= len(body) or not body[i + 1].text)
        if (
            blank_around
            and SUBHEADING.match(line.text)
            and len(line.text.split()) <= MAX_SUBHEADING_WORDS
            and not line.text.startswith(("- ", "• "))
        ):
            return i
    return None


def _finish(draft: _Draft) -> DatedSection:
    body = draft.body
    texts = [line for line in body if line.text]
    last = texts[-1].number if texts else draft.heading_line.number
    section = Section(
        heading=draft.match.heading,
        kind=draft.match.kind,
        text=join_paragraphs(body),
        span=Span(line_start=draft.heading_line.number, line_end=last, page=draft.heading_line.page),
    )
    return DatedSection(section, draft.match.organization, draft.match.date)


def join_paragraphs(lines: list[Line]) -> str:
    """Join lines, keeping one blank line between paragraphs."""
    out: list[str] = []
    for line in lines:
        if line.text:
            out.append(line.text)
        elif out and out[-1] != "":
            out.append("")
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)
