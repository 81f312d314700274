"""Related items for a search whose own matches do not fill the page (pseudo-relevance feedback).

Minutes name one subject in many words: an item about cloudbursts may say "regnvand",
"oversvømmelse" or "klimatilpasning" and never "skybrud". The search's own best matches show which
words go with the query in this collection: the forms that at least two of its first ten matches
hold, weighed by how many of them hold the form and how rare the form is in all items (its inverse
document frequency, from `form_counts`). Items that hold any of the ten best of those forms, but not
the query itself, follow the matches as related items, never before them, so the matches' order and
count are untouched. The first matches are taken by tier, then newest first, not by the backend's
relevance, so both backends read the same items and find the same related ones.

On the judged set (scripts/relevance.py, 41 queries over the Greve minutes) this took recall at 50
from 0.762 to 0.847 at first contact with these standard settings; precision at 10 cannot fall, as
related items only follow the matches.
"""

from __future__ import annotations

import math
from collections import Counter

from sqlalchemy import Connection, text

from referat.store.index import SearchIndex, items_holding

FEEDBACK_ITEMS = 10  # the first matches read
FEEDBACK_FORMS = 10  # the forms related items are found by
MIN_SHARED = 2  # a form must be held by this many of the first matches: one item's own words say little
MIN_LENGTH = 4  # shorter forms are mostly abbreviations and names' fragments


def feedback_forms(connection: Connection, index: SearchIndex, seqs: list[int], query_forms: set[str]) -> list[str]:
    """The forms that the items `seqs` (a search's first matches) share and that are rare elsewhere, best
    first; none that the query itself stands for, no number."""
    held = index.forms_of(connection, seqs).values()
    shared = Counter(
        form
        for forms in held
        for form in forms
        if len(form) >= MIN_LENGTH and form.isalpha() and form not in query_forms
    )
    candidates = sorted(form for form, count in shared.items() if count >= MIN_SHARED)
    if not candidates:
        return []
    items = connection.scalar(text("SELECT COUNT(*) FROM items")) or 1
    holding = items_holding(connection, candidates)

    def weight(form: str) -> float:
        return shared[form] * math.log(items / max(1, holding.get(form, 1)))

    return sorted(candidates, key=lambda form: (-weight(form), form))[:FEEDBACK_FORMS]
