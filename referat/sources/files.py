"""Read documents from files and folders: path -> RawDocument.

Folders are walked following symbolic links, as a user who links a folder of minutes into another
expects; a link back to a folder already being walked (a loop), and a link whose target is missing,
are yielded like documents so that reading them fails with a message naming the link, instead of
being skipped without a word.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

from referat.errors import SourceError
from referat.settings import MAX_DOCUMENT_BYTES
from referat.sources.raw import RawDocument

# Suffixes collected from a folder; a single file is read whatever its name.
DOCUMENT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".htm", ".html", ".pdf", ".docx", ".json"}
# A folder's README describes the folder; it is not minutes.
SKIPPED_NAMES = {"readme.md", "readme.txt", "readme"}


def read_file(path: Path, max_bytes: int = MAX_DOCUMENT_BYTES) -> RawDocument:
    """Read one file, refusing what is missing, not a file, empty or too large."""
    uri = str(path)
    if path.is_symlink():
        _check_link(path)
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
    """Document files below a folder, in name order, skipping hidden files and folders; broken
    links and links that loop back are yielded too, for read_file to report."""
    root = folder.resolve()
    yield from _walk(folder, {root}, {root})


def _walk(folder: Path, ancestors: set[Path], seen: set[Path]) -> Iterator[Path]:
    """`seen` holds every real folder walked, so a folder linked twice is read once."""
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        raise SourceError(str(folder), f"cannot list the folder: {exc.strerror or exc}") from exc
    for path in entries:
        if path.name.startswith("."):
            continue
        if path.is_symlink() and not path.exists():
            if _is_document_name(path):
                yield path  # dangling or looping link: read_file says which
        elif path.is_dir():
            real = path.resolve()
            if real in ancestors:
                yield path  # a link back to a folder being walked
            elif real not in seen:
                seen.add(real)
                yield from _walk(path, ancestors | {real}, seen)
        elif path.is_file() and _is_document_name(path):
            yield path


def _is_document_name(path: Path) -> bool:
    return path.suffix.lower() in DOCUMENT_SUFFIXES and path.name.lower() not in SKIPPED_NAMES


def _check_link(path: Path) -> None:
    """A clear reason for a symbolic link that leads nowhere or back to where it came from."""
    uri = str(path)
    if path.is_dir():
        raise SourceError(
            uri, f"a symbolic link to a folder that contains it ({os.readlink(path)}): a loop, not followed"
        )
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SourceError(uri, "a symbolic link that loops back on itself") from exc
        if exc.errno == errno.ENOENT:
            raise SourceError(uri, f"a symbolic link to a missing file ({os.readlink(path)})") from exc
        raise SourceError(uri, f"cannot follow the symbolic link: {exc.strerror or exc}") from exc
