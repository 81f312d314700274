"""Read the proposals ("at …" points) and who proposes them from the Indstilling.

Direktøren indstiller til Social- og Arbejdsmarkedsudvalget at anbefale over for Økonomiudvalget og Kommunalbestyrelsen
1. at godkende bevillingen af puljemidler …,
2. at godkende, at der gives henholdsvis udgifts- og indtægtsbevilling …
"""

from __future__ import annotations

import re

from referat.model import Recommendation, Section
from referat.parse.names import split_list

# "1. at Model 1 … vælges,", "- at …", "at …", "1. At Økonomiudvalget godkender dagsordenen."
PROPOSAL_START = re.compile(r"^(?:\(?\d{1,2}[.)]\s*|[a-z][.)]\s+|[-•*–·]\s*)?(?P<text>[Aa]t\s+\S.*)$")
# "Social- og Sundhedsforvaltningen indstiller, at …", "Staben foreslår, at …" on one line
# but not "… indstiller til X at anbefale over for Y", which says where the case goes next.
INLINE_PROPOSAL = re.compile(
    r"\b(?:indstiller|foreslår)\s*(?:til\s+[^,]+?)?,?\s+"
    r"(?P<text>at\s+(?!(?:anbefale|indstille)\s+(?:over\s*for|til)\b)(?![^,]*,\s*at\s*:?$)\S.*)$"
)
# The lead-in to a list of points that need not repeat "at": "Kommunaldirektøren indstiller, at",
# "Forvaltningen indstiller, at:", "Borgmesteren indstiller til Økonomiudvalget:",
# "Direktionen indstiller til Økonomiudvalget, at det over for Kommunalbestyrelsen anbefales, at:"
LEAD_IN = re.compile(r"\b(?:indstiller|foreslår|indstilles|anbefales)\b.*(?:\bat|:)\s*:?$")
# "1. der gives en anlægsbevilling …", "- dagsordenen godkendes.", "a) …"
LIST_POINT = re.compile(r"^(?:\(?\d{1,2}[.)]|[a-z][.)]|[-•*–·])\s+(?P<text>\S.*)$")
# "Direktøren indstiller til X at anbefale over for Y og Z"
RECOMMENDER = re.compile(
    r"^(?P<by>[A-ZÆØÅ][^.:;]{1,150}?)\s+indstiller"
    r"(?:\s+til\s+(?P<to>.+?))?"
    r"(?:\s*,?\s+at\s+(?:anbefale|indstille)\s+(?:over\s*for|til)\s+(?P<forward>[^,:.]+?))?"
    r"\s*(?:[,:.]|$|,?\s+at\s)"
)
# "at Økonomiudvalget anbefaler over for Kommunalbestyrelsen, at …", "at anbefale Byrådet,": where the
# case goes next, before the proposal itself (or before a list of points).
ROUTING = re.compile(
    r"^at\s+(?P<route>(?:(?!\sat\s)[^,.]){0,150}?\b(?:anbefale[rs]?|indstille[rs]?)\b(?:(?!\sat\s)[^,.]){0,150}?)"
    r"(?:,\s*(?:(?P<rest>at\s+\S.*))?|\s*:)?$",
    re.I,
)
# Sections a template without an Indstilling ends with the proposal in.
CLOSING_PROPOSAL_KINDS = {"description", "assessment", "other"}
TRAILING = re.compile(r"(?:\s*[,;.]|\s+og|\s*,\s*og|\s+samt)+\s*$")


def find_proposals(sections: list[Section]) -> list[str]:
    """The "at …" points of the recommendation, wrapped lines joined, list punctuation removed.

    Read from the proposal sections; where a layout has none, from a "… indstiller, at …" sentence
    in the other sections (some templates end the case description with it)."""
    sources = [s for s in sections if s.kind == "proposal"] or [
        s for s in sections if s.kind in CLOSING_PROPOSAL_KINDS and INLINE_PROPOSAL.search(s.text)
    ]
    proposals: list[str] = []
    for section in sources:
        proposals += _points(section.text)
    return proposals


def _points(text: str) -> list[str]:
    lines = text.split("\n")
    # Where the points say "at", a list without it is a point's sub-list ("herunder: 1. …").
    with_at = any(PROPOSAL_START.match(line) for line in lines)
    points: list[str] = []
    current: list[str] = []
    listed = False  # after a lead-in, list points are proposals without "at"
    for line in lines:
        start = PROPOSAL_START.match(line) or INLINE_PROPOSAL.search(line)
        point = LIST_POINT.match(line) if listed and not start and not with_at else None
        text = (start or point).group("text") if start or point else ""  # type: ignore[union-attr]
        routing = ROUTING.match(text) if start else None
        if routing and not routing.group("rest"):
            _flush(current, points)
            current, listed = [], True  # a lead-in: the points follow
        elif start or point:
            _flush(current, points)
            rest = routing.group("rest") if routing else None
            current = [rest or text]
        elif LEAD_IN.search(line):
            _flush(current, points)
            # "… indstiller, at" ends the line: the proposal, or a list of points, follows.
            current, listed = (["at"] if line.rstrip().endswith(" at") else []), True
        elif line and current:
            current.append(line)
        else:
            _flush(current, points)
            current = []
    _flush(current, points)
    return points


def _flush(current: list[str], proposals: list[str]) -> None:
    if current and current != ["at"]:
        proposals.append(TRAILING.sub("", " ".join(current)))


def find_recommendation(sections: list[Section]) -> Recommendation | None:
    """Who proposes, to which committee, and which bodies it is to be recommended to."""
    for section in sections:
        if section.kind != "proposal":
            continue
        for text in section.text.split("\n"):
            match = RECOMMENDER.match(text)
            if match:
                forward = split_list(match.group("forward")) if match.group("forward") else []
                to = match.group("to").strip() if match.group("to") else None
                return Recommendation(by=match.group("by").strip(), to=to, forward_to=forward, text=text)
    return None
