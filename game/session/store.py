"""Saved games: where they live, writing them so nothing is lost, reading them as untrusted.

The window and the terminal game call only this module, which gathers the save modules by job:
``folder`` (the save folder and save names), ``writing`` (the document and the atomic write),
``autosave`` (the automatic save and earlier games' autosaves), ``listing`` (what a list shows)
and ``reader`` (loading). Every failure is a ``ContentError`` whose problems read
``PATH:LINE:COL: message`` (``save name 'x': message`` for a bad name; ``SaveError`` for a save
that cannot be written), so a front end shows the message and carries on. See docs/saves.md.

- ``save_session`` writes atomically and keeps the previous save as ``NAME.bak``. A file in the
  way that is not a readable save is never overwritten.
- ``load_session`` reads at most 10 MB of strict JSON, migrates older versions, checks every
  field, finds the scenario and checks its content hash, re-runs every move through the engine
  and compares the result with the save's snapshot. Any mismatch is an error that says where.
- Saves live in ``saves_dir()``: the user data folder, or ``$COMMONGROUND_HOME/saves``.
"""

from __future__ import annotations

from game.session import atomic
from game.session.autosave import KEEP_OLD_AUTOSAVES, Autosaver, autosave, autosaver, latest_autosave
from game.session.folder import (
    AUTOSAVE,
    ENV_HOME,
    SUFFIX,
    NameProblem,
    SaveError,
    named_path,
    resolve_save,
    safe_name,
    saves_dir,
)
from game.session.listing import SaveInfo, list_saves, save_info
from game.session.reader import OpenedSave, load_session, open_save
from game.session.table import Session
from game.session.writing import (
    app_version,
    document_of,
    encode,
    holds_a_save,
    save_named,
    save_session,
    scenario_ref,
)

__all__ = [
    "AUTOSAVE",
    "ENV_HOME",
    "Autosaver",
    "KEEP_OLD_AUTOSAVES",
    "SUFFIX",
    "NameProblem",
    "OpenedSave",
    "SaveError",
    "SaveInfo",
    "app_version",
    "atomic",
    "autosave",
    "autosaver",
    "document_of",
    "encode",
    "holds_a_save",
    "latest_autosave",
    "list_saves",
    "load_named",
    "load_session",
    "named_path",
    "open_save",
    "resolve_save",
    "safe_name",
    "save_info",
    "save_named",
    "save_session",
    "saves_dir",
    "scenario_ref",
]


def load_named(name: str) -> Session:
    """The game saved as ``name`` in the save folder."""
    return load_session(named_path(name))
