"""Parse a document held in a string, as the tests' unit of input."""

from __future__ import annotations

from referat.model import ParsedDocument
from referat.parse.document import parse_document
from referat.sources.raw import RawDocument


def parse_text(text: str, name: str = "test.txt") -> ParsedDocument:
    return parse_document(RawDocument(uri=name, data=text.encode("utf-8")))
