"""Turn raw bytes into clean numbered lines: RawDocument -> Extracted."""

from __future__ import annotations

from referat.errors import SourceError
from referat.extract.clean import remove_page_furniture
from referat.extract.lines import Extracted, Line
from referat.extract.markdown import looks_like_markdown, markdown_lines
from referat.extract.text import decode_text, split_lines
from referat.sources.raw import RawDocument

__all__ = ["Extracted", "Line", "extract"]

PDF_SIGNATURE = b"%PDF-"
HTML_SIGNATURES = (b"<!doctype html", b"<html")


def extract(raw: RawDocument) -> Extracted:
    """Detect the format and encoding of a document and return its lines without markup."""
    head = raw.data[:1024].lstrip().lower()
    if raw.data.startswith(PDF_SIGNATURE):
        raise SourceError(raw.uri, "PDF input is not supported yet; extract its text first")
    if head.startswith(HTML_SIGNATURES):
        raise SourceError(raw.uri, "HTML input is not supported yet; save the page as text first")
    text, encoding = decode_text(raw)
    raw_lines = split_lines(text)
    if raw.suffix in {"md", "markdown"} or looks_like_markdown(raw_lines):
        return Extracted("markdown", encoding, remove_page_furniture(markdown_lines(raw_lines)))
    return Extracted("text", encoding, remove_page_furniture(markdown_lines(raw_lines, headings=False)))
