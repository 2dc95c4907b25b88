"""A progress bar on stderr for long commands (simulate, report), only when it is a terminal.

The bar starts on the first report of progress, not before: commands that fork worker
processes report only once the workers exist, so no bar thread is running when they fork.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

Update = Callable[[int, int], None]  # (done, total)


def progress_bar(label: str, total: int) -> tuple[Update | None, Callable[[], None]]:
    """(update, stop); update is None when there is nothing to show (not a terminal)."""
    if not sys.stderr.isatty() or total <= 1:
        return None, lambda: None
    bar = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
        console=Console(stderr=True),
    )
    task = bar.add_task("games", total=total)
    started = False

    def update(done: int, total_now: int) -> None:
        nonlocal started
        if not started:
            bar.start()
            started = True
        bar.update(task, completed=done, total=total_now)

    def stop() -> None:
        if started:
            bar.stop()

    return update, stop
