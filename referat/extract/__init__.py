"""Turn raw bytes into clean numbered lines: RawDocument -> Extracted.

The format is told by the content (a PDF signature, a ZIP archive holding word/document.xml, an
HTML root element, Markdown headings), with the file name only as a hint.
"""

from __future__ import annotations

import json

from referat.errors import ExtractError
from referat.extract.clean import remove_page_furniture
from referat.extract.docx import OLE2_SIGNATURE, ZIP_SIGNATURE, docx_lines, legacy_office_error
from referat.extract.html import html_lines, looks_like_html
from referat.extract.lines import Extracted, Line
from referat.extract.markdown import looks_like_markdown, markdown_lines
from referat.extract.pdf import pdf_lines
from referat.extract.text import decode_text, split_lines
from referat.extract.transcript import split_run_together_pages
from referat.extract.webtext import tidy_web_text
from referat.sources.raw import RawDocument

__all__ = ["Extracted", "Line", "extract"]

PDF_SIGNATURE = b"%PDF-"
# Some producers put a few bytes before the signature; PDF readers accept it within the first KB.
PDF_SIGNATURE_WINDOW = 1024


def extract(raw: RawDocument) -> Extracted:
    """Detect the format and encoding of a document and return its lines without markup."""
    if PDF_SIGNATURE in raw.data[:PDF_SIGNATURE_WINDOW]:
        return Extracted("pdf", "binary", *remove_page_furniture(pdf_lines(raw)))
    if raw.suffix == "pdf":
        raise ExtractError(raw.uri, "the file is named .pdf but is not a PDF (no %PDF- signature)")
    if raw.data.startswith(ZIP_SIGNATURE):
        lines, title = docx_lines(raw)
        return Extracted("docx", "binary", *remove_page_furniture(lines), title=title)
    if raw.data.startswith(OLE2_SIGNATURE):
        raise legacy_office_error(raw)
    if raw.suffix == "docx":
        raise ExtractError(raw.uri, "the file is named .docx but is not a DOCX (no ZIP signature)")
    if raw.data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        raise _json_error(raw)
    if looks_like_html(raw):
        lines, encoding, title, site = html_lines(raw)
        kept, furniture = remove_page_furniture(lines)
        return Extracted("html", encoding, kept, furniture + site, title=title)
    if raw.suffix == "json":
        raise ExtractError(raw.uri, "the file is named .json but is not JSON (it does not start with { or [)")
    text, encoding = decode_text(raw)
    raw_lines = split_lines(text, raw.uri)
    if raw.suffix in {"md", "markdown"} or looks_like_markdown(raw_lines):
        return Extracted("markdown", encoding, *remove_page_furniture(_saved_page(markdown_lines(raw_lines))))
    return Extracted("text", encoding, *remove_page_furniture(_saved_page(markdown_lines(raw_lines, headings=False))))


def _saved_page(lines: list[Line]) -> list[Line]:
    """Text saved from a web page: its controls tidied, a PDF transcript's pages cut into lines."""
    return split_run_together_pages(tidy_web_text(lines))


def _json_error(raw: RawDocument) -> ExtractError:
    """Why a JSON document cannot be read: malformed (where), or well-formed but of a shape referat does not read."""
    try:
        data = json.loads(raw.data)
    except UnicodeDecodeError as exc:
        return ExtractError(raw.uri, f"malformed JSON: not UTF-8 text ({exc.reason} at byte {exc.start})")
    except json.JSONDecodeError as exc:
        return ExtractError(raw.uri, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
    shape = f"an object with the keys {', '.join(list(data)[:5])}" if isinstance(data, dict) else type(data).__name__
    known = "FirstAgenda meeting JSON and its own (what referat parse --json writes)"
    return ExtractError(raw.uri, f"a JSON document of an unknown shape ({shape}); referat reads {known}")
