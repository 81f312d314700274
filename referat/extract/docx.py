"""DOCX to lines, streaming the body (docx_package): the same shape the parser reads in HTML and PDF.

The body's block items are read in document order, as the XML is unpacked, including those inside
content controls (w:sdt) and custom XML. Each paragraph is one line (a line break inside it starts a
new line, as <br> does in HTML) with a blank line after it; each table row is one line with its cells
joined by tabs, a cell's paragraphs joined by spaces; a blank line follows the table. Cells are read
as stored, with no merge resolution, so a merged cell is read once: one w:tc spanning columns, or a
first w:tc above empty vMerge continuations. A row whose cells hold tables is a layout box, as
Acadre's template wraps its front page and member list in tables within tables: its cells are read
as running text, so each nested row is a line of its own.

Style is kept as evidence: a paragraph's heading level comes from its outline level, else from its
style or the style it is based on ("Heading 1", "Overskrift 1", "Title"; outline levels and
headings deeper than 6 are body text); a paragraph or row is bold when every run with text is bold,
by the run's own formatting, else its character style, else its paragraph style. Word's toggle
semantics for bold in nested styles are not applied: the nearest setting wins. A paragraph or run
without a style of its own has the default style of its kind, as in Word.

List markers: Word numbers a paragraph from its numbering definition (w:numPr on the paragraph or
its style -> w:num -> w:abstractNum level). Counting is per numbering instance (numId) and level,
from the level's start or the instance's startOverride, and a deeper level restarts after a
shallower one; this is how Word numbers all but exotic lists (lvlRestart, lists continued across
instances). A decimal level gives "N. " (only the level's own number, not "%1.%2."), a bullet "- ",
a level that shows no number nothing, and any other format, or a level that cannot be found (a
list style link), "- ", so the line is still a list item.

Page headers and footers, footnotes, endnotes and comments are separate parts that the body does
not contain, so they never reach the lines. Text boxes anchored in a body paragraph are read after
that paragraph (their Choice once, never the VML fallback copy); text boxes inside table cells are
ignored. Field results are text (the page number in a contents line), field codes are not. Lines
carry no page: pagination is the word processor's and is not in the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from referat.errors import ExtractError
from referat.extract.docx_package import Style, Styles, W, open_package, reading
from referat.extract.lines import Line, check_line_count
from referat.sources.raw import RawDocument

ZIP_SIGNATURE = b"PK\x03\x04"
# Word 97-2003 files and password-protected Office files are OLE2 compound documents.
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0"
# Stream names in an OLE2 directory (UTF-16LE): the text of a .doc, the package of an encrypted DOCX.
WORD_STREAM = "WordDocument".encode("utf-16-le")
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
# "Heading 1" (Word's name in every language), "Overskrift1" (a Danish Word's style id), "Title"
HEADING_STYLE = re.compile(r"^(?:(?:heading|overskrift)\s*([1-6])|title|titel)$", re.I)
MAX_LEVEL = 6
SPACE = re.compile(r"\s+")
P, R, TBL, TR, TC = f"{W}p", f"{W}r", f"{W}tbl", f"{W}tr", f"{W}tc"
VAL = f"{W}val"
# Run content that stands for text; w:t carries its own.
RUN_TEXT = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
TEXT = f"{W}t"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
TEXT_BOX = f"{W}txbxContent"
# Block containers that only wrap paragraphs and tables: a content control's content, custom XML.
WRAPPERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml"}
NUMBERED_FORMATS = {"decimal", "decimalZero"}
ON, OFF = {"1", "true", "on"}, {"0", "false", "off"}


@dataclass
class _Paragraph:
    """A paragraph's lines (text, bold) and heading level, and the text boxes anchored in it."""

    lines: list[tuple[str, bool]]
    level: int
    text_boxes: list[Any]


def legacy_office_error(raw: RawDocument) -> ExtractError:
    """Why an OLE2 compound file cannot be read: a .doc, an encrypted DOCX, or another Office file."""
    if ENCRYPTED_STREAM in raw.data:
        return ExtractError(raw.uri, "an encrypted (password-protected) Word document; save it without a password")
    if WORD_STREAM in raw.data:
        return ExtractError(raw.uri, "a Word 97-2003 .doc file; save it as .docx or PDF")
    return ExtractError(raw.uri, "a legacy Office file (OLE2), not a Word document; save it as .docx or PDF")


def docx_lines(raw: RawDocument) -> tuple[list[Line], str | None]:
    """The body's text as lines, and the title in the document's properties."""
    package = open_package(raw)
    reader = _Reader(raw.uri, package.styles, package.numbering)
    with reading(raw.uri):
        for block in package.body():
            reader.read_blocks([block])
    if not any(line.text for line in reader.lines):
        raise ExtractError(raw.uri, "the DOCX contains no text")
    return reader.lines, _clean(package.title or "") or None


class _Reader:
    """Walks the body into lines, keeping the list counters that run through the document."""

    def __init__(self, uri: str, styles: Styles, numbering: Any | None) -> None:
        self.uri = uri
        self.styles = styles
        self.numbering = numbering
        self.counters: dict[int, dict[int, int]] = {}
        self.formats: dict[tuple[int, int], tuple[str | None, int]] = {}
        self.headings: dict[Style, int] = {}
        self.paragraphs = 0
        self.lines: list[Line] = []

    def read_blocks(self, elements: Iterator[Any] | list[Any]) -> None:
        """Paragraphs and tables of a body, cell or text box, in document order."""
        for block in _block_items(elements):
            if block.tag == P:
                paragraph = self.read_paragraph(block)
                for text, bold in paragraph.lines:
                    self.add(text, paragraph.level, bold)
                self.blank()
                for text_box in paragraph.text_boxes:
                    self.read_blocks(text_box.iterchildren())
            else:
                self.read_table(block)
                self.blank()

    def read_table(self, table: Any) -> None:
        """A line per row; a row that holds tables is a layout box whose cells are read as text."""
        for row in table.iterchildren(TR):
            cells = list(row.iterchildren(TC))
            if any(block.tag == TBL for tc in cells for block in _blocks(tc)):
                for tc in cells:
                    self.read_blocks(tc.iterchildren())
            else:
                self.read_row(cells)

    def read_row(self, cells: list[Any]) -> None:
        """One line: cells joined by tabs; bold when all its text is, a heading when all its paragraphs are."""
        texts: list[str] = []
        levels: set[int] = set()
        bold = True
        for tc in cells:
            parts: list[str] = []
            for block in _blocks(tc):
                paragraph = self.read_paragraph(block)
                parts.extend(text for text, _ in paragraph.lines)
                bold = bold and all(line_bold for _, line_bold in paragraph.lines)
                if paragraph.lines:
                    levels.add(paragraph.level)
            texts.append(" ".join(parts))
        text = "\t".join(texts).strip("\t")
        if text:
            self.add(text, levels.pop() if len(levels) == 1 else 0, bold)

    def read_paragraph(self, p: Any) -> _Paragraph:
        """The paragraph's lines, split at line breaks, its list marker before the first."""
        self.paragraphs += 1
        check_line_count(self.uri, self.paragraphs, "paragraphs")
        properties = _find(p, "./w:pPr")  # None when the paragraph sets none
        style = self.styles.get(_value(properties, "./w:pStyle"), "paragraph")
        marker = self.list_marker(properties, style)
        pieces: list[tuple[str, bool]] = []
        parts: list[str] = []
        plain = False
        for r in _runs(p):
            bold = self.run_bold(r, style)
            for index, chunk in enumerate(_run_text(r).split("\n")):
                if index:
                    pieces.append(("".join(parts), not plain))
                    parts, plain = [], False
                parts.append(chunk)
                plain = plain or (bool(chunk.strip()) and not bold)
        pieces.append(("".join(parts), not plain))
        lines = [(text, bold) for text, bold in ((_clean(text), bold) for text, bold in pieces) if text]
        if lines and marker:
            lines[0] = (marker + lines[0][0], lines[0][1])
        level = self.heading_level(properties, style) if lines else 0
        return _Paragraph(lines, level, list(_text_boxes(p)))

    def run_bold(self, r: Any, paragraph_style: Style) -> bool:
        """The run's own bold, else its character style's, else its paragraph style's."""
        properties = _find(r, "./w:rPr")
        own = _on_off(_find(properties, "./w:b"))
        if own is not None:
            return own
        for style in (self.styles.get(_value(properties, "./w:rStyle"), "character"), paragraph_style):
            for element in style.chain:
                inherited = _on_off(_find(element, "./w:rPr/w:b"))
                if inherited is not None:
                    return inherited
        return False

    def heading_level(self, properties: Any | None, style: Style) -> int:
        outline = _int(_value(properties, "./w:outlineLvl"))
        if outline is not None:
            return outline + 1 if outline < MAX_LEVEL else 0
        if style not in self.headings:
            self.headings[style] = _style_heading_level(style)
        return self.headings[style]

    def list_marker(self, properties: Any | None, style: Style) -> str:
        """ "1. " or "- " for a list paragraph, counting it; "" for any other."""
        num_id = _int(_value(properties, "./w:numPr/w:numId") or style.value("./w:pPr/w:numPr/w:numId"))
        if not num_id:  # numId 0 takes a style's numbering away
            return ""
        level = _int(_value(properties, "./w:numPr/w:ilvl") or style.value("./w:pPr/w:numPr/w:ilvl")) or 0
        if (num_id, level) not in self.formats:
            self.formats[num_id, level] = self.level_format(num_id, level)
        number_format, start = self.formats[num_id, level]
        counters = self.counters.setdefault(num_id, {})
        for deeper in [known for known in counters if known > level]:
            del counters[deeper]
        counters[level] = counters.get(level, start - 1) + 1
        if number_format in NUMBERED_FORMATS:
            return f"{counters[level]}. "
        return "" if number_format == "none" else "- "

    def level_format(self, num_id: int, level: int) -> tuple[str | None, int]:
        """The number format and start of a list level, the instance's override first; no format
        when the level cannot be found."""
        if self.numbering is None:
            return None, 1
        instance = _find(self.numbering, f'./w:num[@w:numId="{num_id}"]')
        if instance is None:
            return None, 1
        override = _find(instance, f'./w:lvlOverride[@w:ilvl="{level}"]')
        definition = _find(override, "./w:lvl") if override is not None else None
        if definition is None:
            abstract_id = _int(_value(instance, "./w:abstractNumId"))
            path = f'./w:abstractNum[@w:abstractNumId="{abstract_id}"]/w:lvl[@w:ilvl="{level}"]'
            definition = _find(self.numbering, path)
        if definition is None:
            return None, 1
        start = _int(_value(override, "./w:startOverride")) if override is not None else None
        if start is None:
            start = _int(_value(definition, "./w:start")) or 0  # the schema's default
        return _value(definition, "./w:numFmt") or "decimal", start

    def add(self, text: str, level: int, bold: bool) -> None:
        check_line_count(self.uri, len(self.lines) + 1)
        self.lines.append(Line(len(self.lines) + 1, text, level, bold=bold))

    def blank(self) -> None:
        if self.lines and self.lines[-1].text:
            self.add("", 0, False)


def _style_heading_level(style: Style) -> int:
    """A heading level from a style's name or id ("Heading 1", "Overskrift1"), or the outline level
    of the nearest style that sets one; deeper than 6 is body text."""
    for element in style.chain:
        for name in (_value(element, "./w:name") or "", element.get(f"{W}styleId") or ""):
            if match := HEADING_STYLE.match(name):
                return int(match.group(1) or 1)
        outline = _int(_value(element, "./w:pPr/w:outlineLvl"))
        if outline is not None:
            return outline + 1 if outline < MAX_LEVEL else 0
    return 0


def _block_items(elements: Iterator[Any] | list[Any]) -> Iterator[Any]:
    """Paragraphs and tables among elements or in the wrappers they hold."""
    for child in elements:
        if child.tag in (P, TBL):
            yield child
        elif child.tag in WRAPPERS:
            yield from _block_items(child.iterchildren())


def _blocks(container: Any) -> Iterator[Any]:
    """Paragraphs and tables directly in a container or in the wrappers it holds."""
    return _block_items(container.iterchildren())


def _runs(element: Any) -> Iterator[Any]:
    """The paragraph's runs, inside hyperlinks, smart tags, fields and insertions too."""
    for child in element.iterchildren():
        if child.tag == R:
            yield child
        elif child.tag not in (FALLBACK, TEXT_BOX):
            yield from _runs(child)


def _run_text(r: Any) -> str:
    """A run's text with tabs and breaks, and a page break as a line break, not as nothing."""
    return "".join((child.text or "") if child.tag == TEXT else RUN_TEXT.get(child.tag, "") for child in r)


def _text_boxes(element: Any) -> Iterator[Any]:
    """Text box contents below an element, not those inside another text box or a fallback copy
    (found by lxml's own walk: most paragraphs have none)."""
    for box in element.iter(TEXT_BOX):
        if not any(ancestor.tag in (TEXT_BOX, FALLBACK) for ancestor in _ancestors(box, element)):
            yield box


def _ancestors(element: Any, top: Any) -> Iterator[Any]:
    """The elements between an element and `top`, nearest first."""
    for ancestor in element.iterancestors():
        if ancestor is top:
            return
        yield ancestor


def _on_off(element: Any | None) -> bool | None:
    """A w:b's setting: on without a value; a value that is neither on nor off is damage."""
    if element is None:
        return None
    value = element.get(VAL)
    if value is None or value in ON:
        return True
    if value in OFF:
        return False
    raise ValueError(f"w:b w:val={value!r} is neither on nor off")


def _value(element: Any | None, path: str) -> str | None:
    """The w:val of the first element at `path`."""
    found = _find(element, path) if element is not None else None
    value = found.get(VAL) if found is not None else None
    return str(value) if value is not None else None


def _find(element: Any | None, path: str) -> Any:
    """The first element at a "w:"-prefixed path. A path of child names is walked with iterchildren,
    which lxml runs in C; find() parses its path in Python on every call, a third of the time of a
    document of empty paragraphs."""
    if element is None:
        return None
    if path not in _STEPS:
        names = tuple(step.replace("w:", W) for step in path.removeprefix("./").split("/"))
        _STEPS[path] = None if any("[" in name for name in names) else names
    steps = _STEPS[path]
    if steps is None:  # a path with a condition ("w:num[@w:numId='3']")
        return element.find(path.replace("w:", W))
    for step in steps:
        element = next(element.iterchildren(step), None)
        if element is None:
            return None
    return element


_STEPS: dict[str, tuple[str, ...] | None] = {}


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _clean(text: str) -> str:
    """Tabs, no-break spaces and runs of spaces as one space, as in the HTML extractor."""
    return SPACE.sub(" ", text.replace("\u00a0", " ")).strip()
