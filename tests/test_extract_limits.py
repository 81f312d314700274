"""Hostile files: limits that follow from the input limit refuse them with a reason, and documents
within the limits are read whole. The limits are lowered here so each case is small and fast; the
full-size cases are measured by scripts/hostile_files.py."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
import selectolax.lexbor

from referat.errors import ExtractError
from referat.extract import extract
from referat.extract.docx_package import open_package, reading
from referat.extract.nesting import nesting_depth
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


# --- HTML ---------------------------------------------------------------------------------------


def _page(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + "<p>Punkt 1: Dybt</p>" + "</div>" * depth + "</body></html>").encode()


def test_html_nested_deeper_than_the_limit_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parse(*args: object) -> None:
        raise AssertionError("parsed a page it should have refused")

    monkeypatch.setattr("referat.extract.html.LexborHTMLParser", no_parse)
    with pytest.raises(ExtractError, match=r"^dyb\.html: the HTML nests elements more than 512 deep"):
        extract(RawDocument(uri="dyb.html", data=_page(600)))


def test_html_nested_within_the_limit_is_read() -> None:
    assert _texts(_page(500), "dyb.html") == ["Punkt 1: Dybt"]


@pytest.mark.parametrize(
    ("html", "depth"),
    [
        ("<div>" * 40 + "</div>" * 40, 40),
        ("<div/>" * 40, 40),  # HTML has no self-closed div: each is open
        ("<ul>" + "<li>punkt" * 1000 + "</ul>", 2),  # a list item ends at the next
        ("<p>a<p>b<p>c", 1),
        ("<ul><li><ul><li><ul><li>x", 6),
        ("<table>" + "<tr><td><font>x</td><td>y" * 1000 + "</table>", 4),  # a cell's end closes its font
        ("<dl><dt>a<dd>b<dt>c<dd>d</dl>", 2),
        ("<svg>" + "<path/>" * 1000 + "</svg>", 1),
        ("<script>" + "<div>" * 1000 + "</script><div>", 1),
        ("<!--" + "<div>" * 1000 + "--><div>", 1),
    ],
)
def test_nesting_is_counted_as_a_browser_builds_it(html: str, depth: int) -> None:
    assert nesting_depth(html, 10_000) == depth


def test_html_of_more_lines_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("referat.extract.lines.MAX_LINES", 20)
    page = "<html><body>" + "Punkt<br>" * 30 + "</body></html>"
    with pytest.raises(ExtractError, match=r"^brud\.html: the document has more than 20 lines"):
        extract(RawDocument(uri="brud.html", data=page.encode()))


def test_a_page_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    parses: list[str] = []

    def counting(html: str) -> selectolax.lexbor.LexborHTMLParser:
        parses.append(html)
        return selectolax.lexbor.LexborHTMLParser(html)

    monkeypatch.setattr("referat.extract.html.LexborHTMLParser", counting)
    page = (
        "<html><head><title>Referat | Greve Kommune</title></head><body><p>Punkt 1: Budget</p>"
        "<footer>Greve Kommune, Rådhusholmen 10</footer></body></html>"
    )
    extracted = extract(RawDocument(uri="side.html", data=page.encode()))
    assert len(parses) == 1
    assert extracted.title == "Referat | Greve Kommune"
    assert "Greve Kommune, Rådhusholmen 10" in extracted.furniture
    assert [line.text for line in extracted.lines if line.text] == ["Punkt 1: Budget"]
