"""The web UI in a real browser: Debian's chromium driven by Playwright, against `referat serve`'s app
running in uvicorn on loopback. A screenshot of each page type is kept in test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

from referat.serve.app import create_app
from referat.sources.files import read_file
from referat.store.db import open_database
from referat.store.ingest import ingest
from tests.conftest import FIXTURES, ROOT
from tests.helpers import ingest_demo

CHROMIUM = os.environ.get("REFERAT_CHROMIUM", "/usr/bin/chromium")
# Without these, chromium tries to reach Google's services at start; this machine's network refuses them.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(os.environ.get("REFERAT_ARTIFACTS", ROOT / "test-artifacts")) / "screenshots"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database = str(tmp_path_factory.mktemp("browser") / "referat.sqlite")
    engine = open_database(database)
    ingest_demo(engine)
    budget = FIXTURES / "vote_events" / "greve-byraad-2022-10-03.json"  # a budget decided point by point
    assert ingest(engine, read_file(budget), body="Greve Kommune").status == "stored"
    engine.dispose()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    uvicorn_server = uvicorn.Server(
        uvicorn.Config(create_app(database), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uvicorn_server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uvicorn_server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: scripts/test.sh installs Debian's chromium"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()
    assert dialogs == [], "a document's text ran as script"


def _screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_search_filter_open_an_item_and_follow_a_reference(server: str, page: Page) -> None:
    page.goto(server + "/")
    expect(page.get_by_role("heading", name="Søg i kommunale udvalgsreferater")).to_be_visible()
    _screenshot(page, "front")

    page.get_by_label("Søgeord").fill("borgerinddragelse")
    page.get_by_label("Søgeord").press("Enter")
    expect(page).to_have_url(f"{server}/soeg?q=borgerinddragelse")
    expect(page.locator("mark").first).to_be_visible()
    _screenshot(page, "search")

    facet = page.locator("[data-facet=organization]")
    facet.get_by_role("link", name="Beskæftigelses- og Integrationsudvalget").click()
    expect(page).to_have_url(f"{server}/soeg?q=borgerinddragelse&udvalg=Besk%C3%A6ftigelses-+og+Integrationsudvalget")
    expect(facet.get_by_role("link", name="Fjern filter")).to_be_visible()

    page.get_by_role("link", name="Modeller for borgerinddragelse", exact=False).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Modeller for borgerinddragelse")
    expect(page.locator("#beslutning")).to_be_visible()
    votes = page.locator("#afstemning table")
    expect(votes.locator("tr.vote-for")).to_have_count(1)
    expect(votes.locator("tr.vote-abstain")).to_contain_text("Susanne Damsgaard")
    _screenshot(page, "item")

    page.locator("#behandling a").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Temadrøftelse om Integration")

    page.locator(".crumbs a").first.click()
    expect(page.get_by_role("heading", name="Dagsorden")).to_be_visible()
    expect(page.locator("ol.agenda li").first).to_be_visible()
    _screenshot(page, "meeting")


def test_an_item_voted_on_three_times_shows_each_motion_and_its_votes(server: str, page: Page) -> None:
    """Greve Økonomiudvalget 6 March 2023, item 3: three motions, each moved by other parties."""
    page.goto(server + "/soeg?q=sv%C3%B8mmehal&udvalg=%C3%98konomiudvalget")
    page.get_by_role("link", name="Punkt 3: Videreførsel af energitiltag på Greve Svømmehal").click()
    motions = page.locator("#afstemning article.motion")
    expect(motions).to_have_count(3)
    expect(page.locator("#afstemning h2")).to_have_text("Afstemninger")
    for motion, movers in zip(motions.all(), ("Mehmet Zeki Dogru · Ø", "Liselott Blixt · V, D, UP", "A"), strict=True):
        expect(motion.locator("p.movers")).to_have_text(f"Stillet af {movers}")
        expect(motion.locator("blockquote.motion-text")).to_be_visible()
        expect(motion.locator("table.votes tr.vote-for")).to_have_count(1)
    expect(motions.nth(0).locator("tr.vote-against")).to_contain_text("Liselott Blixt")
    expect(motions.nth(1).locator("tr.vote-for")).to_contain_text("Liselott Blixt")
    expect(motions.nth(2).locator("tr.vote-against")).to_contain_text("Liselott Blixt")
    _screenshot(page, "motions")

    motions.nth(0).locator("p.movers").get_by_role("link", name="Ø", exact=True).click()
    expect(page).to_have_url(f"{server}/soeg?forslag_fra=%C3%98")
    expect(page.locator("[data-facet=forslag_fra]")).to_contain_text("Ø")
    expect(page.locator("ol.hits")).to_contain_text("Videreførsel af energitiltag på Greve Svømmehal")


def test_a_budget_decided_point_by_point_says_what_was_adopted_and_what_was_rejected(server: str, page: Page) -> None:
    """Greve Byråd 3 October 2022, item 9: two parties' budgets rejected, the settlement adopted."""
    page.goto(server + "/soeg?q=budget&udvalg=Byr%C3%A5d")
    page.get_by_role("link", name="Punkt 9: Budget 2023-26 - 2. behandling").click()
    decision = page.locator("#beslutning")
    expect(decision.locator("h2 .badge")).to_have_text(["Ikke godkendt", "Godkendt"])
    expect(decision.locator("p.outcome-summary")).to_have_text(
        "Ikke godkendt: punkt 1a og 1b · Godkendt: punkt 1c og 3-11"
    )
    headings = page.locator("#afstemning article.motion h3")
    expect(headings).to_have_count(3)
    expect(headings.nth(0)).to_contain_text("Ad punkt 1a")
    expect(headings.nth(0)).to_contain_text("Forkastet")
    expect(headings.nth(2)).to_contain_text("Vedtaget")
    expect(page.locator("#afstemning article.motion").nth(0).locator("p.movers")).to_have_text("Stillet af Ø")
    _screenshot(page, "budget-points")

    # item 8 of the same meeting gives counts only: its votes table has no empty "Navne" or "Partier"
    page.goto(server + "/soeg?q=realitetsbehandling&udvalg=Byr%C3%A5d")
    page.get_by_role("link", name="Punkt 8: Initiativretsforslag", exact=False).click()
    expect(page.locator("#afstemning table.votes th")).to_have_text(["Stemme", "Antal"])
    expect(page.locator("#afstemning table.votes tr.vote-for td")).to_have_text(["For", "13"])


def test_find_items_decided_by_vote_and_how_a_member_voted(server: str, page: Page) -> None:
    page.goto(server + "/soeg?q=")
    page.locator("[data-facet=vote]").get_by_role("link", name="Afgjort ved afstemning").click()
    expect(page).to_have_url(f"{server}/soeg?q=&afstemning=ja")
    decided = page.locator("p.summary").inner_text()
    expect(page.locator("[data-facet=vote] li.chosen")).to_contain_text("Afgjort ved afstemning")

    page.goto(server + "/soeg?q=sv%C3%B8mmehal&udvalg=%C3%98konomiudvalget")
    page.get_by_role("link", name="Punkt 3: Videreførsel af energitiltag på Greve Svømmehal").click()
    page.locator("#afstemning article.motion").first.get_by_role("link", name="Liselott Blixt").click()
    page.locator("p.voted-links").get_by_role("link", name="stemte imod").click()
    expect(page.locator("[data-facet=voter]")).to_contain_text("Liselott Blixt stemte imod")
    expect(page.locator("ol.hits")).to_contain_text("Videreførsel af energitiltag på Greve Svømmehal")
    assert page.locator("p.summary").inner_text() != decided
    _screenshot(page, "search-votes")


def test_filter_by_how_a_party_voted_and_by_whose_motion_fell_from_the_page(server: str, page: Page) -> None:
    """The party, vote and motion filters have controls on the page, not only URL parameters."""
    page.goto(server + "/soeg?q=budget&udvalg=Byr%C3%A5d")
    controls = page.locator("[data-facet=votes-form]")
    controls.get_by_label("Parti").fill("ø")
    controls.get_by_label("stemte").select_option("imod")
    controls.get_by_role("button", name="Filtrér").click()
    expect(page).to_have_url(re.compile(r"q=budget&udvalg=Byr%C3%A5d&.*parti=%C3%B8&stemme=imod"))
    expect(page.locator("[data-facet=voter]")).to_contain_text("Ø stemte imod")
    expect(page.locator("ol.hits")).to_contain_text("Budget 2023-26 - 2. behandling")

    page.goto(server + "/soeg?q=budget")
    controls.get_by_label("Forslag stillet af").fill("Ø")
    controls.get_by_label("og").select_option("forkastet")
    controls.get_by_role("button", name="Filtrér").click()
    expect(page.locator("[data-facet=forslag_fra]")).to_contain_text("Ø")
    expect(page.locator("[data-facet=forslag]")).to_contain_text("Forkastet")
    expect(page.locator("ol.hits li.hit")).to_have_count(1)
    expect(page.locator("ol.hits")).to_contain_text("Budget 2023-26 - 2. behandling")


def test_see_what_a_word_also_found_and_leave_a_compound_out(server: str, page: Page) -> None:
    page.goto(server + "/soeg?q=indsats")
    before = page.locator("p.summary").inner_text()
    also_found = page.locator("details.also-found")
    also_found.locator("summary").click()
    also_found.get_by_label("beskæftigelsesindsats", exact=True).check()
    also_found.get_by_role("button", name="Søg uden de afkrydsede ord").click()
    expect(page).to_have_url(f"{server}/soeg?q=indsats&uden=besk%C3%A6ftigelsesindsats")
    expect(page.locator("details.also-found summary")).to_contain_text("1 udeladt")
    expect(page.locator("details.also-found").get_by_label("beskæftigelsesindsats", exact=True)).to_be_checked()
    assert page.locator("p.summary").inner_text() != before
    _screenshot(page, "search-left-out")


def test_a_case_through_three_meetings_is_one_result_whose_path_leads_to_each_treatment(
    server: str, page: Page
) -> None:
    """Greve's case 22-011409: Byrådet in October 2022, Kultur- og Fritidsudvalget and Økonomiudvalget in March 2023."""
    path = ["Byråd, 3. oktober 2022", "Kultur- og Fritidsudvalget, 6. marts 2023", "Økonomiudvalget, 6. marts 2023"]
    page.goto(server + "/soeg?q=sv%C3%B8mmehal")
    expect(page.locator("p.grouping")).to_have_text(re.compile(r"^Viser 1–4 af 4 punkter, samlet i 2 sager"))
    result = page.locator("li.hit", has=page.locator("ol.path"))
    expect(result).to_have_count(1)
    expect(result.locator("ol.path li")).to_have_text(path)
    shown = result.locator("h2 a").get_attribute("href")
    expect(result.locator('ol.path li[aria-current="true"] a')).to_have_attribute("href", shown or "")
    expect(page.locator("ol.hits li.hit:not(.related)")).to_have_count(2)  # related items follow, apart
    _screenshot(page, "search-grouped")

    titles = ("Tiltag på energi", "Videreførsel af energitiltag", "Videreførsel af energitiltag")
    for step, title in zip(path, titles, strict=True):
        result.locator("ol.path").get_by_role("link", name=step, exact=True).click()
        expect(page.locator("p.crumbs")).to_contain_text(step)
        expect(page.get_by_role("heading", level=1)).to_contain_text(title)
        page.go_back()

    result.get_by_role("link", name="Hele sagen").click()
    expect(page).to_have_url(f"{server}/sag?nummer=22-011409")
    expect(page.locator('ol.timeline li a[href^="/punkt/"]')).to_have_count(3)
    page.go_back()

    page.get_by_role("link", name="Vis hvert punkt for sig").click()
    expect(page).to_have_url(f"{server}/soeg?q=sv%C3%B8mmehal&grupper=nej")
    expect(page.locator("ol.hits li.hit:not(.related)")).to_have_count(4)
    expect(page.locator("ol.path")).to_have_count(0)
    page.get_by_role("link", name="Saml punkter fra samme sag").click()
    expect(page.locator("ol.path")).to_have_count(1)


def test_case_committee_person_and_municipality_pages(server: str, page: Page) -> None:
    page.goto(server + "/sag?nummer=22-011409")  # two Greve meetings, and the Byråd's budget meeting
    expect(page.locator('ol.timeline li a[href^="/punkt/"]')).to_have_count(3)
    _screenshot(page, "case")

    page.goto(server + "/kommune?navn=Greve+Kommune")
    page.get_by_role("link", name="Sundheds- og Omsorgsudvalget", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sundheds- og Omsorgsudvalget")
    _screenshot(page, "committee")

    page.get_by_role("link", name="Charlotte Levin").click()
    expect(page.get_by_role("heading", level=2, name="Fremmøde")).to_be_visible()
    expect(page.locator("body")).to_contain_text("Fraværende")
    _screenshot(page, "person")

    page.goto(server + "/kommune?navn=Greve+Kommune")
    _screenshot(page, "municipality")


def test_names_lead_to_the_person_page(server: str, page: Page) -> None:
    page.goto(server + "/soeg?q=borgerinddragelse")
    page.get_by_role("link", name="Modeller for borgerinddragelse", exact=False).first.click()
    page.locator("#afstemning").get_by_role("link", name="Susanne Damsgaard").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Susanne Damsgaard")
    expect(page.locator("body")).to_contain_text("møder fra 31. maj 2023 til 5. februar 2025")

    page.goto(server + "/udvalg?kommune=Greve+Kommune&navn=Sundheds-+og+Omsorgsudvalget")
    page.locator('a[href^="/moede/"]').first.click()
    participant = page.locator("ul.participants a").first
    name = participant.inner_text()
    participant.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(name.split(" (")[0])
    expect(page.get_by_role("heading", level=2, name="Fremmøde")).to_be_visible()


def test_api_docs_work_without_the_internet(server: str, page: Page) -> None:
    """Swagger UI from the app's own files, under a policy that lets no other site's script run."""
    requested: list[str] = []
    problems: list[str] = []

    def note_refusal(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            problems.append(message.text)

    page.on("request", lambda request: requested.append(request.url))
    page.on("console", note_refusal)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(server + "/docs")
    expect(page.get_by_role("heading", level=1, name="API-dokumentation")).to_be_visible()
    operation = page.locator(".opblock-summary", has_text="/api/search")
    expect(operation).to_be_visible()
    operation.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".live-responses-table .response .response-col_status")).to_have_text("200")
    _screenshot(page, "docs")
    assert requested and all(url.startswith(server + "/") for url in requested), requested
    assert problems == []


def test_hostile_text_stays_text_and_pages_fit_a_phone(server: str, page: Page) -> None:
    page.goto(server + "/soeg?q=alert")
    page.locator(".hit h2 a").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("<script>alert('titel')</script>")
    expect(page.locator("#beslutning")).to_contain_text("<img src=x")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "/soeg?q=indsats")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    _screenshot(page, "search-phone")
    # the filters are reached from the top of the page, not seven screens down
    to_filters = page.get_by_role("link", name="Filtrér resultaterne ↓")
    expect(to_filters).to_be_in_viewport()
    to_filters.click()
    expect(page.locator("#filtre [data-facet=organization]")).to_be_in_viewport()
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(to_filters).to_be_hidden()  # beside the results on a wide screen: no link needed
