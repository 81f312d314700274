"""Command line: thin wrappers around the stages' public functions."""

from __future__ import annotations

import dataclasses
import glob
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from sqlalchemy.exc import SQLAlchemyError

from referat.errors import ReferatError
from referat.model import AgendaItem, ParsedDocument, Vote
from referat.parse.document import parse_document
from referat.serve import labels
from referat.settings import MAX_DOCUMENT_BYTES, OPTIMIZE_AFTER_DOCUMENTS, PORTAL_DELAY_SECONDS
from referat.sources import is_url, read_source
from referat.sources.files import find_documents, read_file
from referat.sources.raw import RawDocument

app = typer.Typer(
    help="Turn Danish municipal committee minutes into structured, searchable data.", no_args_is_help=True
)
show_app = typer.Typer(help="Show one stored meeting or agenda item.", no_args_is_help=True)
app.add_typer(show_app, name="show")
fetch_app = typer.Typer(help="Fetch minutes from a municipality's publication portal.", no_args_is_help=True)
app.add_typer(fetch_app, name="fetch")
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database: a SQLite file path or a postgresql:// URL. Default: $REFERAT_DB or ./referat.sqlite."
    ),
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", help="Refuse documents larger than this. Default: $REFERAT_MAX_BYTES or 50 MB.")
]


def valid_text(value: str | None) -> str | None:
    """Text compared with stored text must be valid UTF-8: bytes that are not arrive from the shell
    as lone surrogates, which no database accepts."""
    if value is not None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise typer.BadParameter("is not valid UTF-8 text") from None
    return value


BodyOption = Annotated[
    str | None, typer.Option("--body", callback=valid_text, help='Municipality, e.g. "Gladsaxe Kommune".')
]
CommitteeOption = Annotated[
    str | None, typer.Option("--committee", callback=valid_text, help="Committee name, with or without its term.")
]
FromOption = Annotated[str | None, typer.Option("--from", help="First meeting date, YYYY-MM-DD.")]
ToOption = Annotated[str | None, typer.Option("--to", help="Last meeting date, YYYY-MM-DD.")]


def coded(choice: labels.Choice) -> Callable[[str | None], str | None]:
    """A callback taking a code or its Danish label ("approved", "Godkendt"), as the web UI does."""

    def code(value: str | None) -> str | None:
        if value is None:
            return None
        found = choice.code(value)
        if found is None:
            raise typer.BadParameter(choice.unknown(value))
        return found

    return code


OutcomeOption = Annotated[
    str | None,
    typer.Option(
        "--outcome",
        callback=coded(labels.OUTCOMES),
        help='Only items with this outcome: a code or its Danish label ("Godkendt").',
    ),
]
VotedOption = Annotated[
    bool | None, typer.Option("--voted/--not-voted", help="Only items decided by a vote, or only items without one.")
]
VoterPartyOption = Annotated[
    str | None, typer.Option("--party", callback=valid_text, help='Only items where this party voted, e.g. "Ø".')
]
VoterOption = Annotated[
    str | None, typer.Option("--member", callback=valid_text, help="Only items where this member voted (full name).")
]
VoteSideOption = Annotated[
    str | None,
    typer.Option(
        "--vote", callback=coded(labels.VOTES), help="With --party or --member: how they voted: for, against, abstain."
    ),
]
MovedByOption = Annotated[
    str | None,
    typer.Option("--moved-by", callback=valid_text, help='Only items with a motion this party moved, e.g. "V".'),
]
MotionResultOption = Annotated[
    str | None,
    typer.Option(
        "--motion-result",
        callback=coded(labels.MOTION_RESULTS),
        help="Only items with a motion that ended so: adopted, rejected, lapsed (or vedtaget, forkastet, bortfaldet).",
    ),
]
PublicOption = Annotated[bool | None, typer.Option("--public/--closed", help="Only open, or only closed, items.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SHOWN_WORDS = 20  # words of "also found as" that `search` prints; the JSON has them all


@app.callback()
def main() -> None:
    """referat: Danish committee minutes as open data."""


@app.command()
def parse(
    location: Annotated[str, typer.Argument(help="A minutes file (text, Markdown, HTML, PDF), a folder, or a URL.")],
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
    if not is_url(location) and Path(location).is_dir():
        raise typer.Exit(_parse_folder(Path(location), out_dir, body, max_bytes, report))
    try:
        document = parse_document(read_source(location, max_bytes), body=body)
    except ReferatError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None
    sys.stdout.write(to_json(document) + "\n")
    err.print(escape(summarize(document)))
    if report:
        _print_report(document, err)


def _print_report(document: ParsedDocument, console: Console) -> None:
    from referat.parse.report import describe

    if document.report is not None:
        for line in describe(document.report, document.warnings):
            console.print(f"     {escape(line)}")


def _parse_folder(folder: Path, out_dir: Path, body: str | None, max_bytes: int, report: bool = False) -> int:
    """Parse every document, report each on one line, and say at the end what failed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    paths = list(find_documents(folder))
    for path in paths:
        try:
            document = parse_document(read_file(path, max_bytes), body=body)
        except ReferatError as exc:
            failures.append(str(exc))
            err.print(f"[red]FAIL[/red] {escape(str(exc))}")
            continue
        target = out_dir / f"{path.stem}.json"
        target.write_text(to_json(document) + "\n", encoding="utf-8")
        out.print(f"[green]ok[/green]   {escape(path.name)}: {escape(summarize(document))} -> {target}")
        if report:
            _print_report(document, out)
    out.print(f"{len(paths) - len(failures)} of {_count(len(paths), 'document')} parsed")
    return _report_failures(failures)


def _count(number: int, noun: str) -> str:
    """ "1 document", "5 documents"."""
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _report_failures(failures: list[str]) -> int:
    if not failures:
        return 0
    err.print(f"[red]{len(failures)} failed:[/red]")
    for failure in failures:
        err.print(f"  {escape(failure)}")
    return 1


def summarize(document: ParsedDocument) -> str:
    """One line: municipality, committee, start, items and decisions."""
    meeting = document.meeting
    decided = sum(1 for item in document.agenda_items if item.decision)
    return (
        f"{meeting.body or '?'} · {meeting.organization or '?'} · {meeting.start or '?'} · "
        f"{len(document.agenda_items)} items, {decided} decisions, {len(document.warnings)} warnings"
    )


def to_json(document: ParsedDocument) -> str:
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2)


def print_json(value: Any) -> None:
    """Write `value` (dataclasses, pydantic models, plain data) to standard output as JSON."""

    def encode(obj: Any) -> Any:
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return dataclasses.asdict(obj)
        if isinstance(obj, BaseModel):
            return obj.model_dump(mode="json")
        raise TypeError(f"cannot write {type(obj).__name__} as JSON")

    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=encode) + "\n")


def _open(db: str | None) -> Any:
    """The database, migrated; a database that cannot be opened is one line on stderr and exit code 1."""
    from referat.store.db import database_url, open_database

    try:
        return open_database(db)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        err.print(f"[red]error[/red] cannot open the database {escape(database_url(db))}: {escape(reason)}")
        raise typer.Exit(1) from None


def expand_sources(patterns: list[str]) -> list[str]:
    """URLs, files, folders (searched for documents) and glob patterns, in order, each once."""
    found: dict[str, None] = {}
    for pattern in patterns:
        if is_url(pattern):
            found[pattern] = None
            continue
        matches = sorted(glob.glob(pattern, recursive=True)) if glob.has_magic(pattern) else [pattern]
        for match in matches:
            path = Path(match)
            for document in find_documents(path) if path.is_dir() else [path]:
                found[str(document)] = None
    return list(found)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, glob patterns or URLs of minutes.")],
    db: DbOption = None,
    body: Annotated[
        str | None, typer.Option(callback=valid_text, help="Municipality of these documents (overrides the text).")
    ] = None,
    max_bytes: MaxBytesOption = MAX_DOCUMENT_BYTES,
    reread: Annotated[
        bool, typer.Option("--reread", help="Parse unchanged documents again (after upgrading referat).")
    ] = False,
) -> None:
    """Parse and store minutes; unchanged documents are skipped, new versions replace old ones."""
    from referat.store.ingest import STATUSES, record_failure
    from referat.store.ingest import ingest as ingest_document

    engine = _open(db)
    files = expand_sources(paths)
    counts: Counter[str] = Counter()
    failures: list[str] = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True, disable=len(files) < 2) as progress:
        task = progress.add_task("ingesting", total=len(files))
        for path in files:
            try:
                outcome = ingest_document(engine, read_source(path, max_bytes), body=body, reread=reread)
            except ReferatError as exc:
                outcome = record_failure(engine, path, None, exc.reason)
            except SQLAlchemyError as exc:
                # The database itself is gone (server stopped, disk full): no later document can be stored.
                progress.stop()
                err.print(
                    f"[red]error[/red] the database failed while storing {escape(str(path))}: "
                    f"{escape(str(getattr(exc, 'orig', None) or exc))}"
                )
                out.print(
                    f"stopped after {sum(counts.values())} of {len(files)} documents; those are stored completely"
                )
                raise typer.Exit(1) from None
            counts[outcome.status] += 1
            if outcome.status == "failed":
                failures.append(f"{outcome.uri}: {outcome.reason}")
            if outcome.note:
                progress.console.print(f"[yellow]note[/yellow] {escape(outcome.uri)}: {escape(outcome.note)}")
            progress.advance(task)
    if counts["stored"] + counts["replaced"] + counts["added"] >= OPTIMIZE_AFTER_DOCUMENTS:
        from referat.store.db import optimize

        optimize(engine)
    summary = ", ".join(f"{counts[s]} {s}" for s in STATUSES)
    out.print(f"{_count(len(files), 'document')}: {summary}")
    raise typer.Exit(_report_failures(failures))


@fetch_app.command("firstagenda")
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
    from referat.sources.firstagenda import ListedMeeting, Portal, mirror
    from referat.store.ingest import ingest as ingest_document

    if not is_url(base_url):
        err.print(f"[red]error[/red] {escape(base_url)}: not an http(s) address")
        raise typer.Exit(2)
    engine = _open(db) if ingest_into else None
    ingest_failures: list[str] = []

    def store(meeting: ListedMeeting, raw: RawDocument) -> None:
        assert engine is not None
        outcome = ingest_document(engine, raw, body=body)
        if outcome.status == "failed":
            ingest_failures.append(f"{outcome.uri}: {outcome.reason}")
        err.print(f"{escape(meeting.committee)} {meeting.start[:10]}: {outcome.status}")

    try:
        with Portal(base_url, delay=delay, max_bytes=max_bytes) as portal:
            report = mirror(portal, out_dir, since.date() if since else None, committee, store if engine else None)
    except ReferatError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None
    out.print(
        f"{report.listed} meetings listed: {len(report.fetched)} fetched, {report.unchanged} unchanged, "
        f"{len(report.failures)} failed -> {out_dir}"
    )
    raise typer.Exit(_report_failures(report.failures + ingest_failures))


def _filters(
    body: str | None,
    committee: str | None,
    date_from: str | None,
    date_to: str | None,
    outcome: str | None,
    public: bool | None,
    moved_by: str | None = None,
    motion_result: str | None = None,
    votes: tuple[bool | None, str | None, str | None, str | None] = (None, None, None, None),
) -> Any:
    from referat.store.search import Filters

    for label, value in (("--from", date_from), ("--to", date_to)):
        if value and not ISO_DATE.match(value):
            raise typer.BadParameter(f"{value!r} is not a date like 2024-05-31", param_hint=label)
    voted, party, member, side = votes
    return Filters(
        body,
        committee,
        date_from,
        date_to,
        outcome,
        public,
        moved_by=moved_by,
        motion_result=motion_result,
        voted=voted,
        vote_party=party,
        vote_member=member,
        vote_option=side,
    )


# A query may start with "-" ("-budget"): an unknown option is taken as the query, not refused.
@app.command(context_settings={"ignore_unknown_options": True})
def search(
    query: Annotated[str, typer.Argument(callback=valid_text, help='Words (all required) and "quoted phrases".')],
    db: DbOption = None,
    body: BodyOption = None,
    committee: CommitteeOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    outcome: OutcomeOption = None,
    public: PublicOption = None,
    moved_by: MovedByOption = None,
    motion_result: MotionResultOption = None,
    voted: VotedOption = None,
    party: VoterPartyOption = None,
    member: VoterOption = None,
    vote: VoteSideOption = None,
    without: Annotated[
        list[str] | None,
        typer.Option(
            "--without",
            help="A compound or related word the query's words should not stand for (repeatable): "
            '"borger" --without borgerbetjening.',
        ),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=500, help="Hits per page.")] = 20,
    page: Annotated[int, typer.Option(min=1, help="Page number.")] = 1,
    as_json: JsonOption = False,
) -> None:
    """Search agenda items in Danish: stems and compound words ("indsats" finds "beskæftigelsesindsatsen")."""
    from referat.store.search import search as run_search

    filters = _filters(
        body, committee, date_from, date_to, outcome, public, moved_by, motion_result, (voted, party, member, vote)
    )
    filters = dataclasses.replace(filters, without=tuple(without or ()))
    result = run_search(_open(db), query, filters, limit=limit, offset=(page - 1) * limit)
    if as_json:
        print_json(
            {
                "query": query,
                "total": result.total,
                "hits": result.hits,
                "facets": result.facets,
                "also_found_as": result.also_found_as,
                "left_out": result.left_out,
            }
        )
        return
    out.print(f"{_count(result.total, 'item')} match{'es' if result.total == 1 else ''} {query!r}")
    for label, found in (("also found as", result.also_found_as), ("left out", result.left_out)):
        if found:
            more = f" and {len(found) - SHOWN_WORDS} more" if len(found) > SHOWN_WORDS else ""
            out.print(f"[dim]{label}:[/dim] {escape(', '.join(found[:SHOWN_WORDS]))}{more}")
    for hit in result.hits:
        snippet = _markup_snippet(hit.snippet)
        out.print(
            f"\n[bold]{escape(hit.title)}[/bold]  [dim]{hit.item_id}[/dim]\n"
            f"{escape(hit.body or '?')} · {escape(hit.organization or '?')} · {hit.date or '?'} · item {hit.number} · "
            f"{', '.join(hit.outcomes) or '-'}\n{snippet}"
        )
    names = {
        "body": "municipality",
        "organization": "committee",
        "year": "year",
        "outcome": "outcome",
        "vote": "decided by vote",
        "public": "open or closed",
    }
    for name, values in result.facets.items():
        if values:
            out.print(f"\n[dim]{names[name]}:[/dim] " + ", ".join(f"{escape(v)} ({n})" for v, n in values[:8]))


def _markup_snippet(snippet: str) -> str:
    """An HTML snippet with <mark> as Rich markup."""
    import html

    parts = re.split(r"(<mark>|</mark>)", snippet)
    styled = []
    for part in parts:
        if part == "<mark>":
            styled.append("[bold yellow]")
        elif part == "</mark>":
            styled.append("[/bold yellow]")
        else:
            styled.append(escape(html.unescape(part)))
    return "".join(styled)


@show_app.command("meeting")
def show_meeting(
    meeting_id: Annotated[str, typer.Argument(callback=valid_text, help="Meeting id or a unique prefix of it.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """A meeting: header facts, attendance and the agenda with outcomes."""
    from referat.store.queries import NotFound, get_meeting

    try:
        full_id, document, item_ids = get_meeting(_open(db), meeting_id)
    except NotFound as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None
    if as_json:
        sys.stdout.write(to_json(document) + "\n")
        return
    m = document.meeting
    out.print(
        f"[bold]{escape(m.organization or '?')}[/bold] · {escape(m.body or '?')} · {m.start or '?'}  "
        f"[dim]{full_id}[/dim]"
    )
    out.print(f"Place: {escape(m.location or '-')}")
    out.print("Present: " + escape(", ".join(_person(p.name, p.party) for p in m.participants) or "-"))
    out.print("Absent: " + escape(", ".join(_person(p.name, p.party) for p in m.absent) or "-"))
    table = Table("item", "title", "outcome", "id")
    for item, item_id in zip(document.agenda_items, item_ids, strict=True):
        outcomes = ", ".join(item.decision.outcomes) if item.decision else ""
        table.add_row(str(item.number or ""), escape(item.title), outcomes, item_id)
    out.print(table)


def _person(name: str, party: str | None) -> str:
    return f"{name} ({party})" if party else name


@show_app.command("item")
def show_item(
    item_id: Annotated[str, typer.Argument(callback=valid_text, help="Agenda item id or a unique prefix of it.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """An agenda item: decision, votes, and its references resolved to stored items."""
    from referat.store.queries import NotFound, get_item

    try:
        view = get_item(_open(db), item_id)
    except NotFound as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None
    if as_json:
        print_json(
            {
                **dataclasses.asdict(view.ref),
                "item": view.item,
                "links": view.links,
                "referenced_by": view.referenced_by,
            }
        )
        return
    item, ref = view.item, view.ref
    out.print(f"[bold]Item {item.number}: {escape(item.title)}[/bold]  [dim]{ref.item_id}[/dim]")
    out.print(
        f"{escape(ref.body or '?')} · {escape(ref.organization or '?')} · {ref.date} · case {item.case_number or '-'}"
    )
    for number, proposal in enumerate(item.proposals, start=1):
        out.print(f"  {number}. {escape(proposal)}")
    if item.decision:
        out.print(f"[bold]Decision[/bold] ({', '.join(item.decision.outcomes)}): {escape(item.decision.text)}")
        summary = labels.outcome_summary(item.decision)
        if summary:
            out.print(f"  {escape(summary)}")
    _print_vote_events(item)
    for link in view.links:
        target = f"-> {link.target.item_id} {escape(link.target.title)}" if link.target else "(not in the database)"
        out.print(f"  {link.kind}: {escape(link.organization)} {link.date or ''} {link.item_number or ''} {target}")
    for other in view.referenced_by:
        out.print(
            f"  referenced by: {other.item_id} {escape(other.organization or '')} {other.date} {escape(other.title)}"
        )


def _print_vote_events(item: AgendaItem) -> None:
    """The ballots grouped by the vote event they decided, each with what it was on, who moved it
    and how it ended; ballots the text ties to no event last."""
    motions = item.decision.motions if item.decision else []
    for index, motion in enumerate(motions):
        result = labels.MOTION_RESULT_LABELS.get(motion.result or "", "resultat ikke angivet")
        movers = ", ".join(motion.moved_by + motion.moved_by_parties) or "forslagsstiller ikke angivet"
        out.print(f"  [bold]{escape(labels.motion_title(motion))}[/bold] · {result} · {escape(movers)}")
        for vote in (vote for vote in item.votes if vote.motion == index):
            out.print(f"    {labels.VOTE_LABELS[vote.option]}: {escape(_side(vote))}")
    untied = [vote for vote in item.votes if vote.motion is None]
    if untied and motions:
        out.print("  [bold]Øvrige stemmer[/bold] (referatet siger ikke, hvilket forslag de gjaldt)")
    for vote in untied:
        out.print(f"    {labels.VOTE_LABELS[vote.option]}: {escape(_side(vote))}")


def _side(vote: Vote) -> str:
    count = f" ({vote.count})" if vote.count is not None else ""
    return ", ".join(vote.names + vote.parties) + count


def _json_or_missing(found: list[Any], as_json: bool, missing: str) -> None:
    """Print `found` as JSON and stop, or stop with `missing` (exit code 1) when nothing was found."""
    if as_json:
        print_json(found)
        raise typer.Exit(0)
    if not found:
        err.print(escape(missing))
        raise typer.Exit(1)


@app.command()
def case(
    case_number: Annotated[str, typer.Argument(callback=valid_text, help="Case number, e.g. 22-28-15.00.00-P20.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """A case's timeline across meetings and committees."""
    from referat.store.queries import case_timeline

    entries = case_timeline(_open(db), case_number)
    _json_or_missing(entries, as_json, f"no stored item has case number {case_number}")
    table = Table("date", "committee", "item", "title", "outcome", "via", "id", title=f"Case {escape(case_number)}")
    for e in entries:
        t = e.target
        table.add_row(
            e.date or "?",
            escape(e.organization),
            str(t.number) if t and t.number else "",
            escape(t.title) if t else escape(e.text or "(not in the database)"),
            ", ".join(t.outcomes) if t else "",
            e.via,
            t.item_id if t else "",
        )
    out.print(table)


@app.command()
def person(
    name: Annotated[
        str, typer.Argument(callback=valid_text, help="A name or part of one; case and å/aa do not matter.")
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """A person's attendance and voting record."""
    from referat.store.queries import person_records

    records = person_records(_open(db), name)
    _json_or_missing(records, as_json, f"no stored person matches {name!r}")
    for record in records:
        present = sum(1 for a in record.attendance if a[2] == "present")
        out.print(
            f"\n[bold]{escape(_person(record.name, record.party))}[/bold] · {escape(record.body or '?')} · "
            f"{present} meetings, {len(record.attendance) - present} absences, {len(record.votes)} votes"
        )
        for date, organization, status, _ in record.attendance:
            out.print(f"  {date} {escape(organization or '?')}: {status}")
        for vote in record.votes:
            ref = vote.item
            on = f" ({vote.motion_kind}: {vote.motion_text})" if vote.motion_text else ""
            out.print(
                f"  {ref.date} {escape(ref.organization or '')} item {ref.number}: {vote.option} "
                f"{escape(vote.subject or '')} - {escape(ref.title)}{escape(on)}"
            )


@app.command()
def export(
    export_format: Annotated[
        str | None, typer.Option("--format", help="json or csv. Default: json, or csv with --excel.")
    ] = None,
    output: Annotated[Path | None, typer.Option("--out", help="File to write; default standard output.")] = None,
    db: DbOption = None,
    body: BodyOption = None,
    committee: CommitteeOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    outcome: OutcomeOption = None,
    public: PublicOption = None,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="Where the web UI runs, e.g. http://127.0.0.1:8000: adds each item's page."),
    ] = None,
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV for Excel: UTF-8 with a BOM and ';' between fields.")
    ] = False,
    motions: Annotated[
        bool, typer.Option("--motions", help="One row per vote event (what was voted on, by whom, how it ended).")
    ] = False,
    moved_by: MovedByOption = None,
    motion_result: MotionResultOption = None,
    voted: VotedOption = None,
    party: VoterPartyOption = None,
    member: VoterOption = None,
    vote: VoteSideOption = None,
) -> None:
    """Export agenda items with their meeting facts as JSON or CSV (one row per item; yes/no as ja/nej)."""
    from referat.serve.export import write_csv, write_json
    from referat.serve.labels import is_web_url
    from referat.store.queries import export_items

    export_format = export_format or ("csv" if excel else "json")
    if export_format not in {"json", "csv"} or (excel and export_format != "csv"):
        raise typer.BadParameter("choose json or csv (--excel writes csv)", param_hint="--format")
    if base_url is not None and not is_web_url(base_url):
        raise typer.BadParameter(f"{base_url!r} is not an http:// or https:// URL", param_hint="--base-url")
    filters = _filters(
        body, committee, date_from, date_to, outcome, public, moved_by, motion_result, (voted, party, member, vote)
    )
    records = export_items(_open(db), filters)
    stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        chosen = {"moved_by": moved_by, "motion_result": motion_result}
        if export_format == "json":
            written = write_json(records, stream, base_url, motions, **chosen)
        else:
            written = write_csv(records, stream, base_url, excel, motions, **chosen)
    finally:
        if output:
            stream.close()
    if output:
        err.print(f"{written} {'vote events' if motions else 'items'} written to {output}")


@app.command()
def stats(
    db: DbOption = None,
    as_json: JsonOption = False,
    show_coverage: Annotated[
        bool, typer.Option("--coverage", help="How much of the items the parser understood, per committee.")
    ] = False,
    body: BodyOption = None,
    committee: CommitteeOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
) -> None:
    """Counts per municipality, committee, year and outcome; with --coverage, the parser's coverage."""
    from referat.store.queries import coverage, statistics

    engine = _open(db)
    if show_coverage:
        report = coverage(engine, _filters(body, committee, date_from, date_to, None, None))
        if as_json:
            print_json(report)
            return
        _print_coverage(report)
        return
    numbers = statistics(engine)
    if as_json:
        print_json(numbers)
        return
    for title, rows in numbers.items():
        table = Table(title=title, show_header=False)
        for label, count in rows:
            table.add_row(escape(label or "(unknown)"), str(count))
        out.print(table)


@app.command("eval")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of hand-checked <name>.gold.json files (searched below).")],
    predicted_dir: Annotated[
        Path | None, typer.Argument(help="Folder of <name>.json parse outputs; default: parse the documents.")
    ] = None,
    documents: Annotated[
        Path | None,
        typer.Option("--parse", help="Parse the documents <name>.* found below this folder. Default: beside the gold."),
    ] = None,
    as_json: JsonOption = False,
    min_f1: Annotated[
        float | None, typer.Option("--min-f1", help="Exit 1 when the overall field F1 is below this.")
    ] = None,
) -> None:
    """Field precision, recall and F1 of parse output against hand-checked gold, per document and overall."""
    from referat.evaluate import Score, evaluate_folder

    results = evaluate_folder(gold_dir, predicted_dir, documents)
    if not results:
        err.print(f"[red]error[/red] no *.gold.json below {escape(str(gold_dir))}")
        raise typer.Exit(1)
    total = Score()
    for result in results:
        total.add(result.score)
    if as_json:
        print_json(
            {
                "documents": [_document_figures(r) for r in results],
                "fields": {name: _figures(tally) for name, tally in sorted(total.fields.items())},
                "overall": _figures(total.total),
            }
        )
    else:
        _print_scores("documents", [(r.gold.name.removesuffix(".gold.json"), r.score.total, r.error) for r in results])
        _print_scores("fields", [(name, tally, None) for name, tally in sorted(total.fields.items())])
        overall = total.total
        out.print(f"overall: precision {overall.precision:.3f}, recall {overall.recall:.3f}, F1 {overall.f1:.3f}")
    raise typer.Exit(1 if min_f1 is not None and total.total.f1 < min_f1 else 0)


def _figures(tally: Any) -> dict[str, Any]:
    return {"precision": tally.precision, "recall": tally.recall, "f1": tally.f1} | {
        "tp": tally.tp,
        "fp": tally.fp,
        "fn": tally.fn,
    }


def _document_figures(result: Any) -> dict[str, Any]:
    document = str(result.document) if result.document else None
    return {"gold": str(result.gold), "document": document, "error": result.error} | _figures(result.score.total)


def _print_scores(title: str, rows: list[tuple[str, Any, str | None]]) -> None:
    table = Table(title=title)
    for header in (title[:-1], "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(header, justify="left" if header == title[:-1] else "right")
    for name, tally, error in rows:
        label = escape(name) + (f" [red]({escape(error)})[/red]" if error else "")
        figures = (f"{tally.precision:.3f}", f"{tally.recall:.3f}", f"{tally.f1:.3f}")
        table.add_row(label, *figures, str(tally.tp), str(tally.fp), str(tally.fn))
    out.print(table)


@app.command()
def check(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Check that every stored document's items are in its meeting, and list meetings kept apart after a clash."""
    from referat.store.integrity import check_integrity

    report = check_integrity(_open(db))
    if as_json:
        print_json(report)
    else:
        for problem in report.problems:
            out.print(f"[red]problem[/red] {escape(problem)}")
        for clash in report.clashes:
            out.print(f"[yellow]clash[/yellow]   {escape(clash)}")
        out.print(
            f"{report.documents} documents, {report.meetings} meetings: "
            f"{len(report.problems)} problems, {len(report.clashes)} clashes"
        )
    raise typer.Exit(1 if report.problems else 0)


def _print_coverage(report: Any) -> None:
    headers = ("municipality", "committee", "meetings", "items", "decision", "classified", "votes", "refs", "case no.")
    table = Table(title="coverage (shares of items; classified: of items with a decision text)")
    for header in (*headers, "sections"):
        table.add_column(header, justify="left" if header in {"municipality", "committee"} else "right")
    for row in report.rows:
        table.add_row(
            escape(row.body or "(unknown)"),
            escape(row.organization or "(unknown)"),
            str(row.meetings),
            str(row.items),
            _share(row.with_decision, row.items),
            _share(row.classified, row.with_decision),
            _share(row.with_votes, row.items),
            _share(row.with_references, row.items),
            _share(row.with_case_number, row.items),
            _share(row.with_sections, row.items) if row.with_sections is not None else "–",
        )
    out.print(table)
    for title, counts in (
        ('most frequent decision texts with outcome "other"', report.unclassified),
        ("layouts the documents were read by (meetings)", report.readings),
        ("section headings of no known kind (occurrences)", report.unknown_headings),
    ):
        if counts:
            gaps = Table(title=title, show_header=False)
            for text, count in counts:
                gaps.add_row(str(count), escape(text[:110]))
            out.print(gaps)


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 to serve the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Server processes; one per core for many users.")] = 1,
) -> None:
    """Serve the web UI (Danish), the OParl 1.1 API under /oparl/v1/ and the API docs at /docs."""
    import os

    import uvicorn

    from referat.settings import DATABASE_ENV
    from referat.store.db import database_url

    engine = _open(db)  # a database that cannot be opened is one clear line, before the server starts
    engine.dispose()
    out.print(f"referat serves http://{host}:{port}/  (API docs: http://{host}:{port}/docs; stop with Ctrl+C)")
    # Worker processes build the app themselves from the import path; they find the database in the environment.
    os.environ[DATABASE_ENV] = database_url(db)
    app_factory = "referat.serve.app:create_app"
    uvicorn.run(app_factory, factory=True, host=host, port=port, workers=workers, log_level="warning")


@app.command()
def generate(
    meetings: Annotated[int, typer.Option("--meetings", min=1, help="How many meetings to write.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write the minutes to.")],
    seed: Annotated[int, typer.Option(help="The same seed always writes the same minutes.")] = 1,
) -> None:
    """Write realistic synthetic minutes (several municipalities, committees and layouts) for tests and benchmarks."""
    from referat.generate.minutes import write_corpus

    paths = write_corpus(meetings, out_dir, seed)
    size = sum(p.stat().st_size for p in paths)
    out.print(f"{len(paths)} meetings written to {out_dir} ({size / 1e6:.1f} MB)")
