"""Render minutes given as text into the forms municipalities publish: PDF and HTML portal pages.

The layout follows the text version's own structure, read with the parser: the first line is the
title, item and section headings are headings, "- " and "1. " lines are lists, tab-separated lines
are table rows, everything else is a paragraph. The PDF has a running header, a footer with
"Side N af M" and wrapped paragraphs, like minutes printed from a case-management system.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from referat.extract import extract
from referat.parse.document import parse_document
from referat.sources.raw import RawDocument

FONT_FOLDER = Path(reportlab.__file__).parent / "fonts"
LIST_ITEM = re.compile(r"^(?:- |\d{1,2}\. )")
# A short line without closing punctuation inside an item is a sub-heading, printed in bold.
SUBHEADING = re.compile(r"^[A-ZÆØÅ][^\t]{2,80}(?<![.:;,!?])$")
NUMBERED = re.compile(r"^(\d{1,2})\. (.*)$")


@dataclass(frozen=True)
class Block:
    """One unit of layout: a heading (level 1–3), a sub-heading, a paragraph, a list item or a table row."""

    kind: str
    text: str
    level: int = 0


@dataclass(frozen=True)
class Layout:
    """A document's blocks, split into the meeting header and one block list per agenda item."""

    header: list[Block]
    items: list[list[Block]]


def read_layout(path: Path) -> Layout:
    """Classify every line of a text or Markdown document by what the parser makes of it."""
    raw = RawDocument(uri=str(path), data=path.read_bytes())
    document = parse_document(raw)
    lines = extract(raw).lines
    item_starts = {item.span.line_start for item in document.agenda_items}
    section_starts = {
        section.span.line_start for item in document.agenda_items for section in item.section_list if section.span
    }
    header: list[Block] = []
    items: list[list[Block]] = []
    first = next(line.number for line in lines if line.text)
    for line in lines:
        if not line.text:
            continue
        if line.number in item_starts:
            items.append([Block("heading", line.text, 2)])
            continue
        if line.number == first:
            block = Block("heading", line.text, 1)
        elif line.number in section_starts or (line.level and not items):
            block = Block("heading", line.text, 3 if items else 2)
        elif items and SUBHEADING.match(line.text):
            block = Block("subheading", line.text, 3)
        elif "\t" in line.text:
            block = Block("row", line.text)
        elif LIST_ITEM.match(line.text):
            block = Block("list", line.text)
        else:
            block = Block("paragraph", line.text)
        (items[-1] if items else header).append(block)
    return Layout(header, items)


# --- HTML ---------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ font-family: sans-serif }} .skjult {{ display: none }}</style>
<script>window.analytics = {{ track: function () {{ return "Punkt 99: sporing"; }} }};</script>
</head><body>
<nav><ul><li><a href="/">Forside</a></li><li><a href="/dagsordener">Dagsordener og referater</a></li></ul></nav>
<main>
{body}
</main>
<footer><p>Kontakt kommunen · Tilgængelighedserklæring · Cookies</p></footer>
</body></html>
"""


def render_html_meeting(layout: Layout) -> str:
    """One meeting per page, each agenda item a section with a heading."""
    parts = [_html_blocks(layout.header)]
    parts += [f'<section class="punkt">\n{_html_blocks(blocks)}\n</section>' for blocks in layout.items]
    return PAGE.format(title=html.escape(layout.header[0].text), body="\n".join(parts))


def render_html_item_pages(layout: Layout) -> list[str]:
    """One page per agenda item, under the meeting's header facts (without the contents table)."""
    header = [block for block in layout.header if block.kind != "row" and "indhold" not in block.text.lower()]
    return [
        PAGE.format(
            title=html.escape(blocks[0].text),
            body=_html_blocks(header) + "\n<article>\n" + _html_blocks(blocks) + "\n</article>",
        )
        for blocks in layout.items
    ]


def _html_blocks(blocks: list[Block]) -> str:
    out: list[str] = []
    open_list: str | None = None
    open_table = False
    for block in blocks:
        list_tag = ("ol" if NUMBERED.match(block.text) else "ul") if block.kind == "list" else None
        if open_list and list_tag != open_list:
            out.append(f"</{open_list}>")
            open_list = None
        if open_table and block.kind != "row":
            out.append("</table>")
            open_table = False
        text = html.escape(block.text)
        if block.kind in {"heading", "subheading"}:
            out.append(f"<h{block.level}><strong>{text}</strong></h{block.level}>")
        elif block.kind == "row":
            if not open_table:
                out.append("<table>")
                open_table = True
            cells = "".join(f"<td>{html.escape(cell)}</td>" for cell in block.text.split("\t"))
            out.append(f"<tr>{cells}</tr>")
        elif list_tag:
            if open_list is None:
                start = NUMBERED.match(block.text)
                out.append(f'<ol start="{start.group(1)}">' if start else "<ul>")
                open_list = list_tag
            numbered = NUMBERED.match(block.text)
            body = numbered.group(2) if numbered else block.text[2:]
            out.append(f"<li>{html.escape(body)}</li>")
        else:
            out.append(f"<p>{text}</p>")
    if open_list:
        out.append(f"</{open_list}>")
    if open_table:
        out.append("</table>")
    return "\n".join(out)


# --- PDF ----------------------------------------------------------------------------------------


def _register_fonts() -> None:
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", str(FONT_FOLDER / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("VeraBd", str(FONT_FOLDER / "VeraBd.ttf")))


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName="Vera", fontSize=10, leading=13, spaceAfter=7)
    return {
        "paragraph": body,
        "list": ParagraphStyle("list", parent=body, leftIndent=14, spaceAfter=3),
        "h1": ParagraphStyle("h1", parent=body, fontName="VeraBd", fontSize=15, leading=19, spaceAfter=12),
        "h2": ParagraphStyle("h2", parent=body, fontName="VeraBd", fontSize=13, leading=16, spaceBefore=10),
        "h3": ParagraphStyle("h3", parent=body, fontName="VeraBd", fontSize=11, leading=14, spaceBefore=6),
        "subheading": ParagraphStyle("subheading", parent=body, fontName="VeraBd", spaceBefore=4),
    }


def render_pdf(layout: Layout, running_header: str) -> bytes:
    """A4 pages with a running header, "Side N af M" footers and wrapped paragraphs."""
    _register_fonts()
    pages = _build_pdf(layout, running_header, total_pages=0)[1]
    return _build_pdf(layout, running_header, total_pages=pages)[0]


def _build_pdf(layout: Layout, running_header: str, total_pages: int) -> tuple[bytes, int]:
    styles = _styles()
    story: list[Flowable] = []
    rows: list[list[str]] = []
    blocks = layout.header + [block for item in layout.items for block in item]
    for block in [*blocks, Block("end", "")]:
        if block.kind != "row" and rows:
            widths = [13 * cm, 2 * cm] if len(rows[0]) == 2 else [15 * cm / len(rows[0])] * len(rows[0])
            table = Table(rows, colWidths=widths, hAlign="LEFT")
            table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "Vera", 9), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(table)
            rows = []
        if block.kind == "row":
            rows.append([Paragraph(html.escape(cell), styles["paragraph"]) for cell in block.text.split("\t")])
        elif block.kind == "heading":
            story.append(Paragraph(html.escape(block.text), styles[f"h{block.level}"]))
        elif block.kind == "subheading":
            story.append(Paragraph(html.escape(block.text), styles["subheading"]))
        elif block.kind in styles:
            story.append(Paragraph(html.escape(block.text), styles[block.kind]))
    page_count = 0

    def furniture(canvas: object, document: SimpleDocTemplate) -> None:
        nonlocal page_count
        page_count = document.page
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont("Vera", 8)  # type: ignore[attr-defined]
        canvas.drawString(2 * cm, A4[1] - 1.2 * cm, running_header)  # type: ignore[attr-defined]
        footer = f"Side {document.page} af {total_pages}" if total_pages else f"Side {document.page}"
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, footer)  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm, topMargin=2.5 * cm)
    document.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buffer.getvalue(), page_count
