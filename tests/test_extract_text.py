"""Encodings and newline styles are detected, not assumed; binary data is refused clearly."""

from __future__ import annotations

import codecs

import pytest

from referat.errors import ExtractError
from referat.extract import extract
from referat.parse.document import parse_document
from referat.sources.raw import RawDocument

MINUTES = (
    "REFERAT Beskæftigelses- og Integrationsudvalget d. 31-05-2023\n\n"
    "Mødested Rådhuset, Gladsaxeværelset\n\n"
    "Punkt 1: Ændring af økonomiudvalgets års-plan for børn og ældre\n\n"
    "Beslutning\n\nGodkendt. Økonomien blev drøftet, og ændringen blev tiltrådt af udvalget.\n"
)


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (encode(MINUTES, "utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + encode(MINUTES, "utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + encode(MINUTES, "utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + encode(MINUTES, "utf-16-be"), "utf-16-be"),
        (encode(MINUTES, "utf-16-le"), "utf-16-le"),
        (encode(MINUTES, "cp1252"), None),
        (encode(MINUTES.replace("\n", "\r\n"), "latin-1"), None),
        (encode(MINUTES.replace("\n", "\r"), "utf-8"), "utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le-no-bom", "cp1252", "latin-1-crlf", "cr"],
)
def test_encodings_and_newlines_give_the_same_facts(data: bytes, encoding: str | None) -> None:
    document = parse_document(RawDocument(uri="minutes.txt", data=data))
    if encoding:
        assert document.source.encoding == encoding
    [item] = document.agenda_items
    assert item.title == "Ændring af økonomiudvalgets års-plan for børn og ældre"
    assert item.span.line_start == 5
    assert document.meeting.location == "Rådhuset, Gladsaxeværelset"
    assert item.decision is not None and item.decision.outcomes == ["approved"]


def test_single_byte_text_is_decoded_with_the_danish_letters() -> None:
    lines = extract(RawDocument(uri="x.txt", data=encode(MINUTES, "cp1252"))).lines
    assert lines[0].text == "REFERAT Beskæftigelses- og Integrationsudvalget d. 31-05-2023"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x00\x01\x02\x03\x04\x05binary\x00\x00", "binary data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"   \n\n  ", "no text"),
        (b"%PDF-1.7\n...", "truncated"),
    ],
)
def test_unusable_bytes_get_a_clear_error_naming_the_document(data: bytes, reason: str) -> None:
    with pytest.raises(Exception) as info:
        parse_document(RawDocument(uri="bad/file.txt", data=data))
    assert "bad/file.txt" in str(info.value)
    assert reason in str(info.value)


def test_page_numbers_and_running_headers_are_removed() -> None:
    text = (
        "REFERAT Byrådet d. 01-02-2024\n\nPunkt 1: Sag\n\nBeslutning\n\nGodkendt.\n\nSide 2 af 3\n"
        "REFERAT Byrådet d. 01-02-2024\n\nPunkt 2: Sag to\n\nSide 3 af 3\nREFERAT Byrådet d. 01-02-2024\n"
    )
    document = parse_document(RawDocument(uri="x.txt", data=text.encode()))
    assert document.agenda_items[0].sections == {"Beslutning": "Godkendt."}


def test_extract_error_is_a_referat_error() -> None:
    with pytest.raises(ExtractError):
        extract(RawDocument(uri="x.txt", data=b"\x00" * 100))
