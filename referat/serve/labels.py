"""Danish words the web UI shows for referat's English codes (outcomes, vote options, months), and the
small text filters its templates use (counts with singular or plural, quoted queries, web links).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from referat.vocab import Outcome

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
# What an outcome filter accepts: the code ("approved") or the label the UI shows ("Godkendt"), in any case.
OUTCOME_CODES: dict[str, str] = {
    **{label.casefold(): str(outcome) for outcome, label in OUTCOME_LABELS.items()},
    **{outcome.value: outcome.value for outcome in Outcome},
}
VOTE_LABELS = {"for": "For", "against": "Imod", "abstain": "Undlod"}
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


def outcome_label(outcome: str) -> str:
    return OUTCOME_LABELS.get(outcome, outcome)


def outcome_code(value: str) -> str | None:
    """ "Godkendt", "godkendt" or "approved" -> "approved"; None for anything else."""
    return OUTCOME_CODES.get(value.strip().casefold())


def count_of(number: int, singular: str, plural: str) -> str:
    """ "1 møde", "2 møder", "12.345 møder": the number with Danish thousands separators and the right form."""
    return f"{number:,}".replace(",", ".") + " " + (singular if number == 1 else plural)


def quoted(query: str) -> str:
    """A query in quotation marks, unless it has its own: “indsats”, but "Model 1" stays as typed."""
    return query if '"' in query else f"“{query}”"


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
