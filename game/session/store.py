"""Saved games: where they live, writing them so nothing is lost, reading them as untrusted.

The window and the terminal game call only this module. Every failure is a ``ContentError``
whose problems read ``PATH:LINE:COL: message`` (``SaveError`` for a save that cannot be
written), so a front end shows the message and carries on. See docs/saves.md.

- ``save_session`` writes atomically (``game.session.atomic``) and keeps the previous save as
  ``NAME.bak``. A file in the way that is not a readable save is never overwritten.
- ``load_session`` reads at most 10 MB of strict JSON, migrates older versions, checks every
  field, finds the scenario and checks its content hash, re-runs every move through the engine
  and compares the result with the save's snapshot. Any mismatch is an error that says where.
- Saves live in ``saves_dir()``: the user data folder, or ``$COMMONGROUND_HOME/saves``.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.engine import new_game
from game.engine.move import apply_move
from game.errors import ContentError, Problem
from game.i18n import text as local_text
from game.scenario.load import SCENARIO_DIR
from game.scenario.runtime import CompiledScenario
from game.session import atomic, codec, jsonread
from game.session.reader import (
    BUNDLED_NAME,
    OpenedSave,
    load_session,
    open_save,
    read_document,
    scenario_mismatch,
)
from game.session.saveformat import (
    FORMAT,
    MAX_MOVES_PER_TURN,
    MAX_NAME,
    SAVE_VERSION,
    SaveDocument,
    crowded_turn,
    snapshot_of,
)
from game.session.table import Session

__all__ = [
    "AUTOSAVE",
    "OpenedSave",
    "SaveError",
    "SaveInfo",
    "autosave",
    "autosaver",
    "latest_autosave",
    "list_saves",
    "load_named",
    "load_session",
    "open_save",
    "resolve_save",
    "save_named",
    "save_session",
    "saves_dir",
]

ENV_HOME = "COMMONGROUND_HOME"
AUTOSAVE = "autosave"
KEEP_OLD_AUTOSAVES = 5
SUFFIX = ".json"

_SAVE_NAME = re.compile(r"^\w[\w .\-]*$")
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)}


class SaveError(ContentError):
    """A save that could not be written (disk full, no permission, a file in the way)."""


def _error(path: str | os.PathLike[str], message: str, line: int = 1, column: int = 1) -> ContentError:
    return ContentError([Problem(os.fspath(path), line, column, message)])


# ----------------------------------------------------------------------------- the folder

_cleaned: set[Path] = set()


def saves_dir() -> Path:
    """Where saves live: ``$COMMONGROUND_HOME/saves``, else the user's data folder + ``saves``.

    Created if missing; the first call in a process removes temporary files left by a writer
    that died mid-save.
    """
    home = os.environ.get(ENV_HOME)
    if home:
        base = Path(home).expanduser()
    else:
        import platformdirs

        base = Path(platformdirs.user_data_dir("commonground", appauthor=False))
    folder = base / "saves"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise SaveError(
            [Problem(str(folder), 1, 1, f"cannot create the save folder: {err.strerror or err}")]
        ) from None
    if folder not in _cleaned:
        _cleaned.add(folder)
        atomic.remove_stale_temps(folder)
    return folder


# ----------------------------------------------------------------------------- writing


@cache
def app_version() -> str:
    try:
        from importlib.metadata import version

        return version("commonground")
    except Exception:  # noqa: BLE001 - running from a source tree without metadata
        return ""


def scenario_ref(scenario: CompiledScenario) -> dict[str, Any]:
    """How a save names its scenario: a bundled name, or the file's absolute path."""
    source = Path(scenario.source_path)
    try:
        resolved = source.resolve()
    except OSError:
        resolved = source
    bundled = (
        resolved.parent == SCENARIO_DIR.resolve()
        and resolved.suffix == ".yaml"
        and bool(BUNDLED_NAME.match(resolved.stem))
    )
    return {
        "id": scenario.id,
        "hash": scenario.content_hash,
        "path": resolved.stem if bundled else str(resolved),
        "bundled": bundled,
        "title": scenario.model.title,
        "turns": scenario.model.turns,
        "roles": list(scenario.role_ids),
    }


def document_of(session: Session) -> dict[str, Any]:
    """The save document of a session (current version)."""
    sc = session.scenario
    doc: dict[str, Any] = {
        "format": FORMAT,
        "save_version": SAVE_VERSION,
        "app_version": app_version(),
        "saved_at": datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat(),
        "name": session.name[:MAX_NAME],
        "scenario": scenario_ref(sc),
        "seed": session.seed,
        "seats": [str(seat) for seat in session.seats],
        "moves": [codec.encode(sc, move) for move in session.moves],
    }
    pending = _pending_of(session)
    if pending:
        doc["pending"] = pending
    doc["snapshot"] = snapshot_of(session.state, _states_after_moves(session))
    return doc


def _states_after_moves(session: Session) -> list[Any]:
    """The state after each move: from the session's undo history, or by replaying."""
    history = session.history
    if len(history) == len(session.moves) and all(s.moves == i for i, s in enumerate(history)):
        return [snap.state for snap in history[1:]] + ([session.state] if session.moves else [])
    state = new_game(session.scenario, session.seed)
    states = []
    for move in session.moves:
        state = apply_move(state, move)
        states.append(state)
    return states


def _pending_of(session: Session) -> dict[str, Any]:
    sc = session.scenario
    pending: dict[str, Any] = {}
    humans = set(session.human_roles())
    orders = {
        sc.role_ids[r]: [sc.actions[a].id for a in actions]
        for r, actions in sorted(session.pending_orders.items())
        if r in humans
    }
    if orders:
        pending["orders"] = orders
    dice = [
        [sc.role_ids[r], sc.actions[a].id, d1, d2]
        for (r, a), (d1, d2) in sorted(session.pending_dice.items())
        if r in humans
    ]
    if dice:
        pending["dice"] = dice
    answers = {
        sc.role_ids[r]: {sc.terms[t].id: bool(v) for t, v in terms.items()}
        for r, terms in sorted(session.pending_answers.items())
        if r in humans
    }
    if answers:
        pending["answers"] = answers
    return pending


def encode(session: Session, source: str = "<save>") -> bytes:
    """The bytes of a save; checked against the format first, so what we write we can read."""
    doc = document_of(session)
    try:
        SaveDocument.model_validate(doc)
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        raise SaveError(
            [Problem(source, 1, 1, f"this game cannot be saved: {where}: {first.get('msg', 'invalid')}")]
        ) from None
    crowded = crowded_turn(doc["moves"])
    if crowded is not None:
        raise SaveError(
            [
                Problem(
                    source,
                    1,
                    1,
                    f"this game cannot be saved: more than {MAX_MOVES_PER_TURN} moves in turn {crowded[1]}",
                )
            ]
        )
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    data = text.encode("utf-8")
    if len(data) > jsonread.MAX_BYTES:
        raise SaveError([Problem(source, 1, 1, f"the save would be too large ({len(data):,} bytes)")])
    try:
        jsonread.parse(text, source)  # the reader's own limits: what we write, we can read
    except ContentError as err:
        raise SaveError(
            [Problem(source, 1, 1, f"this game cannot be saved: {err.problems[0].message}")]
        ) from None
    return data


def save_session(session: Session, path: Path) -> Path:
    """Write the save atomically, keeping the previous one as ``PATH.bak``.

    A file already at ``path`` that is not a readable save is left alone (SaveError).
    """
    return _write(session, Path(path), broken="refuse")


def _write(session: Session, path: Path, broken: str, *, deep: bool = True) -> Path:
    data = encode(session, str(path))
    state, detail = _peek(path, deep=deep)
    if state == "broken":
        if broken == "refuse":
            raise SaveError(
                [
                    Problem(
                        str(path),
                        1,
                        1,
                        f"not overwritten: this file is not a sound save ({detail}); "
                        "choose another file name",
                    )
                ]
            )
        try:
            atomic.move_aside(path, "broken")
        except OSError as err:
            raise SaveError([Problem(str(path), 1, 1, f"cannot move a broken save aside: {err}")]) from None
    try:
        if path.parent and not path.parent.exists():
            raise FileNotFoundError(2, "the folder does not exist")
        atomic.write_atomic(path, data)
    except OSError as err:
        raise SaveError([Problem(str(path), 1, 1, f"cannot save: {err.strerror or err}")]) from None
    return path


def _peek(path: Path, *, deep: bool = False) -> tuple[str, Any]:
    """('missing', None), ('ok', the current-version document) or ('broken', why).

    Checks the file as a save (shape, version); ``deep`` also finds its scenario and replays
    it (for a save a person asked for; the autosave is only ever written by us). A file refused
    here is never overwritten.
    """
    try:
        exists = path.exists() or path.is_symlink()
    except OSError:
        exists = True
    if not exists:
        return "missing", None
    try:
        doc = read_document(path).doc
        if deep:
            problem = open_save(path).divergence_error()
            if problem is not None:
                raise problem
    except ContentError as err:
        return "broken", err.problems[0].message
    return "ok", doc


# ----------------------------------------------------------------------------- names


def safe_name(name: str) -> str:
    """A save name that stays inside the save folder, or a ContentError saying why not."""
    raw = unicodedata.normalize("NFC", str(name)).strip()
    if raw.lower().endswith(SUFFIX):
        raw = raw[: -len(SUFFIX)].rstrip()
    shown = raw if len(raw) <= 40 else raw[:37] + "..."
    if not raw:
        raise _error("<name>", "a save needs a name")
    if len(raw) > 64:
        raise _error("<name>", "a save name has at most 64 characters")
    if not _SAVE_NAME.match(raw) or raw.endswith(".") or ".." in raw:
        raise _error(
            "<name>",
            f"cannot use {shown!r} as a save name: use letters, digits, spaces, '-', '_' and '.' "
            "(no slashes: a save stays in the save folder)",
        )
    if raw.split(".")[0].strip().lower() in _RESERVED:
        raise _error("<name>", f"{shown!r} is a reserved file name on Windows; choose another")
    return raw


def save_named(session: Session, name: str) -> Path:
    """Save under a name in ``saves_dir()``; the game takes that name too."""
    clean = safe_name(name)
    if clean.lower() == AUTOSAVE:
        raise _error("<name>", "'autosave' is the automatic save; choose another name")
    session.name = clean
    return _write(session, saves_dir() / f"{clean}{SUFFIX}", broken="move")


def load_named(name: str) -> Session:
    return load_session(named_path(name))


def named_path(name: str) -> Path:
    clean = safe_name(name)
    path = saves_dir() / f"{clean}{SUFFIX}"
    if not path.exists():
        known = ", ".join(info.name for info in list_saves()[:8]) or "none yet"
        raise _error(path, f"no save named {clean!r} (saves: {known})")
    return path


def resolve_save(arg: str | os.PathLike[str]) -> Path:
    """A save given on the command line: a file path, else the name of a save in the folder."""
    path = Path(arg)
    if path.exists():
        return path
    text = os.fspath(arg)
    if os.sep not in text and "/" not in text:
        try:
            candidate = saves_dir() / f"{safe_name(text)}{SUFFIX}"
        except ContentError:
            candidate = None
        if candidate is not None and candidate.exists():
            return candidate
    raise _error(path, f"no such save file, and no save of that name in {saves_dir()}")


# ----------------------------------------------------------------------------- autosave


def autosave(session: Session) -> Path:
    """Write ``saves_dir()/autosave.json``; a different game's autosave is kept, renamed."""
    folder = saves_dir()
    target = folder / f"{AUTOSAVE}{SUFFIX}"
    state, doc = _peek(target)
    if state == "ok" and not _same_game(doc, session):
        try:
            atomic.move_aside(target, "previous")
            _prune_old_autosaves(folder)
        except OSError as err:
            raise SaveError(
                [Problem(str(target), 1, 1, f"cannot keep the previous autosave: {err}")]
            ) from None
    return _write(session, target, broken="move", deep=False)


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


# ----------------------------------------------------------------------------- listing


@dataclass(frozen=True, slots=True)
class SaveInfo:
    """One save as a list shows it; ``broken`` says why a save cannot be opened (unreadable,
    or its scenario is missing or has changed); the fields it could read are still filled."""

    name: str
    path: Path
    modified: datetime.datetime
    scenario: str = ""
    title: str = ""
    turn: int | None = None
    turns: int | None = None
    ended: bool = False
    ending: str | None = None
    moves: int = 0
    seats: tuple[str, ...] = ()
    session_name: str = ""
    broken: str | None = None

    @property
    def detail(self) -> str:
        stamp = self.modified.strftime("%Y-%m-%d %H:%M")
        if self.broken:
            return f"broken: {self.broken} - {stamp}"
        where = "ended" if self.ended else f"turn {self.turn}" + (f" of {self.turns}" if self.turns else "")
        return f"{self.title or self.scenario} - {where} - {stamp}"


def list_saves() -> list[SaveInfo]:
    """Every save in the folder, newest first; unreadable ones are listed as broken."""
    folder = saves_dir()
    infos = [save_info(path) for path in folder.glob(f"*{SUFFIX}") if not path.name.startswith(".")]
    return sorted(infos, key=lambda info: info.modified, reverse=True)


def save_info(path: Path) -> SaveInfo:
    """What a list shows of a save, read without replaying it (fast, never raises)."""

    try:
        modified = datetime.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    except OSError:
        modified = datetime.datetime.fromtimestamp(0)
    name = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.name
    try:
        opened = read_document(path)
    except ContentError as err:
        return SaveInfo(name, path, modified, broken=err.problems[0].message)
    doc = opened.doc
    ref, snap = doc["scenario"], doc["snapshot"]
    return SaveInfo(
        name,
        path,
        modified,
        scenario=ref["id"],
        title=local_text(ref.get("title")) or ref["id"],
        turn=snap["turn"],
        turns=ref.get("turns"),
        ended=snap["phase"] == "over",
        ending=snap["ending"],
        moves=len(doc["moves"]),
        seats=tuple(doc["seats"]),
        session_name=doc.get("name", ""),
        broken=scenario_mismatch(opened),
    )
