"""Turn raw bytes into clean numbered lines: RawDocument -> Extracted.

The format is told by the content (a PDF signature, an HTML root element, Markdown headings),
with the file name only as a hint.
"""

from __future__ import annotations

from referat.errors import ExtractError
from referat.extract.clean import remove_page_furniture
from referat.extract.html import html_lines, looks_like_html
from referat.extract.lines import Extracted, Line
from referat.extract.markdown import looks_like_markdown, markdown_lines
from referat.extract.pdf import pdf_lines
from referat.extract.text import decode_text, split_lines
from referat.sources.raw import RawDocument

__all__ = ["Extracted", "Line", "extract"]

PDF_SIGNATURE = b"%PDF-"
# Some producers put a few bytes before the signature; PDF readers accept it within the first KB.
PDF_SIGNATURE_WINDOW = 1024


def extract(raw: RawDocument) -> Extracted:
    """Detect the format and encoding of a document and return its lines without markup."""
    if PDF_SIGNATURE in raw.data[:PDF_SIGNATURE_WINDOW]:
        return Extracted("pdf", "binary", remove_page_furniture(pdf_lines(raw)))
    if raw.suffix == "pdf":
        raise ExtractError(raw.uri, "the file is named .pdf but is not a PDF (no %PDF- signature)")
    if raw.suffix == "json" or raw.data.lstrip()[:1] in (b"{", b"["):
        raise ExtractError(raw.uri, "JSON, but not a meeting in a format referat reads (FirstAgenda)")
    if looks_like_html(raw):
        lines, encoding = html_lines(raw)
        return Extracted("html", encoding, remove_page_furniture(lines))
    text, encoding = decode_text(raw)
    raw_lines = split_lines(text)
    if raw.suffix in {"md", "markdown"} or looks_like_markdown(raw_lines):
        return Extracted("markdown", encoding, remove_page_furniture(markdown_lines(raw_lines)))
    return Extracted("text", encoding, remove_page_furniture(markdown_lines(raw_lines, headings=False)))
