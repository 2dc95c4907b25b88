"""Moves to and from their saved form: ids instead of indexes, JSON-ready values.

A save stores each ``Move`` as a small JSON object (``docs/saves.md``). The shape of that object
is checked by ``saveformat`` first; ``decode`` then turns its ids back into indexes and refuses,
naming the place, anything the scenario does not have.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from game.engine.move import ADJUST, ANSWERS, INJECT, NOTE, ORDERS, Move
from game.engine.orders import IllegalMove
from game.scenario.runtime import CompiledScenario

JsonMove = dict[str, Any]


class UnknownId(IllegalMove):
    """An id in a saved move that the scenario does not have; ``path`` is where, inside the move."""

    def __init__(self, path: tuple[str | int, ...], what: str, name: Any) -> None:
        super().__init__(f"unknown {what} {name!r}")
        self.path = path


def encode(sc: CompiledScenario, move: Move) -> JsonMove:
    """The saved form of a move."""
    out: JsonMove = {"type": move.kind, "turn": move.turn}
    if move.kind == ORDERS:
        out["orders"] = {
            sc.role_ids[r]: [sc.actions[a].id for a in given] for r, given in enumerate(move.orders)
        }
        if move.dice:
            out["dice"] = [
                [sc.role_ids[r], sc.actions[a].id, d1, d2] for (r, a), (d1, d2) in sorted(move.dice.items())
            ]
        if move.order_reasons:
            out["reasons"] = {sc.role_ids[r]: list(why) for r, why in sorted(move.order_reasons.items())}
    elif move.kind == ANSWERS:
        out["answers"] = {
            sc.role_ids[r]: {sc.terms[t].id: bool(a) for t, a in terms.items()}
            for r, terms in move.answers.items()
        }
        if move.answer_reasons:
            out["reasons"] = {
                sc.role_ids[r]: {sc.terms[t].id: why for t, why in terms.items()}
                for r, terms in move.answer_reasons.items()
            }
    elif move.kind == ADJUST:
        out["changes"] = {sc.track_ids[t]: d for t, d in move.changes.items()}
        out["reason"] = move.reason
    elif move.kind == INJECT:
        out["event"] = sc.model.events[move.event].id
        out["reason"] = move.reason
    elif move.kind == NOTE:
        out["text"] = move.reason
    return out


def _index(table: Mapping[str, int], name: Any, what: str, path: tuple[str | int, ...]) -> int:
    if not isinstance(name, str) or name not in table:
        raise UnknownId(path, what, name)
    return table[name]


def decode(sc: CompiledScenario, doc: Mapping[str, Any]) -> Move:
    """A saved move (its shape already checked) as a Move; UnknownId for an id the scenario lacks."""
    kind, turn = doc.get("type"), int(doc.get("turn", 0))
    if kind == ORDERS:
        return _decode_orders(sc, doc, turn)
    if kind == ANSWERS:
        answers: dict[int, dict[int, bool]] = {}
        reasons: dict[int, dict[int, str]] = {}
        for role_id, terms in dict(doc.get("answers", {})).items():
            role = _index(sc.role_index, role_id, "role", ("answers", role_id))
            answers[role] = {
                _index(sc.term_index, t, "term", ("answers", role_id, t)): bool(a) for t, a in terms.items()
            }
        for role_id, terms in dict(doc.get("reasons", {})).items():
            role = _index(sc.role_index, role_id, "role", ("reasons", role_id))
            reasons[role] = {
                _index(sc.term_index, t, "term", ("reasons", role_id, t)): str(w) for t, w in terms.items()
            }
        return Move(ANSWERS, turn, answers=answers, answer_reasons=reasons)
    if kind == ADJUST:
        changes = {
            _index(sc.track_index, t, "track", ("changes", t)): int(d)
            for t, d in dict(doc.get("changes", {})).items()
        }
        return Move(ADJUST, turn, changes=changes, reason=str(doc.get("reason", "")))
    if kind == INJECT:
        event = _index(sc.event_index, doc.get("event"), "event", ("event",))
        return Move(INJECT, turn, event=event, reason=str(doc.get("reason", "")))
    if kind == NOTE:
        return Move(NOTE, turn, reason=str(doc.get("text", "")))
    raise UnknownId(("type",), "move type", kind)


def _decode_orders(sc: CompiledScenario, doc: Mapping[str, Any], turn: int) -> Move:
    given = dict(doc.get("orders", {}))
    for role_id in given:
        _index(sc.role_index, role_id, "role", ("orders", role_id))
    orders = tuple(
        tuple(
            _index(sc.action_index, a, "action", ("orders", role_id, n))
            for n, a in enumerate(given.get(role_id, ()))
        )
        for role_id in sc.role_ids
    )
    dice: dict[tuple[int, int], tuple[int, int]] = {}
    for n, (role_id, action_id, d1, d2) in enumerate(doc.get("dice", ())):
        role = _index(sc.role_index, role_id, "role", ("dice", n, 0))
        action = _index(sc.action_index, action_id, "action", ("dice", n, 1))
        dice[(role, action)] = (int(d1), int(d2))
    reasons = {
        _index(sc.role_index, role_id, "role", ("reasons", role_id)): tuple(str(w) for w in why)
        for role_id, why in dict(doc.get("reasons", {})).items()
    }
    return Move(ORDERS, turn, orders=orders, dice=dice, order_reasons=reasons)
