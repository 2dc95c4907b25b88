"""The automatic save: ``autosave.json`` after every move, and the earlier games' autosaves.

A different game's autosave is kept as ``autosave.previous-STAMP.json`` (the newest few); the
autosave is only ever written by this program, so it is checked for its shape, not replayed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.errors import ContentError, Problem
from game.session import atomic, codec
from game.session.folder import AUTOSAVE, SUFFIX, SaveError, saves_dir
from game.session.listing import save_info
from game.session.table import Session
from game.session.writing import peek, write_save

KEEP_OLD_AUTOSAVES = 5


def autosave(session: Session) -> Path:
    """Write ``saves_dir()/autosave.json``; a different game's autosave is kept, renamed."""
    folder = saves_dir()
    target = folder / f"{AUTOSAVE}{SUFFIX}"
    state, doc = peek(target)
    if state == "ok" and not _same_game(doc, session):
        try:
            atomic.move_aside(target, "previous")
            _prune_old_autosaves(folder)
        except OSError as err:
            raise SaveError(
                [Problem(str(target), 1, 1, f"cannot keep the previous autosave: {err}")]
            ) from None
    return write_save(session, target, broken="move", deep=False)


def autosaver(on_error: Callable[[str], None] | None = None) -> Callable[[Session], None]:
    """A ``Session.on_change`` hook that autosaves and reports a failure instead of raising."""

    def hook(session: Session) -> None:
        try:
            autosave(session)
        except ContentError as err:
            if on_error is not None:
                on_error(str(err))

    return hook


def _same_game(doc: dict[str, Any], session: Session) -> bool:
    """Is an autosave on disk an earlier (or undone) point of this very game?"""
    if doc["scenario"]["hash"] != session.scenario.content_hash or doc["seed"] != session.seed:
        return False
    if doc["seats"] != [str(seat) for seat in session.seats]:
        return False
    old, new = doc["moves"], [codec.encode(session.scenario, move) for move in session.moves]
    shorter = min(len(old), len(new))
    return bool(old[:shorter] == new[:shorter])


def _prune_old_autosaves(folder: Path) -> None:
    old = sorted(folder.glob(f"{AUTOSAVE}.previous-*{SUFFIX}"), key=lambda p: p.name, reverse=True)
    for path in old[KEEP_OLD_AUTOSAVES:]:
        try:
            path.unlink()
        except OSError:
            pass


def latest_autosave() -> Path | None:
    """The autosave to offer as 'Continue' (its backup if the autosave itself is unreadable)."""
    target = saves_dir() / f"{AUTOSAVE}{SUFFIX}"
    for path in (target, atomic.backup_path(target)):
        if path.exists() and save_info(path).broken is None:
            return path
    return None
