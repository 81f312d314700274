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
ACCESS = r"(?:åben|åbent|lukket|fortrolig)"
ACCESS_MARKER = re.compile(rf"^{ACCESS}(?:\s*[-–:]\s*|\t\s*)", re.I)
# "1\tÅben\tTitle" (a table row) or "1 Åben Title" (the same row as a PDF prints it): a row number is
# told from a title that starts with a number by its own cell or by the access marker after it
ROW_NUMBER = re.compile(rf"^(?P<number>\d{{1,3}})(?:\s*\t\s*(?:{ACCESS}[\t ]+)?|\s+{ACCESS}[\t ]+)", re.I)
ENUMERATOR = re.compile(r"^(?P<number>\d{1,2})[.)]\s+")
BULLET = re.compile(r"^[-•*–]\s+")
# the last cell of a row, when it holds the case system's document number: "222359/12", "2023-004512"
DOCUMENT_CELL = re.compile(r"\t\s*(?P<document>\d{1,8}/\d{2,4}|\d{2,4}-\d{4,8})\s*$")


def find_attachments(sections: list[Section]) -> list[Attachment]:
    """Each line of a "Bilag" section is one attachment, titled as printed."""
    return [
        attachment
        for section in sections
        if section.kind == "attachments"
        for line in section.text.split("\n")
        if (attachment := _attachment(line.strip()))
    ]


def _attachment(row: str) -> Attachment | None:
    """One listed attachment: a bullet, an enumerator or a table row's number cell, its access marker
    and its document-number cell taken off the title; "Bilag N:" titles keep their words."""
    number = None
    counted = ROW_NUMBER.match(row) or ENUMERATOR.match(row)
    if counted:
        number, row = counted.group("number"), row[counted.end() :]
    row = ACCESS_MARKER.sub("", BULLET.sub("", row))
    document = DOCUMENT_CELL.search(row)
    if document:
        row = row[: document.start()]
    title = row.strip()
    if not title:
        return None
    labelled = NUMBERED.match(title)
    if labelled and labelled.group("number"):
        number = labelled.group("number")
    return Attachment(title=title, number=number, document=document.group("document") if document else None)


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
