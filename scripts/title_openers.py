"""Learn the words that open agenda item titles from real minutes, for cutting run-together
contents lists (referat/extract/title_openers.txt).

A PDF transcript runs its contents' titles together: "… til Vigersted Kildeplads Revideret
parkeringsbekendtgørelse …". A capitalised word after a capitalised word is most often a name going
on ("Vigersted Kildeplads"), but some words open titles and are rarely capitalised inside one
("Revideret", "Deltagelse", "Orientering"). This script counts, over the titles of the Greve corpus,
the seeds' golden outputs and the real pages worked on (never the held-out ones), how often each
word opens a title and how often it stands capitalised inside one, and keeps the words that open
titles at least twice, stand capitalised inside them less than half as often, and are written in
lower case in some title (a common word, not a name: "Strandparken" opens titles too).

Usage: .venv/bin/python scripts/title_openers.py [--corpus ../shared/corpus/greve] [--write]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "greve"
WORKED_ON = ("dev", "unseen-dev", "fresh-dev")  # the real pages' splits that are not held out
OUTPUT = ROOT / "referat" / "extract" / "title_openers.txt"
MIN_OPENINGS = 2
WORD = re.compile(r"^[A-ZÆØÅ][a-zæøå]{3,}$")
PREFIX = re.compile(r"^(?:lukket|åben|åbent)\s*[:\-–]\s*", re.I)  # "Lukket: Salg af …"


def titles(corpus: Path) -> set[str]:
    found: set[str] = set()
    for path in sorted(corpus.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")).get("Dagsordenpunkter", []):
            found.add(item.get("Navn") or "")
    for path in sorted((ROOT / "tests" / "fixtures" / "golden").glob("*/*.expected.json")):
        found.update(item["title"] or "" for item in json.loads(path.read_text(encoding="utf-8"))["agenda_items"])
    for split in WORKED_ON:
        for path in sorted((ROOT / "tests" / "fixtures" / "real_pages" / split).glob("*.gold.json")):
            found.update(item["title"] or "" for item in json.loads(path.read_text(encoding="utf-8"))["agenda_items"])
    return {PREFIX.sub("", title).strip() for title in found if title.strip()}


def openers(all_titles: set[str]) -> list[str]:
    opening: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    lower: set[str] = set()
    for title in all_titles:
        words = [word.strip(',.:;()"”') for word in title.split()]
        opening[words[0]] += 1
        inside.update(word for word in words[1:] if word[:1].isupper())
        lower.update(word for word in words if word[:1].islower())
    # a common word is also written in lower case somewhere; a name ("Strandparken") never is
    return sorted(
        word
        for word, count in opening.items()
        if WORD.match(word) and count >= MIN_OPENINGS and 2 * inside[word] < count and word.lower() in lower
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--write", action="store_true", help=f"write the list to {OUTPUT.relative_to(ROOT)}")
    options = parser.parse_args()
    all_titles = titles(options.corpus)
    words = openers(all_titles)
    print(f"{len(all_titles)} titles, {len(words)} title openers")
    if options.write:
        header = "# Words that open agenda item titles; written by scripts/title_openers.py, do not edit.\n"
        OUTPUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    else:
        print(" ".join(words))


if __name__ == "__main__":
    main()
