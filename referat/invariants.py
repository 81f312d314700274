"""Check vote events against themselves: rules every reading of a vote must keep, whatever the text.

Hand labels are few; these rules hold on every item, so counting where they break over a whole
corpus is a quality signal on thousands of decisions no one labelled (issue 21):

- every vote belongs to an event (no vote left untied);
- an event has a result, or the text neither states nor settles one (then it is counted apart, as
  "no result", a gap to read better rather than an error);
- the counts agree with the result: more for than against in an adopted event, fewer in a rejected one;
- a party voting as a group (no member named on the side) votes on one side of an event only;
- a range never stands for a list: an event is on one point, and no point is in two events;
- every point the decision votes on (a vote in its part) has an event;
- a decision that records a vote has an event.
"""

from __future__ import annotations

import re
from collections import Counter

from referat.enrich.decisions import SENTENCE
from referat.enrich.points import NAMED_POINTS
from referat.model import AgendaItem, Motion

# A decision that records a vote, by its words (not by what referat read of it)
VOTE_WORDS = re.compile(
    r"\b(?:for|imod)\s+stemte\b|\bstemte\s+(?:for|imod)\b|\bstemmer\s+(?:for|imod)\b|\bundlod\s+at\s+stemme\b"
    r"|\bmed\s+stemmerne\b|\b\d+\s+stemmer\b|^(?:for|imod|undlod|undlader)\s*:",
    re.I | re.M,
)


def violations(item: AgendaItem) -> list[str]:
    """The rules an item's vote events break, one entry per break, named by rule."""
    decision = item.decision
    motions = decision.motions if decision else []
    found = ["vote tied to no event" for vote in item.votes if vote.motion is None and motions]
    for motion in motions:
        found += _motion_violations(motion)
    seen: Counter[tuple[str, str]] = Counter(
        (motion.kind, point) for motion in motions if motion.kind == "point" for point in motion.points
    )
    found += ["a point in two events" for count in seen.values() if count > 1]
    found += ["an event on several points" for motion in motions if len(motion.points) > 1]
    if decision and VOTE_WORDS.search(decision.text) and not motions:
        found.append("a vote recorded, no event")
    voted = {point for motion in motions for point in motion.points}
    parts = decision.parts if decision else []
    for number, part in enumerate(parts):
        # a vote in the part that names no other point is on the part's points; after the last part's
        # own paragraph, a vote is on the recommendation as a whole (as the hand samples label it)
        text = _own_paragraph(part.text, decision.text) if decision and number == len(parts) - 1 else part.text
        on_part = [s for s in SENTENCE.split(text) if VOTE_WORDS.search(s) and not NAMED_POINTS.search(s)]
        if part.points and on_part and not set(part.points) <= voted:
            found.append("a point voted on, no event for it")
    return found


def _own_paragraph(part: str, decision: str) -> str:
    """The part's text up to a blank line, or its first line where no blank lines part the decision."""
    spaced = any(not line.strip() for line in decision.strip().split("\n"))
    return part.split("\n\n")[0] if spaced else part.split("\n")[0]


def _motion_violations(motion: Motion) -> list[str]:
    found = []
    counts = {vote.option: vote.count for vote in motion.votes if vote.count is not None}
    yes, no = counts.get("for"), counts.get("against")
    settled = yes is not None and no is not None and motion.result in {"adopted", "rejected"}
    if settled and (motion.result == "adopted") != (yes > no):  # type: ignore[operator]
        found.append("counts disagree with the result")
    sides: dict[str, set[str]] = {}
    for vote in motion.votes:
        # a side that names members may hold some of a party's members, the other side the rest
        for party in vote.parties if not vote.names else []:
            sides.setdefault(party, set()).add(vote.option)
    found += ["a party on two sides" for options in sides.values() if len(options) > 1]
    return found


def gaps(item: AgendaItem) -> list[str]:
    """What an item's events leave open without breaking a rule: an event without a result."""
    motions = item.decision.motions if item.decision else []
    return ["no result" for motion in motions if motion.result is None]
