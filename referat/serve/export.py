"""Write exported items for people and programs: store/queries.py `export_items` records -> JSON or CSV.

JSON keeps each agenda item whole (the output contract) beside its meeting facts. CSV is one row per
item, made to be read in a Danish spreadsheet:

- each vote side (for, against, abstain) has columns of its own: names, parties and count. An item
  with several ballots on one side (one per proposal) lists them in order, separated by " | ", with
  "–" for a ballot that states no count; `ballots` says how many ballots the item had;
- outcome codes ("approved") with their Danish labels ("Godkendt") beside them;
- yes/no as "ja"/"nej": a Danish reader needs no key for it, unlike True/False or 1/0;
- the item's page (`url`) when the export is given the base URL the web UI runs at;
- `excel=True` writes what Excel opens directly on a Danish system: a BOM, so that it reads UTF-8,
  and ";" between fields, as the comma is the decimal sign there.

With `motions=True` a row is one vote event instead: the item's facts, what was voted on, who moved
it, its result and its vote sides, so that a researcher can count how often a party's motions fall.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from referat.serve.labels import MOTION_RESULT_LABELS, outcome_label
from referat.store.queries import EXPORT_FIELDS

VOTE_SIDES = ("for", "against", "abstain")
VOTE_COLUMNS = [f"{side}_{what}" for side in VOTE_SIDES for what in ("names", "parties", "count")]
CSV_COLUMNS = [
    *EXPORT_FIELDS[:5], "start", *EXPORT_FIELDS[5:], "outcomes", "outcome_labels", "decision",
    "ballots", *VOTE_COLUMNS, *(f"{side}_events" for side in VOTE_SIDES), "references", "consultations",
]  # fmt: skip
MOTION_FIELDS = ["motion_number", "kind", "points", "moved_by", "moved_by_parties", "text", "result", "result_label"]
MOTION_COLUMNS = [*EXPORT_FIELDS, *MOTION_FIELDS, *VOTE_COLUMNS]
BALLOT_SEPARATOR = " | "
# Told how far writing has got, (rows written, rows in all), every REPORT_EVERY rows and at the end.
Progress = Callable[[int, int], None]
REPORT_EVERY = 500


def item_url(base_url: str, item_id: str) -> str:
    """ "http://127.0.0.1:8000/" and "abc" -> "http://127.0.0.1:8000/punkt/abc", the item's page."""
    return f"{base_url.rstrip('/')}/punkt/{item_id}"


def motion_url(base_url: str, item_id: str, motion: int) -> str:
    """The vote event's block on its item's page."""
    return f"{item_url(base_url, item_id)}#afstemning-{motion + 1}"


def write_json(
    records: list[dict[str, Any]],
    stream: TextIO,
    base_url: str | None = None,
    motions: bool = False,
    moved_by: str | None = None,
    motion_result: str | None = None,
    progress: Progress | None = None,
) -> int:
    """A list of {meeting facts…, "item": the full agenda item}, or with `motions` of {item facts…,
    "motion_number" (1 for an item's first), and the motion whole} (only those `moved_by` the party and
    ending in `motion_result`, when given); with "url" when `base_url` is given. Returns how many it wrote.
    Written one object at a time, as `json.dump(…, indent=2)` would write the list."""
    if motions:
        exported = [
            {
                **{name: record[name] for name in EXPORT_FIELDS},
                **({"url": motion_url(base_url, record["item_id"], index)} if base_url else {}),
                "motion_number": index + 1,
                **motion,
            }
            for record, index, motion in _motions(records, moved_by, motion_result)
        ]
    else:
        exported = [
            {
                **{name: record[name] for name in EXPORT_FIELDS},
                **({"url": item_url(base_url, record["item_id"])} if base_url else {}),
                "item": record["item"],
            }
            for record in records
        ]
    stream.write("[" if exported else "[]\n")
    for number, row in enumerate(_reported(exported, progress)):
        text = json.dumps(row, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        stream.write(("," if number else "") + "\n  " + text)
    if exported:
        stream.write("\n]\n")
    return len(exported)


def _reported(rows: list[Any], progress: Progress | None) -> Iterator[Any]:
    """The rows, telling `progress` how far they have been taken."""
    for number, row in enumerate(rows, start=1):
        yield row
        if progress and (number % REPORT_EVERY == 0 or number == len(rows)):
            progress(number, len(rows))


def write_csv(
    records: list[dict[str, Any]],
    stream: TextIO,
    base_url: str | None = None,
    excel: bool = False,
    motions: bool = False,
    moved_by: str | None = None,
    motion_result: str | None = None,
    progress: Progress | None = None,
) -> int:
    """One row per item in CSV_COLUMNS, or with `motions` one per vote event in MOTION_COLUMNS (and
    `url` when `base_url` is given). Returns how many rows it wrote."""
    columns = MOTION_COLUMNS if motions else CSV_COLUMNS
    if excel:
        stream.write("\ufeff")
    writer = csv.DictWriter(
        stream, fieldnames=[*columns, "url"] if base_url else columns, delimiter=";" if excel else ","
    )
    writer.writeheader()
    if motions:
        events = _motions(records, moved_by, motion_result)
        for record, index, motion in _reported(events, progress):
            url = {"url": motion_url(base_url, record["item_id"], index)} if base_url else {}
            writer.writerow({**motion_row(record, index, motion), **url})
        return len(events)
    for record in _reported(records, progress):
        url = {"url": item_url(base_url, record["item_id"])} if base_url else {}
        writer.writerow({**csv_row(record), **url})
    return len(records)


def _motions(
    records: list[dict[str, Any]], moved_by: str | None = None, result: str | None = None
) -> list[tuple[dict[str, Any], int, dict[str, Any]]]:
    """The vote events of the records, those moved by party `moved_by` and ending in `result` when
    given: (its item's record, its index, the motion)."""
    party = moved_by.strip().upper() if moved_by else None
    return [
        (record, index, motion)
        for record in records
        for index, motion in enumerate((record["item"]["decision"] or {}).get("motions", []))
        if (party is None or party in motion["moved_by_parties"]) and result in (None, motion["result"])
    ]


def motion_row(record: dict[str, Any], index: int, motion: dict[str, Any]) -> dict[str, Any]:
    """One vote event as a flat row of MOTION_COLUMNS."""
    return {
        **{name: record[name] for name in EXPORT_FIELDS},
        "public": "ja" if record["public"] else "nej",
        "motion_number": index + 1,
        "kind": motion["kind"],
        "points": ", ".join(motion["points"]),
        "moved_by": ", ".join(motion["moved_by"]),
        "moved_by_parties": ", ".join(motion["moved_by_parties"]),
        "text": motion["text"] or "",
        "result": motion["result"] or "",
        "result_label": MOTION_RESULT_LABELS.get(motion["result"] or "", ""),
        **vote_columns(motion["votes"]),
    }


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """One exported item as a flat row of CSV_COLUMNS."""
    item = record["item"]
    return {
        **{name: record[name] for name in (*EXPORT_FIELDS, "start")},
        "public": "ja" if record["public"] else "nej",
        "outcomes": ", ".join(record["outcomes"]),
        "outcome_labels": ", ".join(outcome_label(outcome) for outcome in record["outcomes"]),
        "decision": record["decision"] or "",
        "ballots": len(item["votes"]),
        **vote_columns(item["votes"]),
        **ballot_events(item["votes"]),
        "references": "; ".join(
            f"{r['organization']} {r['date']} {r['item'] or ''}".strip() for r in item["references"]
        ),
        "consultations": "; ".join(
            f"{c['when']}: {c['organization']} {c['date'] or ''}".strip() for c in item["consultations"]
        ),
    }


def vote_columns(votes: list[dict[str, Any]]) -> dict[str, Any]:
    """Names, parties and count of each vote side, ballot by ballot; empty where no ballot states them."""
    columns: dict[str, Any] = {}
    for side in VOTE_SIDES:
        ballots = [vote for vote in votes if vote["option"] == side]
        columns[f"{side}_names"] = _per_ballot([", ".join(vote["names"]) for vote in ballots])
        columns[f"{side}_parties"] = _per_ballot([", ".join(vote["parties"]) for vote in ballots])
        columns[f"{side}_count"] = _counts([vote["count"] for vote in ballots])
    return columns


def ballot_events(votes: list[dict[str, Any]]) -> dict[str, str]:
    """The vote event each ballot of a side belongs to, by its number on the item ("1 | 2"; "–" for a
    ballot the text ties to none), in the order of the side's names, parties and count columns."""
    return {
        f"{side}_events": _per_ballot(
            ["–" if vote["motion"] is None else str(vote["motion"] + 1) for vote in votes if vote["option"] == side]
        )
        for side in VOTE_SIDES
    }


def _per_ballot(values: list[str]) -> str:
    return BALLOT_SEPARATOR.join(values) if any(values) else ""


def _counts(counts: list[int | None]) -> int | str:
    """4 for one ballot of 4 votes (a number to the spreadsheet), "4 | –" for two ballots, one without a count."""
    if len(counts) == 1 and counts[0] is not None:
        return counts[0]
    if all(count is None for count in counts):
        return ""
    return BALLOT_SEPARATOR.join("–" if count is None else str(count) for count in counts)
