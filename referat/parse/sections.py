"""Split an agenda item's lines into sections: list[Line] -> preamble lines and list[Section].

A section starts at a heading the vocabulary or the decision forms name (parse/headings.py), at a
proposer line without heading ("Social- og Sundhedsforvaltningen indstiller,"), at an absence line
("Afbud: Claus Jørgensen"), or at a heading of the document's own template: a heading-like line
that recurs in several of its items (learn_template). Such a heading the vocabulary does not know becomes a
section of its own (kind from its first words, else `other`), never text of the section above.
Other lines, including a case worker's own sub-headings, are body text of the current section.
A dated committee line ("Økonomiudvalget, 2. juni 2021, pkt. 40:") heads a decision, except in a
list of earlier or related treatment, where it is a line of that list.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from referat.extract.lines import Line
from referat.model import Section, Span
from referat.parse.case_numbers import is_case_number_line
from referat.parse.dates import ANY_DATE_RE
from referat.parse.headings import (
    HeadingMatch,
    heading_key,
    is_body_name,
    keyword_kind,
    known_heading,
    looks_like_heading,
    treatment_field,
)

# "Direktionen indstiller:", "Social- og Sundhedsforvaltningen indstiller,",
# "Direktøren indstiller til Social- og Arbejdsmarkedsudvalget at anbefale over for Økonomiudvalget"
PROPOSER = re.compile(r"^(?P<by>[A-ZÆØÅ][^.:;]{1,150}?)\s+indstiller(?:\s+til\s+[^.;]+?)?\s*(?:,?\s*at)?\s*[,:]?$")
# A summary nested under an empty "Sagsfremstilling" ends at the first sub-heading: a short line
# without closing punctuation, e.g. "Samarbejde med ansøgere til Dialogforum for etniske minoriteter".
SUBHEADING = re.compile(r"^[A-ZÆØÅ0-9][^\t]{0,110}[^.,:;!?\s]$")
MAX_SUBHEADING_WORDS = 15
# "Afbud Maria Durhuus", "Fraværende Claus Jørgensen (F)": an absence printed without a colon
ABSENCE = re.compile(r"^(?P<heading>Afbud|Fraværende|Fravær)(?:\s+fra)?\s+(?P<rest>[A-ZÆØÅ].*)$")
# A heading of the template recurs in at least this share of the items (and in two at least).
RECURRENCE_SHARE = 0.3
# Sections listing other treatment, where a dated committee line is an entry, not a decision.
TREATMENT_LISTS = {"history", "related", "upcoming", "consultation", "procedure"}
ITEM_NAMED = re.compile(r"\b(?:pkt|punkt|sag)\.?\s*(?:nr\.?\s*)?\d", re.I)
# "Kasper Bøgh (V)", "Kasper Vind Eriksen", "Teknisk Udvalg": names recur (under every absence
# heading, as the body a case goes to) in Title Case, which Danish headings are not written in.
TITLE_CASE_NAME = re.compile(r"^[A-ZÆØÅ][\w.'’-]+(?:\s+[A-ZÆØÅ][\w.'’-]+)+,?(?:\s*\([A-ZÆØÅ]{1,3}\))?\.?$")
# "Sagen afgøres i: Økonomiudvalget": a labelled value, not a heading
DIGIT = re.compile(r"\d")
LABELLED_VALUE = re.compile(r"^[^:]{2,60}:\s*\S")


@dataclass(frozen=True)
class Template:
    """The headings a document's items share: its publisher's template. A page with one item has
    no recurrence to learn from; there only the vocabulary's headings are sections, as a styled
    line may as well be the case worker's own sub-heading."""

    recurring: frozenset[str] = frozenset()


def learn_template(items: list[list[Line]]) -> Template:
    """Heading-like lines that recur across the items."""
    counts: Counter[str] = Counter()
    for lines in items:
        counts.update({heading_key(line.text) for line in lines if not known_heading(line.text) and _may_head(line)})
    need = max(2, math.ceil(len(items) * RECURRENCE_SHARE))
    return Template(frozenset(k for k, n in counts.items() if n >= need))


def _may_head(line: Line) -> bool:
    """A line that may be a template heading: heading-shaped, and not a member, a case number or a
    dated entry of a list ("06-03-2023 Kultur- og Fritidsudvalget"), which recur as well."""
    text = line.text
    return (
        looks_like_heading(line)
        and not TITLE_CASE_NAME.match(text)
        and not LABELLED_VALUE.match(text)
        and not is_body_name(text.strip(" .,"))
        and not is_case_number_line(text)
        and not (DIGIT.search(text) and ANY_DATE_RE.search(text))  # every date has a digit
    )


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


def match_heading(line: Line, template: Template, current: str | None = None) -> HeadingMatch | None:
    """Whether `line` starts a section, and of which kind; `current` is the kind of the section it is in."""
    text = line.text
    if not text or len(text) > 200:
        return None
    known = known_heading(text)
    if known:
        # "Byrådet den 29. januar 2025" in a time plan is no decision heading; a dated committee
        # line heads a decision where it is set as a heading: styled, closed by a colon, or naming
        # the item ("Social- og Sundhedsudvalget, 2. juni 2021, pkt. 40:").
        if current == "decision" and known.kind == "decision" and known.date is None and not (line.level or line.bold):
            return None  # "Kultur- og Fritidsudvalgets beslutning:" inside the decision continues it
        if known.committee_line and (
            current in TREATMENT_LISTS
            or not (line.level or line.bold or text.rstrip().endswith(":") or ITEM_NAMED.search(text))
        ):
            return None
        return known
    if PROPOSER.match(text):
        return HeadingMatch("Indstilling", "proposal", text)
    absence = ABSENCE.match(text)
    if absence:
        return HeadingMatch(absence.group("heading").capitalize(), "absence", absence.group("rest"))
    if current == "decision" and not (line.level or line.bold):
        return None  # "Taget til efterretning" recurs as a decision's text, not as a heading
    if heading_key(text) in template.recurring and _may_head(line):
        heading = text.strip().rstrip(":").strip()
        return HeadingMatch(heading, keyword_kind(heading), learned=True)
    return None


def split_sections(lines: list[Line], template: Template | None = None) -> tuple[list[Line], list[DatedSection]]:
    """Return the lines before the first section (case number, notes) and the sections in order."""
    template = template or Template()
    preamble: list[Line] = []
    drafts: list[_Draft] = []
    for index, line in enumerate(lines):
        match = match_heading(line, template, drafts[-1].match.kind if drafts else None)
        if match and match.learned and not (line.level or line.bold) and not _heads_text(lines, index, template):
            # a recurring value, not a heading: "Beslutningssag" under "Sagsgang og sagstype"
            match = None
        if match and drafts and _is_treatment_field(drafts[-1], line):
            match = None  # "Beslutning: Anbefalet." of an earlier treatment listed in a case history
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
    return preamble, [_finish(draft) for draft in _unnest_summaries(_absence_in_decision(drafts))]


def _absence_in_decision(drafts: list[_Draft]) -> list[_Draft]:
    """An absence line right under a decision heading ("Beslutning i Byrådet 9. oktober 2018:" /
    "Fraværende: Ib Holm (A)" / "" / "Godkendt.") names the absent in its paragraph; the paragraphs
    after it are the decision's text again, never more absentees."""
    for decision, absence in pairwise(drafts):
        if decision.match.kind != "decision" or absence.match.kind != "absence" or any(x.text for x in decision.body):
            continue
        named = bool(absence.body and absence.body[0].text)  # the names printed after the label
        for cut, line in enumerate(absence.body):
            if line.text:
                named = True
            elif named:
                decision.body.extend(absence.body[cut:])
                del absence.body[cut:]
                break
    return drafts


def _heads_text(lines: list[Line], index: int, template: Template) -> bool:
    """Whether a plain line has text of its own below it, before the next heading, as a heading has."""
    following = next((line for line in lines[index + 1 :] if line.text), None)
    return following is not None and match_heading(following, template) is None


def _is_treatment_field(draft: _Draft, line: Line) -> bool:
    """A plain labelled line in a case history whose lines above are labelled treatments ("Udvalg:",
    "Dato:"), so its "Beslutning:" is an earlier body's, not this meeting's."""
    if draft.match.kind not in TREATMENT_LISTS or line.level or line.bold or treatment_field(line.text)[0] is None:
        return False
    return any(treatment_field(above.text)[0] in {"body", "date"} for above in draft.body)


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
