"""Measure vote events against a hand-labelled sample (not a test): the share of events fully right.

Usage: .venv/bin/python scripts/vote_events_eval.py [--corpus ../shared/corpus/greve] [--sample FILE] [--verbose]

The sample (default `tests/fixtures/vote_samples/sample-c.json`, 50 Greve decisions drawn and labelled
by hand for issue 21 and held out; sample-d.json, 40 more, to work on) names each item by its meeting
file and number; the meeting is parsed from the corpus and its decision's motions are compared with the
labels. An event is fully right when referat reads it as an event of its own, on the same thing (kind,
and the points of a point), with the same movers (or none where the text names none), every side of the
vote as printed (names; parties, where no member of the side is named; the count; a side read from two
sentences is their ballots together) and the same result
(or none where the text neither states nor settles one). Motion text is not compared: the labels keep it
only where the decision quotes it. A label on several points counts as one event per point.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from referat.model import Motion, Vote
from referat.parse.document import parse_document
from referat.sources import read_source

HERE = Path(__file__).resolve().parent.parent
SAMPLE = HERE / "tests" / "fixtures" / "vote_samples" / "sample-c.json"
CORPUS = HERE.parent / "shared" / "corpus" / "greve"


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    arguments.add_argument("--corpus", type=Path, default=CORPUS)
    arguments.add_argument("--sample", type=Path, default=SAMPLE)
    arguments.add_argument("--verbose", action="store_true", help="print every event that is not fully right")
    arguments.add_argument("--json", type=Path, help="also write the figures to this file")
    options = arguments.parse_args()
    sample = json.loads(options.sample.read_text(encoding="utf-8"))
    errors: Counter[str] = Counter()
    right = total = 0
    for labelled in sample["items"]:
        document = parse_document(read_source(str(options.corpus / labelled["file"])), body="Greve Kommune")
        [item] = [i for i in document.agenda_items if i.number == labelled["item"]]
        motions = list(item.decision.motions) if item.decision else []
        for event in _one_per_point(labelled["events"]):
            total += 1
            problems = judge(event, motions)
            right += not problems
            errors.update(problems)
            if problems and options.verbose:
                where = f"{labelled['file'][:40]} #{labelled['item']}"
                print(f"{where}: {event['kind']} {event['points']} — {', '.join(problems)}")
    share = right / total if total else 0.0
    print(f"{options.sample.name}: {right} of {total} events fully right ({share:.1%})")
    for problem, count in errors.most_common():
        print(f"  {problem}: {count}")
    if options.json:
        figures = {"events": total, "right": right, "share": round(share, 3), "errors": dict(errors)}
        options.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


def _one_per_point(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A labelled vote on several points ("2.-3.") as a vote in each point's event, as referat reads it."""
    return [
        {**event, "points": [point]} if len(event["points"]) > 1 else event
        for event in events
        for point in (event["points"] if len(event["points"]) > 1 else [None])
    ]


def judge(event: dict[str, Any], motions: list[Motion]) -> list[str]:
    """What is wrong with referat's reading of one labelled event ([] when it is fully right)."""
    found = _matching(event, motions)
    if found is None:
        return ["not found as an event of its own"]
    motions.remove(found)  # an event read once answers one label
    problems = []
    if set(found.moved_by) != set(event["moved_by"]) or set(found.moved_by_parties) != set(event["moved_by_parties"]):
        problems.append("mover")
    wanted = {vote["option"]: vote for vote in event["votes"]}
    read = _sides(found.votes)
    if set(wanted) != set(read) or any(not _same_side(wanted[side], read[side]) for side in wanted):
        problems.append("votes")
    if found.result != event["result"]:
        problems.append("result")
    return problems


def _matching(event: dict[str, Any], motions: list[Motion]) -> Motion | None:
    """The motion read on the same thing: same kind and points (a vote on the recommendation as a
    whole is also the single point it may be printed as)."""
    same = [m for m in motions if m.kind == event["kind"] and set(m.points) == set(event["points"])]
    return same[0] if same else None


def _sides(votes: list[Vote]) -> dict[str, Vote]:
    """Each side of the event: its ballots together ("(F) stemte imod …" and "(Ø) stemte imod
    forslaget." are one side against, as a label has one side per option)."""
    sides: dict[str, Vote] = {}
    for vote in votes:
        side = sides.get(vote.option)
        if side is None:
            sides[vote.option] = vote
            continue
        counts = [c for c in (side.count, vote.count) if c is not None]
        sides[vote.option] = side.model_copy(
            update={
                "names": list(dict.fromkeys([*side.names, *vote.names])),
                "parties": list(dict.fromkeys([*side.parties, *vote.parties])),
                "count": sum(counts) if counts else None,
            }
        )
    return sides


def _same_side(wanted: dict[str, Any], read: Vote) -> bool:
    names = {" ".join(name.split()) for name in wanted["names"]}
    if names != {" ".join(name.split()) for name in read.names}:
        return False
    # the parties of named members are printed in their brackets; where members are named only
    # the parties of the side's unnamed groups must agree
    parties, read_parties = {_party(p) for p in wanted["parties"]}, {_party(p) for p in read.parties}
    parties_agree = parties == read_parties or (names and read_parties <= parties)
    return bool(parties_agree) and wanted["count"] == read.count


def _party(label: str) -> str:
    """ "UP1", "UP-1", "UP 1" and "UP" are one group: numbered independents (referat reads them as "UP")."""
    return re.sub(r"[- ]?\d$", "", label.strip())


if __name__ == "__main__":
    main()
