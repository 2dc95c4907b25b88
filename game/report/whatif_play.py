"""The two policies of a what-if replay: the original game again, and the changed one.

``Faithful`` gives every recorded decision back (and notes each state before its orders, so
the changed game can tell when it still matches); ``Counterfactual`` makes the change at its
turn, keeps the record while the games are identical, and lets computer roles decide afresh
once they have parted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from game.ai import Controller, make_controller
from game.engine import PHASE_ORDERS, State
from game.engine.move import ORDERS
from game.report.replay import (
    Answers,
    Dice,
    Orders,
    StandIns,
    Tally,
    keep_legal,
    merge_answers,
    recorded_dice,
    view_for,
)

STAND_IN_LEVEL = "normal"


@dataclass(frozen=True, slots=True)
class Change:
    turn: int
    role: int
    orders: tuple[int, ...]


class Faithful:
    """Everything as recorded (the original game again); notes each state before its orders."""

    def __init__(
        self, seen: dict[int, State], fingerprints: dict[tuple[int, str], Any] | None = None
    ) -> None:
        self.seen = seen
        self.fingerprints = fingerprints

    def orders(self, s: State, recorded: Orders | None, tally: Tally) -> list[tuple[int, ...]]:
        self.seen[s.turn] = s
        if self.fingerprints is not None:
            self.fingerprints[(s.turn, PHASE_ORDERS)] = s.fingerprint()
        return [tuple(o) for o in recorded] if recorded is not None else [() for _ in s.scenario.roles]

    def answers(self, s: State, recorded: Mapping[int, Mapping[int, bool]] | None, tally: Tally) -> Answers:
        if self.fingerprints is not None:
            self.fingerprints[(s.turn, "answers")] = s.fingerprint()
        return merge_answers(s, recorded, lambda _s, _r: {}, tally)

    def dice(
        self,
        s: State,
        orders: Sequence[tuple[int, ...]],
        recorded: Mapping[tuple[int, int], tuple[int, int]],
    ) -> Dice:
        return recorded_dice(orders, recorded)


class Counterfactual:
    """The change at its turn; the record while identical; computer roles re-decide after."""

    def __init__(self, session: Any, change: Change, original: dict[tuple[int, str], Any]) -> None:
        self.session = session
        self.change = change
        self.original = original
        sc = session.scenario
        self.seats = list(session.seats)
        self.players: dict[int, Controller] = {}
        self.stand_ins = StandIns(sc, session.seed, STAND_IN_LEVEL)
        self.recomputed: set[int] = set()
        self.recorded_reasons = {m.turn: dict(m.order_reasons) for m in session.moves if m.kind == ORDERS}
        # turn -> role -> the computer players' reasons, as moves hold them
        self.reasons: dict[int, dict[int, tuple[str, ...]]] = {}

    def computer(self, role: int) -> Controller | None:
        seat = self.seats[role] if role < len(self.seats) else None
        if seat is None or seat.human:
            return None
        found = self.players.get(role)
        if found is None:
            sc = self.session.scenario
            found = self.players[role] = make_controller(
                seat.kind, self.session.seed * 31 + role, sc, role, persona=seat.persona
            )
        return found

    def same_as_original(self, s: State, phase: str) -> bool:
        return self.original.get((s.turn, phase)) == s.fingerprint()

    def orders(self, s: State, recorded: Orders | None, tally: Tally) -> list[tuple[int, ...]]:
        n = len(s.scenario.roles)
        change = self.change
        if recorded is not None and (
            s.turn < change.turn or (s.turn > change.turn and self.same_as_original(s, PHASE_ORDERS))
        ):
            self.reasons[s.turn] = self.recorded_reasons.get(s.turn, {})
            return [tuple(o) for o in recorded]
        if s.turn == change.turn and recorded is not None:
            out = [tuple(o) for o in recorded]
            out[change.role] = change.orders
            kept = dict(self.recorded_reasons.get(s.turn, {}))
            kept.pop(change.role, None)
            self.reasons[s.turn] = kept
            return out
        out = []
        reasons: dict[int, tuple[str, ...]] = {}
        self.reasons[s.turn] = reasons
        for role in range(n):
            player = self.computer(role)
            if player is not None:
                self.recomputed.add(role)
                decided = player.orders(view_for(s, role, player), role)
                out.append(tuple(decided.actions))
                reasons[role] = tuple(decided.reasons)
            elif recorded is not None:
                kept, dropped = keep_legal(s, role, recorded[role])
                tally.dropped_orders += dropped
                tally.given += len(recorded[role])
                out.append(kept)
            else:
                tally.stand_in += 1
                out.append(self.stand_ins.orders(s, role))
        return out

    def answers(self, s: State, recorded: Mapping[int, Mapping[int, bool]] | None, tally: Tally) -> Answers:
        if s.turn <= self.change.turn or self.same_as_original(s, "answers"):
            return merge_answers(s, recorded, self.stand_ins.answer, tally)

        def decide(state: State, role: int) -> dict[int, bool]:
            player = self.computer(role)
            if player is not None:
                self.recomputed.add(role)
                return dict(player.answer(view_for(state, role, player), role).accepted)
            return self.stand_ins.answer(state, role)

        recorded = {r: a for r, a in (recorded or {}).items() if self.computer(r) is None}
        return merge_answers(s, recorded, decide, tally, lambda role: self.computer(role) is None)

    def dice(
        self,
        s: State,
        orders: Sequence[tuple[int, ...]],
        recorded: Mapping[tuple[int, int], tuple[int, int]],
    ) -> Dice:
        return recorded_dice(orders, recorded)
