"""Read the proposals ("at …" points) and who proposes them from the Indstilling.

Direktøren indstiller til Social- og Arbejdsmarkedsudvalget at anbefale over for Økonomiudvalget og Kommunalbestyrelsen
1. at godkende bevillingen af puljemidler …,
2. at godkende, at der gives henholdsvis udgifts- og indtægtsbevilling …
"""

from __future__ import annotations

import re

from referat.model import Recommendation, Section
from referat.parse.names import split_list

# "1. at Model 1 … vælges,", "- at …", "at …"
PROPOSAL_START = re.compile(r"^(?:\(?\d{1,2}[.)]\s*|[a-z][.)]\s+|[-•*–]\s*)?(?P<text>at\s+\S.*)$")
# "Social- og Sundhedsforvaltningen indstiller, at …" on one line
# but not "… indstiller til X at anbefale over for Y", which says where the case goes next.
INLINE_PROPOSAL = re.compile(
    r"\bindstiller\s*(?:til\s+[^,]+?)?,?\s+(?P<text>at\s+(?!(?:anbefale|indstille)\s+(?:over\s*for|til)\b)\S.*)$"
)
# "Direktøren indstiller til X at anbefale over for Y og Z"
RECOMMENDER = re.compile(
    r"^(?P<by>[A-ZÆØÅ][^.:;]{1,150}?)\s+indstiller"
    r"(?:\s+til\s+(?P<to>.+?))?"
    r"(?:\s*,?\s+at\s+(?:anbefale|indstille)\s+(?:over\s*for|til)\s+(?P<forward>[^,:.]+?))?"
    r"\s*(?:[,:.]|$|,?\s+at\s)"
)
TRAILING = re.compile(r"(?:\s*[,;.]|\s+og|\s*,\s*og|\s+samt)+\s*$")


def find_proposals(sections: list[Section]) -> list[str]:
    """The "at …" points of all proposal sections, wrapped lines joined, list punctuation removed."""
    proposals: list[str] = []
    for section in sections:
        if section.kind != "proposal":
            continue
        current: list[str] = []
        for text in section.text.split("\n"):
            inline = INLINE_PROPOSAL.search(text)
            start = PROPOSAL_START.match(text) or inline
            if start:
                _flush(current, proposals)
                current = [start.group("text")]
            elif text and current:
                current.append(text)
            else:
                _flush(current, proposals)
                current = []
        _flush(current, proposals)
    return proposals


def _flush(current: list[str], proposals: list[str]) -> None:
    if current:
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
