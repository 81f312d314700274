"""Load check (not a test): concurrent clients searching `referat serve` over loopback.

Usage: .venv/bin/python scripts/load_check.py [--db PATH_OR_URL] [--generate 10000] [--clients 20] [--seconds 30]
                                              [--workers 1]
Without --db, a SQLite database of --generate generated meetings is built in a temporary folder
(ingesting 10,000 meetings takes a few minutes). The server runs as its own process
(`referat serve`), so client and server do not share an interpreter. Each client sends the search
page's requests one after another: the 50 queries of bench_store.py, as HTML pages (/soeg) and as
JSON (/api/search), with their filters. Reports requests/s, latency p50/p95/p99 and errors.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from bench_store import QUERIES, percentile  # scripts/ is on sys.path when this script runs

from referat.generate.minutes import write_corpus
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


def build_database(meetings: int, folder: Path) -> str:
    corpus = folder / "corpus"
    write_corpus(meetings, corpus, seed=1)
    database = str(folder / "load.sqlite")
    engine = open_database(database)
    started = time.perf_counter()
    for path in find_documents(corpus):
        ingest(engine, read_file(path))
    optimize(engine)
    engine.dispose()
    print(f"ingested {meetings} generated meetings in {time.perf_counter() - started:.0f} s", file=sys.stderr)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing database (SQLite path or postgresql:// URL)")
    parser.add_argument("--generate", type=int, default=10_000, help="meetings to generate when --db is not given")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=1, help="server processes (referat serve --workers)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="referat-load-") as folder:
        database = args.db or build_database(args.generate, Path(folder))
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        base = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "referat", "serve", "--db", database, "--port", str(port)]
        command += ["--workers", str(args.workers)]
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        try:
            wait_for(base, server)
            asyncio.run(load(base, 2, 3))  # warm-up: caches, connection pool
            latencies, errors, elapsed = asyncio.run(load(base, args.clients, args.seconds))
        finally:
            server.terminate()
            server.wait(10)
    milliseconds = [latency * 1000 for latency in latencies]
    rate = len(latencies) / elapsed
    print(f"{args.clients} clients, {elapsed:.1f} s, {len(latencies)} requests: {rate:.1f} requests/s")
    print(
        f"latency p50 {percentile(milliseconds, 0.50):.1f} ms, p95 {percentile(milliseconds, 0.95):.1f} ms, "
        f"p99 {percentile(milliseconds, 0.99):.1f} ms; errors: {len(errors)}"
    )
    for error in errors[:10]:
        print("  " + error)


if __name__ == "__main__":
    main()
