"""What the window remembers about a game beyond the save: the facilitator's timer, the table's
dice setting and which teams have read their briefing.

The save itself holds every move and the orders and answers given this turn (``pending``);
these few settings go in a sidecar beside it (``game.session.sidecar``), written with every
autosave and when the window closes, so *Continue* brings back the turn exactly as it was. A
missing or foreign sidecar simply leaves the defaults.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.session.sidecar import read_sidecar, write_sidecar
from game.shells.window.deliberation import MINUTES

if TYPE_CHECKING:
    from game.shells.window.flow import Match

KIND = "window"


def snapshot(match: Match) -> dict[str, Any]:
    timer = match.timer
    return {
        "table_dice": match.table_dice,
        "briefed": sorted(match.briefed),
        "timer": {
            "minutes": timer.minutes,
            "left": round(timer.left, 3),
            "on": timer.on,
            "expired": timer.expired,
            "turn": timer.turn,
        },
    }


def remember(match: Match, save: Path | None) -> None:
    """Write the sidecar beside ``save`` (the autosave); a failure only loses these settings."""
    if save is None:
        return
    try:
        write_sidecar(save, KIND, match.session, snapshot(match))
    except OSError:
        pass


def recall(match: Match, save: Path) -> None:
    """Restore what the sidecar beside ``save`` holds for this very game (untrusted: checked)."""
    data = read_sidecar(save, KIND, match.session)
    if not data:
        return
    roles = len(match.sc.roles)
    match.table_dice = data.get("table_dice") is True
    briefed = data.get("briefed")
    if isinstance(briefed, list):
        match.briefed = {r for r in briefed if isinstance(r, int) and 0 <= r < roles}
    timer = data.get("timer")
    if isinstance(timer, dict):
        _recall_timer(match, timer)


def _recall_timer(match: Match, data: dict[str, Any]) -> None:
    timer = match.timer
    minutes = data.get("minutes")
    if isinstance(minutes, int) and minutes in MINUTES:
        timer.minutes = minutes
    left = data.get("left")
    if isinstance(left, (int, float)) and 0 <= left <= timer.full:
        timer.left = float(left)
    else:
        timer.left = timer.full
    turn = data.get("turn")
    if isinstance(turn, int) and turn == match.session.state.turn:
        timer.turn = turn
        timer.on = data.get("on") is True
        timer.expired = data.get("expired") is True and timer.left <= 0
    else:  # the count belonged to another turn: this one starts with the full time
        timer.turn = match.session.state.turn
        timer.left = timer.full
