"""Read the meeting header: the lines before the first agenda item -> Meeting.

REFERAT Beskæftigelses- og Integrationsudvalget 2022-2025 d. 31-05-2023
Mødedato Onsdag d. 31. maj 2023 kl. 19:00
Mødested 2608 - Gladsaxeværrelset
Mødedeltagere Bjørn Lykke Sørensen, …, Claus Jørgensen (Afbud)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from referat.extract.lines import Line
from referat.model import Person
from referat.parse.dates import ANY_DATE, parse_date, parse_times
from referat.parse.names import parse_people, split_term
from referat.parse.toc import find_toc_start, is_toc_entry

# "REFERAT Udvalget for Job, Arbejdsmarked og Integration - 2022-2025 d. 08-05-2024",
# "Referat af møde i Økonomiudvalget den 12. marts 2024", "Økonomiudvalget - Dagsorden"
TITLE_WORD = re.compile(r"\b(referat|dagsorden|beslutningsprotokol|protokol)\b", re.I)
TITLE_FILLER = re.compile(
    r"^\s*(?:af|fra|for)?\s*(?:det\s+)?(?:ordinære\s+|ekstraordinære\s+)?(?:møde[ts]?\s+)?(?:i|for)?\s+", re.I
)
TITLE_DATE = re.compile(
    r"\s*(?:,|-|–)?\s*(?:(?:den|d\.)\s*)?(?:\w+dag\s+)?(?:den\s+|d\.\s*)?" + ANY_DATE + r".*$", re.I
)
# "Mødedato Onsdag d. 31. maj 2023 kl. 19:00", "Sted: Rådhuset"
FIELD = re.compile(
    r"^(?P<label>Mødedato|Mødetidspunkt|Tidspunkt|Dato|Mødested|Mødelokale|Lokale|Sted|Mødedeltagere|Deltagere|"
    r"Til stede|Medlemmer|Fraværende|Afbud|Udvalg)\s*:?\s+(?P<value>\S.*)$",
    re.I,
)
# "Gladsaxe Kommune har ambitioner …" — the municipality named most often is the publisher.
# Found by looking back from each "Kommune", which is faster than trying every capitalised word.
KOMMUNE = re.compile(r"\b(?:Kommune|Regionskommune)\b")
MUNICIPALITY_NAME = re.compile(r"\b([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?)\s+$")
MUNICIPALITY_LOOKBACK = 40
NOT_A_MUNICIPALITY = {"Kommunernes", "Hver", "Den", "Hele", "Enhver", "Egen", "Anden", "Samme", "Denne", "Vores"}
MIN_MUNICIPALITY_MENTIONS = 2


@dataclass
class Header:
    organization: str | None = None
    term: str | None = None
    kind: str | None = None
    date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    participants: list[Person] = field(default_factory=list)
    absent: list[Person] = field(default_factory=list)


def read_header(lines: list[Line]) -> Header:
    """Read committee, date, time, place and attendance from the header lines."""
    toc_start = find_toc_start(lines)
    relevant = [
        line.text
        for i, line in enumerate(lines)
        if line.text and (toc_start is None or i < toc_start) and not is_toc_entry(line.text)
    ]
    header = Header()
    title = next((text for text in relevant if TITLE_WORD.search(text)), None)
    if title:
        _read_title(title, header)
    for text in relevant:
        match = FIELD.match(text)
        if match:
            _read_field(match.group("label").lower(), match.group("value").strip(), header)
    return header


def _read_title(title: str, header: Header) -> None:
    word = TITLE_WORD.search(title)
    assert word is not None
    header.kind = "agenda" if word.group(1).lower() == "dagsorden" else "minutes"
    header.date = header.date or parse_date(title)
    before, after = title[: word.start()].strip(" -–:,"), title[word.end() :]
    name = before or TITLE_FILLER.sub("", after, count=1)
    name = TITLE_DATE.sub("", name).strip(" -–:,")
    if name:
        header.organization, header.term = split_term(name)


def _read_field(label: str, value: str, header: Header) -> None:
    if label in {"mødedato", "dato", "tidspunkt", "mødetidspunkt"}:
        header.date = parse_date(value) or header.date
        start, end = parse_times(value)
        header.start_time, header.end_time = start or header.start_time, end or header.end_time
    elif label in {"mødested", "mødelokale", "lokale", "sted"}:
        header.location = value
    elif label in {"mødedeltagere", "deltagere", "til stede", "medlemmer"}:
        for person, absent in parse_people(value):
            (header.absent if absent else header.participants).append(person)
    elif label in {"fraværende", "afbud"}:
        header.absent.extend(person for person, _ in parse_people(value))
    elif label == "udvalg" and not header.organization:
        header.organization, header.term = split_term(value)


def find_municipality(text: str) -> str | None:
    """The municipality the minutes mention most often, e.g. "Gladsaxe Kommune"."""
    counts: Counter[str] = Counter()
    for match in KOMMUNE.finditer(text):
        before = MUNICIPALITY_NAME.search(text, max(0, match.start() - MUNICIPALITY_LOOKBACK), match.start())
        if before and before.group(1) not in NOT_A_MUNICIPALITY:
            counts[f"{before.group(1)} {match.group(0)}"] += 1
    if not counts:
        return None
    municipality, mentions = counts.most_common(1)[0]
    return municipality if mentions >= MIN_MUNICIPALITY_MENTIONS else None
