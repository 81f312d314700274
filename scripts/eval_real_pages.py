"""Measure referat on real published minutes pages (not a test): field F1 per page, per body and per split.

Usage: .venv/bin/python scripts/eval_real_pages.py [--pages DIR] [--split dev|holdout|all] [--json FILE]

The page texts are third-party copies and are not in the repository: fetch them as
`tests/fixtures/real_pages/README.md` says into a folder outside it (default `../pages`, or
`REFERAT_PAGES`), one `<id>.txt` per page. The hand-checked facts are the `<id>.gold.json` files in
`tests/fixtures/real_pages/dev/` (pages the parser was worked on) and `holdout/` (pages set aside
before any change and only measured). A page whose text is missing is listed and left out of the sums.

The municipality (`meeting.body`) is not scored: a page excerpt rarely names it, and a user passes
`--body` for such pages. A committee's term printed with its name ("Kommunalbestyrelsen 2018-21") is
read into `meeting.term`, so the gold name is compared without it. Each text is parsed under the
neutral name `<id>.txt`, so the parser learns nothing from the file name but the year in the id.
"""

from __future__ import annotations

import argparse
import json
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from referat.errors import ReferatError
from referat.evaluate import Score, Tally, evaluate, gold_files, read_gold
from referat.parse.document import parse_document
from referat.parse.names import split_term
from referat.sources.raw import RawDocument

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "real_pages"
SPLITS = ("dev", "holdout", "unseen-dev", "unseen-holdout", "fresh-dev", "fresh-holdout", "fresh2-holdout")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, default=Path(os.environ.get("REFERAT_PAGES", ROOT.parent / "pages")))
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--out", type=Path, help="write each page's parse output here, for reading")
    parser.add_argument("--quiet", action="store_true", help="print the sums only")
    args = parser.parse_args()
    figures: dict[str, Any] = {}
    for split in SPLITS if args.split == "all" else (args.split,):
        figures[split] = measure_split(split, args.pages, args.out, quiet=args.quiet)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def measure_split(split: str, pages: Path, out: Path | None, quiet: bool = False) -> dict[str, Any]:
    total, per_body = Score(), defaultdict(Score)
    rows, missing, wrong_committees = [], [], []
    for gold_path in gold_files(GOLD / split):
        gold = read_gold(gold_path)
        page_id = gold_path.name.removesuffix(".gold.json")
        text = pages / f"{page_id}.txt"
        if not text.exists():
            missing.append(page_id)
            continue
        predicted, error = parse_page(page_id, text.read_bytes())
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{page_id}.json").write_text(json.dumps(predicted, indent=1, ensure_ascii=False), encoding="utf-8")
        gold["meeting"] = {k: v for k, v in (gold.get("meeting") or {}).items() if k != "body"}
        if gold["meeting"].get("organization"):  # the term printed with the name is its own field
            gold["meeting"]["organization"] = split_term(gold["meeting"]["organization"])[0]
        score = evaluate(gold, predicted)
        total.add(score)
        per_body[gold["meta"]["municipality"]].add(score)
        rows.append((page_id, score, error))
        got = (predicted.get("meeting") or {}).get("organization")
        if got is not None and got != gold["meeting"].get("organization"):
            wrong_committees.append(f"{page_id}: {got!r} (gold {gold['meeting'].get('organization')!r})")
    print(f"\n== {split}: {len(rows)} pages" + (f", {len(missing)} missing: {' '.join(missing)}" if missing else ""))
    if not quiet:
        for page_id, score, error in rows:
            print(f"  {page_id:28} {_line(score)}" + (f"  ERROR {error}" if error else ""))
        print("  -- per body")
        for body, score in sorted(per_body.items()):
            print(f"  {body:28} {_line(score)}")
        print("  -- per field")
        for name, tally in sorted(total.fields.items()):
            counts = f"({tally.tp}/{tally.fp}/{tally.fn})"
            print(f"  {name:28} P {tally.precision:.3f} R {tally.recall:.3f} F1 {tally.f1:.3f}  {counts}")
    print(f"  committee not as printed: {len(wrong_committees)}")
    for line in wrong_committees:
        print(f"    {line}")
    print(f"  {split} total: {_line(total)}")
    return {
        "pages": len(rows),
        "missing": missing,
        "item_f1": total.tally("agenda_items").f1,
        "overall_f1": total.total.f1,
        "fields": {name: _figures(tally) for name, tally in sorted(total.fields.items())},
        "per_page": {page_id: _page_figures(score, error) for page_id, score, error in rows},
        "per_body": {body: _page_figures(score, None) for body, score in sorted(per_body.items())},
        "wrong_committees": wrong_committees,
    }


def parse_page(page_id: str, data: bytes) -> tuple[dict[str, Any], str | None]:
    try:
        return parse_document(RawDocument(uri=f"{page_id}.txt", data=data)).model_dump(mode="json"), None
    except ReferatError as exc:
        return {}, exc.reason


def _line(score: Score) -> str:
    items = score.fields.get("agenda_items", Tally())
    return f"items F1 {items.f1:.3f} ({items.tp}/{items.fp}/{items.fn})  overall F1 {score.total.f1:.3f}"


def _figures(tally: Tally) -> dict[str, Any]:
    return {"f1": round(tally.f1, 3), "tp": tally.tp, "fp": tally.fp, "fn": tally.fn}


def _page_figures(score: Score, error: str | None) -> dict[str, Any]:
    items = score.fields.get("agenda_items", Tally())
    return {"item_f1": round(items.f1, 3), "overall_f1": round(score.total.f1, 3), "error": error}


if __name__ == "__main__":
    main()
