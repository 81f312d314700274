"""The shape of a case number (sagsnummer) as text: what the layout reader takes as evidence of an
item's start and the enricher reads the number from.

Seen forms: "22-28-15.00.00-P20" (year-serial-KLE-facet), "23-144765-00.00.00-A00", "24-003043",
"22/20223", "2024-001234", "450-2018-4075", "00.22.04-A00-1-16", labelled ("Sagsnr.: 14/27911", "Sagsid.: 23/1032",
"J.nr.: 18.00.00A00", "Dok.nr.: 2187"), after an access marker ("Åbent - 27.12.00-P27-2-17") or the
case worker's initials ("DIHAJP / 06/17018").
"""

from __future__ import annotations

import re

from referat.vocab import CASE_LABELS

CASE_PATTERNS = [
    re.compile(r"\d{2}-\d{1,7}-\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}"),  # 22-28-15.00.00-P20
    re.compile(r"\d{2}\.\d{2}\.\d{2}(?:-[A-ZÆØÅ]\d{2}(?:-\d{1,6}-\d{2})?)?"),  # 00.01.00-A00-1-22
    re.compile(r"\d{2}\.\d{2}\.\d{2}[A-ZÆØÅ]\d{2}-\d{1,6}"),  # 00.01.00P35-0112 (Acadre)
    re.compile(r"(?:19|20)?\d{2}-\d{3,7}"),  # 24-003043, 2024-001234
    re.compile(r"\d{3}-(?:19|20)\d{2}-\d{1,7}"),  # 450-2018-4075: the archive's prefix, year, serial
    re.compile(r"\d{2}/\d{1,7}"),  # 22/20223
]
# "Sagsnr.: 24-003043", "Sagsid.: 23/1032", "J.nr. 00.01.00", "Dok.nr.: 2187"; the value holds a digit.
LABELLED = re.compile(
    r"(?:^|\s)(?P<label>" + CASE_LABELS + r"|Dok\.?\s*nr)\.?\s*:?\s*(?P<number>[\w.\-/]*\d[\w.\-/]*)", re.I
)
MAX_CASE_LINE = 160  # a line that gives a case number is short; a paragraph is not one
DIGIT = re.compile(r"\d")
ACCESS_MARKER = re.compile(r"^(?:åben|åbent|lukket)\s*[-–:]\s*", re.I)
# "DIHAJP / 06/17018": the case worker's initials before the case number
CASE_WORKER = re.compile(r"^[A-ZÆØÅ]{2,8}\s+/\s+(?=\d)")


def is_case_number_line(text: str) -> bool:
    """A line that gives a case number: labelled ("Sagsnr.: 22/1005") or the number alone."""
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_CASE_LINE or not DIGIT.search(stripped):
        return False
    return whole_case_number(stripped) is not None or LABELLED.match(stripped) is not None


def whole_case_number(text: str) -> str | None:
    """A line that is a case number, also after an access marker ("Åbent - 27.12.00-P27-2-17")."""
    # "25/19069 -": a separator left dangling where an empty field followed
    candidate = CASE_WORKER.sub("", ACCESS_MARKER.sub("", text.strip().rstrip(".").rstrip(" -–")))
    if any(pattern.fullmatch(candidate) for pattern in CASE_PATTERNS):
        return candidate
    labelled = LABELLED.match(candidate)
    if labelled and labelled.end() == len(candidate):
        return labelled.group("number").rstrip(".,;")
    return None
