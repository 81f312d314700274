"""Fetching minutes from URLs, against a real HTTP server on loopback."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from referat.errors import SourceError
from referat.sources import read_source
from referat.sources.web import USER_AGENT
from referat.store import schema
from referat.store.ingest import ingest
from tests.conftest import EXAMPLES
from tests.render import read_layout, render_html_item_pages, render_html_meeting, render_pdf
from tests.webserver import Response, Site, serve

HVIDOVRE = EXAMPLES / "hvidovre" / "2022-09-05-social-og-arbejdsmarkedsudvalget.txt"
LEJRE = EXAMPLES / "lejre" / "2024-05-08-job-arbejdsmarked-og-integration.txt"
PDF = "application/pdf"
HTML = "text/html; charset=utf-8"


@pytest.fixture(scope="module")
def portal() -> Iterator[Site]:
    pdf = render_pdf(read_layout(HVIDOVRE), running_header="Hvidovre Kommune · Referat")
    page = render_html_meeting(read_layout(LEJRE)).encode()
    routes = {
        "/referat/hvidovre.pdf": Response(pdf, headers={"Content-Type": PDF}),
        "/dagsorden/lejre": Response(page, headers={"Content-Type": HTML}),
        "/gammelt-link": Response(status=301, headers={"Location": "/dagsorden/lejre"}),
        "/loop": Response(status=302, headers={"Location": "/loop"}),
        "/fejl.pdf": Response(b"<html><body>Siden findes ikke</body></html>", headers={"Content-Type": PDF}),
        "/billede.png": Response(b"\x89PNG\r\n\x1a\n", headers={"Content-Type": "image/png"}),
        "/stor.pdf": Response(pdf, headers={"Content-Type": PDF}),
        "/tom": Response(b"", headers={"Content-Type": HTML}),
        "/nede": Response(b"oops", status=503),
    }
    with serve(routes) as site:
        yield site


def test_a_pdf_and_an_html_page_are_fetched_and_parsed(portal: Site, engine: Engine) -> None:
    pdf_url = portal.base_url + "/referat/hvidovre.pdf"
    outcome = ingest(engine, read_source(pdf_url))
    assert outcome.status == "stored"
    outcome = ingest(engine, read_source(portal.base_url + "/gammelt-link"))
    assert outcome.status == "stored"
    with engine.connect() as connection:
        rows = connection.execute(select(schema.documents.c.uri, schema.documents.c.format)).all()
        items = connection.scalar(select(func.count()).select_from(schema.items))
    assert sorted(rows) == sorted([(pdf_url, "pdf"), (portal.base_url + "/gammelt-link", "html")])
    assert items == 12 + 6
    assert (pdf_url.removeprefix(portal.base_url), USER_AGENT) in portal.requests
    assert ingest(engine, read_source(pdf_url)).status == "unchanged"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/fejl.pdf", "served as application/pdf but the content is not a PDF"),
        ("/billede.png", "unsupported content type 'image/png'"),
        ("/stor.pdf", "more than the limit of 1,000"),
        ("/tom", "empty document"),
        ("/nede", "503"),
        ("/findes-ikke", "404"),
        ("/loop", "redirects"),
    ],
)
def test_bad_responses_get_a_clear_error_naming_the_url(portal: Site, path: str, reason: str) -> None:
    with pytest.raises(SourceError) as info:
        read_source(portal.base_url + path, max_bytes=1000 if path == "/stor.pdf" else 10_000_000)
    assert info.value.document == portal.base_url + path
    assert reason in info.value.reason


def test_a_server_that_is_not_there_is_a_clear_error() -> None:
    with pytest.raises(SourceError, match="cannot fetch: ConnectError"):
        read_source("http://127.0.0.1:9/referat.pdf")


@pytest.mark.slow  # runs the `referat` command as a subprocess
def test_cli_ingests_a_folder_of_mixed_formats_and_a_url(portal: Site, tmp_path: Path) -> None:
    folder = tmp_path / "referater"
    folder.mkdir()
    (folder / "hvidovre.pdf").write_bytes(render_pdf(read_layout(HVIDOVRE), running_header="Referat"))
    (folder / "lejre.html").write_text(render_html_meeting(read_layout(LEJRE)), encoding="utf-8")
    gladsaxe = sorted((EXAMPLES / "gladsaxe").glob("*"))
    for path in gladsaxe:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "skannet.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    database = tmp_path / "referat.sqlite"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "referat",
            "ingest",
            str(folder),
            portal.base_url + "/dagsorden/lejre",
            "--db",
            str(database),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    # The page served at the URL is the same as lejre.html, so it is recognised as unchanged.
    assert "7 dokumenter: 5 gemt, 1 uændret, 1 fejlede\n" in result.stdout
    assert "skannet.pdf: not a readable PDF" in result.stderr


def test_item_pages_of_one_meeting_add_up_to_the_meeting(engine: Engine, tmp_path: Path) -> None:
    # A single item's page rarely names the municipality twice, so it is given, as with --body.
    body = "Hvidovre Kommune"
    pages = render_html_item_pages(read_layout(HVIDOVRE))
    for number, page in enumerate(pages, start=1):
        path = tmp_path / f"punkt-{number}.html"
        path.write_text(page, encoding="utf-8")
        assert ingest(engine, read_source(str(path)), body=body).status == ("stored" if number == 1 else "added")
    changed = tmp_path / "punkt-3.html"
    changed.write_text(pages[2].replace("Godkendt.", "Udsat."), encoding="utf-8")
    assert ingest(engine, read_source(str(changed)), body=body).status == "replaced"
    with engine.connect() as connection:
        numbers = list(connection.scalars(select(schema.items.c.number).order_by(schema.items.c.position)))
        documents = connection.scalar(select(func.count()).select_from(schema.documents))
        outcomes = connection.scalar(select(schema.items.c.outcomes).where(schema.items.c.number == 3))
    assert numbers == list(range(1, len(pages) + 1))
    assert documents == len(pages)
    assert outcomes == "postponed"
