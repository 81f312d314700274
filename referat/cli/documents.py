"""Commands that take documents in: parse, ingest, fetch from a portal."""

from __future__ import annotations

import signal
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from referat.cli.common import (
    STATUS_LABELS,
    DbOption,
    MaxBytesOption,
    err,
    expand_sources,
    open_db,
    out,
    report_failures,
    summarize,
    to_json,
    valid_text,
)
from referat.errors import ReferatError
from referat.serve import labels
from referat.settings import MAX_DOCUMENT_BYTES, OPTIMIZE_AFTER_DOCUMENTS, PORTAL_DELAY_SECONDS

if TYPE_CHECKING:  # each command imports the readers and the store when it runs: `referat --help` stays fast
    from referat.model import ParsedDocument
    from referat.sources.raw import RawDocument

# Every format `parse` and `ingest` read, told from the content (extract/__init__.py, parse/readers/).
FORMATS = "text, Markdown, HTML, PDF, DOCX, FirstAgenda meeting JSON, or the JSON parse writes"


def parse(
    location: Annotated[str, typer.Argument(help=f"A minutes file ({FORMATS}), a folder, or a URL.")],
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder for one JSON file per document when the location is a folder.")
    ] = Path("parsed"),
    body: Annotated[
        str | None,
        typer.Option(
            callback=valid_text, help='Municipality, e.g. "Gladsaxe Kommune", when the text does not name it.'
        ),
    ] = None,
    max_bytes: MaxBytesOption = MAX_DOCUMENT_BYTES,
    report: Annotated[
        bool,
        typer.Option("--report", help="Also say what could be read: the layout found, counts, unknown headings."),
    ] = False,
) -> None:
    """Parse minutes: one document prints its JSON (a summary on stderr); a folder writes one JSON per document."""
    from referat.parse.document import parse_document
    from referat.sources import is_url, read_source

    if not is_url(location) and Path(location).is_dir():
        raise typer.Exit(_parse_folder(Path(location), out_dir, body, max_bytes, report))
    try:
        document = parse_document(read_source(location, max_bytes), body=body)
    except ReferatError as exc:
        err.print(f"[red]fejl[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None
    sys.stdout.write(to_json(document) + "\n")
    err.print(escape(summarize(document)))
    if report:
        _print_report(document, err)


def _print_report(document: ParsedDocument, console: Console) -> None:
    from referat.parse.report import describe

    for line in describe(document):
        console.print(f"     {escape(line)}")


def _parse_folder(folder: Path, out_dir: Path, body: str | None, max_bytes: int, report: bool = False) -> int:
    """Parse every document, report each on one line, and say at the end what failed."""
    from referat.parse.document import parse_document
    from referat.sources.files import find_documents, read_file

    out_dir.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    paths = list(find_documents(folder))
    for path in paths:
        try:
            document = parse_document(read_file(path, max_bytes), body=body)
        except ReferatError as exc:
            failures.append(str(exc))
            err.print(f"[red]FEJL[/red] {escape(str(exc))}")
            continue
        target = out_dir / f"{path.stem}.json"
        target.write_text(to_json(document) + "\n", encoding="utf-8")
        out.print(f"[green]ok[/green]   {escape(path.name)}: {escape(summarize(document))} -> {target}")
        if report:
            _print_report(document, out)
    out.print(f"{len(paths) - len(failures)} af {labels.count_of(len(paths), 'dokument', 'dokumenter')} læst")
    return report_failures(failures)


def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help=f"Files, folders, glob patterns or URLs of minutes ({FORMATS}). "
            "A JSON that parse wrote, corrected by hand, takes the place of the document it was parsed from."
        ),
    ],
    db: DbOption = None,
    body: Annotated[
        str | None, typer.Option(callback=valid_text, help="Municipality of these documents (overrides the text).")
    ] = None,
    max_bytes: MaxBytesOption = MAX_DOCUMENT_BYTES,
    reread: Annotated[
        bool, typer.Option("--reread", help="Parse unchanged documents again (after upgrading referat).")
    ] = False,
    workers: Annotated[
        int, typer.Option(min=1, help="Processes that parse documents side by side (one per core); one writes.")
    ] = 1,
) -> None:
    """Parse and store minutes; unchanged documents are skipped, new versions replace old ones."""
    from concurrent.futures.process import BrokenProcessPool
    from contextlib import closing

    from referat.cli.progress import Steps
    from referat.store.ingest import STATUSES
    from referat.store.pipeline import IngestStopped, ingest_all

    engine = open_db(db)
    files = expand_sources(paths)
    counts: Counter[str] = Counter()
    failures: list[str] = []
    with Steps(err, len(files), "gemmer") as steps, _ctrl_c_between_documents() as stop:
        outcomes = ingest_all(engine, ((path, body) for path in files), reread, workers, max_bytes)
        try:
            with closing(outcomes):
                for outcome in outcomes:
                    counts[outcome.status] += 1
                    if outcome.status == "failed":
                        failures.append(f"{outcome.uri}: {outcome.reason}")
                    if outcome.note:
                        steps.say(f"[yellow]bemærk[/yellow] {escape(outcome.uri)}: {escape(outcome.note)}")
                    steps.done(outcome.uri, STATUS_LABELS[outcome.status])
                    if stop.is_set():
                        raise KeyboardInterrupt
        except (IngestStopped, BrokenProcessPool, KeyboardInterrupt) as exc:
            steps.stop()
            err.print(f"[red]fejl[/red] {escape(_why_stopped(exc))}")
            out.print(f"stoppet efter {sum(counts.values())} af {len(files)} dokumenter; de er gemt helt")
            raise typer.Exit(130 if isinstance(exc, KeyboardInterrupt) else 1) from None
    if counts["stored"] + counts["replaced"] + counts["added"] >= OPTIMIZE_AFTER_DOCUMENTS:
        from referat.store.db import optimize

        optimize(engine)
    summary = ", ".join(f"{counts[s]} {STATUS_LABELS[s]}" for s in STATUSES if counts[s]) or "intet at gøre"
    out.print(f"{labels.count_of(len(files), 'dokument', 'dokumenter')}: {summary}")
    raise typer.Exit(report_failures(failures))


@contextmanager
def _ctrl_c_between_documents() -> Iterator[threading.Event]:
    """A Ctrl-C that stops the batch after the document being stored, not inside one of its database
    statements: an interrupt there left the connection unusable, and the document was then recorded
    as refused by the database while the batch went on. A second Ctrl-C interrupts at once."""
    stop = threading.Event()

    def requested(signum: int, frame: object) -> None:
        stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = signal.signal(signal.SIGINT, requested)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def _why_stopped(exc: BaseException) -> str:
    """Why a batch stopped before its end, for the person who started it."""
    if isinstance(exc, KeyboardInterrupt):
        return "afbrudt (Ctrl+C)"
    from referat.store.pipeline import IngestStopped

    if isinstance(exc, IngestStopped):
        error = exc.error
        return f"databasen svigtede, mens {exc.uri} blev gemt: {getattr(error, 'orig', None) or error}"
    return "en proces, der læste dokumenter, stoppede uventet (løb den tør for hukommelse?)"


def fetch_firstagenda(
    base_url: Annotated[str, typer.Argument(help="The portal's address, e.g. https://dagsordener.greve.dk")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the meeting JSON files.")] = Path("firstagenda"),
    since: Annotated[
        datetime | None, typer.Option("--since", formats=["%Y-%m-%d"], help="Only meetings from this date on.")
    ] = None,
    committee: Annotated[str | None, typer.Option("--committee", help="Only this committee (its name).")] = None,
    delay: Annotated[float, typer.Option(help="Seconds to wait between requests.")] = PORTAL_DELAY_SECONDS,
    ingest_into: Annotated[bool, typer.Option("--ingest", help="Also parse and store each fetched meeting.")] = False,
    db: DbOption = None,
    body: Annotated[
        str | None, typer.Option(callback=valid_text, help="Municipality of the portal, stored with --ingest.")
    ] = None,
    max_bytes: MaxBytesOption = MAX_DOCUMENT_BYTES,
) -> None:
    """Mirror a FirstAgenda Publication portal's meetings as JSON; meetings fetched before and unchanged are skipped."""
    from referat.sources import is_url
    from referat.sources.firstagenda import ListedMeeting, Portal, mirror
    from referat.store.ingest import ingest as ingest_document

    if not is_url(base_url):
        err.print(f"[red]fejl[/red] {escape(base_url)}: ikke en http(s)-adresse")
        raise typer.Exit(2)
    engine = open_db(db) if ingest_into else None
    ingest_failures: list[str] = []

    def store(meeting: ListedMeeting, raw: RawDocument) -> None:
        assert engine is not None
        outcome = ingest_document(engine, raw, body=body)
        if outcome.status == "failed":
            ingest_failures.append(f"{outcome.uri}: {outcome.reason}")
        err.print(f"{escape(meeting.committee)} {meeting.start[:10]}: {STATUS_LABELS[outcome.status]}")

    try:
        with Portal(base_url, delay=delay, max_bytes=max_bytes) as portal:
            report = mirror(portal, out_dir, since.date() if since else None, committee, store if engine else None)
    except ReferatError as exc:
        err.print(f"[red]fejl[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None
    out.print(
        f"{report.listed} møder på listen: {len(report.fetched)} hentet, {report.unchanged} uændret, "
        f"{len(report.failures)} fejlede -> {out_dir}"
    )
    raise typer.Exit(report_failures(report.failures + ingest_failures))
