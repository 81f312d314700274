"""Danish dates and times to ISO 8601.

Handles "31-05-2023", "31.05.2023", "06/05/2024", "16.08.22" (two-digit years are 20xx),
"31. maj 2023", "d. 08. maj 2024", "29 april, 2019", "November 7, 2019" (an English locale) and
times "kl. 19:00", "kl. 16.30", and in a date's own field "17:00" or "08:00:00".
"""

from __future__ import annotations

import re
from datetime import date

from referat.vocab import MONTHS

# "31-05-2023", "31.05.2023", "06/05/2024", "16.08.22"
NUMERIC_DATE = r"\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})(?!\d)"
MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
# "31. maj 2023", "8 maj 2024", "29 april, 2019"
TEXT_DATE = r"\d{1,2}\.?\s+" + MONTH + r"\.?,?\s+\d{4}"
# "November 7, 2019"
MONTH_FIRST_DATE = MONTH + r"\s+\d{1,2},?\s+\d{4}"
ISO_DATE = r"\d{4}-\d{2}-\d{2}"
ANY_DATE = f"(?:{ISO_DATE}|{NUMERIC_DATE}|{TEXT_DATE}|{MONTH_FIRST_DATE})"
ANY_DATE_RE = re.compile(ANY_DATE, re.I)
# "kl. 19:00", "kl. 16.30 - 18.00", "Kl 8"
TIME = re.compile(r"\bkl\.?\s*(\d{1,2})(?:[:.](\d{2}))?(?:\s*[-–]\s*(\d{1,2})(?:[:.](\d{2}))?)?", re.I)
# "17:00", "08:00:00", "16.30" without "kl.": read only in a field that holds the meeting's time.
BARE_TIME = re.compile(r"(?<![\d.:])(\d{1,2})[:.](\d{2})(?::\d{2})?(?:\s*[-–]\s*(\d{1,2})[:.](\d{2}))?(?![\d.:])")


def parse_date(text: str) -> str | None:
    """The first date in `text` as "YYYY-MM-DD", or None when there is no valid one."""
    match = ANY_DATE_RE.search(text)
    if not match:
        return None
    raw = match.group(0)
    try:
        if re.fullmatch(ISO_DATE, raw):
            return date.fromisoformat(raw).isoformat()
        numeric = re.fullmatch(r"(\d{1,2})[-./](\d{1,2})[-./](\d{2,4})", raw)
        words = re.fullmatch(r"(\d{1,2})\.?\s+(\w+)\.?,?\s+(\d{4})", raw)
        month_first = re.fullmatch(r"(\w+)\s+(\d{1,2}),?\s+(\d{4})", raw)
        if numeric:
            day, month, year = (int(part) for part in numeric.groups())
        elif words:
            day, month, year = int(words.group(1)), MONTHS[words.group(2).lower()], int(words.group(3))
        elif month_first:
            day, month, year = (
                int(month_first.group(2)),
                MONTHS[month_first.group(1).lower()],
                int(month_first.group(3)),
            )
        else:
            return None
        if year < 100:
            year += 2000
        return date(year, month, day).isoformat()
    except (ValueError, KeyError):
        return None


def parse_times(text: str, bare: bool = False) -> tuple[str | None, str | None]:
    """Start and end time ("HH:MM") from "kl. 16.30-18.00"; with `bare`, also "17:00" without "kl."
    (after any date in the text); None where absent or invalid."""
    match = TIME.search(text)
    if not match and bare:
        match = BARE_TIME.search(ANY_DATE_RE.sub(" ", text))
    if not match:
        return None, None
    return _clock(match.group(1), match.group(2)), _clock(match.group(3), match.group(4))


def _clock(hours: str | None, minutes: str | None) -> str | None:
    if hours is None or int(hours) > 23 or int(minutes or 0) > 59:
        return None
    return f"{int(hours):02d}:{int(minutes or 0):02d}"
