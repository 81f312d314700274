"""Find an agenda item's case number (sagsnummer).

Seen forms: "22-28-15.00.00-P20" (year-serial-KLE-facet), "23-144765-00.00.00-A00", "24-003043",
"22/20223", "2024-001234", "00.22.04-A00-1-16", and labelled anywhere on a line: "Sagsnr.: 14/27911",
"Sagsnummer: 21/1012", "Sagsid.: 23/1032", "Sagsnr. 310422 Plan- og Teknikudvalget Åbent punkt",
"Dok.nr.: 2187  Sagsid.: 14/40  Initialer: dosko  Åben sag", "J.nr.: 18.00.00A00  Sagsid.: 08/21554",
and after the case worker's initials: "DIHAJP / 06/17018".
A case's own number (Sagsnr., Sagsid.) is preferred to a journal (J.nr.) or document number (Dok.nr.).
"""

from __future__ import annotations

import re

from referat.extract.lines import Line
from referat.vocab import CASE_LABELS

CASE_PATTERNS = [
    re.compile(r"\d{2}-\d{1,7}-\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}"),  # 22-28-15.00.00-P20
    re.compile(r"\d{2}\.\d{2}\.\d{2}(?:-[A-ZÆØÅ]\d{2}(?:-\d{1,6}-\d{2})?)?"),  # 00.01.00-A00-1-22
    re.compile(r"\d{2}\.\d{2}\.\d{2}[A-ZÆØÅ]\d{2}-\d{1,6}"),  # 00.01.00P35-0112 (Acadre)
    re.compile(r"(?:19|20)?\d{2}-\d{3,7}"),  # 24-003043, 2024-001234
    re.compile(r"\d{2}/\d{1,7}"),  # 22/20223
]
# "Sagsnr.: 24-003043", "Sagsid.: 23/1032", "J.nr. 00.01.00", "Dok.nr.: 2187"; the value holds a digit.
LABELLED = re.compile(
    r"(?:^|\s)(?P<label>" + CASE_LABELS + r"|Dok\.?\s*nr)\.?\s*:?\s*(?P<number>[\w.\-/]*\d[\w.\-/]*)", re.I
)
# A label printed alone, its value on the next line: "Sagsnummer", "Sagsnr.:"
LABEL_ALONE = re.compile(r"^" + CASE_LABELS + r"\.?\s*:?$", re.I)
# The value under it: one token of digits and separators with at least one separator ("00.34.00-S00-2-14")
VALUE_ALONE = re.compile(r"[\w]*\d[\w]*(?:[.\-/][\w]+)+")
# Journal and document numbers are the last choice.
SECONDARY_LABEL = re.compile(r"^(?:j|jour|journal|dok)", re.I)
PREAMBLE_LINES = 3
MAX_CASE_LINE = 160  # a line that gives a case number is short; a paragraph is not one
DIGIT = re.compile(r"\d")
ACCESS_MARKER = re.compile(r"^(?:åben|åbent|lukket)\s*[-–:]\s*", re.I)
# "DIHAJP / 06/17018": the case worker's initials before the case number
CASE_WORKER = re.compile(r"^[A-ZÆØÅ]{2,8}\s+/\s+(?=\d)")


def find_case_number(preamble: list[Line], body: list[Line]) -> str | None:
    """A line of its own right after the heading, or a labelled number anywhere in the item."""
    for line in [line for line in preamble if line.text][:PREAMBLE_LINES]:
        number = _whole_case_number(line.text)
        if number:
            return number
    lines = [line for line in preamble + body if line.text]
    for index, line in enumerate(lines):
        number = labelled_case_number(line.text)
        if number:
            return number
        if LABEL_ALONE.match(line.text.strip()) and index + 1 < len(lines):
            # "Sagsnummer" / "00.34.00-S00-2-14": the label over its value
            value = lines[index + 1].text.strip()
            if _whole_case_number(value) or VALUE_ALONE.fullmatch(value):
                return _whole_case_number(value) or value
    return None


def labelled_case_number(text: str) -> str | None:
    """The best labelled case number on a line: "Dok.nr.: 2187  Sagsid.: 14/40" -> "14/40"."""
    if not DIGIT.search(text):
        return None
    found = sorted(
        (
            (bool(SECONDARY_LABEL.match(m.group("label"))), m.group("number").rstrip(".,;"))
            for m in LABELLED.finditer(text)
        ),
        key=lambda pair: pair[0],
    )
    return found[0][1] if found else None


def is_case_number_line(text: str) -> bool:
    """A line that gives a case number: labelled ("Sagsnr.: 22/1005") or the number alone."""
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_CASE_LINE or not DIGIT.search(stripped):
        return False
    return _whole_case_number(stripped) is not None or LABELLED.match(stripped) is not None


def _whole_case_number(text: str) -> str | None:
    """A line that is a case number, also after an access marker ("Åbent - 27.12.00-P27-2-17")."""
    # "25/19069 -": a separator left dangling where an empty field followed
    candidate = CASE_WORKER.sub("", ACCESS_MARKER.sub("", text.strip().rstrip(".").rstrip(" -–")))
    if any(pattern.fullmatch(candidate) for pattern in CASE_PATTERNS):
        return candidate
    labelled = LABELLED.match(candidate)
    if labelled and labelled.end() == len(candidate):
        return labelled.group("number").rstrip(".,;")
    return None
