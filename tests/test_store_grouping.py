"""Search hits of one case are one result with the case's path, on SQLite and PostgreSQL alike.

The minutes in tests/fixtures/grouping follow one school case (sag 24-004512) in Faxe from Børne- og
Skoleudvalget through Økonomiudvalget to Byrådet, a traffic plan without a case number from Teknik- og
Miljøudvalget to Byrådet (its title written differently there), a collective case number for
"Godkendelse af dagsorden" and "Meddelelser", a standing "Eventuelt" in two meetings of one committee,
and Køge's Byråd with the same case number and title as Faxe's school case.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text

from referat.sources.files import read_file
from referat.store.db import open_database
from referat.store.ids import case_key
from referat.store.ingest import ingest
from referat.store.search import Filters, Group, SearchResult, search
from tests.conftest import FIXTURES, new_database

MINUTES = FIXTURES / "grouping"
SCHOOL_PATH = [
    ("Børne- og Skoleudvalget", "2024-05-03"),
    ("Økonomiudvalget", "2024-05-10"),
    ("Byrådet", "2024-05-23"),
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def minutes(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The grouping minutes stored once per backend for the whole module (the tests only read)."""
    with new_database(request.param, tmp_path_factory.mktemp("grouping")) as url:
        engine = open_database(url)
        for path in sorted(MINUTES.glob("*.txt")):
            assert ingest(engine, read_file(path)).status == "stored"
        yield engine
        engine.dispose()


def _path(group: Group) -> list[tuple[str | None, str | None]]:
    return [(step.organization, step.date) for step in group.path]


def _group_of(result: SearchResult, body: str, organization: str) -> Group:
    return next(g for g in result.groups if any(h.body == body and h.organization == organization for h in g.hits))


def test_one_case_through_three_committees_is_one_result_with_its_path(minutes: Engine) -> None:
    result = search(minutes, "skolestruktur")
    assert result.total == 4 and len(result.hits) == 4
    school = _group_of(result, "Faxe Kommune", "Byrådet")
    assert sorted(hit.organization or "" for hit in school.hits) == sorted(org for org, _ in SCHOOL_PATH)
    assert school.lead == school.hits[0] == next(h for h in result.hits if h.body == "Faxe Kommune")
    assert _path(school) == SCHOOL_PATH  # oldest first, whichever treatment ranks best
    assert {step.item_id for step in school.path} == {hit.item_id for hit in school.hits}
    assert school.case_number == "24-004512"
    assert result.cases_on_page == len(result.groups) == 2
    assert result.groups_by_hit()[school.hits[2].item_id] is school


def test_the_same_case_number_in_two_municipalities_is_two_cases(minutes: Engine) -> None:
    result = search(minutes, "skolestruktur")
    koege = _group_of(result, "Køge Kommune", "Byrådet")
    assert [hit.body for hit in koege.hits] == ["Køge Kommune"]
    assert _path(koege) == [("Byrådet", "2024-05-28")]
    assert all(hit.body == "Faxe Kommune" for hit in _group_of(result, "Faxe Kommune", "Byrådet").hits)


def test_items_without_case_number_are_one_case_by_title_in_their_municipality(minutes: Engine) -> None:
    result = search(minutes, "trafikplan")
    [plan] = result.groups
    assert {hit.title for hit in plan.hits} == {"Høring om trafikplan for Haslev", "Høring om  TRAFIKPLAN for haslev"}
    assert _path(plan) == [("Teknik- og Miljøudvalget", "2024-05-06"), ("Byrådet", "2024-05-23")]
    assert plan.case_number is None  # no timeline to link to


def test_a_collective_case_number_and_a_standing_title_are_no_case(minutes: Engine) -> None:
    """24-000010 is on two items of Økonomiudvalget's meeting; "Eventuelt" twice in Børne- og Skoleudvalget."""
    announcements = search(minutes, "meddelelser")
    assert announcements.total == 2
    assert [(len(g.hits), g.path) for g in announcements.groups] == [(1, []), (1, [])]
    standing = search(minutes, "eventuelt")
    assert standing.total == 3
    assert [(len(g.hits), g.path) for g in standing.groups] == [(1, []), (1, []), (1, [])]


def test_the_path_reaches_past_the_page_and_stays_within_the_search(minutes: Engine) -> None:
    in_faxe = Filters(body="Faxe Kommune")
    pages = [search(minutes, "skolestruktur", in_faxe, limit=1, offset=offset).groups for offset in range(3)]
    assert [[_path(group) for group in page] for page in pages] == [
        [SCHOOL_PATH]
    ] * 3  # one hit a page, each with the path
    assert len({page[0].lead.item_id for page in pages}) == 3
    in_the_council = search(minutes, "skolestruktur", Filters(body="Faxe Kommune", organization="Byrådet"))
    [council] = in_the_council.groups
    assert _path(council) == [("Byrådet", "2024-05-23")]  # the committees' treatments are not in this search
    with_a_word = search(minutes, "skolestruktur udskolingen")  # Byrådet's text does not say "udskolingen"
    assert _path(_group_of(with_a_word, "Faxe Kommune", "Økonomiudvalget")) == SCHOOL_PATH[:2]


def test_all_items_and_a_case_number_query_are_grouped_too(minutes: Engine) -> None:
    everything = search(minutes, "", limit=50)
    assert everything.total == len(everything.hits) == 13
    assert sorted(len(g.hits) for g in everything.groups if len(g.hits) > 1) == [2, 3]
    by_number = search(minutes, "24-004512")
    assert by_number.total == 4 and len(by_number.groups) == 2


def test_grouping_can_be_turned_off(minutes: Engine) -> None:
    result = search(minutes, "skolestruktur", group=False)
    assert not result.grouped and result.cases_on_page is None
    assert [g.hits for g in result.groups] == [[hit] for hit in result.hits]
    assert all(g.path == [] for g in result.groups)


def test_a_case_key_is_the_number_or_the_folded_title_within_a_municipality() -> None:
    assert case_key("Faxe Kommune", "24-004512", "Skolestruktur") == case_key("faxe  kommune", "24-004512", "Andet")
    assert case_key("Faxe Kommune", None, "Høring om trafikplan") == case_key(
        "Faxe Kommune", None, "høring om  TRAFIKPLAN"
    )
    assert case_key("Faxe Kommune", None, "24-004512") != case_key("Faxe Kommune", "24-004512", "24-004512")
    assert case_key("Faxe Kommune", "24-004512", "x") != case_key("Køge Kommune", "24-004512", "x")
    assert case_key(None, "24-004512", "x") is None and case_key("Faxe Kommune", None, "  ") is None


def test_an_older_database_gets_its_case_keys(engine: Engine) -> None:
    """A database stored before case keys (migration 17) gets them, and groups as a new one does."""
    from referat.store.migrations import MIGRATIONS, migrate

    for path in sorted(MINUTES.glob("*.txt")):
        ingest(engine, read_file(path))
    before = search(engine, "skolestruktur")
    with engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_items_case_key"))
        connection.execute(text("ALTER TABLE items DROP COLUMN case_key"))
        version = next(n for n, (name, _) in enumerate(MIGRATIONS, start=1) if name == "add each item's case key")
        connection.execute(text("DELETE FROM schema_migrations WHERE version = :version"), {"version": version})
    assert migrate(engine) == len(MIGRATIONS)
    after = search(engine, "skolestruktur")
    assert [(g.hits, g.path) for g in after.groups] == [(g.hits, g.path) for g in before.groups]
    assert max(len(g.path) for g in after.groups) == 3
