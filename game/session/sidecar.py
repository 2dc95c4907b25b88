"""A small file kept beside a save for what a shell remembers about a game that the save does
not hold (the network host's join codes and the teams' unsent drafts).

The save format stays as it is: a sidecar is written atomically next to it, names the game it
belongs to (scenario hash, seed, seats) and is used only for that game, so a sidecar left by
another game is never mistaken for this one. Reading is forgiving: a missing, broken or
foreign sidecar is simply no sidecar (the shell starts afresh), never an error.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.session import atomic
from game.session.table import Session

MAX_BYTES = 256 * 1024
SIDECAR_FORMAT = "commonground-sidecar"


def sidecar_path(save: Path, kind: str) -> Path:
    """``autosave.json`` -> ``autosave.KIND.json`` in the same folder."""
    stem = save.name[: -len(".json")] if save.name.endswith(".json") else save.name
    return save.with_name(f"{stem}.{kind}.json")


def game_identity(session: Session) -> dict[str, Any]:
    """What makes two sessions the same game (an earlier or later point of it)."""
    return {
        "scenario": session.scenario.id,
        "hash": session.scenario.content_hash,
        "seed": session.seed,
        "seats": [str(seat) for seat in session.seats],
    }


def write_sidecar(save: Path, kind: str, session: Session, data: dict[str, Any]) -> Path:
    """Write ``data`` for this game beside ``save``; raises OSError if it cannot be written."""
    path = sidecar_path(save, kind)
    document = {"format": SIDECAR_FORMAT, "kind": kind, "game": game_identity(session), "data": data}
    atomic.write_atomic(path, (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return path


def read_sidecar(save: Path, kind: str, session: Session) -> dict[str, Any] | None:
    """The data kept beside ``save`` for this very game, or None (missing, broken or another game)."""
    path = sidecar_path(save, kind)
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(document, dict) or document.get("format") != SIDECAR_FORMAT:
        return None
    if document.get("kind") != kind or document.get("game") != game_identity(session):
        return None
    data = document.get("data")
    return data if isinstance(data, dict) else None
