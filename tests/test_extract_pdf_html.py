"""PDF and HTML extraction on documents made for one behaviour each, and every kind of bad input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import Engine, func, select

from referat.errors import ExtractError, ParseError, ReferatError
from referat.extract import extract
from referat.parse.document import parse_document
from referat.sources.files import read_file
from referat.sources.raw import RawDocument
from referat.store import schema
from referat.store.ingest import ingest
from tests.conftest import EXAMPLES
from tests.render import read_layout, render_html_meeting, render_pdf

LEJRE = EXAMPLES / "lejre" / "2024-05-08-job-arbejdsmarked-og-integration.txt"


def _pdf(pages: list[list[tuple[float, str]]], **options: object) -> bytes:
    """A PDF whose pages hold the given lines at the given heights (points from the bottom)."""
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=A4, **options)  # type: ignore[arg-type]
    for page in pages:
        drawing.setFont("Helvetica", 10)
        for y, text in page:
            drawing.drawString(72, y, text)
        drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def pdf_with_a_damaged_page() -> bytes:
    """Three pages, the second of which points at an object the file does not hold: PDFium opens the
    document but cannot load that page (as 34 of 1,000 fuzzed PDFs did)."""
    pages = [[(700, f"Punkt {n}: Sag {n}"), (680, "Beslutning"), (660, "Godkendt.")] for n in (1, 2, 3)]
    data = _pdf(pages)
    assert b"/Kids [ 3 0 R 4 0 R 5 0 R ]" in data
    return data.replace(b"/Kids [ 3 0 R 4 0 R 5 0 R ]", b"/Kids [ 3 0 R 99 0 R 5 0 R ]")


def _texts(data: bytes, uri: str = "x.pdf") -> list[str]:
    return [line.text for line in extract(RawDocument(uri=uri, data=data)).lines if line.text]


# --- PDF ----------------------------------------------------------------------------------------


def test_pdf_hyphenated_line_breaks_are_joined_and_shortened_compounds_kept() -> None:
    width_filler = "Udvalget drøftede sagen om den fremtidige indsats for borgere på "
    page = [
        (700, width_filler + "beskæf-"),
        (688, "tigelsesområdet og Social-"),
        (676, "og Sundhedsudvalget i perioden 2022-"),
        (664, "2025 samt fremover."),
    ]
    texts = _texts(_pdf([page]))
    assert texts == [
        width_filler + "beskæftigelsesområdet og Social- og Sundhedsudvalget i perioden 2022-2025 samt fremover."
    ]


def test_pdf_running_headers_footers_and_page_numbers_are_removed() -> None:
    titles = ["Punkt 1: Godkendelse af dagsorden", "Punkt 2: Budgetopfølgning", "Punkt 3: Eventuelt"]
    pages = [
        [(800, "Gladsaxe Kommune · Referat 31-05-2023"), (700, title), (600, "Godkendt."), (40, f"Side {n} af 3")]
        for n, title in enumerate(titles, start=1)
    ]
    assert _texts(_pdf(pages)) == [text for title in titles for text in (title, "Godkendt.")]


def test_pdf_table_cells_become_tab_separated_rows() -> None:
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=A4)
    drawing.setFont("Helvetica", 10)
    for y, cells in ((700, ("Aktivering", "64,0", "70,3")), (686, ("Forsørgelse", "725,1", "683,8"))):
        for x, cell in zip((72, 300, 400), cells, strict=True):
            drawing.drawString(x, y, cell)
    drawing.save()
    assert _texts(buffer.getvalue()) == ["Aktivering\t64,0\t70,3", "Forsørgelse\t725,1\t683,8"]


def test_a_seed_rendered_as_pdf_reads_back_with_its_paragraphs_whole() -> None:
    pdf = render_pdf(read_layout(LEJRE), running_header="Lejre Kommune · Referat")
    texts = _texts(pdf)
    source = [line for line in LEJRE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert texts[0] == source[0]
    assert not any(text.startswith(("Side ", "Lejre Kommune · Referat")) for text in texts)
    assert sum(text in texts for text in source) >= 0.95 * len(source)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (_pdf([[]]), "no text layer"),
        (_pdf([[(700, "Hemmeligt")]], encrypt="hemmelig"), "encrypted"),
        (_pdf([[(700, "Punkt 1: Sag")]])[:-200], "truncated"),
        (b"%PDF-1.7\n" + b"\x00garbage" * 50 + b"\n%%EOF\n", "not a readable PDF"),
        (pdf_with_a_damaged_page(), "page 2 of the PDF is damaged and cannot be loaded"),
    ],
    ids=["scanned", "encrypted", "truncated", "damaged", "damaged-page"],
)
def test_unreadable_pdfs_get_a_clear_error(data: bytes, reason: str) -> None:
    with pytest.raises(ExtractError) as info:
        parse_document(RawDocument(uri="bad/referat.pdf", data=data))
    assert str(info.value).startswith("bad/referat.pdf: ")
    assert reason in info.value.reason


def test_a_file_named_pdf_that_is_not_one_gets_a_clear_error() -> None:
    with pytest.raises(ExtractError, match=r"named \.pdf but is not a PDF"):
        parse_document(RawDocument(uri="referat.pdf", data=b"<html><body>Siden findes ikke</body></html>"))


# --- HTML ---------------------------------------------------------------------------------------


def test_html_keeps_structure_and_drops_scripts_styles_and_navigation() -> None:
    page = b"""<!DOCTYPE html><html><head><title>t</title><style>p { color: red }</style>
    <script>document.write("Punkt 9: Falsk punkt")</script></head><body>
    <nav><a href="/">Forside</a></nav>
    <h1>REFERAT <b>Byr\xc3\xa5det</b></h1>
    <p>Linje et<br>linje   to</p>
    <ol start="2"><li>at godkende</li><li>at afvise</li></ol>
    <ul><li>Bilag A</li></ul>
    <table><tr><th>Ramme</th><td>64,0</td></tr></table>
    <footer>Cookies</footer></body></html>"""
    lines = [line for line in extract(RawDocument(uri="x.html", data=page)).lines if line.text]
    assert [(line.text, line.level) for line in lines] == [
        ("REFERAT Byrådet", 1),
        ("Linje et", 0),
        ("linje to", 0),
        ("2. at godkende", 0),
        ("3. at afvise", 0),
        ("- Bilag A", 0),
        ("Ramme\t64,0", 0),
    ]


def test_html_declared_charset_is_used() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Mødested Rådhuset</p></body></html>'
    lines = extract(RawDocument(uri="x.html", data=page.encode("cp1252"))).lines
    assert lines[0].text == "Mødested Rådhuset"


def test_deeply_nested_html_does_not_overflow(monkeypatch: pytest.MonkeyPatch) -> None:
    # deeper than the default limit allows, so that a recursive walk would overflow the stack
    monkeypatch.setattr("referat.extract.nesting.MAX_HTML_DEPTH", 10_000)
    page = "<html><body>" + "<div>" * 5000 + "<p>Punkt 1: Dybt</p>" + "</div>" * 5000 + "</body></html>"
    assert _texts(page.encode(), "x.html") == ["Punkt 1: Dybt"]


@pytest.mark.parametrize(
    ("page", "error", "reason"),
    [
        (b"<html><body><nav>Menu</nav><script>x()</script></body></html>", ExtractError, "contains no text"),
        (
            b"<!DOCTYPE html><html><body><p>Velkommen til kommunens hjemmeside.</p></body></html>",
            ParseError,
            "no minutes found",
        ),
    ],
    ids=["empty", "no-minutes"],
)
def test_html_without_minutes_gets_a_clear_error(page: bytes, error: type[ReferatError], reason: str) -> None:
    with pytest.raises(error) as info:
        parse_document(RawDocument(uri="side.html", data=page))
    assert reason in info.value.reason


def test_document_text_never_carries_markup_into_the_model() -> None:
    layout = read_layout(LEJRE)
    page = render_html_meeting(layout).replace("<p>", "<p><img src=x onerror=alert(1)><script>alert(2)</script>", 1)
    document = parse_document(RawDocument(uri="x.html", data=page.encode()))
    assert "alert" not in document.model_dump_json()


# --- nothing of a bad document is stored ----------------------------------------------------------


def _bad_inputs(folder: Path) -> dict[str, bytes]:
    return {
        "scan.pdf": _pdf([[]]),
        "encrypted.pdf": _pdf([[(700, "Punkt 1: Sag")]], encrypt="hemmelig"),
        "truncated.pdf": _pdf([[(700, "Punkt 1: Sag")]])[:-200],
        "not-a-pdf.pdf": b"Punkt 1: Sag\n\nBeslutning\n\nGodkendt.\n",
        "empty.html": b"",
        "no-minutes.html": b"<!DOCTYPE html><html><body><p>Velkommen.</p></body></html>",
        "huge.txt": b"Punkt 1: Sag\n" + b"x" * 5000,
    }


def test_bad_documents_are_reported_and_nothing_of_them_is_stored(engine: Engine, tmp_path: Path) -> None:
    reasons: dict[str, str] = {}
    for name, data in _bad_inputs(tmp_path).items():
        path = tmp_path / name
        path.write_bytes(data)
        try:
            outcome = ingest(engine, read_file(path, max_bytes=4096))
        except ReferatError as exc:  # refused before parsing: empty or too large
            reasons[name] = exc.reason
            continue
        assert outcome.status == "failed"
        assert outcome.reason
        reasons[name] = outcome.reason
    assert "no text layer" in reasons["scan.pdf"]
    assert "encrypted" in reasons["encrypted.pdf"]
    assert "truncated" in reasons["truncated.pdf"]
    assert "not a PDF" in reasons["not-a-pdf.pdf"]
    assert "empty" in reasons["empty.html"]
    assert "no minutes found" in reasons["no-minutes.html"]
    assert "more than the limit of 4,096" in reasons["huge.txt"]
    with engine.connect() as connection:
        for table in (schema.documents, schema.meetings, schema.items, schema.persons):
            assert connection.scalar(select(func.count()).select_from(table)) == 0
        assert connection.scalar(select(func.count()).select_from(schema.ingest_failures)) == 5
