"""Command line: thin wrappers around the stages' public functions, one module per group of commands.

This module only assembles the `referat` command from them, so `referat --help` lists every command
in one place and in the order a user meets them.
"""

from __future__ import annotations

import typer

from referat.cli import documents, lookup, reports, run

app = typer.Typer(
    help="Turn Danish municipal committee minutes into structured, searchable data.", no_args_is_help=True
)
show_app = typer.Typer(help="Show one stored meeting or agenda item.", no_args_is_help=True)
fetch_app = typer.Typer(help="Fetch minutes from a municipality's publication portal.", no_args_is_help=True)


@app.callback()
def main() -> None:
    """referat: Danish committee minutes as open data."""


app.command()(documents.parse)
app.command()(documents.ingest)
app.add_typer(fetch_app, name="fetch")
fetch_app.command("firstagenda")(documents.fetch_firstagenda)
# A query may start with "-" ("-budget"): an unknown option is taken as the query, not refused.
app.command(context_settings={"ignore_unknown_options": True})(lookup.search)
app.add_typer(show_app, name="show")
show_app.command("meeting")(lookup.show_meeting)
show_app.command("item")(lookup.show_item)
app.command()(lookup.case)
app.command()(lookup.person)
app.command()(reports.export)
app.command()(reports.stats)
app.command("eval")(reports.evaluate)
app.command()(reports.check)
app.command()(run.serve)
app.command()(run.generate)
