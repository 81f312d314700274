"""Read references to earlier treatment and consultations before and after this meeting.

Relateret behandling:       Beskæftigelses- og Integrationsudvalget 30.04.2019, punkt. 3
                            Beskæftigelses- og Integrationsudvalget 05.02.2025, punkt 1 og 4
In the text:                … jf. Beskæftigelses- og Integrationsudvalget 31.05.2023, punkt 8.
Kommende behandlingsforløb: Økonomiudvalget 13.06.2023
Sagens forløb:              06/05/2024 Udvalget for Børn og Ungdom - 2022-2025
                            Indstillingen anbefales.
Tidligere behandling:       Udvalg: Økonomiudvalget / Dato: 12.03.2024 / Punkt: 7 / Beslutning: Anbefalet
                            (labelled lines, or a table under a row of those labels)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from referat.enrich.decisions import classify_outcome
from referat.model import Consultation, Recommendation, Reference, Section, When
from referat.parse.dates import ANY_DATE, parse_date
from referat.parse.headings import NAME_JOINERS, is_body_name, treatment_field
from referat.parse.names import committee_name, split_list
from referat.parse.sections import DatedSection
from referat.vocab import COMMITTEE_NOUN, TREATMENT_LABEL_KIND, Outcome

COMMITTEE = re.compile(r"\b" + COMMITTEE_NOUN + r"\b", re.I)

# The item of an earlier treatment printed next to its date: "den 13. marts 2023 (sag nr. 6)",
# "Den 5. september 2019, punkt 142", "den 5. oktober 2016, pkt. 6", "den 25. august 2008, sag nr. 14"
# Found from the item word back to the date, which is much cheaper than trying a date everywhere.
# (Spelled out in both cases: a case-blind pattern is scanned several times slower.)
ITEM_NUMBER = re.compile(r"\b(?:[Pp](?:unkt|UNKT|kt\.?|KT\.?)|[Ss](?:ag|AG)(?:\s+(?:nr|NR)\.?)?)\s*(?P<item>\d{1,4})\b")
DATE_JUST_BEFORE = re.compile(r"(?P<date>" + ANY_DATE + r")\s*(?:,|\()?\s*$", re.I)
DATE_REACH = 40
SENTENCE_REACH = 1000  # a sentence is looked for this far back: longer ones are cut there
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])|\n\s*\n")
# "… for Teknik og Miljø": the words of a name after "Udvalget"
BODY_TAIL = re.compile(r"(?:\s+(?:for|og|&)\s+[A-ZÆØÅ][\w-]*(?:,?\s+[A-ZÆØÅ][\w-]*)*)+")
ITEMS = r"(?:punkt|pkt)\.?\s*(?P<items>\d{1,3}(?:\s*(?:,|og|&)\s*\d{1,3})*)"
BULLET = r"^(?:[-•*–]\s*)?"
# "Beskæftigelses- og Integrationsudvalget, 30.11.2022, punkt 5."
REFERENCE_LINE = re.compile(
    BULLET
    + r"(?P<org>[^\d\t]{3,120}?)[,\s]+(?:den\s+|d\.\s*)?(?P<date>"
    + ANY_DATE
    + r")(?:[,\s]+"
    + ITEMS
    + r")?\s*\.?$",
    re.I,
)
# "jf. Beskæftigelses- og Integrationsudvalget 31.05.2023, punkt 8"
JF_MENTION = re.compile(
    r"\bjf\.\s+(?P<org>[A-ZÆØÅ][^\d.;:()]{2,120}?)[,\s]+(?:den\s+)?(?P<date>" + ANY_DATE + r")[,\s]+" + ITEMS
)
# "Økonomiudvalget 13.06.2023" or "06/05/2024 Udvalget for Børn og Ungdom - 2022-2025"
ORG_THEN_DATE = re.compile(
    BULLET + r"(?P<org>[^\d\t]{3,120}?)[,\s]+(?:den\s+|d\.\s*)?(?P<date>" + ANY_DATE + r")\s*\.?$", re.I
)
DATE_THEN_ORG = re.compile(BULLET + r"(?P<date>" + ANY_DATE + r")[,:\s]+(?P<org>[A-ZÆØÅ].{2,120}?)\s*\.?$", re.I)


@dataclass
class _Treatment:
    """One treatment of the case as a labelled block or a table row gives it."""

    fields: dict[str, str] = field(default_factory=dict)

    def organization(self) -> str | None:
        name = committee_name(self.fields.get("body", ""))
        return name if name and is_body_name(name) else None

    def item(self) -> int | None:
        number = re.match(r"\d{1,4}\b", self.fields.get("item", "").strip())
        return int(number.group(0)) if number else None


def find_references(sections: list[Section]) -> list[Reference]:
    """References from "Relateret behandling" lines, "jf." mentions and sentences that tell of an
    earlier treatment with its item ("Teknisk Udvalg godkendte den 13. marts 2023 (sag nr. 6) …"),
    without duplicates."""
    found: list[Reference] = []
    for section in sections:
        if section.kind == "related":
            for line in section.text.split("\n"):
                match = REFERENCE_LINE.match(line.strip())
                if match:
                    found.extend(_references(match, line.strip()))
        if section.kind in {"related", "history"}:
            found += [_reference(treatment) for treatment in _labelled_treatments(section.text) if _dated(treatment)]
        for match in JF_MENTION.finditer(section.text) if "jf." in section.text else ():
            found.extend(_references(match, match.group(0)))
    # A sentence that repeats a listed entry adds nothing; the listed entry is kept.
    found += [r for s in sections if s.kind not in {"decision", "related"} for r in _told_references(s.text)]
    unique: dict[tuple[str, str, int | None], Reference] = {}
    for reference in found:
        unique.setdefault((reference.organization.lower(), reference.date, reference.item), reference)
    return list(unique.values())


def _bodies(text: str) -> list[str]:
    """ "Økonomiudvalget og Byrådet" -> both; "Udvalget for Job, Arbejdsmarked og Integration" stays whole."""
    parts = split_list(text)
    return parts if all(COMMITTEE.search(part) for part in parts) else [text.strip()]


def organization_key(name: str) -> str:
    """ "Kommunalbestyrelsen" and "kommunalbestyrelsen " are one body."""
    return " ".join(committee_name(name).lower().replace("&", "og").split())


def _told_references(text: str) -> list[Reference]:
    """ "Den 5. september 2019, punkt 142, godkendte Plan- og Teknikudvalget …", "Kommunalbestyrelsen
    vedtog på møde den 28. maj 2024 (sag nr. 98) …": a body, a date and an item in one sentence.
    Found from each item number back to a date just before it, then the sentence around both."""
    references = []
    previous_end = 0
    for item in ITEM_NUMBER.finditer(text):
        reach = max(0, item.start() - DATE_REACH)
        has_digit = any(character.isdigit() for character in text[reach : item.start()])  # a date has one
        dated = DATE_JUST_BEFORE.search(text, reach, item.start()) if has_digit else None
        date = parse_date(dated.group("date")) if dated else None
        clause_start, previous_end = previous_end, item.end()
        if date is None:
            continue
        sentence = _sentence_around(text, item.start())
        # The body named with this date, not one named with an earlier date in the same sentence.
        clause = text[max(clause_start, text.find(sentence)) : item.end()]
        body = _body_in(" ".join(clause.split())) or _body_in(" ".join(sentence.split()))
        if body:
            number = int(item.group("item"))
            references.append(Reference(organization=body, date=date, item=number, text=" ".join(sentence.split())))
    return references


def _sentence_around(text: str, position: int) -> str:
    """The sentence of `text` that holds `position`: from the last sentence end before it to the next."""
    starts = [m.end() for m in SENTENCE_END.finditer(text, max(0, position - SENTENCE_REACH), position)]
    following = SENTENCE_END.search(text, position)
    return text[starts[-1] if starts else 0 : following.start() + 1 if following else len(text)]


def _body_in(sentence: str) -> str | None:
    """The committee a sentence names, whole: "Plan- og Teknikudvalget", "Udvalget for Teknik og Miljø",
    "Teknisk Udvalg"."""
    for noun in COMMITTEE.finditer(sentence):
        words = sentence[: noun.start()].split()
        start = noun.start()
        while words and _extends_name(words[-1]):
            start = sentence.rfind(words.pop(), 0, start)
        name = sentence[start : noun.end()]
        after = BODY_TAIL.match(sentence, noun.end())
        if after and noun.group(0).lower().startswith("udvalg"):
            name += after.group(0)
        name = name.strip(" ,")
        while name.split()[0] in NAME_JOINERS:
            name = name.split(" ", 1)[1]
        if name[:1].isupper() and is_body_name(name) and name.lower() not in UNNAMED_BODIES:
            return committee_name(name)
    return None


def _extends_name(word: str) -> bool:
    """A word before a committee noun that is part of its name: "Plan-", "og", "Teknisk"."""
    if word.endswith(("-", "-,")) or word in NAME_JOINERS:
        return True
    return word[:1].isupper() and word.lower() not in FUNCTION_WORDS and not word.endswith((".", ",", ":"))


# "Udvalget blev orienteret …": which committee is not said.
UNNAMED_BODIES = {"udvalget", "udvalg", "udvalgets"}
# Capitalised words that open a sentence rather than a committee's name.
FUNCTION_WORDS = {"i", "den", "det", "de", "på", "af", "som", "når", "hvis", "efter", "før", "at", "en", "et", "til"}


def _references(match: re.Match[str], text: str) -> list[Reference]:
    date = parse_date(match.group("date"))
    organization = committee_name(match.group("org"))
    if not date or not organization:
        return []
    items: list[int | None] = [int(n) for n in re.findall(r"\d+", match.group("items") or "")] or [None]
    return [Reference(organization=organization, date=date, item=item, text=text) for item in items]


def find_consultations(
    sections: list[Section],
    other_decisions: list[DatedSection],
    meeting_date: str | None = None,
    routed_to: list[str] | None = None,
) -> list[Consultation]:
    """Upcoming treatment from "Kommende behandlingsforløb" and the bodies the case is routed to,
    earlier treatment from "Sagens forløb"; other committees' dated decisions are earlier or upcoming
    by their date ("Erhvervsudvalget 16-11-2020: Afventes." after this meeting is upcoming)."""
    consultations: list[Consultation] = []
    for section in sections:
        if section.kind == "upcoming":
            consultations.extend(_dated_lines(section.text, "upcoming"))
        elif section.kind == "history":
            consultations.extend(_dated_lines(section.text, "earlier"))
    for dated in other_decisions:
        text = dated.section.text or None
        when: When = "upcoming" if meeting_date and dated.date and dated.date > meeting_date else "earlier"
        outcome = classify_outcome(text) if text else None
        consultations.append(
            Consultation(
                organization=dated.organization or "",
                date=dated.date,
                when=when,
                text=text,
                # "Afventes." states no outcome of a treatment still to come
                outcome=None if when == "upcoming" and outcome is Outcome.OTHER else outcome,
            )
        )
    named = {organization_key(c.organization) for c in consultations}
    for body in routed_to or []:
        if organization_key(body) not in named:
            named.add(organization_key(body))
            consultations.append(Consultation(organization=body, when="upcoming"))
    return [c for c in consultations if c.organization]


def routed_bodies(
    recommendation: Recommendation | None, sections: list[Section], organization: str | None
) -> list[str]:
    """The bodies a case goes to after this meeting, as the text names them: "indstiller til
    Økonomiudvalget og Byrådet", "at anbefale over for Kommunalbestyrelsen", "Sagen afgøres i:
    Kommunalbestyrelsen". Abbreviations ("ØK/BY") are not read."""
    named: list[str] = []
    if recommendation is not None:
        named += _bodies(recommendation.to or "") + [b for body in recommendation.forward_to for b in _bodies(body)]
    for section in sections:
        if section.kind == "competence":
            named += _bodies(section.text.split("\n")[0])
    this = organization_key(organization) if organization else None
    bodies = []
    for name in (committee_name(text.strip(" .,:")) for text in named):
        is_body = COMMITTEE.fullmatch(name) or (COMMITTEE.search(name) and len(name.split()) <= 6)
        if is_body and organization_key(name) != this and name not in bodies:
            bodies.append(name)
    return bodies


def _dated(treatment: _Treatment) -> bool:
    return treatment.organization() is not None and parse_date(treatment.fields.get("date", "")) is not None


def _reference(treatment: _Treatment) -> Reference:
    text = "\n".join(treatment.fields.values())
    return Reference(
        organization=treatment.organization() or "",
        date=parse_date(treatment.fields["date"]) or "",
        item=treatment.item(),
        text=text,
    )


def _dated_lines(text: str, when: When) -> list[Consultation]:
    """Lines naming a committee and a date, the lines after one, up to the next, being its text; or
    labelled treatments ("Udvalg:", "Dato:", "Beslutning:")."""
    entries: list[tuple[str, str | None, list[str]]] = []
    for line in text.split("\n"):
        line = line.strip()
        match = DATE_THEN_ORG.match(line) or ORG_THEN_DATE.match(line)
        if not entries and treatment_field(line)[0] in {"body", "date"}:
            break  # a labelled block ("Udvalg: …", "Dato: …"): read below
        if match and is_body_name(committee_name(match.group("org"))):
            entries.append((committee_name(match.group("org")), parse_date(match.group("date")), []))
        elif entries and line:
            entries[-1][2].append(line)
    if not entries:
        entries = [
            (t.organization() or "", parse_date(t.fields["date"]), [t.fields["note"]] if t.fields.get("note") else [])
            for t in _labelled_treatments(text)
            if _dated(t)
        ]
    consultations = []
    for organization, date, lines in entries:
        note = "\n".join(lines) or None
        outcome = classify_outcome(note) if note else None
        consultations.append(Consultation(organization=organization, date=date, when=when, text=note, outcome=outcome))
    return consultations


def _labelled_treatments(text: str) -> list[_Treatment]:
    """A case history as labelled lines ("Udvalg: Økonomiudvalget", "Dato: 12.03.2024", "Punkt: 7",
    "Beslutning: Anbefalet"; a value may stand on the next line) or as a table whose first row is
    those labels; a label met again starts the next treatment."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    columns = _label_row(lines[0]) if lines else None
    if columns:
        rows = [line.split("\t") for line in lines[1:]]
        return [
            _Treatment({kind: cell.strip() for kind, cell in zip(columns, row, strict=False) if kind}) for row in rows
        ]
    treatments: list[_Treatment] = []
    index = 0
    while index < len(lines):
        kind, value = treatment_field(lines[index])
        index += 1
        if kind is None:
            if treatments and "note" in treatments[-1].fields:  # a note runs on over its lines
                treatments[-1].fields["note"] += "\n" + lines[index - 1]
            continue
        if not value and index < len(lines) and treatment_field(lines[index])[0] is None:
            value, index = lines[index], index + 1
        if not treatments or kind in treatments[-1].fields:
            treatments.append(_Treatment())
        treatments[-1].fields[kind] = value
    return treatments


def _label_row(line: str) -> list[str | None] | None:
    """The kinds of a table's columns when `line` is its row of labels ("Udvalg\tDato\tPunkt")."""
    cells = [cell.strip().rstrip(":.").lower() for cell in line.split("\t")]
    kinds = [TREATMENT_LABEL_KIND.get(cell) for cell in cells]
    return kinds if len(cells) >= 2 and "body" in kinds and "date" in kinds and all(kinds) else None
