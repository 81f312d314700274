"""Progress of long work, on standard error: a bar on a terminal, one plain line per step otherwise
(a log file or a cron mail cannot show a bar, but a count per document tells how far it got)."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

COLUMNS = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
MIN_STEPS = 2  # one document needs no progress: its own line says it all


def _bar(console: Console) -> Progress:
    """The bar both kinds of progress show on a terminal; it leaves nothing behind when it stops."""
    return Progress(*COLUMNS, console=console, transient=True)


class Steps:
    """`with Steps(console, 369, "ingesting") as steps: steps.done(path, "stored")`."""

    def __init__(self, console: Console, total: int, verb: str) -> None:
        self.console, self.total, self.count = console, total, 0
        shown = total >= MIN_STEPS
        self.bar = _bar(console) if shown and console.is_terminal else None
        self.plain = shown and self.bar is None
        self.task = self.bar.add_task(verb, total=total) if self.bar else None

    def __enter__(self) -> Steps:
        if self.bar:
            self.bar.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()

    def done(self, name: str, status: str) -> None:
        """One step finished: the bar moves, or a line "[12/369] name: status" is written."""
        self.count += 1
        if self.bar and self.task is not None:
            self.bar.advance(self.task)
        elif self.plain:
            self.console.print(f"[{self.count}/{self.total}] {name}: {status}", markup=False)

    def say(self, markup: str) -> None:
        """A line above the bar (a note, a warning), which the bar does not overwrite."""
        self.console.print(markup)

    def stop(self) -> None:
        if self.bar:
            self.bar.stop()


class Counts:
    """Progress told as counts, `(done, total)`, as a migration that indexes every item again tells it:
    a bar on a terminal, a line per report otherwise. Called as the store's `on_progress`."""

    def __init__(self, console: Console, verb: str) -> None:
        self.console, self.verb = console, verb
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int) -> None:
        if not self.console.is_terminal:
            self.console.print(f"[{done}/{total}] {self.verb}", markup=False)
            return
        if self.bar is None or self.task is None:
            self.bar = _bar(self.console)
            self.bar.start()
            self.task = self.bar.add_task(self.verb, total=total)
        self.bar.update(self.task, completed=done)
        if done >= total:
            self.bar.stop()
