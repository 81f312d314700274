"""Store benchmark (not a test): ingest corpora into SQLite and PostgreSQL, then search them.

Usage: .venv/bin/python scripts/bench_store.py [--sizes 1000,10000] [--backends sqlite,postgresql]
                                               [--corpus real|generated] [--workers 2] [--keep DIR]
       .venv/bin/python scripts/bench_store.py --db URL   (search a database kept before, no ingest)
The corpus is real minutes by default (scripts/real_corpus.py: the Greve meetings replicated under
other municipalities' names with a growing vocabulary); `generated` takes the synthetic minutes.
Reports ingest throughput (documents/s, MB/s; `--workers` processes parse, as `referat ingest
--workers`) with the load average over the last minute when the ingest ended (the machine's other
work slows it), database size, and search latency p50/p95/p99 over 50 fixed queries: the first ask
of each query (nothing cached) and the runs after it (--repeat).
PostgreSQL databases are created on $REFERAT_TEST_POSTGRES's server and dropped afterwards, unless
--keep is given: then the SQLite files go to DIR and the PostgreSQL databases stay, for --db, profiling
and scripts/load_check.py.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import psycopg
from real_corpus import write_real_corpus
from sqlalchemy import Engine, text

from referat.generate.minutes import write_corpus
from referat.sources.files import find_documents
from referat.store.db import open_database, optimize
from referat.store.pipeline import ingest_all
from referat.store.search import Filters, search

ADMIN_URL = os.environ.get("REFERAT_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
# What users of such a collection type: topic words, compound parts, phrases, names of things, with
# and without filters; a few broad words ("borgere", "kommune") are in on purpose.
QUERIES: list[tuple[str, Filters]] = [
    (q, Filters())
    for q in [
        "indsats", "ledighed", "nytteindsats", "langtidsledigheden", "budgetopfølgning", "tillægsbevilling",
        "klimaplan", "solceller varmepumper", "fjernvarme", "cykelstier", "skoleveje", "plejeboliger venteliste",
        "hjemmeplejen", "velfærdsteknologi", "værestederne", "gadeplansmedarbejderne", "flygtninge Ukraine",
        "danskuddannelsen", "trivselsmåling", "afgangsprøverne", "sygedagpenge", "jobafklaringsforløb",
        "akutpladser psykiatri", "recoveryplan", "pavilloner", "totalentreprise", "e-bøger", "madaffald",
        "genbrugspladsen", "vuggestuepladser", "minimumsnormeringer", "lokalplan rækkehuse", "skyggegener",
        '"sikre skoleveje"', '"arbejdspligten betyder"', "virksomhedspraktik løntilskud", "ungdomsskolen e-sport",
        "zebrafinke", "borgere", "kommune",
    ]
] + [
    ("indsats", Filters(organization="Økonomiudvalget")),
    ("budgetopfølgning", Filters(body="Vejle Kommune")),
    ("ledighed", Filters(outcome="approved")),
    ("klimaplan", Filters(date_from="2023-01-01", date_to="2023-12-31")),
    ("", Filters(organization="Byrådet", body="Greve Kommune")),
    ("", Filters(outcome="rejected")),
    ("nytteindsats", Filters(public=True, outcome="recommended")),
    ("afgangsprøverne", Filters(body="Gladsaxe Kommune", organization="Børne- og Undervisningsudvalget")),
    ("plejeboliger", Filters(date_from="2024-01-01")),
    ("handleplan", Filters(outcome="noted", body="Lejre Kommune")),
]  # fmt: skip


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def database_size(engine: Engine, path: Path | None) -> int:
    if path is not None:
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    with engine.connect() as connection:
        return int(connection.scalar(text("SELECT pg_database_size(current_database())")) or 0)


def run(
    backend: str,
    files: list[Path],
    workdir: Path,
    repeat: int,
    bodies: dict[Path, str],
    workers: int,
    keep: bool,
) -> dict[str, float]:
    """Ingest `files` into a new database of `backend`, then measure the queries on it."""
    size_bytes = sum(p.stat().st_size for p in files)
    db_path: Path | None = None
    name = f"referat_bench_{len(files)}"
    if backend == "sqlite":
        db_path = workdir / f"bench-{len(files)}.sqlite"
        db_path.unlink(missing_ok=True)
        url = str(db_path)
    else:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        url = ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    engine = open_database(url)
    try:
        start = time.perf_counter()
        # a real corpus's folder names the municipality, as `referat ingest --body` would
        sources = [(str(path), bodies.get(path)) for path in files]
        statuses = [outcome.status for outcome in ingest_all(engine, sources, workers=workers)]
        seconds = time.perf_counter() - start
        load = os.getloadavg()[0]
        assert statuses.count("stored") == len(files), {s: statuses.count(s) for s in set(statuses)}
        optimize(engine)  # as `referat ingest` does after a large batch
        figures = {
            "documents": len(files),
            "docs_per_s": len(files) / seconds,
            "mb_per_s": size_bytes / 1e6 / seconds,
            "load": load,
            "db_mb": database_size(engine, db_path) / 1e6,
        }
        return figures | measure(engine, repeat)
    finally:
        engine.dispose()
        if backend == "postgresql" and not keep:
            with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def measure(engine: Engine, repeat: int) -> dict[str, float]:
    """Search latency of the 50 queries: the first ask of each, then `repeat` runs."""
    latencies: list[float] = []
    first_asks: list[float] = []
    totals = 0
    for query, filters in QUERIES:
        t = time.perf_counter()
        search(engine, query, filters)
        first_asks.append((time.perf_counter() - t) * 1000)
        for _ in range(repeat):
            t = time.perf_counter()
            totals += search(engine, query, filters).total
            latencies.append((time.perf_counter() - t) * 1000)
    return {
        "p50": percentile(latencies, 0.50),
        "p95": percentile(latencies, 0.95),
        "p99": percentile(latencies, 0.99),
        "first_p50": percentile(first_asks, 0.50),
        "first_p95": percentile(first_asks, 0.95),
        "first_p99": percentile(first_asks, 0.99),
        "hits": totals / repeat,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", choices=["real", "generated"], default="real")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the databases (SQLite files in this folder)")
    parser.add_argument("--db", help="only search this database, kept before (SQLite path or postgresql:// URL)")
    args = parser.parse_args()
    assert len(QUERIES) == 50
    if args.db:
        engine = open_database(args.db)
        r = measure(engine, args.repeat)
        engine.dispose()
        print("  ".join(f"{key} {value:.1f}" for key, value in r.items()))
        return
    with tempfile.TemporaryDirectory(prefix="referat-bench-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        print(
            "backend     meetings  corpus MB  docs/s   MB/s  load  db MB   p50 ms  p95 ms  p99 ms"
            "  first ask: p50 ms  p95 ms  p99 ms"
        )
        for size in (int(s) for s in args.sizes.split(",")):
            corpus = Path(tmp) / f"corpus-{size}"
            if args.corpus == "real":
                files = write_real_corpus(size, corpus, seed=args.seed)
            else:
                write_corpus(size, corpus, seed=args.seed)
                files = list(find_documents(corpus))
            bodies = {path: path.parent.name for path in files} if args.corpus == "real" else {}
            corpus_mb = sum(p.stat().st_size for p in files) / 1e6
            for backend in args.backends.split(","):
                r = run(backend, files, workdir, args.repeat, bodies, args.workers, keep=args.keep is not None)
                print(
                    f"{backend:<11} {size:>8}  {corpus_mb:>9.1f}  {r['docs_per_s']:>6.1f}  {r['mb_per_s']:>5.2f}  "
                    f"{r['load']:>4.1f}  "
                    f"{r['db_mb']:>5.0f}  {r['p50']:>7.1f} {r['p95']:>7.1f} {r['p99']:>7.1f}"
                    f"             {r['first_p50']:>7.1f} {r['first_p95']:>7.1f} {r['first_p99']:>7.1f}",
                    flush=True,
                )
        print(
            f"(ingest: {args.workers} parsing process(es); latency over {len(QUERIES)} queries x {args.repeat} runs "
            "after the first ask; first ask once each)"
        )


if __name__ == "__main__":
    main()
