"""Agenda items: headings, table of contents, closed items, titles and case numbers."""

from __future__ import annotations

import pytest

from referat.enrich.case_numbers import find_case_number
from referat.extract.lines import Line
from tests.helpers import parse_text

TOC = """REFERAT Økonomiudvalget d. 12-03-2024

Indholdsfortegnelse

Godkendelse af dagsorden.....	3
Punkt 2: Budget 2025.....	4
Lukket: Personalesag	5

Punkt 1: Godkendelse af dagsorden

Beslutning

Godkendt.

Punkt 2: Budget 2025

Indstilling

1. at budgettet godkendes.

Punkt 3: Lukket: Personalesag
"""


def test_table_of_contents_is_not_taken_for_items() -> None:
    items = parse_text(TOC).agenda_items
    assert [(i.number, i.title, i.public) for i in items] == [
        (1, "Godkendelse af dagsorden", True),
        (2, "Budget 2025", True),
        (3, "Lukket: Personalesag", False),
    ]
    assert items[0].span.line_start == 9


@pytest.mark.parametrize("heading", ["Lukket - Personalesag", "Lukket punkt: Personalesag", "Personalesag (Lukket)"])
def test_closed_item_spellings(heading: str) -> None:
    text = f"REFERAT Byrådet d. 01-02-2024\n\nPunkt 1: Åbent punkt\n\nPunkt 2: {heading}\n"
    assert [i.public for i in parse_text(text).agenda_items] == [True, False]


def test_numbered_items_without_the_word_punkt_are_read_from_the_contents() -> None:
    text = """Dagsorden for Kultur- og Fritidsudvalget den 4. april 2024

Indhold

1. Godkendelse af dagsorden\t2
2. Markedsføring af Kulturnatten\t3

1. Godkendelse af dagsorden

Beslutning

Godkendt.

2. Markedsføring af Kulturnatten

Indstilling

Administrationen indstiller,

1. at planen godkendes.
2. at udgiften afholdes af puljen.
"""
    document = parse_text(text)
    assert [(i.number, i.title) for i in document.agenda_items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Markedsføring af Kulturnatten"),
    ]
    assert document.meeting.kind == "agenda"
    assert document.agenda_items[1].proposals == ["at planen godkendes", "at udgiften afholdes af puljen"]


def test_markdown_headings_and_tables() -> None:
    text = """# **REFERAT Byrådet d. 01-02-2024**

## **Indholdsfortegnelse**

|  |    |
|--|----|
| Godkendelse.....  | 3  |

## **Punkt 1: Godkendelse**

### **Beslutning**

Godkendt.
"""
    document = parse_text(text, name="minutes.txt")
    assert document.source.format == "markdown"
    assert [(i.number, i.title) for i in document.agenda_items] == [(1, "Godkendelse")]
    assert document.meeting.organization == "Byrådet"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["22-28-15.00.00-P20"], "22-28-15.00.00-P20"),
        (["23-144765-00.00.00-A00"], "23-144765-00.00.00-A00"),
        (["24-003043"], "24-003043"),
        (["22/20223"], "22/20223"),
        (["Sagsnr.: 2024-001234"], "2024-001234"),
        (["J.nr. 00.01.00"], "00.01.00"),
        (["Sags nr. 01.02.03-G01-1-24"], "01.02.03-G01-1-24"),
        (["Resumé fra 2023-2024"], None),
    ],
)
def test_case_numbers(lines: list[str], expected: str | None) -> None:
    preamble = [Line(i + 2, text) for i, text in enumerate(lines)]
    assert find_case_number(preamble, []) == expected


def test_committee_code_stays_in_the_title() -> None:
    text = "REFERAT Byrådet d. 01-02-2024\n\nPunkt 1: JAI - Godkendelse af dagsorden\n\n23-008682\n"
    item = parse_text(text).agenda_items[0]
    assert (item.title, item.case_number) == ("JAI - Godkendelse af dagsorden", "23-008682")
