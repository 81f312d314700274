"""Hostile-files probe (not a test): time and peak memory of `referat parse` on inputs built to hurt.

Usage: .venv/bin/python scripts/hostile_files.py LABEL [--cases 1,2,...] [--timeout 300] [--cap-gb 8]
Builds each input in a temporary folder, runs `python -m referat parse FILE` on it in a child
process under an address-space cap (so the machine survives) and a timeout, and records wall time,
CPU time, the child's peak RSS and whether the document was answered (exit 0), refused (exit 1 with a
reason) or killed at the cap or the timeout. Prints a table and writes
docs/figures/hostile-files-LABEL.json. PYTHONPATH set to an exported tree (git archive) measures
that tree's code instead of the working tree's.

The cases (issue 23, robustness point 4):
1. a DOCX whose word/document.xml unpacks to ~1.05 GB (just under 1 GiB), highly compressible;
2. a DOCX whose word/document.xml unpacks to ~300 MB;
3. a small DOCX of 40 real paragraphs and then 1,000,000 empty paragraphs;
4. 52 MB of text in 26 million short lines;
5. an HTML page nested 100,000 levels deep;
6. a 50 MB minutes text: the five real seed minutes, repeated.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "examples").rglob("*.txt"))
MB = 1_000_000

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
DOCUMENT_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)
DOCUMENT_END = "</w:body></w:document>"


def _paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _seed_lines() -> list[str]:
    """The real minutes' non-blank lines, XML-escaped, as paragraph texts."""
    lines: list[str] = []
    for path in SEEDS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                lines.append(line.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    return lines


def _docx(path: Path, body_chunks: Callable[[], Iterator[bytes]]) -> None:
    """A minimal DOCX whose document.xml is written chunk by chunk, so a 1 GB part never sits in memory."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(DOCUMENT_START.encode())
            for chunk in body_chunks():
                part.write(chunk)
            part.write(DOCUMENT_END.encode())


def _repeated_minutes_docx(path: Path, unpacked: int) -> None:
    """document.xml of real minutes' paragraphs repeated until it unpacks to `unpacked` bytes: a
    block under deflate's 32 KB window, so the part compresses some 1,000 times like a ZIP bomb."""
    block = b""
    for line in _seed_lines():
        paragraph = _paragraph(line).encode()
        if len(block) + len(paragraph) > 16_000:
            break
        block += paragraph

    def chunks() -> Iterator[bytes]:
        written = 0
        while written + len(block) < unpacked:
            yield block
            written += len(block)

    _docx(path, chunks)


def build_bomb(folder: Path) -> Path:
    path = folder / "bomb-1.05GB.docx"
    _repeated_minutes_docx(path, 1_050 * MB)
    return path


def build_300(folder: Path) -> Path:
    path = folder / "unpacks-300MB.docx"
    _repeated_minutes_docx(path, 300 * MB)
    return path


def build_empty_paragraphs(folder: Path) -> Path:
    path = folder / "million-empty-paragraphs.docx"
    first = "".join(_paragraph(line) for line in _seed_lines()[:40]).encode()
    empty = b'<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p>'

    def chunks() -> Iterator[bytes]:
        yield first
        for _ in range(1_000):
            yield empty * 1_000

    _docx(path, chunks)
    return path


def build_short_lines(folder: Path) -> Path:
    path = folder / "short-lines.txt"
    with path.open("wb") as out:
        for _ in range(26):
            out.write(b"a\n" * 1_000_000)
    return path


def build_deep_html(folder: Path) -> Path:
    path = folder / "deep.html"
    depth = 100_000
    path.write_text(
        "<!doctype html><html><head><title>Referat</title></head><body>"
        + "<div>" * depth
        + "Økonomiudvalget"
        + "</div>" * depth
        + "</body></html>",
        encoding="utf-8",
    )
    return path


def build_minutes_text(folder: Path) -> Path:
    path = folder / "minutes-50MB.txt"
    text = "\n\n".join(seed.read_text(encoding="utf-8") for seed in SEEDS).encode()
    with path.open("wb") as out:
        written = 0
        while written + len(text) <= 50 * MB:
            out.write(text + b"\n\n")
            written += len(text) + 2
    return path


CASES: dict[int, tuple[str, Callable[[Path], Path]]] = {
    1: ("DOCX unpacking to 1.05 GB", build_bomb),
    2: ("DOCX unpacking to 300 MB", build_300),
    3: ("DOCX, 1,000,000 empty paragraphs", build_empty_paragraphs),
    4: ("text, 26 million short lines", build_short_lines),
    5: ("HTML nested 100,000 deep", build_deep_html),
    6: ("50 MB minutes text (real)", build_minutes_text),
}


@dataclass
class Result:
    case: int
    name: str
    input_bytes: int
    seconds: float
    cpu_seconds: float
    peak_mb: float
    outcome: str  # answered, refused, killed at cap, killed at timeout, crashed
    message: str


@dataclass
class Measured:
    """Wall time, CPU time (user + system: what a shared machine does not inflate) and peak RSS."""

    seconds: float
    cpu_seconds: float
    peak_mb: float


def _run(path: Path, timeout: float, cap_bytes: int) -> tuple[Measured, str, str]:
    """What one `referat parse` in a fresh child cost, its outcome and its message."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap_bytes, cap_bytes))

    # The wrapper waits for referat, so the peak RSS it reads covers a child killed at the timeout too.
    wrapper = (
        "import resource, subprocess, sys, json\n"
        "try:\n"
        "    p = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,\n"
        "                       timeout=float(sys.argv[1]))\n"
        "    code, stderr = p.returncode, p.stderr\n"
        "except subprocess.TimeoutExpired:\n"
        "    code, stderr = 'timeout', ''\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps([code, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, stderr[-2000:]]))\n"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", wrapper, str(timeout), sys.executable, "-m", "referat", "parse", str(path)],
        capture_output=True,
        text=True,
        preexec_fn=limit,
        env={**os.environ, "COLUMNS": "400"},
        cwd=path.parent,  # not the work tree: `-m` puts the current folder first on sys.path
    )
    seconds = time.perf_counter() - start
    code, peak_kb, cpu, stderr = json.loads(done.stdout)
    measured = Measured(seconds, cpu, peak_kb / 1024)
    if code == "timeout":
        return measured, "killed at timeout", f"no answer in {timeout:.0f} s"
    message = " ".join(stderr.split())[:300]
    if code == 0:
        return measured, "answered", message
    if "MemoryError" in stderr or code < 0:
        return measured, "killed at cap", message[-300:]
    if code == 1 and "error" in stderr:
        return measured, "refused", message
    return measured, f"crashed (exit {code})", message[-300:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("label", help="e.g. before, after: names docs/figures/hostile-files-LABEL.json")
    parser.add_argument("--cases", default=",".join(str(case) for case in CASES))
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--cap-gb", type=float, default=8.0)
    args = parser.parse_args()
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        for case in (int(number) for number in args.cases.split(",")):
            name, build = CASES[case]
            path = build(Path(folder))
            cost, outcome, message = _run(path, args.timeout, int(args.cap_gb * 1024**3))
            size = path.stat().st_size
            result = Result(
                case,
                name,
                size,
                round(cost.seconds, 1),
                round(cost.cpu_seconds, 1),
                round(cost.peak_mb),
                outcome,
                message,
            )
            results.append(result)
            print(
                f"{case}  {name:36} {size / MB:7.1f} MB  {cost.seconds:7.1f} s  {cost.cpu_seconds:7.1f} s CPU"
                f"  {cost.peak_mb:7.0f} MB  {outcome}"
            )
            print(f"   {message[:200]}", flush=True)
            path.unlink()
    target = ROOT / "docs" / "figures" / f"hostile-files-{args.label}.json"
    figures = {
        "label": args.label,
        "cap_gb": args.cap_gb,
        "timeout_s": args.timeout,
        "load_average_at_end": round(os.getloadavg()[0], 1),
        "results": [asdict(result) for result in results],
    }
    target.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"-> {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
