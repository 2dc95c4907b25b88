"""The after-action report: the debrief document of a game, as Markdown or standalone HTML.

``make_report(session)`` builds it (with the "how typical" analysis and, if asked, a what-if);
``render(report, "md" | "html")`` lays it out; ``write_report`` does both and writes a file,
for the end screen of the window and for ``commonground report SAVE``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from game.i18n import tr
from game.report.build import build_report
from game.report.html import render_html
from game.report.markdown import render_markdown
from game.report.model import Report
from game.report.typical import analyse
from game.report.whatif import what_if
from game.session.atomic import write_atomic

FORMATS = ("md", "html")


def make_report(
    session: Any,
    typical_games: int = 1000,
    whatif: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
) -> Report:
    """The full report of a session. ``typical_games`` 0 leaves out "how typical";
    ``whatif`` is a change ``TURN:ROLE=ACTION,...`` (raises WhatIfError if it cannot be made)."""

    report = build_report(session)
    comparison = None
    if whatif:
        comparison = what_if(session, whatif)
    typical = None
    note = ""
    if typical_games > 0 and session.state.terminal:
        typical = analyse(
            session.scenario,
            session.seed,
            session.moves,
            session.state,
            typical_games,
            workers=workers,
            progress=progress,
        )
    elif typical_games > 0:
        note = tr("report.typical.unfinished")
    else:
        note = tr("report.typical.skipped")
    return replace(report, typical=typical, typical_note=note, whatif=comparison)


def render(report: Report, fmt: str) -> str:
    """The report laid out as ``fmt`` ("md" or "html") by the package's Jinja2 templates."""
    if fmt == "html":
        return render_html(report)
    if fmt == "md":
        return render_markdown(report)
    raise ValueError(f"unknown report format {fmt!r} (choose from: {', '.join(FORMATS)})")


def write_text(path: str | os.PathLike[str], content: str) -> Path:
    """Write a report atomically (the saves' recipe): never half a report, no backup kept."""

    target = Path(path)
    write_atomic(target, content.encode("utf-8"), keep_backup=False)
    return target


def write_report(
    session: Any,
    path: str | os.PathLike[str],
    fmt: str = "html",
    typical_games: int = 1000,
    whatif: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
) -> Path:
    """Build, render and write the report of a session (the end screen's "save the report").

    The "how typical" games run in worker processes (forked on Linux). From a program with
    threads of its own (a window), prefer running ``commonground report`` as a subprocess, or
    pass ``workers=1`` to stay in this process.
    """
    report = make_report(session, typical_games, whatif, progress, workers)
    return write_text(path, render(report, fmt))


__all__ = [
    "FORMATS",
    "Report",
    "build_report",
    "make_report",
    "render",
    "write_report",
    "write_text",
]
