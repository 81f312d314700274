"""Count where vote events break the rules of `referat/invariants.py` over a folder of minutes (not a test).

Usage: .venv/bin/python scripts/vote_invariants.py ../shared/corpus/greve [more folders or files] [--verbose]
       [--hide tests/fixtures/vote_samples/sample-c.json]   (a held-out sample is counted, never shown)

Prints the items with a vote event, the events, the breaks per rule and the events without a result.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from referat.errors import ReferatError
from referat.invariants import gaps, violations
from referat.parse.document import parse_document
from referat.sources import read_source
from referat.sources.files import find_documents


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    arguments.add_argument("locations", type=Path, nargs="+")
    arguments.add_argument("--verbose", action="store_true", help="print each item that breaks a rule")
    arguments.add_argument("--json", type=Path, help="also write the figures to this file")
    arguments.add_argument(
        "--hide", type=Path, action="append", default=[], help="a held-out sample whose items --verbose must not show"
    )
    options = arguments.parse_args()
    hidden = {
        (entry["file"], entry["item"])
        for sample in options.hide
        for entry in json.loads(sample.read_text(encoding="utf-8"))["items"]
    }
    broken: Counter[str] = Counter()
    open_: Counter[str] = Counter()
    items = events = 0
    for location in options.locations:
        for path in find_documents(location) if location.is_dir() else [location]:
            try:
                document = parse_document(read_source(str(path)))
            except ReferatError:
                continue
            for item in document.agenda_items:
                motions = item.decision.motions if item.decision else []
                items += bool(motions)
                events += len(motions)
                found = violations(item)
                broken.update(found)
                open_.update(gaps(item))
                if found and options.verbose and (path.name, item.number) not in hidden:
                    print(f"{path.name[:50]} #{item.number}: {', '.join(found)}")
    print(f"{items} items with vote events, {events} events")
    print(f"breaks: {sum(broken.values())}")
    for rule, count in broken.most_common():
        print(f"  {rule}: {count}")
    print(f"events without a result: {open_['no result']}")
    if options.json:
        figures = {"items": items, "events": events, "breaks": dict(broken), "no_result": open_["no result"]}
        options.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
