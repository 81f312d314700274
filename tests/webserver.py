"""A real HTTP server on loopback that serves fixed responses, for the fetch tests."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Response:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]


# A route answers with a fixed response, or computes one from the request (cookies, a flaky server).
Route = Response | Callable[[Request], Response]


@dataclass
class Site:
    """Paths to responses, and the requests the server saw (path and User-Agent)."""

    routes: dict[str, Route]
    requests: list[tuple[str, str]] = field(default_factory=list)
    base_url: str = ""


@contextmanager
def serve(routes: Mapping[str, Route]) -> Iterator[Site]:
    site = Site(dict(routes))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append((self.path, self.headers.get("User-Agent", "")))
            route = site.routes.get(self.path, Response(b"not found", 404))
            response = route(Request(self.path, dict(self.headers.items()))) if callable(route) else route
            self.send_response(response.status)
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()
            self.wfile.write(response.body)

        def log_message(self, format: str, *args: object) -> None:  # silence the default stderr log
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
