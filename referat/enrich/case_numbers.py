"""Find an agenda item's case number (sagsnummer), in the shapes parse/case_numbers.py knows.

On a line of its own after the heading, or labelled anywhere on a line: "Sagsnr.: 14/27911",
"Sagsnummer: 21/1012", "Sagsnr. 310422 Plan- og Teknikudvalget Åbent punkt",
"Dok.nr.: 2187  Sagsid.: 14/40  Initialer: dosko  Åben sag", "J.nr.: 18.00.00A00  Sagsid.: 08/21554",
or a label over its value. A case's own number (Sagsnr., Sagsid.) is preferred to a journal (J.nr.) or
document number (Dok.nr.).
"""

from __future__ import annotations

import re

from referat.extract.lines import Line
from referat.parse.case_numbers import DIGIT, LABELLED, whole_case_number
from referat.vocab import CASE_LABELS

# A label printed alone, its value on the next line: "Sagsnummer", "Sagsnr.:"
LABEL_ALONE = re.compile(r"^" + CASE_LABELS + r"\.?\s*:?$", re.I)
# The value under it: one token of digits and separators with at least one separator ("00.34.00-S00-2-14")
VALUE_ALONE = re.compile(r"[\w]*\d[\w]*(?:[.\-/][\w]+)+")
# Journal and document numbers are the last choice.
SECONDARY_LABEL = re.compile(r"^(?:j|jour|journal|dok)", re.I)
PREAMBLE_LINES = 3


def find_case_number(preamble: list[Line], body: list[Line]) -> str | None:
    """A line of its own right after the heading, or a labelled number anywhere in the item."""
    for line in [line for line in preamble if line.text][:PREAMBLE_LINES]:
        number = whole_case_number(line.text)
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
            if whole_case_number(value) or VALUE_ALONE.fullmatch(value):
                return whole_case_number(value) or value
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
