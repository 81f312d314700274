"""Load check (not a test): concurrent clients searching `referat serve` over loopback.

Usage: .venv/bin/python scripts/load_check.py [--db PATH_OR_URL] [--generate 10000] [--keep PATH]
                                              [--clients 20] [--seconds 30] [--workers 1] [--cache on|off|both] [--pin]
Without --db, a SQLite database of --generate meetings of real minutes (scripts/real_corpus.py; or
generated ones with --corpus generated) is built in a temporary folder
(ingesting 10,000 meetings takes a few minutes), or at --keep to be given as --db next time. The
server runs as its own process (`referat serve`), so client and server do not share an interpreter;
with the search result cache on (its default size) or off (REFERAT_SEARCH_CACHE=0), or one run of
each. Each client sends the search page's requests one after another: the 50 queries of
bench_store.py, as HTML pages (/soeg) and as JSON (/api/search), with their filters. Reports
requests/s, latency p50/p95/p99 and errors, and the CPU the server and the load generator used (in
% of one core) so that the figures can be read as the server's. The load generator runs at a lower
priority (nice 10), so that the server has the machine; with --pin (on two cores or more), the server
is pinned to the first core and the load generator to the others instead of sharing them.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from bench_store import QUERIES, percentile  # scripts/ is on sys.path when this script runs
from real_corpus import write_real_corpus

from referat.generate.minutes import write_corpus
from referat.settings import SEARCH_CACHE_ENV, SEARCH_CACHE_SIZE
from referat.sources.files import find_documents, read_file
from referat.store.db import open_database, optimize
from referat.store.ingest import ingest


def search_urls() -> list[str]:
    """The benchmark's queries as the UI's URLs, alternating page and JSON."""
    urls = []
    for n, (query, filters) in enumerate(QUERIES):
        parameters = {
            "q": query,
            "kommune": filters.body,
            "udvalg": filters.organization,
            "aar": filters.date_from[:4] if filters.date_from and filters.date_to else None,
            "udfald": filters.outcome,
        }
        path = "/soeg" if n % 2 == 0 else "/api/search"
        urls.append(str(httpx.URL(path, params={k: v for k, v in parameters.items() if v})))
    return urls


def build_database(meetings: int, folder: Path, corpus_kind: str) -> str:
    """A SQLite database of real minutes (scripts/real_corpus.py; the folder names the municipality)
    or of generated ones."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus"
    if corpus_kind == "real":
        files = write_real_corpus(meetings, corpus)
    else:
        write_corpus(meetings, corpus, seed=1)
        files = list(find_documents(corpus))
    database = str(folder / "load.sqlite")
    engine = open_database(database)
    started = time.perf_counter()
    for path in files:
        ingest(engine, read_file(path), body=path.parent.name if corpus_kind == "real" else None)
    optimize(engine)
    engine.dispose()
    print(f"ingested {meetings} {corpus_kind} meetings in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return database


async def client(
    base: str, urls: itertools.cycle[str], until: float, latencies: list[float], errors: list[str]
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.perf_counter() < until:
            url = next(urls)
            started = time.perf_counter()
            try:
                response = await http.get(url)
                if response.status_code != 200:
                    errors.append(f"{response.status_code} {url}")
            except httpx.HTTPError as exc:
                errors.append(f"{exc.__class__.__name__} {url}")
            latencies.append(time.perf_counter() - started)


async def load(base: str, clients: int, seconds: float) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    urls = itertools.cycle(search_urls())
    started = time.perf_counter()
    until = started + seconds
    await asyncio.gather(*(client(base, urls, until, latencies, errors) for _ in range(clients)))
    return latencies, errors, time.perf_counter() - started


def wait_for(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("referat serve exited")
        try:
            if httpx.get(base + "/", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("referat serve did not answer within 60 s")


LOAD_NICENESS = 10


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process and its live descendants (`--workers` > 1) have used so far
    (Linux /proc)."""
    stats = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process has gone
        stats[int(stat.parent.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))  # parent, CPU ticks
    family = {pid}
    for _ in range(3):  # the server, its workers, their threads' processes if any
        family |= {child for child, (parent, _) in stats.items() if parent in family}
    ticks = sum(stats[member][1] for member in family if member in stats)
    return ticks / os.sysconf("SC_CLK_TCK")


def run(database: str, args: argparse.Namespace, cache: bool) -> None:
    """Serve `database` and load it; print the figures of one run."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "referat", "serve", "--db", database, "--port", str(port)]
    command += ["--workers", str(args.workers)]
    environment = {**os.environ, SEARCH_CACHE_ENV: str(SEARCH_CACHE_SIZE if cache else 0)}
    cores = sorted(os.sched_getaffinity(0))
    server_cores, client_cores = (cores[:1], cores[1:]) if args.pin and len(cores) > 1 else (cores, cores)
    server = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, env=environment, preexec_fn=lambda: os.sched_setaffinity(0, server_cores)
    )
    os.sched_setaffinity(0, client_cores)
    os.nice(max(0, LOAD_NICENESS - os.nice(0)))  # the load generator yields to the server where they share a core
    try:
        wait_for(base, server)
        asyncio.run(load(base, 2, 3))  # warm-up: caches, connection pool
        server_before, client_before = cpu_seconds(server.pid), time.process_time()
        latencies, errors, elapsed = asyncio.run(load(base, args.clients, args.seconds))
        server_cpu = cpu_seconds(server.pid) - server_before
        client_cpu = time.process_time() - client_before
    finally:
        server.terminate()
        server.wait(10)
        os.sched_setaffinity(0, cores)
    milliseconds = [latency * 1000 for latency in latencies]
    rate = len(latencies) / elapsed
    setting = "on" if cache else "off"
    print(f"cache {setting}: {args.clients} clients, {elapsed:.1f} s, {len(latencies)} requests: {rate:.1f} req/s")
    print(
        f"  latency p50 {percentile(milliseconds, 0.50):.1f} ms, p95 {percentile(milliseconds, 0.95):.1f} ms, "
        f"p99 {percentile(milliseconds, 0.99):.1f} ms; errors: {len(errors)}"
    )
    print(
        f"  CPU: server {100 * server_cpu / elapsed:.0f}% of one core (cores {server_cores}), load generator "
        f"{100 * client_cpu / elapsed:.0f}% (cores {client_cores}, nice {os.nice(0)})"
    )
    for error in errors[:10]:
        print("  " + error)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing database (SQLite path or postgresql:// URL)")
    parser.add_argument("--generate", type=int, default=10_000, help="meetings to build when --db is not given")
    parser.add_argument("--corpus", choices=("real", "generated"), default="real", help="what to build them from")
    parser.add_argument("--keep", help="build the generated database at this path and keep it")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=1, help="server processes (referat serve --workers)")
    parser.add_argument("--cache", choices=("on", "off", "both"), default="both", help="the search result cache")
    parser.add_argument("--pin", action="store_true", help="server on the first core, load generator on the others")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="referat-load-") as folder:
        database = args.db or build_database(args.generate, Path(args.keep) if args.keep else Path(folder), args.corpus)
        for cache in {"on": [True], "off": [False], "both": [False, True]}[args.cache]:
            run(database, args, cache)


if __name__ == "__main__":
    main()
