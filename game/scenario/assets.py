"""Asset paths named inside a scenario (pictures, sounds): checked to stay in its folder.

Scenario files travel between people, so a path written in one is untrusted. ``resolve_asset``
accepts only a relative path that, with every symbolic link followed, still lands inside the
scenario's own folder; an absolute path, a drive letter, ``..`` that climbs out, or a link that
points outside is refused with a ContentError. The scenario format has no asset field yet: a
field that names a file must go through this function when one is added.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath, PureWindowsPath

from game.errors import ContentError, Problem

MAX_ASSET_PATH = 255


def resolve_asset(
    scenario_path: str | os.PathLike[str], relative: str, *, line: int = 1, column: int = 1
) -> Path:
    """The file ``relative`` names, inside the folder of ``scenario_path``; else ContentError.

    ``line`` and ``column`` say where the path is written in the scenario, for the message.
    The file need not exist yet (the caller reports a missing file as it sees fit).
    """
    source = os.fspath(scenario_path)

    def refuse(why: str) -> ContentError:
        shown = relative if len(relative) <= 60 else relative[:57] + "..."
        return ContentError([Problem(source, line, column, f"asset path {shown!r}: {why}")])

    if not isinstance(relative, str) or not relative.strip():
        raise ContentError([Problem(source, line, column, "an asset path must be non-empty text")])
    if len(relative) > MAX_ASSET_PATH or "\x00" in relative:
        raise refuse(f"not a usable file name (at most {MAX_ASSET_PATH} characters, no NUL)")
    windows = PureWindowsPath(relative)
    if PurePosixPath(relative).is_absolute() or windows.drive or windows.root or relative.startswith("~"):
        raise refuse("must be relative to the scenario's folder, not absolute")
    parts = PurePosixPath(relative.replace("\\", "/")).parts
    if ".." in parts:
        raise refuse("must not use '..': an asset stays in the scenario's folder")
    folder = Path(source).resolve().parent
    try:
        target = (folder / Path(*parts)).resolve()
    except (OSError, RuntimeError) as err:  # a symlink loop, for instance
        raise refuse(f"cannot be resolved ({err})") from None
    if not target.is_relative_to(folder):
        raise refuse("leads outside the scenario's folder (through a symbolic link)")
    return target
