"""Parse benchmark (not a test): parse the example minutes repeatedly, report throughput and memory.

Usage: .venv/bin/python scripts/bench_parse.py [--rounds N] [FOLDER]
Prints MB/s and documents/s on one core (parsing is single-threaded), and the peak Python heap
during one parse of the largest document, measured with tracemalloc (which slows that run, so
it is measured separately from the timing).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
import tracemalloc
from pathlib import Path

from referat.parse.document import parse_document
from referat.sources.files import find_documents
from referat.sources.raw import RawDocument

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "examples")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    documents = [RawDocument(uri=str(p), data=p.read_bytes()) for p in find_documents(args.folder)]
    total_bytes = sum(len(d.data) for d in documents)
    for document in documents:  # warm up regex caches and imports
        parse_document(document)

    round_seconds = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for document in documents:
            parse_document(document)
        round_seconds.append(time.perf_counter() - start)
    median = statistics.median(round_seconds)

    largest = max(documents, key=lambda d: len(d.data))
    tracemalloc.start()
    parse_document(largest)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"documents: {len(documents)} ({total_bytes / 1e6:.3f} MB), rounds: {args.rounds}")
    print(f"median round: {median * 1000:.1f} ms (best {min(round_seconds) * 1000:.1f} ms)")
    print(f"throughput: {total_bytes / 1e6 / median:.2f} MB/s, {len(documents) / median:.1f} documents/s")
    print(f"peak heap while parsing the largest document ({len(largest.data) / 1e3:.0f} kB): {peak / 1e6:.2f} MB")
    print(f"peak resident memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.1f} MB")


if __name__ == "__main__":
    main()
