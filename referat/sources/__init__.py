"""Where documents come from: files, folders and URLs -> RawDocument."""

from __future__ import annotations

from pathlib import Path

from referat.settings import MAX_DOCUMENT_BYTES
from referat.sources.files import read_file
from referat.sources.raw import RawDocument
from referat.sources.web import fetch, is_url

__all__ = ["RawDocument", "is_url", "read_source"]


def read_source(location: str, max_bytes: int = MAX_DOCUMENT_BYTES) -> RawDocument:
    """Read a document from a path or an http(s) URL."""
    if is_url(location):
        return fetch(location, max_bytes=max_bytes)
    return read_file(Path(location), max_bytes=max_bytes)
