"""OParl 1.1 JSON API under /oparl/v1/: stored minutes as System, Body, Organization, Person,
Membership, Meeting, AgendaItem, Paper, Consultation, File and Location objects.

How referat's model maps onto OParl, and why:
- Body is a municipality, Organization a committee; both are named on meetings, and their ids are
  hashes of those names, so they are stable across re-ingests.
- Paper is a case (sag): one per municipality and case number; its Consultations are the agenda
  items that treated it (a Consultation's id is its agenda item's).
- Membership is "attended meetings of this committee": minutes list who attended, not who was
  appointed, so referat gives no start or end date; the first and last meeting attended are in
  `referat:firstMeeting` / `referat:lastMeeting`.
- File is an attachment (bilag). Minutes name their attachments but referat does not hold the
  files, so `accessUrl` (required by OParl) is the web page of the agenda item that lists it.
- Meeting times are local Danish time with their offset; created/modified are when referat stored
  the meeting. Facts OParl has no field for (outcomes, votes, vote events, proposals) are `referat:` keys.
Lists are paged (`links.next`) and take `created_since`, `modified_since` and `limit`.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from sqlalchemy import Engine

from referat import __version__
from referat.model import AgendaItem
from referat.serve.labels import outcome_label
from referat.store import browse
from referat.store.ids import stable_id
from referat.store.queries import NotFound, get_meeting, get_person

router = APIRouter(prefix="/oparl/v1", tags=["OParl 1.1"])
SCHEMA = "https://schema.oparl.org/1.1/"
LOCAL_TIME = ZoneInfo("Europe/Copenhagen")
PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000


class Api:
    """Builds OParl objects with absolute URLs for one request."""

    def __init__(self, request: Request) -> None:
        self.base = str(request.base_url).rstrip("/")
        self.engine: Engine = request.app.state.engine

    def url(self, *parts: str) -> str:
        return "/".join((self.base, "oparl/v1", *parts))

    def web(self, path: str) -> str:
        return self.base + path

    # -- objects -------------------------------------------------------------------------

    def system(self) -> dict[str, Any]:
        return {
            "id": self.url("system"),
            "type": SCHEMA + "System",
            "oparlVersion": SCHEMA,
            "body": self.url("bodies"),
            "name": "referat",
            "product": "https://pypi.org/project/referat/",
            "website": self.web("/"),
            "referat:version": __version__,
        }

    def body(self, row: Any) -> dict[str, Any]:
        bid = body_id(row.body)
        return {
            "id": self.url("body", bid),
            "type": SCHEMA + "Body",
            "system": self.url("system"),
            "name": row.body,
            "organization": self.url("body", bid, "organizations"),
            "person": self.url("body", bid, "people"),
            "meeting": self.url("body", bid, "meetings"),
            "paper": self.url("body", bid, "papers"),
            "agendaItem": self.url("body", bid, "agendaItems"),
            "legislativeTerm": [],
            "web": self.web(f"/kommune?navn={quote(row.body, safe='')}"),
            "created": row.created,
            "modified": row.modified,
        }

    def organization(self, row: Any) -> dict[str, Any]:
        oid = organization_id(row.body, row.organization_key)
        return _without_none(
            {
                "id": self.url("organization", oid),
                "type": SCHEMA + "Organization",
                "body": self.url("body", body_id(row.body)) if row.body else None,
                "name": row.organization,
                "organizationType": "Gremium",
                "meeting": self.url("organization", oid, "meetings"),
                "web": self.web(
                    f"/udvalg?kommune={quote(row.body or '', safe='')}&navn={quote(row.organization, safe='')}"
                ),
                "created": row.created,
                "modified": row.modified,
            }
        )

    def person(self, row: Any) -> dict[str, Any]:
        memberships = [self.membership(row.id, m) for m in browse.memberships(self.engine, row.id)]
        return _without_none(
            {
                "id": self.url("person", row.id),
                "type": SCHEMA + "Person",
                "body": self.url("body", body_id(row.body)) if row.body else None,
                "name": row.name,
                "membership": memberships,
                "web": self.web(f"/person/{row.id}"),
                "created": row.created,
                "modified": row.modified,
                "referat:party": row.party,
            }
        )

    def membership(self, person_id: str, row: Any) -> dict[str, Any]:
        oid = organization_id(row.body, row.organization_key)
        return _without_none(
            {
                "id": self.url("membership", f"{person_id}-{oid}"),
                "type": SCHEMA + "Membership",
                "person": self.url("person", person_id),
                "organization": self.url("organization", oid),
                "referat:party": row.party,
                "referat:firstMeeting": row.first,
                "referat:lastMeeting": row.last,
            }
        )

    def meeting(self, row: Any) -> dict[str, Any]:
        _, document, item_ids = get_meeting(self.engine, row.id)
        people = browse.meeting_people(self.engine, row.id)
        stamps = (row.created_at, row.modified_at)
        items = zip(item_ids, document.agenda_items, strict=False)
        return _without_none(
            {
                "id": self.url("meeting", row.id),
                "type": SCHEMA + "Meeting",
                "name": " ".join(filter(None, (row.organization, row.date))) or None,
                "start": _local(row.start),
                "end": _local(row.end),
                "location": self.location(row) if row.location else None,
                "organization": [self.url("organization", organization_id(row.body, row.organization_key))]
                if row.organization_key
                else None,
                "participant": [self.url("person", person_id) for person_id, status in people if status == "present"],
                "agendaItem": [
                    self.agenda_item(row.id, stamps, item_id, item, n) for n, (item_id, item) in enumerate(items, 1)
                ],
                "web": self.web(f"/moede/{row.id}"),
                "created": row.created_at,
                "modified": row.modified_at,
                "referat:kind": document.meeting.kind,
                "referat:absent": [self.url("person", pid) for pid, status in people if status == "absent"],
                "referat:source": document.source.path,
            }
        )

    def location(self, row: Any) -> dict[str, Any]:
        return {
            "id": self.url("location", row.id),
            "type": SCHEMA + "Location",
            "description": row.location,
            "meetings": [self.url("meeting", row.id)],
            "created": row.created_at,
            "modified": row.modified_at,
        }

    def agenda_item(
        self, meeting_id: str, stamps: tuple[str, str], item_id: str, item: AgendaItem, order: int
    ) -> dict[str, Any]:
        decision = item.decision
        return _without_none(
            {
                "id": self.url("agendaItem", item_id),
                "type": SCHEMA + "AgendaItem",
                "meeting": self.url("meeting", meeting_id),
                "number": str(item.number) if item.number is not None else None,
                "order": order,
                "name": item.title,
                "public": item.public,
                "consultation": self.url("consultation", item_id) if item.case_number else None,
                "result": ", ".join(outcome_label(o) for o in decision.outcomes) if decision else None,
                "resolutionText": decision.text if decision else None,
                "auxiliaryFile": [self.file(item_id, n, item) for n in range(1, len(item.attachments) + 1)] or None,
                "web": self.web(f"/punkt/{item_id}"),
                "created": stamps[0],
                "modified": stamps[1],
                "referat:caseNumber": item.case_number,
                "referat:outcomes": list(decision.outcomes) if decision else [],
                "referat:proposals": item.proposals,
                "referat:votes": [vote.model_dump(mode="json") for vote in item.votes],
                "referat:motions": [motion.model_dump(mode="json") for motion in decision.motions] if decision else [],
                "referat:protocolNotes": item.protocol_notes,
            }
        )

    def item_row(self, row: Any) -> dict[str, Any]:
        """An agenda item from a row of `browse.items_page`."""
        item = AgendaItem.model_validate_json(row.item)
        return self.agenda_item(row.meeting_id, (row.created_at, row.modified_at), row.id, item, row.position + 1)

    def file(self, item_id: str, number: int, item: AgendaItem) -> dict[str, Any]:
        attachment = item.attachments[number - 1]
        return _without_none(
            {
                "id": self.url("file", item_id, str(number)),
                "type": SCHEMA + "File",
                "name": attachment.title,
                "accessUrl": self.web(f"/punkt/{item_id}"),
                "agendaItem": [self.url("agendaItem", item_id)],
                "referat:number": attachment.number,
                "referat:document": attachment.document,
                "referat:held": False,
            }
        )

    def paper(self, row: Any) -> dict[str, Any]:
        treated = browse.items_page(self.engine, body=row.body, case_number=row.case_number, limit=MAX_PAGE_SIZE)
        return _without_none(
            {
                "id": self.url("paper", paper_id(row.body, row.case_number)),
                "type": SCHEMA + "Paper",
                "body": self.url("body", body_id(row.body)) if row.body else None,
                "name": row.title,
                "reference": row.case_number,
                "date": row.first,
                "consultation": [self.consultation(item) for item in treated.rows],
                "web": self.web(f"/sag?nummer={quote(row.case_number, safe='')}"),
                "created": row.created,
                "modified": row.modified,
            }
        )

    def consultation(self, row: Any) -> dict[str, Any]:
        """The treatment of a case by one agenda item; `row` is a row of `browse.items_page`."""
        return _without_none(
            {
                "id": self.url("consultation", row.id),
                "type": SCHEMA + "Consultation",
                "paper": self.url("paper", paper_id(row.body, row.case_number)) if row.case_number else None,
                "agendaItem": self.url("agendaItem", row.id),
                "meeting": self.url("meeting", row.meeting_id),
                "organization": [self.url("organization", organization_id(row.body, row.organization_key))]
                if row.organization_key
                else None,
                "created": row.created_at,
                "modified": row.modified_at,
            }
        )

    def listing(
        self, request: Request, page: browse.Page, objects: list[dict[str, Any]], paging: Paging
    ) -> dict[str, Any]:
        pages = max(1, -(-page.total // paging.limit))
        links = {"first": _with_page(request, 1)}
        if paging.page > 1:
            links["prev"] = _with_page(request, paging.page - 1)
        if paging.page < pages:
            links["next"] = _with_page(request, paging.page + 1)
        links["last"] = _with_page(request, pages)
        pagination = {
            "totalElements": page.total,
            "elementsPerPage": paging.limit,
            "currentPage": paging.page,
            "totalPages": pages,
        }
        return {"data": objects, "pagination": pagination, "links": links}


@dataclass(frozen=True)
class Paging:
    page: int
    limit: int
    since: browse.Since

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.limit

    @property
    def window(self) -> dict[str, Any]:
        """The keyword arguments of the store's paged lists."""
        return {"since": self.since, "limit": self.limit, "offset": self.offset}

    def slice(self, rows: list[Any]) -> browse.Page:
        """A page of a list made in Python (municipalities, committees), with the since filters applied."""
        kept = [
            row
            for row in rows
            if (not self.since.created or row.created >= self.since.created)
            and (not self.since.modified or row.modified >= self.since.modified)
        ]
        return browse.Page(kept[self.offset : self.offset + self.limit], len(kept))


MAX_PAGE = 1_000_000


def paging(
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,  # bounded: an offset past 2^63 is no database query
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = PAGE_SIZE,
    created_since: Annotated[str | None, Query(description="ISO 8601 date-time")] = None,
    modified_since: Annotated[str | None, Query(description="ISO 8601 date-time")] = None,
) -> Paging:
    return Paging(
        page, limit, browse.Since(_utc(created_since, "created_since"), _utc(modified_since, "modified_since"))
    )


PagingQuery = Annotated[Paging, Depends(paging)]


def body_id(body: str | None) -> str:
    return stable_id("body", (body or "").lower())


def organization_id(body: str | None, key: str | None) -> str:
    return stable_id("organization", (body or "").lower(), key)


def paper_id(body: str | None, case_number: str) -> str:
    """Case numbers contain "/" and ".": the id carries the case number, base64url-encoded."""
    encoded = base64.urlsafe_b64encode(case_number.encode()).decode().rstrip("=")
    return f"{body_id(body)}-{encoded}"


def _paper_key(paper: str) -> tuple[str, str]:
    bid, _, encoded = paper.partition("-")
    try:
        return bid, base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        raise NotFound(f"no paper with id {paper!r}") from None


def _local(value: str | None) -> str | None:
    """ "2024-05-08T16:00" (local time as printed) -> "2024-05-08T16:00:00+02:00"."""
    if not value or len(value) < 16:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=LOCAL_TIME).isoformat()


def _utc(value: str | None, name: str) -> str | None:
    """A since-filter as a UTC string in the stored form, so that it compares as text."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise HTTPException(400, f"{name}: not an ISO 8601 date-time: {value!r}") from None
    return (
        (moment if moment.tzinfo else moment.replace(tzinfo=LOCAL_TIME)).astimezone(UTC).isoformat(timespec="seconds")
    )


def _without_none(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def _with_page(request: Request, number: int) -> str:
    return str(request.url.include_query_params(page=number))


def _find(rows: list[Any], wanted: str, make_id: Any, kind: str) -> Any:
    for row in rows:
        if make_id(row) == wanted:
            return row
    raise NotFound(f"no {kind} with id {wanted!r}")


def _body(api: Api, bid: str) -> Any:
    return _find(browse.bodies(api.engine), bid, lambda row: body_id(row.body), "body")


def _organization(api: Api, oid: str) -> Any:
    return _find(
        browse.committees(api.engine), oid, lambda row: organization_id(row.body, row.organization_key), "organization"
    )


def _item(api: Api, item_id: str) -> Any:
    rows = browse.items_page(api.engine, item_id=item_id, limit=1).rows
    if not rows:
        raise NotFound(f"no agendaItem with id {item_id!r}")
    return rows[0]


# -- routes ------------------------------------------------------------------------------------


@router.get("/system")
def system(request: Request) -> dict[str, Any]:
    return Api(request).system()


@router.get("/bodies")
def bodies(request: Request, paging: PagingQuery) -> dict[str, Any]:
    api = Api(request)
    page = paging.slice(browse.bodies(api.engine))
    return api.listing(request, page, [api.body(row) for row in page.rows], paging)


@router.get("/body/{bid}")
def body(request: Request, bid: str) -> dict[str, Any]:
    api = Api(request)
    return api.body(_body(api, bid))


@router.get("/body/{bid}/organizations")
def body_organizations(request: Request, bid: str, paging: PagingQuery) -> dict[str, Any]:
    api = Api(request)
    page = paging.slice(browse.committees(api.engine, _body(api, bid).body))
    return api.listing(request, page, [api.organization(row) for row in page.rows], paging)


@router.get("/body/{bid}/people")
def body_people(request: Request, bid: str, paging: PagingQuery) -> dict[str, Any]:
    api = Api(request)
    page = browse.persons_page(api.engine, _body(api, bid).body, **paging.window)
    return api.listing(request, page, [api.person(row) for row in page.rows], paging)


@router.get("/body/{bid}/meetings")
def body_meetings(request: Request, bid: str, paging: PagingQuery) -> dict[str, Any]:
    api = Api(request)
    page = browse.meetings_page(
        api.engine,
        _body(api, bid).body,
        **paging.window,
        newest_first=False,
    )
    return api.listing(request, page, [api.meeting(row) for row in page.rows], paging)


@router.get("/body/{bid}/papers")
def body_papers(request: Request, bid: str, paging: PagingQuery) -> dict[str, Any]:
    api = Api(request)
    page = browse.cases_page(api.engine, _body(api, bid).body, **paging.window)
    return api.listing(request, page, [api.paper(row) for row in page.rows], paging)


@router.get("/body/{bid}/agendaItems")
def body_agenda_items(request: Request, bid: str, paging: PagingQuery) -> dict[str, Any]:
    api = Api(request)
    page = browse.items_page(api.engine, _body(api, bid).body, **paging.window)
    return api.listing(request, page, [api.item_row(row) for row in page.rows], paging)


@router.get("/organization/{oid}")
def organization(request: Request, oid: str) -> dict[str, Any]:
    api = Api(request)
    return api.organization(_organization(api, oid))


@router.get("/organization/{oid}/meetings")
def organization_meetings(request: Request, oid: str, paging: PagingQuery) -> dict[str, Any]:
    api = Api(request)
    row = _organization(api, oid)
    page = browse.meetings_page(
        api.engine,
        row.body,
        row.organization,
        **paging.window,
        newest_first=False,
    )
    return api.listing(request, page, [api.meeting(meeting) for meeting in page.rows], paging)


@router.get("/person/{person_id}")
def person(request: Request, person_id: str) -> dict[str, Any]:
    api = Api(request)
    record = get_person(api.engine, person_id)
    rows = browse.persons_page(api.engine, person_id=record.person_id, limit=1).rows
    if not rows:
        raise NotFound(f"no person with id {person_id!r}")
    return api.person(rows[0])


@router.get("/membership/{membership_id}")
def membership(request: Request, membership_id: str) -> dict[str, Any]:
    api = Api(request)
    person_id, _, oid = membership_id.partition("-")
    for row in browse.memberships(api.engine, person_id):
        if organization_id(row.body, row.organization_key) == oid:
            return api.membership(person_id, row)
    raise NotFound(f"no membership with id {membership_id!r}")


@router.get("/meeting/{meeting_id}")
def meeting(request: Request, meeting_id: str) -> dict[str, Any]:
    api = Api(request)
    return api.meeting(browse.meeting_row(api.engine, meeting_id))


@router.get("/location/{meeting_id}")
def location(request: Request, meeting_id: str) -> dict[str, Any]:
    api = Api(request)
    row = browse.meeting_row(api.engine, meeting_id)
    if not row.location:
        raise NotFound(f"meeting {meeting_id!r} names no place")
    return api.location(row)


@router.get("/agendaItem/{item_id}")
def agenda_item(request: Request, item_id: str) -> dict[str, Any]:
    api = Api(request)
    return api.item_row(_item(api, item_id))


@router.get("/consultation/{item_id}")
def consultation(request: Request, item_id: str) -> dict[str, Any]:
    api = Api(request)
    return api.consultation(_item(api, item_id))


@router.get("/file/{item_id}/{number}")
def file(request: Request, item_id: str, number: int) -> dict[str, Any]:
    api = Api(request)
    item = AgendaItem.model_validate_json(_item(api, item_id).item)
    if not 1 <= number <= len(item.attachments):
        raise NotFound(f"no file {number} on agendaItem {item_id!r}")
    return api.file(item_id, number, item)


@router.get("/paper/{pid}")
def paper(request: Request, pid: str) -> dict[str, Any]:
    api = Api(request)
    bid, case_number = _paper_key(pid)
    body_row = _body(api, bid)
    rows = browse.cases_page(api.engine, body_row.body, case_number=case_number, limit=1).rows
    if not rows:
        raise NotFound(f"no paper with id {pid!r}")
    return api.paper(rows[0])
