"""Why a track moved: its changes with their causes, for the "why did this move" panels."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.log import L_CAPITAL, L_TRACK
from game.engine.state import State
from game.story.outlook import baseline
from game.story.words import cause_label, facilitator_notes, risks_of


@dataclass(frozen=True, slots=True)
class Change:
    """One reason a track (or capital, standing) moved: by how much, why, which risks."""

    delta: int
    label: str
    risks: tuple[str, ...]
    turn: int


def track_changes(s: State, track: int, turns: int = 1) -> list[Change]:
    """Why a track moved over the last ``turns`` resolved turns and this turn so far."""
    sc = s.scenario
    notes = facilitator_notes(s)
    out: list[Change] = []
    records = [(r.turn, r.entries) for r in s.history[-turns:]] if turns else []
    records.append((s.turn, s.current))
    for turn, entries in records:
        for kind, subject, value, cause in entries:
            if kind == L_TRACK and subject == track:
                out.append(Change(value, cause_label(sc, cause, notes), risks_of(sc, cause), turn))
    return out


def role_changes(s: State, role: int, kind: str = L_CAPITAL) -> list[Change]:
    sc = s.scenario
    out = []
    if s.history:
        record = s.history[-1]
        for k, subject, value, cause in record.entries:
            if k == kind and subject == role:
                out.append(Change(value, cause_label(sc, cause), risks_of(sc, cause), record.turn))
    return out


def last_change(s: State, track: int) -> int:
    """The change shown beside a track: since the board the roles last saw (story.outlook)."""
    return s.tracks[track] - baseline(s)[track]
