"""Recent search results, answers and query words' expansions in memory, dropped as soon as the
database changes.

Whether the database changed is asked at most once a second (the number of stored documents and
the time the last one was stored), so a new ingest shows up in searches within a second.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy import Engine, func, select

from referat.settings import SEARCH_CACHE_CHECK_SECONDS, SEARCH_CACHE_SIZE
from referat.store import schema


class SearchCache:
    """Values kept by key, dropped when the database changes, which is asked at most every
    `check_seconds` (0: at every look-up; by default settings.SEARCH_CACHE_CHECK_SECONDS)."""

    def __init__(self, engine: Engine, size: int = SEARCH_CACHE_SIZE, check_seconds: float | None = None) -> None:
        # Weakly: a cache kept per engine (store/search.py) must not keep its engine alive.
        self.engine = weakref.ref(engine)
        self.size = size
        self.check_seconds = check_seconds
        self.entries: OrderedDict[Hashable, Any] = OrderedDict()
        self.lock = threading.Lock()
        self.generation: tuple[int, str | None] | None = None
        self.checked = 0.0

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value for `key`, or `compute()`'s, kept for next time."""
        self.drop_if_changed()
        return self.kept(key, compute)

    def kept(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """`get` without asking whether the database changed: for several look-ups after one `drop_if_changed`."""
        if self.size <= 0:
            return compute()
        with self.lock:
            if key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
        value = compute()
        with self.lock:
            self.entries[key] = value
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
        return value

    def drop_if_changed(self) -> None:
        """Drop every value if the database changed since it was last asked (at most every `check_seconds`)."""
        if self.size <= 0:
            return
        now = time.monotonic()
        every = SEARCH_CACHE_CHECK_SECONDS if self.check_seconds is None else self.check_seconds
        if now - self.checked < every:
            return
        engine = self.engine()
        if engine is None:
            return
        current = generation(engine)
        with self.lock:
            self.checked = now
            if current != self.generation:
                self.entries.clear()
                self.generation = current


def generation(engine: Engine) -> tuple[int, str | None]:
    """Changes whenever a document is stored: the number of documents and the last time one was stored."""
    documents = schema.documents
    with engine.connect() as connection:
        row = connection.execute(select(func.count(), func.max(documents.c.ingested_at))).one()
    return int(row[0]), row[1]
