"""Danish words the web UI shows for referat's English codes (outcomes, vote options, months)."""

from __future__ import annotations

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
    Outcome.OTHER: "Andet",
}
VOTE_LABELS = {"for": "For", "against": "Imod", "abstain": "Undlod"}
CONSULTATION_LABELS = {"earlier": "Tidligere behandling", "upcoming": "Kommende behandling", "reference": "Henvisning"}
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


def danish_date(value: str | None) -> str:
    """ "2024-05-08" or "2024-05-08T16:00" -> "8. maj 2024" (kl. 16.00)."""
    if not value or len(value) < 10:
        return value or ""
    year, month, day = value[:10].split("-")
    text = f"{int(day)}. {MONTHS[int(month) - 1]} {year}"
    if len(value) >= 16 and value[10] == "T":
        text += f", kl. {value[11:13]}.{value[14:16]}"
    return text
