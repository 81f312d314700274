"""Exports written one row at a time: the same JSON as the list dumped whole, and progress told."""

from __future__ import annotations

import io
import json

from sqlalchemy import Engine

from referat.serve.export import REPORT_EVERY, write_csv, write_json
from referat.store.queries import export_items
from referat.store.search import Filters
from tests.helpers import ingest_demo


def test_json_written_row_by_row_is_the_list_dumped_whole(engine: Engine) -> None:
    ingest_demo(engine)
    records = export_items(engine, Filters())
    told: list[tuple[int, int]] = []
    stream = io.StringIO()
    assert write_json(records, stream, progress=lambda done, total: told.append((done, total))) == len(records)
    rows = json.loads(stream.getvalue())
    assert [row["item_id"] for row in rows] == [record["item_id"] for record in records]
    expected = io.StringIO()
    json.dump(rows, expected, ensure_ascii=False, indent=2)
    assert stream.getvalue() == expected.getvalue() + "\n"
    assert told[-1] == (len(records), len(records)) and all(done % REPORT_EVERY == 0 for done, _ in told[:-1])
    empty = io.StringIO()
    assert write_json([], empty) == 0 and empty.getvalue() == "[]\n"


def test_csv_tells_its_progress_too(engine: Engine) -> None:
    ingest_demo(engine)
    records = export_items(engine, Filters())
    told: list[tuple[int, int]] = []
    write_csv(records, io.StringIO(), progress=lambda done, total: told.append((done, total)))
    assert told == [(len(records), len(records))]
