"""Remove page furniture from extracted lines: page numbers, running headers and footers.

Text printed from a PDF repeats a block on every page: "Hjørring Kommune / 12. oktober 2016 /
Side 2.", "Vordingborg Kommune  Dato  Side / Økonomiudvalget  22.10.2014  3", "Formandens initialer".
Such a block stands apart at a page break: blank lines before or after it, or a page number in it.
A block (digits masked) that recurs at three or more page breaks is furniture, whatever it says;
the same lines elsewhere, or a line repeated inside the text ("Afbud: Claus Jørgensen",
"Beslutning"), are content and stay. The document's first line repeated three times or more is a
running header too ("REFERAT Økonomiudvalget d. 12-03-2024").
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from referat.extract.lines import Line
from referat.vocab import CASE_LABELS, DECISION_WORDS, FACT_LABELS, SECTION_KINDS

# "Side 3 af 41", "Side 3.", "Side 3", "Page 3 of 41", "- 3 -", "Sidenr. 1187"
PAGE_NUMBER = re.compile(r"^(?:(?:Side|Page|Sidenr\.?)\s*\d+\.?(?:\s*(?:af|of|/)\s*\d+)?\.?|-\s*\d+\s*-)$", re.I)
DIGITS = re.compile(r"\d+")
BARE_NUMBER = re.compile(r"^\d{1,4}$")
CASE_LABEL = re.compile(CASE_LABELS, re.I)
MIN_REPEATS = 3
BLOCK_LINES = 4  # a page header or footer is at most this many lines
PAGE_GAP = 2  # blank lines that mark a page break in text printed from a PDF


def remove_page_furniture(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """Blank page numbers, running headers and footers, keeping line numbers intact; also return the
    furniture's texts, once each ("Hjørring Kommune" in a running header names the publisher)."""
    furniture = _furniture_lines(lines)
    first = next((line.text for line in lines if line.text), "")
    repeats = Counter(line.text for line in lines if line.text)
    running_header = first if repeats[first] >= MIN_REPEATS else None
    cleaned: list[Line] = []
    removed: dict[str, None] = {}
    seen_first = False
    for line in lines:
        is_header = line.text == running_header and seen_first
        seen_first = seen_first or line.text == first
        if is_header or PAGE_NUMBER.match(line.text) or line.number in furniture:
            cleaned.append(Line(line.number, "", 0, line.page))
            removed[line.text] = None
        else:
            cleaned.append(line)
    return cleaned, list(removed)


def _furniture_lines(lines: list[Line]) -> set[int]:
    """Numbers of the lines in blocks that stand at page breaks and recur (digits masked) at three or more."""
    found: dict[tuple[str, ...], list[Line]] = {}
    start = 0
    while start < len(lines):
        if not lines[start].text:
            start += 1
            continue
        end = start
        while end < len(lines) and lines[end].text:
            end += 1
        block = lines[start:end]
        # A page header follows a page break; a block before one is a footer only when it is set
        # apart on both sides or holds a page number (the last lines of a page's text are content).
        after_break = start == 0 or _blank_run(lines, start - 1, -1) >= PAGE_GAP
        before_break = _blank_run(lines, end, 1) >= PAGE_GAP
        numbered = any(PAGE_NUMBER.match(line.text) for line in block)
        if (
            len(block) <= BLOCK_LINES
            and (after_break or numbered or (before_break and after_break))
            and not all(_is_minutes_label(line.text) for line in block)
        ):
            found.setdefault(tuple(_masked(line.text) for line in block), []).extend(block)
        start = end
    # Text printed without page breaks: a footer line followed by the bare page number ("114").
    for line, following in pairwise(lines):
        if line.text and BARE_NUMBER.match(following.text):
            found.setdefault((_masked(line.text), "#"), []).extend((line, following))
    return {
        line.number
        for masked, block_lines in found.items()
        if len(block_lines) >= MIN_REPEATS * len(masked)
        for line in block_lines
    }


def _is_minutes_label(text: str) -> bool:
    """A section heading, decision heading or fact label of the minutes ("Sagsnr.", "Sagsfremstilling",
    "Beslutning i Byrådet 9. oktober 2018:"), which every item repeats, set apart by empty paragraphs
    as a page break would be: content, not furniture."""
    key = " ".join(text.strip().rstrip(":.").lower().split())
    return (
        key in SECTION_KINDS
        or key in FACT_LABELS
        or key.split(" ", 1)[0] in DECISION_WORDS
        or CASE_LABEL.fullmatch(key) is not None
    )


def _blank_run(lines: list[Line], index: int, step: int) -> int:
    count = 0
    while 0 <= index < len(lines) and not lines[index].text:
        count, index = count + 1, index + step
    return count


def _masked(text: str) -> str:
    return DIGITS.sub("#", " ".join(text.split()))
