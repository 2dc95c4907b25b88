"""Playing a game between controllers: the loop shared by simulate, the text game and tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from game.ai.base import Controller
from game.engine import (
    PHASE_ANSWERS,
    State,
    answer_proposals,
    new_game,
    pending_answers,
    redact,
    resolve_turn,
)
from game.scenario.runtime import CompiledScenario


@dataclass(slots=True)
class Move:
    """One step of a game as it was played: answers or orders of every role (by index)."""

    kind: str  # "answers" or "orders"
    answers: dict[int, dict[int, bool]] = field(default_factory=dict)
    orders: tuple[tuple[int, ...], ...] = ()
    reasons: dict[int, tuple[str, ...]] = field(default_factory=dict)


def view_for(state: State, role: int, controller: Controller) -> State:
    return redact(state, role, getattr(controller, "view_turns", None))


def step(state: State, controllers: Sequence[Controller]) -> tuple[State, Move]:
    """Ask every controller for what the phase needs and apply it."""
    if state.phase == PHASE_ANSWERS:
        answers: dict[int, dict[int, bool]] = {}
        reasons: dict[int, tuple[str, ...]] = {}
        for role, controller in enumerate(controllers):
            if pending_answers(state, role):
                decided = controller.answer(view_for(state, role, controller), role)
                answers[role] = dict(decided.accepted)
                reasons[role] = tuple(decided.reasons.get(t, "") for t in decided.accepted)
        return answer_proposals(state, answers), Move("answers", answers=answers, reasons=reasons)
    orders = []
    reasons = {}
    for role, controller in enumerate(controllers):
        decided = controller.orders(view_for(state, role, controller), role)
        orders.append(decided.actions)
        reasons[role] = decided.reasons
    return resolve_turn(state, orders), Move("orders", orders=tuple(orders), reasons=reasons)


def play_game(
    scenario: CompiledScenario,
    seed: int,
    controllers: Sequence[Controller],
    on_step: Callable[[State, Move], None] | None = None,
) -> tuple[State, list[Move]]:
    """Play to the end; returns the final state and every move made."""
    state = new_game(scenario, seed)
    moves: list[Move] = []
    while not state.terminal:
        state, move = step(state, controllers)
        moves.append(move)
        if on_step is not None:
            on_step(state, move)
    return state, moves
