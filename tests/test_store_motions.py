"""Votes and vote events in the store: kept with their item, found by who moved them and how they
ended, by who voted how, shown on a person's record, migrated into an older database and read again
with `--reread`. Every test runs on SQLite and on PostgreSQL, over five real Greve meetings with
several vote events each."""

from __future__ import annotations

from sqlalchemy import Engine, select, text

from referat.sources.files import read_file
from referat.store import schema
from referat.store.ingest import ingest
from referat.store.migrations import MIGRATIONS, migrate
from referat.store.queries import get_item, person_records
from referat.store.search import Filters, search
from tests.conftest import FIXTURES

VOTE_EVENTS = sorted((FIXTURES / "vote_events").glob("*.json"))
GREVE = "Greve Kommune"


def ingest_vote_events(engine: Engine, reread: bool = False) -> list[str]:
    return [ingest(engine, read_file(path), body=GREVE, reread=reread).status for path in VOTE_EVENTS]


def titles(engine: Engine, filters: Filters) -> list[str]:
    return sorted(hit.title for hit in search(engine, "", filters, limit=100).hits)


def test_filters_by_the_party_that_moved_a_motion_and_how_it_ended(engine: Engine) -> None:
    ingest_vote_events(engine)
    by_c = titles(engine, Filters(moved_by="C"))
    assert by_c == [
        "Budget 2023-26 - 2. behandling",  # point 1c, laid before the council by V, A, C, D and UP
        "Initiativretsforslag fra Det Konservative Folkeparti om akutpakke til skolerne",
        "Opfølgning på initiativretsforslag fra (C) vedr. et spor i hver retning på Strandvejen",
    ]
    assert titles(engine, Filters(moved_by="c")) == by_c  # as typed
    assert titles(engine, Filters(motion_result="rejected")) == ["Budget 2023-26 - 2. behandling"]
    # both filters hold for the same motion: Ø's budget fell, F's too, but no motion of Ø was adopted
    assert titles(engine, Filters(moved_by="Ø", motion_result="rejected")) == ["Budget 2023-26 - 2. behandling"]
    assert titles(engine, Filters(moved_by="Ø", motion_result="adopted")) == []
    # combined with the other filters and a query
    found = search(engine, "budget", Filters(body=GREVE, moved_by="F", motion_result="rejected"))
    assert [hit.title for hit in found.hits] == ["Budget 2023-26 - 2. behandling"]


def test_an_item_keeps_its_motions_and_every_vote_its_motion(engine: Engine) -> None:
    ingest_vote_events(engine)
    hit = search(engine, "akutpakke", Filters(moved_by="V")).hits[0]
    view = get_item(engine, hit.item_id)
    assert view.item.decision is not None
    motions = view.item.decision.motions
    assert [(m.kind, m.moved_by_parties) for m in motions] == [("amendment", ["C"]), ("amendment", ["V"])]
    with engine.connect() as connection:
        seq = connection.scalar(select(schema.items.c.seq).where(schema.items.c.id == hit.item_id))
        stored = connection.execute(
            select(schema.votes.c.option, schema.votes.c.motion)
            .where(schema.votes.c.item_seq == seq)
            .order_by(schema.votes.c.position)
        ).all()
    assert [tuple(row) for row in stored] == [("for", 0), ("against", 0), ("for", 1), ("against", 1), ("abstain", 1)]


def test_a_persons_votes_say_what_they_were_on(engine: Engine) -> None:
    ingest_vote_events(engine)
    (blixt,) = [record for record in person_records(engine, "Liselott Blixt") if record.body == GREVE]
    on_amendments = [vote for vote in blixt.votes if vote.motion_kind == "amendment"]
    assert [(vote.option, vote.motion_text) for vote in on_amendments] == [
        ("against", "at initiativretsforslaget realitetsbehandling, så der bevilliges en akutpakke på 3 mio. kr."),
        ("for", "at initiativretsforslaget oversendes til budgetforhandling"),
    ]


def test_a_database_from_before_motions_is_migrated_and_reread(engine: Engine) -> None:
    """Migration 8 on a database without motions: stored items stay; reading again fills the motions."""
    ingest_vote_events(engine)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE motion_parties"))
        connection.execute(text("DROP TABLE motions"))
        connection.execute(text("ALTER TABLE votes DROP COLUMN motion"))
        connection.execute(text("DELETE FROM schema_migrations WHERE version = 8"))
        items_before = connection.scalar(text("SELECT COUNT(*) FROM items"))
    assert migrate(engine) == len(MIGRATIONS)
    assert titles(engine, Filters(moved_by="C")) == []  # not read yet: nothing is invented
    assert ingest_vote_events(engine) == ["unchanged"] * 5
    assert ingest_vote_events(engine, reread=True) == ["reread"] * 5
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT COUNT(*) FROM items")) == items_before
    assert len(titles(engine, Filters(moved_by="C"))) == 3


def test_filters_by_who_voted_how_and_by_open_or_closed(engine: Engine) -> None:
    ingest_vote_events(engine)
    everything = search(engine, "", Filters(), limit=1)
    by_vote = search(engine, "", Filters(voted=True), limit=500)
    without = search(engine, "", Filters(voted=False), limit=1)
    assert by_vote.total + without.total == everything.total
    assert everything.facets["vote"] == [("voted", by_vote.total)]
    assert all(get_item(engine, hit.item_id).item.votes for hit in by_vote.hits)
    # F voted against Ø's and for nothing of the budget's first points, but against 1c
    f_against = titles(engine, Filters(vote_party="f", vote_option="against"))
    assert "Budget 2023-26 - 2. behandling" in f_against
    ø_for = titles(engine, Filters(vote_party="Ø", vote_option="for"))
    assert "Budget 2023-26 - 2. behandling" in ø_for  # for its own proposal, 1a
    assert "Initiativretsforslag fra Det Konservative Folkeparti om akutpakke til skolerne" in ø_for
    # a member by name, on one side
    blixt_for = titles(engine, Filters(vote_member="liselott blixt", vote_option="for"))
    assert "Initiativretsforslag fra Det Konservative Folkeparti om akutpakke til skolerne" in blixt_for
    assert titles(engine, Filters(vote_member="Liselott Blixt")) == sorted(
        set(blixt_for)
        | set(titles(engine, Filters(vote_member="Liselott Blixt", vote_option="against")))
        | set(titles(engine, Filters(vote_member="Liselott Blixt", vote_option="abstain")))
    )
    opened, closed = (search(engine, "", Filters(public=p), limit=1).total for p in (True, False))
    assert dict(everything.facets["public"]) == {"open": opened, "closed": closed}
    assert opened + closed == everything.total and closed > 0
