"""Read attachments (bilag) and absences listed under an agenda item."""

from __future__ import annotations

import re

from referat.model import Attachment, Person, Section
from referat.parse.names import parse_people

# "Bilag 1: Budgetopfølgning 1. kvrt. 2023 pdf", "Bilag 10 - Q1 - Handleplan - JC", "Bilag A1. Tekniske korrektioner"
NUMBERED = re.compile(r"^Bilag\s+(?P<number>[A-Z]?\d{0,3}[A-Z]?)\s*[:.\-–]\s+\S", re.I)
BULLET = re.compile(r"^(?:[-•*–]|\d{1,2}[.)])\s+")


def find_attachments(sections: list[Section]) -> list[Attachment]:
    """Each line of a "Bilag" section is one attachment, titled as printed."""
    attachments = []
    for section in sections:
        if section.kind != "attachments":
            continue
        for line in section.text.split("\n"):
            title = BULLET.sub("", line.strip())
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
    """Members listed under "Afbud"/"Fraværende", once each, with a party letter where one is given."""
    people: dict[str, Person] = {}
    for section in sections:
        if section.kind != "absence":
            continue
        for line in section.text.split("\n"):
            for person, _ in parse_people(line):
                known = people.get(person.name)
                if known is None or (known.party is None and person.party):
                    people[person.name] = person
    return list(people.values())
