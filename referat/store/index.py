"""The full-text index of agenda items, one implementation per backend.

Both index the word forms of store/analysis.py, so both find the same items. SQLite: an FTS5
table of the forms, ranked with bm25, its vocabulary found through an FTS5 trigram table.
PostgreSQL: a tsvector of the forms (the `simple` configuration only splits them), ranked with
ts_rank, with the title's and the decision's forms in vectors of their own for the tiers below, its
vocabulary found through a pg_trgm index. Both expand a query word to the compounds it
is a part of and to related words, and both rank in tiers, by the backend's relevance within a tier
(a fraction below 1: -bm25 / (1 - bm25), as bm25 is negative, better the lower; ts_rank normalized
to rank / (rank + 1)):
    5  the title holds every query word as written (a whole word, not a part of a compound)
    4  the title holds every query word, some only as a part of a compound or a related word
    3, 2  the same for the decision
    1, 0  the same for the item's text as a whole
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import cache, partial
from typing import Any, Protocol

from sqlalchemy import Connection, Float, Integer, String, Subquery, TextClause, bindparam, text

from referat.store.analysis import (
    MIN_FORM_LENGTH,
    ItemAnalysis,
    compound_pieces,
    compound_position,
    is_agent_noun,
    query_forms,
    related_words,
    spellings,
    stem,
    words,
)

SQLITE_WEIGHTS = "10.0, 5.0, 1.0"  # bm25 weights of title, decision, body: the order within a tier
POSTGRES_WEIGHTS = "{0.05, 0.2, 0.5, 1.0}"  # ts_rank weights of D, C (body), B (decision), A (title)
FIELD_VECTORS = {"": "vector", "title": "title_vector", "decision": "decision_vector"}  # PostgreSQL's columns
MIN_FORM_PIECE = 5  # shorter compound pieces must be words of the vocabulary as they are, not forms
MAX_EXPANSIONS = 300  # compounds per query word; more would make the query slow without helping
EXPANSION_BATCH = 1000  # candidate compounds checked at a time
# Each tier (module docstring) as the set of matching items it is and the sets of the tiers above it,
# which it leaves out. A set is a field ("" for the whole text, "title", "decision") and whether it
# must hold the query's words as written (True) or may hold them inside compounds and as related words.
QuerySet = tuple[str, bool]
TIERS: dict[int, tuple[QuerySet, tuple[QuerySet, ...]]] = {
    5: (("title", True), ()),
    4: (("title", False), (("title", True),)),
    3: (("decision", True), (("title", False),)),
    2: (("decision", False), (("decision", True), ("title", False))),
    1: (("", True), (("title", False), ("decision", False))),
    0: (("", False), (("", True), ("title", False), ("decision", False))),
}
EXPANDED_TIERS = {4, 2, 0}  # empty when no query word stands for more than itself


@dataclass(frozen=True)
class IndexedItem:
    seq: int
    analysis: ItemAnalysis  # its title, decision and body as the index holds them (store/reindex.py)
    facet_group: int | None  # store/facets.py; PostgreSQL's index keeps it to count facets without the items
    date: str | None  # PostgreSQL's index keeps it to rank without the items


@dataclass(frozen=True)
class QueryTerms:
    """A parsed query: each word with its alternative forms (its own, its compounds, related words) and
    its own forms only (the word as written), and quoted phrases."""

    alternatives: list[list[str]]
    phrases: list[str]
    own: list[list[str]]

    def whole_words(self) -> QueryTerms:
        """The query without compounds or related words: what a whole-word match must hold."""
        return QueryTerms(self.own, self.phrases, self.own)

    def without(self, forms: set[str]) -> QueryTerms:
        """The query without some of the compounds and related words its words stand for, as a user
        left them out ("borger", but not as "borgerbetjening"); a word's own forms always stay."""
        alternatives = [
            [form for form in found if form in own or form not in forms]
            for found, own in zip(self.alternatives, self.own, strict=True)
        ]
        return QueryTerms(alternatives, self.phrases, self.own)

    @property
    def expansions(self) -> list[str]:
        """The forms the query's words stand for besides their own: compounds and related words."""
        own = {form for forms in self.own for form in forms}
        return sorted({form for forms in self.alternatives for form in forms} - own)

    @property
    def stems(self) -> set[str]:
        """Every form the query matches, a name's forms one by one ("pædagog psykolog rådgivning")."""
        return {s for alternatives in self.alternatives for form in alternatives for s in form.split()} | {
            stem(w) for phrase in self.phrases for w in words(phrase)
        }

    @property
    def empty(self) -> bool:
        return not self.alternatives and not self.phrases


def tier_sets(terms: QueryTerms, tier: int) -> tuple[QuerySet, tuple[QuerySet, ...]] | None:
    """A tier's set and the sets it leaves out; None when it is empty because no query word stands for
    more than itself."""
    if tier in EXPANDED_TIERS and terms.whole_words().alternatives == terms.alternatives:
        return None
    return TIERS[tier]


# Keeps a computed value for a key, or computes it: store/cache.py's SearchCache.get.
Remember = Callable[[Hashable, Callable[[], Any]], Any]


class VocabularyLookup(Protocol):
    def __call__(self, connection: Connection, word: str) -> Iterable[tuple[str, str]]: ...


class SearchIndex(Protocol):
    def add(self, connection: Connection, rows: list[IndexedItem]) -> None: ...
    def remove(self, connection: Connection, seqs: list[int]) -> None: ...
    def forms_of(self, connection: Connection, seqs: list[int]) -> dict[int, set[str]]: ...
    def terms(
        self, connection: Connection, query_words: list[str], phrases: list[str], remember: Remember | None = None
    ) -> QueryTerms: ...
    def tier(self, terms: QueryTerms, tier: int) -> Subquery | None: ...
    def related(self, terms: QueryTerms, forms: list[str]) -> Subquery: ...
    def matching_seqs(self, terms: QueryTerms) -> TextClause: ...
    def matching_groups(self, terms: QueryTerms) -> TextClause | None: ...


def _vocabulary(rows: Iterable[IndexedItem]) -> dict[str, bool]:
    """The rows' words, each with whether it was seen only as a street's name."""
    seen: set[str] = set()
    streets: set[str] = set()
    for row in rows:
        seen |= row.analysis.words
        streets |= row.analysis.streets
    return {word: word not in seen for word in sorted(streets | seen)}


def _fields(row: IndexedItem) -> dict[str, str]:
    """A row's fields as the index holds them: their words' forms."""
    title, decision, body = row.analysis.forms
    return {"title": title, "decision": decision, "body": body}


def _learn_abbreviations(connection: Connection, rows: list[IndexedItem]) -> None:
    """The abbreviations the rows define, kept for queries: "PPR" then finds its name written out."""
    found = {pair for row in rows for pair in row.analysis.abbreviations}
    if found:
        connection.execute(
            text("INSERT INTO abbreviations(short, name) VALUES (:short, :name) ON CONFLICT DO NOTHING"),
            [{"short": short, "name": name} for short, name in sorted(found)],
        )


def _abbreviated(connection: Connection, word: str) -> list[str]:
    """The names an abbreviation stands for, as phrases of forms ("ppr": "pædagog psykolog rådgivning")."""
    names = connection.scalars(text("SELECT name FROM abbreviations WHERE short = :short"), {"short": word.lower()})
    return [" ".join(stem(w) for w in words(name)) for name in names]


# Each item adds one to the count of every form it holds, and takes it off again when it goes.
FORM_COUNT_UPSERT = "ON CONFLICT (form) DO UPDATE SET items = form_counts.items + excluded.items"


def _count_forms(connection: Connection, per_item: Iterable[set[str]], sign: int) -> None:
    """Count the items that hold each form up (`sign` 1) or down (-1): store/feedback.py weighs a
    form by how rare it is."""
    counts = Counter(form for forms in per_item for form in forms)
    if not counts:
        return
    forms = sorted(counts)
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(
                "INSERT INTO form_counts(form, items) SELECT * FROM unnest(CAST(:forms AS text[]), "
                f"CAST(:items AS integer[])) {FORM_COUNT_UPSERT}"
            ),
            {"forms": forms, "items": [sign * counts[form] for form in forms]},
        )
    else:  # one statement over a JSON array: a row of parameters per form cost more than the upsert
        connection.execute(
            text(
                "INSERT INTO form_counts(form, items) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') "
                f"FROM json_each(:counts) WHERE true {FORM_COUNT_UPSERT}"
            ),
            {"counts": json.dumps([(form, sign * counts[form]) for form in forms])},
        )


def _item_forms(rows: list[IndexedItem]) -> Iterable[set[str]]:
    """The forms each row holds, once each."""
    return (set(" ".join(row.analysis.forms).split()) for row in rows)


# A word once seen outside a street's name stays a word of its own.
VOCABULARY_UPSERT = "ON CONFLICT (term) DO UPDATE SET street = false WHERE search_terms.street AND NOT excluded.street"


def _forms(text_: str) -> str:
    """A field as the index holds it: its words' forms, space-separated."""
    return " ".join(map(stem, words(text_)))


def _part_of(connection: Connection, candidates: Iterable[tuple[str, str]], word: str) -> list[str]:
    """Forms of the vocabulary terms that hold `word` as a compound part (store/analysis.py), at most
    MAX_EXPANSIONS, those that most items hold first. The terms that hold `word` as a string are
    checked in that order, a batch at a time, until enough are found: "plan" is in 6,900 of the
    380,000 words of 10,000 meetings, and checking them all took 400 ms."""
    pairs = list(candidates)
    holding = items_holding(connection, sorted({form for _, form in pairs}))
    pairs.sort(key=lambda pair: (-holding.get(pair[1], 0), pair[0]))
    found: dict[str, None] = {}  # in the order found: most items first
    for start in range(0, len(pairs), EXPANSION_BATCH):
        batch = pairs[start : start + EXPANSION_BATCH]
        known = _known(connection, sorted({piece for term, _ in batch for piece in compound_pieces(term, word)}))
        found.update((form, None) for term, form in batch if compound_position(term, word, known))
        if len(found) >= MAX_EXPANSIONS:
            break
    return sorted(list(found)[:MAX_EXPANSIONS])


def _known(connection: Connection, pieces: list[str]) -> set[str]:
    """The pieces that are words of the vocabulary, or, when longer than a short word ("sam" is no form
    of "samme" here), forms of them ("vejleder" by "vejledere")."""
    forms: dict[str, list[str]] = {}
    for piece in pieces:
        if len(piece) >= MIN_FORM_PIECE:
            forms.setdefault(stem(piece), []).append(piece)
    known = set(_in_vocabulary(connection, "term", pieces))
    for form in _in_vocabulary(connection, "stem", list(forms)):
        known.update(forms[form])
    return known


def _in_vocabulary(connection: Connection, column: str, values: list[str]) -> list[str]:
    """Those of `values` that are in a column of the vocabulary."""
    where, parameter = one_of(connection, column, values)
    return list(connection.scalars(text(f"SELECT DISTINCT {column} FROM search_terms WHERE {where}"), parameter))


def vocabulary_words(connection: Connection, forms: list[str]) -> dict[str, str]:
    """Each of `forms` that the vocabulary holds, with the shortest word of that form: a form shown
    to people as a word ("borgerinddragelse" for "borgerinddragels")."""
    if not forms:
        return {}
    where, parameter = one_of(connection, "stem", forms)
    shortest: dict[str, str] = {}
    for term, form in connection.execute(text(f"SELECT term, stem FROM search_terms WHERE {where}"), parameter):
        known = shortest.get(form)
        if known is None or (len(term), term) < (len(known), known):
            shortest[form] = term
    return shortest


def items_holding(connection: Connection, forms: list[str]) -> dict[str, int]:
    """How many items hold each of `forms` (those that any item holds)."""
    if not forms:
        return {}
    where, parameter = one_of(connection, "form", forms)
    rows = connection.execute(text(f"SELECT form, items FROM form_counts WHERE {where} AND items > 0"), parameter)
    return {form: items for form, items in rows}


def one_of(connection: Connection, column: str, values: list[str]) -> tuple[str, dict[str, Any]]:
    """A condition that `column` is one of `values`, with its parameter. The values go as one
    parameter: as thousands of parameters they took longer to compile than to look up. On PostgreSQL
    as a set to join, not `= ANY(array)`: for that the planner took the trigram index (pg_trgm answers
    equality too), which for the 2,577 pieces of "kommune" took 1.2 s instead of 11 ms."""
    if connection.dialect.name == "postgresql":
        return f"{column} IN (SELECT unnest(CAST(:values AS text[])))", {"values": values}
    return f"{column} IN (SELECT value FROM json_each(:values))", {"values": json.dumps(values)}


def _query_terms(
    connection: Connection,
    query_words: list[str],
    phrases: list[str],
    vocabulary: VocabularyLookup,
    remember: Remember | None,
) -> QueryTerms:
    """Each query word with the forms it stands for: its own (with or without "-er"), related words,
    and the compounds of the vocabulary it is a part of; what a word stands for is kept with
    `remember` (store/cache.py) for the next search that has it."""

    @cache
    def agent_noun(form: str) -> bool:
        terms = connection.scalars(text("SELECT term FROM search_terms WHERE stem = :form"), {"form": form})
        return is_agent_noun(terms)

    def expanded(word: str) -> tuple[list[str], list[str]]:
        own = sorted({form for spelling in spellings(word) for form in query_forms(spelling, agent_noun)})
        found: set[str] = set()
        for related in related_words(word, agent_noun):
            forms = query_forms(related, agent_noun)
            found |= forms
            if len(related) >= MIN_FORM_LENGTH:
                # Compounds may begin with a form ("skolevej|s|analyse" for "skoleveje", "bus|linje" for "busser").
                prefixes = [form for form in forms if related.startswith(form) and len(form) >= MIN_FORM_LENGTH]
                holding = min(prefixes, key=len) if prefixes else related
                found.update(_part_of(connection, vocabulary(connection, holding), related))
        found.update(_abbreviated(connection, word))
        return own, sorted(found)

    alternatives, own = [], []
    for word in query_words:
        word_own, found = remember(("expansion", word), partial(expanded, word)) if remember else expanded(word)
        own.append(word_own)
        alternatives.append(found)
    return QueryTerms(alternatives, phrases, own)


class SqliteIndex:
    """FTS5 over stems; the vocabulary is searched through an FTS5 trigram table."""

    def add(self, connection: Connection, rows: list[IndexedItem]) -> None:
        if not rows:
            return
        vocabulary = _vocabulary(rows)
        _learn_abbreviations(connection, rows)
        connection.execute(
            text("INSERT INTO item_fts(rowid, title, decision, body) VALUES (:seq, :title, :decision, :body)"),
            [{"seq": r.seq, **_fields(r)} for r in rows],
        )
        # One statement for the whole vocabulary (some 800 words a meeting): as one row of parameters
        # each, binding them cost more than the upsert itself.
        connection.execute(
            text(
                "INSERT INTO search_terms(term, stem, street) SELECT json_extract(value, '$[0]'), "
                "json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(:terms) WHERE true "
                f"{VOCABULARY_UPSERT}"
            ),
            {"terms": json.dumps([(term, stem(term), street) for term, street in vocabulary.items()])},
        )
        _count_forms(connection, _item_forms(rows), 1)

    def remove(self, connection: Connection, seqs: list[int]) -> None:
        if seqs:
            _count_forms(connection, self.forms_of(connection, seqs).values(), -1)
            statement = text("DELETE FROM item_fts WHERE rowid IN :seqs").bindparams(bindparam("seqs", expanding=True))
            connection.execute(statement, {"seqs": seqs})

    def forms_of(self, connection: Connection, seqs: list[int]) -> dict[int, set[str]]:
        """The forms each of the items holds, once each, as indexed."""
        statement = text("SELECT rowid, title, decision, body FROM item_fts WHERE rowid IN :seqs").bindparams(
            bindparam("seqs", expanding=True)
        )
        return {row[0]: set(" ".join(row[1:]).split()) for row in connection.execute(statement, {"seqs": seqs})}

    def terms(
        self, connection: Connection, query_words: list[str], phrases: list[str], remember: Remember | None = None
    ) -> QueryTerms:
        return _query_terms(connection, query_words, phrases, self._holding, remember)

    @staticmethod
    def _holding(connection: Connection, word: str) -> Iterable[tuple[str, str]]:
        """Vocabulary terms that hold `word`, with their forms; no street's name is a compound."""
        rows = connection.execute(
            text(
                "SELECT t.term, t.stem FROM search_terms_trigram g JOIN search_terms t ON t.rowid = g.rowid "
                "WHERE search_terms_trigram MATCH :pattern AND NOT t.street"
            ),
            {"pattern": f'"{word}"'},
        )
        return [(r.term, r.stem) for r in rows]

    def tier(self, terms: QueryTerms, tier: int) -> Subquery | None:
        """The items of one tier with their bm25 relevance over the whole query, as a fraction."""
        sets = tier_sets(terms, tier)
        if sets is None:
            return None
        included, excluded = sets

        def expression(field_: str, whole: bool) -> str:
            return self._match_expression(terms.whole_words() if whole else terms, field_)

        # The query itself is part of the expression so that bm25 weighs all of its words in all fields.
        parts = [f"({self._match_expression(terms)}) AND ({expression(*included)})"]
        parts += [expression(*left_out) for left_out in excluded]
        statement = text(
            f"SELECT rowid AS item_seq, -bm25(item_fts, {SQLITE_WEIGHTS}) / (1.0 - bm25(item_fts, {SQLITE_WEIGHTS})) "
            "AS relevance FROM item_fts WHERE item_fts MATCH :q"
        ).bindparams(q=" NOT ".join(f"({part})" for part in parts))
        return statement.columns(item_seq=Integer, relevance=Float).subquery("matched")

    def related(self, terms: QueryTerms, forms: list[str]) -> Subquery:
        """The items that hold any of `forms` but not the query, with their bm25 relevance as a fraction."""
        expression = f"({' OR '.join(map(_fts_string, forms))}) NOT ({self._match_expression(terms)})"
        statement = text(
            f"SELECT rowid AS item_seq, -bm25(item_fts, {SQLITE_WEIGHTS}) / (1.0 - bm25(item_fts, {SQLITE_WEIGHTS})) "
            "AS relevance FROM item_fts WHERE item_fts MATCH :q"
        ).bindparams(q=expression)
        return statement.columns(item_seq=Integer, relevance=Float).subquery("matched")

    def matching_groups(self, terms: QueryTerms) -> TextClause | None:
        """None: FTS5 finds the matches faster than a join to the items' facet groups costs."""
        return None

    def matching_seqs(self, terms: QueryTerms) -> TextClause:
        return text("SELECT rowid AS seq FROM item_fts WHERE item_fts MATCH :q").bindparams(
            q=self._match_expression(terms)
        )

    @staticmethod
    def _match_expression(terms: QueryTerms, field_: str = "") -> str:
        """The query as an FTS5 expression; with `field_`, only in that column."""
        groups = ["(" + " OR ".join(_fts_string(s) for s in alternatives) + ")" for alternatives in terms.alternatives]
        groups += [_fts_string(" ".join(stem(w) for w in words(phrase))) for phrase in terms.phrases]
        expression = " AND ".join(groups)
        return f"{{{field_}}} : ({expression})" if field_ else expression


def _fts_string(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


class PostgresIndex:
    """tsvector of the forms (the `simple` configuration); the vocabulary is searched through pg_trgm."""

    def add(self, connection: Connection, rows: list[IndexedItem]) -> None:
        if not rows:
            return
        vocabulary = _vocabulary(rows)
        _learn_abbreviations(connection, rows)
        connection.execute(
            text(
                "INSERT INTO item_search(item_seq, vector, title_vector, decision_vector, facet_group, date) "
                "VALUES (:seq, setweight(to_tsvector('simple', :title), 'A') || "
                "setweight(to_tsvector('simple', :decision), 'B') || setweight(to_tsvector('simple', :body), 'C'), "
                "to_tsvector('simple', :title), to_tsvector('simple', :decision), :facet_group, :date)"
            ),
            [{"seq": r.seq, **_fields(r), "facet_group": r.facet_group, "date": r.date} for r in rows],
        )
        _count_forms(connection, _item_forms(rows), 1)
        connection.execute(
            text(
                "INSERT INTO search_terms(term, stem, street) SELECT * FROM unnest(CAST(:terms AS text[]), "
                f"CAST(:forms AS text[]), CAST(:streets AS boolean[])) {VOCABULARY_UPSERT}"
            ),
            {"terms": list(vocabulary), "forms": [stem(t) for t in vocabulary], "streets": list(vocabulary.values())},
        )

    def remove(self, connection: Connection, seqs: list[int]) -> None:
        """Rows of item_search go with their items (ON DELETE CASCADE); their forms are counted down."""
        if seqs:
            _count_forms(connection, self.forms_of(connection, seqs).values(), -1)

    def forms_of(self, connection: Connection, seqs: list[int]) -> dict[int, set[str]]:
        """The forms each of the items holds, once each, as indexed (a vector's lexemes)."""
        statement = text(
            "SELECT item_seq, tsvector_to_array(vector) FROM item_search WHERE item_seq IN :seqs"
        ).bindparams(bindparam("seqs", expanding=True))
        return {seq: set(forms) for seq, forms in connection.execute(statement, {"seqs": seqs})}

    def terms(
        self, connection: Connection, query_words: list[str], phrases: list[str], remember: Remember | None = None
    ) -> QueryTerms:
        return _query_terms(connection, query_words, phrases, self._holding, remember)

    @staticmethod
    def _holding(connection: Connection, word: str) -> Iterable[tuple[str, str]]:
        """Vocabulary terms that hold `word`, with their forms; no street's name is a compound."""
        statement = text("SELECT term, stem FROM search_terms WHERE term LIKE :pattern AND NOT street")
        rows = connection.execute(statement, {"pattern": f"%{word}%"})
        return [(r.term, r.stem) for r in rows]

    def tier(self, terms: QueryTerms, tier: int) -> Subquery | None:
        """The items of one tier with their ts_rank relevance, as a fraction. The title and the decision
        have vectors of their own, so a tier is found by their GIN indexes instead of by checking the
        weights in every matching item's whole vector, and ranked by its field's small vector: ranking
        the title tier of "kommune" (3,600 items at 10,000 meetings) by the whole vectors took 60-90 ms."""
        sets = tier_sets(terms, tier)
        if sets is None:
            return None
        included, excluded = sets
        values: dict[str, Any] = {"q": self._tsquery(terms)}
        conditions = []
        for n, (field_, whole) in enumerate((included, *excluded)):
            holds, parameters = self._holds(FIELD_VECTORS[field_], terms.whole_words() if whole else terms, f"s{n}")
            values.update(parameters)
            conditions.append(holds if n == 0 else f"NOT {holds}")
        ranked_by = FIELD_VECTORS[included[0]]
        statement = text(
            f"SELECT item_seq, ts_rank('{POSTGRES_WEIGHTS}', {ranked_by}, to_tsquery('simple', :q), 32) AS relevance, "
            f"date FROM item_search WHERE {' AND '.join(conditions)}"
        ).bindparams(**values)
        return statement.columns(item_seq=Integer, relevance=Float, date=String).subquery("matched")

    def related(self, terms: QueryTerms, forms: list[str]) -> Subquery:
        """The items that hold any of `forms` but not the query, with their ts_rank relevance as a fraction."""
        holds, parameters = self._holds("vector", terms, "q")
        statement = text(
            f"SELECT item_seq, ts_rank('{POSTGRES_WEIGHTS}', vector, to_tsquery('simple', :related), 32) AS relevance, "
            f"date FROM item_search WHERE vector @@ ANY(CAST(:forms AS tsquery[])) AND NOT {holds}"
        ).bindparams(related=" | ".join(map(_lexeme, forms)), forms=[_lexeme(form) for form in forms], **parameters)
        return statement.columns(item_seq=Integer, relevance=Float, date=String).subquery("matched")

    def matching_groups(self, terms: QueryTerms) -> TextClause | None:
        """The matches counted per facet group from the index alone: joining 66,000 matches of a broad
        word to the items took twice as long (store/facets.py)."""
        holds, parameters = self._holds("vector", terms, "q")
        statement = f"SELECT facet_group, COUNT(*) AS n FROM item_search WHERE {holds} GROUP BY facet_group"
        return text(statement).bindparams(**parameters)

    def matching_seqs(self, terms: QueryTerms) -> TextClause:
        holds, parameters = self._holds("vector", terms, "q")
        return text(f"SELECT item_seq AS seq FROM item_search WHERE {holds}").bindparams(**parameters)

    @staticmethod
    def _holds(vector: str, terms: QueryTerms, name: str) -> tuple[str, dict[str, Any]]:
        """The condition that `vector` holds the query, with its parameters (named after `name`): each
        word's forms as an array of one-form queries, `@@ ANY`, and the phrases as one query. The GIN
        index then looks each form up on its own and adds up the bitmaps, where a query of hundreds of
        alternatives is evaluated for every candidate item: "kommune" (149 forms, 93,000 of 150,000
        items at 10,000 real meetings) counted its facets in 80 ms instead of 326."""
        conditions: list[str] = []
        parameters: dict[str, Any] = {}
        for n, alternatives in enumerate(terms.alternatives):
            conditions.append(f"{vector} @@ ANY(CAST(:{name}{n} AS tsquery[]))")
            parameters[f"{name}{n}"] = [_tsquery_form(form) for form in alternatives]
        phrases = PostgresIndex._tsquery(QueryTerms([], terms.phrases, []))
        if phrases:
            conditions.append(f"{vector} @@ to_tsquery('simple', :{name}p)")
            parameters[f"{name}p"] = phrases
        return "(" + " AND ".join(conditions) + ")", parameters

    @staticmethod
    def _tsquery(terms: QueryTerms) -> str:
        """The query as tsquery text: each word's forms as alternatives, each phrase's forms in a row."""
        groups = ["(" + " | ".join(map(_tsquery_form, alternatives)) + ")" for alternatives in terms.alternatives]
        in_rows = [_forms(phrase).split() for phrase in terms.phrases]
        groups += ["(" + " <-> ".join(map(_lexeme, forms)) + ")" for forms in in_rows if forms]
        return " & ".join(groups)


def _tsquery_form(value: str) -> str:
    """A form, or a name's forms in a row ("pædagog psykolog rådgivning", which an abbreviation stands for)."""
    return "(" + " <-> ".join(map(_lexeme, value.split())) + ")" if " " in value else _lexeme(value)


def _lexeme(value: str) -> str:
    return "'" + value.replace("\\", "").replace("'", "''") + "'"


def search_index(connection: Connection) -> SearchIndex:
    return PostgresIndex() if connection.dialect.name == "postgresql" else SqliteIndex()
