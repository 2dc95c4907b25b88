"""The window's door to saved games (``game.session.store``): every failure becomes a message.

Whatever goes wrong - a broken or foreign save file, a full disk, no save folder - comes back as :class:`SaveProblem`
with a sentence for the player; the window shows it and carries on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.i18n import tr
from game.session import store

if TYPE_CHECKING:
    from game.session.table import Session


class SaveProblem(Exception):
    """A save could not be read or written; ``str()`` is the message for the player."""


@dataclass(frozen=True, slots=True)
class SaveEntry:
    name: str
    path: Path
    detail: str  # e.g. 'The Mission Question - turn 4 - 2025-05-01 14:02'


def _describe(err: BaseException) -> str:
    problems = getattr(err, "problems", None)
    if problems:
        return "; ".join(str(p) for p in list(problems)[:3])
    return str(err) or err.__class__.__name__


def available() -> bool:
    """Saving is always possible in this build (the window asks before offering it)."""
    return True


def latest_autosave() -> Path | None:
    try:
        return store.latest_autosave()
    except Exception:  # noqa: BLE001 - no autosave to offer is the safe answer
        return None


def autosave(session: Session) -> Path:
    try:
        return store.autosave(session)
    except SaveProblem:
        raise
    except Exception as err:  # noqa: BLE001 - any failure is reported, never a crash
        raise SaveProblem(tr("ui.save.failed", error=_describe(err))) from err


def save_named(session: Session, name: str) -> Path | None:
    try:
        return store.save_named(session, name)
    except SaveProblem:
        raise
    except Exception as err:  # noqa: BLE001
        raise SaveProblem(tr("ui.save.failed", error=_describe(err))) from err


def resolved(path: str | Path) -> Path:
    """The file a ``--load`` argument or a listed save names (a save name, or a path)."""
    resolve = getattr(store, "resolve_save", None)
    try:
        return Path(resolve(path)) if resolve is not None else Path(path)
    except Exception:  # noqa: BLE001 - the load that follows reports the problem
        return Path(path)


def load_path(path: str | Path) -> Session:
    """A save by file path, or by the name it was saved under (``--load seminar-1``)."""
    try:
        resolve = getattr(store, "resolve_save", None)
        found = Path(resolve(path)) if resolve is not None else Path(path)
        return store.load_session(found)
    except SaveProblem:
        raise
    except Exception as err:  # noqa: BLE001 - bad saves are untrusted input
        raise SaveProblem(tr("ui.load.failed", path=str(path), error=_describe(err))) from err


def list_saves() -> list[SaveEntry]:
    try:
        items = store.list_saves()
    except SaveProblem:
        raise
    except Exception as err:  # noqa: BLE001
        raise SaveProblem(tr("ui.load.list_failed", error=_describe(err))) from err
    return [_entry(item) for item in items]


def _entry(item: Any) -> SaveEntry:
    """Accept what the store lists: paths, (name, path) pairs, or objects with name/path."""
    if isinstance(item, (str, Path)):
        path = Path(item)
        return SaveEntry(path.stem, path, _stamp(path))
    if isinstance(item, tuple) and len(item) >= 2:
        path = Path(item[1])
        return SaveEntry(str(item[0]), path, " - ".join(str(x) for x in item[2:]) or _stamp(path))
    path = Path(getattr(item, "path", ""))
    name = str(getattr(item, "name", path.stem))
    detail = getattr(item, "detail", None)
    if isinstance(detail, str):
        return SaveEntry(name, path, detail)
    parts = []
    for attr in ("title", "scenario", "turn", "saved", "modified", "when"):
        value = getattr(item, attr, None)
        if value not in (None, ""):
            parts.append(tr("ui.turn_short", n=value) if attr == "turn" else str(value))
    return SaveEntry(name, path, " - ".join(parts) or _stamp(path))


def _stamp(path: Path) -> str:
    try:
        import datetime

        return datetime.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    except OSError:
        return ""
