"""Split minutes into agenda items: lines -> header lines and one block of lines per item.

An item starts at a heading "Punkt 1: Titel" (also "Pkt. 1.", "Dagsordenspunkt 1 -"). Minutes
that number items without the word ("1. Godkendelse af dagsorden") are read by matching the
numbered lines against the table of contents, so numbered "at"-lists are never taken for items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from referat.extract.lines import Line
from referat.parse.toc import find_toc_start, is_toc_entry, toc_titles

# "Punkt 1: Modeller for borgerinddragelse på integrationsområdet", "Pkt. 3 - Budget"
ITEM_HEADING = re.compile(
    r"^(?:Punkt|Pkt\.?|Dagsordens?punkt|Dagsordenpunkt)\s*(?:nr\.?\s*)?(?P<number>\d{1,3})\s*[:.)\-–]\s*(?P<title>\S.*)$",
    re.I,
)
# "1. Godkendelse af dagsorden", "12 Eventuelt"
NUMBERED_HEADING = re.compile(r"^(?P<number>\d{1,3})[.)]?\s+(?P<title>[A-ZÆØÅ].*)$")
LEADING_NUMBER = re.compile(r"^(?:Punkt\s+)?\d{1,3}[.):]?\s+", re.I)
# "Lukket: Mundtlige meddelelser", "Lukket - Personalesag", "Lukket punkt: …", "(Lukket)"
CLOSED = re.compile(r"^(?:Lukket(?:\s+punkt)?\s*[:\-–]|\(Lukket\))|\((?:Lukket|Lukket punkt)\)\s*$", re.I)


@dataclass(frozen=True)
class ItemBlock:
    number: int
    title: str
    public: bool
    heading: Line
    lines: list[Line]


def split_items(lines: list[Line]) -> tuple[list[Line], list[ItemBlock]]:
    """Return the lines before the first item (header and contents) and the item blocks."""
    starts = _item_headings(lines)
    if not starts:
        return lines, []
    blocks = []
    for position, (index, number, title) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        public = CLOSED.search(title) is None
        blocks.append(ItemBlock(number, title, public, lines[index], lines[index + 1 : end]))
    return lines[: starts[0][0]], blocks


def _item_headings(lines: list[Line]) -> list[tuple[int, int, str]]:
    found = [
        (i, int(m.group("number")), m.group("title").strip())
        for i, line in enumerate(lines)
        if (m := ITEM_HEADING.match(line.text)) and not is_toc_entry(line.text)
    ]
    return found or _numbered_headings(lines)


def _numbered_headings(lines: list[Line]) -> list[tuple[int, int, str]]:
    """Numbered lines whose title is listed in the table of contents, in rising order."""
    toc_start = find_toc_start(lines)
    titles = {_title_key(title) for title in toc_titles(lines)}
    found: list[tuple[int, int, str]] = []
    for i, line in enumerate(lines):
        if (toc_start is not None and i <= toc_start) or is_toc_entry(line.text):
            continue
        match = NUMBERED_HEADING.match(line.text)
        if not match:
            continue
        number, title = int(match.group("number")), match.group("title").strip()
        if _title_key(title) in titles and (not found or number > found[-1][1]):
            found.append((i, number, title))
    return found


def _title_key(title: str) -> str:
    # Contents lines may carry the number and are often cut off: compare 40 characters without it.
    return " ".join(LEADING_NUMBER.sub("", title).lower().split())[:40]
