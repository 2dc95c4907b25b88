"""Moves as plain data (ids, not indexes): what saves store and replay re-applies.

A game is its scenario, its seed and this list of moves, applied in order by ``apply_move``.
Every move kind the session can make is here, including facilitator decisions.
"""

from __future__ import annotations

from typing import Any

from game.engine import (
    IllegalMove,
    State,
    adjust_tracks,
    answer_proposals,
    inject_event,
    resolve_turn,
)

Move = dict[str, Any]

ANSWERS, ORDERS, ADJUST, INJECT = "answers", "orders", "adjust", "inject"
MOVE_TYPES = (ANSWERS, ORDERS, ADJUST, INJECT)


def answers_move(
    state: State, answers: dict[int, dict[int, bool]], reasons: dict[int, dict[int, str]] | None = None
) -> Move:
    sc = state.scenario
    move: Move = {
        "type": ANSWERS,
        "turn": state.turn,
        "answers": {
            sc.role_ids[r]: {sc.terms[t].id: bool(a) for t, a in terms.items()}
            for r, terms in answers.items()
        },
    }
    if reasons:
        move["reasons"] = {
            sc.role_ids[r]: {sc.terms[t].id: why for t, why in terms.items() if why}
            for r, terms in reasons.items()
        }
    return move


def orders_move(
    state: State,
    orders: list[tuple[int, ...]],
    dice: dict[tuple[int, int], tuple[int, int]] | None = None,
    reasons: dict[int, tuple[str, ...]] | None = None,
) -> Move:
    sc = state.scenario
    move: Move = {
        "type": ORDERS,
        "turn": state.turn,
        "orders": {
            sc.role_ids[r]: [sc.actions[a].id for a in role_orders] for r, role_orders in enumerate(orders)
        },
    }
    if dice:
        move["dice"] = [
            [sc.role_ids[r], sc.actions[a].id, d1, d2] for (r, a), (d1, d2) in sorted(dice.items())
        ]
    if reasons:
        move["reasons"] = {sc.role_ids[r]: list(why) for r, why in reasons.items() if any(why)}
    return move


def adjust_move(state: State, changes: dict[int, int], reason: str) -> Move:
    sc = state.scenario
    return {
        "type": ADJUST,
        "turn": state.turn,
        "changes": {sc.track_ids[t]: d for t, d in changes.items()},
        "reason": reason,
    }


def inject_move(state: State, event: int, reason: str) -> Move:
    return {
        "type": INJECT,
        "turn": state.turn,
        "event": state.scenario.model.events[event].id,
        "reason": reason,
    }


def _index(table: dict[str, int], name: Any, what: str) -> int:
    if not isinstance(name, str) or name not in table:
        raise IllegalMove(f"unknown {what} {name!r}")
    return table[name]


def apply_move(state: State, move: Move) -> State:
    """Apply one move given by ids; raises IllegalMove (state untouched) if it does not fit."""
    sc = state.scenario
    kind = move.get("type")
    if kind == ANSWERS:
        answers: dict[int, dict[int, bool]] = {}
        for role_id, terms in dict(move.get("answers", {})).items():
            role = _index(sc.role_index, role_id, "role")
            answers[role] = {_index(sc.term_index, t, "term"): bool(a) for t, a in dict(terms).items()}
        return answer_proposals(state, answers)
    if kind == ORDERS:
        given = dict(move.get("orders", {}))
        orders: list[tuple[int, ...]] = []
        for role_id in sc.role_ids:
            orders.append(tuple(_index(sc.action_index, a, "action") for a in list(given.get(role_id, []))))
        for role_id in given:
            _index(sc.role_index, role_id, "role")
        dice: dict[tuple[int, int], tuple[int, int]] = {}
        for item in list(move.get("dice", [])):
            role_id, action_id, d1, d2 = item
            if not isinstance(d1, int) or not isinstance(d2, int):
                raise IllegalMove("dice must be whole numbers")
            dice[(_index(sc.role_index, role_id, "role"), _index(sc.action_index, action_id, "action"))] = (
                d1,
                d2,
            )
        return resolve_turn(state, orders, dice or None)
    if kind == ADJUST:
        changes = {_index(sc.track_index, t, "track"): d for t, d in dict(move.get("changes", {})).items()}
        if not all(isinstance(d, int) for d in changes.values()):
            raise IllegalMove("track changes must be whole numbers")
        return adjust_tracks(state, changes, str(move.get("reason", "")))
    if kind == INJECT:
        return inject_event(
            state, _index(sc.event_index, move.get("event"), "event"), str(move.get("reason", ""))
        )
    raise IllegalMove(f"unknown move type {kind!r}")
