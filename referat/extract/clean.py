"""Remove page furniture from extracted lines: page numbers and running headers.

A running header is a line repeated on many pages that equals the document's first line, e.g.
"REFERAT Økonomiudvalget d. 12-03-2024"; other repeated lines ("Afbud: Claus Jørgensen",
"Beslutning") are content and stay.
"""

from __future__ import annotations

import re
from collections import Counter

from referat.extract.lines import Line

# "Side 3 af 41", "Side 3", "Page 3 of 41", "- 3 -"
PAGE_NUMBER = re.compile(r"^(?:(?:Side|Page)\s+\d+(?:\s*(?:af|of|/)\s*\d+)?|-\s*\d+\s*-)$", re.I)
MIN_HEADER_REPEATS = 3


def remove_page_furniture(lines: list[Line]) -> list[Line]:
    """Blank page numbers and running headers, keeping line numbers intact."""
    first = next((line.text for line in lines if line.text), "")
    repeats = Counter(line.text for line in lines if line.text)
    running_header = first if repeats[first] >= MIN_HEADER_REPEATS else None
    cleaned: list[Line] = []
    seen_first = False
    for line in lines:
        is_header = line.text == running_header and seen_first
        seen_first = seen_first or line.text == first
        if is_header or PAGE_NUMBER.match(line.text):
            cleaned.append(Line(line.number, "", 0, line.page))
        else:
            cleaned.append(line)
    return cleaned
