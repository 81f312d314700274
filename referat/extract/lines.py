"""The extract stage's output: numbered lines of plain text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from referat.errors import ExtractError
from referat.settings import MAX_LINES


@dataclass(frozen=True, slots=True)
class Line:
    """One source line; `number` is 1-based in the decoded source.

    The style the source gives the line is kept where it has one, as evidence for the layout:
    `level` is a heading level (Markdown "#", HTML h1–h6, a larger PDF font, a DOCX heading style)
    and `bold` says the whole line is emphasised (strong/b, a bold font or run, a table header cell).
    """

    number: int
    text: str
    level: int = 0
    page: int | None = None
    bold: bool = False


@dataclass(frozen=True)
class Extracted:
    format: Literal["text", "markdown", "html", "pdf", "docx"]
    encoding: str
    lines: list[Line]
    furniture: list[str] = field(default_factory=list)  # running headers and footers removed from the lines
    title: str | None = None  # the document's own title: HTML <title>, PDF or DOCX metadata


def check_line_count(uri: str, count: int, what: str = "lines") -> None:
    """Refuse a document of more lines (or paragraphs) than the input limit allows, before they are
    all built: each costs memory and time in every stage after this one."""
    if count > MAX_LINES:
        raise ExtractError(uri, f"the document has more than {MAX_LINES:,} {what}, the most referat reads")
