"""INSERT … ON CONFLICT on either backend: both spell it the same, but each through its own dialect."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert


def insert_on_conflict(connection: Connection, table: Table) -> Any:
    """An INSERT into `table` that can say what to do on a conflict (people, facet groups seen before)."""
    insert = postgres_insert if connection.dialect.name == "postgresql" else sqlite_insert
    return insert(table)
