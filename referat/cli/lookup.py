"""Commands that look up stored minutes: search, show, case, person."""

from __future__ import annotations

import dataclasses
import re
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from referat.cli.common import (
    SHOWN_WORDS,
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
    json_or_missing,
    open_db,
    out,
    person_label,
    print_json,
    search_filters,
    to_json,
    valid_text,
)
from referat.serve import labels

if TYPE_CHECKING:
    from referat.model import AgendaItem, Vote
    from referat.store.search import Group, Hit


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
    group: Annotated[
        bool,
        typer.Option(
            "--group/--no-group",
            help="Show a page's hits of one case as one result, with the case's path through the committees.",
        ),
    ] = True,
    as_json: JsonOption = False,
) -> None:
    """Search agenda items in Danish: stems and compound words ("indsats" finds "beskæftigelsesindsatsen")."""
    from referat.store.search import search as run_search

    filters = search_filters(
        body, committee, date_from, date_to, outcome, public, moved_by, motion_result, (voted, party, member, vote)
    )
    filters = dataclasses.replace(filters, without=tuple(without or ()))
    result = run_search(open_db(db), query, filters, limit=limit, offset=(page - 1) * limit, group=group)
    groups = result.groups_by_hit()
    if as_json:
        print_json(
            {
                "query": query,
                "total": result.total,
                "cases_on_page": result.cases_on_page,
                "hits": [
                    {**hit.__dict__, "group": groups[hit.item_id].described() if hit.item_id in groups else None}
                    for hit in result.hits
                ],
                "facets": result.facets,
                "also_found_as": result.also_found_as,
                "also_found_counts": result.also_found_counts,
                "left_out": result.left_out,
                "not_found_without": result.not_found_without,
                "related_words": result.related_words,
            }
        )
        return
    out.print(f"{labels.count_of(result.total, 'punkt', 'punkter')} matcher {labels.quoted(query)}")
    counted = [f"{word} ({result.also_found_counts[word]})" for word in result.also_found_as]
    for label, found in (("fundet også som (punkter i alt)", counted), ("udeladt", result.left_out)):
        if found:
            more = f" og {len(found) - SHOWN_WORDS} flere" if len(found) > SHOWN_WORDS else ""
            out.print(f"[dim]{label}:[/dim] {escape(', '.join(found[:SHOWN_WORDS]))}{more}")
    for word in result.not_found_without:
        err.print(f"[yellow]bemærk[/yellow] --without {escape(word)!r}: ikke blandt de ord, søgningen også fandt")
    if result.matches:
        out.print(labels.shown_items((page - 1) * limit + 1, len(result.matches), result.total, result.cases_on_page))
    for case in result.groups:
        _print_hit(case.lead)
        if len(case.path) > 1:
            out.print(_path_line(case))
    related = [hit for hit in result.hits if hit.related]
    if related:
        out.print(
            "\n[bold]Beslægtede punkter[/bold] [dim](uden søgeordene, men med ord som de første resultater har "
            f"til fælles: {escape(', '.join(result.related_words))})[/dim]"
        )
    for hit in related:
        _print_hit(hit)
    for name, values in result.facets.items():
        if values:
            shown = ", ".join(f"{escape(_facet_value(name, value))} ({n})" for value, n in values[:8])
            out.print(f"\n[dim]{FACET_NAMES[name]}:[/dim] {shown}")


def _print_hit(hit: Hit) -> None:
    out.print(
        f"\n[bold]{escape(hit.title)}[/bold]  [dim]{hit.item_id}[/dim]\n"
        f"{escape(hit.body or '?')} · {escape(hit.organization or '?')} · {hit.date or '?'} · punkt {hit.number} · "
        f"{labels.outcome_labels(hit.outcomes) or '-'}\n{_markup_snippet(hit.snippet)}"
    )


def _path_line(case: Group) -> str:
    """ "forløb: Økonomiudvalget 2023-03-06 → Byråd 2023-03-27 (hele sagen: referat case 22-011409)", the
    treatments of a result's case, the one shown in bold."""
    steps = []
    for step in case.path:
        step_text = escape(f"{step.organization or '?'} {step.date or '?'}")
        steps.append(f"[bold]{step_text}[/bold]" if step.item_id == case.lead.item_id else step_text)
    whole = f" [dim](hele sagen: referat case {escape(case.case_number)})[/dim]" if case.case_number else ""
    return "[dim]forløb:[/dim] " + " → ".join(steps) + whole


FACET_NAMES = {
    "body": "kommune",
    "organization": "udvalg",
    "year": "år",
    "outcome": "udfald",
    "vote": "afgjort ved afstemning",
    "public": "åben eller lukket",
}


def _facet_value(facet: str, value: str) -> str:
    """A facet's value as the web UI shows it: outcomes, "decided by vote" and access in Danish."""
    if facet == "outcome":
        return labels.outcome_label(value)
    if facet == "vote":
        return "Afgjort ved afstemning"
    if facet == "public":
        return labels.ACCESS.labels.get(value, value)
    return value


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


def show_meeting(
    meeting_id: Annotated[str, typer.Argument(callback=valid_text, help="Meeting id or a unique prefix of it.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """A meeting: header facts, attendance and the agenda with outcomes."""
    from referat.store.queries import NotFound, get_meeting

    try:
        full_id, document, item_ids = get_meeting(open_db(db), meeting_id)
    except NotFound as exc:
        err.print(f"[red]fejl[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None
    if as_json:
        sys.stdout.write(to_json(document) + "\n")
        return
    m = document.meeting
    out.print(
        f"[bold]{escape(m.organization or '?')}[/bold] · {escape(m.body or '?')} · {m.start or '?'}  "
        f"[dim]{full_id}[/dim]"
    )
    out.print(f"Sted: {escape(m.location or '-')}")
    out.print("Til stede: " + escape(", ".join(person_label(p.name, p.party) for p in m.participants) or "-"))
    out.print("Fraværende: " + escape(", ".join(person_label(p.name, p.party) for p in m.absent) or "-"))
    table = Table("punkt", "titel", "udfald", "id")
    for item, item_id in zip(document.agenda_items, item_ids, strict=True):
        outcomes = labels.outcome_labels(item.decision.outcomes) if item.decision else ""
        table.add_row(str(item.number or ""), escape(item.title), outcomes, item_id)
    out.print(table)


def show_item(
    item_id: Annotated[str, typer.Argument(callback=valid_text, help="Agenda item id or a unique prefix of it.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """An agenda item: decision, votes, and its references resolved to stored items."""
    from referat.store.queries import NotFound, get_item

    try:
        view = get_item(open_db(db), item_id)
    except NotFound as exc:
        err.print(f"[red]fejl[/red] {escape(str(exc))}")
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
    out.print(f"[bold]Punkt {item.number}: {escape(item.title)}[/bold]  [dim]{ref.item_id}[/dim]")
    out.print(
        f"{escape(ref.body or '?')} · {escape(ref.organization or '?')} · {ref.date} · sag {item.case_number or '-'}"
    )
    for number, proposal in enumerate(item.proposals, start=1):
        out.print(f"  {number}. {escape(proposal)}")
    if item.decision:
        out.print(
            f"[bold]Beslutning[/bold] ({labels.outcome_labels(item.decision.outcomes)}): {escape(item.decision.text)}"
        )
        summary = labels.outcome_summary(item.decision)
        if summary:
            out.print(f"  {escape(summary)}")
    _print_vote_events(item)
    for link in view.links:
        target = f"-> {link.target.item_id} {escape(link.target.title)}" if link.target else "(ikke i databasen)"
        kind = labels.CONSULTATION_LABELS.get(link.kind, link.kind)
        out.print(f"  {kind}: {escape(link.organization)} {link.date or ''} {link.item_number or ''} {target}")
    for other in view.referenced_by:
        out.print(
            f"  henvist til fra: {other.item_id} {escape(other.organization or '')} {other.date} {escape(other.title)}"
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
    """ "Liselott Blixt, V, A (19)", or the count alone when nobody is named."""
    named = ", ".join(vote.names + vote.parties)
    if vote.count is None:
        return named
    return f"{named} ({vote.count})" if named else str(vote.count)


def case(
    case_number: Annotated[str, typer.Argument(callback=valid_text, help="Case number, e.g. 22-28-15.00.00-P20.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """A case's timeline across meetings and committees."""
    from referat.store.queries import case_timeline

    entries = case_timeline(open_db(db), case_number)
    json_or_missing(entries, as_json, f"intet gemt punkt har sagsnummer {case_number}")
    out.print(f"[bold]Sag {escape(case_number)}[/bold] · {labels.count_of(len(entries), 'behandling', 'behandlinger')}")
    # One heading per meeting and the items under it, so that a narrow terminal wraps titles, not columns.
    meeting = None
    for entry in entries:
        if (entry.date, entry.organization) != meeting:
            meeting = (entry.date, entry.organization)
            out.print(f"\n{labels.danish_date(entry.date) or '?'} · {escape(entry.organization)}")
        target = entry.target
        title = target.title if target else entry.text or "(ikke i databasen)"
        out.print(f"  {str(target.number) if target and target.number else '–':>3}  {escape(title)}")
        facts = [labels.outcome_labels(target.outcomes) if target else "", labels.VIA_LABELS.get(entry.via, entry.via)]
        facts.append(f"[dim]{target.item_id}[/dim]" if target else "")
        out.print("       " + " · ".join(fact for fact in facts if fact))


def person(
    name: Annotated[
        str, typer.Argument(callback=valid_text, help="A name or part of one; case and å/aa do not matter.")
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """A person's attendance and voting record."""
    from referat.store.queries import person_records

    records = person_records(open_db(db), name)
    json_or_missing(records, as_json, f"ingen gemt person matcher {name!r}")
    for record in records:
        present = sum(1 for a in record.attendance if a[2] == "present")
        out.print(
            f"\n[bold]{escape(person_label(record.name, record.party))}[/bold] · {escape(record.body or '?')} · "
            f"{labels.count_of(present, 'møde', 'møder')}, "
            f"{labels.count_of(len(record.attendance) - present, 'fravær', 'fravær')}, "
            f"{labels.count_of(len(record.votes), 'stemme', 'stemmer')}"
        )
        for date, organization, status, _ in record.attendance:
            out.print(f"  {date} {escape(organization or '?')}: {labels.ATTENDANCE_LABELS.get(status, status)}")
        for vote in record.votes:
            ref = vote.item
            kind = labels.MOTION_KIND_LABELS.get(vote.motion_kind or "", vote.motion_kind)
            on = f" ({kind}: {vote.motion_text})" if vote.motion_text else ""
            out.print(
                f"  {ref.date} {escape(ref.organization or '')} punkt {ref.number}: {labels.VOTE_LABELS[vote.option]} "
                f"{escape(vote.subject or '')} - {escape(ref.title)}{escape(on)}"
            )
