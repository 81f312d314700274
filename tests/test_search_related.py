"""Related items after a search's matches (store/feedback.py), the same on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter

from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.pool import QueuePool

from referat.serve.app import create_app
from referat.sources.raw import RawDocument
from referat.store.index import search_index
from referat.store.ingest import ingest
from referat.store.migrations import MIGRATIONS
from referat.store.search import Filters, search

# Modelled on a technical committee's minutes: two items name cloudbursts, a third is about the same
# rainwater and flooding in other words, a fourth about something else.
MINUTES = """Greve Kommune
Klima- og Miljøudvalget
Referat af mødet den 3. marts 2025

Punkt 1: Skybrudsplan for Hundige
Sagsfremstilling
Ved kraftig regn løber regnvandet mod Hundige, og kældre oversvømmes. En plan skal samle regnvandet i bassiner.
Beslutning
Godkendt.

Punkt 2: Skader efter skybruddet i august
Sagsfremstilling
Skybruddet gav oversvømmelser i tre kvarterer. Regnvandet løb over kloakkerne, og bassiner manglede.
Beslutning
Taget til efterretning.

Punkt 3: Klimatilpasning ved Mosede Å
Sagsfremstilling
Nye bassiner skal tage regnvandet, så åen ikke giver oversvømmelser i boligerne langs den.
Beslutning
Godkendt.

Punkt 4: Budgetopfølgning for vejområdet
Sagsfremstilling
Forbruget på vejvedligeholdelse følger budgettet; der er et lille mindreforbrug på belysning.
Beslutning
Taget til efterretning.
"""


PLAN = "Skybrudsplan for Hundige"


def stored(engine: Engine, minutes: str = MINUTES, uri: str = "klima.txt") -> None:
    assert ingest(engine, RawDocument(uri=uri, data=minutes.encode())).status in {"stored", "replaced"}


def test_related_items_follow_the_matches_and_are_not_counted_as_matches(engine: Engine) -> None:
    stored(engine)
    result = search(engine, "skybrud")
    assert sorted(hit.title for hit in result.matches) == [
        "Skader efter skybruddet i august",
        "Skybrudsplan for Hundige",
    ]
    assert [hit.title for hit in result.hits if hit.related] == ["Klimatilpasning ved Mosede Å"]
    assert [hit.related for hit in result.hits] == [False, False, True]  # after the matches, never before
    assert result.total == 2 and dict(result.facets["year"]) == {"2025": 2}
    assert {"regnvandet", "bassiner"} <= set(result.related_words)
    assert "<mark>bassiner</mark>" in result.hits[-1].snippet  # marked by the words it was found by


def test_related_items_can_be_turned_off_and_page_on_after_the_matches(engine: Engine) -> None:
    stored(engine)
    assert [hit.related for hit in search(engine, "skybrud", related=False).hits] == [False, False]
    pages = [search(engine, "skybrud", limit=1, offset=n).hits for n in range(4)]
    assert [[hit.related for hit in page] for page in pages] == [[False], [False], [True], []]


def test_a_word_left_out_does_not_come_back_as_a_related_item(engine: Engine) -> None:
    stored(engine)
    result = search(engine, "skybrud", Filters(without=("skybrudsplan",)))
    assert [hit.title for hit in result.matches] == ["Skader efter skybruddet i august"]
    assert "Skybrudsplan for Hundige" not in [hit.title for hit in result.hits]


def test_no_related_items_without_matches_to_learn_from(engine: Engine) -> None:
    stored(engine)
    assert search(engine, "zebrafinke").hits == []


def recount(engine: Engine) -> dict[str, int]:
    """How many items hold each form, counted again from the index itself."""
    with engine.connect() as connection:
        seqs = list(connection.scalars(text("SELECT seq FROM items")))
        held = search_index(connection).forms_of(connection, seqs)
    return dict(Counter(form for forms in held.values() for form in forms))


def kept_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {form: n for form, n in connection.execute(text("SELECT form, items FROM form_counts")) if n}


def test_the_index_keeps_its_form_counts_as_documents_come_and_are_replaced(engine: Engine) -> None:
    stored(engine)
    stored(engine, MINUTES.replace("Punkt 4: Budgetopfølgning for vejområdet", "Punkt 4: Cykelstier langs Mosede"))
    stored(engine, MINUTES.replace("Greve Kommune", "Solrød Kommune"), uri="solrod.txt")
    counts = kept_counts(engine)
    assert counts == recount(engine)
    assert (counts["bassiner"], counts["budgetopfølgning"], counts["cykelstier"]) == (6, 1, 1)


def test_the_migration_counts_what_an_index_already_holds(engine: Engine) -> None:
    stored(engine)
    kept = kept_counts(engine)
    count_item_forms = next(migration for name, migration in MIGRATIONS if name.startswith("count the items"))
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM form_counts"))
        count_item_forms(connection)
    assert kept_counts(engine) == kept


def test_the_page_shows_related_items_apart_and_the_feed_and_count_leave_them_out(engine: Engine) -> None:
    stored(engine)
    with TestClient(create_app(engine.url.render_as_string(hide_password=False))) as client:
        page = client.get("/soeg?q=skybrud").text
        answer = client.get("/api/search?q=skybrud").json()
        feed = client.get("/search.atom?q=skybrud").text
        client.app.state.engine.dispose()  # type: ignore[attr-defined]
    matches, related = page.split('<section class="related"')
    assert "Skybrudsplan for Hundige" in matches and "Klimatilpasning ved Mosede Å" not in matches
    assert '<h2 id="related-heading">Beslægtede punkter</h2>' in related and "Klimatilpasning ved Mosede Å" in related
    assert "men ord som de første resultater har til fælles: " in related
    assert '<p class="summary">2 punkter' in page
    assert [hit["related"] for hit in answer["hits"]] == [False, False, True] and answer["total"] == 2
    assert "regnvandet" in answer["related_words"]
    assert feed.count("<entry>") == 2 and "Klimatilpasning" not in feed


def test_a_search_never_holds_two_connections_at_once(engine: Engine) -> None:
    """A server's searches share a pool of connections: one that took a second while holding the first
    could wait for ever once every connection is held by such a search (seen at 20 clients)."""
    stored(engine)
    one = create_engine(engine.url, poolclass=QueuePool, pool_size=1, max_overflow=0, pool_timeout=5)
    try:
        assert search(one, "skybrud").total == 2  # the facet count takes the connection in turn
    finally:
        one.dispose()
