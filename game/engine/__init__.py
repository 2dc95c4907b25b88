"""The rules engine: pure and deterministic, no pygame and no I/O.

A tiny API in the spirit of OpenSpiel: start a game, ask what a role may do, apply every role's
answers or orders together, see whether it is over and how it came out. Everything else (the
window, the terminal game, computer players, simulate, saves) goes through these functions.
"""

from game.engine.facilitator import adjust_tracks, inject_event
from game.engine.orders import (
    IllegalMove,
    Reason,
    check_odds,
    check_orders,
    legal_action_indexes,
    why_not,
)
from game.engine.scoring import Result, RoleScore, result, role_score
from game.engine.state import PHASE_ANSWERS, PHASE_ORDERS, PHASE_OVER, State, TurnRecord
from game.engine.turn import answer_proposals, new_game, pending_answers, resolve_turn
from game.engine.view import FACILITATOR, PUBLIC, redact

__all__ = [
    "FACILITATOR",
    "PHASE_ANSWERS",
    "PHASE_ORDERS",
    "PHASE_OVER",
    "PUBLIC",
    "IllegalMove",
    "Reason",
    "Result",
    "RoleScore",
    "State",
    "TurnRecord",
    "adjust_tracks",
    "answer_proposals",
    "check_odds",
    "check_orders",
    "inject_event",
    "legal_action_indexes",
    "new_game",
    "pending_answers",
    "redact",
    "resolve_turn",
    "result",
    "role_score",
    "why_not",
]
