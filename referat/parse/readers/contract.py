"""referat's own JSON, as `referat parse --json` writes it -> ParsedDocument.

A user who finds a parse wrong can correct the JSON by hand and store it: the contract is an input
format too. The document keeps every fact as written (nothing is parsed again); its source becomes the
JSON file itself, and `SourceInfo.corrects` names the document it was parsed from, so that the store
puts the correction in that document's place instead of beside it.
"""

from __future__ import annotations

from pydantic import ValidationError

from referat.errors import ParseError
from referat.model import ParsedDocument, SourceInfo
from referat.sources.raw import RawDocument

# The keys that tell referat's own JSON from any other: the top level of a ParsedDocument.
SIGNATURE_KEYS = (b'"agenda_items"', b'"meeting"', b'"source"')
SHOWN_ERRORS = 3  # validation errors named in the message; the rest are counted


def looks_like_contract(raw: RawDocument) -> bool:
    return raw.data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{" and all(key in raw.data for key in SIGNATURE_KEYS)


def read_contract(raw: RawDocument, body: str | None = None) -> ParsedDocument:
    """The document as written; `body` overrides its municipality, as it does for any format."""
    try:
        document = ParsedDocument.model_validate_json(raw.data)
    except ValidationError as exc:
        raise ParseError(raw.uri, f"referat JSON that does not fit the contract: {_problems(exc)}") from None
    original = document.source
    source = SourceInfo(
        path=raw.uri,
        format="referat",
        sha256=raw.sha256,
        encoding="utf-8",
        corrects=original.sha256 if original.sha256 != raw.sha256 else None,
    )
    meeting = document.meeting.model_copy(update={"body": body}) if body else document.meeting
    return document.model_copy(update={"source": source, "meeting": meeting})


def _problems(exc: ValidationError) -> str:
    """ "meeting.start: Input should be a valid string; … and 2 more"."""
    errors = exc.errors()
    named = [f"{'.'.join(str(part) for part in error['loc']) or '(top)'}: {error['msg']}" for error in errors]
    more = f" and {len(errors) - SHOWN_ERRORS} more" if len(errors) > SHOWN_ERRORS else ""
    return "; ".join(named[:SHOWN_ERRORS]) + more
