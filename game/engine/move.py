"""One move type and one function that applies it: every loop of the game goes through here.

A game is its scenario, its seed and its moves in order. The table (the window, the terminal,
the network host), simulate, replay, the report's replays and the computer players' search all
build ``Move`` values and call ``apply_move``; saves turn them into ids and back
(``game.session.codec``). A move carries the reasons the computer players gave for it, so the
story of a game reads them from the moves, never from a side table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from game.engine.facilitator import adjust_tracks, inject_event
from game.engine.orders import IllegalMove
from game.engine.state import State
from game.engine.turn import answer_proposals, resolve_turn

ANSWERS, ORDERS, ADJUST, INJECT, NOTE = "answers", "orders", "adjust", "inject", "note"
MOVE_KINDS = (ANSWERS, ORDERS, ADJUST, INJECT, NOTE)
MAX_NOTE = 1_000  # an observer's note: a few sentences written during play


@dataclass(frozen=True, slots=True)
class Move:
    """One step of a game, by index. Which fields count depends on ``kind``:

    - ANSWERS: ``answers`` role -> term -> accepted; ``answer_reasons`` role -> term -> why.
    - ORDERS: ``orders`` one tuple of action indexes per role (in scenario order); ``dice``
      (role, action) -> the two dice rolled at the table; ``order_reasons`` role -> one reason
      per order (computer players; empty strings for people).
    - ADJUST: ``changes`` track -> delta, with the facilitator's ``reason``.
    - INJECT: ``event`` played now, with the facilitator's ``reason``.
    - NOTE: an observer's note the facilitator wrote at this turn, in ``reason``; it changes
      nothing in the game (the state stays as it was) and no view of the game carries it: only
      the moves hold it, so the save keeps it and the report shows it at its turn.
    """

    kind: str
    turn: int
    orders: tuple[tuple[int, ...], ...] = ()
    dice: Mapping[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    answers: Mapping[int, Mapping[int, bool]] = field(default_factory=dict)
    changes: Mapping[int, int] = field(default_factory=dict)
    event: int = -1
    reason: str = ""
    order_reasons: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    answer_reasons: Mapping[int, Mapping[int, str]] = field(default_factory=dict)

    def reason_for(self, role: int, action: int) -> str:
        """The reason given for one order of this move ('' if none was given)."""
        if self.kind != ORDERS or not 0 <= role < len(self.orders):
            return ""
        why = self.order_reasons.get(role, ())
        for slot, given in enumerate(self.orders[role]):
            if given == action:
                return why[slot] if slot < len(why) else ""
        return ""


def orders_move(
    turn: int,
    orders: Sequence[Sequence[int]],
    dice: Mapping[tuple[int, int], tuple[int, int]] | None = None,
    reasons: Mapping[int, Sequence[str]] | None = None,
) -> Move:
    kept = {r: tuple(why) for r, why in (reasons or {}).items() if any(why)}
    return Move(
        ORDERS,
        turn,
        orders=tuple(tuple(o) for o in orders),
        dice=dict(sorted((dice or {}).items())),
        order_reasons=kept,
    )


def answers_move(
    turn: int,
    answers: Mapping[int, Mapping[int, bool]],
    reasons: Mapping[int, Mapping[int, str]] | None = None,
) -> Move:
    kept = {r: {t: why for t, why in terms.items() if why} for r, terms in (reasons or {}).items()}
    return Move(
        ANSWERS,
        turn,
        answers={r: {t: bool(a) for t, a in terms.items()} for r, terms in answers.items()},
        answer_reasons={r: terms for r, terms in kept.items() if terms},
    )


def adjust_move(turn: int, changes: Mapping[int, int], reason: str) -> Move:
    return Move(ADJUST, turn, changes=dict(changes), reason=reason)


def inject_move(turn: int, event: int, reason: str) -> Move:
    return Move(INJECT, turn, event=event, reason=reason)


def note_move(turn: int, text: str) -> Move:
    return Move(NOTE, turn, reason=text)


def apply_move(state: State, move: Move) -> State:
    """The game after ``move``; raises IllegalMove, leaving ``state`` as it was, if it does not fit."""
    if move.turn != state.turn:
        raise IllegalMove(f"a move for turn {move.turn}, but the game is at turn {state.turn}")
    kind = move.kind
    if kind == ORDERS:
        return resolve_turn(state, move.orders, move.dice or None)
    if kind == ANSWERS:
        return answer_proposals(state, move.answers)
    if kind == ADJUST:
        return adjust_tracks(state, dict(move.changes), move.reason)
    if kind == INJECT:
        return inject_event(state, move.event, move.reason)
    if kind == NOTE:
        return _check_note(state, move.reason)
    raise IllegalMove(f"unknown move kind {kind!r}")


def _check_note(state: State, text: str) -> State:
    """A note is kept as written, but never an empty or an overlong one; the game is unchanged."""
    if not text.strip():
        raise IllegalMove("an observer note needs some text")
    if len(text) > MAX_NOTE:
        raise IllegalMove(f"the note is too long (limit {MAX_NOTE} characters)")
    return state
