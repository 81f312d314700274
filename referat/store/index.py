"""The full-text index of agenda items, one implementation per backend.

SQLite: an FTS5 table of Snowball stems (PyStemmer), ranked with bm25. PostgreSQL: a tsvector made
by its own `danish` configuration, ranked with ts_rank, with the vocabulary found through a pg_trgm
index. Both weight title over decision over the rest of the text, and both expand a query word to
the compounds that contain it (store/analysis.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Connection, Float, Integer, Subquery, TextClause, bindparam, text

from referat.store.analysis import MIN_PART_LENGTH, contains_as_part, stem, words

MAX_EXPANSIONS = 300  # compounds per query word; more would make the query slow without helping
SQLITE_WEIGHTS = "10.0, 5.0, 1.0"  # bm25 weights of title, decision, body
POSTGRES_WEIGHTS = "{0.05, 0.2, 0.5, 1.0}"  # ts_rank weights of D, C (body), B (decision), A (title)


@dataclass(frozen=True)
class IndexedItem:
    seq: int
    title: str
    decision: str
    body: str


@dataclass(frozen=True)
class QueryTerms:
    """A parsed query: each word with its alternative stems, and quoted phrases."""

    alternatives: list[list[str]]
    phrases: list[str]

    @property
    def stems(self) -> set[str]:
        return {s for alternatives in self.alternatives for s in alternatives} | {
            stem(w) for phrase in self.phrases for w in words(phrase)
        }

    @property
    def empty(self) -> bool:
        return not self.alternatives and not self.phrases


class SearchIndex(Protocol):
    def add(self, connection: Connection, rows: list[IndexedItem]) -> None: ...
    def remove(self, connection: Connection, seqs: list[int]) -> None: ...
    def terms(self, connection: Connection, query_words: list[str], phrases: list[str]) -> QueryTerms: ...
    def matches(self, terms: QueryTerms) -> Subquery: ...
    def matching_seqs(self, terms: QueryTerms) -> TextClause: ...


def _vocabulary(rows: Iterable[IndexedItem]) -> set[str]:
    return {w for row in rows for field in (row.title, row.decision, row.body) for w in words(field)}


def _part_of(candidates: Iterable[tuple[str, str]], word: str) -> list[str]:
    """Stems of the vocabulary terms that hold `word` as a compound part."""
    found = sorted({term_stem for term, term_stem in candidates if contains_as_part(term, word)})
    return found[:MAX_EXPANSIONS]


class SqliteIndex:
    """FTS5 over stems; the vocabulary is searched through an FTS5 trigram table."""

    def add(self, connection: Connection, rows: list[IndexedItem]) -> None:
        if not rows:
            return
        # Each field is split into words once; the words give both the indexed stems and the vocabulary.
        vocabulary: set[str] = set()
        fts_rows = []
        for r in rows:
            fields = {"title": words(r.title), "decision": words(r.decision), "body": words(r.body)}
            for field_words in fields.values():
                vocabulary.update(field_words)
            fts_rows.append({"seq": r.seq, **{name: " ".join(map(stem, ws)) for name, ws in fields.items()}})
        connection.execute(
            text("INSERT INTO item_fts(rowid, title, decision, body) VALUES (:seq, :title, :decision, :body)"), fts_rows
        )
        connection.execute(
            text("INSERT OR IGNORE INTO search_terms(term, stem) VALUES (:term, :stem)"),
            [{"term": term, "stem": stem(term)} for term in sorted(vocabulary)],
        )

    def remove(self, connection: Connection, seqs: list[int]) -> None:
        if seqs:
            statement = text("DELETE FROM item_fts WHERE rowid IN :seqs").bindparams(bindparam("seqs", expanding=True))
            connection.execute(statement, {"seqs": seqs})

    def terms(self, connection: Connection, query_words: list[str], phrases: list[str]) -> QueryTerms:
        alternatives = []
        for word in query_words:
            found = {stem(word)}
            if len(word) >= MIN_PART_LENGTH:
                rows = connection.execute(
                    text(
                        "SELECT t.term, t.stem FROM search_terms_trigram g JOIN search_terms t ON t.rowid = g.rowid "
                        "WHERE search_terms_trigram MATCH :pattern"
                    ),
                    {"pattern": f'"{word}"'},
                )
                found.update(_part_of(((r.term, r.stem) for r in rows), word))
            alternatives.append(sorted(found))
        return QueryTerms(alternatives, phrases)

    def matches(self, terms: QueryTerms) -> Subquery:
        statement = text(
            f"SELECT rowid AS item_seq, -bm25(item_fts, {SQLITE_WEIGHTS}) AS score "
            "FROM item_fts WHERE item_fts MATCH :q"
        ).bindparams(q=self._match_expression(terms))
        return statement.columns(item_seq=Integer, score=Float).subquery("matched")

    def matching_seqs(self, terms: QueryTerms) -> TextClause:
        return text("SELECT rowid FROM item_fts WHERE item_fts MATCH :q").bindparams(q=self._match_expression(terms))

    @staticmethod
    def _match_expression(terms: QueryTerms) -> str:
        groups = ["(" + " OR ".join(_fts_string(s) for s in alternatives) + ")" for alternatives in terms.alternatives]
        groups += [_fts_string(" ".join(stem(w) for w in words(phrase))) for phrase in terms.phrases]
        return " AND ".join(groups)


def _fts_string(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


class PostgresIndex:
    """tsvector by the `danish` configuration; the vocabulary is searched through pg_trgm."""

    def add(self, connection: Connection, rows: list[IndexedItem]) -> None:
        if not rows:
            return
        connection.execute(
            text(
                "INSERT INTO item_search(item_seq, vector) VALUES (:seq, "
                "setweight(to_tsvector('danish', :title), 'A') || setweight(to_tsvector('danish', :decision), 'B') "
                "|| setweight(to_tsvector('danish', :body), 'C'))"
            ),
            [{"seq": r.seq, "title": r.title, "decision": r.decision, "body": r.body} for r in rows],
        )
        connection.execute(
            text(
                "INSERT INTO search_terms(term, stem) "
                "SELECT t, coalesce((tsvector_to_array(to_tsvector('danish', t)))[1], t) "
                "FROM unnest(CAST(:terms AS text[])) AS t ON CONFLICT DO NOTHING"
            ),
            {"terms": sorted(_vocabulary(rows))},
        )

    def remove(self, connection: Connection, seqs: list[int]) -> None:
        """Rows of item_search go with their items (ON DELETE CASCADE)."""

    def terms(self, connection: Connection, query_words: list[str], phrases: list[str]) -> QueryTerms:
        alternatives = []
        for word in query_words:
            own = connection.scalar(text("SELECT tsvector_to_array(to_tsvector('danish', :w))"), {"w": word}) or []
            found = set(own)
            if len(word) >= MIN_PART_LENGTH:
                rows = connection.execute(
                    text("SELECT term, stem FROM search_terms WHERE term LIKE :pattern"), {"pattern": f"%{word}%"}
                )
                found.update(_part_of(((r.term, r.stem) for r in rows), word))
            if found:
                alternatives.append(sorted(found))
        return QueryTerms(alternatives, phrases)

    def matches(self, terms: QueryTerms) -> Subquery:
        query, params = self._tsquery(terms)
        statement = text(
            f"SELECT s.item_seq, ts_rank('{POSTGRES_WEIGHTS}', s.vector, q.query) AS score "
            f"FROM item_search s, (SELECT {query} AS query) q WHERE s.vector @@ q.query"
        ).bindparams(**params)
        return statement.columns(item_seq=Integer, score=Float).subquery("matched")

    def matching_seqs(self, terms: QueryTerms) -> TextClause:
        query, params = self._tsquery(terms)
        return text(f"SELECT item_seq FROM item_search WHERE vector @@ {query}").bindparams(**params)

    @staticmethod
    def _tsquery(terms: QueryTerms) -> tuple[str, dict[str, str]]:
        """The tsquery as SQL and its parameters: words as lexeme alternatives, phrases by `danish`."""
        groups = ["(" + " | ".join(_lexeme(s) for s in alternatives) + ")" for alternatives in terms.alternatives]
        params: dict[str, str] = {"q": " & ".join(groups)} if groups else {}
        query = "to_tsquery('simple', :q)" if groups else ""
        for i, phrase in enumerate(terms.phrases):
            params[f"p{i}"] = phrase
            part = f"phraseto_tsquery('danish', :p{i})"
            query = f"({query} && {part})" if query else part
        return query, params


def _lexeme(value: str) -> str:
    return "'" + value.replace("\\", "").replace("'", "''") + "'"


def search_index(connection: Connection) -> SearchIndex:
    return PostgresIndex() if connection.dialect.name == "postgresql" else SqliteIndex()
