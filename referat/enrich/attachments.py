"""Read attachments (bilag) and absences listed under an agenda item."""

from __future__ import annotations

import re

from referat.model import Attachment, Person, Section
from referat.parse.names import parse_people
from referat.vocab import ABSENT_AFTER, ABSENT_BEFORE

# "Bilag 1: Budgetopfølgning 1. kvrt. 2023 pdf", "Bilag 10 - Q1 - Handleplan - JC", "Bilag A1. Tekniske korrektioner"
NUMBERED = re.compile(r"^Bilag\s+(?P<number>[A-Z]?\d{0,3}[A-Z]?)\s*[:.\-–]\s+\S", re.I)
ABSENT_SENTENCE = re.compile(
    r"(?:^|[.(]\s*)(?P<who>[A-ZÆØÅ][^.:;()]{2,120}?(?:\s*\([A-ZÆØÅ]{1,3}\))?)\s+"
    + ABSENT_AFTER
    + r"|\b"
    + ABSENT_BEFORE
    + r"\s*(?P<who2>[A-ZÆØÅ][^.:;()]{2,200})",
    re.I | re.M,
)
# "Åben - Budgetopfølgning …", "Lukket - Tilbud": the access marker a case system prints before a title
ACCESS_MARKER = re.compile(r"^(?:åben|åbent|lukket|fortrolig)\s*[-–:]\s*", re.I)
BULLET = re.compile(r"^(?:[-•*–]|\d{1,2}[.)])\s+")


def find_attachments(sections: list[Section]) -> list[Attachment]:
    """Each line of a "Bilag" section is one attachment, titled as printed."""
    attachments = []
    for section in sections:
        if section.kind != "attachments":
            continue
        for line in section.text.split("\n"):
            title = ACCESS_MARKER.sub("", BULLET.sub("", line.strip()))
            if not title:
                continue
            numbered = NUMBERED.match(title)
            attachments.append(
                Attachment(
                    title=title, number=numbered.group("number") if numbered and numbered.group("number") else None
                )
            )
    return attachments


def find_absent(sections: list[Section]) -> list[Person]:
    """Members listed under "Afbud"/"Fraværende", or said to be absent in the decision ("Jonna
    Skovbjerg (V) var fraværende.", "(afbud fra Lise Kjærgaard)"), once each, with a party letter
    where one is given."""
    people: dict[str, Person] = {}
    for section in sections:
        if section.kind == "absence":
            listed = section.text.split("\n")
        elif section.kind == "decision":
            listed = [m.group("who") or m.group("who2") for m in ABSENT_SENTENCE.finditer(section.text)]
        else:
            continue
        for line in listed:
            for person, _ in parse_people(line):
                known = people.get(person.name)
                if known is None or (known.party is None and person.party):
                    people[person.name] = person
    return list(people.values())
