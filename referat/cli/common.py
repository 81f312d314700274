"""What every command shares: the consoles, the options, opening the database, JSON and counts."""

from __future__ import annotations

import dataclasses
import glob
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from referat.serve import labels

if TYPE_CHECKING:  # the command starts without pydantic, SQLAlchemy or the readers: each command imports what it uses
    from referat.model import ParsedDocument

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
            raise typer.BadParameter("er ikke gyldig UTF-8-tekst") from None
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
    """A callback taking a code, its Danish label or a common word for it ("rejected", "Ikke godkendt",
    "afvist"), as the web UI does."""

    def code(value: str | None) -> str | None:
        if value is None:
            return None
        found = choice.code(value)
        if found is None:
            raise typer.BadParameter(f"ukendt {choice.danish_noun} {value!r}; brug en af: {choice.accepted()}")
        return found

    return code


OutcomeOption = Annotated[
    str | None,
    typer.Option(
        "--outcome",
        callback=coded(labels.OUTCOMES),
        help='Only items with this outcome: a code, its Danish label or a common word ("Godkendt", "afvist").',
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
        "--vote",
        callback=coded(labels.VOTES),
        help="With --party or --member: how they voted: for, against, abstain (or ja, nej, undlod).",
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
SHOWN_WORDS = 20  # words of "fundet også som" that `search` prints; the JSON has them all


# What became of a document at ingest (store/ingest.py `Status`), as the command says it.
STATUS_LABELS = {
    "stored": "gemt",
    "replaced": "erstattet",
    "added": "tilføjet",
    "superseded": "afløst",
    "reread": "genlæst",
    "unchanged": "uændret",
    "failed": "fejlede",
}


def report_failures(failures: list[str]) -> int:
    if not failures:
        return 0
    err.print(f"[red]{len(failures)} fejlede:[/red]")
    for failure in failures:
        err.print(f"  {escape(failure)}")
    return 1


def summarize(document: ParsedDocument) -> str:
    """One line: municipality, committee, date, items and decisions; a missing fact says so."""
    meeting = document.meeting
    decided = sum(1 for item in document.agenda_items if item.decision)
    return (
        f"{meeting.body or 'ukendt kommune (angiv den med --body)'} · {meeting.organization or 'ukendt udvalg'} · "
        f"{labels.danish_date(meeting.start) or 'ukendt dato'} · "
        f"{labels.count_of(len(document.agenda_items), 'punkt', 'punkter')}, "
        f"{labels.count_of(decided, 'beslutning', 'beslutninger')}, "
        f"{labels.count_of(len(document.warnings), 'advarsel', 'advarsler')}"
    )


def to_json(document: ParsedDocument) -> str:
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2)


def print_json(value: Any) -> None:
    """Write `value` (dataclasses, pydantic models, plain data) to standard output as JSON."""

    def encode(obj: Any) -> Any:
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return dataclasses.asdict(obj)
        from pydantic import BaseModel

        if isinstance(obj, BaseModel):
            return obj.model_dump(mode="json")
        raise TypeError(f"cannot write {type(obj).__name__} as JSON")

    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=encode) + "\n")


def open_db(db: str | None) -> Any:
    """The database, migrated; a database that cannot be opened is one line on stderr and exit code 1."""
    from sqlalchemy.exc import SQLAlchemyError

    from referat.cli.progress import Counts
    from referat.store.db import database_url, open_database

    try:
        return open_database(db, on_progress=Counts(err, "punkter indekseret igen efter opgraderingen"))
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        err.print(f"[red]fejl[/red] databasen {escape(database_url(db))} kan ikke åbnes: {escape(reason)}")
        raise typer.Exit(1) from None


def expand_sources(patterns: list[str]) -> list[str]:
    """URLs, files, folders (searched for documents) and glob patterns, in order, each once."""
    from referat.sources import is_url
    from referat.sources.files import find_documents

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


def search_filters(
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
            raise typer.BadParameter(f"{value!r} er ikke en dato som 2024-05-31", param_hint=label)
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


def person_label(name: str, party: str | None) -> str:
    return f"{name} ({party})" if party else name


def json_or_missing(found: list[Any], as_json: bool, missing: str) -> None:
    """Print `found` as JSON and stop, or stop with `missing` (exit code 1) when nothing was found."""
    if as_json:
        print_json(found)
        raise typer.Exit(0)
    if not found:
        err.print(escape(missing))
        raise typer.Exit(1)
