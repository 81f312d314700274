"""Stable ids from natural keys, so the same meeting always gets the same id."""

from __future__ import annotations

import hashlib

from referat.parse.names import committee_name, name_key

ID_LENGTH = 16


def stable_id(*parts: object) -> str:
    joined = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:ID_LENGTH]


def organization_key(name: str | None) -> str | None:
    """ "Beskæftigelses- & Integrationsudvalget 2022-2025" and "beskæftigelses- og integrationsudvalget" match."""
    if not name:
        return None
    return " ".join(committee_name(name).lower().replace("&", "og").split())


def body_key(name: str | None) -> str | None:
    """ "Ærø Kommune" and "ærø kommune" match; folded in Python, as SQL lower() folds only ASCII in SQLite."""
    return " ".join(name.lower().split()) if name else None


def meeting_id(body: str | None, organization: str | None, start: str | None, sha256: str) -> str:
    """A meeting is its committee and start; without both, only its document identifies it."""
    if organization and start:
        return stable_id("meeting", (body or "").lower(), organization_key(organization), start)
    return stable_id("document", sha256)


def person_id(body: str | None, name: str) -> str:
    return stable_id("person", (body or "").lower(), name_key(name))


def item_id(meeting: str, position: int) -> str:
    return stable_id("item", meeting, position)


def case_key(body: str | None, case_number: str | None, title: str) -> str | None:
    """The case an item is a treatment of, so that search hits of one case are one result: its case
    number in its municipality, or without one its title (case and spacing folded). None without a
    municipality: two unknown municipalities' minutes may give the same number to different cases."""
    if not body:
        return None
    if case_number:
        return stable_id("case number", body_key(body), case_number)
    folded = " ".join(title.lower().split())
    return stable_id("title", body_key(body), folded) if folded else None
