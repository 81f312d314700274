"""A DOCX package read within bounds: the ZIP, its styles, numbering and title, and the body as a stream.

python-docx holds every part in memory as a tree of some ten times the XML's size (a document.xml
of 300 MB took 3.4 GB) and resolves a paragraph's style by scanning all the styles each time (a
million empty paragraphs took over 20 minutes). Here the small parts are read whole, the styles
resolved once into a dict, and the body's block items handed over one by one as the XML is
unpacked, each dropped once read. What is unpacked is limited twice: by the sizes the ZIP's
directory declares, and by the bytes actually inflated, since a directory can lie.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from referat.errors import ExtractError
from referat.settings import MAX_UNPACKED_BYTES
from referat.sources.raw import RawDocument

DOCUMENT_PART = "word/document.xml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
TITLE = "{http://purl.org/dc/elements/1.1/}title"
BODY = f"{W}body"
# The body's children that hold text (paragraphs, tables, content controls, custom XML): lxml reports
# only their ends, not those of every run and text element.
BLOCKS = [f"{W}p", f"{W}tbl", f"{W}sdt", f"{W}customXml"]
CHUNK = 1 << 20
# Style types whose rPr and pPr a paragraph or run inherits (python-docx's CharacterStyle and its kinds).
INHERITED_TYPES = {"paragraph", "character", "table"}


class _Unsafe(ValueError):
    """The package asks for more than the limits allow; the reason is the whole message."""


@dataclass
class Package:
    """The parts referat reads, and the budget of bytes left to unpack."""

    uri: str
    archive: zipfile.ZipFile
    budget: int
    styles: Styles = field(init=False)
    numbering: Any | None = None
    title: str | None = None

    def read(self, name: str) -> bytes | None:
        """A whole (small) part, or None when the package has none of that name."""
        try:
            with self.archive.open(name) as stream:
                return b"".join(self._chunks(stream))
        except KeyError:
            return None

    def body(self) -> Iterator[Any]:
        """The body's children, each once it is complete, then dropped: memory holds one at a time."""
        parser = etree.XMLPullParser(
            events=("end",), tag=BLOCKS, resolve_entities=False, no_network=True, load_dtd=False
        )
        with self.archive.open(DOCUMENT_PART) as stream:
            for chunk in self._chunks(stream):
                parser.feed(chunk)
                yield from _ended_body_children(parser)
        parser.close()
        yield from _ended_body_children(parser)

    def _chunks(self, stream: Any) -> Iterator[bytes]:
        while chunk := stream.read(CHUNK):
            self.budget -= len(chunk)
            if self.budget < 0:
                raise _Unsafe(f"the DOCX unpacks to more than {MAX_UNPACKED_BYTES:,} bytes, the limit")
            yield chunk


def _ended_body_children(parser: Any) -> Iterator[Any]:
    for _, element in parser.read_events():
        parent = element.getparent()
        if parent is None or parent.tag != BODY:
            continue
        yield element
        element.clear()
        while element.getprevious() is not None:
            del parent[0]


def open_package(raw: RawDocument) -> Package:
    """The package with its styles, numbering and title read, or a reason naming what is wrong with
    the ZIP archive, its size or the package in it."""
    damaged = "a damaged DOCX" if raw.suffix == "docx" else "a damaged ZIP archive"
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw.data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ExtractError(raw.uri, f"{damaged}: not a readable ZIP archive ({exc})") from exc
    names = [info.filename for info in infos]
    if DOCUMENT_PART not in names:
        listed = ", ".join(names[:3]) or "nothing"
        raise ExtractError(
            raw.uri, f"a ZIP archive without {DOCUMENT_PART}, so not a Word document (it holds {listed})"
        )
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ExtractError(raw.uri, f"the DOCX unpacks to {unpacked:,} bytes, more than {MAX_UNPACKED_BYTES:,}")
    package = Package(raw.uri, archive, MAX_UNPACKED_BYTES)
    with reading(raw.uri):
        document_rels = _relationships(package, "word/_rels/document.xml.rels", "word")
        package.styles = Styles(_parsed(package, document_rels.get(STYLES)))
        package.numbering = _parsed(package, document_rels.get(NUMBERING))
        core = _parsed(package, _relationships(package, "_rels/.rels", "").get(CORE_PROPERTIES))
        title = core.find(TITLE) if core is not None else None
        package.title = (title.text or "") if title is not None else None
    return package


@contextmanager
def reading(uri: str) -> Iterator[None]:
    """Turns what a damaged or oversized package raises into an ExtractError naming the document."""
    try:
        yield
    except _Unsafe as exc:
        raise ExtractError(uri, str(exc)) from exc
    # a broken package fails in many ways: lxml syntax errors, CRC errors, w:b w:val="maybe"
    except (etree.LxmlError, zipfile.BadZipFile, ValueError, KeyError, EOFError, OSError) as exc:
        raise ExtractError(uri, f"a damaged DOCX: {exc}") from exc


def _parsed(package: Package, name: str | None) -> Any | None:
    data = package.read(name) if name else None
    if data is None:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(data, parser)


def _relationships(package: Package, name: str, folder: str) -> dict[str, str]:
    """Part names by relationship type, targets resolved against the source part's folder."""
    root = _parsed(package, name)
    if root is None:
        return {}
    found: dict[str, str] = {}
    for relationship in root.iter(RELATIONSHIPS):
        target = relationship.get("Target") or ""
        if relationship.get("TargetMode") == "External" or not target:
            continue
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found.setdefault(relationship.get("Type") or "", part)
    return found


@dataclass(frozen=True)
class Style:
    """A style resolved once: its own element and those of the styles it is based on, nearest first."""

    chain: tuple[Any, ...] = ()
    values: dict[str, str | None] = field(default_factory=dict, compare=False, hash=False)

    def value(self, path: str) -> str | None:
        """The w:val at `path` in the nearest style of the chain that sets it (looked up once a path)."""
        if path not in self.values:
            self.values[path] = next(
                (str(value) for element in self.chain if (value := _val(element.find(path.replace("w:", W))))),
                None,
            )
        return self.values[path]


def _val(element: Any | None) -> str | None:
    return element.get(f"{W}val") if element is not None else None


class Styles:
    """The styles part as a dict; what a paragraph or run inherits is resolved once a style."""

    def __init__(self, root: Any | None) -> None:
        self.elements: dict[str, Any] = {}
        self.defaults: dict[str, str] = {}
        for element in root.iterchildren(f"{W}style") if root is not None else ():
            style_id, kind = element.get(f"{W}styleId"), element.get(f"{W}type") or "paragraph"
            if style_id is None:
                continue
            self.elements.setdefault(style_id, element)
            if element.get(f"{W}default") in {"1", "true", "on"}:
                self.defaults.setdefault(kind, style_id)
        self.resolved: dict[tuple[str | None, str], Style] = {}

    def get(self, style_id: str | None, kind: str) -> Style:
        """The style a paragraph or run names, else the default of its kind (as Word and python-docx do)."""
        key = (style_id, kind)
        if key not in self.resolved:
            element = self.elements.get(style_id) if style_id is not None else None
            if element is None or (element.get(f"{W}type") or "paragraph") != kind:
                element = self.elements.get(self.defaults.get(kind, ""))
            self.resolved[key] = Style(tuple(self._chain(element)))
        return self.resolved[key]

    def _chain(self, element: Any | None) -> Iterator[Any]:
        """A style and the styles it is based on, stopping at a loop or a style of another kind."""
        seen: set[str] = set()
        while element is not None and (element.get(f"{W}type") or "paragraph") in INHERITED_TYPES:
            style_id = element.get(f"{W}styleId")
            if style_id in seen:
                return
            seen.add(style_id)
            yield element
            based_on = element.find(f"{W}basedOn")
            element = self.elements.get(based_on.get(f"{W}val")) if based_on is not None else None
