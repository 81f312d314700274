"""Mirror a FirstAgenda Publication portal's JSON interface into a folder of meeting files.

The portal hands out an anonymous session cookie on its front page, lists every committee with
its meetings at `/api/agenda/udvalgsliste`, and serves one meeting at `/api/agenda/dagsorden/{id}`.
referat asks one thing at a time, waits between requests, retries a busy server with backoff and
says who it is. Each meeting's JSON is stored byte for byte; a manifest beside the files remembers
what the listing said about each meeting, so a second run fetches only meetings that are new or
whose listing changed (an agenda that became minutes, a meeting that was moved).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from referat.errors import SourceError, TransientSourceError
from referat.parse.readers.firstagenda import looks_like_firstagenda
from referat.settings import FETCH_RETRIES, MAX_DOCUMENT_BYTES, PORTAL_DELAY_SECONDS
from referat.sources.raw import RawDocument
from referat.sources.web import fetch, new_client

COMMITTEE_LIST = "/api/agenda/udvalgsliste"
MEETING = "/api/agenda/dagsorden/{id}"
MANIFEST = ".firstagenda-manifest.json"
# Meeting ids become file names: only GUID-like ids are accepted from the (untrusted) listing.
SAFE_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")
UNSAFE_NAME_CHARACTERS = re.compile(r"[\x00-\x1f/\\]+")
LONGEST_BACKOFF_SECONDS = 60.0


class _Listed(BaseModel):
    model_config = ConfigDict(extra="allow")


class _ListedMeeting(_Listed):
    id: str = Field(validation_alias="Id")
    begin: str | None = Field(default=None, validation_alias="MeetingBeginUtc")
    date: str | None = Field(default=None, validation_alias="Dato")


class _ListedCommittee(_Listed):
    name: str = Field(validation_alias="Navn")
    meetings: list[_ListedMeeting] | None = Field(default=None, validation_alias="Moeder")


class _CommitteeList(_Listed):
    # Committees grouped by election period ("2022-2025": [...]).
    groups: dict[str, list[_ListedCommittee]] = Field(validation_alias="Udvalg")


@dataclass(frozen=True)
class ListedMeeting:
    """One meeting as the portal's committee list describes it."""

    id: str
    committee: str
    start: str
    fingerprint: str

    @property
    def file_name(self) -> str:
        committee = UNSAFE_NAME_CHARACTERS.sub("-", self.committee).strip(". ") or "udvalg"
        return f"{committee}_{self.start}_{self.id}.json"


@dataclass
class MirrorReport:
    listed: int = 0
    fetched: list[ListedMeeting] = field(default_factory=list)
    unchanged: int = 0
    failures: list[str] = field(default_factory=list)


class Portal:
    """A polite client for one portal: one request at a time, a pause before each, retries with backoff."""

    def __init__(
        self,
        base_url: str,
        delay: float = PORTAL_DELAY_SECONDS,
        retries: int = FETCH_RETRIES,
        max_bytes: int = MAX_DOCUMENT_BYTES,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.delay = delay
        self.retries = retries
        self.max_bytes = max_bytes
        self.sleep = sleep
        self.client: httpx.Client = new_client()
        self._requests = 0

    def __enter__(self) -> Portal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    def open_session(self) -> None:
        """Visit the front page, which sets the anonymous session cookie the JSON interface asks for."""
        self.get("/")

    def meetings(self) -> list[ListedMeeting]:
        url = self.base_url + COMMITTEE_LIST
        raw = self.get(COMMITTEE_LIST)
        try:
            listing = _CommitteeList.model_validate_json(raw.data)
        except ValidationError as exc:
            problem = exc.errors()[0]
            where = ".".join(str(part) for part in problem["loc"])
            raise SourceError(url, f"not a FirstAgenda committee list: {where}: {problem['msg']}") from None
        return list(_listed_meetings(listing))

    def meeting(self, listed: ListedMeeting) -> RawDocument:
        raw = self.get(MEETING.format(id=listed.id))
        if not looks_like_firstagenda(raw):
            raise SourceError(raw.uri, "the portal did not answer with a FirstAgenda meeting")
        return raw

    def get(self, path: str) -> RawDocument:
        """GET one path, after the pause; 429, 5xx and network errors are retried with growing waits."""
        url = self.base_url + path
        for attempt in range(self.retries + 1):
            if self._requests:
                self.sleep(self.delay)
            self._requests += 1
            try:
                return fetch(url, max_bytes=self.max_bytes, client=self.client)
            except TransientSourceError as exc:
                if attempt == self.retries:
                    raise SourceError(url, f"{exc.reason} (gave up after {attempt + 1} attempts)") from None
                wait = exc.retry_after if exc.retry_after is not None else self.delay * 2 ** (attempt + 1)
                self.sleep(min(wait, LONGEST_BACKOFF_SECONDS))
        raise AssertionError("unreachable: the loop returns or raises")


def mirror(
    portal: Portal,
    out_dir: Path,
    since: date | None = None,
    committee: str | None = None,
    on_fetched: Callable[[ListedMeeting, RawDocument], None] | None = None,
) -> MirrorReport:
    """Fetch the meetings that are new or changed into `out_dir`; one failed meeting never stops the rest."""
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = _Manifest(out_dir / MANIFEST)
    report = MirrorReport()
    portal.open_session()
    listed = portal.meetings()
    chosen = [meeting for meeting in listed if _wanted(meeting, since, committee)]
    if committee and not any(meeting.committee.casefold() == committee.casefold() for meeting in listed):
        names = ", ".join(sorted({meeting.committee for meeting in listed}))
        raise SourceError(portal.base_url, f"no committee named {committee!r}; the portal lists: {names}")
    report.listed = len(chosen)
    for meeting in chosen:
        if manifest.is_current(meeting, out_dir):
            report.unchanged += 1
            continue
        try:
            raw = portal.meeting(meeting)
        except SourceError as exc:
            report.failures.append(str(exc))
            continue
        _write_atomically(out_dir / meeting.file_name, raw.data)
        manifest.record(meeting, raw.sha256)
        report.fetched.append(meeting)
        if on_fetched:
            on_fetched(meeting, raw)
    return report


def _listed_meetings(listing: _CommitteeList) -> Iterator[ListedMeeting]:
    seen: set[str] = set()
    for committees in listing.groups.values():
        for committee in committees:
            for meeting in committee.meetings or []:
                start = meeting.begin or meeting.date or ""
                if meeting.id in seen or not SAFE_ID.match(meeting.id):
                    continue
                seen.add(meeting.id)
                entry = json.dumps(meeting.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
                fingerprint = hashlib.sha256(f"{committee.name}\n{entry}".encode()).hexdigest()
                yield ListedMeeting(meeting.id, committee.name, start, fingerprint)


def _wanted(meeting: ListedMeeting, since: date | None, committee: str | None) -> bool:
    if committee and meeting.committee.casefold() != committee.casefold():
        return False
    return since is None or meeting.start[:10] >= since.isoformat()


class _Manifest:
    """What was fetched, per meeting id: the listing's fingerprint, the file and its sha256."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, dict[str, Any]] = {}
        if path.exists():
            try:
                self.entries = dict(json.loads(path.read_text(encoding="utf-8")).get("meetings", {}))
            except (ValueError, AttributeError):
                self.entries = {}  # a damaged manifest only costs a full re-fetch

    def is_current(self, meeting: ListedMeeting, out_dir: Path) -> bool:
        entry = self.entries.get(meeting.id)
        if not entry or entry.get("listing") != meeting.fingerprint:
            return False
        path = out_dir / str(entry.get("file"))
        return path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == entry.get("sha256")

    def record(self, meeting: ListedMeeting, sha256: str) -> None:
        self.entries[meeting.id] = {"listing": meeting.fingerprint, "file": meeting.file_name, "sha256": sha256}
        text = json.dumps({"meetings": self.entries}, indent=1, sort_keys=True, ensure_ascii=False)
        _write_atomically(self.path, text.encode())


def _write_atomically(path: Path, data: bytes) -> None:
    """A run stopped halfway leaves whole files only."""
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    os.replace(partial, path)
