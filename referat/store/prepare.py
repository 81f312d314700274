"""A document made ready to store: parsed, and its items analysed for the search index.

This is the work of ingesting a document that needs no database, and most of it (docs/search.md), so a
worker process can do it while the writer stores the documents before it (store/pipeline.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from referat.errors import ReferatError
from referat.model import ParsedDocument
from referat.parse.document import parse_document
from referat.sources.raw import RawDocument
from referat.store.reindex import Analyses, analyse_items


@dataclass(frozen=True)
class Prepared:
    """What the writer needs of a document: the parsed document, or why it could not be parsed."""

    uri: str
    sha256: str
    size: int
    document: ParsedDocument | None = None
    analyses: Analyses = field(default_factory=dict)
    reason: str | None = None  # why it could not be parsed, when `document` is None


def prepare(raw: RawDocument, body: str | None = None) -> Prepared:
    """Parse a document and analyse its items; a bad document gives its reason instead of raising."""
    try:
        document = parse_document(raw, body=body)
    except ReferatError as exc:
        return Prepared(raw.uri, raw.sha256, len(raw.data), reason=exc.reason)
    return Prepared(raw.uri, raw.sha256, len(raw.data), document, analyse_items(document.agenda_items))
