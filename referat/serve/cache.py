"""Recent search results and answers in memory, dropped as soon as the database changes.

Whether the database changed is asked at most once a second (the number of stored documents and
the time the last one was stored), so a new ingest shows up in searches within a second.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy import Engine

from referat.settings import SEARCH_CACHE_CHECK_SECONDS, SEARCH_CACHE_SIZE
from referat.store.browse import generation


class SearchCache:
    def __init__(self, engine: Engine, size: int = SEARCH_CACHE_SIZE) -> None:
        self.engine = engine
        self.size = size
        self.entries: OrderedDict[Hashable, Any] = OrderedDict()
        self.lock = threading.Lock()
        self.generation: tuple[int, str | None] | None = None
        self.checked = 0.0

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value for `key`, or `compute()`'s, kept for next time."""
        if self.size <= 0:
            return compute()
        self._drop_if_changed()
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

    def _drop_if_changed(self) -> None:
        now = time.monotonic()
        if now - self.checked < SEARCH_CACHE_CHECK_SECONDS:
            return
        current = generation(self.engine)
        with self.lock:
            self.checked = now
            if current != self.generation:
                self.entries.clear()
                self.generation = current
