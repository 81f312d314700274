"""PDF to lines with pypdfium2: text segments -> visual lines -> paragraphs, furniture removed.

PDFium gives the text of a page as rectangles, one per run of text on a line. Runs on the same
baseline form a line; a wide gap between runs is a table cell border and becomes a tab, so tables
keep their rows as in text extracted by other tools. Lines are joined into paragraphs (the shape of
the text files the parser reads: one paragraph a line, blank lines between) when they wrap:
same font size and weight, small vertical gap, and the previous line ran full width (the next line's first
word would not have fitted after it). Running headers and footers are lines in a page's top or
bottom margin that repeat, digits aside, on most pages.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from referat.errors import ExtractError
from referat.extract.lines import Line
from referat.sources.raw import RawDocument

# A horizontal gap wider than this many line heights separates table cells.
CELL_GAP = 1.2
# Runs whose heights overlap by this share of the smaller one are on the same line.
LINE_OVERLAP = 0.5
# A vertical gap wider than this share of the line height separates paragraphs.
PARAGRAPH_GAP = 0.55
# Lines whose font sizes differ by more than this (points) are different kinds: heading vs. body.
FONT_SIZE_TOLERANCE = 0.5
# A paragraph in a font this much larger than the body text's is a heading; PDFium's weight 700 is bold.
HEADING_SIZE_RATIO = 1.12
MAX_HEADING_LEVELS = 4
BOLD_WEIGHT = 600
# A wrapped table cell starts within this many points of its cell's left edge.
CELL_ALIGNMENT = 3.0
# Where PDFium cannot measure a word: letters vary in width, so a word is taken to be this much
# wider than its share of an average line.
WORD_WIDTH_MARGIN = 1.25
# A space is about this share of the font size wide.
SPACE_WIDTH = 0.3
# A complete PDF ends with this marker (some writers add a few bytes after it).
EOF_MARKER = b"%%EOF"
EOF_WINDOW = 1024
# Running headers, footers and page numbers stand in this share of the page at its top or bottom.
MARGIN_SHARE = 0.07
# "Side 3 af 41", "3/41", "- 3 -", "3"
PAGE_NUMBER = re.compile(r"^(?:(?:Side|Page)\s+\d{1,4}(?:\s*(?:af|of|/)\s*\d{1,4})?|-\s*\d{1,4}\s*-|\d{1,4})$", re.I)
DIGITS = re.compile(r"\d+")
# A line that starts a list item or a numbered proposal starts a paragraph of its own.
LIST_START = re.compile(r"^(?:[-–•▪◦*]\s|\d{1,2}[.)]\s|[a-zæøå][.)]\s)")
# "Social- og Sundhedsudvalget": a hyphen before these words is part of a shortened compound.
KEEPS_HYPHEN = {"og", "eller", "samt", "til", "som", "&"}
SOFT_HYPHEN = "\u00ad"
# PDFium reports a hyphen at the end of a line as this control character.
LINE_END_HYPHEN = "\x02"


class _Run(NamedTuple):
    """A rectangle of text as PDFium reports it, in points from the page's bottom left."""

    left: float
    bottom: float
    right: float
    top: float
    text: str


@dataclass
class _Cell:
    left: float
    right: float
    text: str


@dataclass
class _VisualLine:
    """One line on a page: its runs of text (table cells when far apart) and where it stands."""

    cells: list[_Cell]
    top: float
    bottom: float
    font_size: float
    page: int
    font_weight: int = -1
    first_word_width: float = 0.0
    in_margin: bool = False

    @property
    def text(self) -> str:
        return "\t".join(cell.text for cell in self.cells)

    @property
    def left(self) -> float:
        return self.cells[0].left

    @property
    def right(self) -> float:
        return self.cells[-1].right

    @property
    def height(self) -> float:
        return self.top - self.bottom


def pdf_lines(raw: RawDocument) -> list[Line]:
    """The text of every page in reading order, as paragraphs, without page furniture."""
    pages = list(_read_pages(raw))
    if not any(pages):
        raise ExtractError(
            raw.uri,
            f"the PDF has no text layer ({len(pages)} pages, probably scanned): "
            "it needs OCR before referat can read it",
        )
    furniture = _furniture(pages)
    body = [line for page in pages for line in _without_furniture(page, furniture)]
    levels = _heading_levels(body)
    lines: list[Line] = []
    for paragraph in _paragraphs(body):
        level = levels.get(round(paragraph.font_size, 1), 0)
        bold = paragraph.font_weight >= BOLD_WEIGHT
        lines.append(Line(len(lines) + 1, paragraph.text, level, paragraph.page, bold))
        lines.append(Line(len(lines) + 1, "", 0, paragraph.page))
    return lines


def _heading_levels(lines: list[_VisualLine]) -> dict[float, int]:
    """Font sizes larger than the body text's, largest first, as heading levels 1, 2, 3, …; the body
    text's size is the one most characters are set in."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.font_size, 1)] += len(line.text)
    if not weights:
        return {}
    body = weights.most_common(1)[0][0]
    larger = sorted((size for size in weights if size >= body * HEADING_SIZE_RATIO), reverse=True)
    return {size: level for level, size in enumerate(larger[:MAX_HEADING_LEVELS], start=1)}


def _read_pages(raw: RawDocument) -> Iterator[list[_VisualLine]]:
    if EOF_MARKER not in raw.data[-EOF_WINDOW:]:
        raise ExtractError(raw.uri, "the PDF is truncated: it does not end with %%EOF")
    try:
        document = pdfium.PdfDocument(raw.data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise ExtractError(raw.uri, "the PDF is encrypted (password protected); referat cannot read it") from exc
        raise ExtractError(raw.uri, f"not a readable PDF, probably truncated or damaged ({message})") from exc
    try:
        if len(document) == 0:
            raise ExtractError(raw.uri, "the PDF has no pages")
        for index in range(len(document)):
            yield _read_page(raw.uri, document, index)
    finally:
        document.close()


def _read_page(uri: str, document: pdfium.PdfDocument, index: int) -> list[_VisualLine]:
    """One page's lines; loading the page object can fail as well as reading its text."""
    try:
        page = document[index]
    except pdfium.PdfiumError as exc:
        raise ExtractError(uri, f"page {index + 1} of the PDF is damaged and cannot be loaded: {exc}") from exc
    try:
        return _page_lines(page.get_textpage(), index + 1, page.get_height())
    except pdfium.PdfiumError as exc:
        raise ExtractError(uri, f"cannot read the text of page {index + 1}: {exc}") from exc
    finally:
        page.close()


def _page_lines(textpage: pdfium.PdfTextPage, page: int, page_height: float) -> list[_VisualLine]:
    """Group the page's text runs into lines, top to bottom, and each line's runs left to right."""
    runs = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = _clean(textpage.get_text_bounded(left, bottom, right, top))
        if text:
            runs.append(_Run(left, bottom, right, top, text))
    runs.sort(key=lambda run: -(run.bottom + run.top) / 2)
    groups: list[list[_Run]] = []
    for run in runs:
        if groups and _same_line(groups[-1], run):
            groups[-1].append(run)
        else:
            groups.append([run])
    lines = [_line(textpage, sorted(group), page) for group in groups]
    band = MARGIN_SHARE * page_height
    for line in lines:
        line.in_margin = line.bottom > page_height - band or line.top < band
    return lines


def _same_line(group: list[_Run], run: _Run) -> bool:
    """Whether a run shares most of its height with a line: a quote mark or an apostrophe sits high
    and a comma low, but both overlap their line's letters."""
    bottom, top = min(r.bottom for r in group), max(r.top for r in group)
    overlap = min(top, run.top) - max(bottom, run.bottom)
    return overlap >= LINE_OVERLAP * min(top - bottom, run.top - run.bottom)


def _line(textpage: pdfium.PdfTextPage, runs: list[_Run], page: int) -> _VisualLine:
    """Runs on one line: close ones are one cell, read again as a whole so that PDFium places the
    spaces from the glyph positions; distant ones are table cells."""
    top, bottom = max(run.top for run in runs), min(run.bottom for run in runs)
    cells: list[_Cell] = []
    for left, _, right, _, text in runs:
        if cells and left - cells[-1].right <= CELL_GAP * (top - bottom):
            cells[-1].right = right
            cells[-1].text = ""
        else:
            cells.append(_Cell(left, right, text))
    for cell in cells:
        if not cell.text:
            cell.text = _clean(textpage.get_text_bounded(cell.left, bottom, cell.right, top))
    first = runs[0]
    index = textpage.get_index(first.left + 0.5, (first.bottom + first.top) / 2, 2, 5)
    font_size = 0.0
    font_weight = -1
    first_word_width = 0.0
    if index is not None and index >= 0:
        font_size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
        font_weight = pdfium_c.FPDFText_GetFontWeight(textpage.raw, index)
        word = cells[0].text.split(" ", 1)[0]
        last_letter = textpage.get_charbox(index + len(word) - 1)
        first_word_width = max(0.0, last_letter[2] - first.left)
    return _VisualLine(cells, top, bottom, font_size or top - bottom, page, font_weight, first_word_width)


def _clean(text: str) -> str:
    """PDFium's line breaks and no-break spaces as spaces; its mark for a hyphen at a line end
    becomes a hyphen again, unless the line is later joined to the next."""
    text = text.replace("\r", "").replace("\n", " ").replace("\u00a0", " ").strip()
    return text.replace(LINE_END_HYPHEN + " ", "-").replace(LINE_END_HYPHEN, "-")


def _normalised(text: str) -> str:
    return DIGITS.sub("#", text)


def _furniture(pages: list[list[_VisualLine]]) -> set[str]:
    """Texts (digits masked) in the top or bottom margin of at least half of the pages."""
    if len(pages) < 2:
        return set()
    margins: Counter[str] = Counter()
    for page in pages:
        margins.update({_normalised(line.text) for line in page if line.in_margin})
    needed = max(2, (len(pages) + 1) // 2)
    return {text for text, count in margins.items() if count >= needed}


def _without_furniture(page: list[_VisualLine], furniture: set[str]) -> list[_VisualLine]:
    """The page's lines without repeated headers and footers and without page numbers in the margins."""
    return [
        line
        for line in page
        if not (line.in_margin and (_normalised(line.text) in furniture or PAGE_NUMBER.match(line.text)))
    ]


def _paragraphs(lines: list[_VisualLine]) -> Iterator[_VisualLine]:
    """Join wrapped lines into paragraphs and wrapped table cells into their row; each keeps the
    font of its first line."""
    if not lines:
        return
    column_right = _column_right(lines)
    current = previous = lines[0]
    for line in lines[1:]:
        if len(current.cells) > 1 and _continues_cell(current, line):
            for cell in current.cells:
                if abs(cell.left - line.left) <= CELL_ALIGNMENT:
                    cell.text = _join(cell.text, line.text)
            current.bottom = min(current.bottom, line.bottom)
        elif _continues(previous, line, column_right, bool(LIST_START.match(current.text))):
            current.cells[-1].text = _join(current.cells[-1].text, line.text)
        else:
            yield current
            current = replace(line, cells=[replace(cell) for cell in line.cells])
        previous = line
    yield current


def _column_right(lines: list[_VisualLine]) -> float:
    """Where full lines of running text end: the 90th percentile of the lines' right edges, so that
    a wide table or a long address running into the margin does not move it."""
    rights = [line.right for line in lines if len(line.cells) == 1]
    if len(rights) < 2:
        return max(line.right for line in lines)
    return statistics.quantiles(rights, n=10)[-1]


def _continues_cell(row: _VisualLine, line: _VisualLine) -> bool:
    """A one-run line right below a table row, starting where one of its cells starts."""
    return (
        len(line.cells) == 1
        and line.page == row.page
        and row.bottom - line.top <= PARAGRAPH_GAP * row.height
        and any(abs(cell.left - line.left) <= CELL_ALIGNMENT for cell in row.cells)
    )


def _continues(previous: _VisualLine, line: _VisualLine, column_right: float, in_list: bool) -> bool:
    """Whether `line` is the wrapped continuation of `previous`. A line that looks like a list item
    ("3. kvartal 2023") continues a full line, unless the paragraph is itself a list item."""
    if len(previous.cells) > 1 or len(line.cells) > 1:
        return False
    if LIST_START.match(line.text) and (in_list or not _runs_full(previous, line, column_right)):
        return False
    if abs(previous.font_size - line.font_size) > FONT_SIZE_TOLERANCE or previous.font_weight != line.font_weight:
        return False
    if line.page == previous.page and previous.bottom - line.top > PARAGRAPH_GAP * previous.font_size:
        return False
    return _ends_hyphenated(previous.text) or _runs_full(previous, line, column_right)


def _ends_hyphenated(text: str) -> bool:
    return text.endswith(SOFT_HYPHEN) or (len(text) > 1 and text[-1] == "-" and text[-2].isalnum())


def _runs_full(previous: _VisualLine, line: _VisualLine, column_right: float) -> bool:
    """Whether the first word of `line` would not have fitted at the end of `previous`."""
    room_left = column_right - previous.right
    if line.first_word_width:
        space = previous.font_size * SPACE_WIDTH
        return room_left < line.first_word_width + space
    first_word = line.text.split(" ", 1)[0]
    char_width = (previous.right - previous.left) / max(len(previous.text), 1)
    return room_left < (len(first_word) + 1) * char_width * WORD_WIDTH_MARGIN


def _join(text: str, continuation: str) -> str:
    """Join a wrapped line, undoing a hyphenated break ("beskæf-" + "tigelse")."""
    if text.endswith(SOFT_HYPHEN):
        return text[:-1] + continuation
    if text.endswith("-") and len(text) > 1 and not text[-2].isspace():
        first_word = continuation.split(" ", 1)[0]
        if first_word in KEEPS_HYPHEN:
            return text + " " + continuation
        if text[-2].isalpha() and first_word[:1].islower():
            return text[:-1] + continuation
        return text + continuation
    return text + " " + continuation
