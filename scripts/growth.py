"""How search latency grows with the collection (not a test): fit and project bench_store.py figures.

Usage: .venv/bin/python scripts/growth.py docs/figures/bench-store-real-1000-quiet.txt \\
           docs/figures/bench-store-real-3000.txt docs/figures/bench-store-real-10000.txt

Reads the result rows of bench_store.py's tables (backend, meetings, ..., p50, p95, p99, then the first
ask's: the last six), fits each figure per backend to a power law, latency = a * meetings ** b, by least squares on
the logarithms (b near 0: flat; near 1: linear in the collection), and projects it to 45,000 meetings
(Denmark over three years) and 100,000. With three sizes the fit is a rough guide: it says which way
and how fast a figure grows, not what a machine will measure.
"""

from __future__ import annotations

import argparse
import math
from collections import defaultdict
from pathlib import Path

FIGURES = ("p50", "p95", "p99", "first p50", "first p95", "first p99")
PROJECTED = (45_000, 100_000)


def rows(paths: list[Path]) -> dict[str, dict[int, list[float]]]:
    """backend -> meetings -> the six latency figures, from bench_store.py's printed tables."""
    found: dict[str, dict[int, list[float]]] = defaultdict(dict)
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = line.split()
            if len(cells) >= 12 and cells[1].isdigit():  # with or without the load column
                found[cells[0]][int(cells[1])] = [float(cell) for cell in cells[-6:]]
    return found


def power_law(points: list[tuple[int, float]]) -> tuple[float, float]:
    """a and b of y = a * x ** b, fitted to the points by least squares on log y against log x."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(y) for _, y in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    b = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum((x - mean_x) ** 2 for x in xs)
    return math.exp(mean_y - b * mean_x), b


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tables", nargs="+", type=Path)
    args = parser.parse_args()
    print("backend     figure        sizes measured            b     at 45,000   at 100,000")
    for backend, by_size in sorted(rows(args.tables).items()):
        sizes = sorted(by_size)
        if len(sizes) < 2:
            continue
        for n, figure in enumerate(FIGURES):
            a, b = power_law([(size, by_size[size][n]) for size in sizes])
            measured = ", ".join(f"{by_size[size][n]:.0f}" for size in sizes)
            projected = "  ".join(f"{a * size**b:>9.0f}" for size in PROJECTED)
            print(f"{backend:<11} {figure:<12}  {measured:<24}  {b:>5.2f}  {projected}")
    print("(ms; latency = a * meetings ** b, fitted on the sizes measured)")


if __name__ == "__main__":
    main()
