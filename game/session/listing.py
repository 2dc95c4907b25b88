"""Listing saves: what a list of saved games shows, read without replaying anything."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from game.errors import ContentError
from game.i18n import text as local_text
from game.session.folder import SUFFIX, saves_dir
from game.session.reader import read_document, scenario_mismatch


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
