"""What the full-text index reads of an item, and indexing every stored item again.

The one owner of turning an item into index rows: ingest calls it for the items it stores, and
migrations call it for every stored item after the analysis changed, so both index the same text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from contextvars import ContextVar

from sqlalchemy import Connection, text

from referat.model import AgendaItem
from referat.store import schema
from referat.store.analysis import ItemAnalysis, analyse_item
from referat.store.index import IndexedItem, search_index

# Told how far indexing every item again has got: (items done, items in all). Set by whoever runs the
# migrations (store/migrations.py `migrate`), so that an upgrade of a large database is not silent.
Progress = Callable[[int, int], None]
REINDEX_PROGRESS: ContextVar[Progress | None] = ContextVar("reindex_progress", default=None)
# What the index reads of an item: its title, its decision and the rest of its text.
ItemText = tuple[str, str, str]
# Items' analyses computed ahead of storing them, by their text (store/prepare.py).
Analyses = Mapping[ItemText, ItemAnalysis]


def body_text(item: AgendaItem) -> str:
    """What the index reads besides title and decision: the other sections and the proposals."""
    kinds = {s.heading: s.kind for s in item.section_list}
    texts = [text for heading, text in item.sections.items() if kinds.get(heading) not in {"decision", "absence"}]
    return "\n\n".join(texts + item.proposals)


def item_text(item: AgendaItem) -> ItemText:
    return item.title, item.decision.text if item.decision else "", body_text(item)


def analyse_items(items: Iterable[AgendaItem]) -> dict[ItemText, ItemAnalysis]:
    """The items' analyses, computed before they are stored: by a worker process, while the writer stores others."""
    return {text: analyse_item(*text) for text in map(item_text, items)}


def indexed_item(
    seq: int, item: AgendaItem, facet_group: int | None, date: str | None, analyses: Analyses | None = None
) -> IndexedItem:
    """An item as the index takes it, with its facet group and date; analysed here unless `analyses` has it."""
    text_ = item_text(item)
    analysis = analyses.get(text_) if analyses else None
    return IndexedItem(seq, analysis or analyse_item(*text_), facet_group, date)


def reindex_all(connection: Connection, batch: int = 500) -> None:
    """Index every stored item again, from its stored text (after the analysis has changed). The tables
    the index keeps beside its own are made first: an upgrade may reach this before the migration that
    adds one of them."""
    schema.metadata.create_all(connection, tables=[schema.abbreviations, schema.form_counts])
    if connection.dialect.name == "sqlite":
        connection.execute(text("DELETE FROM item_fts"))
        connection.execute(text("INSERT INTO search_terms_trigram(search_terms_trigram) VALUES ('delete-all')"))
    else:
        connection.execute(text("DELETE FROM item_search"))
    connection.execute(text("DELETE FROM search_terms"))
    connection.execute(text("DELETE FROM abbreviations"))
    connection.execute(text("DELETE FROM form_counts"))
    index = search_index(connection)
    progress = REINDEX_PROGRESS.get()
    total = (connection.scalar(text("SELECT COUNT(*) FROM item_texts")) or 0) if progress else 0
    done, last = 0, -1
    while True:
        rows = connection.execute(
            text(
                "SELECT t.item_seq, t.item, i.facet_group, i.date FROM item_texts t "
                "JOIN items i ON i.seq = t.item_seq WHERE t.item_seq > :last ORDER BY t.item_seq LIMIT :n"
            ),
            {"last": last, "n": batch},
        ).all()
        if not rows:
            return
        items = [AgendaItem.model_validate_json(row.item) for row in rows]
        index.add(
            connection,
            [
                indexed_item(row.item_seq, item, row.facet_group, row.date)
                for row, item in zip(rows, items, strict=True)
            ],
        )
        last = rows[-1].item_seq
        done += len(rows)
        if progress:
            progress(done, total)
