"""Search quality against a judged relevance set (not a test): P@10, R@50 and nDCG@10 per query, and false friends.

Usage:
    .venv/bin/python scripts/relevance.py                  # temporary SQLite database of examples/ + the Greve corpus
    .venv/bin/python scripts/relevance.py --db referat.sqlite
    .venv/bin/python scripts/relevance.py --db postgresql://postgres@127.0.0.1:5432/referat
    .venv/bin/python scripts/relevance.py --both           # SQLite and a throw-away PostgreSQL database side by side
    .venv/bin/python scripts/relevance.py --json > figures.json

The judgments (tests/fixtures/relevance/judgments.json) were made by reading the items, not from what
search returned, so they stay valid while matching and ranking change. Each judged item is named by a
key (body, organization, date, number, title) and resolved to a stored item: the item with the same
body, committee, date and number whose title is similar enough (difflib ratio >= 0.6), else the item
of the same body and date (then the same body) with the most similar title (ratio >= 0.85, then 0.92).
Keys that resolve to nothing are reported and left out of the figures.

Per query, with R = the judged relevant items (grade 1 or 2) that resolved and the first 50 hits of
`referat.store.search.search`:
    P@10    = |top 10 ∩ R| / 10 (standard; a query with fewer than 10 relevant items cannot reach 1.0)
    R@50    = |top 50 ∩ R| / |R|
    nDCG@10 = DCG@10 / IDCG@10, DCG = sum over ranks i <= 10 of (2^grade - 1) / log2(i + 1), grade 0 for a
              hit not judged relevant; IDCG is the DCG of the judged grades sorted best first.
Overall figures are means over the queries. Per backend, the script also says in how many queries the
title-first promise holds: no hit whose title holds every query word (in a form the search looked for)
comes after one whose title does not. Top-10 hits that are not in R are listed as "judged not
relevant" (in the query's not_relevant list) or "unjudged".

False friends (tests/fixtures/relevance/false_friends.json) are checked on whole search results (every
hit of the query, not a page). A stored item "contains" a word when the word is one of the lower-cased
words of the text the index reads: title, decision, the other sections except absences, and proposals
(so a word search cannot see, such as a name in an absence list, is never required). An entry passes when
    - every item that contains a must_match word is a hit, and
    - no item that contains a must_not_match word, but no legitimate form (the query word, a must_match
      or also_ok word, or a word that matches also_ok_pattern in full), is a hit: such an item can only
      have been found through the false friend.
The default database is built with referat's own ingest from examples/ and the Greve FirstAgenda JSON
($REFERAT_GREVE_CORPUS or --greve, default ../shared/corpus/greve beside the project, stored with body "Greve Kommune").
PostgreSQL databases built by --both are created on $REFERAT_TEST_POSTGRES's server (or --postgres) and
dropped afterwards. Only the project's own dependencies are used.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Engine, select

from referat.errors import ReferatError
from referat.sources.files import find_documents, read_file
from referat.store import schema
from referat.store.analysis import committee_name_parts, stem, words
from referat.store.db import open_database, optimize
from referat.store.ingest import ingest
from referat.store.search import Filters, search

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "relevance"
EXAMPLES = ROOT / "examples"
GREVE = Path(os.environ.get("REFERAT_GREVE_CORPUS", ROOT.parent / "shared" / "corpus" / "greve"))
ADMIN_URL = os.environ.get("REFERAT_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
TOP_P, TOP_R, TOP_N = 10, 50, 10
SAME_KEY_TITLE, SAME_DATE_TITLE, SAME_BODY_TITLE = 0.6, 0.85, 0.92
WORD = re.compile(r"[^\W_]+")
UNINDEXED = {"decision", "absence"}  # section kinds the index reads as the decision, or not at all
SHOWN = 5  # missed items and non-relevant hits listed per query unless --verbose
EXAMPLES_SHOWN = 2  # items named per failing false-friend word (listed with --verbose)


@dataclass(frozen=True)
class Stored:
    id: str
    body: str | None
    organization: str | None
    date: str | None
    number: int | None
    title: str

    def label(self) -> str:
        return f"{self.date} {self.organization} #{self.number}: {self.title}"


@dataclass
class QueryResult:
    id: str
    query: str
    filters: dict[str, Any]
    relevant: int
    p10: float
    r50: float
    ndcg10: float
    missed: list[str] = field(default_factory=list)
    nonrelevant_top10: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    title_first: bool = True  # no hit whose title holds every query word comes after one whose title does not


@dataclass
class FriendResult:
    query: str
    passed: bool
    hits: int
    must_match: dict[str, list[int]] = field(default_factory=dict)  # word -> [found, items containing it]
    must_not_match: dict[str, list[int]] = field(default_factory=dict)  # word -> [hit, items with only it]
    examples: list[str] = field(default_factory=list)


@dataclass
class Report:
    backend: str
    queries: list[QueryResult]
    friends: list[FriendResult]
    seconds: float

    def overall(self) -> dict[str, float]:
        n = len(self.queries) or 1
        return {
            "p10": sum(q.p10 for q in self.queries) / n,
            "r50": sum(q.r50 for q in self.queries) / n,
            "ndcg10": sum(q.ndcg10 for q in self.queries) / n,
        }


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a.casefold().strip(), b.casefold().strip()).ratio()


class Resolver:
    """Judged keys -> stored item ids, by natural key and then by title similarity."""

    def __init__(self, items: list[Stored]) -> None:
        self.by_key: dict[tuple[Any, ...], list[Stored]] = defaultdict(list)
        self.by_date: dict[tuple[Any, ...], list[Stored]] = defaultdict(list)
        self.by_body: dict[Any, list[Stored]] = defaultdict(list)
        for item in items:
            self.by_key[(item.body, item.organization, item.date, item.number)].append(item)
            self.by_date[(item.body, item.date)].append(item)
            self.by_body[item.body].append(item)

    def resolve(self, key: dict[str, Any]) -> Stored | None:
        title = key["title"]
        exact = self.by_key.get((key["body"], key["organization"], key["date"], key["number"]), [])
        for candidates, threshold in (
            (exact, SAME_KEY_TITLE),
            (self.by_date.get((key["body"], key["date"]), []), SAME_DATE_TITLE),
            (self.by_body.get(key["body"], []), SAME_BODY_TITLE),
        ):
            best = max(candidates, key=lambda item: similarity(item.title, title), default=None)
            if best is not None and similarity(best.title, title) >= threshold:
                return best
        return None


def stored_items(engine: Engine) -> list[Stored]:
    items = schema.items
    columns = (items.c.id, items.c.body, items.c.organization, items.c.date, items.c.number, items.c.title)
    with engine.connect() as connection:
        return [Stored(*row) for row in connection.execute(select(*columns))]


def item_words(engine: Engine) -> dict[str, set[str]]:
    """Each stored item's lower-cased words, from the text the index reads.

    That is the title, the decision, and the sections other than decision and absence plus the
    proposals (as store/reindex.py `body_text` builds it), so a word search cannot see is never required:
    nor is the part before a hyphen of a committee's coordinated name ("Plan-" in "Plan- og
    Tryghedsudvalget"), which names a committee, not the word (store/analysis.py).
    """
    items, texts = schema.items, schema.item_texts
    words: dict[str, set[str]] = {}
    columns = (items.c.id, items.c.title, texts.c.decision, texts.c.item)
    query = select(*columns).join(texts, texts.c.item_seq == items.c.seq)
    with engine.connect() as connection:
        for item_id, title, decision, item_json in connection.execute(query):
            item = json.loads(item_json)
            kinds = {section["heading"]: section["kind"] for section in item.get("section_list", [])}
            body = [text for heading, text in item.get("sections", {}).items() if kinds.get(heading) not in UNINDEXED]
            parts = [title, decision or "", *body, *item.get("proposals", [])]
            text = " ".join(parts)
            committees = committee_name_parts(text)
            words[item_id] = {match.group().lower() for match in WORD.finditer(text) if match.start() not in committees}
    return words


def dcg(grades: list[int]) -> float:
    return float(sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades)))


def run_queries(
    engine: Engine, judged: list[dict[str, Any]], resolver: Resolver, related: bool = True
) -> list[QueryResult]:
    """Search every judged query and score the first 50 hits (related items included, unless not
    `related`) against its judgments."""
    results = []
    for entry in judged:
        grades: dict[str, int] = {}
        labels: dict[str, str] = {}
        unresolved = []
        for judgment in entry["relevant"]:
            item = resolver.resolve(judgment["key"])
            if item is None:
                unresolved.append(_key_label(judgment["key"]))
                continue
            grades[item.id] = max(grades.get(item.id, 0), judgment["grade"])
            labels[item.id] = item.label()
        rejected = {}
        for judgment in entry.get("not_relevant", []):
            item = resolver.resolve(judgment["key"])
            if item is not None:
                rejected[item.id] = judgment["why"]
        found_by = search(engine, entry["query"], Filters(**entry["filters"]), limit=TOP_R, related=related)
        hits = found_by.hits
        ids = [hit.item_id for hit in hits]
        ideal = sorted(grades.values(), reverse=True)[:TOP_N]
        found = set(ids[:TOP_R])
        result = QueryResult(
            id=entry["id"],
            query=entry["query"],
            filters=entry["filters"],
            relevant=len(grades),
            p10=sum(1 for i in ids[:TOP_P] if i in grades) / TOP_P,
            r50=len(found & grades.keys()) / len(grades) if grades else 0.0,
            ndcg10=dcg([grades.get(i, 0) for i in ids[:TOP_N]]) / dcg(ideal) if ideal else 0.0,
            unresolved=unresolved,
            title_first=titles_first([hit.title for hit in hits], found_by.terms),
        )
        best_first = sorted(grades, key=lambda i: -grades[i])
        result.missed = [f"[{grades[i]}] {labels[i]}" for i in best_first if i not in found]
        for rank, hit in enumerate(hits[:TOP_P], 1):
            if hit.item_id not in grades:
                verdict = f"judged not relevant: {rejected[hit.item_id]}" if hit.item_id in rejected else "unjudged"
                result.nonrelevant_top10.append(f"#{rank} {hit.date} {hit.organization}: {hit.title} ({verdict})")
        results.append(result)
    return results


def titles_first(titles: list[str], alternatives: list[list[str]]) -> bool:
    """Whether the hits whose titles hold every query word (a form the search looked for) come first."""
    holds = [all(any(stem(w) in forms for w in words(title)) for forms in alternatives) for title in titles]
    return holds == sorted(holds, reverse=True)


def check_friends(
    engine: Engine, entries: list[dict[str, Any]], words: dict[str, set[str]], labels: dict[str, str]
) -> list[FriendResult]:
    """Run each false-friend query over the whole result set and apply the must / must-not rules."""
    results = []
    for entry in entries:
        query = entry["query"]
        total = search(engine, query, limit=1).total
        hits = {hit.item_id for hit in search(engine, query, limit=max(total, 1)).matches} if total else set()
        legit = {query.lower(), *entry["must_match"], *entry.get("also_ok", [])}
        pattern = re.compile(entry["also_ok_pattern"]) if entry.get("also_ok_pattern") else None
        result = FriendResult(query=query, passed=True, hits=len(hits))
        for word in entry["must_match"]:
            containing = {i for i, ws in words.items() if word in ws}
            missing = containing - hits
            result.must_match[word] = [len(containing) - len(missing), len(containing)]
            if missing:
                result.passed = False
                result.examples += [f"not found ({word}): {labels[i]}" for i in sorted(missing)[:EXAMPLES_SHOWN]]
        for word in entry["must_not_match"]:
            only = {i for i, ws in words.items() if word in ws and not has_legit_form(ws, legit, pattern)}
            wrong = only & hits
            result.must_not_match[word] = [len(wrong), len(only)]
            if wrong:
                result.passed = False
                result.examples += [f"hit only through {word}: {labels[i]}" for i in sorted(wrong)[:EXAMPLES_SHOWN]]
        results.append(result)
    return results


def has_legit_form(item_words: set[str], legit: set[str], pattern: re.Pattern[str] | None) -> bool:
    """Whether an item holds a form the query may rightly find it by."""
    return bool(item_words & legit) or (pattern is not None and any(pattern.fullmatch(w) for w in item_words))


def evaluate(
    engine: Engine, backend: str, judged: list[dict[str, Any]], friends: list[dict[str, Any]], related: bool = True
) -> Report:
    started = time.perf_counter()
    items = stored_items(engine)
    queries = run_queries(engine, judged, Resolver(items), related)
    checked = check_friends(engine, friends, item_words(engine), {item.id: item.label() for item in items})
    return Report(backend, queries, checked, time.perf_counter() - started)


def build(engine: Engine, examples: Path, greve: Path) -> None:
    """Store the example minutes and the Greve portal JSON with referat's own ingest, then tidy the index."""
    failed = []
    for folder, body in ((examples, None), (greve, "Greve Kommune")):
        for path in find_documents(folder):
            try:
                outcome = ingest(engine, read_file(path), body=body)
            except ReferatError as exc:
                failed.append(f"{path}: {exc}")
                continue
            if outcome.status == "failed":
                failed.append(f"{path}: {outcome.reason}")
    optimize(engine)
    for line in failed:
        print(f"not stored: {line}", file=sys.stderr)


@contextmanager
def sqlite_database(examples: Path, greve: Path) -> Iterator[Engine]:
    with tempfile.TemporaryDirectory(prefix="referat-relevance-") as folder:
        engine = open_database(str(Path(folder) / "relevance.sqlite"))
        try:
            build(engine, examples, greve)
            yield engine
        finally:
            engine.dispose()


@contextmanager
def postgres_database(admin_url: str, examples: Path, greve: Path) -> Iterator[Engine]:
    name = f"referat_relevance_{os.getpid()}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    engine = open_database(admin_url.rsplit("/", 1)[0] + f"/{name}")
    try:
        build(engine, examples, greve)
        yield engine
    finally:
        engine.dispose()
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _key_label(key: dict[str, Any]) -> str:
    return f"{key['date']} {key['organization']} #{key['number']}: {key['title']}"


def _figures(result: QueryResult) -> str:
    return f"{result.p10:5.2f} {result.r50:5.2f} {result.ndcg10:5.2f}"


def _listed(lines: list[str], verbose: bool) -> list[str]:
    if verbose or len(lines) <= SHOWN:
        return lines
    return [*lines[:SHOWN], f"… and {len(lines) - SHOWN} more"]


def print_reports(reports: list[Report], verbose: bool) -> None:
    """Per query, the figures of every backend side by side, then what each one missed and got wrong."""
    names = " | ".join(f"{r.backend:^17}" for r in reports)
    print(f"{'query':<28} {'filters':<44} {'rel':>4} | {names}")
    print(f"{'':<28} {'':<44} {'':>4} | " + " | ".join(f"{'P@10  R@50  nDCG':^17}" for _ in reports))
    for index, first in enumerate(reports[0].queries):
        filters = json.dumps(first.filters, ensure_ascii=False)
        row = " | ".join(_figures(r.queries[index]) for r in reports)
        print(f"{first.query[:28]:<28} {filters[:44]:<44} {first.relevant:>4} | {row}")
    overall = " | ".join(" ".join(f"{v:5.2f}" for v in r.overall().values()) for r in reports)
    print(f"{'overall (mean of ' + str(len(reports[0].queries)) + ' queries)':<78} | {overall}")
    for report in reports:
        out_of_order = [q.id for q in report.queries if not q.title_first]
        print(
            f"{report.backend}: title matches first in {len(report.queries) - len(out_of_order)} of "
            f"{len(report.queries)} queries {out_of_order or ''}"
        )
    for report in reports:
        print(f"\n== {report.backend}: details ({report.seconds:.1f} s)")
        for result in report.queries:
            if not (result.missed or result.nonrelevant_top10 or result.unresolved):
                continue
            print(f"{result.id} ({result.query}): P@10 / R@50 / nDCG@10 {_figures(result)}")
            for title, lines in (
                ("unresolved key", result.unresolved),
                ("missed (not in top 50)", result.missed),
                ("top-10 hit not relevant", result.nonrelevant_top10),
            ):
                for line in _listed(lines, verbose):
                    print(f"    {title}: {line}")
    print("\n== false friends (whole result sets)")
    for index, entry in enumerate(reports[0].friends):
        verdicts = "  ".join(f"{r.backend}: {'PASS' if r.friends[index].passed else 'FAIL'}" for r in reports)
        print(f"{entry.query:<14} {verdicts}")
        for report in reports:
            friend = report.friends[index]
            must = ", ".join(f"{w} {f}/{n}" for w, (f, n) in friend.must_match.items())
            must_not = ", ".join(f"{w} {h}/{n}" for w, (h, n) in friend.must_not_match.items())
            print(f"    {report.backend}: {friend.hits} hits; found: {must}; false-friend-only hits: {must_not or '-'}")
            if verbose:
                for line in friend.examples:
                    print(f"        {line}")
    for report in reports:
        passed = sum(f.passed for f in report.friends)
        print(f"{report.backend}: {passed}/{len(report.friends)} false-friend entries pass")


def as_json(reports: list[Report]) -> dict[str, Any]:
    return {
        r.backend: {
            "overall": r.overall(),
            "seconds": round(r.seconds, 1),
            "queries": [asdict(q) for q in r.queries],
            "false_friends": [asdict(f) for f in r.friends],
        }
        for r in reports
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database path or postgresql:// URL (default: build a temporary SQLite database)")
    parser.add_argument("--both", action="store_true", help="build SQLite and a throw-away PostgreSQL database")
    parser.add_argument("--postgres", default=ADMIN_URL, help="PostgreSQL server (admin URL) for --both")
    parser.add_argument("--examples", type=Path, default=EXAMPLES, help="folder of example minutes")
    parser.add_argument("--greve", type=Path, default=GREVE, help="Greve FirstAgenda JSON ($REFERAT_GREVE_CORPUS)")
    parser.add_argument("--judgments", type=Path, default=FIXTURES / "judgments.json")
    parser.add_argument("--false-friends", type=Path, default=FIXTURES / "false_friends.json")
    parser.add_argument("--only", action="append", help="run only this query id (repeatable)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--verbose", action="store_true", help="list every missed and non-relevant item")
    parser.add_argument("--no-related", action="store_true", help="only the matches, without related items after them")
    args = parser.parse_args()
    if args.db and args.both:
        parser.error("--both builds its own databases; leave out --db")
    judged = json.loads(args.judgments.read_text(encoding="utf-8"))["queries"]
    if args.only:
        judged = [q for q in judged if q["id"] in args.only]
    friends = json.loads(args.false_friends.read_text(encoding="utf-8"))["entries"]
    reports = []
    if args.db:
        engine = open_database(args.db)
        try:
            reports.append(evaluate(engine, engine.dialect.name, judged, friends, not args.no_related))
        finally:
            engine.dispose()
    else:
        with sqlite_database(args.examples, args.greve) as engine:
            reports.append(evaluate(engine, "sqlite", judged, friends, not args.no_related))
        if args.both:
            with postgres_database(args.postgres, args.examples, args.greve) as engine:
                reports.append(evaluate(engine, "postgresql", judged, friends, not args.no_related))
    if args.json:
        json.dump(as_json(reports), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_reports(reports, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
