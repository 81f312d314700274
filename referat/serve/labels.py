"""Danish words the web UI shows for referat's English codes (outcomes, vote options, months), and the
small text filters its templates use (counts with singular or plural, quoted queries, web links).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from referat.vocab import Outcome

if TYPE_CHECKING:
    from referat.model import Decision, Motion

OUTCOME_LABELS: dict[str, str] = {
    Outcome.APPROVED: "Godkendt",
    Outcome.RECOMMENDED: "Anbefalet",
    Outcome.NOTED: "Taget til efterretning",
    Outcome.DISCUSSED: "Drøftet",
    Outcome.POSTPONED: "Udsat",
    Outcome.REJECTED: "Ikke godkendt",
    Outcome.LAPSED: "Bortfaldet",
    Outcome.CHOSEN: "Valgt",
    Outcome.REFERRED: "Henvist",
    Outcome.WITHDRAWN: "Trukket tilbage",
    Outcome.NOTHING: "Intet at bemærke",
    Outcome.HELD: "Afholdt",
    Outcome.ANSWERED: "Besvaret",
    Outcome.NO_POSITION: "Ingen stillingtagen",
    Outcome.REQUESTED: "Ønske fremsat",
    Outcome.CANCELLED: "Aflyst",
    Outcome.OTHER: "Andet",
}
VOTE_LABELS = {"for": "For", "against": "Imod", "abstain": "Undlod"}
ATTENDANCE_LABELS = {"present": "Til stede", "absent": "Fraværende"}
VOTED_PHRASES = {"for": "stemte for", "against": "stemte imod", "abstain": "undlod at stemme"}
MOTION_RESULT_LABELS = {"adopted": "Vedtaget", "rejected": "Forkastet", "lapsed": "Bortfaldet"}
MOTION_KIND_LABELS = {
    "recommendation": "Indstillingen",
    "point": "Punkt i indstillingen",
    "motion": "Forslag",
    "amendment": "Ændringsforslag",
    "procedure": "Afstemning",
}
CONSULTATION_LABELS = {"earlier": "Tidligere behandling", "upcoming": "Kommende behandling", "reference": "Henvisning"}
# How a case timeline entry is linked to the case (store/queries.py `TimelineEntry.via`).
VIA_LABELS = {
    "case number": "Samme sagsnummer",
    "reference": "Henvisning",
    **{f"consultation ({when})": label for when, label in CONSULTATION_LABELS.items()},
}
MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


@dataclass(frozen=True)
class Choice:
    """A filter whose values are codes with Danish labels: it accepts the code ("rejected"), the
    label ("Forkastet") or a word people commonly use for it ("afvist"), in any case, as the UI shows
    the label, programs send the code and people type their own word."""

    labels: dict[str, str]
    noun: str  # what it is, for an error message: "outcome"
    danish_noun: str  # the same on a Danish page: "udfald"
    synonyms: dict[str, str] = field(default_factory=dict)  # a common word -> its code

    def code(self, value: str) -> str | None:
        wanted = " ".join(value.split()).casefold()
        found = next((code for code, label in self.labels.items() if wanted in (code, label.casefold())), None)
        return found or self.synonyms.get(wanted)

    def accepted(self) -> str:
        """Every accepted value, each code with its label, then the other words: "for (For), …; også: ja"."""
        values = ", ".join(f"{code} ({label})" for code, label in self.labels.items())
        return values + (f"; også: {', '.join(self.synonyms)}" if self.synonyms else "")

    def unknown(self, value: str) -> str:
        return f"unknown {self.noun} {value!r}: use a code ({', '.join(self.labels)}) or its Danish label"

    def unknown_danish(self, value: str) -> str:
        return f"Ukendt {self.danish_noun} “{value}”. Vælg et af disse: {', '.join(self.labels.values())}."


OUTCOMES = Choice(
    {str(code): label for code, label in OUTCOME_LABELS.items()},
    "outcome",
    "udfald",
    {
        "vedtaget": Outcome.APPROVED,
        "tiltrådt": Outcome.APPROVED,
        "afvist": Outcome.REJECTED,
        "forkastet": Outcome.REJECTED,
        "anbefales": Outcome.RECOMMENDED,
        "efterretning": Outcome.NOTED,
        "udsættes": Outcome.POSTPONED,
        "trukket": Outcome.WITHDRAWN,
    },
)
MOTION_RESULTS = Choice(
    MOTION_RESULT_LABELS,
    "motion result",
    "resultat",
    {"godkendt": "adopted", "afvist": "rejected", "ikke godkendt": "rejected", "faldet": "lapsed"},
)
VOTES = Choice(
    VOTE_LABELS,
    "vote",
    "stemme",
    {"ja": "for", "nej": "against", "undlader": "abstain", "hverken for eller imod": "abstain", "blank": "abstain"},
)
ACCESS = Choice({"open": "Åben", "closed": "Lukket"}, "access", "adgang")  # an item open to the public, or not
DECIDED_BY_VOTE = Choice({"yes": "Ja", "no": "Nej"}, "vote filter", "afstemning")
GROUPING = Choice({"yes": "Ja", "no": "Nej"}, "grouping", "grupper")  # the hits of one case as one result


def outcome_label(outcome: str) -> str:
    return OUTCOME_LABELS.get(outcome, outcome)


def outcome_labels(outcomes: Sequence[str]) -> str:
    """ "Godkendt, Ikke godkendt": an item's outcomes as a reader says them."""
    return ", ".join(outcome_label(outcome) for outcome in outcomes)


def motion_title(motion: Motion) -> str:
    """What a vote was on, as a heading: "Indstillingen", "Ad punkt 3, 4 og 9", "Ændringsforslag"."""
    if motion.kind == "point" and motion.points:
        return "Ad punkt " + point_list(motion.points)
    return MOTION_KIND_LABELS[motion.kind]


def point_list(points: list[str]) -> str:
    """Points as a reader writes them: runs of three or more as a range, "1a, 1b og 4-14"."""
    groups: list[list[str]] = []
    for point in points:
        previous = groups[-1][-1] if groups else None
        if previous and previous.isdigit() and point.isdigit() and int(point) == int(previous) + 1:
            groups[-1].append(point)
        else:
            groups.append([point])
    written = [each for g in groups for each in ([f"{g[0]}-{g[-1]}"] if len(g) > 2 else g)]
    return written[0] if len(written) == 1 else ", ".join(written[:-1]) + " og " + written[-1]


def outcome_summary(decision: Decision) -> str | None:
    """What became of each point, when the decision says it point by point: "Ikke godkendt: punkt
    1a og 1b · Godkendt: punkt 1c, 2 og 3-14". None for a decision with one outcome for all."""
    parts = [part for part in decision.parts if part.points]
    if len(parts) < 2:
        return None
    by_outcome: dict[str, list[str]] = {}
    for part in parts:
        points = by_outcome.setdefault(str(part.outcome), [])
        points += [point for point in part.points if point not in points]
    if not by_outcome:
        return None
    return " · ".join(f"{outcome_label(outcome)}: punkt {point_list(points)}" for outcome, points in by_outcome.items())


def count_of(number: int, singular: str, plural: str) -> str:
    """ "1 møde", "2 møder", "12.345 møder": the number with Danish thousands separators and the right form."""
    return danish_number(number) + " " + (singular if number == 1 else plural)


def danish_number(number: int) -> str:
    """ "12.345": thousands separated as Danish writes them."""
    return f"{number:,}".replace(",", ".")


def shown_items(first: int, shown: int, total: int, cases: int | None) -> str:
    """ "Viser 21–40 af 1.312 punkter, samlet i 14 sager": which of a search's items a page shows, and
    as how many cases (None: each item on its own)."""
    span = str(first) if shown == 1 else f"{first}–{first + shown - 1}"
    grouped = "hvert for sig" if cases is None else "samlet i " + count_of(cases, "sag", "sager")
    return f"Viser {span} af {count_of(total, 'punkt', 'punkter')}, {grouped}"


def quoted(query: str) -> str:
    """A query in quotation marks, unless it has its own: “indsats”, but "Model 1" stays as typed."""
    return query if '"' in query else f"“{query}”"


def plain_snippet(snippet: str) -> str:
    """A search snippet (HTML with <mark>) as plain text, for readers that show text: a feed's summary
    carries the words once escaped, not HTML escaped inside XML escapes."""
    return html.unescape(snippet.replace("<mark>", "").replace("</mark>", ""))


def is_web_url(value: str | None) -> bool:
    """Whether a source is a web address to link to; anything else (a local path) is shown as text."""
    parts = urlsplit(value or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def danish_date(value: str | None) -> str:
    """ "2024-05-08" or "2024-05-08T16:00" -> "8. maj 2024" (kl. 16.00)."""
    if not value or len(value) < 10:
        return value or ""
    year, month, day = value[:10].split("-")
    text = f"{int(day)}. {MONTHS[int(month) - 1]} {year}"
    if len(value) >= 16 and value[10] == "T":
        text += f", kl. {value[11:13]}.{value[14:16]}"
    return text
