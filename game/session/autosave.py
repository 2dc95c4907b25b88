"""The automatic save: ``autosave.json`` after every move, and the earlier games' autosaves.

A different game's autosave is kept as ``autosave.previous-STAMP.json`` (the newest few); the
autosave is only ever written by this program, so it is checked for its shape, not replayed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.errors import ContentError, Problem
from game.session import atomic, codec
from game.session.folder import AUTOSAVE, SUFFIX, SaveError, saves_dir
from game.session.listing import save_info
from game.session.table import Session
from game.session.writing import encode, peek, write_bytes

KEEP_OLD_AUTOSAVES = 5


def autosave(session: Session) -> Path:
    """Write ``saves_dir()/autosave.json``; a different game's autosave is kept as a copy.

    The autosave on disk stays where it is until the new one has replaced it atomically, so
    'Continue' always has a game to offer: a full disk or a kill at any moment leaves the old
    autosave (and a failed write removes the copy it had made of it).
    """
    folder = saves_dir()
    target = folder / f"{AUTOSAVE}{SUFFIX}"
    data = encode(session, str(target))  # a game that cannot be saved touches nothing
    state, doc = peek(target)
    label = (
        "broken"
        if state == "broken"
        else "previous"
        if state == "ok" and not _same_game(doc, session)
        else None
    )
    kept = None
    if label == "previous":
        prune_old_autosaves(folder)  # a save killed after its copy left one too many: at most one
    if label is not None:
        try:
            kept = atomic.copy_aside(target, label)
        except OSError as err:
            raise SaveError(
                [Problem(str(target), 1, 1, f"cannot keep the {label} autosave: {err.strerror or err}")]
            ) from None
    try:
        write_bytes(target, data, keep_backup=label is None)  # .bak: this game one move earlier
    except SaveError:
        if kept is not None:  # the old autosave is still in place: the copy is not needed
            with contextlib.suppress(OSError):
                kept.unlink()
        raise
    if label == "previous":
        prune_old_autosaves(folder)
    return target


class Autosaver:
    """A ``Session.on_change`` hook that autosaves, reports a failure instead of raising, and
    knows whether the autosave on disk is the game as it is now (so a front end never says a
    game was saved when it was not)."""

    def __init__(self, on_error: Callable[[str], None] | None = None) -> None:
        self.on_error = on_error
        self.path: Path | None = None  # where the last autosave that worked went
        self.error: str | None = None  # why the last autosave failed (None: it worked)
        self.saving = False  # stopped (Ctrl-C) in the middle of an autosave
        self._saved: tuple[Any, ...] | None = None  # the moves that autosave holds

    def __call__(self, session: Session) -> None:
        self.saving = True  # stays set if the program is interrupted inside the write
        try:
            self.path = autosave(session)
        except ContentError as err:
            self.saving, self.error, self._saved = False, str(err), None
            if self.on_error is not None:
                self.on_error(self.error)
            return
        self.saving, self.error, self._saved = False, None, tuple(session.moves)

    def holds(self, session: Session) -> bool:
        """Is this game, as it is now, in the autosave (every move it has)?"""
        return not self.saving and self.error is None and self._saved == tuple(session.moves)


def autosaver(on_error: Callable[[str], None] | None = None) -> Autosaver:
    """A ``Session.on_change`` hook that autosaves and reports a failure instead of raising."""
    return Autosaver(on_error)


def _same_game(doc: dict[str, Any], session: Session) -> bool:
    """Is an autosave on disk an earlier (or undone) point of this very game?"""
    if doc["scenario"]["hash"] != session.scenario.content_hash or doc["seed"] != session.seed:
        return False
    if doc["seats"] != [str(seat) for seat in session.seats]:
        return False
    old, new = doc["moves"], [codec.encode(session.scenario, move) for move in session.moves]
    shorter = min(len(old), len(new))
    return bool(old[:shorter] == new[:shorter])


def prune_old_autosaves(folder: Path) -> list[Path]:
    """Keep the newest KEEP_OLD_AUTOSAVES earlier games' autosaves; returns what was removed.

    Newest by the stamp and counter in the name (as text, ``-10`` sorts before ``-2``); a file
    whose name this program did not make is never removed.
    """
    dated = []
    for path in folder.glob(f"{AUTOSAVE}.previous-*{SUFFIX}"):
        key = atomic.aside_order(path.name, AUTOSAVE, "previous", SUFFIX)
        if key is not None:
            dated.append((key, path))
    dated.sort(reverse=True)
    removed = []
    for _, path in dated[KEEP_OLD_AUTOSAVES:]:
        try:
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def latest_autosave() -> Path | None:
    """The autosave to offer as 'Continue' (its backup if the autosave itself is unreadable)."""
    target = saves_dir() / f"{AUTOSAVE}{SUFFIX}"
    for path in (target, atomic.backup_path(target)):
        if path.exists() and save_info(path).broken is None:
            return path
    return None
