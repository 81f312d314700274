"""The scorer of vote events against hand labels (scripts/vote_events_eval.py): a side is all its ballots."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from referat.model import Motion, Vote

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "vote_events_eval.py"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("vote_events_eval", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_side_read_from_two_sentences_is_their_ballots_together() -> None:
    label = {
        "kind": "recommendation",
        "points": [],
        "moved_by": [],
        "moved_by_parties": [],
        "votes": [{"option": "against", "names": [], "parties": ["F", "Ø"], "count": None}],
        "result": "adopted",
    }
    ballots = [
        Vote(option="against", parties=["F"], text="(F) stemte imod med bemærkning om, at …"),
        Vote(option="against", parties=["Ø"], text="(Ø) stemte imod forslaget."),
    ]
    motion = Motion(kind="recommendation", votes=ballots, result="adopted")
    assert _scorer().judge(label, [motion]) == []
    only_one = motion.model_copy(update={"votes": ballots[1:]})
    assert _scorer().judge(label, [only_one]) == ["votes"]
