"""Measure a parse against hand-checked facts: gold JSON + parse output JSON -> field precision/recall/F1.

A gold file is a partial parse output (tests/fixtures/layouts/README.md): every key it holds was
checked by a person and is evaluated; a key it leaves out is not. `null` / `[]` in the gold means
"the document does not state this", so a value the parser puts there is a false positive.

Counting, per field: a stated gold value that the parser gives right is a true positive; a wrong
value is a false positive *and* a false negative; a missing one a false negative; a value where the
gold has none a false positive. Lists (participants, sections, votes, …) count their elements as a
multiset. Items are paired by number and title (items the parser invents or misses count as
`agenda_items` errors, and their facts as missed or invented). Scores are micro-averaged.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

MEETING_SCALARS = ("body", "organization", "term", "kind", "start", "end", "location")
ITEM_SCALARS = ("number", "title", "public", "case_number")
# Two items are one item when their titles are at least this alike (after the numbers agree, or without them).
TITLE_SIMILARITY = 0.6
GOLD_SUFFIX = ".gold.json"
LIST_END = re.compile(r"(?:[\s.;,]|\s(?:og|samt|eller)$)+$")
# A list marker at a line's start ("- ", "• "), as HTML lists are printed in decision texts
LIST_MARKER = re.compile(r"^[-•*]\s+", re.M)
LEADING_AT = re.compile(r"^(?:\d{1,2}[.)]\s*|[-•–·]\s*)?at\s+(?:\d{1,2}[.)]\s*)?", re.I)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """Tallies per field ("meeting.start", "items.decision.outcomes", …)."""

    fields: dict[str, Tally] = field(default_factory=dict)

    def tally(self, name: str) -> Tally:
        return self.fields.setdefault(name, Tally())

    def add(self, other: Score) -> None:
        for name, tally in other.fields.items():
            self.tally(name).add(tally)

    @property
    def total(self) -> Tally:
        total = Tally()
        for tally in self.fields.values():
            total.add(tally)
        return total


def evaluate(gold: dict[str, Any], predicted: dict[str, Any]) -> Score:
    """Score one document's parse output against its gold facts."""
    score = Score()
    gold_meeting, meeting = gold.get("meeting") or {}, predicted.get("meeting") or {}
    for name in MEETING_SCALARS:
        if name in gold_meeting:
            _scalar(score.tally(f"meeting.{name}"), _text(gold_meeting[name]), _text(meeting.get(name)))
    if "date" in gold_meeting:  # the day alone, for gold that checked the date but not the time
        start = meeting.get("start")
        _scalar(score.tally("meeting.date"), gold_meeting["date"], start[:10] if isinstance(start, str) else None)
    for name in ("participants", "absent"):
        if name in gold_meeting:
            _people(score, f"meeting.{name}", gold_meeting[name], meeting.get(name) or [])
    if "agenda_items" in gold:
        _items(score, gold["agenda_items"], predicted.get("agenda_items") or [])
    return score


def _scalar(tally: Tally, gold: object, predicted: object) -> None:
    if gold is not None and gold == predicted:
        tally.tp += 1
        return
    tally.fn += gold is not None
    tally.fp += predicted is not None


def _multiset(tally: Tally, gold: Iterable[object], predicted: Iterable[object]) -> None:
    want, got = Counter(gold), Counter(predicted)
    hits = sum((want & got).values())
    tally.tp += hits
    tally.fn += sum(want.values()) - hits
    tally.fp += sum(got.values()) - hits


def _people(score: Score, name: str, gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> None:
    _multiset(score.tally(name), (_name(p["name"]) for p in gold), (_name(p["name"]) for p in predicted))
    parties = {_name(p["name"]): p.get("party") for p in predicted}
    for person in gold:
        if "party" in person and _name(person["name"]) in parties:
            _scalar(score.tally(f"{name}.party"), person["party"], parties[_name(person["name"])])


def _items(score: Score, gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> None:
    pairs = pair_items(gold, predicted)
    matched = {p for _, p in pairs}
    keys = {key for item in gold for key in item}
    tally = score.tally("agenda_items")
    tally.tp += len(pairs)
    tally.fn += len(gold) - len(pairs)
    tally.fp += len(predicted) - len(pairs)
    gold_paired = {g for g, _ in pairs}
    for g, p in pairs:
        _item(score, gold[g], predicted[p])
    for g, item in enumerate(gold):
        if g not in gold_paired:
            _item(score, item, {})
    for p, item in enumerate(predicted):
        if p not in matched:
            _item(score, {key: _EMPTY.get(key) for key in keys}, item)


_EMPTY: dict[str, Any] = {"section_list": [], "proposals": [], "votes": [], "attachments": [], "references": []}
_EMPTY |= {"consultations": [], "protocol_notes": []}


def pair_items(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Gold and predicted items that are the same item: same number and alike titles, else alike titles."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for same_number in (True, False):
        for g, item in enumerate(gold):
            if any(g == pg for pg, _ in pairs):
                continue
            # equally alike titles (untitled items) pair in order: the nearest position wins
            candidates = [
                (_likeness(item.get("title"), other.get("title")), -abs(g - p), p)
                for p, other in enumerate(predicted)
                if p not in used
                and (not same_number or (item.get("number") is not None and item.get("number") == other.get("number")))
            ]
            best = max(candidates, default=(0.0, 0, -1))
            if best[0] >= TITLE_SIMILARITY:
                pairs.append((g, best[2]))
                used.add(best[2])
    return sorted(pairs)


def _likeness(a: object, b: object) -> float:
    a, b = _text(a), _text(b)  # an empty title is no title
    if not isinstance(a, str) or not isinstance(b, str):
        return 1.0 if a is None and b is None else 0.0
    return SequenceMatcher(None, _name(a), _name(b)).ratio()


def _item(score: Score, gold: dict[str, Any], predicted: dict[str, Any]) -> None:
    for name in ITEM_SCALARS:
        if name in gold:
            value = gold[name] if name in ("number", "public") else _text(gold[name])
            got = predicted.get(name) if name in ("number", "public") else _text(predicted.get(name))
            _scalar(score.tally(f"items.{name}"), value, got if predicted else None)
    if "decision" in gold:
        want, got = gold["decision"] or {}, predicted.get("decision") or {}
        if gold["decision"] is None or "text" in want:  # gold may check the outcomes alone
            _scalar(score.tally("items.decision.text"), _plain(want.get("text")), _plain(got.get("text")))
        _multiset(score.tally("items.decision.outcomes"), want.get("outcomes") or [], got.get("outcomes") or [])
    for name, key in LIST_FIELDS.items():
        if name in gold:
            _multiset(score.tally(f"items.{name}"), map(key, gold[name] or []), map(key, predicted.get(name) or []))


def _section(section: dict[str, Any]) -> object:
    return (_name(section["heading"]).rstrip(":"), section["kind"])


def _proposal(text: str) -> object:
    """Compared without "at", the number or bullet before it, and list punctuation after it (", og")."""
    return LIST_END.sub("", _name(LEADING_AT.sub("", text.strip())))


def _vote(vote: dict[str, Any]) -> object:
    names = tuple(sorted(_name(n) for n in vote.get("names") or []))
    return (vote["option"], names, tuple(sorted(vote.get("parties") or [])), vote.get("count"))


def _attachment(attachment: dict[str, Any]) -> object:
    return _name(attachment["title"]).rstrip(" .")


def _reference(reference: dict[str, Any]) -> object:
    return (_name(reference["organization"]), reference["date"], reference.get("item"))


def _consultation(consultation: dict[str, Any]) -> object:
    return (
        _name(consultation["organization"]),
        consultation.get("date"),
        consultation["when"],
        consultation.get("outcome"),
    )


LIST_FIELDS: dict[str, Callable[[Any], object]] = {
    "section_list": _section,
    "proposals": _proposal,
    "votes": _vote,
    "attachments": _attachment,
    "references": _reference,
    "consultations": _consultation,
    "protocol_notes": lambda text: _name(text),
}


def _plain(value: object) -> object:
    """A text compared without list markers and with spacing normalised."""
    return _text(LIST_MARKER.sub("", value)) if isinstance(value, str) else value


def _text(value: object) -> object:
    """Strings compared with spacing normalised, an empty one as no value; other values as they are."""
    return (" ".join(value.split()) or None) if isinstance(value, str) else value


def _name(value: str) -> str:
    return " ".join(value.split()).casefold()


# --- files -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentScore:
    gold: Path
    document: Path | None
    score: Score
    error: str | None = None


def evaluate_folder(
    gold_dir: Path, predicted_dir: Path | None = None, documents_dir: Path | None = None
) -> list[DocumentScore]:
    """Score every gold file in `gold_dir`: against `<name>.json` in `predicted_dir` when given, else
    by parsing the document of the same name beside the gold file (or in `documents_dir`)."""
    from referat.errors import ReferatError
    from referat.parse.document import parse_document
    from referat.sources.files import read_file

    results = []
    for gold_path in gold_files(gold_dir):
        gold = read_gold(gold_path)
        stem = gold_path.name[: -len(GOLD_SUFFIX)]
        if predicted_dir is not None:
            output = predicted_dir / f"{stem}.json"
            path: Path | None = output
            predicted = json.loads(output.read_text(encoding="utf-8")) if output.exists() else None
            error = None if predicted is not None else f"no {stem}.json in {predicted_dir}"
        else:
            path = document_for(gold_path, documents_dir)
            predicted, error = None, f"no document named {stem}.* beside the gold file"
            if path is not None:
                try:
                    predicted, error = parse_document(read_file(path)).model_dump(mode="json"), None
                except ReferatError as exc:
                    error = exc.reason
        results.append(DocumentScore(gold_path, path, evaluate(gold, predicted or {}), error))
    return results


def gold_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob(f"*{GOLD_SUFFIX}"))


def document_for(gold: Path, folder: Path | None = None) -> Path | None:
    """The document a gold file describes: the same name with another suffix, beside it or below `folder`."""
    stem = gold.name[: -len(GOLD_SUFFIX)]
    candidates = folder.rglob(f"{stem}.*") if folder else gold.parent.glob(f"{stem}.*")
    found = sorted(p for p in candidates if not p.name.endswith(GOLD_SUFFIX))
    return found[0] if found else None


def read_gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
