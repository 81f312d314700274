"""Which search hits are treatments of one case, and the case's path through the committees.

A case goes from a committee to Økonomiudvalget to Byrådet, and a search finds it at each step, so
one case could fill a page. Items share a case when they share a case key (store/ids.py `case_key`):
their case number in their municipality or, without one, their title. Not every shared key is a case:
municipalities give one number to many items (a committee's collective case for its announcements,
or for a whole meeting's items), and standing items recur under one title ("Meddelelser"). So a case
number held by two items of one meeting, or a title held by two items of one committee, is no case,
and its items stay results of their own.

Only a page's keys are read, through the index of the key, in one statement: which of them are cases,
and each case's treatments among the search's matches. The search's other matches are not read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, select, union_all

from referat.store import schema


@dataclass(frozen=True)
class Treatment:
    """One treatment of a case: an agenda item on a grouped result's path."""

    item_id: str
    meeting_id: str
    organization: str | None
    date: str | None
    number: int | None
    title: str


def case_paths(
    connection: Connection, keys: dict[str, bool], among: list[ColumnElement[bool]]
) -> dict[str, list[Treatment]]:
    """Each of `keys` (a case key -> whether it is a title's) that is a case, with its treatments
    within `among` in the order they were treated; the keys that are no case are left out."""
    if not keys:
        return {}
    items, meetings = schema.items, schema.meetings
    cases = union_all(
        _each_once_per([key for key, titled in keys.items() if not titled], items.c.meeting_id),
        _each_once_per([key for key, titled in keys.items() if titled], items.c.organization_key),
    )
    rows = connection.execute(
        select(
            items.c.case_key,
            items.c.id,
            items.c.meeting_id,
            items.c.organization,
            items.c.date,
            items.c.number,
            items.c.title,
            meetings.c.start,
        )
        .join(meetings, meetings.c.id == items.c.meeting_id)
        .where(items.c.case_key.in_(cases), *among)
    ).all()
    paths: dict[str, list[Treatment]] = {}
    for row in sorted(rows, key=_treated_when):
        paths.setdefault(row.case_key, []).append(
            Treatment(row.id, row.meeting_id, row.organization, row.date, row.number, row.title)
        )
    return paths


def _each_once_per(keys: list[str], column: Any) -> Select[Any]:
    """Those of `keys` whose items each have a value of `column` of their own (a missing value is none)."""
    items = schema.items
    return (
        select(items.c.case_key)
        .where(items.c.case_key.in_(keys))
        .group_by(items.c.case_key)
        .having(func.count() == func.count(func.distinct(column)))
    )


def _treated_when(row: Any) -> tuple[bool, str, str]:
    """Oldest first by meeting start (two committees may meet on one day), undated last; sorted here,
    not by the database, so that both backends give one order whatever their collation."""
    when = row.start or row.date
    return when is None, when or "", row.id
