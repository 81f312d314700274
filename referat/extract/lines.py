"""The extract stage's output: numbered lines of plain text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Line:
    """One source line; `number` is 1-based in the decoded source, `level` a Markdown heading level."""

    number: int
    text: str
    level: int = 0
    page: int | None = None


@dataclass(frozen=True)
class Extracted:
    format: Literal["text", "markdown", "html", "pdf"]
    encoding: str
    lines: list[Line]
