"""Fetch a document from a URL with httpx: url -> RawDocument.

Polite and defensive: a clear User-Agent, timeouts, a bounded number of redirects, a size limit
enforced while streaming (not only from Content-Length), and the content type checked against
the file's own signature, so an error page served as a PDF is not stored as minutes.
"""

from __future__ import annotations

import httpx

from referat import __version__
from referat.errors import SourceError, TransientSourceError
from referat.settings import FETCH_TIMEOUT_SECONDS, MAX_DOCUMENT_BYTES, MAX_REDIRECTS
from referat.sources.raw import RawDocument

USER_AGENT = f"referat/{__version__} (open data from Danish committee minutes; python-httpx)"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Content types referat reads; the extract stage tells the format from the bytes themselves.
ACCEPTED_TYPES = {
    "application/pdf",
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "text/x-markdown",
    "application/json",
    "application/octet-stream",
    DOCX_TYPE,
}
ACCEPT_HEADER = (
    f"application/pdf, {DOCX_TYPE};q=0.9, text/html;q=0.9, text/plain;q=0.8, application/json;q=0.8, */*;q=0.1"
)


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def fetch(url: str, max_bytes: int = MAX_DOCUMENT_BYTES, client: httpx.Client | None = None) -> RawDocument:
    """Download one document; every failure is a SourceError naming the URL and the reason."""
    own_client = client is None
    client = client or new_client()
    try:
        with client.stream("GET", url) as response:
            _check_status(url, response)
            media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if media_type and media_type not in ACCEPTED_TYPES:
                raise SourceError(url, f"unsupported content type {media_type!r}")
            declared = int(response.headers.get("content-length") or 0)
            if declared > max_bytes:
                raise SourceError(url, f"the document is {declared:,} bytes, more than the limit of {max_bytes:,}")
            data = _read_limited(url, response, max_bytes)
    except httpx.TooManyRedirects:
        raise SourceError(url, f"more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise TransientSourceError(url, f"no answer within {FETCH_TIMEOUT_SECONDS:g} seconds") from None
    except httpx.TransportError as exc:
        raise TransientSourceError(url, f"cannot fetch: {exc.__class__.__name__}: {exc}") from None
    except httpx.HTTPError as exc:
        raise SourceError(url, f"cannot fetch: {exc.__class__.__name__}: {exc}") from None
    finally:
        if own_client:
            client.close()
    if not data:
        raise SourceError(url, "the server sent an empty document")
    _check_signature(url, media_type, data)
    return RawDocument(uri=url, data=data, media_type=media_type or None)


def new_client() -> httpx.Client:
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT_HEADER},
        timeout=httpx.Timeout(FETCH_TIMEOUT_SECONDS),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
    )


def _check_status(url: str, response: httpx.Response) -> None:
    """4xx is the document's fault; 429 and 5xx are the server's moment, worth a retry."""
    status = response.status_code
    if status < 400:
        return
    reason = f"the server answered {status} {response.reason_phrase}"
    if status == 429 or status >= 500:
        raise TransientSourceError(url, reason, _retry_after(response.headers.get("retry-after")))
    raise SourceError(url, reason)


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header; the HTTP-date form is rare for APIs and read as absent."""
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


def _read_limited(url: str, response: httpx.Response, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise SourceError(url, f"the document is more than the limit of {max_bytes:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _check_signature(url: str, media_type: str, data: bytes) -> None:
    """The bytes must be what the server says they are."""
    is_pdf = b"%PDF-" in data[:1024]
    if media_type == "application/pdf" and not is_pdf:
        raise SourceError(url, "served as application/pdf but the content is not a PDF")
    if media_type.startswith("text/") and is_pdf:
        raise SourceError(url, f"served as {media_type} but the content is a PDF")
    if media_type == DOCX_TYPE and not data.startswith(b"PK\x03\x04"):
        raise SourceError(url, "served as a Word document (DOCX) but the content is not one")
