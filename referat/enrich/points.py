"""The points of an item's recommendation as a decision names them: "1 a.", "4.-14.", "Ad 2",
"indstillingspunkt 3, 4 og 9", "punkterne 2-4". A point is kept as printed ("1a", "2"), a range
as each of its points, so a vote on "3.-5." is on points 3, 4 and 5 and never on a list it spans."""

from __future__ import annotations

import re

# "1. Udvalget anbefalede …", "2.-3. Anbefales.", "1. og 2. Ikke godkendt.", "Ad 2, imod stemte: …",
# "Ad 2b.", "Ad Punkt 1 b", "2. a. Ø stemte imod", "1 a. Ikke godkendt", "For punkt 16" (a line of its own),
# "1 - 7 Økonomiudvalget anbefaler …", "1-3 Anbefales ikke.", "2.b anbefales"
POINT = re.compile(
    r"^(?:ad\s+(?:punkt\s+)?(?P<ad>\d{1,2}(?:\s?[a-z]\b)?)\.?(?:\s*(?:[-–]|og)\s*(?P<ad_last>\d{1,2})\.?)?[,.:)]?"
    r"|(?P<first>\d{1,2})(?:\.?\s?(?P<letter>[a-z])\.|\.(?P<tight>[a-z])(?=[\s,:)])|\.)"
    r"(?:\s*(?:[-–]|og)\s*(?P<last>\d{1,2})\.)?"
    r"|(?:for|vedr\.?|vedrørende)\s+(?:indstillings)?punkt\s+(?P<alone>\d{1,2}[a-z]?)\.?$"
    r"|(?P<span_first>\d{1,2})\s*[-–]\s*(?P<span_last>\d{1,2})(?=\s+[A-ZÆØÅ]))"
    r"(?:\s+(?P<text>\S.*))?$",
    re.I,
)
# One point as a vote or a sentence names it: "2", "1a", "2. c.", "2 b" (letters a-h only, so that
# "punkt 2 i indstillingen" is not point "2i").
_ONE = r"\d{1,2}(?:\.?\s?[a-h](?![\wæøå]))?"
# A vote's subject that names points of the recommendation: "indstillingspunkt 2", "punkt 2 og 3",
# "indstillingspunkt 1a", "indstilling 2", "punkterne 1, 4 og 6", and abbreviated "pkt. 2 og 3", "pk. 14"
NAMED_POINTS = re.compile(
    rf"(?:\b(?:indstillings)?punkt\w*\s+|\bpkt?\.\s*)(?P<points>{_ONE}(?:\s*(?:,|og|-|–)\s*{_ONE})*)(?!\w)"
    rf"|\bindstilling\s+(?P<number>\d{{1,2}}(?:\s*(?:,|og|-|–)\s*\d{{1,2}})*)\b",
    re.I,
)
# One point of such a list, or a range: "3", "2. c", "2-4"
_LISTED = re.compile(r"(\d{1,2})(?:\.?\s?([a-h])(?![\wæøå]))?(?:\s*([-–])\s*(\d{1,2}))?", re.I)


def point_labels(point: re.Match[str]) -> list[str]:
    """ "2.-4." -> ["2", "3", "4"]; "Ad Punkt 1 b" -> ["1b"]."""
    first = (point.group("ad") or point.group("first") or point.group("alone") or point.group("span_first")).replace(
        " ", ""
    )
    first += point.group("letter") or point.group("tight") or ""
    last = point.group("ad_last") or point.group("last") or point.group("span_last")
    if last and first.isdigit() and int(last) > int(first):
        return [str(n) for n in range(int(first), int(last) + 1)]
    return [first]


def named_points(points: re.Match[str]) -> list[str]:
    """ "punkt 2 og 3" -> ["2", "3"]; "punkterne 2-4" -> ["2", "3", "4"]; "indstilling 2" -> ["2"]."""
    numbers: list[str] = []
    for first, letter, dash, last in _LISTED.findall(points.group("points") or points.group("number")):
        if dash and not letter and int(last) > int(first):
            numbers += [str(n) for n in range(int(first), int(last) + 1)]
        else:
            numbers.append(first + letter.lower())
    return list(dict.fromkeys(numbers))
