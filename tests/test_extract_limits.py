"""Hostile files: limits that follow from the input limit refuse them with a reason, and documents
within the limits are read whole. The limits are lowered here so each case is small and fast; the
full-size cases are measured by scripts/hostile_files.py."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from referat.errors import ExtractError
from referat.extract import extract
from referat.extract.docx_package import open_package, reading
from referat.sources.raw import RawDocument


def _docx(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _texts(data: bytes, uri: str) -> list[str]:
    return [line.text for line in extract(RawDocument(uri=uri, data=data)).lines if line.text]


# --- DOCX ---------------------------------------------------------------------------------------


def test_a_docx_that_unpacks_past_the_limit_is_refused_from_its_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _docx(["Punkt 1. Godkendelse af dagsorden"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    monkeypatch.setattr("referat.extract.docx_package.MAX_UNPACKED_BYTES", unpacked - 1)
    with pytest.raises(ExtractError, match=rf"^bombe\.docx: the DOCX unpacks to {unpacked:,} bytes, more than "):
        extract(RawDocument(uri="bombe.docx", data=data))


def test_what_is_unpacked_is_counted_too_not_only_what_the_directory_declares() -> None:
    package = open_package(RawDocument(uri="bombe.docx", data=_docx(["Godkendt."] * 50)))
    package.budget = 1_000  # as if the directory had declared less than the parts hold
    with (
        pytest.raises(ExtractError, match=r"^bombe\.docx: the DOCX unpacks to more than [\d,]+ bytes"),
        reading(package.uri),
    ):
        list(package.body())


def test_a_directory_that_understates_a_size_is_damage_not_read_past() -> None:
    data = bytearray(_docx(["Godkendt."] * 200))
    entry = data.rindex(b"word/document.xml") - 46  # its entry in the central directory, at the end
    assert data[entry : entry + 4] == b"PK\x01\x02"
    data[entry + 24 : entry + 28] = (100).to_bytes(4, "little")  # its uncompressed size
    with pytest.raises(ExtractError, match=r"^bombe\.docx: a damaged DOCX"):
        extract(RawDocument(uri="bombe.docx", data=bytes(data)))


def test_a_docx_of_more_paragraphs_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("referat.extract.lines.MAX_LINES", 50)
    data = _docx(["Punkt 1. Godkendelse af dagsorden"] + [""] * 60)
    with pytest.raises(ExtractError, match=r"^tomme\.docx: the document has more than 50 paragraphs"):
        extract(RawDocument(uri="tomme.docx", data=data))


def test_empty_paragraphs_within_the_limit_are_read_around_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("referat.extract.lines.MAX_LINES", 100)
    data = _docx(["Punkt 1. Godkendelse af dagsorden", *[""] * 90, "Godkendt."])
    assert _texts(data, "tomme.docx") == ["Punkt 1. Godkendelse af dagsorden", "Godkendt."]


# --- text ---------------------------------------------------------------------------------------


def test_a_text_of_more_lines_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("referat.extract.lines.MAX_LINES", 10)
    with pytest.raises(ExtractError, match=r"^linjer\.txt: the document has more than 10 lines"):
        extract(RawDocument(uri="linjer.txt", data=b"a\r\n" * 10 + b"b"))


def test_a_text_of_as_many_lines_as_the_limit_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("referat.extract.lines.MAX_LINES", 10)
    extracted = extract(RawDocument(uri="linjer.txt", data=b"Referat\r\n" + b"a\r" * 8 + b"b"))
    assert [line.number for line in extracted.lines] == list(range(1, 11))
