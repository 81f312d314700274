"""The ASGI app: web UI, OParl API, search API and Atom feeds over one database.

No page runs JavaScript, and a Content-Security-Policy that allows none says so to the browser:
whatever a document contains cannot execute, even if escaping were ever missed. The one exception
is the API documentation at /docs: Swagger UI, whose files the app serves itself (from the
fastapi-offline package, so no CDN is needed), and its policy allows scripts from this site only,
none inline. FastAPI's own /docs and /redoc are off: they load from a CDN and run inline scripts.
API errors are answered as {"ok": false, "error": "...", "status": N} (in English); pages and feeds
answer with a Danish error page.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from referat import __version__
from referat.serve import labels, oparl, pages
from referat.serve.pages import RequestError, SearchFormQuery, cached_answer, person_path, run_search
from referat.store.cache import SearchCache
from referat.store.db import open_database
from referat.store.queries import NotFound
from referat.store.search import Group, SearchResult

HERE = Path(__file__).parent
SWAGGER_UI = Path(fastapi_offline.__file__).parent / "static"
PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": PAGE_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
# Swagger UI runs its own files (no inline script), reads /openapi.json and draws its icons as data: images.
DOCS_HEADERS = {
    **SECURITY_HEADERS,
    "Content-Security-Policy": PAGE_POLICY.replace("img-src 'self'", "img-src 'self' data:")
    + "; script-src 'self'; connect-src 'self'",
}
# What a page with an error says to a person, by status, when nothing more precise is known.
ERROR_PAGES = {
    400: ("Ugyldig forespørgsel", "Adressen indeholder en værdi, der ikke kan bruges."),
    404: ("Ikke fundet", "Siden findes ikke."),
    405: ("Fejl", "Siden kan ikke hentes på den måde."),
    500: ("Fejl på serveren", "Der skete en fejl hos os. Prøv igen lidt senere."),
}
# Paths that answer JSON; their errors are JSON too.
JSON_PREFIXES = ("/api/", "/oparl/")
FEED_SIZE = 50


def create_app(db: str | None = None) -> FastAPI:
    """The app over the database `db` (a SQLite path or a postgresql:// URL; default as for the CLI)."""
    app = FastAPI(
        title="referat",
        version=__version__,
        description="Danish municipal committee minutes as open data: search and an OParl 1.1 API.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.engine = open_database(db)
    app.state.search_cache = SearchCache(app.state.engine)
    app.state.templates = _templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.mount("/swagger-ui", StaticFiles(directory=SWAGGER_UI), name="swagger-ui")
    app.include_router(pages.router)
    app.include_router(oparl.router)
    app.add_api_route("/api/search", search_json, methods=["GET"], tags=["search"], response_class=JSONResponse)
    app.add_api_route("/search.atom", search_feed, methods=["GET"], tags=["search"], response_class=Response)
    app.add_exception_handler(RequestError, _refused)
    app.add_exception_handler(NotFound, _not_found)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(Exception, _server_error)  # then re-raised, so the server logs the traceback
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        if "\x00" in request.url.path or "%00" in request.url.query:
            # a NUL byte is in no id, name or filter, and PostgreSQL refuses it in any text
            response = _error(request, 400, "a NUL byte (%00) is not allowed in a request", NUL_IN_REQUEST)
        else:
            response = await call_next(request)
        for name, value in (DOCS_HEADERS if request.url.path == "/docs" else SECURITY_HEADERS).items():
            response.headers.setdefault(name, value)
        return response

    return app


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.filters.update(
        outcome_label=labels.outcome_label,
        vote_label=lambda option: labels.VOTE_LABELS.get(option, option),
        motion_title=labels.motion_title,
        outcome_summary=labels.outcome_summary,
        motion_kind_label=lambda kind: labels.MOTION_KIND_LABELS.get(kind, kind),
        motion_result_label=lambda result: labels.MOTION_RESULT_LABELS.get(result, result),
        consultation_label=lambda kind: labels.CONSULTATION_LABELS.get(kind, kind),
        via_label=lambda via: labels.VIA_LABELS.get(via, via),
        attendance_label=lambda status: labels.ATTENDANCE_LABELS.get(status, status),
        danish_date=labels.danish_date,
        antal=labels.count_of,
        quoted=labels.quoted,
    )
    templates.env.tests["web_url"] = labels.is_web_url
    templates.env.globals["person_path"] = person_path
    templates.env.globals["shown_items"] = labels.shown_items
    templates.env.globals["voted_phrases"] = labels.VOTED_PHRASES
    return templates


def search_json(request: Request, form: SearchFormQuery) -> Response:
    """The search page's results as JSON: hits with snippets (HTML, matches in <mark>) and facets. Each hit
    says its group (null with grupper=nej): the best-ranked hit of its case on the page, shown for the
    page's hits of the case, and the case's path, its treatments among all the matches, oldest first."""

    def render() -> bytes:
        result = run_search(request, form)
        groups = result.groups_by_hit()
        answer = {
            "query": form.q,
            "page": form.side,
            "total": result.total,
            "cases_on_page": result.cases_on_page,
            "hits": [
                {
                    **hit.__dict__,
                    "url": _item_url(request, hit.item_id),
                    "group": _group_json(request, groups[hit.item_id]) if hit.item_id in groups else None,
                }
                for hit in result.hits
            ],
            "facets": {name: [{"value": v, "count": n} for v, n in values] for name, values in result.facets.items()},
            "also_found_as": result.also_found_as,
            "also_found_counts": result.also_found_counts,
            "left_out": result.left_out,
            "related_words": result.related_words,
        }
        return bytes(JSONResponse(jsonable_encoder(answer)).body)

    return Response(cached_answer(request, form, render), media_type="application/json")


def _item_url(request: Request, item_id: str) -> str:
    return str(request.url_for("item_page", item_id=item_id))


def _group_json(request: Request, group: Group) -> dict[str, Any]:
    """A hit's group, with links: each treatment's page and the case's timeline."""
    number = group.case_number
    return {
        **group.described(),
        "case_url": str(request.url_for("case_page").include_query_params(nummer=number)) if number else None,
        "path": [{**step.__dict__, "url": _item_url(request, step.item_id)} for step in group.path],
    }


def search_feed(request: Request, form: SearchFormQuery) -> Response:
    """Atom feed of the newest items matching a search, for subscribing to a topic: items, not cases."""
    newest = form if form.q else dataclasses.replace(form, side=1)
    result = run_search(request, newest, limit=FEED_SIZE, group=False)
    base = str(request.base_url).rstrip("/")
    entries = _feed_entries(base, result)
    context = {
        "form": form,
        "feed_id": base + form.url("/search.atom", side=None),
        "self_url": base + form.url("/search.atom", side=None),
        "html_url": base + form.url(side=None),
        "updated": max((entry["updated"] for entry in entries), default=_utc_now()),
        "entries": entries,
    }
    templates: Jinja2Templates = request.app.state.templates
    body = templates.get_template("search.atom.xml").render(context)
    return Response(body, media_type="application/atom+xml; charset=utf-8")


def _feed_entries(base: str, result: SearchResult) -> list[dict[str, Any]]:
    """Newest meetings first, whatever the ranking, as a feed reader expects."""
    hits = sorted(result.matches, key=lambda hit: hit.date or "", reverse=True)
    return [
        {
            "id": f"{base}/punkt/{hit.item_id}",
            "url": f"{base}/punkt/{hit.item_id}",
            "title": f"{hit.organization or ''} {hit.date or ''}: {hit.title}".strip(),
            "updated": f"{hit.date}T00:00:00Z" if hit.date else _utc_now(),
            "summary": labels.plain_snippet(hit.snippet),
            "outcomes": hit.outcomes,
        }
        for hit in hits
    ]


def _utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(JSON_PREFIXES)


NUL_IN_REQUEST = "Adressen indeholder et nul-tegn (%00), som ikke kan bruges i en søgning eller et navn."


def _error(request: Request, status: int, message: str, danish: str | None = None) -> Response:
    """`message` as JSON for the APIs; a Danish page for the rest, saying `danish` or what the status means."""
    if _wants_json(request):
        return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)
    title, default = ERROR_PAGES.get(status, ("Fejl", f"Forespørgslen kunne ikke besvares (HTTP {status})."))
    templates: Jinja2Templates = request.app.state.templates
    response: Response = templates.TemplateResponse(
        request, "error.html", {"title": title, "message": danish or default}, status_code=status
    )
    return response


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestError)
    return _error(request, exc.status, exc.message, exc.danish)


async def _not_found(request: Request, exc: Exception) -> Response:
    return _error(request, 404, str(exc))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    return _error(request, exc.status_code, str(exc.detail))


async def _invalid_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in errors)
    return _error(request, 400, problems or "invalid request", " ".join(_danish_problem(e) for e in errors) or None)


async def _server_error(request: Request, exc: Exception) -> Response:
    """Answered outside the app's middleware, so the security headers are set here."""
    response = _error(request, 500, "internal server error")
    response.headers.update(SECURITY_HEADERS)
    return response


class ApiError(BaseModel):
    """What every API error answers."""

    ok: bool = False
    error: str
    status: int


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's description, saying what the API really answers to a bad parameter: 400 with
    an ApiError, not FastAPI's 422 with its validation details."""
    if app.openapi_schema is None:
        description = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        schemas = description.setdefault("components", {}).setdefault("schemas", {})
        for name in ("HTTPValidationError", "ValidationError"):
            schemas.pop(name, None)
        schemas["ApiError"] = ApiError.model_json_schema()
        bad_request = {
            "description": "A parameter that cannot be used",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}},
        }
        for operations in description["paths"].values():
            for operation in operations.values():
                if operation.get("responses", {}).pop("422", None) is not None:
                    operation["responses"]["400"] = bad_request
        app.openapi_schema = description
    return app.openapi_schema


def _danish_problem(error: dict[str, Any]) -> str:
    """One parameter's problem, e.g. `Værdien “abc” kan ikke bruges som “aar”.`"""
    name = error["loc"][-1]
    if error["type"] == "missing":
        return f"Adressen mangler “{name}”."
    return f"Værdien “{error.get('input')}” kan ikke bruges som “{name}”."
