"""Read documents from files and folders: path -> RawDocument."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from referat.errors import SourceError
from referat.settings import MAX_DOCUMENT_BYTES
from referat.sources.raw import RawDocument

# Suffixes collected from a folder; a single file is read whatever its name.
DOCUMENT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".htm", ".html", ".pdf", ".json"}
# A folder's README describes the folder; it is not minutes.
SKIPPED_NAMES = {"readme.md", "readme.txt", "readme"}


def read_file(path: Path, max_bytes: int = MAX_DOCUMENT_BYTES) -> RawDocument:
    """Read one file, refusing what is missing, not a file, empty or too large."""
    uri = str(path)
    if not path.exists():
        raise SourceError(uri, "no such file")
    if not path.is_file():
        raise SourceError(uri, "not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise SourceError(uri, "the file is empty")
    if size > max_bytes:
        raise SourceError(uri, f"the file is {size:,} bytes, more than the limit of {max_bytes:,}")
    try:
        return RawDocument(uri=uri, data=path.read_bytes())
    except OSError as exc:
        raise SourceError(uri, f"cannot read: {exc.strerror or exc}") from exc


def find_documents(folder: Path) -> Iterator[Path]:
    """Document files below a folder, in name order, skipping hidden files and folders."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in DOCUMENT_SUFFIXES and path.name.lower() not in SKIPPED_NAMES:
            yield path
