"""Danish terms of art as data: outcomes, section headings, months, party letters.

The parser reads every spelling through these tables, so a new phrasing is a new row here,
not a new branch in code.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Outcome(StrEnum):
    APPROVED = "approved"
    RECOMMENDED = "recommended"
    NOTED = "noted"
    DISCUSSED = "discussed"
    POSTPONED = "postponed"
    REJECTED = "rejected"
    LAPSED = "lapsed"
    CHOSEN = "chosen"
    REFERRED = "referred"
    WITHDRAWN = "withdrawn"
    NOTHING = "nothing"
    HELD = "held"
    ANSWERED = "answered"
    NO_POSITION = "no_position"
    REQUESTED = "requested"
    OTHER = "other"


# Checked in this order; the first outcome with a match wins. Negations and final states come
# first because "Ikke godkendt" contains "godkendt" and "Anbefales godkendt" is a recommendation.
OUTCOME_PATTERNS: list[tuple[Outcome, re.Pattern[str]]] = [
    (
        Outcome.REJECTED,
        re.compile(
            r"\b(?:ikke\s+(?:godkendt|tiltrådt|vedtaget|anbefalet|imødekommet)|kan\s+ikke\s+(?:godkendes|tiltrædes|anbefales)"
            r"|afvist|afvises|forkastet|forkastes|nedstemt|anbefales\s+ikke|ønsker\s+ikke)\b",
            re.I,
        ),
    ),
    (Outcome.WITHDRAWN, re.compile(r"\b(?:taget\s+af\s+dagsordenen|trukket\s+tilbage|udgår|udgik)\b", re.I)),
    (Outcome.LAPSED, re.compile(r"\b(?:bortfald\w*|stemmelighed)\b", re.I)),
    (
        Outcome.REFERRED,
        re.compile(
            r"\b(?:realitetsbehandling|(?:sendes|sendt|sendte\s+sagen)\s+(?:tilbage|retur)|tilbagesende\w*)\b", re.I
        ),
    ),
    (Outcome.POSTPONED, re.compile(r"\b(?:udsat|udsættes|udskydes|udskudt|genoptages)\b", re.I)),
    (Outcome.CHOSEN, re.compile(r"\b(?:vælges|valgtes|valgte|blev\s+valgt|udpeges|udpegede|blev\s+udpeget)\b", re.I)),
    (Outcome.RECOMMENDED, re.compile(r"\b(?:anbefale[st]?|anbefaler|anbefaledes|indstilles)\b", re.I)),
    (
        Outcome.APPROVED,
        re.compile(
            r"\b(?:godkend\w*|tiltrådt|tiltrædes|tiltræder|vedtaget|vedtages|vedtog|bevilget|imødekommet|besluttede|beslutter)\b",
            re.I,
        ),
    ),
    (
        Outcome.NOTHING,
        re.compile(r"\b(?:ingen\s+(?:\w+\s+)?(?:orientering|spørgsmål)\w*|intet\s+at\s+orientere\s+om)\b", re.I),
    ),
    (
        Outcome.NOTED,
        re.compile(
            r"\b(?:efterretning|til\s+orientering|orienterede|orienteret|orienteringen|taget\s+til\s+orientering)\b",
            re.I,
        ),
    ),
    (Outcome.DISCUSSED, re.compile(r"\b(?:drøftet|drøftede|drøftes|drøftelse)\b", re.I)),
    # "Temamødet blev holdt", "Dialogmødet blev afholdt": the item was a meeting, and it took place.
    (Outcome.HELD, re.compile(r"\b(?:blev|er)\s+(?:af)?holdt\b", re.I)),
    # "Udvalget ønsker, at administrationen …": the committee asks for work or a new case.
    (Outcome.REQUESTED, re.compile(r"\bønsker\b", re.I)),
    (Outcome.ANSWERED, re.compile(r"\b(?:besvarede|besvarende|besvaret|besvares)\b", re.I)),
    (
        Outcome.NO_POSITION,
        # The body itself abstains ("Udvalget undlod at tage stilling", "Undlader."), not one member of it.
        re.compile(
            r"(?:^|[.:]\s+|\b\w*(?:udvalg|udvalget|byråd|byrådet|rådet)\s+)(?:\d+\.\s*)?"
            r"(?:undlod\s+(?:at\s+tage\s+stilling|stillingtagen)|tager\s+ikke\s+stilling|undlader\b(?!\s+at\s+stemme))",
            re.I | re.M,
        ),
    ),
]


# Section headings as printed, lower-cased, mapped to a kind. Headings not listed here stay body text.
# "Baggrund", "Økonomi" and "Sagen" are left out on purpose: Gladsaxe prints them as sub-headings
# inside "Sagsfremstilling", and a sub-heading must not end the section it belongs to.
SECTION_KINDS: dict[str, str] = {
    "resumé": "summary",
    "resume": "summary",
    "sammenfatning": "summary",
    "sagsfremstilling": "description",
    "fremstilling": "description",
    "sagsbeskrivelse": "description",
    "beskrivelse af sagen": "description",
    "gennemgang af sagen": "description",
    "problemstilling": "description",
    "løsning": "description",
    "beslutningstema": "decision_theme",
    "indstilling": "proposal",
    "forslag til beslutning": "proposal",
    "indstillinger": "proposal",
    "beslutning": "decision",
    "afgørelse": "decision",
    "meddelelse": "announcement",
    "meddelelser": "announcement",
    "beslutningskompetence": "competence",
    "sagsgang og sagstype": "procedure",
    "sagsprocedure": "procedure",
    "sagsgang": "procedure",
    "sagens forløb": "history",
    "sagsforløb": "history",
    "tidligere behandling": "history",
    "kommende behandlingsforløb": "upcoming",
    "videre behandling": "upcoming",
    "relateret behandling": "related",
    "relaterede sager": "related",
    "økonomi og finansiering": "economy",
    "økonomiske konsekvenser": "economy",
    "økonomiske og personalemæssige konsekvenser": "economy",
    "bevillingsmæssige konsekvenser": "economy",
    "lovgrundlag": "legal_basis",
    "retsgrundlag": "legal_basis",
    "høring": "consultation",
    "høringssvar": "consultation",
    "administrationens vurdering": "assessment",
    "forvaltningens vurdering": "assessment",
    "politiske beslutninger og aftaler": "policy",
    "deltager i sagens behandling": "presenters",
    "bilag": "attachments",
    "bilagsliste": "attachments",
    "protokollat": "protocol_note",
    "protokolbemærkning": "protocol_note",
    "afbud": "absence",
    "fraværende": "absence",
}

MONTHS: dict[str, int] = {
    "januar": 1,
    "februar": 2,
    "marts": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}

# A party (list) letter as printed after a name: "(A)", "(Ø)", "(UP)"; "Uden for parti" is kept as written.
PARTY_LETTER = re.compile(r"^(?:[A-ZÆØÅ]{1,3}|Uden for parti|UP|Løsgænger)$")

# Words inside a participant's parentheses that mark an absence: "Claus Jørgensen (Afbud)".
ABSENCE_MARKERS = {"afbud", "fraværende", "fravær", "forfald", "syg", "ikke til stede"}
ROLE_MARKERS = {"formand", "næstformand", "borgmester", "viceborgmester", "sekretær", "referent"}

# Party names as written in votes and protocol notes, to their list letters.
PARTY_NAMES: dict[str, str] = {
    "socialdemokratiet": "A",
    "radikale venstre": "B",
    "det radikale venstre": "B",
    "det konservative folkeparti": "C",
    "konservative": "C",
    "de konservative": "C",
    "nye borgerlige": "D",
    "sf": "F",
    "socialistisk folkeparti": "F",
    "liberal alliance": "I",
    "kristendemokraterne": "K",
    "moderaterne": "M",
    "dansk folkeparti": "O",
    "venstre": "V",
    "enhedslisten": "Ø",
    "alternativet": "Å",
    "danmarksdemokraterne": "Æ",
}
