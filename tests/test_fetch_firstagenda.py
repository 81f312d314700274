"""`referat fetch firstagenda` against a real HTTP server serving Greve meetings in the portal's URL scheme."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from referat.errors import SourceError
from referat.sources.firstagenda import COMMITTEE_LIST, MANIFEST, MEETING, Portal, mirror
from referat.sources.web import USER_AGENT
from referat.store import schema
from referat.store.db import open_database
from tests.conftest import FIXTURES
from tests.webserver import Request, Response, Route, Site, serve

JSON = {"Content-Type": "application/json; charset=utf-8"}
COOKIE = "FirstAgendaAnonymous=visitor-1"
MEETING_FILES = sorted((FIXTURES / "firstagenda").glob("greve-*.json"))


@dataclass
class FakePortalState:
    """What the local portal publishes; tests change it between runs as a real portal would."""

    meetings: dict[str, bytes]
    # each meeting's committee and listing entry, read once from the files
    listed: dict[str, tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=dict)
    listing_extra: dict[str, dict[str, Any]] = field(default_factory=dict)
    failures_left: Counter[str] = field(default_factory=Counter)


def _meeting_id(data: bytes) -> str:
    return str(json.loads(data)["Id"])


def _listing(state: FakePortalState) -> bytes:
    """The committee list as the portal gives it: committees grouped by term, each with its meetings."""
    committees: dict[str, dict[str, Any]] = {}
    for meeting_id, (committee, entry) in state.listed.items():
        listed = committees.setdefault(
            committee["Navn"], {"Id": committee["Id"], "Navn": committee["Navn"], "Moeder": []}
        )
        listed["Moeder"].append({"Id": meeting_id, **entry, **state.listing_extra.get(meeting_id, {})})
    return json.dumps({"Udvalg": {"2022-2025": list(committees.values())}}, ensure_ascii=False).encode()


def _routes(state: FakePortalState) -> dict[str, Route]:
    def needs_cookie(answer: Callable[[Request], Response]) -> Callable[[Request], Response]:
        def route(request: Request) -> Response:
            if COOKIE not in request.headers.get("Cookie", ""):
                return Response(b'{"Message":"Authorization has been denied"}', 401, JSON)
            return answer(request)

        return route

    def front_page(request: Request) -> Response:
        if COOKIE in request.headers.get("Cookie", ""):
            return Response(
                b"<html><body>Dagsordener og referater</body></html>", headers={"Content-Type": "text/html"}
            )
        return Response(status=302, headers={"Location": "/Home/AnonymousAuthentication?callback=%2f"})

    def meeting(meeting_id: str) -> Callable[[Request], Response]:
        def answer(request: Request) -> Response:
            if state.failures_left[meeting_id]:
                state.failures_left[meeting_id] -= 1
                return Response(b"Service Unavailable", 503, {"Retry-After": "0"})
            return Response(state.meetings[meeting_id], headers=JSON)

        return needs_cookie(answer)

    routes: dict[str, Route] = {
        "/": front_page,
        "/Home/AnonymousAuthentication?callback=%2f": Response(
            status=302, headers={"Set-Cookie": f"{COOKIE}; Path=/; HttpOnly", "Location": "/"}
        ),
        COMMITTEE_LIST: needs_cookie(lambda request: Response(_listing(state), headers=JSON)),
    }
    for meeting_id in state.meetings:
        routes[MEETING.format(id=meeting_id)] = meeting(meeting_id)
    return routes


@pytest.fixture
def portal_state() -> FakePortalState:
    state = FakePortalState({_meeting_id(path.read_bytes()): path.read_bytes() for path in MEETING_FILES})
    for meeting_id, data in state.meetings.items():
        document = json.loads(data)
        meeting = document["Moede"]
        entry = {key: meeting.get(key) for key in ("Dato", "MeetingBeginUtc", "MeetingEndUtc", "Sted", "Navn")}
        state.listed[meeting_id] = (document["Udvalg"], entry)
    return state


@pytest.fixture
def site(portal_state: FakePortalState) -> Iterator[Site]:
    with serve(_routes(portal_state)) as running:
        yield running


def _portal(site: Site, sleeps: list[float] | None = None) -> Portal:
    return Portal(site.base_url, delay=0.25, sleep=(sleeps if sleeps is not None else []).append)


def _api_requests(site: Site) -> list[str]:
    return [path for path, _ in site.requests if path.startswith("/api/")]


def test_every_meeting_is_stored_byte_for_byte_politely(site: Site, tmp_path: Path) -> None:
    sleeps: list[float] = []
    with _portal(site, sleeps) as portal:
        report = mirror(portal, tmp_path)
    assert report.listed == len(MEETING_FILES) and not report.failures
    stored = {path.name: path.read_bytes() for path in tmp_path.glob("[!.]*.json")}
    assert sorted(stored.values()) == sorted(path.read_bytes() for path in MEETING_FILES)
    assert "Byråd 2022-2025_2023-02-06T07:30:00+01:00_a62076ef-d46c-41fe-b399-e71851a7544c.json" in stored
    assert all(agent == USER_AGENT for _, agent in site.requests)
    # the front page's redirect hands out the cookie; then the list, then one request per meeting,
    # with a pause before each
    assert [path for path, _ in site.requests][:3] == ["/", "/Home/AnonymousAuthentication?callback=%2f", "/"]
    assert _api_requests(site)[0] == COMMITTEE_LIST
    assert len(_api_requests(site)) == 1 + len(MEETING_FILES)
    assert sleeps == [0.25] * (1 + len(MEETING_FILES))


def test_a_second_run_fetches_only_what_changed(site: Site, portal_state: FakePortalState, tmp_path: Path) -> None:
    with _portal(site) as portal:
        mirror(portal, tmp_path)
    site.requests.clear()
    with _portal(site) as portal:
        again = mirror(portal, tmp_path)
    assert (len(again.fetched), again.unchanged) == (0, len(MEETING_FILES))
    assert _api_requests(site) == [COMMITTEE_LIST]

    # the portal publishes minutes for one meeting, and a local file is lost
    changed_id = _meeting_id(MEETING_FILES[0].read_bytes())
    portal_state.meetings[changed_id] = portal_state.meetings[changed_id].replace(
        b'"Navn": "Dagsorden"', b'"Navn": "Referat"'
    )
    portal_state.listing_extra[changed_id] = {"Navn": "Referat", "Afsluttet": True}
    lost = next(path for path in tmp_path.glob("Kultur*.json"))
    lost.unlink()
    site.requests.clear()
    with _portal(site) as portal:
        third = mirror(portal, tmp_path)
    assert not third.failures
    assert sorted(meeting.id for meeting in third.fetched) == sorted([changed_id, lost.stem.rsplit("_", 1)[1]])
    assert third.unchanged == len(MEETING_FILES) - 2
    changed_file = next(tmp_path.glob(f"*_{changed_id}.json"))
    assert changed_file.read_bytes() == portal_state.meetings[changed_id]
    assert lost.exists()


def test_since_and_committee_choose_meetings(site: Site, tmp_path: Path) -> None:
    with _portal(site) as portal:
        report = mirror(portal, tmp_path, since=date(2024, 1, 1))
    assert sorted(meeting.start[:10] for meeting in report.fetched) == ["2024-03-18", "2024-08-12"]
    with _portal(site) as portal:
        report = mirror(portal, tmp_path / "sundhed", committee="sundheds- og omsorgsudvalget")
    assert [meeting.committee for meeting in report.fetched] == ["Sundheds- og Omsorgsudvalget"] * 2
    with _portal(site) as portal, pytest.raises(SourceError, match=r"no committee named 'Teknikudvalget'.*Byråd"):
        mirror(portal, tmp_path, committee="Teknikudvalget")


def test_a_busy_server_is_retried_with_backoff_and_a_dead_meeting_does_not_stop_the_rest(
    site: Site, portal_state: FakePortalState, tmp_path: Path
) -> None:
    flaky, dead = (_meeting_id(path.read_bytes()) for path in MEETING_FILES[:2])
    portal_state.failures_left[flaky] = 2
    portal_state.failures_left[dead] = 99
    sleeps: list[float] = []
    with _portal(site, sleeps) as portal:
        report = mirror(portal, tmp_path)
    assert len(report.fetched) == len(MEETING_FILES) - 1
    assert len(report.failures) == 1 and dead in report.failures[0]
    assert "503 Service Unavailable (gave up after 4 attempts)" in report.failures[0]
    assert not list(tmp_path.glob(f"*{dead}*"))
    assert sleeps.count(0.0) == 2 + 3  # Retry-After: 0 honoured for each retry
    # the dead meeting is tried again on the next run, the others are not
    portal_state.failures_left[dead] = 0
    with _portal(site) as portal:
        report = mirror(portal, tmp_path)
    assert [meeting.id for meeting in report.fetched] == [dead]


def test_answers_that_are_not_meetings_are_refused(site: Site, portal_state: FakePortalState, tmp_path: Path) -> None:
    broken = _meeting_id(MEETING_FILES[0].read_bytes())
    portal_state.meetings[broken] = b'{"Message": "An error has occurred."}'
    with _portal(site) as portal:
        report = mirror(portal, tmp_path)
    assert report.failures == [
        f"{site.base_url}{MEETING.format(id=broken)}: the portal did not answer with a FirstAgenda meeting"
    ]
    assert not list(tmp_path.glob(f"*{broken}*"))


def test_unsafe_meeting_ids_in_the_listing_are_skipped(site: Site, tmp_path: Path) -> None:
    hostile = {"Udvalg": {"x": [{"Navn": "../Udvalg", "Moeder": [{"Id": "../../etc/passwd"}, {"Id": "ok-1"}]}]}}
    site.routes[COMMITTEE_LIST] = Response(json.dumps(hostile).encode(), headers=JSON)
    with _portal(site) as portal:
        meetings = portal.meetings()
    assert [(meeting.id, meeting.file_name) for meeting in meetings] == [("ok-1", "-Udvalg__ok-1.json")]


def test_a_listing_that_is_not_a_committee_list_is_one_clear_error(site: Site, tmp_path: Path) -> None:
    site.routes[COMMITTEE_LIST] = Response(b'{"Committees": []}', headers=JSON)
    with _portal(site) as portal, pytest.raises(SourceError, match="not a FirstAgenda committee list: Udvalg"):
        mirror(portal, tmp_path)


@pytest.mark.slow  # runs the `referat` command as a subprocess
def test_the_command_fetches_and_ingests_then_resumes(site: Site, tmp_path: Path) -> None:
    database = tmp_path / "referat.sqlite"
    command = [sys.executable, "-m", "referat", "fetch", "firstagenda", site.base_url, "--out", str(tmp_path / "greve")]
    options = ["--delay", "0", "--ingest", "--db", str(database), "--body", "Greve Kommune"]
    first = subprocess.run(command + options, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    assert f"{len(MEETING_FILES)} møder på listen: {len(MEETING_FILES)} hentet, 0 uændret, 0 fejlede" in first.stdout
    assert (tmp_path / "greve" / MANIFEST).exists()
    engine = open_database(str(database))
    with engine.connect() as connection:
        meetings = connection.scalar(select(func.count()).select_from(schema.meetings))
        bodies = connection.execute(select(schema.meetings.c.body).distinct()).scalars().all()
    engine.dispose()
    assert (meetings, bodies) == (len(MEETING_FILES), ["Greve Kommune"])
    second = subprocess.run(command + options, capture_output=True, text=True, check=False)
    assert second.returncode == 0, second.stderr
    assert f"0 hentet, {len(MEETING_FILES)} uændret" in second.stdout
