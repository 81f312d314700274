"""Print decisions with two or more votes and the motions read from them, for checking by hand
whether every vote event is complete and right.

Draw a seeded sample of such decisions from a folder of minutes:
    .venv/bin/python scripts/vote_events_sample.py ../shared/corpus/greve --body "Greve Kommune" --seed 14
or print again a sample drawn before (so that a parser change is judged on the same decisions):
    .venv/bin/python scripts/vote_events_sample.py ../shared/corpus/greve --body "Greve Kommune" \
        --items docs/vote-events-sample.txt --sample B

Also prints how many items of the folder have motions, and how many votes are tied to none.
"""

from __future__ import annotations

import argparse
import random
import textwrap
from collections import Counter
from pathlib import Path

from referat.model import AgendaItem
from referat.parse.document import parse_document
from referat.sources import read_source
from referat.sources.files import find_documents


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("folder", type=Path)
    arguments.add_argument("--body", default=None)
    arguments.add_argument("--size", type=int, default=40)
    arguments.add_argument("--seed", type=int, default=14)
    arguments.add_argument("--items", type=Path, help='A file of "<sample> <file name> #<item number>" lines.')
    arguments.add_argument("--sample", default=None, help="Only the items of this sample in --items.")
    options = arguments.parse_args()
    items: dict[str, AgendaItem] = {}
    kinds: Counter[str] = Counter()
    with_motions = votes = untied = 0
    for path in find_documents(options.folder):
        document = parse_document(read_source(str(path)), body=options.body)
        for item in document.agenda_items:
            motions = item.decision.motions if item.decision else []
            with_motions += bool(motions)
            kinds.update(motion.kind for motion in motions)
            votes += len(item.votes)
            untied += sum(vote.motion is None for vote in item.votes)
            items[f"{path.name} #{item.number}"] = item
    multi = sorted(key for key, item in items.items() if len(item.votes) >= 2)
    print(f"items with motions: {with_motions}; motions by kind: {dict(kinds)}")
    print(f"votes: {votes}, tied to no motion: {untied}; items with two or more votes: {len(multi)}")
    if options.items:
        lines = [line.split(" ", 1) for line in options.items.read_text().splitlines() if not line.startswith("#")]
        chosen = [key for sample, key in lines if options.sample in (None, sample)]
    else:
        chosen = random.Random(options.seed).sample(multi, min(options.size, len(multi)))
    for number, key in enumerate(chosen, start=1):
        _print_item(number, key, items[key])


def _print_item(number: int, key: str, item: AgendaItem) -> None:
    print(f"\n=== {number}. {key}: {item.title}")
    if item.decision is None:
        print("  (no decision)")
        return
    print(textwrap.indent(item.decision.text, "  | "))
    for index, motion in enumerate(item.decision.motions):
        movers = ", ".join([*motion.moved_by, *motion.moved_by_parties]) or "-"
        points = f" {'/'.join(motion.points)}" if motion.points else ""
        print(f"  [{index}] {motion.kind}{points} by {movers} -> {motion.result}: {motion.text}")
        for vote in motion.votes:
            print(f"      {vote.option}: {', '.join([*vote.names, *vote.parties])} ({vote.count})")
    for vote in item.votes:
        if vote.motion is None:
            print(f"  [untied] {vote.option}: {', '.join([*vote.names, *vote.parties])} ({vote.count}) {vote.text}")


if __name__ == "__main__":
    main()
