"""The Danish web UI: one route and one template per page type, every page linkable by its URL.

Pages are rendered on the server from the same store functions the CLI uses; the only markup
taken from data is a search snippet, which the store has already HTML-escaped. Everything
else a document contains goes through Jinja2's autoescaping.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import Engine

from referat.serve import labels
from referat.store import browse, ids
from referat.store.queries import NotFound, case_timeline, get_item, get_meeting, get_person
from referat.store.search import Filters, SearchResult, parse_query, search

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 20
MAX_LEFT_OUT = 200  # words a search may leave out (`uden`); a query word stands for at most a few hundred
# Facets in the order the search page shows them, with the URL parameter each one sets.
FACET_PARAMETERS = {"body": "kommune", "organization": "udvalg", "year": "aar", "outcome": "udfald"}
# Filters on the vote events of an item, with the title the search page shows them under.
MOTION_PARAMETERS = {"forslag_fra": "Forslag stillet af", "forslag": "Forslag"}
# Filters on how an item was decided and who could see it; each value is a code the page shows in Danish.
VOTE_PARAMETERS = ("afstemning", "parti", "medlem", "stemme", "adgang")
# How the hits are shown, kept from page to page: "grupper=nej" shows each hit on its own.
VIEW_PARAMETERS = ("grupper",)


class RequestError(Exception):
    """A request the app refuses: `message` (English) answers the JSON APIs, `danish` the pages."""

    def __init__(self, status: int, message: str, danish: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.danish = danish


@contextmanager
def missing_as(danish: str) -> Iterator[None]:
    """Answer a lookup that finds nothing with a Danish 404 page saying `danish`."""
    try:
        yield
    except NotFound as exc:
        raise RequestError(404, str(exc), danish) from exc


def person_path(body: str | None, name: str) -> str:
    """The person page of `name` as stored for municipality `body` (store/ids.py: one person per body and name)."""
    return f"/person/{ids.person_id(body, name)}"


@dataclass(frozen=True)
class SearchForm:
    """A search as the URL states it; the same parameters drive the page, the JSON and the feed."""

    q: str = ""
    kommune: str | None = None
    udvalg: str | None = None
    aar: int | None = None
    udfald: str | None = None
    forslag_fra: str | None = None  # a party letter: items with a motion it moved
    forslag: str | None = None  # adopted | rejected | lapsed: items with a motion that ended so
    afstemning: str | None = None  # yes: decided by vote; no: without a vote
    parti: str | None = None  # a party letter that voted …
    medlem: str | None = None  # … or a member, by name …
    stemme: str | None = None  # … for, against or abstained
    adgang: str | None = None  # open | closed
    uden: tuple[str, ...] = ()  # words the query's words are not to stand for (Filters.without)
    side: int = 1
    grupper: str | None = None  # "no": each hit a result of its own; the hits of one case are one by default

    @property
    def filters(self) -> Filters:
        year = f"{self.aar:04d}" if self.aar else None
        return Filters(
            body=self.kommune,
            organization=self.udvalg,
            date_from=f"{year}-01-01" if year else None,
            date_to=f"{year}-12-31" if year else None,
            outcome=self.udfald,
            moved_by=self.forslag_fra,
            motion_result=self.forslag,
            voted=None if self.afstemning is None else self.afstemning == "yes",
            vote_party=self.parti,
            vote_member=self.medlem,
            vote_option=self.stemme,
            public=None if self.adgang is None else self.adgang == "open",
            without=self.uden,
        )

    @property
    def grouped(self) -> bool:
        return self.grupper != "no"

    def parameters(self, **changes: Any) -> dict[str, Any]:
        chosen = {
            key: getattr(self, key)
            for key in (*FACET_PARAMETERS.values(), *MOTION_PARAMETERS, *VOTE_PARAMETERS, *VIEW_PARAMETERS)
        }
        values = {"q": self.q, **chosen, "uden": list(self.uden), "side": self.side}
        values.update(changes)
        return {key: value for key, value in values.items() if value not in (None, "", 1, []) or key == "q"}

    def url(self, path: str = "/soeg", **changes: Any) -> str:
        return f"{path}?{urlencode(self.parameters(**changes), doseq=True)}"

    @property
    def fewer_words(self) -> str | None:
        """The query's first word or "phrase", to suggest when all of several words found nothing."""
        query_words, phrases = parse_query(self.q)
        terms = [f'"{phrase}"' for phrase in phrases] + query_words
        return terms[0] if len(terms) > 1 else None


def search_form(
    q: str = "",
    kommune: str | None = None,
    udvalg: str | None = None,
    aar: int | None = Query(default=None, ge=1900, le=2999),
    udfald: str | None = None,
    forslag_fra: str | None = Query(default=None, max_length=32),
    forslag: str | None = None,
    afstemning: str | None = None,
    parti: str | None = Query(default=None, max_length=32),
    medlem: str | None = Query(default=None, max_length=200),
    stemme: str | None = None,
    adgang: str | None = None,
    uden: Annotated[list[str], Query(max_length=MAX_LEFT_OUT)] = [],  # noqa: B006 (FastAPI's way; it copies the default)
    side: int = Query(default=1, ge=1, le=10_000),
    grupper: str | None = None,
) -> SearchForm:
    return SearchForm(
        q.strip(),
        kommune or None,
        udvalg or None,
        aar,
        _code(labels.OUTCOMES, udfald),
        (forslag_fra or "").strip().upper() or None,
        _code(labels.MOTION_RESULTS, forslag),
        _code(labels.DECIDED_BY_VOTE, afstemning),
        (parti or "").strip().upper() or None,
        (medlem or "").strip() or None,
        _code(labels.VOTES, stemme),
        _code(labels.ACCESS, adgang),
        tuple(sorted({word.strip().lower() for word in uden if word.strip()})),
        side,
        _code(labels.GROUPING, grupper),
    )


def _code(choice: labels.Choice, value: str | None) -> str | None:
    """A filter value as its code: "approved", "Godkendt" and "godkendt" are the same filter."""
    if not value or not value.strip():
        return None
    code = choice.code(value)
    if code is None:
        raise RequestError(400, choice.unknown(value), choice.unknown_danish(value))
    return code


SearchFormQuery = Annotated[SearchForm, Depends(search_form)]


def run_search(request: Request, form: SearchForm, limit: int = PAGE_SIZE, group: bool = True) -> SearchResult:
    """The search a form states, its hits grouped by case as the form says unless `group` is false (a
    feed lists items); repeated searches come from the app's cache until the database changes."""
    engine = _engine(request)
    offset = (form.side - 1) * limit
    grouped = group and form.grouped
    result: SearchResult = request.app.state.search_cache.get(
        (form.q, form.filters, limit, offset, grouped),
        lambda: search(engine, form.q, form.filters, limit=limit, offset=offset, group=grouped),
    )
    return result


def cached_answer(request: Request, form: SearchForm, render: Callable[[], bytes]) -> bytes:
    """A search's whole answer (a page or JSON) from the app's cache, so that a repeated search costs
    neither the search nor the rendering. The answer depends on the form and, through absolute links,
    on the address the app is reached at; the cache is dropped when the database changes."""
    answer: bytes = request.app.state.search_cache.get((request.url.path, str(request.base_url), form), render)
    return answer


def _render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    response: HTMLResponse = templates.TemplateResponse(request, template, context, status_code=status_code)
    return response


def _engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


@router.get("/", response_class=HTMLResponse)
def front_page(request: Request) -> Response:
    engine = _engine(request)
    return _render(
        request,
        "front.html",
        counts=browse.counts(engine),
        recent=browse.recently_ingested(engine),
        bodies=browse.bodies(engine),
    )


@router.get("/soeg", response_class=HTMLResponse)
def search_page(request: Request, form: SearchFormQuery) -> Response:
    def render() -> bytes:
        result = run_search(request, form)
        pages = max(1, -(-result.total // PAGE_SIZE))
        page = _render(
            request,
            "search.html",
            form=form,
            result=result,
            pages=pages,
            page_size=PAGE_SIZE,
            facet_parameters=FACET_PARAMETERS,
            motion_parameters=MOTION_PARAMETERS,
        )
        return bytes(page.body)

    return HTMLResponse(cached_answer(request, form, render))


@router.get("/moede/{meeting_id}", response_class=HTMLResponse)
def meeting_page(request: Request, meeting_id: str) -> Response:
    with missing_as(f"Der er intet møde med id “{meeting_id}”."):
        stored_id, document, item_ids = get_meeting(_engine(request), meeting_id)
    items = list(zip(item_ids, document.agenda_items, strict=False))
    return _render(request, "meeting.html", meeting_id=stored_id, document=document, items=items)


@router.get("/punkt/{item_id}", response_class=HTMLResponse)
def item_page(request: Request, item_id: str) -> Response:
    with missing_as(f"Der er intet dagsordenspunkt med id “{item_id}”."):
        view = get_item(_engine(request), item_id)
    return _render(request, "item.html", view=view)


@router.get("/sag", response_class=HTMLResponse)
def case_page(request: Request, nummer: str) -> Response:
    timeline = case_timeline(_engine(request), nummer)
    return _render(request, "case.html", case_number=nummer, timeline=timeline)


@router.get("/udvalg", response_class=HTMLResponse)
def committee_page(
    request: Request, kommune: str, navn: str, side: int = Query(default=1, ge=1, le=1_000_000)
) -> Response:
    engine = _engine(request)
    found = browse.meetings_page(engine, kommune, navn, limit=PAGE_SIZE, offset=(side - 1) * PAGE_SIZE)
    members = browse.persons_page(engine, kommune, navn, limit=500)
    pages = max(1, -(-found.total // PAGE_SIZE))
    context: dict[str, Any] = {"body": kommune, "name": navn, "meetings": found, "members": members.rows}
    return _render(request, "committee.html", side=side, pages=pages, **context)


@router.get("/person/{person_id}", response_class=HTMLResponse)
def person_page(request: Request, person_id: str) -> Response:
    engine = _engine(request)
    with missing_as(f"Der er ingen person med id “{person_id}”."):
        record = get_person(engine, person_id)
    return _render(request, "person.html", person=record, memberships=browse.memberships(engine, record.person_id))


@router.get("/kommune", response_class=HTMLResponse)
def municipality_page(request: Request, navn: str) -> Response:
    engine = _engine(request)
    recent = browse.meetings_page(engine, navn, limit=PAGE_SIZE)
    return _render(request, "municipality.html", name=navn, committees=browse.committees(engine, navn), meetings=recent)


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> Response:
    """Swagger UI over /openapi.json, from files the app serves (see app.py)."""
    return _render(request, "docs.html")
