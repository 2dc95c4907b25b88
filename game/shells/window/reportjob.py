"""Writing the after-action report without freezing the window: a worker thread the scene polls.

The "how typical" analysis plays hundreds of games and takes seconds to a minute, so the end
screen starts it here and keeps drawing. The thread works on a copy of the session's record
(the window may undo or start a new game meanwhile), reports progress through plain fields the
scene reads each frame, and wakes the window with an event so an idle window redraws the bar.
Cancelling is checked at every progress report: the analysis stops (its worker processes are
ended) and nothing is written.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from pathlib import Path
from typing import Any

from game.report import make_report, render, write_text
from game.session.store import saves_dir

RUNNING, DONE, FAILED, CANCELLED = "running", "done", "failed", "cancelled"
_WAKE_TYPE: int | None = None


class Cancelled(Exception):
    """Raised inside the analysis when the user cancels."""


def wake_event_type() -> int:
    """A pygame event type of our own, posted by the worker to wake an idle window."""
    global _WAKE_TYPE
    if _WAKE_TYPE is None:
        import pygame

        _WAKE_TYPE = pygame.event.custom_type()
    return _WAKE_TYPE


def _wake() -> None:
    try:
        import pygame

        if pygame.display.get_init():
            pygame.event.post(pygame.event.Event(wake_event_type()))
    except Exception:  # noqa: BLE001 - waking is a courtesy; the scene also polls
        pass


def report_name(session: Any) -> str:
    """A file name without extension: scenario, seed, turn reached, date and time."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return f"{session.scenario.id}-seed{session.seed}-turn{session.state.turn}-{stamp}"


def reports_dir() -> Path:

    folder = saves_dir() / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class ReportJob:
    """One report being made: HTML and Markdown, written side by side in ``folder``."""

    def __init__(self, session: Any, games: int, folder: Path | None = None) -> None:
        # A copy of the record: undo trims the session's lists in place.
        self.session = dataclasses.replace(
            session, moves=list(session.moves), history=list(session.history), on_change=None
        )
        self.games = games
        self.folder = folder
        self.status = RUNNING
        self.phase = "build"  # build, typical, write
        self.done = 0
        self.total = 2 * games
        self.paths: list[Path] = []
        self.error = ""
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name="report", daemon=True)

    def start(self) -> ReportJob:
        self._thread.start()
        return self

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def finished(self) -> bool:
        return self.status != RUNNING

    @property
    def share(self) -> float:
        """Progress from 0 to 1 (the analysis is nearly all of the time)."""
        if self.status == DONE:
            return 1.0
        if self.phase == "write":
            return 0.98
        return 0.97 * self.done / self.total if self.total else 0.0

    def wait(self, timeout: float | None = None) -> bool:
        """For tests and shutdown: block until the thread ends; True if it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.phase = "typical"
        self.done, self.total = done, total
        _wake()

    def _run(self) -> None:
        try:
            report = make_report(self.session, self.games, progress=self._progress)
            if self._cancel.is_set():
                raise Cancelled
            self.phase = "write"
            _wake()
            pages = {fmt: render(report, fmt) for fmt in ("html", "md")}
            if self._cancel.is_set():
                raise Cancelled
            folder = self.folder or reports_dir()
            name = report_name(self.session)
            self.paths = [write_text(folder / f"{name}.{fmt}", page) for fmt, page in pages.items()]
            self.status = DONE
        except Cancelled:
            self.status = CANCELLED
        except Exception as err:  # noqa: BLE001 - shown to the user in the window, never raised
            self.error = f"{type(err).__name__}: {err}" if not isinstance(err, OSError) else str(err)
            self.status = FAILED
        _wake()
