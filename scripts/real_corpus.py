"""A scale corpus made of real minutes (not a test): the Greve meetings (FirstAgenda JSON) replicated
under other municipalities' names, with shifted dates and lightly varied words.

Generated minutes have a small, regular vocabulary; real minutes coin compounds without end, which is
what makes a search engine's word expansion slow. So every copy keeps the real text and its layout,
and a few of its long words become new compounds made of real parts (a first part taken from the
corpus's own words, the original's head kept: "skolevejsanalyse" may become "trafikvejsanalyse"), so
that the vocabulary keeps growing with the corpus as it does in real minutes.

Usage: .venv/bin/python scripts/real_corpus.py --meetings 1000 --out /tmp/real-1000
Writes <out>/<Municipality>/<n>-<original name>.json; the folder names the municipality (pass it as
`--body` when ingesting, as scripts/bench_store.py does). The first copy of each meeting is the original.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

GREVE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "greve"
# Real Danish municipalities; copies are spread over them in this order.
MUNICIPALITIES = [
    "Greve Kommune", "Aarhus Kommune", "Odense Kommune", "Aalborg Kommune", "Esbjerg Kommune", "Vejle Kommune",
    "Randers Kommune", "Viborg Kommune", "Kolding Kommune", "Silkeborg Kommune", "Herning Kommune",
    "Horsens Kommune", "Roskilde Kommune", "Næstved Kommune", "Slagelse Kommune", "Gentofte Kommune",
    "Gladsaxe Kommune", "Holbæk Kommune", "Hjørring Kommune", "Frederikshavn Kommune", "Guldborgsund Kommune",
    "Svendborg Kommune", "Helsingør Kommune", "Køge Kommune", "Skanderborg Kommune", "Lyngby-Taarbæk Kommune",
    "Hvidovre Kommune", "Ballerup Kommune", "Rudersdal Kommune", "Fredericia Kommune", "Sønderborg Kommune",
    "Aabenraa Kommune", "Haderslev Kommune", "Ikast-Brande Kommune", "Thisted Kommune", "Lejre Kommune",
    "Faxe Kommune", "Syddjurs Kommune", "Norddjurs Kommune", "Struer Kommune",
]  # fmt: skip
VARIED_SHARE = 0.03  # of the words of ten letters or more, in every copy but the first
LONG_WORD = re.compile(r"\b[a-zæøå]{10,}\b")
FIRST_PART = re.compile(r"\b[a-zæøå]{4,9}\b")
MIN_SEEN = 5
TAG = re.compile(r"(<[^>]*>)")


def write_real_corpus(meetings: int, out: Path, source: Path = GREVE, seed: int = 1) -> list[Path]:
    """`meetings` files below `out`, one folder per municipality; returns their paths."""
    originals = sorted(source.glob("*.json"))
    if not originals:
        raise SystemExit(f"no FirstAgenda JSON in {source}")
    texts = [path.read_text(encoding="utf-8") for path in originals]
    first_parts = _first_parts([json.loads(text) for text in texts])
    written = []
    for copy in range(meetings):
        original, round_ = copy % len(originals), copy // len(originals)
        municipality = MUNICIPALITIES[round_ % len(MUNICIPALITIES)]
        rng = random.Random(f"{seed}-{copy}")
        meeting = json.loads(texts[original])
        if round_:
            # a day later per round: no copy is byte for byte another (a meeting without long words)
            _shift_dates(meeting, timedelta(days=round_))
            _vary_words(meeting, rng, first_parts)
        folder = out / municipality
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{copy:06d}-{originals[original].name}"
        path.write_text(json.dumps(meeting, ensure_ascii=False), encoding="utf-8")
        written.append(path)
    return written


def _shift_dates(meeting: dict[str, Any], by: timedelta) -> None:
    details = meeting.get("Moede") or {}
    for key in ("MeetingBeginUtc", "MeetingEndUtc", "Dato"):
        if details.get(key):
            details[key] = (datetime.fromisoformat(details[key]) + by).isoformat()


def _text_nodes(meeting: dict[str, Any]) -> list[str]:
    return [
        part
        for item in meeting.get("Dagsordenpunkter") or []
        for field in item.get("Felter") or []
        for part in TAG.split(field.get("Html") or "")
        if not part.startswith("<")
    ]


def _first_parts(meetings: list[dict[str, Any]]) -> list[str]:
    """Words of the minutes' own text seen often enough to be words (not a stray token), to begin new compounds."""
    seen = Counter(word for meeting in meetings for text in _text_nodes(meeting) for word in FIRST_PART.findall(text))
    return sorted(word for word, count in seen.items() if count >= MIN_SEEN)


def _vary_words(meeting: dict[str, Any], rng: random.Random, first_parts: list[str]) -> None:
    """A few long words of each HTML field become new compounds: a real first part, the original's head."""

    def vary(match: re.Match[str]) -> str:
        word = match.group(0)
        if rng.random() >= VARIED_SHARE:
            return word
        return rng.choice(first_parts) + word[len(word) // 2 :]

    for item in meeting.get("Dagsordenpunkter") or []:
        for field in item.get("Felter") or []:
            html = field.get("Html")
            if html:
                field["Html"] = "".join(
                    part if part.startswith("<") else LONG_WORD.sub(vary, part) for part in TAG.split(html)
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--meetings", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--source", type=Path, default=GREVE, help="folder of FirstAgenda meeting JSON")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write_real_corpus(args.meetings, args.out, args.source, args.seed)
    size = sum(path.stat().st_size for path in paths)
    print(f"{len(paths)} meetings from {args.source} written to {args.out} ({size / 1e6:.0f} MB)")


if __name__ == "__main__":
    main()
