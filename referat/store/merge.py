"""Decide how a new document joins a stored meeting: stored facts + ParsedDocument -> MergePlan.

The rules keep every document's facts, whatever order documents arrive in:
- A meeting is its municipality, committee and start (store/ids.py). A document that names no
  municipality is a meeting of its own: two such files may be different municipalities' meetings.
- A document at the same address (path or URL) as one the meeting holds is its new version: the
  old version's items leave and the new version's come in.
- Items are matched by number, or by title when unnumbered. A document whose items are all new to
  the meeting adds them: portals publish a page per item, and supplementary agendas add items.
- Minutes take the place of the agenda's version of the same item; an agenda never replaces
  minutes (its items already decided are left out, and it is recorded as superseded).
- Any other overlap is a clash: two documents claim the same items of one meeting. The new one is
  stored as a meeting of its own and the clash is reported, so that neither is lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from referat.model import AgendaItem

ItemKey = tuple[str, str]


@dataclass(frozen=True)
class StoredSource:
    """A document a stored meeting holds: its hash, address and kind ("minutes" / "agenda")."""

    sha256: str
    uri: str
    kind: str | None


@dataclass(frozen=True)
class MergePlan:
    apart: bool  # store the document as a meeting of its own (a clash)
    keep: list[int]  # positions of the stored items that stay
    add: list[int]  # indices of the new document's items that join the meeting
    replaced: list[str]  # hashes of the older versions of the new document
    clash_with: str | None = None  # the address of the document it clashes with


def item_key(item: AgendaItem) -> ItemKey:
    """Items are the same item when their numbers are; unnumbered ones when their titles are."""
    if item.number is not None:
        return ("number", str(item.number))
    return ("title", " ".join(item.title.lower().split()))


def plan_merge(
    sources: list[StoredSource],
    item_sources: list[str | None],
    stored_items: list[AgendaItem],
    uri: str,
    kind: str | None,
    new_items: list[AgendaItem],
) -> MergePlan:
    """How a document at `uri` joins a meeting whose item at position i came from `item_sources[i]`."""
    by_sha = {source.sha256: source for source in sources}
    replaced = [source.sha256 for source in sources if source.uri == uri]
    remaining = [
        (position, item_key(item), item_sources[position])
        for position, item in enumerate(stored_items)
        if item_sources[position] not in replaced
    ]
    owner_of = {key: sha for _, key, sha in remaining}
    new_keys = [item_key(item) for item in new_items]
    overlap = {key for key in new_keys if key in owner_of}
    owner_kinds = {by_sha[sha].kind if sha in by_sha else None for key, sha in owner_of.items() if key in overlap}
    if not overlap:
        superseded: set[ItemKey] = set()
        skipped: set[ItemKey] = set()
    elif kind == "minutes" and owner_kinds == {"agenda"}:
        superseded, skipped = overlap, set()
    elif kind == "agenda" and owner_kinds == {"minutes"}:
        superseded, skipped = set(), overlap
    else:
        clash = next(owner_of[key] for key in new_keys if key in overlap)
        clash_uri = by_sha[clash].uri if clash in by_sha else None
        return MergePlan(apart=True, keep=[], add=list(range(len(new_items))), replaced=[], clash_with=clash_uri)
    return MergePlan(
        apart=False,
        keep=[position for position, key, _ in remaining if key not in superseded],
        add=[index for index, key in enumerate(new_keys) if key not in skipped],
        replaced=replaced,
    )
