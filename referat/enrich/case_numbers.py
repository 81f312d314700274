"""Find an agenda item's case number (sagsnummer).

Seen forms: "22-28-15.00.00-P20" (year-serial-KLE-facet), "23-144765-00.00.00-A00", "24-003043",
"22/20223", "2024-001234", and labelled "Sagsnr.: 01.02.03-G01-1-24", "J.nr. 00.01.00".
"""

from __future__ import annotations

import re

from referat.extract.lines import Line

CASE_PATTERNS = [
    re.compile(r"\d{2}-\d{1,7}-\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}"),  # 22-28-15.00.00-P20
    re.compile(r"\d{2}\.\d{2}\.\d{2}(?:-[A-ZÆØÅ]\d{2}(?:-\d{1,6}-\d{2})?)?"),  # 00.01.00-A00-1-22
    re.compile(r"(?:19|20)?\d{2}-\d{3,7}"),  # 24-003043, 2024-001234
    re.compile(r"\d{2}/\d{3,7}"),  # 22/20223
]
# "Sagsnr.: 24-003043", "Sags nr. 22/20223", "J.nr. 00.01.00", "Journalnummer: …"
LABELLED = re.compile(
    r"^(?:Sags?\s*nr|Sagsnummer|Sag\s+nr|J\.\s*nr|Journal\s*nr|Journalnummer|Jour\.\s*nr)\.?\s*:?\s*(?P<number>\S+)",
    re.I,
)
PREAMBLE_LINES = 3


def find_case_number(preamble: list[Line], body: list[Line]) -> str | None:
    """A line of its own right after the heading, or a labelled line anywhere in the item."""
    for line in [line for line in preamble if line.text][:PREAMBLE_LINES]:
        number = _whole_case_number(line.text)
        if number:
            return number
    for line in preamble + body:
        labelled = LABELLED.match(line.text)
        if labelled:
            return labelled.group("number").rstrip(".,;")
    return None


def _whole_case_number(text: str) -> str | None:
    candidate = text.strip().rstrip(".")
    labelled = LABELLED.match(candidate)
    if labelled:
        candidate = labelled.group("number").rstrip(".,;")
    if any(pattern.fullmatch(candidate) for pattern in CASE_PATTERNS):
        return candidate
    return None
