"""Danish terms of art as data: outcomes, section headings, months, party letters.

The parser reads every spelling through these tables, so a new phrasing is a new row here,
not a new branch in code.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Literal


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
    CANCELLED = "cancelled"
    OTHER = "other"


# Checked in this order; the first outcome with a match wins. Final states and negations come
# first ("Ikke godkendt" contains "godkendt", "Anbefales godkendt" is a recommendation); where the
# case goes next (referred) comes after what the body did, so "Godkendt. Sagen sendes videre til
# byrådet." and "Tilbagesendes … med bemærkning, at byrådet har vedtaget …" are approvals.
# Sentences about other agenda items, by a minority or in a protocol note are not read for the
# outcome (enrich/decisions.py). Phrasings come from many municipalities' minutes
# (tests/fixtures/cases/outcomes.txt).
OUTCOME_PATTERNS: list[tuple[Outcome, re.Pattern[str]]] = [
    (
        Outcome.CANCELLED,
        re.compile(r"\b(?:mødet\s+(?:blev|er)\s+aflyst|\w*møde\w*\s+(?:blev|er)\s+aflyst)|^\s*aflyst\b", re.I),
    ),
    (
        Outcome.REJECTED,
        re.compile(
            r"\b(?:ikke\s+(?:godkendt|tiltrådt|vedtaget|anbefalet|imødekommet)|kan\s+ikke\s+(?:godkendes|tiltrædes|anbefales)"
            r"|kunne\s+ikke\s+(?:godkende|tiltræde|anbefale|imødekomme|støtte|gå\s+ind\s+for)|imødekommes\s+ikke"
            r"|afvist|afvises|afviste\s+(?:forslaget|indstillingen|sagen|ansøgningen|at)|forkastet|forkastes|forkastede|nedstemt|anbefales\s+ikke|ønsker\s+ikke"
            r"|(?:forslaget|sagen|ændringsforslaget)\s+faldt|^\s*faldet\b)",
            re.I | re.M,
        ),
    ),
    (Outcome.NO_POSITION, re.compile(r"\buden\s+anbefaling\b|\btog\s+ikke\s+stilling\b", re.I)),
    # "besluttede ikke at sende forslaget til realitetsbehandling": a citizens' proposal declined
    (Outcome.REJECTED, re.compile(r"\bikke\s+at\s+sende\s+\w+\s+til\s+realitetsbehandling\b", re.I)),
    (Outcome.REFERRED, re.compile(r"\brealitetsbehandling\b", re.I)),
    (
        Outcome.NOTHING,
        re.compile(
            r"\A\s*(?:ingen|intet)\s*\.?\s*\Z|\b(?:ingen\s+(?:\w+\s+)?(?:orientering|spørgsmål|meddelelse|bemærkning)\w*"
            r"|intet\s+at\s+orientere\s+om|intet\s+under\s+(?:eventuelt|dette\s+punkt|punktet)|der\s+var\s+ingen\s+\w+)\b",
            re.I | re.M,
        ),
    ),
    (Outcome.WITHDRAWN, re.compile(r"\b(?:taget\s+af\s+dagsordenen|trukket\s+tilbage|udgår|udgik)\b", re.I)),
    (
        Outcome.POSTPONED,
        re.compile(
            r"\b(?:udsat|udsættes|udskydes|udskudt|genoptages|overføres\s+til\s+næste\s+møde|ikke\s+behandlet)\b", re.I
        ),
    ),
    (
        Outcome.CHOSEN,
        re.compile(
            r"\b(?:vælges|valgtes|valgte|blev\s+valgt|valgt\s+blev|udpeges|udpegede|blev\s+udpeget|udpeget\s+blev)\b",
            re.I,
        ),
    ),
    (
        Outcome.RECOMMENDED,
        re.compile(
            r"\b(?:anbefale[st]?|anbefaler|anbefaledes|indstilles|indstillede\s+\w+\s+til\s+godkendelse"
            r"|at\s+indstille\s+til)\b",
            re.I,
        ),
    ),
    (
        Outcome.APPROVED,
        re.compile(
            r"\b(?:godkend\w*|tiltrådt|tiltrædes|tiltræder|tiltrådte|tiltræde|vedtaget|vedtages|vedtog|bevilget"
            r"|imødekommet|besluttede|beslutter|tilsluttede\s+sig|tilslutter\s+sig|i\s+(?:\d+\s+ugers\s+)?høring)\b",
            re.I,
        ),
    ),
    (Outcome.LAPSED, re.compile(r"\b(?:bortfald\w*|stemmelighed)\b", re.I)),
    (
        Outcome.NOTED,
        re.compile(
            r"\b(?:efterretning|til\s+orientering|orienterede|orienteret|orienteringen|taget\s+til\s+orientering"
            r"|orientering\s+givet)\b",
            re.I,
        ),
    ),
    (Outcome.DISCUSSED, re.compile(r"\b(?:drøftet|drøftede|drøftes|drøftelse|\w*drøftelse\s+gennemført)\b", re.I)),
    # Sent back to the administration: the body took no position on the case yet.
    (
        Outcome.REFERRED,
        re.compile(r"\b(?:(?:sendes|sendt|sendte\s+sagen|sendt\s+sagen)\s+(?:tilbage|retur)|tilbagesende\w*)\b", re.I),
    ),
    # "Temamødet blev holdt", "Dialogmødet blev afholdt": the item was a meeting, and it took place.
    (Outcome.HELD, re.compile(r"\b(?:blev|er)\s+(?:af)?holdt\b", re.I)),
    # "Udvalget ønsker, at administrationen …", "Forvaltningen bedes …": the committee asks for work or a new case.
    (
        Outcome.REQUESTED,
        re.compile(r"\bønsker\b|\bønskes\b|\bbedes\b|\bmed\s+henblik\s+på\s+at\s+få\s+udarbejdet\b", re.I),
    ),
    (
        Outcome.ANSWERED,
        re.compile(r"\b(?:besvarede|besvarende|besvaret|besvares|foretoges|spørgsmål\s+som\s+svar)\b", re.I),
    ),
    (
        Outcome.REFERRED,
        re.compile(
            r"\b(?:oversend\w*|fremsendes|videresendes|sendes\s+videre|sendt\s+til|henvises\s+til|henvist\s+til)\b",
            re.I,
        ),
    ),
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
    "sagsresumé": "summary",
    "sagsresume": "summary",
    "sammenfatning": "summary",
    "indledning": "summary",
    "sagens kerne": "summary",
    "sagstema": "summary",
    "sagsfremstilling": "description",
    "redegørelse": "description",
    "fremstilling": "description",
    "sagsbeskrivelse": "description",
    "sagsfremstilling og vurdering": "description",
    "beskrivelse af sagen": "description",
    "gennemgang af sagen": "description",
    "problemstilling": "description",
    "løsning": "description",
    "beslutningstema": "decision_theme",
    "indstilling": "proposal",
    "forslag til beslutning": "proposal",
    "indstillinger": "proposal",
    "administrativ indstilling": "proposal",
    "administrationens indstilling": "proposal",
    "forvaltningens indstilling": "proposal",
    "det indstilles": "proposal",
    "det foreslås": "proposal",
    "beslutning": "decision",
    "beslutninger": "decision",
    "afgørelse": "decision",
    "konklusion": "decision",
    "resolution": "decision",
    "meddelelse": "announcement",
    "meddelelser": "announcement",
    "beslutningskompetence": "competence",
    "sagsgang og sagstype": "procedure",
    "sagsprocedure": "procedure",
    "sagsgang": "procedure",
    "høring og sagsgang": "procedure",
    "forventet sagsgang": "procedure",
    "sagens forløb": "history",
    # "Sagsforløb: ØK/BY" names the route of the case; "Sagens forløb" tells its history.
    "sagsforløb": "procedure",
    "tidligere behandling": "history",
    "historik": "history",
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
    "vurdering": "assessment",
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
    # Some portals print dates from an English locale: "Torsdag, November 7, 2019 - 17:00".
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "october": 10,
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
    "enhedslisten de rød-grønne": "Ø",
    "radikale": "B",
    "de radikale": "B",
    "konservative folkeparti": "C",
    "socialdemokraterne": "A",
    "alternativet": "Å",
    "danmarksdemokraterne": "Æ",
}


# --- Layout vocabulary: words the layout layer reads headings, fact lists and titles by ----------

# A heading is a decision heading when it starts with one of these words and names nothing but a
# body, a date and an item ("Beslutning i Teknisk Udvalg den 03-02-2021", "Afgørelse:"), not a
# subject ("Beslutning om anlægsbevilling …" is an item's title).
DECISION_WORDS = ("beslutning", "beslutninger", "afgørelse", "afgørelser", "konklusion", "resolution")
# A committee or council as minutes name it: "Teknisk Udvalg", "Økonomiudvalget", "Byrådet",
# "Kommunalbestyrelsen", "Borgerrepræsentationen", "Magistraten", "Handicaprådet", "Hegnsynet".
COMMITTEE_NOUN = (
    r"(?:\w*udvalg(?:et)?|\w*byråd(?:et)?|kommunalbestyrelse(?:n)?|borgerrepræsentation(?:en)?|magistrat(?:en)?"
    r"|\w*råd(?:et)?|\w*nævn(?:et)?|\w*bestyrelse(?:n)?|\w*forum|\w*kommission(?:en)?|direktion(?:en)?)"
)
# One of these is in every committee noun above: checked first, as the pattern is slow to scan
COMMITTEE_STEMS = (
    "udvalg", "råd", "bestyrelse", "repræsentation", "magistrat", "nævn", "forum", "kommission", "direktion",
)  # fmt: skip
# Words of a document title: "Referat", "Dagsorden", "Beslutningsprotokol"; the kind they name.
TITLE_KINDS: dict[str, str] = {
    "referat": "minutes",
    "beslutningsprotokol": "minutes",
    "protokol": "minutes",
    "dagsorden": "agenda",
    "tillægsdagsorden": "agenda",
}
# Labels of the meeting's fact list, lower-cased without colon, and the fact each one gives.
FACT_LABELS: dict[str, str] = {
    "mødedato": "date",
    "dato": "date",
    "mødedag": "date",
    "møde": "meeting",
    "tidspunkt": "time",
    "mødetidspunkt": "time",
    "mødetid": "time",
    "starttidspunkt": "start",
    "mødestart": "start",
    "mødet påbegyndt": "start",
    "mødet begyndt": "start",
    "mødet startede": "start",
    "start": "start",
    "sluttidspunkt": "end",
    "mødeslut": "end",
    "mødet afsluttet": "end",
    "mødet sluttede": "end",
    "mødet hævet": "end",
    "slut": "end",
    "mødested": "location",
    "sted": "location",
    "lokale": "location",
    "mødelokale": "location",
    "lokation": "location",
    "adresse": "location",
    "udvalg": "organization",
    "forum": "organization",
    "mødedeltagere": "participants",
    "deltagere": "participants",
    "til stede": "participants",
    "tilstede": "participants",
    "medlemmer": "participants",
    "deltagende": "participants",
    "fremmødte": "participants",
    "fraværende": "absent",
    "afbud": "absent",
    "ikke til stede": "absent",
    "fravær": "absent",
    "forfald": "absent",
    "fraværende medlemmer": "absent",
    "bemærkninger": "notes",
    "bemærkning": "notes",
    "valgperiode": "term",
    "periode": "term",
    "perioden": "term",
}
# "Jonna Skovbjerg (V) var fraværende.", "Karsten Holm Vestergaard deltog ikke i mødet." — an absence
# stated in a sentence after the decision; and "Godkendt (afbud fra Lise Kjærgaard)."
ABSENT_AFTER = (
    r"(?:var\s+fraværende|deltog\s+ikke(?:\s+i\s+(?:mødet|behandlingen))?|havde\s+meldt\s+afbud|meldte\s+afbud)"
)
ABSENT_BEFORE = r"(?:afbud\s+fra|fraværende\s*:)"
# "Afbud fra Lise Marie Holt.", "Afbud: Claus Jørgensen", "Fraværende: Anne Holm (A)"
ABSENCE_NOTE = r"(?:afbud\s+fra|afbud|fraværende|ikke\s+til\s+stede|fravær|forfald)"
# Markers of a closed or an open item, printed beside the title or on a line of their own.
CLOSED_WORDS = ("lukket", "lukket punkt", "lukket sag", "fortroligt", "lukket dagsorden")
OPEN_WORDS = ("åben", "åbent", "åbent punkt", "åben sag", "åben dagsorden")
# Labels of a case-number line: "Sagsnr.: 22/1005", "Sag nr. 42", "J.nr.", "Sagsid.: 23/1032", "Dok.nr.".
CASE_LABELS = (
    r"(?:Sags\s*-?\s*nr|Sagsnummer|J\.\s*nr|Journal\s*nr|Journalnummer|Jour\.\s*nr|Sagsid|Sags-id|Sags\s+id"
    # "Sag nr. 42" numbers the agenda item in some layouts: a case only when the number has a separator.
    r"|Sag\s+nr(?=\.?\s*:?\s*\d+[./-]\d)|Acadre\s+sagsnr)"
)
# The text of a web page's controls and a document-sharing site's viewer, printed alone on a line or
# run into a title when the page is saved as text: never content.
LINK_TEXTS = (
    "Til toppen", "Tilbage til toppen", "Gå til toppen", "Til top", "Åbn/luk punkt", "Åbn punkt", "Luk punkt",
    "Fold alle punkter", "Fold alle punkter ud", "Fold alle ud", "Fold ud", "Fold sammen", "Åbn alle", "Luk alle",
    "Udskriv", "Udskriv punkt", "Udskriv hele dagsordnen", "Udskriv hele dagsordenen", "Print", "Luk", "Vis", "Skjul",
    "Del", "Hent", "Download", "Læs mere", "Se mere", "Se alle bilag", "Show video", "Vis video", "Video fra mødet",
    "Størrelse: px", "Starte visningen fra side:", "Save this PDF as:", "Transkript", "WORD PNG TXT JPG",
    "Hent som fil:", "Hent som PDF", "Hent dagsorden", "Hent referat",
)  # fmt: skip
# The labels of a case history printed as labelled lines or as a table's columns, by what they hold:
# "Udvalg: Økonomiudvalget", "Dato: 12.03.2024", "Punkt: 7", "Beslutning: Anbefalet".
TREATMENT_LABELS = {
    "body": ("udvalg", "organ", "forum", "mødeforum", "behandlet i", "behandles i", "instans", "besluttende organ"),
    "date": ("dato", "mødedato", "møde", "behandlingsdato", "mødedag"),
    "item": ("punkt", "pkt", "punkt nr", "punktnummer", "sag nr", "dagsordenspunkt", "dagsordenpunkt"),
    "note": ("beslutning", "resultat", "afgørelse", "bemærkning", "bemærkninger", "behandling"),
}
TREATMENT_LABEL_KIND = {label: kind for kind, labels in TREATMENT_LABELS.items() for label in labels}
# The heading of a table of contents
CONTENTS_HEADINGS = (
    "indholdsfortegnelse",
    "indhold",
    "dagsordenoversigt",
    "oversigt over punkter",
    "punkter",
    "dagsordenspunkter",
)
# "Følgende sager behandles på mødet Side": a contents table's row of column labels, the page last
CONTENTS_PAGE_COLUMN = re.compile(r"(?:^|\s)Side(?:nr\.?)?$")
# Parts of a document after its last item: an attachment list, a signature page.
DOCUMENT_END_HEADINGS = (
    "bilagsliste",
    "bilagsoversigt",
    "oversigt over bilag",
    "underskriftsblad",
    "underskriftsside",
    "underskrifter",
)
# Unknown template headings get a kind from their first words; checked in order, the first wins.
SECTION_KEYWORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:\w+\s+)?indstilling", re.I), "proposal"),
    (re.compile(r"^(?:sags)?resum|^sammenfatning|^indledning|^sagens\s+kerne|^anledning|^kort\s+om", re.I), "summary"),
    (re.compile(r"^beslutningstema", re.I), "decision_theme"),
    (re.compile(r"kompetence|^sagen\s+afgøres|^afgøres\s+af|^hvem\s+(?:beslutter|træffer)", re.I), "competence"),
    (re.compile(r"^(?:forventet\s+)?sagsgang|^sagstype", re.I), "procedure"),
    (re.compile(r"^(?:tidligere\s+behandling|historik|sagens\s+forløb|forløb)", re.I), "history"),
    (
        re.compile(r"^(?:kommende|videre)\s+(?:behandling|forløb|proces)|^tidsplan|^tids-\s+og\s+procesplan", re.I),
        "upcoming",
    ),
    (re.compile(r"^relatere", re.I), "related"),
    (re.compile(r"^(?:økonomi|bevilling|finansiering)", re.I), "economy"),
    (re.compile(r"^(?:lov|ret(?:s|lig)|juridisk|hjemmel)", re.I), "legal_basis"),
    (re.compile(r"^(?:høring|inddragelse|borgerinddragelse)", re.I), "consultation"),
    (re.compile(r"^(?:\w+s\s+)?(?:vurdering|bemærkning)", re.I), "assessment"),
    (re.compile(r"^(?:sags)?(?:fremstilling|beskrivelse)|^problemstilling|^baggrund", re.I), "description"),
    (re.compile(r"^bilag", re.I), "attachments"),
    (re.compile(r"^protokol", re.I), "protocol_note"),
    (re.compile(r"^(?:afbud|fraværende|fravær)", re.I), "absence"),
    (re.compile(r"^meddelelse", re.I), "announcement"),
]

# Abbreviations some councils print for party groups instead of the list letter.
PARTY_ABBREVIATIONS: dict[str, str] = {
    "S": "A",
    "RV": "B",
    "KF": "C",
    "SF": "F",
    "LA": "I",
    "DF": "O",
    "EL": "Ø",
    "ALT": "Å",
    "DD": "Æ",
}

# How a motion ended, as minutes say it after the votes; checked in this order ("ikke godkendt"
# holds "godkendt", "bortfaldt ved stemmelighed" is no rejection).
MOTION_RESULTS: list[tuple[Literal["adopted", "rejected", "lapsed"], re.Pattern[str]]] = [
    ("lapsed", re.compile(r"\b(?:bortfald\w*|stemmelighed)\b", re.I)),
    (
        "rejected",
        re.compile(
            r"\b(?:forkastet|forkastede|forkastes|faldt|faldet|ikke\s+(?:godkendt|vedtaget|tiltrådt|anbefalet)"
            r"|(?:kan|kunne)\b[^.]{0,40}?\bikke\s+(?:godkend|tiltræd|anbefal)\w*"
            r"|(?:godkendes|anbefales|tiltrædes|vedtages)\s+ikke|afvist|afviste|nedstemt"
            # the committee's own refusal: "Økonomiudvalget anbefaler ikke …", "Udvalget godkendte ikke …"
            r"|(?:anbefaler|anbefalede|godkender|godkendte|tiltræder|tiltrådte)\s+ikke)\b",
            re.I,
        ),
    ),
    (
        "adopted",
        re.compile(
            r"\b(?:vedtaget|vedtog|vedtoges|godkendt|godkendte|godkendes|tiltrådt|tiltrådte|tiltrædes|anbefalet"
            r"|anbefalede|anbefales|blev\s+valgt"
            # the committee's own decision on the recommendation: "Økonomiudvalget anbefaler overfor Byrådet
            # at godkende …", "Udvalget besluttede, at …", "indstiller til Byrådet, at …"
            r"|anbefaler|besluttede|beslutter|indstiller)\b",
            re.I,
        ),
    ),
]
