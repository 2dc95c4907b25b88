"""Where saves live and what they may be called: the save folder, save names, finding a save.

A save name is not a file: problems with one read ``save name 'x': ...``, never the
``PATH:LINE:COL`` of a file (there is no line to open). Everything here raises a
``ContentError`` (``SaveError`` when the folder cannot be made) for a front end to show.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from game.errors import ContentError, Problem
from game.session import atomic

ENV_HOME = "COMMONGROUND_HOME"
AUTOSAVE = "autosave"
SUFFIX = ".json"

_SAVE_NAME = re.compile(r"^\w[\w .\-]*$")
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)}


class SaveError(ContentError):
    """A save that could not be written (disk full, no permission, a file in the way)."""


class NameProblem(Problem):
    """A problem with a save *name* (or a save given by name): shown as ``save name 'x': message``.

    ``path`` holds what the problem is about (``save name 'x'``), so every front end that
    prints problems with ``str()`` shows a sentence instead of a file position.
    """

    __slots__ = ()

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def file_error(path: str | os.PathLike[str], message: str) -> ContentError:
    """A problem with a file as a whole (no better position than its start)."""
    return ContentError([Problem(os.fspath(path), 1, 1, message)])


def name_error(name: str, message: str, *, what: str = "save name") -> ContentError:
    shown = name if len(name) <= 40 else name[:37] + "..."
    return ContentError([NameProblem(f"{what} {shown!r}", 1, 1, message)])


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
    clean_once(folder)
    return folder


def clean_once(folder: Path, suffixes: tuple[str, ...] | None = None) -> None:
    """Remove temporary files that dead writers left in ``folder``, once per process.

    ``suffixes``: only those of files with these endings (a folder that is not the save folder
    may hold other programs' files).
    """
    try:
        key = folder.resolve()
    except OSError:
        key = folder
    if key in _cleaned or folder in _cleaned:
        return
    _cleaned.add(key)
    atomic.remove_stale_temps(folder, suffixes=suffixes)


# ----------------------------------------------------------------------------- names


def safe_name(name: str) -> str:
    """A save name that stays inside the save folder, or a ContentError saying why not."""
    raw = unicodedata.normalize("NFC", str(name)).strip()
    if raw.lower().endswith(SUFFIX):
        raw = raw[: -len(SUFFIX)].rstrip()
    if not raw:
        raise name_error(str(name), "a save needs a name")
    if len(raw) > 64:
        raise name_error(raw, "a save name has at most 64 characters")
    if not _SAVE_NAME.match(raw) or raw.endswith(".") or ".." in raw:
        raise name_error(
            raw,
            "use letters, digits, spaces, '-', '_' and '.' (no slashes: a save stays in the save folder)",
        )
    if raw.split(".")[0].strip().lower() in _RESERVED:
        raise name_error(raw, "this is a reserved file name on Windows; choose another")
    return raw


def named_path(name: str) -> Path:
    """The file of the save called ``name`` in the save folder; it must exist."""
    clean = safe_name(name)
    folder = saves_dir()
    path = folder / f"{clean}{SUFFIX}"
    if not path.exists():
        known = ", ".join(save_names(folder)[:8]) or "none yet"
        raise name_error(clean, f"there is no save of that name (saves: {known})")
    return path


def save_names(folder: Path) -> list[str]:
    """The names of the saves in ``folder``, newest first (without reading them)."""
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        if path.name.startswith("."):
            continue
        try:
            found.append((path.stat().st_mtime, path.name[: -len(SUFFIX)]))
        except OSError:
            continue
    return [name for _, name in sorted(found, reverse=True)]


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
    raise name_error(text, f"no such save file, and no save of that name in {saves_dir()}", what="save")
