"""Command line: thin wrappers around the stages' public functions."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from referat.errors import ReferatError
from referat.model import ParsedDocument
from referat.parse.document import parse_document
from referat.sources.files import find_documents, read_file

app = typer.Typer(
    help="Turn Danish municipal committee minutes into structured, searchable data.", no_args_is_help=True
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


@app.callback()
def main() -> None:
    """referat: Danish committee minutes as open data."""


@app.command()
def parse(
    path: Annotated[Path, typer.Argument(help="A minutes file (text or Markdown), or a folder of them.")],
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder for one JSON file per document when PATH is a folder.")
    ] = Path("parsed"),
    body: Annotated[
        str | None, typer.Option(help='Municipality, e.g. "Gladsaxe Kommune", when the text does not name it.')
    ] = None,
) -> None:
    """Parse minutes: one file prints its JSON; a folder writes one JSON per document."""
    if path.is_dir():
        raise typer.Exit(_parse_folder(path, out_dir, body))
    try:
        document = parse_document(read_file(path), body=body)
    except ReferatError as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(1) from None
    sys.stdout.write(to_json(document) + "\n")


def _parse_folder(folder: Path, out_dir: Path, body: str | None) -> int:
    """Parse every document, report each on one line, and say at the end what failed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    paths = list(find_documents(folder))
    for path in paths:
        try:
            document = parse_document(read_file(path), body=body)
        except ReferatError as exc:
            failures.append(str(exc))
            err.print(f"[red]FAIL[/red] {exc}")
            continue
        target = out_dir / f"{path.stem}.json"
        target.write_text(to_json(document) + "\n", encoding="utf-8")
        out.print(f"[green]ok[/green]   {path.name}: {summarize(document)} -> {target}")
    out.print(f"{len(paths) - len(failures)} of {len(paths)} documents parsed")
    if failures:
        err.print(f"[red]{len(failures)} failed:[/red]")
        for failure in failures:
            err.print(f"  {failure}")
        return 1
    return 0


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
