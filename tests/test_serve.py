"""The web UI, the search API, the Atom feed and the OParl API, in process, over a real database.

The database (SQLite and PostgreSQL) holds the five example minutes, six Greve meetings and one
hostile document whose title and decision carry markup.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus, urlparse

import jsonschema
import pytest
from fastapi.testclient import TestClient

from referat.serve import labels
from referat.serve.app import create_app
from referat.sources.raw import RawDocument
from referat.store.db import open_database
from referat.store.ids import person_id
from referat.store.ingest import ingest
from tests.conftest import FIXTURES, new_database
from tests.helpers import HOSTILE_MINUTES, HOSTILE_SOURCE, ingest_demo

OPARL_SCHEMA = FIXTURES / "oparl" / "schema"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with new_database(request.param, tmp_path_factory.mktemp("serve")) as url:
        engine = open_database(url)
        ingest_demo(engine)
        engine.dispose()
        with TestClient(create_app(url)) as test_client:
            yield test_client
        test_client.app.state.engine.dispose()  # type: ignore[attr-defined]


def _page(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src" not in response.headers["content-security-policy"]  # default-src 'none': no scripts at all
    return response.text


def _first(pattern: str, text: str) -> str:
    found = re.search(pattern, text)
    assert found, pattern
    return found.group(1)


def _total(html: str) -> int:
    """The number of hits the search page states ("1.234 punkter")."""
    return int(_first(r'<p class="summary">([\d.]+)', html).replace(".", ""))


def _links(html: str, prefix: str) -> list[str]:
    return re.findall(rf'href="({re.escape(prefix)}[^"]*)"', html)


# -- web UI -----------------------------------------------------------------------------------


def test_front_page_has_search_counts_and_recent_meetings(client: TestClient) -> None:
    html = _page(client, "/")
    assert '<html lang="da">' in html and 'action="/soeg"' in html
    assert "12 møder" in html and "Senest indlæste møder" in html
    assert len(_links(html, "/moede/")) == 10
    assert "Gladsaxe Kommune" in html and "Greve Kommune" in html


def test_search_finds_compounds_highlights_and_counts_facets(client: TestClient) -> None:
    html = _page(client, "/soeg?q=indsats")
    assert "<mark>" in html
    assert re.search(r"<mark>[^<]*indsats", html, re.I)
    for title in ("Kommune", "Udvalg", "År", "Udfald"):
        assert f"<h2>{title}</h2>" in html
    committee_link = next(link for link in _links(html, "/soeg?") if "udvalg=" in link)
    filtered = _page(client, committee_link.replace("&amp;", "&"))
    assert 'aria-label="Fjern filter"' in filtered
    assert 0 < _total(filtered) < _total(html)


def test_search_pages_and_keeps_filters_in_the_url(client: TestClient) -> None:
    html = _page(client, "/soeg?q=&kommune=Greve+Kommune")
    assert 'rel="next"' in html
    next_url = _first(r'rel="next" href="([^"]+)"', html).replace("&amp;", "&")
    assert "kommune=Greve+Kommune" in next_url and "side=2" in next_url
    second = _page(client, next_url)
    assert 'rel="prev"' in second and "Side 2 af" in second


def test_no_results_suggests_what_to_try(client: TestClient) -> None:
    html = _page(client, "/soeg?q=indsats+xylofonorkester&udfald=approved")
    assert "Ingen punkter fundet" in html
    assert "Prøv uden filtre" in html and "færre ord" in html


def test_meeting_page_shows_facts_attendance_and_agenda_with_outcomes(client: TestClient) -> None:
    html = _page(client, "/soeg?q=&kommune=Greve+Kommune&udvalg=Sundheds-+og+Omsorgsudvalget&aar=2024")
    meeting_url = _links(html, "/moede/")[0]
    meeting = _page(client, meeting_url)
    assert "Sundheds- og Omsorgsudvalget" in meeting and "18. marts 2024, kl. 15.30" in meeting
    assert "Mødelokale 1" in meeting
    absent = meeting.split("Afbud og fravær")[1]
    assert "Charlotte Levin" in absent.split("</section>")[0]
    assert 'class="badge outcome-approved"' in meeting and 'class="badge closed"' in meeting
    assert len(_links(meeting, "/punkt/")) == 11


def test_item_page_shows_decision_votes_case_and_links(client: TestClient) -> None:
    html = _page(client, "/soeg?q=borgerinddragelse")
    item = _page(client, next(link for link in _links(html, "/punkt/")))
    assert "Modeller for borgerinddragelse" in item
    assert 'id="beslutning"' in item and 'id="afstemning"' in item
    votes = item.split('id="afstemning"')[1].split("</table>")[0]
    assert "<td>For</td>" in votes and "<td>Undlod</td>" in votes and "Susanne Damsgaard" in votes
    assert 'href="/sag?nummer=' in item
    linked = item.split('id="behandling"')[1].split("</section>")[0]
    target = _page(client, _links(linked, "/punkt/")[0])
    assert "Temadrøftelse om Integration" in target


def test_case_committee_person_and_municipality_pages(client: TestClient) -> None:
    case = _page(client, "/sag?nummer=22-011409")
    assert "Sag 22-011409" in case and len(_links(case, "/punkt/")) >= 2
    committee = _page(client, "/udvalg?kommune=Greve+Kommune&navn=Sundheds-+og+Omsorgsudvalget")
    assert "Møder (2)" in committee and "Charlotte Levin" in committee
    person_url = _first(r'href="(/person/[0-9a-f]+)">Charlotte Levin', committee)
    person = _page(client, person_url)
    assert "Fraværende" in person and "Sundheds- og Omsorgsudvalget" in person
    municipality = _page(client, "/kommune?navn=Greve+Kommune")
    assert "Økonomiudvalget" in municipality and "Seneste møder" in municipality


def test_document_text_is_escaped_everywhere(client: TestClient) -> None:
    html = _page(client, "/soeg?q=alert+budget")
    item_url = next(link for link in _links(html, "/punkt/"))
    for page in (html, _page(client, item_url), client.get("/search.atom?q=alert").text):
        assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(" in _page(client, item_url)


def _every_page_type(client: TestClient) -> dict[str, str]:
    """One page of each type, by name."""
    search = _page(client, "/soeg?q=borgerinddragelse")
    item = _page(client, _links(search, "/punkt/")[0])
    committee = _page(client, "/udvalg?kommune=Greve+Kommune&navn=Sundheds-+og+Omsorgsudvalget")
    return {
        "front": _page(client, "/"),
        "search": search,
        "no hits": _page(client, "/soeg?q=xylofonorkester"),
        "item": item,
        "meeting": _page(client, _links(item, "/moede/")[0]),
        "case": _page(client, "/sag?nummer=22-011409"),
        "committee": committee,
        "person": _page(client, _links(committee, "/person/")[0]),
        "municipality": _page(client, "/kommune?navn=Lejre+Kommune"),
    }


def test_pages_show_values_not_python_objects(client: TestClient) -> None:
    """`counts.items` on a dict is the dict's method, not the number of items: no page shows such a thing."""
    for name, html in _every_page_type(client).items():
        assert not re.search(r"built-in method|bound method|object at 0x", html), name
    total = client.get("/api/search").json()["total"]
    assert f"{total} dagsordenspunkter" in _page(client, "/")


def test_counts_agree_in_number_with_their_noun(client: TestClient) -> None:
    pages = _every_page_type(client)
    for name, html in pages.items():
        assert not re.search(r"(?<![\d.])1 (møder|punkter|dagsordenspunkter|kommuner|personer)\b", html), name
    assert "1 møde i 1 udvalg" in pages["front"]  # Lejre Kommune
    assert re.search(r'<span class="meta">1 møde, 8\. maj 2024', pages["municipality"])
    assert re.search(r"Til stede ved \d+ møder?, fraværende ved 1 møde\.", pages["person"])


def test_a_search_without_hits_shows_no_empty_facets(client: TestClient) -> None:
    html = _page(client, "/soeg?q=xylofonorkester")
    assert "Ingen punkter fundet" in html and "data-facet" not in html
    filtered = _page(client, "/soeg?q=xylofonorkester&udfald=approved")
    assert re.findall(r'data-facet="(\w+)"', filtered) == ["outcome"]  # the chosen filter, to remove it


def test_a_query_with_its_own_quotes_is_not_quoted_again(client: TestClient) -> None:
    html = _page(client, "/soeg?q=%22Model+1%22+xylofonorkester")
    assert "<h1>Søgning: &#34;Model 1&#34; xylofonorkester</h1>" in html
    assert not re.search(r"“(&#34;|\")|(&#34;|\")”", html)
    fewer = _first(r'færre ord, fx <a href="([^"]+)">&#34;Model 1&#34;</a>', html)
    assert _total(_page(client, fewer.replace("&amp;", "&"))) > 0
    assert "<h1>Søgning: “indsats”</h1>" in _page(client, "/soeg?q=indsats")


def test_outcome_filters_take_codes_and_the_danish_labels(client: TestClient) -> None:
    approved = client.get("/api/search?udfald=approved").json()["total"]
    assert approved > 0
    for value in ("godkendt", "Godkendt", "GODKENDT", " godkendt "):
        assert client.get("/api/search", params={"udfald": value}).json()["total"] == approved, value
    noted = _page(client, "/soeg?udfald=taget+til+efterretning")
    assert _total(noted) == client.get("/api/search?udfald=noted").json()["total"] > 0
    assert "Taget til efterretning" in noted.split('data-facet="outcome"')[1]
    feed = client.get("/search.atom?udfald=Godkendt")
    assert feed.status_code == 200 and len(ET.fromstring(feed.content).findall(f"{ATOM}entry")) == min(approved, 50)


def test_an_unknown_outcome_is_a_400_in_each_format(client: TestClient) -> None:
    for value in ("xyz", "godkendtx"):
        api = client.get("/api/search", params={"q": "indsats", "udfald": value})
        assert api.status_code == 400
        assert api.json() == {"ok": False, "error": api.json()["error"], "status": 400}
        assert repr(value) in api.json()["error"]
        page = _page(client, f"/soeg?q=indsats&udfald={value}", 400)
        assert f"Ukendt udfald “{value}”" in page and "Godkendt, Anbefalet" in page
        assert client.get(f"/search.atom?udfald={value}").status_code == 400


def test_a_nul_byte_or_a_page_past_any_offset_is_a_400_not_a_500(client: TestClient) -> None:
    for path in ("/oparl/v1/bodies?page=9223372036854775808", "/oparl/v1/body/x%00y", "/api/search?q=a%00b"):
        api = client.get(path)
        assert api.status_code == 400 and api.json()["ok"] is False, path
    for path in ("/udvalg?kommune=A&navn=B&side=9223372036854775808", "/soeg?kommune=a%00b", "/punkt/ab%00c"):
        assert client.get(path).status_code == 400, path
    assert "nul-tegn" in _page(client, "/sag?nummer=a%00b", 400)


def test_person_names_link_to_their_pages(client: TestClient) -> None:
    html = _page(client, "/soeg?q=&kommune=Greve+Kommune&udvalg=Sundheds-+og+Omsorgsudvalget&aar=2024")
    meeting = _page(client, _links(html, "/moede/")[0])
    for people in ("participants", "absent"):
        listed = _first(rf'<ul class="plain {people}">(.*?)</ul>', meeting)
        linked = re.findall(r'<li><a href="(/person/[0-9a-f]+)">([^<]+?)(?: <span class="party">|</a>)', listed)
        assert linked and len(linked) == listed.count("<li>"), people
        href, name = linked[-1]
        assert f"<h1>{name}" in _page(client, href)
    item = _page(client, _links(_page(client, "/soeg?q=borgerinddragelse"), "/punkt/")[0])
    votes = item.split('id="afstemning"')[1].split("</table>")[0]
    person = _page(client, _first(r'<a href="(/person/[0-9a-f]+)">Susanne Damsgaard</a>', votes))
    assert "<h1>Susanne Damsgaard" in person and "Modeller for borgerinddragelse" in person


def test_a_membership_spans_every_meeting_the_person_is_recorded_at(client: TestClient) -> None:
    """Susanne Damsgaard is on the participant list of 2025; the minutes of 2023 name her only in votes."""
    person_url = "/person/" + person_id("Gladsaxe Kommune", "Susanne Damsgaard")
    person = _page(client, person_url)
    assert (
        'Beskæftigelses- og Integrationsudvalget</a> <span class="meta">møder fra 31. maj 2023 til 5. februar 2025'
        in person
    )
    oparl = _get(client, "/oparl/v1/person/" + person_url.removeprefix("/person/"))
    [membership] = oparl["membership"]
    assert (membership["referat:firstMeeting"], membership["referat:lastMeeting"]) == ("2023-05-31", "2025-02-05")


def test_a_source_on_the_web_is_a_link_and_a_local_path_is_text(client: TestClient) -> None:
    hit = client.get("/api/search?q=alert+budget").json()["hits"][0]
    meeting = _page(client, f"/moede/{hit['meeting_id']}")
    assert f'<dd class="source"><a href="{HOSTILE_SOURCE}">{HOSTILE_SOURCE}</a></dd>' in meeting
    lejre = _page(client, _links(_page(client, "/kommune?navn=Lejre+Kommune"), "/moede/")[0])
    assert re.search(r'<dd class="source">/[^<]*/examples/lejre/[^<]*\.txt</dd>', lejre)
    assert not any(map(labels.is_web_url, ("javascript:alert(1)", "/srv/referat.txt", "https:relative", None)))


def test_case_timelines_and_error_pages_speak_danish(client: TestClient) -> None:
    case = _page(client, "/sag?nummer=22-011409")
    assert "Tidligere behandling (ikke i databasen)" in case and "consultation" not in case
    pages = {
        "/punkt/0000dead": (404, "Der er intet dagsordenspunkt med id “0000dead”."),
        "/moede/0000dead": (404, "Der er intet møde med id “0000dead”."),
        "/person/0000dead": (404, "Der er ingen person med id “0000dead”."),
        "/ingen/side": (404, "Siden findes ikke."),
        "/soeg?aar=abc": (400, "Værdien “abc” kan ikke bruges som “aar”."),
        "/sag": (400, "Adressen mangler “nummer”."),
    }
    for url, (status, message) in pages.items():
        html = _page(client, url, status)
        assert f"<p>{message}</p>" in html, url
        assert not re.search(r"no \w+ with id|Not Found|Input should|Field required", html), url


def test_api_docs_come_from_the_app_and_run_no_inline_script(client: TestClient) -> None:
    response = client.get("/docs")
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self';" in policy and "unsafe" not in policy
    assets = re.findall(r'<(?:script|link)[^>]* (?:src|href)="([^"]+)"', response.text)
    assert {"/swagger-ui/swagger-ui-bundle.js", "/swagger-ui/swagger-ui.css", "/static/docs.js"} <= set(assets)
    assert all(asset.startswith("/") for asset in assets)
    assert all(client.get(asset).status_code == 200 for asset in assets)
    assert "<script>" not in response.text
    assert "/api/search" in client.get("/openapi.json").json()["paths"]
    assert client.get("/redoc").status_code == 404  # FastAPI's own docs load from a CDN


def test_unknown_pages_answer_in_danish_and_api_errors_as_json(client: TestClient) -> None:
    assert "Ikke fundet" in _page(client, "/punkt/0000dead", 404)
    response = client.get("/oparl/v1/meeting/0000dead")
    assert response.status_code == 404
    assert response.json() == {"ok": False, "error": "no meeting with id '0000dead'", "status": 404}
    invalid = client.get("/oparl/v1/bodies?created_since=yesterday")
    assert invalid.status_code == 400 and invalid.json()["ok"] is False


def test_the_api_description_says_what_a_bad_parameter_answers(client: TestClient) -> None:
    description = client.get("/openapi.json").json()
    responses = description["paths"]["/api/search"]["get"]["responses"]
    assert "422" not in responses and "400" in responses  # FastAPI's default would promise a 422
    error_schema = description["components"]["schemas"]["ApiError"]
    invalid = client.get("/api/search?udfald=nonsense")
    assert invalid.status_code == 400
    jsonschema.validate(invalid.json(), error_schema)


def test_a_server_error_is_answered_in_the_api_format_and_in_danish(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "broken.sqlite"))
    with app.state.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE item_fts")  # every word search now fails in the database
    with TestClient(app, raise_server_exceptions=False) as broken:
        response = broken.get("/api/search?q=indsats")
        assert response.status_code == 500
        assert response.json() == {"ok": False, "error": "internal server error", "status": 500}
        assert "Fejl på serveren" in _page(broken, "/soeg?q=indsats", 500)
    app.state.engine.dispose()


# -- search API and feed ----------------------------------------------------------------------


def test_search_api_returns_what_the_page_shows(client: TestClient) -> None:
    for query in ("q=indsats&kommune=Gladsaxe+Kommune", "q=indsats&kommune=Gladsaxe+Kommune&grupper=nej"):
        data = client.get(f"/api/search?{query}").json()
        html = _page(client, f"/soeg?{query}")
        page_items = [link.removeprefix("/punkt/") for link in re.findall(r'<h2><a href="(/punkt/[0-9a-f]+)"', html)]
        # grouped, the page shows each case's best-ranked hit: the hits that lead their group
        shown = [
            hit["item_id"] for hit in data["hits"] if hit["group"] is None or hit["group"]["lead"] == hit["item_id"]
        ]
        assert shown == page_items
        assert data["total"] == _total(html)
        assert {facet["value"] for facet in data["facets"]["body"]} == {"Gladsaxe Kommune"}
    assert data["cases_on_page"] is None and len(page_items) == len(data["hits"])


def test_the_hits_of_one_case_are_one_result_with_its_path(client: TestClient) -> None:
    """Greve's case 22-011409 went to Kultur- og Fritidsudvalget and Økonomiudvalget on 6 March 2023."""
    html = _page(client, "/soeg?q=sv%C3%B8mmehal")
    assert "Viser 1–3 af 3 punkter, samlet i 2 sager" in html and _total(html) == 3
    [path] = re.findall(r'<ol class="path">(.*?)</ol>', html, re.S)
    steps = re.findall(r'<a href="(/punkt/[0-9a-f]+)">([^<]+)</a>', path)
    assert [name for _, name in steps] == [
        "Kultur- og Fritidsudvalget, 6. marts 2023",
        "Økonomiudvalget, 6. marts 2023",
    ]
    for link, _ in steps:
        assert "Videreførsel af energitiltag på Greve Svømmehal" in _page(client, link)
    case_link = _first(r'<a class="case" href="([^"]+)">Hele sagen</a>', html)
    assert len(_links(_page(client, case_link), "/punkt/")) == 2

    data = client.get("/api/search", params={"q": "svømmehal"}).json()
    assert data["cases_on_page"] == 2 and len(data["hits"]) == 3
    case = [hit["group"] for hit in data["hits"] if hit["case_number"] == "22-011409"]
    assert len(case) == 2 and case[0] == case[1] and case[0]["lead"] == data["hits"][0]["item_id"]
    assert [urlparse(step["url"]).path for step in case[0]["path"]] == [link for link, _ in steps]
    assert urlparse(case[0]["case_url"]).query == "nummer=22-011409"

    flat = _page(client, "/soeg?q=sv%C3%B8mmehal&grupper=nej")
    assert "hvert for sig" in flat and 'class="path"' not in flat and len(re.findall(r'<li class="hit">', flat)) == 3
    assert 'href="/soeg?q=sv%C3%B8mmehal">Saml punkter fra samme sag</a>' in flat
    assert all(hit["group"] is None for hit in client.get("/api/search?q=sv%C3%B8mmehal&grupper=nej").json()["hits"])
    refused = client.get("/api/search?q=sv%C3%B8mmehal&grupper=m%C3%A5ske")
    assert refused.status_code == 400 and "grouping" in refused.json()["error"]


def test_a_search_shows_what_its_words_also_found_and_leaves_out_the_words_ticked(client: TestClient) -> None:
    everything = client.get("/api/search?q=indsats").json()
    assert "beskæftigelsesindsats" in everything["also_found_as"] and everything["left_out"] == []
    counts = [everything["also_found_counts"][word] for word in everything["also_found_as"]]
    assert counts == sorted(counts, reverse=True) and min(counts) >= 1  # the words that add most first
    html = _page(client, "/soeg?q=indsats")
    assert f"Søgningen fandt også {len(everything['also_found_as'])} andre ord" in html
    assert '<input type="checkbox" name="uden" value="beskæftigelsesindsats">' in html
    first = everything["also_found_as"][0]
    count = f'<span class="count" title="så mange punkter i alt har ordet">{counts[0]} '
    assert f'value="{first}"> {first}</label> {count}' in html
    assert '<input type="hidden" name="q" value="indsats">' in html  # the form keeps the search it narrows

    query = "q=indsats&uden=beskæftigelsesindsats&uden=Nytteindsats"
    narrowed = client.get(f"/api/search?{query}").json()
    assert narrowed["left_out"] == ["beskæftigelsesindsats", "nytteindsats"]
    assert not set(narrowed["left_out"]) & set(narrowed["also_found_as"])
    assert 0 < narrowed["total"] < everything["total"]
    html = _page(client, f"/soeg?{query}")
    assert _total(html) == narrowed["total"] and "2 udeladt" in html and '<details class="also-found" open>' in html
    assert '<input type="checkbox" name="uden" value="nytteindsats" checked>' in html
    facet_links = [unquote_plus(link) for link in _links(html, "/soeg?") if "udvalg=" in link]
    assert facet_links and all("uden=beskæftigelsesindsats" in link for link in facet_links)  # filters keep it
    feed = client.get(f"/search.atom?{query}")
    assert feed.status_code == 200 and feed.text.count("<entry>") <= narrowed["total"]
    assert client.get("/api/search", params={"q": "indsats", "uden": ["x"] * 201}).status_code == 400


def test_atom_feed_is_valid_atom(client: TestClient) -> None:
    response = client.get("/search.atom?q=indsats&kommune=Gladsaxe+Kommune")
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    _assert_atom_element(feed, ("id", "title", "updated", "author"))
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        _assert_atom_element(entry, ("id", "title", "updated", "summary"))
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
    dates = [entry.findtext(f"{ATOM}updated") or "" for entry in entries]
    assert dates == sorted(dates, reverse=True)
    # the summary is the snippet's text, escaped once by XML: no markup, no entities left for a reader
    summaries = [entry.findtext(f"{ATOM}summary") or "" for entry in entries]
    assert any("indsats" in summary for summary in summaries)
    assert not any(mark in summary for summary in summaries for mark in ("<mark>", "&lt;", "&amp;", "&quot;"))


def _assert_atom_element(element: ET.Element, required: tuple[str, ...]) -> None:
    """RFC 4287: the required children, once each; ids are IRIs and dates RFC 3339."""
    for name in required:
        assert len(element.findall(f"{ATOM}{name}")) == 1, name
    assert urlparse(element.findtext(f"{ATOM}id") or "").scheme in ("http", "https")
    datetime.fromisoformat((element.findtext(f"{ATOM}updated") or "").replace("Z", "+00:00"))


# -- OParl ------------------------------------------------------------------------------------

SCHEMAS = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in OPARL_SCHEMA.glob("*.json")}
# Objects OParl embeds in other objects: (outer type, key) -> inner type
EMBEDDED = {
    ("Meeting", "agendaItem"): "AgendaItem",
    ("Meeting", "location"): "Location",
    ("AgendaItem", "auxiliaryFile"): "File",
    ("Person", "membership"): "Membership",
    ("Paper", "consultation"): "Consultation",
    ("Body", "legislativeTerm"): "LegislativeTerm",
}
FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("url")
def _is_url(value: object) -> bool:
    return not isinstance(value, str) or urlparse(value).scheme in ("http", "https")


def _validate(obj: dict[str, Any], seen: dict[str, int]) -> None:
    kind = obj["type"].rsplit("/", 1)[-1]
    jsonschema.validate(obj, SCHEMAS[kind], format_checker=FORMATS)
    seen[kind] = seen.get(kind, 0) + 1
    for (outer, key), inner in EMBEDDED.items():
        if outer == kind and key in obj:
            for embedded in obj[key] if isinstance(obj[key], list) else [obj[key]]:
                assert embedded["type"].endswith("/" + inner)
                _validate(embedded, seen)


def _get(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text[:300])
    return response.json()


def _walk_list(client: TestClient, url: str, seen: dict[str, int]) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    next_url: str | None = url
    while next_url:
        page = _get(client, next_url)
        assert set(page["pagination"]) == {"totalElements", "elementsPerPage", "currentPage", "totalPages"}
        for obj in page["data"]:
            _validate(obj, seen)
            objects.append(obj)
        next_url = page["links"].get("next")
    return objects


@pytest.mark.slow  # validates every OParl object the API serves against the schema
def test_every_oparl_object_validates_against_the_schema(client: TestClient) -> None:
    seen: dict[str, int] = {}
    system = _get(client, "/oparl/v1/system")
    _validate(system, seen)
    bodies = _walk_list(client, system["body"], seen)
    assert {body["name"] for body in bodies} == {
        "Gladsaxe Kommune", "Greve Kommune", "Hvidovre Kommune", "Lejre Kommune"
    }  # fmt: skip
    for body in bodies:
        _validate(_get(client, body["id"]), seen)
        organizations = _walk_list(client, body["organization"], seen)
        _walk_list(client, body["person"], seen)
        meetings = _walk_list(client, body["meeting"] + "?limit=2", seen)
        papers = _walk_list(client, body["paper"], seen)
        items = _walk_list(client, body["agendaItem"] + "?limit=50", seen)
        assert meetings and items and organizations
        for obj in organizations[:2] + meetings[:2] + papers[:2] + items[:3]:
            assert _get(client, obj["id"]) == obj  # every id is its own URL
        for paper in papers[:3]:
            for consultation in paper["consultation"]:
                _validate(_get(client, consultation["id"]), seen)
                _validate(_get(client, consultation["agendaItem"]), seen)
    files = [f for item in _walk_list(client, bodies[0]["agendaItem"], {}) for f in item.get("auxiliaryFile", [])]
    _validate(_get(client, files[0]["id"]), seen)
    person = _walk_list(client, bodies[1]["person"], {})[0]
    _validate(_get(client, person["membership"][0]["id"]), seen)
    assert set(seen) >= {
        "System", "Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem", "Paper",
        "Consultation", "File", "Location",
    }  # fmt: skip


def test_oparl_lists_page_with_links_next_and_filter_by_date(client: TestClient) -> None:
    body = _get(client, "/oparl/v1/bodies")["data"][0]
    everything = _walk_list(client, body["meeting"], {})
    paged = _walk_list(client, body["meeting"] + "?limit=1", {})
    assert [m["id"] for m in paged] == [m["id"] for m in everything]
    assert _get(client, body["meeting"] + "?limit=1")["pagination"]["totalPages"] == len(everything)
    assert _get(client, body["meeting"] + "?created_since=2999-01-01T00:00:00Z")["data"] == []
    since = _get(client, body["meeting"] + "?modified_since=2000-01-01T00:00:00%2B01:00")
    assert len(since["data"]) == len(everything)


def test_oparl_agenda_item_carries_referat_facts(client: TestClient) -> None:
    html = _page(client, "/soeg?q=borgerinddragelse")
    item_id = _links(html, "/punkt/")[0].removeprefix("/punkt/")
    item = _get(client, f"/oparl/v1/agendaItem/{item_id}")
    assert item["resolutionText"] and item["referat:outcomes"]
    assert {vote["option"] for vote in item["referat:votes"]} == {"for", "abstain"}
    meeting = _get(client, item["meeting"])
    assert meeting["start"].endswith(("+01:00", "+02:00"))
    assert item["id"] in [embedded["id"] for embedded in meeting["agendaItem"]]


def _svoemmehal_item(client: TestClient) -> str:
    """Greve Økonomiudvalget 6 March 2023, item 3: three motions moved in the meeting, each voted on."""
    hits = client.get("/api/search", params={"q": "svømmehal", "udvalg": "Økonomiudvalget"}).json()["hits"]
    (hit,) = [hit for hit in hits if hit["date"] == "2023-03-06" and hit["number"] == 3]
    return str(hit["item_id"])


def test_item_page_shows_each_motion_with_its_mover_result_and_votes(client: TestClient) -> None:
    html = _page(client, f"/punkt/{_svoemmehal_item(client)}")
    section = html.split('id="afstemning"')[1].split("</section>")[0]
    motions = section.split('<article class="motion"')[1:]
    assert len(motions) == 3
    assert "<h2>Afstemninger</h2>" in html
    first, second, third = motions
    assert "Forslag" in first and "Mehmet Zeki Dogru" in first.split("Stillet af")[1].split("</p>")[0]
    assert "at alle energispareforslag rulles tilbage." in first
    assert 'href="/soeg?forslag_fra=%C3%98"' in first  # "moved by Ø" as a search filter
    assert "Resultat ikke angivet" in first  # the minutes do not say: no result is invented
    assert [re.findall(r'class="vote-(\w+)"', motion) for motion in motions] == [
        ["for", "against", "abstain"],
        ["for", "abstain"],
        ["for", "against", "abstain"],
    ]
    assert "Øvrige stemmer" not in section  # every vote is tied to its motion
    assert "saunaen genåbnes" in second and ">A</a>" in third.split("Stillet af")[1].split("</p>")[0]


def test_motion_filters_in_the_page_the_api_and_the_feed(client: TestClient) -> None:
    item_id = _svoemmehal_item(client)
    by_party = client.get("/api/search", params={"forslag_fra": "ø"}).json()
    assert item_id in [hit["item_id"] for hit in by_party["hits"]]
    assert by_party["total"] == client.get("/api/search?forslag_fra=%C3%98").json()["total"]
    assert client.get("/api/search", params={"forslag_fra": "Ø", "forslag": "vedtaget"}).json()["total"] == 0
    page = _page(client, "/soeg?forslag_fra=%C3%98")
    assert 'data-facet="forslag_fra"' in page and "Forslag stillet af" in page
    assert _total(page) == by_party["total"]
    feed = client.get("/search.atom?forslag_fra=%C3%98")
    assert len(ET.fromstring(feed.content).findall(f"{ATOM}entry")) == by_party["total"]
    for value in ("Forkastet", "rejected", "forkastet"):
        assert client.get("/api/search", params={"forslag": value}).status_code == 200
    refused = client.get("/api/search?forslag=maybe")
    assert refused.status_code == 400 and "maybe" in refused.json()["error"]
    assert "Ukendt resultat “maybe”" in _page(client, "/soeg?forslag=maybe", 400)


def test_vote_and_access_filters_in_the_page_the_api_and_the_feed(client: TestClient) -> None:
    everything = client.get("/api/search").json()
    voted = client.get("/api/search?afstemning=ja").json()
    assert voted["total"] == dict((f["value"], f["count"]) for f in everything["facets"]["vote"])["voted"] > 0
    assert voted["total"] + client.get("/api/search?afstemning=nej").json()["total"] == everything["total"]
    against = client.get("/api/search", params={"parti": "v", "stemme": "Imod"}).json()
    assert 0 < against["total"] < voted["total"]
    assert against["total"] == client.get("/api/search", params={"parti": "V", "stemme": "against"}).json()["total"]
    blixt = client.get("/api/search", params={"medlem": "Liselott Blixt", "stemme": "imod"}).json()
    assert _svoemmehal_item(client) in [hit["item_id"] for hit in blixt["hits"]]
    access = {f["value"]: f["count"] for f in everything["facets"]["public"]}
    assert client.get("/api/search?adgang=lukket").json()["total"] == access["closed"] > 0
    assert client.get("/api/search?adgang=%C3%A5ben").json()["total"] == access["open"]
    page = _page(client, "/soeg?afstemning=ja&parti=V&stemme=imod")
    assert _total(page) == against["total"]
    assert "V stemte imod" in page.split('data-facet="voter"')[1]
    assert "Afgjort ved afstemning" in page.split('data-facet="vote"')[1]
    feed = client.get("/search.atom?parti=V&stemme=imod")
    assert len(ET.fromstring(feed.content).findall(f"{ATOM}entry")) == min(against["total"], 50)
    for parameter in ("afstemning", "stemme", "adgang"):
        refused = client.get(f"/api/search?{parameter}=maybe")
        assert refused.status_code == 400 and refused.json()["ok"] is False, parameter
        assert client.get(f"/search.atom?{parameter}=maybe").status_code == 400


def test_a_persons_votes_show_the_motion_they_were_on(client: TestClient) -> None:
    item = _svoemmehal_item(client)
    html = _page(client, f"/punkt/{item}")
    person = _first(r'<a href="(/person/[^"]+)">Liselott Blixt', html)
    votes = _page(client, person).split("<h2>Afstemninger</h2>")[1]
    rows = [row for row in votes.split("<tr") if item in row]
    assert len(rows) == 3  # against, for and against: each on its own motion
    assert "Forslag: <q>at alle energispareforslag rulles tilbage.</q>" in rows[0]


def test_oparl_agenda_item_carries_its_motions(client: TestClient) -> None:
    item = _get(client, f"/oparl/v1/agendaItem/{_svoemmehal_item(client)}")
    _validate(item, {})
    motions = item["referat:motions"]
    assert [(m["kind"], m["moved_by_parties"]) for m in motions] == [
        ("motion", ["Ø"]),
        ("motion", ["V", "D", "UP"]),
        ("motion", ["A"]),
    ]
    assert [vote["motion"] for vote in item["referat:votes"]] == [0, 0, 0, 1, 1, 2, 2, 2]


def test_a_new_ingest_shows_in_a_repeated_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Searches are cached in memory; a stored document clears the cache at the next change check."""
    monkeypatch.setattr("referat.store.cache.SEARCH_CACHE_CHECK_SECONDS", 0.0)
    database = str(tmp_path / "referat.sqlite")
    with TestClient(create_app(database)) as test_client:
        assert test_client.get("/api/search?q=alert").json()["total"] == 0
        assert _total(_page(test_client, "/soeg?q=alert")) == 0
        engine = open_database(database)
        ingest(engine, RawDocument("hostile.txt", HOSTILE_MINUTES.encode()))
        engine.dispose()
        assert test_client.get("/api/search?q=alert").json()["total"] == 1
        assert _total(_page(test_client, "/soeg?q=alert")) == 1  # the rendered page is not kept either
        # A cached answer holds absolute links: one per address the app is reached at.
        hit = test_client.get("/api/search?q=alert", headers={"host": "referat.example"}).json()["hits"][0]
        assert hit["url"].startswith("http://referat.example/punkt/")
