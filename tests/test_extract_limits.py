"""Hostile files: limits that follow from the input limit refuse them with a reason, and documents
within the limits are read whole. The limits are lowered here so each case is small and fast; the
full-size cases are measured by scripts/hostile_files.py."""

from __future__ import annotations

import pytest

from referat.errors import ExtractError
from referat.extract import extract
from referat.sources.raw import RawDocument

# --- text ---------------------------------------------------------------------------------------


def test_a_text_of_more_lines_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("referat.extract.lines.MAX_LINES", 10)
    with pytest.raises(ExtractError, match=r"^linjer\.txt: the document has more than 10 lines"):
        extract(RawDocument(uri="linjer.txt", data=b"a\r\n" * 10 + b"b"))


def test_a_text_of_as_many_lines_as_the_limit_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("referat.extract.lines.MAX_LINES", 10)
    extracted = extract(RawDocument(uri="linjer.txt", data=b"Referat\r\n" + b"a\r" * 8 + b"b"))
    assert [line.number for line in extracted.lines] == list(range(1, 11))
