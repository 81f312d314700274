"""Search facets: how many matching items per municipality, committee, year, outcome, vote and access.

Each stored item carries a facet group (schema.facet_groups): the combination of the values the facets
count. A search counts its matches per group, one GROUP BY over an integer, and adds the groups up per
facet; there are a few thousand groups where there are a hundred thousand items. Grouping the matches
by the text columns themselves took several times longer on a broad word.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Subquery,
    Text,
    TextClause,
    bindparam,
    cast,
    func,
    literal,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.sql import ColumnElement

from referat.store import schema
from referat.store.upsert import insert_on_conflict

FACETS = ("body", "organization", "year", "outcome", "vote", "public")
GROUPED = ("body", "organization", "year", "outcomes", "public", "voted")  # the columns of a facet group
Facets = dict[str, list[tuple[str, int]]]
TRUE = {"1", "true"}  # a boolean cast to text by SQLite and by PostgreSQL


def group_key(values: dict[str, Any]) -> str:
    return json.dumps([values[name] for name in GROUPED], ensure_ascii=False)


def assign_groups(connection: Connection, rows: list[dict[str, Any]], voted: list[bool]) -> None:
    """Set each item row's "facet_group" (creating the groups not stored yet); `voted` says, per row,
    whether the item's decision states a vote."""
    values = [
        {**{name: row[name] for name in GROUPED if name != "voted"}, "voted": v}
        for row, v in zip(rows, voted, strict=True)
    ]
    groups = {group_key(v): v for v in values}
    connection.execute(
        insert_on_conflict(connection, schema.facet_groups).on_conflict_do_nothing(index_elements=["key"]),
        [{"key": key, **group} for key, group in groups.items()],
    )
    table = schema.facet_groups
    ids = {
        key: id_
        for key, id_ in connection.execute(select(table.c.key, table.c.id).where(table.c.key.in_(list(groups))))
    }
    for row, v in zip(rows, values, strict=True):
        row["facet_group"] = ids[group_key(v)]


def regroup_all(connection: Connection, batch: int = 5000) -> None:
    """Give every stored item its facet group, from its row and whether votes are stored for it."""
    items = schema.items
    voted = items.c.seq.in_(select(schema.votes.c.item_seq))
    columns = (items.c.seq, items.c.body, items.c.organization, items.c.year, items.c.outcomes, items.c.public)
    last = -1
    while True:
        rows = [
            dict(row._mapping)
            for row in connection.execute(
                select(*columns, voted.label("voted")).where(items.c.seq > last).order_by(items.c.seq).limit(batch)
            )
        ]
        if not rows:
            return
        assign_groups(connection, rows, [bool(row["voted"]) for row in rows])
        connection.execute(
            update(items).where(items.c.seq == bindparam("row_seq")).values(facet_group=bindparam("group")),
            [{"row_seq": row["seq"], "group": row["facet_group"]} for row in rows],
        )
        last = rows[-1]["seq"]


def count(
    connection: Connection,
    matching: Subquery | None,
    conditions: list[ColumnElement[bool]],
    grouped: TextClause | None = None,
) -> tuple[int, Facets]:
    """The total and the facets of the items within `conditions` (and among `matching`'s "seq", when given),
    or, without conditions, of the matches `grouped` counts per facet group ("facet_group", "n").

    The per-value counts of "vote" are [("voted", n)], of "public" ("open", n) and ("closed", n). The
    groups are added up per facet column by the database too: a broad word has thousands of groups.
    """
    items, groups = schema.items, schema.facet_groups
    if connection.dialect.name == "postgresql" and (grouped is not None or matching is not None):
        # For a broad word the planner scans the whole index table and checks every vector against a
        # query of hundreds of forms; the GIN bitmap of its matches reads none of them ("kommune" at
        # 10,000 generated meetings: 147 -> 75 ms). With a filter it scanned by the primary key, still
        # checking every vector ("indsats" in one committee at 3,000 real meetings: 1,394 -> 89 ms).
        connection.execute(text("SET LOCAL enable_seqscan = off"))
        if grouped is None or conditions:
            connection.execute(text("SET LOCAL enable_indexscan = off"))
    if grouped is not None and not conditions:
        counted = grouped.columns(facet_group=Integer, n=Integer).cte("counted")
    else:
        per_group = select(items.c.facet_group, func.count().label("n")).where(*conditions)
        if matching is not None:
            if connection.dialect.name == "postgresql":
                # OFFSET 0 keeps the planner from checking the query against each filtered item's vector
                # (a query of hundreds of forms against 28,000 items of one committee took 17 s); the
                # matches are found by the GIN index on their own, then joined.
                matching = select(matching.c.seq).offset(0).subquery("matched")
            per_group = per_group.join_from(matching, items, items.c.seq == matching.c.seq)
        counted = per_group.group_by(items.c.facet_group).cte("counted")
    sums = [
        select(
            literal(name).label("facet"),
            cast(groups.c[name], Text).label("value"),
            cast(func.sum(counted.c.n), Integer),
        )
        .join(counted, counted.c.facet_group == groups.c.id)
        .group_by(groups.c[name])
        for name in GROUPED
    ]
    counters: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    total = 0
    for column, value, n in connection.execute(union_all(*sums)):
        if column == "public":
            total += n
            counters["public"]["open" if value in TRUE else "closed"] += n
        elif column == "voted":
            if value in TRUE:
                counters["vote"]["voted"] += n
        elif column == "outcomes":
            for outcome in (value or "").split(","):
                if outcome:
                    counters["outcome"][outcome] += n
        elif value is not None:
            counters[column][value] += n
    facets = {
        name: sorted(((v, n) for v, n in counter.items() if n), key=lambda pair: (-pair[1], pair[0]))
        for name, counter in counters.items()
    }
    return total, facets
