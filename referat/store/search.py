"""Search agenda items: a query string and filters -> ranked hits with snippets and facets.

Any query string is accepted: words are taken from it, text in double quotes is a phrase, and
every other character is ignored, so nothing a user types is an operator to the engine. All
words are required. Hits are ranked in tiers: items whose title holds every word, then those whose
decision does, then the rest, each with the words as written before the words only inside compounds
(store/index.py); by relevance within a tier, then newest first. A search also says which other
words (compounds, related words) its words stood for, and leaves out those a user names
(`Filters.without`): a false friend no rule can tell is at least never hidden.

A page's hits of one case (the same case number, or title, in one municipality) are one result, at
the place of the best-ranked of them, with the case's path: its treatments among all the matches
(store/grouping.py). Pages stay pages of items, so the total and the pages mean what they meant; the
results on a page are its cases.
"""

from __future__ import annotations

import dataclasses
import html
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Engine,
    Integer,
    Select,
    Subquery,
    TextClause,
    literal,
    literal_column,
    select,
)

from referat.parse.names import name_key
from referat.settings import EXPANSION_CACHE_SIZE
from referat.store import facets, schema
from referat.store.analysis import committee_name_parts, form_prefix, stem, words
from referat.store.cache import SearchCache
from referat.store.feedback import FEEDBACK_ITEMS, feedback_forms
from referat.store.grouping import Treatment, case_paths
from referat.store.ids import body_key, organization_key
from referat.store.index import TIERS, QueryTerms, SearchIndex, items_holding, search_index, vocabulary_words
from referat.vocab import Outcome

PHRASE = re.compile(r'"([^"]*)"')
# Typed as operators out of habit; every word is required anyway.
OPERATOR_WORDS = re.compile(r"\b(?:AND|OR|NOT)\b")
SNIPPET_WORDS = 36
SNIPPET_CHARS_PER_WORD = 7
WORD_REST = re.compile(r"\w*")
# "24-013017", "22-28-15.00.00-P20", "12/27845": digits with separators, as case numbers are written
CASE_NUMBER_QUERY = re.compile(r"^\s*(?P<number>\d[\w.]*(?:[-/][\w.]+)+)\s*$")
RELATED_SCORE = -1.0  # related items score below every match: -1 + their relevance, a fraction
_EXPANSIONS: WeakKeyDictionary[Engine, SearchCache] = WeakKeyDictionary()
_EXPANSIONS_LOCK = threading.Lock()
_COUNTERS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="referat-facets")


@dataclass(frozen=True)
class Filters:
    body: str | None = None
    organization: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    outcome: str | None = None
    public: bool | None = None
    case_number: str | None = None
    moved_by: str | None = None  # a party letter: items with a motion this party moved
    motion_result: str | None = None  # adopted | rejected | lapsed: items with a motion that ended so
    voted: bool | None = None  # decided by vote (a vote is stated), or not
    vote_party: str | None = None  # items where this party letter is on a side of a vote …
    vote_member: str | None = None  # … or this member, by name
    vote_option: str | None = None  # … on this side: for | against | abstain (any side when None)
    # Words the query's words are not to stand for: compounds or related words a user left out
    # ("borger", but not as "borgerbetjening"); a query word itself is never left out.
    without: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    item_id: str
    meeting_id: str
    number: int | None
    title: str
    body: str | None
    organization: str | None
    date: str | None
    case_number: str | None
    public: bool
    outcomes: list[str]
    snippet: str  # HTML-escaped text with the matched words in <mark>…</mark>
    score: float
    # Not a match: a related item, which holds none of the query's words but words that its first
    # matches share (store/feedback.py); related items only follow the matches.
    related: bool = False


@dataclass
class Group:
    """A page's hits of one case, shown as one result: the best-ranked first. `path` is the case's
    treatments among all the search's matches, oldest first, these hits included; empty when the
    hits are of no known case (store/grouping.py)."""

    hits: list[Hit]
    path: list[Treatment]

    @property
    def lead(self) -> Hit:
        return self.hits[0]

    @property
    def case_number(self) -> str | None:
        """The number of the case, for its timeline; None when the hits are of no known numbered case."""
        return self.lead.case_number if self.path else None

    def described(self) -> dict[str, Any]:
        """The group as a JSON answer gives it beside each of its hits."""
        return {"lead": self.lead.item_id, "case_number": self.case_number, "path": self.path}


@dataclass
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    terms: list[list[str]] = field(default_factory=list)
    # The words the query's words also stood for (compounds, related words), as the stored minutes
    # write them, and those of `Filters.without` that it would otherwise have stood for: a search
    # says what it looked for, so that a user can see and leave out a false friend.
    also_found_as: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    # The words of `Filters.without` that the query's words did not stand for, so left nothing out:
    # a user who typed one is told, not left to believe it worked.
    not_found_without: list[str] = field(default_factory=list)
    # The words that related hits were found by (store/feedback.py), as the stored minutes write them.
    related_words: list[str] = field(default_factory=list)
    # How many items hold each word of `also_found_as` (in the whole collection), which lists them most first.
    also_found_counts: dict[str, int] = field(default_factory=dict)

    # The page's matches as results: the hits of one case together when `grouped`, else each on its own.
    groups: list[Group] = field(default_factory=list)
    grouped: bool = False

    @property
    def cases_on_page(self) -> int | None:
        """How many cases the page's matches are of; None when they are not grouped."""
        return len(self.groups) if self.grouped else None

    def groups_by_hit(self) -> dict[str, Group]:
        """Each match's group, by the hit's item id; none when the matches are not grouped (and a related
        item has none)."""
        return {hit.item_id: group for group in self.groups for hit in group.hits} if self.grouped else {}

    @property
    def matches(self) -> list[Hit]:
        """The hits that match the query, without the related items that follow them."""
        return [hit for hit in self.hits if not hit.related]


def parse_query(query: str) -> tuple[list[str], list[str]]:
    """Words and quoted phrases of a query; everything else is dropped."""
    phrases = [p for p in PHRASE.findall(query) if words(p)]
    rest = OPERATOR_WORDS.sub(" ", PHRASE.sub(" ", query).replace('"', " "))
    return list(dict.fromkeys(words(rest))), phrases


def search(
    engine: Engine,
    query: str,
    filters: Filters | None = None,
    limit: int = 20,
    offset: int = 0,
    related: bool = True,
    group: bool = True,
) -> SearchResult:
    """Ranked hits for `query` (all items, newest first, when it is empty) within `filters`, the hits of
    one case grouped unless `group` is false. A query that is a stored case number ("24-013017") finds
    the items of that case, newest first. When the matches do not fill the page, related items follow
    them (`related`; store/feedback.py)."""
    filters = filters or Filters()
    number = CASE_NUMBER_QUERY.match(query)
    if number and not filters.case_number and _is_case_number(engine, number.group("number")):
        of_case = dataclasses.replace(filters, case_number=number.group("number"))
        return dataclasses.replace(search(engine, "", of_case, limit, offset, related, group), query=query)
    query_words, phrases = parse_query(query)
    remembered = _expansions(engine)
    remembered.drop_if_changed()  # once for all the query's words, before taking a connection: never two at once
    with engine.connect() as connection:
        index = search_index(connection)
        all_terms = index.terms(connection, query_words, phrases, remembered.kept)
        if query.strip() and all_terms.empty:
            return SearchResult(query, 0, [], grouped=group)
        left_out_forms = {stem(word) for word in words(" ".join(filters.without))}
        terms = all_terms.without(left_out_forms)
        expansions, kept = all_terms.expansions, set(terms.expansions)
        not_found_without = [word for word in filters.without if not {stem(w) for w in words(word)} & set(expansions)]
        shown = vocabulary_words(connection, expansions)
        holding = items_holding(connection, [form for form in expansions if form in kept and form in shown])
        # the words that add most first: a user scans for the one that does not belong
        also_found_counts = {
            shown[form]: n for form, n in sorted(holding.items(), key=lambda pair: (-pair[1], pair[0]))
        }
        also_found_as = list(also_found_counts)
        left_out = sorted(shown[form] for form in expansions if form not in kept and form in shown)
        items = schema.items
        conditions = filter_conditions(filters)
        # Counting needs only which items match, not how well: no ranking function for the facets.
        matching = None if terms.empty else index.matching_seqs(terms).columns(seq=Integer).subquery("matching")
        grouped = None if terms.empty else index.matching_groups(terms)
    # Ranking the page and counting the facets are independent, and both databases release the GIL
    # while a query runs: on separate connections they overlap, which halves broad searches.
    counting = _COUNTERS.submit(_facets, engine, matching, conditions, grouped)
    related_forms: list[str] = []
    with engine.connect() as connection:
        if terms.empty:
            ranked = _browse(connection, conditions, limit, offset)
        else:
            found = _rank(connection, index, terms, conditions, offset + limit)
            ranked = found[offset:]
            if related and found and len(found) < offset + limit:  # then `found` holds every match
                related_forms = feedback_forms(connection, index, _first_by_tier(connection, found), terms.stems)
                ranked += _related(connection, index, all_terms, related_forms, conditions, found, limit, offset)
        related_words = vocabulary_words(connection, related_forms)
        # Rank on narrow rows, then read the wide item rows of this page only.
        texts = schema.item_texts
        rows = connection.execute(
            select(items, texts.c.decision, texts.c.item)
            .join(texts, texts.c.item_seq == items.c.seq)
            .where(items.c.seq.in_([seq for seq, _ in ranked]))
        ).all()
        by_seq = {row.seq: row for row in rows}
        page = [by_seq[seq] for seq, _ in ranked]
        among = conditions if matching is None else [*conditions, _among(matching)]
        # Related items are not matches: no case's path runs through them, and they are not grouped.
        matched = [row for row, (_, score) in zip(page, ranked, strict=True) if score >= 0]
        keys = {row.case_key: not row.case_number for row in matched if row.case_key} if group else {}
        paths = case_paths(connection, keys, among)
    related_stems = set(related_forms)
    hits = [
        _hit(row, score, related_stems if score < 0 else terms.stems)
        for row, (_, score) in zip(page, ranked, strict=True)
    ]
    groups = _grouped([hit for hit in hits if not hit.related], [row.case_key for row in matched], paths)
    total, facets = counting.result()
    return SearchResult(
        query,
        total,
        hits,
        facets,
        terms.alternatives,
        also_found_as,
        left_out,
        not_found_without,
        related_words=[related_words.get(form, form) for form in related_forms],
        also_found_counts=also_found_counts,
        groups=groups,
        grouped=group,
    )


def _expansions(engine: Engine) -> SearchCache:
    """The database's cache of what query words stand for (settings.EXPANSION_CACHE_SIZE). Whether the
    database changed is asked at every search (a millisecond), so a word finds the compounds of a
    document stored a moment ago, as it did without the cache."""
    with _EXPANSIONS_LOCK:
        cache = _EXPANSIONS.get(engine)
        if cache is None:
            cache = _EXPANSIONS[engine] = SearchCache(engine, EXPANSION_CACHE_SIZE, check_seconds=0.0)
        return cache


def _among(matching: Subquery) -> ColumnElement[bool]:
    """That an item is one of the matches, asked per item: both backends then look the item up in the
    index instead of listing every match (SQLite lists them for `seq IN (matches)`)."""
    items = schema.items
    return select(literal(1)).select_from(matching).where(matching.c.seq == items.c.seq).exists()


def _grouped(hits: list[Hit], keys: list[str | None], paths: dict[str, list[Treatment]]) -> list[Group]:
    """The page's hits as results: the hits of a case together, at the place of the best-ranked one."""
    results: list[Group] = []
    of_case: dict[str, Group] = {}
    for hit, key in zip(hits, keys, strict=True):
        if key is None or key not in paths:
            results.append(Group([hit], []))
        elif key in of_case:
            of_case[key].hits.append(hit)
        else:
            of_case[key] = Group([hit], paths[key])
            results.append(of_case[key])
    return results


def _browse(
    connection: Connection, conditions: list[ColumnElement[bool]], limit: int, offset: int
) -> list[tuple[int, float]]:
    """A page of the items within `conditions`, newest first."""
    items = schema.items
    page = select(items.c.seq).where(*conditions).order_by(items.c.date.desc(), items.c.seq).limit(limit).offset(offset)
    return [(seq, 0.0) for seq in connection.scalars(page)]


def _rank(
    connection: Connection,
    index: SearchIndex,
    terms: QueryTerms,
    conditions: list[ColumnElement[bool]],
    wanted: int,
) -> list[tuple[int, float]]:
    """The first `wanted` matching items within `conditions` with their scores (tier + relevance), best
    first; fewer when fewer match.

    Tier by tier from the top (store/index.py), each ordered by relevance, then newest first, and only
    as many tiers as wanted: a broad word's title tier alone usually fills the first page, and ranking
    it costs a fraction of ranking every match.
    """
    ranked: list[tuple[int, float]] = []
    for tier in sorted(TIERS, reverse=True):
        matched = index.tier(terms, tier)
        if matched is None:
            continue
        best = _ordered(matched, conditions).limit(wanted - len(ranked))
        ranked += [(seq, tier + relevance) for seq, relevance in connection.execute(best)]
        if len(ranked) >= wanted:
            break
    return ranked


def _ordered(matched: Subquery, conditions: list[ColumnElement[bool]]) -> Select[int, float]:
    """Items of one tier within `conditions`, by relevance, then newest first."""
    items = schema.items
    best = select(matched.c.item_seq, matched.c.relevance)
    if "date" in matched.c and not conditions:
        date = matched.c.date  # the index keeps it: no join to the items for a tier of thousands
    else:
        best, date = best.join(items, items.c.seq == matched.c.item_seq).where(*conditions), items.c.date
    return best.order_by(matched.c.relevance.desc(), date.desc().nulls_last(), matched.c.item_seq.desc())


def _related(
    connection: Connection,
    index: SearchIndex,
    terms: QueryTerms,
    forms: list[str],
    conditions: list[ColumnElement[bool]],
    found: list[tuple[int, float]],
    limit: int,
    offset: int,
) -> list[tuple[int, float]]:
    """The related items on the page after `found`, every match (store/feedback.py), scored below them."""
    if not forms:
        return []
    skip, wanted = max(0, offset - len(found)), limit - len(found[offset:])
    following = _ordered(index.related(terms, forms), conditions).limit(wanted).offset(skip)
    return [(seq, RELATED_SCORE + relevance) for seq, relevance in connection.execute(following)]


def _first_by_tier(connection: Connection, found: list[tuple[int, float]]) -> list[int]:
    """The first FEEDBACK_ITEMS of `found` (every match, with its score) by tier, then newest first: not
    by the backends' relevance, so that both read the same items (store/feedback.py)."""
    dates = dict(
        connection.execute(
            select(schema.items.c.seq, schema.items.c.date).where(schema.items.c.seq.in_([seq for seq, _ in found]))
        ).all()
    )
    newest = sorted(found, key=lambda pair: pair[0], reverse=True)
    newest.sort(key=lambda pair: dates.get(pair[0]) or "", reverse=True)  # stable: undated after dated
    newest.sort(key=lambda pair: int(pair[1]), reverse=True)
    return [seq for seq, _ in newest[:FEEDBACK_ITEMS]]


def _facets(
    engine: Engine, matching: Subquery | None, conditions: list[ColumnElement[bool]], grouped: TextClause | None
) -> tuple[int, facets.Facets]:
    with engine.connect() as connection:
        return facets.count(connection, matching, conditions, grouped)


def _is_case_number(engine: Engine, value: str) -> bool:
    with engine.connect() as connection:
        return (
            connection.scalar(select(schema.items.c.seq).where(schema.items.c.case_number == value).limit(1))
            is not None
        )


def filter_conditions(filters: Filters) -> list[ColumnElement[bool]]:
    items = schema.items
    conditions: list[ColumnElement[bool]] = []
    if filters.body:
        conditions.append(items.c.body_key == body_key(filters.body))
    if filters.organization:
        conditions.append(items.c.organization_key == organization_key(filters.organization))
    if filters.date_from:
        conditions.append(items.c.date >= filters.date_from)
    if filters.date_to:
        conditions.append(items.c.date <= filters.date_to)
    if filters.public is not None:
        conditions.append(items.c.public == filters.public)
    if filters.case_number:
        conditions.append(items.c.case_number == filters.case_number)
    if filters.outcome:
        conditions.append(outcome_condition(Outcome(filters.outcome)))
    if filters.moved_by or filters.motion_result:
        conditions.append(items.c.seq.in_(_motions_matching(filters.moved_by, filters.motion_result)))
    if filters.voted is not None:
        voted = items.c.seq.in_(select(schema.votes.c.item_seq))
        conditions.append(voted if filters.voted else ~voted)
    if filters.vote_party or filters.vote_member or filters.vote_option:
        conditions.append(
            items.c.seq.in_(_votes_matching(filters.vote_party, filters.vote_member, filters.vote_option))
        )
    return conditions


def _votes_matching(party: str | None, member: str | None, option: str | None) -> Select[tuple[int]]:
    """Items where `party` or `member` (or anyone, when neither is given) voted `option` (or at all)."""
    votes, parties, voters, persons = schema.votes, schema.vote_parties, schema.vote_persons, schema.persons
    found = select(votes.c.item_seq)
    if party:
        found = found.join(parties, parties.c.vote_id == votes.c.id).where(parties.c.party == party.strip().upper())
    if member:
        found = (
            found.join(voters, voters.c.vote_id == votes.c.id)
            .join(persons, persons.c.id == voters.c.person_id)
            .where(persons.c.name_key == name_key(member))
        )
    if option:
        found = found.where(votes.c.option == option)
    return found


def _motions_matching(party: str | None, result: str | None) -> Select[tuple[int]]:
    """Items with a motion moved by `party` and ending in `result` (the same motion, when both are given)."""
    motions, movers = schema.motions, schema.motion_parties
    found = select(motions.c.item_seq)
    if party:
        found = found.join(
            movers, (movers.c.item_seq == motions.c.item_seq) & (movers.c.position == motions.c.position)
        ).where(movers.c.party == party.strip().upper())
    if result:
        found = found.where(motions.c.result == result)
    return found


def outcome_condition(outcome: Outcome) -> ColumnElement[bool]:
    """ "Has outcome X", written exactly as the partial index of migration 3, so that the planners use it.

    The pattern is a literal, not a parameter: SQLite matches a partial index only on identical SQL.
    No outcome name is part of another, so a plain LIKE is exact.
    """
    return literal_column(f"items.outcomes LIKE '%{outcome.value}%'", Boolean)


def _hit(row: Any, score: float, stems: set[str]) -> Hit:
    from referat.model import AgendaItem

    item = AgendaItem.model_validate_json(row.item)
    texts = [item.title, row.decision or "", *item.sections.values()]
    return Hit(
        item_id=row.id,
        meeting_id=row.meeting_id,
        number=row.number,
        title=row.title,
        body=row.body,
        organization=row.organization,
        date=row.date,
        case_number=row.case_number,
        public=row.public,
        outcomes=row.outcomes.split(",") if row.outcomes else [],
        snippet=make_snippet(texts, stems),
        score=score,
        related=score < 0,
    )


def find_stems(text: str, stems: set[str]) -> list[int]:
    """Where words whose stem is in `stems` start in `text`.

    Each form's prefix (store/analysis.py's `form_prefix`) begins every lower-cased word of it, so it
    is looked for with str.find (C speed) and only words that start with one are stemmed.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer: offsets would shift
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    found: set[int] = set()
    not_words = committee_name_parts(lowered)
    for prefix in set(map(form_prefix, stems)):
        at = lowered.find(prefix)
        while at != -1:
            if at == 0 or not lowered[at - 1].isalnum():
                end = WORD_REST.match(lowered, at + len(prefix))
                if end and stem(lowered[at : end.end()]) in stems and at not in not_words:
                    found.add(at)
            at = lowered.find(prefix, at + 1)
    return sorted(found)


def make_snippet(texts: list[str], stems: set[str], size: int = SNIPPET_WORDS) -> str:
    """The passage with the most matched words, HTML-escaped, matches in <mark>; earlier texts win ties."""
    # The window is measured in characters (about SNIPPET_CHARS_PER_WORD a word).
    width = size * SNIPPET_CHARS_PER_WORD

    best_count, best_text, best_first = -1, texts[0] if texts else "", 0
    for passage in texts:
        starts = find_stems(passage, stems)
        window = 0
        for index, first in enumerate(starts):
            while window < len(starts) and starts[window] < first + width:
                window += 1
            if window - index > best_count:
                best_count, best_text, best_first = window - index, passage, first
    start = max(0, best_first - 6 * SNIPPET_CHARS_PER_WORD)
    start = best_text.find(" ", start) + 1 if start else 0
    end = min(len(best_text), start + width)
    end = best_text.rfind(" ", start, end) if end < len(best_text) and " " in best_text[start:end] else end
    excerpt = best_text[start:end]
    out, cursor = [], 0
    for mark in find_stems(excerpt, stems):
        word_end = WORD_REST.match(excerpt, mark)
        end_of_word = word_end.end() if word_end else mark
        out.append(html.escape(excerpt[cursor:mark]) + "<mark>" + html.escape(excerpt[mark:end_of_word]) + "</mark>")
        cursor = end_of_word
    out.append(html.escape(excerpt[cursor:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(best_text) else ""
    return prefix + "".join(out).replace("\n", " ") + suffix
