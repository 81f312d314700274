"""Errors that carry the document and the reason, so a batch can report them and go on.

ReferatError > SourceError (cannot read the bytes), ExtractError (bytes are not usable text),
ParseError (text is not minutes).
"""

from __future__ import annotations


class ReferatError(Exception):
    """A document could not be processed; `str()` names the document and the reason."""

    def __init__(self, document: str, reason: str) -> None:
        super().__init__(f"{document}: {reason}")
        self.document = document
        self.reason = reason


class SourceError(ReferatError):
    """The document could not be read (missing file, unsupported format, too large)."""


class TransientSourceError(SourceError):
    """The server was busy or unreachable (429, 5xx, timeout, refused connection): worth trying again."""

    def __init__(self, document: str, reason: str, retry_after: float | None = None) -> None:
        super().__init__(document, reason)
        self.retry_after = retry_after


class ExtractError(ReferatError):
    """The bytes could not be turned into text (binary data, unknown encoding)."""


class ParseError(ReferatError):
    """The text is readable but holds no minutes (no meeting header and no agenda items)."""


class StoreError(ReferatError):
    """The database refused the document; nothing of it was stored."""
