"""DOCX to lines with python-docx: the same shape the parser reads in HTML and PDF.

The body's block items are read in document order, including those inside content controls
(w:sdt) and custom XML, which python-docx's own iteration skips. Each paragraph is one line (a line
break inside it starts a new line, as <br> does in HTML) with a blank line after it; each table row
is one line with its cells joined by tabs, a cell's paragraphs joined by spaces; a blank line follows
the table. Cells are read as stored, never through python-docx's merge resolution, so a merged cell
is read once: one w:tc spanning columns, or a first w:tc above empty vMerge continuations. A row whose
cells hold tables is a layout box, as Acadre's template wraps its front page and member list in
tables within tables: its cells are read as running text, so each nested row is a line of its own.

Style is kept as evidence: a paragraph's heading level comes from its outline level, else from its
style or the style it is based on ("Heading 1", "Overskrift 1", "Title"; outline levels and
headings deeper than 6 are body text); a paragraph or row is bold when every run with text is bold,
by the run's own formatting, else its character style, else its paragraph style. Word's toggle
semantics for bold in nested styles are not applied: the nearest setting wins.

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

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import docx
from docx.document import Document
from docx.exceptions import PythonDocxError
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.parts.coreprops import CorePropertiesPart
from docx.oxml.ns import nsmap, qn
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from referat.errors import ExtractError
from referat.extract.lines import Line
from referat.sources.raw import RawDocument

ZIP_SIGNATURE = b"PK\x03\x04"
# Word 97-2003 files and password-protected Office files are OLE2 compound documents.
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0"
# Stream names in an OLE2 directory (UTF-16LE): the text of a .doc, the package of an encrypted DOCX.
WORD_STREAM = "WordDocument".encode("utf-16-le")
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
DOCUMENT_PART = "word/document.xml"
# python-docx holds every part in memory: refuse a ZIP bomb before unpacking it.
MAX_UNPACKED_BYTES = 1 << 30
# "Heading 1" (Word's name in every language), "Overskrift1" (a Danish Word's style id), "Title"
HEADING_STYLE = re.compile(r"^(?:(?:heading|overskrift)\s*([1-6])|title|titel)$", re.I)
MAX_LEVEL = 6
SPACE = re.compile(r"\s+")
W = f"{{{nsmap['w']}}}"  # Clark notation of the WordprocessingML namespace, for find()
# Run content that stands for text; w:t carries its own.
RUN_TEXT = {
    qn("w:tab"): "\t",
    qn("w:ptab"): "\t",
    qn("w:br"): "\n",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "-",
}
TEXT = qn("w:t")
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
TEXT_BOX = qn("w:txbxContent")
# Block containers that only wrap paragraphs and tables: a content control's content, custom XML.
WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")}
NUMBERED_FORMATS = {"decimal", "decimalZero"}


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
    document = _open(raw)
    reader = _Reader(document)
    try:
        reader.read_blocks(document.element.body)
    except (ValueError, KeyError, NotImplementedError, PythonDocxError) as exc:  # w:b w:val="maybe", a missing part
        raise ExtractError(raw.uri, f"a damaged DOCX: {exc}") from exc
    if not any(line.text for line in reader.lines):
        raise ExtractError(raw.uri, "the DOCX contains no text")
    return reader.lines, _title(document)


def _open(raw: RawDocument) -> Document:
    """The document, or a reason naming what is wrong with the ZIP archive or the package in it."""
    damaged = "a damaged DOCX" if raw.suffix == "docx" else "a damaged ZIP archive"
    try:
        with zipfile.ZipFile(io.BytesIO(raw.data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ExtractError(raw.uri, f"{damaged}: not a readable ZIP archive ({exc})") from exc
    names = [info.filename for info in infos]
    if DOCUMENT_PART not in names:
        listed = ", ".join(names[:3]) or "nothing"
        raise ExtractError(
            raw.uri, f"a ZIP archive without {DOCUMENT_PART}, so not a Word document (it holds {listed})"
        )
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ExtractError(raw.uri, f"the DOCX unpacks to {unpacked:,} bytes, more than {MAX_UNPACKED_BYTES:,}")
    try:
        return docx.Document(io.BytesIO(raw.data))
    except Exception as exc:  # a broken package fails in many ways: KeyError, lxml syntax errors, CRC errors
        raise ExtractError(raw.uri, f"a damaged DOCX: {exc}") from exc


def _title(document: Document) -> str | None:
    """dc:title of the core properties; python-docx would invent "Word Document" when they are missing."""
    try:
        part = document.part.package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)
    except KeyError:
        return None
    if not isinstance(part, CorePropertiesPart):
        return None
    return _clean(part.core_properties.title or "") or None


class _Reader:
    """Walks the body into lines, keeping the list counters that run through the document."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.numbering = _numbering(document)
        self.counters: dict[int, dict[int, int]] = {}
        self.lines: list[Line] = []

    def read_blocks(self, container: Any) -> None:
        """Paragraphs and tables of a body, cell or text box, in document order."""
        for block in _blocks(container):
            if isinstance(block, CT_P):
                paragraph = self.read_paragraph(block)
                for text, bold in paragraph.lines:
                    self.add(text, paragraph.level, bold)
                self.blank()
                for text_box in paragraph.text_boxes:
                    self.read_blocks(text_box)
            else:
                self.read_table(block)
                self.blank()

    def read_table(self, table: CT_Tbl) -> None:
        """A line per row; a row that holds tables is a layout box whose cells are read as text."""
        for row in table.tr_lst:
            cells = row.tc_lst
            if any(isinstance(block, CT_Tbl) for tc in cells for block in _blocks(tc)):
                for tc in cells:
                    self.read_blocks(tc)
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

    def read_paragraph(self, p: CT_P) -> _Paragraph:
        """The paragraph's lines, split at line breaks, its list marker before the first."""
        paragraph = Paragraph(p, self.document)
        style = paragraph.style
        marker = self.list_marker(p, style)
        pieces: list[tuple[str, bool]] = []
        parts: list[str] = []
        plain = False
        for r in _runs(p):
            bold = _run_bold(Run(r, paragraph), style)
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
        return _Paragraph(lines, _heading_level(p, style), list(_text_boxes(p)))

    def list_marker(self, p: CT_P, style: ParagraphStyle | None) -> str:
        """ "1. " or "- " for a list paragraph, counting it; "" for any other."""
        num_id = _int(_style_value(p, style, "./w:pPr/w:numPr/w:numId"))
        if not num_id:  # numId 0 takes a style's numbering away
            return ""
        level = _int(_style_value(p, style, "./w:pPr/w:numPr/w:ilvl")) or 0
        number_format, start = self.level_format(num_id, level)
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
        self.lines.append(Line(len(self.lines) + 1, text, level, bold=bold))

    def blank(self) -> None:
        if self.lines and self.lines[-1].text:
            self.lines.append(Line(len(self.lines) + 1, ""))


def _numbering(document: Document) -> Any | None:
    """The numbering part's root, or None: producers that print no lists leave the part out, and
    python-docx cannot make an empty one (it raises NotImplementedError)."""
    try:
        part = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING)
    except KeyError:
        return None
    return getattr(part, "element", None)


def _blocks(container: Any) -> Iterator[Any]:
    """Paragraphs and tables directly in a container or in the wrappers it holds."""
    for child in container.iterchildren():
        if isinstance(child, CT_P | CT_Tbl):
            yield child
        elif child.tag in WRAPPERS:
            yield from _blocks(child)


def _runs(element: Any) -> Iterator[CT_R]:
    """The paragraph's runs, inside hyperlinks, smart tags, fields and insertions too."""
    for child in element.iterchildren():
        if isinstance(child, CT_R):
            yield child
        elif child.tag not in (FALLBACK, TEXT_BOX):
            yield from _runs(child)


def _run_text(r: CT_R) -> str:
    """A run's text with tabs and breaks, and a page break as a line break, not as nothing."""
    return "".join((child.text or "") if child.tag == TEXT else RUN_TEXT.get(child.tag, "") for child in r)


def _text_boxes(element: Any) -> Iterator[Any]:
    """Text box contents below an element, not those inside another text box or a fallback copy."""
    for child in element.iterchildren():
        if child.tag == TEXT_BOX:
            yield child
        elif child.tag != FALLBACK:
            yield from _text_boxes(child)


def _run_bold(run: Run, paragraph_style: ParagraphStyle | None) -> bool:
    if run.bold is not None:
        return run.bold
    for style in (*_style_chain(run.style), *_style_chain(paragraph_style)):
        if style.font.bold is not None:
            return bool(style.font.bold)
    return False


def _heading_level(p: CT_P, style: ParagraphStyle | None) -> int:
    outline = _int(_value(p, "./w:pPr/w:outlineLvl"))
    if outline is None:
        for ancestor in _style_chain(style):
            for name in (ancestor.name or "", ancestor.style_id):
                if match := HEADING_STYLE.match(name):
                    return int(match.group(1) or 1)
            outline = _int(_value(ancestor.element, "./w:pPr/w:outlineLvl"))
            if outline is not None:
                break
    return outline + 1 if outline is not None and outline < MAX_LEVEL else 0


def _style_value(p: CT_P, style: ParagraphStyle | None, path: str) -> str | None:
    """A paragraph property set on the paragraph, else on its style or a style it is based on."""
    for element in (p, *(ancestor.element for ancestor in _style_chain(style))):
        found = _value(element, path)
        if found is not None:
            return found
    return None


def _style_chain(style: CharacterStyle | None) -> Iterator[CharacterStyle]:
    """A style and the styles it is based on, stopping at a loop."""
    seen: set[str] = set()
    while isinstance(style, CharacterStyle) and style.style_id not in seen:
        seen.add(style.style_id)
        yield style
        style = style.base_style


def _value(element: Any, path: str) -> str | None:
    """The w:val of the first element at `path`."""
    found = _find(element, path)
    value = found.get(qn("w:val")) if found is not None else None
    return str(value) if value is not None else None


def _find(element: Any, path: str) -> Any:
    """The first element at a "w:"-prefixed path; find() works on every element, python-docx's xpath()
    only on the elements it has classes for."""
    return element.find(path.replace("w:", W))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _clean(text: str) -> str:
    """Tabs, no-break spaces and runs of spaces as one space, as in the HTML extractor."""
    return SPACE.sub(" ", text.replace("\u00a0", " ")).strip()
