"""HTML to lines with selectolax (Lexbor): the same shape the parser reads in text and Markdown.

Headings keep their level, each block (paragraph, list item, table row) becomes one line with a blank
line after paragraphs, list items keep their marker ("- ", "1. "), table cells are joined by tabs, and
a line whose text is all emphasised (strong/b, a bold style, a table header cell, a definition term)
is marked bold. Scripts, styles, form controls and navigation are dropped; nothing of the markup
reaches the model, so a document's HTML can never run in a reader's browser.

Controls are dropped with care: portals put whole pages inside an ASP.NET <form>, and print agenda
item titles inside accordion buttons (<h2><button aria-expanded>3. Title</button></h2>), so a form
keeps its content and a button that holds, or sits in, a heading or opens a section keeps its text.

A page is parsed once, and not at all when it nests deeper than Lexbor parses in bounded time
(nesting.py); more lines than the input limit allows are refused as they are made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from referat.errors import ExtractError
from referat.extract.lines import Line, check_line_count
from referat.extract.nesting import check_nesting
from referat.extract.text import decode_text
from referat.sources.raw import RawDocument

DROPPED = "script, style, noscript, template, nav, footer, aside, input, select, textarea, svg, iframe, [hidden]"
DROPPED_ROLES = '[role="navigation"], [role="search"], [aria-hidden="true"]'
# Cookie and consent banners, named so by every site that has one
CONSENT = '[id*="cookie" i], [class*="cookie" i], [id*="consent" i], [class*="consent" i]'
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements that end the line before them and after them.
BLOCKS = {
    "address", "article", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "header", "hr", "li", "main", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
}  # fmt: skip
# Blocks followed by a blank line, as paragraphs are in text files.
PARAGRAPHS = {"p", "pre", "blockquote", "table", "ul", "ol", "dl", *HEADINGS}
CELLS = {"td", "th"}
# Inline elements and cells whose text is emphasised.
EMPHASIS = {"strong", "b", "th", "dt"}
BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
MAX_CONTROL_WORDS = 3
DISCLOSURE = ("aria-expanded", "aria-controls", "data-toggle", "data-bs-toggle")
# Marks a cell boundary until whitespace is collapsed; then it becomes a tab.
CELL_SEPARATOR = "\ue000"
SPACE = re.compile(r"\s+")
BOM_PREFIXES = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


@dataclass
class _LineBuilder:
    """Collects inline text into lines; a block boundary ends the current line."""

    uri: str
    lines: list[Line] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    level: int = 0
    emphasis: int = 0  # how many emphasising elements the walk is inside
    plain: bool = False  # the current line has text outside emphasis

    def text(self, text: str) -> None:
        self.parts.append(text)
        if not self.emphasis and text.strip() and text.strip() != CELL_SEPARATOR:
            self.plain = True

    def end_line(self) -> None:
        text = SPACE.sub(" ", "".join(self.parts).replace("\u00a0", " ")).strip()
        text = "\t".join(cell.strip() for cell in text.split(CELL_SEPARATOR)).strip("\t")
        if text:
            self.add(Line(len(self.lines) + 1, text, self.level, bold=not self.plain))
        self.parts, self.level, self.plain = [], 0, False

    def blank(self) -> None:
        self.end_line()
        if self.lines and self.lines[-1].text:
            self.add(Line(len(self.lines) + 1, ""))

    def add(self, line: Line) -> None:
        check_line_count(self.uri, len(self.lines) + 1)
        self.lines.append(line)


def looks_like_html(raw: RawDocument) -> bool:
    """An HTML document type or root element near the start, or an .html name with a tag inside."""
    head = raw.data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return True
    declared = raw.suffix in {"html", "htm"} or raw.media_type in {"text/html", "application/xhtml+xml"}
    return declared and head.startswith(b"<")


def html_lines(raw: RawDocument) -> tuple[list[Line], str, str | None, list[str]]:
    """The page's text as lines, the encoding it was read with, its <title>, and the site's own
    texts around the content (cookie banner, footer, logo), which name the publisher. The page is
    parsed once: parsing is most of the work."""
    text, encoding = _decode(raw)
    tree = _parse(text, raw.uri)
    title, site = document_title(tree), site_texts(tree)  # before the lines drop the site's furniture
    return _tree_lines(tree, raw.uri), encoding, title, site


def html_text_lines(html: str, uri: str) -> list[Line]:
    """Lines of an HTML fragment or page that is already text."""
    return _tree_lines(_parse(html, uri), uri)


def _parse(html: str, uri: str) -> LexborHTMLParser:
    check_nesting(html, uri)
    return LexborHTMLParser(html)


def _tree_lines(tree: LexborHTMLParser, uri: str) -> list[Line]:
    root = tree.body
    if root is None:
        raise ExtractError(uri, "the HTML page has no body")
    for selector in (DROPPED, DROPPED_ROLES, CONSENT):
        for node in root.css(selector):
            node.decompose()
    # Buttons ("Udskriv", "Søg") and short in-page links ("Til toppen") are controls, unless they
    # open a section or carry a heading. A contents list of "#punkt-3" links stays: it tells which
    # items are closed.
    for control in root.css('button, a[href^="#"]'):
        short_link = control.tag == "a" and len((control.text() or "").split()) <= MAX_CONTROL_WORDS
        if (control.tag == "button" or short_link) and not _opens_content(control):
            control.decompose()
    builder = _LineBuilder(uri)
    _walk(root, builder)
    builder.end_line()
    if not any(line.text for line in builder.lines):
        raise ExtractError(uri, "the HTML page contains no text")
    return builder.lines


def site_texts(tree: LexborHTMLParser) -> list[str]:
    """ "Bornholms Regionskommune bruger cookies …", a footer's address, a logo's alt text."""
    texts = [SPACE.sub(" ", node.text()).strip() for node in tree.css(f"{CONSENT}, footer")]
    texts += [node.attributes.get("alt") or "" for node in tree.css("img[alt]")]
    return [text for text in texts if text]


def document_title(tree: LexborHTMLParser) -> str | None:
    """The page's <title>, e.g. "Referat - Økonomiudvalget - 12. marts 2024 | Greve Kommune"."""
    node = tree.css_first("title")
    title = SPACE.sub(" ", node.text()).strip() if node is not None else ""
    return title or None


def _opens_content(control: LexborNode) -> bool:
    """An accordion toggle, or a control holding or inside a heading: its text is content."""
    if any(name in control.attributes for name in DISCLOSURE) or control.css_first("h1, h2, h3, h4, h5, h6"):
        return True
    parent = control.parent
    while parent is not None:
        if (parent.tag or "") in HEADINGS:
            return True
        parent = parent.parent
    return False


def _walk(root: LexborNode, builder: _LineBuilder) -> None:
    """Depth-first over the tree without recursion, so deep nesting cannot overflow the stack."""
    ordinals: list[int | None] = []
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag or ""
        if leaving:
            _leave(node, tag, builder, ordinals)
            continue
        if node.is_text_node:
            builder.text(node.text(deep=False) or "")
            continue
        if not node.is_element_node:
            continue
        _enter(node, tag, builder, ordinals)
        stack.append((node, True))
        children = list(node.iter(include_text=True))
        stack.extend((child, False) for child in reversed(children))


def _emphasises(node: LexborNode, tag: str) -> bool:
    return tag in EMPHASIS or bool(BOLD_STYLE.search(node.attributes.get("style") or ""))


def _enter(node: LexborNode, tag: str, builder: _LineBuilder, ordinals: list[int | None]) -> None:
    if _emphasises(node, tag):
        builder.emphasis += 1
    if tag in HEADINGS:
        builder.blank()
        builder.level = HEADINGS[tag]
    elif tag in {"ol", "ul"}:
        builder.end_line()
        start = node.attributes.get("start") or "1"
        ordinals.append(int(start) if tag == "ol" and start.isdigit() else None)
    elif tag == "li":
        builder.end_line()
        ordinal = ordinals[-1] if ordinals else None
        builder.text("- " if ordinal is None else f"{ordinal}. ")
        if ordinals and ordinal is not None:
            ordinals[-1] = ordinal + 1
    elif tag == "br":
        builder.end_line()
    elif tag in CELLS:
        builder.text(CELL_SEPARATOR)
    elif tag in BLOCKS:
        builder.end_line()


def _leave(node: LexborNode, tag: str, builder: _LineBuilder, ordinals: list[int | None]) -> None:
    if _emphasises(node, tag):
        builder.emphasis -= 1
    if tag in {"ol", "ul"} and ordinals:
        ordinals.pop()
    if tag in PARAGRAPHS:
        builder.blank()
    elif tag in BLOCKS:
        builder.end_line()


def _decode(raw: RawDocument) -> tuple[str, str]:
    """The charset the page declares, else the same detection as for text."""
    declared = META_CHARSET.search(raw.data[:4096])
    if declared and not raw.data.startswith(BOM_PREFIXES):
        name = declared.group(1).decode("ascii").lower()
        try:
            return raw.data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(raw)
