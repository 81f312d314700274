"""Commands that report on the store: export, stats, eval, check."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from referat.cli.common import (
    BodyOption,
    CommitteeOption,
    DbOption,
    FromOption,
    JsonOption,
    MotionResultOption,
    MovedByOption,
    OutcomeOption,
    PublicOption,
    ToOption,
    VotedOption,
    VoterOption,
    VoterPartyOption,
    VoteSideOption,
    err,
    open_db,
    out,
    print_json,
    search_filters,
)
from referat.serve import labels


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
    from referat.cli.progress import Counts
    from referat.serve.export import REPORT_EVERY, write_csv, write_json
    from referat.serve.labels import is_web_url
    from referat.store.queries import export_items

    export_format = export_format or ("csv" if excel else "json")
    if export_format not in {"json", "csv"} or (excel and export_format != "csv"):
        raise typer.BadParameter("vælg json eller csv (--excel skriver csv)", param_hint="--format")
    if base_url is not None and not is_web_url(base_url):
        raise typer.BadParameter(f"{base_url!r} er ikke en http://- eller https://-adresse", param_hint="--base-url")
    filters = search_filters(
        body, committee, date_from, date_to, outcome, public, moved_by, motion_result, (voted, party, member, vote)
    )
    records = export_items(open_db(db), filters)
    stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    # A long export shows how far it got (a few hundred rows need no bar: the summary says it all).
    noun = "afstemninger" if motions else "punkter"
    shown = Counts(err, f"{noun} skrevet") if len(records) >= REPORT_EVERY else None
    try:
        if export_format == "json":
            written = write_json(records, stream, base_url, motions, moved_by, motion_result, shown)
        else:
            written = write_csv(records, stream, base_url, excel, motions, moved_by, motion_result, shown)
    finally:
        if output:
            stream.close()
    where = f" til {output}" if output else ""
    err.print(f"{written} {noun} skrevet{where}")


# The statistics' tables (store/queries.py `statistics`, whose JSON keeps these keys) as a reader says them.
STATISTICS_TITLES = {
    "meetings per municipality": "møder pr. kommune",
    "meetings per committee": "møder pr. udvalg",
    "items per year": "punkter pr. år",
    "items per outcome": "punkter pr. udfald",
    "documents": "dokumenter",
    "ingest failures": "fejl ved indlæsning",
}
STATISTICS_ROWS = {"stored": "gemt", "recorded": "registreret"}


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

    engine = open_db(db)
    if show_coverage:
        report = coverage(engine, search_filters(body, committee, date_from, date_to, None, None))
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
        table = Table(title=STATISTICS_TITLES.get(title, title), show_header=False)
        for label, number in rows:
            shown = labels.outcome_label(label) if title == "items per outcome" else label
            table.add_row(escape(STATISTICS_ROWS.get(shown, shown) or "(ukendt)"), str(number))
        out.print(table)


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
        err.print(f"[red]fejl[/red] ingen *.gold.json under {escape(str(gold_dir))}")
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
        _print_scores("dokument", [(r.gold.name.removesuffix(".gold.json"), r.score.total, r.error) for r in results])
        _print_scores("felt", [(name, tally, None) for name, tally in sorted(total.fields.items())])
        overall = total.total
        out.print(f"samlet: præcision {overall.precision:.3f}, genkald {overall.recall:.3f}, F1 {overall.f1:.3f}")
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
    for header in (title, "præcision", "genkald", "F1", "tp", "fp", "fn"):
        table.add_column(header, justify="left" if header == title else "right")
    for name, tally, error in rows:
        label = escape(name) + (f" [red]({escape(error)})[/red]" if error else "")
        figures = (f"{tally.precision:.3f}", f"{tally.recall:.3f}", f"{tally.f1:.3f}")
        table.add_row(label, *figures, str(tally.tp), str(tally.fp), str(tally.fn))
    out.print(table)


def check(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Check that every stored document's items are in its meeting, and list meetings kept apart after a clash."""
    from referat.store.integrity import check_integrity

    report = check_integrity(open_db(db))
    if as_json:
        print_json(report)
    else:
        for problem in report.problems:
            out.print(f"[red]problem[/red] {escape(problem)}")
        for clash in report.clashes:
            out.print(f"[yellow]sammenstød[/yellow] {escape(clash)}")
        out.print(
            f"{labels.count_of(report.documents, 'dokument', 'dokumenter')}, "
            f"{labels.count_of(report.meetings, 'møde', 'møder')}: "
            f"{labels.count_of(len(report.problems), 'problem', 'problemer')}, "
            f"{labels.count_of(len(report.clashes), 'sammenstød', 'sammenstød')}"
        )
    raise typer.Exit(1 if report.problems else 0)


def _print_coverage(report: Any) -> None:
    headers = ("kommune", "udvalg", "møder", "punkter", "beslutn.", "udfald", "stemmer", "henv.", "sagsnr.")
    table = Table(title="dækning (andel af punkterne; udfald: af punkter med en beslutningstekst)")
    for header in (*headers, "afsnit"):
        table.add_column(header, justify="left" if header in {"kommune", "udvalg"} else "right")
    for row in report.rows:
        table.add_row(
            escape(row.body or "(ukendt)"),
            escape(row.organization or "(ukendt)"),
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
        ("hyppigste beslutningstekster med udfaldet “Andet”", report.unclassified),
        ("opbygninger, dokumenterne er læst efter (møder)", report.readings),
        ("afsnitsoverskrifter af ukendt slags (forekomster)", report.unknown_headings),
    ):
        if counts:
            gaps = Table(title=title, show_header=False)
            for text, count in counts:
                gaps.add_row(str(count), escape(text[:110]))
            out.print(gaps)


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"
