"""Recognise the table of contents so its entries are never taken for agenda items.

Entries end in a page number after dot leaders or a tab ("Digitale veje til job.....\t34"), or are
listed between an "Indholdsfortegnelse" heading and the first agenda item.
"""

from __future__ import annotations

import re

from referat.extract.lines import Line

# "Modeller for borgerinddragelse på integrationsområdet.....\t3", "Lukket: Mundtlige meddelelser\t40"
TOC_ENTRY = re.compile(r"^(?P<title>\S.*?)\s*(?:\.{3,}|…+|\t)[\s.…]*(?P<page>\d{1,4})$")
TOC_HEADING = re.compile(r"^(?:Indholdsfortegnelse|Indhold|Dagsordenoversigt|Oversigt over punkter)\s*:?$", re.I)


def is_toc_entry(text: str) -> bool:
    # Every entry ends in its page number; checking that first keeps long paragraphs cheap.
    return text[-1:].isdigit() and TOC_ENTRY.match(text) is not None


def toc_titles(lines: list[Line]) -> list[str]:
    """Titles listed in the table of contents, in order, without page numbers."""
    titles = []
    for line in lines:
        match = TOC_ENTRY.match(line.text) if is_toc_entry(line.text) else None
        if match:
            titles.append(match.group("title").strip(" .…"))
    return titles


def find_toc_start(lines: list[Line]) -> int | None:
    """Index of the "Indholdsfortegnelse" heading, if any."""
    return next((i for i, line in enumerate(lines) if TOC_HEADING.match(line.text)), None)
