"""Extraction benchmark (not a test): PDF pages/s and HTML MB/s on the seeds rendered as published.

Usage: .venv/bin/python scripts/bench_extract.py [--rounds N]
Renders the five example minutes to PDF (running headers, footers, page numbers) and to HTML
meeting pages with the test suite's renderer, then times the extract stage alone and the whole
parse, on one core.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from referat.extract import extract  # noqa: E402
from referat.parse.document import parse_document  # noqa: E402
from referat.sources.files import find_documents  # noqa: E402
from referat.sources.raw import RawDocument  # noqa: E402
from tests.render import read_layout, render_html_meeting, render_pdf  # noqa: E402


def _best_seconds(documents: list[RawDocument], step: Callable[[RawDocument], object], rounds: int) -> float:
    """The median time of one pass over all documents."""
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        for document in documents:
            step(document)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    seeds = list(find_documents(ROOT / "examples"))
    layouts = [read_layout(path) for path in seeds]
    pdfs = [
        RawDocument(uri=f"{p.stem}.pdf", data=render_pdf(lay, "Referat")) for p, lay in zip(seeds, layouts, strict=True)
    ]
    pages = sum(len(pdfium.PdfDocument(d.data)) for d in pdfs)
    htmls = [
        RawDocument(uri=f"{p.stem}.html", data=render_html_meeting(lay).encode())
        for p, lay in zip(seeds, layouts, strict=True)
    ]
    html_mb = sum(len(d.data) for d in htmls) / 1e6
    for document in pdfs + htmls:  # warm up
        parse_document(document)
    pdf_extract = _best_seconds(pdfs, extract, args.rounds)
    pdf_parse = _best_seconds(pdfs, parse_document, args.rounds)
    html_extract = _best_seconds(htmls, extract, args.rounds)
    html_parse = _best_seconds(htmls, parse_document, args.rounds)
    print(f"PDF : {len(pdfs)} documents, {pages} pages, {sum(len(d.data) for d in pdfs) / 1e6:.2f} MB")
    print(f"      extract {pages / pdf_extract:7.1f} pages/s   extract+parse {pages / pdf_parse:7.1f} pages/s")
    print(f"HTML: {len(htmls)} documents, {html_mb:.2f} MB")
    print(f"      extract {html_mb / html_extract:7.2f} MB/s     extract+parse {html_mb / html_parse:7.2f} MB/s")


if __name__ == "__main__":
    main()
