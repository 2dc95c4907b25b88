"""``commonground report SAVE --format md|html [--out FILE] [--what-if TURN:ROLE=ACTIONS] [--lang LANG]``.

Reads a saved game, builds the after-action report (with the "how typical" analysis, a
progress bar on a terminal) and prints it or writes it to a file. A bad save, a bad change or
an unwritable output is bad input: one message, exit code 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from game.errors import EXIT_OK, BadInput
from game.i18n import tr
from game.report import FORMATS, make_report, render, write_text
from game.report.whatif import WhatIfError
from game.session.store import holds_a_save, load_session, resolve_save
from game.shells.options import interface_language
from game.shells.progress import progress_bar


def load_saved(name: str) -> Any:
    """The session in a save file (or a save of that name in the save folder); a broken or
    missing save raises ContentError, which the command line reports as bad input (exit 2)."""

    return load_session(resolve_save(name))


def refuse_to_write_over_a_save(out: Path, save: Path, fmt: str) -> None:
    """``report SAVE --out SAVE`` once replaced the game with its report: a save (or the file being
    read, under any name) is never the report's file."""
    instead = out.with_name(f"{out.stem}-report.{fmt}")
    if _same_file(out, save):
        raise BadInput(f"--out {out}: that is the save being read; choose another file, e.g. {instead}")
    if holds_a_save(out):
        raise BadInput(
            f"--out {out}: this file is a saved game and is not written over; choose another file, "
            f"e.g. {instead}"
        )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and (os.path.samefile(a, b) or a.resolve() == b.resolve())
    except OSError:
        return False


def report_command(args: argparse.Namespace) -> int:
    """``report``: in the ``--lang`` language (scenario text and the report's own words)."""

    with interface_language(getattr(args, "lang", None)):
        return _report(args)


def _report(args: argparse.Namespace) -> int:

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
    save = resolve_save(args.save)
    if out is not None:
        refuse_to_write_over_a_save(out, save, fmt)
    session = load_session(save)
    update, stop = progress_bar(tr("report.progress"), 2 * games if session.state.terminal else 0)
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
