"""Search agenda items: a query string and filters -> ranked hits with snippets and facets.

Any query string is accepted: words are taken from it, text in double quotes is a phrase, and
every other character is ignored, so nothing a user types is an operator to the engine. All
words are required. Hits are ranked in tiers: items whose title holds every word, then those whose
decision does, then the rest; by relevance within a tier, then newest first.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Engine, Select, func, literal, literal_column, select, tuple_

from referat.parse.names import name_key
from referat.store import schema
from referat.store.analysis import stem, words
from referat.store.ids import body_key, organization_key
from referat.store.index import QueryTerms, search_index
from referat.vocab import Outcome

PHRASE = re.compile(r'"([^"]*)"')
# Typed as operators out of habit; every word is required anyway.
OPERATOR_WORDS = re.compile(r"\b(?:AND|OR|NOT)\b")
SNIPPET_WORDS = 36
SNIPPET_CHARS_PER_WORD = 7
WORD_REST = re.compile(r"\w*")
# "24-013017", "22-28-15.00.00-P20", "12/27845": digits with separators, as case numbers are written
CASE_NUMBER_QUERY = re.compile(r"^\s*(?P<number>\d[\w.]*(?:[-/][\w.]+)+)\s*$")
FACETS = ("body", "organization", "year", "outcome", "vote", "public")
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


@dataclass
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    terms: list[list[str]] = field(default_factory=list)


def parse_query(query: str) -> tuple[list[str], list[str]]:
    """Words and quoted phrases of a query; everything else is dropped."""
    phrases = [p for p in PHRASE.findall(query) if words(p)]
    rest = OPERATOR_WORDS.sub(" ", PHRASE.sub(" ", query).replace('"', " "))
    return list(dict.fromkeys(words(rest))), phrases


def search(
    engine: Engine, query: str, filters: Filters | None = None, limit: int = 20, offset: int = 0
) -> SearchResult:
    """Ranked hits for `query` (all items, newest first, when it is empty) within `filters`. A query that
    is a stored case number ("24-013017") finds the items of that case, newest first."""
    filters = filters or Filters()
    number = CASE_NUMBER_QUERY.match(query)
    if number and not filters.case_number and _is_case_number(engine, number.group("number")):
        of_case = search(engine, "", dataclasses.replace(filters, case_number=number.group("number")), limit, offset)
        return dataclasses.replace(of_case, query=query)
    query_words, phrases = parse_query(query)
    with engine.connect() as connection:
        index = search_index(connection)
        terms = index.terms(connection, query_words, phrases)
        if query.strip() and terms.empty:
            return SearchResult(query, 0, [])
        items = schema.items
        conditions = filter_conditions(filters)
        if terms.empty:
            # Browsing: newest first, no relevance to compute.
            found: list[ColumnElement[bool]] = conditions
            ranked = (
                select(items.c.seq, literal(0.0).label("score"))
                .where(*conditions)
                .order_by(items.c.date.desc(), items.c.seq)
            )
        else:
            matched = index.matches(terms)
            ranked = (
                select(matched.c.item_seq.label("seq"), matched.c.score)
                .join(items, items.c.seq == matched.c.item_seq)
                .where(*conditions)
                .order_by(matched.c.score.desc(), items.c.date.desc(), matched.c.item_seq.desc())
            )
            # Counting needs only which items match, not how well: no ranking function for the facets.
            found = [items.c.seq.in_(index.matching_seqs(terms)), *conditions]
        # Rank on narrow rows, then read the wide item rows of this page only.
        top = ranked.limit(limit).offset(offset).subquery("top")
        texts = schema.item_texts
        page_query = (
            select(items, texts.c.decision, texts.c.item, top.c.score)
            .join(top, items.c.seq == top.c.seq)
            .join(texts, texts.c.item_seq == items.c.seq)
            .order_by(top.c.score.desc(), items.c.date.desc(), items.c.seq)
        )
    # Ranking the page and counting the facets are independent, and both databases release the GIL
    # while a query runs: on separate connections they overlap, which halves broad searches.
    counting = _COUNTERS.submit(_facets, engine, found)
    with engine.connect() as connection:
        page = connection.execute(page_query).all()
    total, facets = counting.result()
    hits = [_hit(row, terms) for row in page]
    return SearchResult(query, total, hits, facets, terms.alternatives)


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


def _facets(engine: Engine, found: list[ColumnElement[bool]]) -> tuple[int, dict[str, list[tuple[str, int]]]]:
    """Total and counts per municipality, committee, year and outcome of the items meeting `found`, how
    many were decided by vote ("vote": [("voted", n)]) and how many are open or closed ("public").

    PostgreSQL counts everything in one scan with GROUPING SETS. SQLite has none, so it runs two
    small groupings: (municipality, committee, year), whose few hundred groups add up to three facets
    and the total, and the outcome lists. Grouping by all four at once gave thousands of groups to
    add up in Python, which was slower.
    """
    items = schema.items
    counters: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    total = 0
    places = (items.c.body, items.c.organization, items.c.year)
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            grouped = (*places, items.c.outcomes)
            sets = func.grouping_sets(*[tuple_(column) for column in grouped], tuple_())
            # GROUPING() has a bit set for each column left out: 0b1111 marks the empty set, the total.
            everything = 0b1111
            rows = connection.execute(
                select(*grouped, func.grouping(*grouped), func.count()).where(*found).group_by(sets)
            )
            for body, organization, year, outcomes, left_out, n in rows:
                if left_out == everything:
                    total = n
                else:
                    _count(counters, body, organization, year, outcomes, n)
        else:
            for body, organization, year, n in connection.execute(
                select(*places, func.count()).where(*found).group_by(*places)
            ):
                total += n
                _count(counters, body, organization, year, None, n)
            for outcomes, n in connection.execute(
                select(items.c.outcomes, func.count()).where(*found).group_by(items.c.outcomes)
            ):
                _count(counters, None, None, None, outcomes, n)
        # Whether decided by vote, and open or closed: one more small count each, on both backends.
        voted = connection.scalar(select(func.count()).where(*found, items.c.seq.in_(select(schema.votes.c.item_seq))))
        counters["vote"]["voted"] = voted or 0
        for public, n in connection.execute(
            select(items.c.public, func.count()).where(*found).group_by(items.c.public)
        ):
            counters["public"]["open" if public else "closed"] += n
    facets = {
        name: sorted(((v, n) for v, n in counter.items() if n), key=lambda pair: (-pair[1], pair[0]))
        for name, counter in counters.items()
    }
    return total, facets


def _count(
    counters: dict[str, Counter[str]],
    body: str | None,
    organization: str | None,
    year: int | None,
    outcomes: str | None,
    n: int,
) -> None:
    if body is not None:
        counters["body"][body] += n
    if organization is not None:
        counters["organization"][organization] += n
    if year is not None:
        counters["year"][str(year)] += n
    for outcome in (outcomes or "").split(","):
        if outcome:
            counters["outcome"][outcome] += n


def _hit(row: Any, terms: QueryTerms) -> Hit:
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
        snippet=make_snippet(texts, terms.stems),
        score=float(row.score or 0.0),
    )


def find_stems(text: str, stems: set[str]) -> list[int]:
    """Where words whose stem is in `stems` start in `text`.

    Snowball stems are prefixes of the lower-cased word, so each stem is looked for with str.find
    (C speed) and only words that start with one are stemmed.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer: offsets would shift
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    found: set[int] = set()
    for prefix in stems:
        at = lowered.find(prefix)
        while at != -1:
            if at == 0 or not lowered[at - 1].isalnum():
                end = WORD_REST.match(lowered, at + len(prefix))
                if end and stem(lowered[at : end.end()]) in stems:
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
