"""``commonground report SAVE --format md|html [--out FILE] [--what-if TURN:ROLE=ACTIONS] [--lang LANG]``.

Reads a saved game, builds the after-action report (with the "how typical" analysis, a
progress bar on a terminal) and prints it or writes it to a file. A bad save, a bad change or
an unwritable output is bad input: one message, exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.errors import EXIT_OK, BadInput


def load_saved(name: str) -> Any:
    """The session in a save file (or a save of that name in the save folder); a broken or
    missing save raises ContentError, which the command line reports as bad input (exit 2)."""
    from game.session.store import load_session, resolve_save

    return load_session(resolve_save(name))


def progress_bar(total_games: int) -> tuple[Callable[[int, int], None] | None, Callable[[], None]]:
    """A rich progress bar on stderr when it is a terminal; started on the first report of
    progress, after the worker processes have been forked (no thread exists when they are)."""
    if not sys.stderr.isatty() or total_games <= 0:
        return None, lambda: None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from game.i18n import tr

    bar = Progress(
        TextColumn(tr("report.progress")),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
        console=Console(stderr=True),
    )
    task = bar.add_task("games", total=2 * total_games)
    started = False

    def update(done: int, total: int) -> None:
        nonlocal started
        if not started:
            bar.start()
            started = True
        bar.update(task, completed=done, total=total)

    def stop() -> None:
        if started:
            bar.stop()

    return update, stop


def report_command(args: argparse.Namespace) -> int:
    """``report``: in the ``--lang`` language (scenario text and the report's own words)."""
    from game.shells.commands import interface_language

    with interface_language(getattr(args, "lang", None)):
        return _report(args)


def _report(args: argparse.Namespace) -> int:
    from game.report import FORMATS, make_report, render, write_text
    from game.report.whatif import WhatIfError

    games = 1000 if args.typical is None else args.typical
    if games < 0:
        raise BadInput("--typical must be 0 or more")
    fmt = args.format
    if fmt not in FORMATS:  # pragma: no cover - argparse refuses first
        raise BadInput(f"--format: choose from {', '.join(FORMATS)}")
    out = Path(args.out) if args.out else None
    if out is not None and out.is_dir():
        raise BadInput(f"{out}: is a folder; give a file name for --out")
    if out is not None and not out.parent.exists():
        raise BadInput(f"{out}: the folder {out.parent} does not exist")
    session = load_saved(args.save)
    update, stop = progress_bar(games if session.state.terminal else 0)
    try:
        report = make_report(session, games, getattr(args, "what_if", None), update)
    except WhatIfError as err:
        raise BadInput(f"--what-if: {err}") from None
    finally:
        stop()
    content = render(report, fmt)
    if out is None:
        sys.stdout.write(content)
        return EXIT_OK
    try:
        write_text(out, content)
    except OSError as err:
        raise BadInput(f"{out}: cannot write the report: {err.strerror or err}") from None
    print(f"wrote the report to {out}", file=sys.stderr)
    return EXIT_OK
