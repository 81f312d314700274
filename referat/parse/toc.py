"""Recognise the table of contents so its entries are never taken for agenda items.

Entries end in a page number after dot leaders or a tab ("Digitale veje til job.....\t34"), or are
listed between an "Indholdsfortegnelse" heading and the first agenda item.
"""

from __future__ import annotations

import re

from referat.extract.lines import Line
from referat.parse.headings import known_heading
from referat.vocab import CONTENTS_HEADINGS, CONTENTS_PAGE_COLUMN, FACT_LABELS

# "Modeller for borgerinddragelse på integrationsområdet.....\t3", "Lukket: Mundtlige meddelelser\t40",
# and front matter's roman page numbers after dot leaders: "Dallund Slot...ii"
TOC_ENTRY = re.compile(
    r"^(?P<title>\S.*?)\s*(?:(?:\.{3,}|…+|\t)[\s.…]*(?P<page>\d{1,4})|(?:\.{3,}|…+)\s*(?P<roman>[ivxlc]{1,6}))$"
)
TOC_HEADING = re.compile(r"^(?:" + "|".join(CONTENTS_HEADINGS).replace(" ", r"\s+") + r")\s*:?$", re.I)
ROMAN_LETTERS = frozenset("ivxlc")
MAX_LABEL_LINE = 200  # a contents column row or a meeting fact is a short line


def is_toc_entry(text: str) -> bool:
    # Every entry ends in its page number; checking that first keeps long paragraphs cheap.
    last = text[-1:]
    return (last.isdigit() or last in ROMAN_LETTERS) and TOC_ENTRY.match(text) is not None


def toc_titles(lines: list[Line]) -> list[str]:
    """Titles listed in the table of contents, in order, without page numbers."""
    titles = []
    for line in lines:
        match = TOC_ENTRY.match(line.text) if is_toc_entry(line.text) else None
        if match:
            titles.append(match.group("title").strip(" .…"))
    return titles


def find_toc_start(lines: list[Line]) -> int | None:
    """Index of the "Indholdsfortegnelse" heading, or of the contents table's row of column labels
    where no heading names it, if any."""
    return next(
        (
            i
            for i, line in enumerate(lines)
            if TOC_HEADING.match(line.text)
            or (len(line.text) <= MAX_LABEL_LINE and CONTENTS_PAGE_COLUMN.search(line.text))
        ),
        None,
    )


def contents_end(lines: list[Line], start: int) -> int:
    """Where the contents that start at `start` end: at the end of their page, or at a fact of the
    meeting printed after them ("Fraværende", "Afbud: Ib Holm")."""
    for index in range(start + 1, len(lines)):
        text = lines[index].text
        if lines[index].page != lines[start].page or _is_meeting_fact(text):
            return index
    return len(lines)


def _is_meeting_fact(text: str) -> bool:
    heading = known_heading(text) if len(text) < MAX_LABEL_LINE else None
    label = text.partition(":")[0].strip().lower()
    return (heading is not None and heading.kind == "absence") or label in FACT_LABELS
