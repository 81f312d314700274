"""Progress of long work: a bar on a terminal, a plain line per step in a log, nothing for one step."""

from __future__ import annotations

import io
import re

from rich.console import Console

from referat.cli.progress import Counts, Steps


def run_steps(console: Console, total: int) -> None:
    with Steps(console, total, "ingesting") as steps:
        for number in range(total):
            steps.say(f"[yellow]note[/yellow] {number}")
            steps.done(f"dokument-{number}.pdf", "stored")


def test_a_log_gets_one_plain_line_per_step_and_the_notes() -> None:
    log = io.StringIO()
    run_steps(Console(file=log, force_terminal=False, width=200), 3)
    lines = log.getvalue().splitlines()
    assert lines == [
        "note 0",
        "[1/3] dokument-0.pdf: stored",
        "note 1",
        "[2/3] dokument-1.pdf: stored",
        "note 2",
        "[3/3] dokument-2.pdf: stored",
    ]


def test_a_terminal_gets_a_bar_not_lines() -> None:
    screen = io.StringIO()
    run_steps(Console(file=screen, force_terminal=True, width=100), 3)
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())  # without the terminal's control codes
    assert "ingesting" in shown and "3/3" in shown and "[1/3]" not in shown and "note 2" in shown


def test_one_step_shows_no_progress() -> None:
    log = io.StringIO()
    run_steps(Console(file=log, force_terminal=False), 1)
    assert log.getvalue().splitlines() == ["note 0"]


def test_counts_are_a_line_each_in_a_log_and_a_bar_on_a_terminal() -> None:
    log = io.StringIO()
    report = Counts(Console(file=log, force_terminal=False, width=200), "punkter indekseret igen")
    report(500, 1200)
    report(1000, 1200)
    report(1200, 1200)
    assert log.getvalue().splitlines() == [
        "[500/1200] punkter indekseret igen",
        "[1000/1200] punkter indekseret igen",
        "[1200/1200] punkter indekseret igen",
    ]
    screen = io.StringIO()
    on_terminal = Counts(Console(file=screen, force_terminal=True, width=100), "punkter indekseret igen")
    on_terminal(600, 1200)
    on_terminal(1200, 1200)
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    assert "1200/1200" in shown and "[600/1200]" not in shown
