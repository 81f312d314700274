"""Recognise section headings in a line: text -> HeadingMatch.

Three kinds of evidence make a line a heading; the layout layer (parse/layout.py) and the section
splitter (parse/sections.py) combine them with the document's own evidence (style, recurrence):
- the words: a template heading in the vocabulary ("Sagsfremstilling", "Indstillinger"), with or
  without a colon, alone or followed by its text on the same line ("Beslutning: Godkendt.");
- a decision heading in any of its forms: "Beslutning", "Beslutning i Teknisk Udvalg den 03-02-2021",
  "Beslutning fra Børne- og Skoleudvalget, 4. marts 2022, pkt. 12:", "Udvalgets beslutning",
  "Økonomiudvalgets møde den 12.03.2024:", and a dated committee line
  "Social- og Sundhedsudvalget, 2. juni 2021, pkt. 40:";
- the shape: a short line without closing punctuation that may be a heading (`looks_like_heading`),
  whose kind comes from its first words ("Økonomiske konsekvenser" -> economy) or is `other`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from referat.extract.lines import Line
from referat.parse.dates import ANY_DATE, parse_date
from referat.parse.names import split_term
from referat.vocab import (
    COMMITTEE_NOUN,
    COMMITTEE_STEMS,
    DECISION_WORDS,
    SECTION_KEYWORDS,
    SECTION_KINDS,
    TREATMENT_LABEL_KIND,
)

MAX_HEADING_LENGTH = 160
HEADING_CACHE = 8192
MAX_HEADING_WORDS = 12
ITEM_REFERENCE = r"(?:,?\s*(?:pkt|punkt|sag)\.?\s*(?:nr\.?\s*)?\d{1,4})?"
DATE_PART = r"(?:,\s*|\s+)(?:den\s+|d\.\s*)?(?:\w+dag(?:en)?\s+(?:den\s+)?)?(?P<date>" + ANY_DATE + ")"
# "Beslutning", "Beslutning i Teknisk Udvalg den 03-02-2021", "Beslutning Økonomiudvalget den 02-03-2021",
# "Beslutning fra Børne- og Skoleudvalget, 4. marts 2022, pkt. 12:", "Beslutning den 12.03.2024", and
# with the date a PDF left empty: "Beslutning Økonomiudvalget den", "Beslutning den :"
DECISION_HEADING = re.compile(
    r"^(?:" + "|".join(DECISION_WORDS) + r")"
    r"(?:\s+(?:i|fra|af|på|for)?\s*(?!den\b)(?P<org>[A-ZÆØÅ][^:]{1,100}?))?"
    r"(?:" + DATE_PART + r"|\s+den)?" + ITEM_REFERENCE + r"\s*[:.]?$",
    re.I,
)
# "Udvalgets beslutning", "Byrådets beslutning den 21. juni 2023", "Økonomiudvalgets møde den 12.03.2024:"
GENITIVE_DECISION = re.compile(
    r"^(?P<org>[A-ZÆØÅ][^:]{2,100}?)s\s+(?:beslutning|afgørelse|møde)(?:"
    + DATE_PART
    + r")?"
    + ITEM_REFERENCE
    + r"\s*:?$",
    re.I,
)
# "Plan- og Teknikudvalget, 07-11-2019, pkt. 196", "Social- og Sundhedsudvalget, 2. juni 2021, pkt. 40:",
# "Teknisk Udvalg den 2. juni 2020:"
COMMITTEE_LINE = re.compile(r"^(?P<org>[A-ZÆØÅ][^:]{2,100}?)" + DATE_PART + ITEM_REFERENCE + r"\s*:?$")
COMMITTEE = re.compile(r"\b" + COMMITTEE_NOUN + r"\b", re.I)
# "Bilag til Økonomi-, Erhvervs- og Planudvalget 10. juni 2020", "Bilag til sagen:"
ATTACHMENTS_HEADING = re.compile(r"^(?:bilag|bilagsliste)\s+til\s+[^.]{2,120}?:?$", re.I)
# "Beslutning: Godkendt.", "Sagsbeskrivelse: …", "Indstilling: Direktionen indstiller, at …"
LABEL_WITH_TEXT = re.compile(r"^(?P<label>[^:]{3,60}?)\s*:\s*(?P<rest>\S.*)$")
# A heading is short and does not end like a sentence or a list entry.
HEADING_SHAPE = re.compile(r"^[A-ZÆØÅ0-9\"“„(][^\t]*[^.,;!?\s]$|^[A-ZÆØÅ][^\t]*:$")


@dataclass(frozen=True)
class HeadingMatch:
    heading: str
    kind: str
    inline: str = ""  # text printed after the heading on the same line
    organization: str | None = None
    date: str | None = None
    committee_line: bool = False  # a dated committee line, a decision heading only where decisions can be
    learned: bool = False  # a heading of the document's own template, not of the vocabulary


def heading_key(text: str) -> str:
    """ "Sagsfremstilling:" and "SAGSFREMSTILLING" are the same heading."""
    return " ".join(text.strip().rstrip(":").strip().lower().split())


@lru_cache(maxsize=HEADING_CACHE)
def known_heading(text: str) -> HeadingMatch | None:
    """A heading the vocabulary or the decision forms name, whatever the line's style (cached: the
    layout, the template and the sections ask about the same lines)."""
    if not text or len(text) > MAX_HEADING_LENGTH:
        return None
    heading = text.strip().rstrip(":").strip()
    kind = SECTION_KINDS.get(heading_key(text))
    if kind:
        return HeadingMatch(heading, kind)
    decision = decision_heading(text)
    if decision:
        return decision
    if ATTACHMENTS_HEADING.match(text):
        return HeadingMatch(heading, "attachments")
    labelled = LABEL_WITH_TEXT.match(text)
    if labelled:
        label = labelled.group("label").strip()
        kind = SECTION_KINDS.get(heading_key(label))
        if kind:
            return HeadingMatch(label, kind, labelled.group("rest").strip())
        decision = decision_heading(label)
        if decision:
            return replace(decision, inline=labelled.group("rest").strip())
    return None


def decision_heading(text: str) -> HeadingMatch | None:
    """A decision heading with the committee and date it names, if any."""
    stripped = text.strip()
    for pattern in (DECISION_HEADING, GENITIVE_DECISION, COMMITTEE_LINE):
        match = pattern.match(stripped)
        if not match:
            continue
        org, raw_date = match.group("org"), match.group("date")
        date = parse_date(raw_date) if raw_date else None
        names_a_body = org is None or is_body_name(org)
        # "Beslutning Hans Hansen" is not a heading; "Beslutning Økonomi og Plan den 3. maj 2021" is.
        if not names_a_body and (pattern is not DECISION_HEADING or date is None):
            continue
        if pattern is COMMITTEE_LINE and date is None:
            continue
        name = split_term(org)[0] if org else None
        return HeadingMatch(stripped.rstrip(":").strip(), "decision", "", name, date, pattern is COMMITTEE_LINE)
    return None


def is_body_name(text: str) -> bool:
    """ "Plan- og Teknikudvalget", "Udvalget for Teknik og Miljø", "Teknisk Udvalg", "Byrådet": a
    committee's name, not a phrase about one ("Supplerende sagsfremstilling til Teknisk Udvalg")."""
    lowered = text.lower()
    if not any(stem in lowered for stem in COMMITTEE_STEMS) or not COMMITTEE.search(text):
        return False
    words = text.replace(",", " ").split()
    return all(
        word[:1].isupper() or word.endswith("-") or word in NAME_JOINERS or COMMITTEE.fullmatch(word) for word in words
    )


NAME_JOINERS = {"og", "for", "i", "&", "af", "med"}
# "Udvalg: Økonomiudvalget", "Punkt\t7": a labelled line of a case history
TREATMENT_FIELD = re.compile(r"^(?P<label>[^\W\d][\w .]{1,24}?)\s*(?::\s*|\t\s*)(?P<value>.*)$")


def treatment_field(text: str) -> tuple[str | None, str]:
    """What a labelled line of a case history holds ("body", "date", "item", "note") and its value."""
    labelled = TREATMENT_FIELD.match(text.strip())
    kind = TREATMENT_LABEL_KIND.get(labelled.group("label").lower().rstrip(". ")) if labelled else None
    return (kind, labelled.group("value").strip()) if labelled and kind else (None, "")


def looks_like_heading(line: Line) -> bool:
    """Short, heading-shaped, not a list entry or a table row: a line that may head a section."""
    text = line.text
    if not text or len(text) > MAX_HEADING_LENGTH or "\t" in text or text.startswith(("- ", "• ", "* ")):
        return False
    if len(text.split()) > MAX_HEADING_WORDS:
        return False
    return bool(HEADING_SHAPE.match(text))


def keyword_kind(heading: str) -> str:
    """The kind of a heading not in the vocabulary, from its first words; `other` if none fits."""
    text = heading.strip().rstrip(":")
    for pattern, kind in SECTION_KEYWORDS:
        if pattern.search(text):
            return kind
    return "other"
