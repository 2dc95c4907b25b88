"""Facilitator decisions, as in a matrix game: each one is logged with its written reason."""

from __future__ import annotations

from game.engine.effects import apply_effects
from game.engine.log import L_NOTE
from game.engine.orders import IllegalMove
from game.engine.state import PHASE_OVER, State
from game.engine.turn import fire_event
from game.scenario.runtime import C_FACILITATOR, E_TRACK, CEffect

MAX_REASON = 500


def _start(state: State, reason: str) -> tuple[State, list, tuple]:
    if state.phase == PHASE_OVER:
        raise IllegalMove("the game is over")
    reason = reason.strip()
    if not reason:
        raise IllegalMove("a facilitator decision needs a written reason")
    if len(reason) > MAX_REASON:
        raise IllegalMove(f"the reason is too long (limit {MAX_REASON} characters)")
    s = state.clone()
    cause = (C_FACILITATOR, s.decisions)
    s.decisions += 1
    log = list(s.journal)
    log.append((L_NOTE, cause[1], reason, cause))
    return s, log, cause


def adjust_tracks(state: State, changes: dict[int, int], reason: str) -> State:
    """Move tracks by the given amounts (track index -> delta), with the reason on record."""
    for track, delta in changes.items():
        if not 0 <= track < len(state.tracks):
            raise IllegalMove(f"unknown track #{track}")
        if not -100 <= delta <= 100:
            raise IllegalMove("a track moves by -100 to +100")
    s, log, cause = _start(state, reason)
    effects = tuple(CEffect(E_TRACK, track, delta, False, 0, None) for track, delta in changes.items())
    apply_effects(s, effects, cause, log)
    s.journal = tuple(log)
    return s


def inject_event(state: State, event: int, reason: str = "injected by the facilitator") -> State:
    """Play an event from the deck now, outside the draw (its 'once' still counts)."""
    if not 0 <= event < len(state.scenario.events):
        raise IllegalMove(f"unknown event #{event}")
    s, log, _ = _start(state, reason)
    fire_event(s, event, log, injected=True)
    s.journal = tuple(log)
    return s
