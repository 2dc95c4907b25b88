"""Replaying a recorded game under changed circumstances: another seed, or changed orders.

A game is its moves (``game.engine.move.Move``); :func:`replay` plays them again from a fresh
start while a :class:`Policy` decides what each role does: the recorded decision where it
still fits, something else where it does not.
Both "how typical" (the same orders under other seeds) and "what if" (one role's orders
changed) are such replays, so they share this loop and its bookkeeping of what was dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from game.ai import Controller, make_controller
from game.engine import PHASE_ANSWERS, IllegalMove, State, new_game, pending_answers, redact, why_not
from game.engine.move import (
    ADJUST,
    ANSWERS,
    INJECT,
    ORDERS,
    Move,
    adjust_move,
    answers_move,
    apply_move,
    inject_move,
    orders_move,
)
from game.scenario.runtime import CompiledScenario

Orders = tuple[tuple[int, ...], ...]
Answers = dict[int, dict[int, bool]]
Dice = dict[tuple[int, int], tuple[int, int]]


@dataclass(slots=True)
class Tally:
    """What a replay could not repeat as recorded, so the report can say how often it happened."""

    given: int = 0  # recorded orders offered again
    dropped_orders: int = 0  # recorded orders no longer legal, left out
    dropped_answers: int = 0  # recorded answers to proposals that were not on the table
    dropped_decisions: int = 0  # facilitator decisions that no longer applied (game over)
    stand_in: int = 0  # role decisions made by a computer player because nothing was recorded


def keep_legal(s: State, role: int, orders: Sequence[int]) -> tuple[tuple[int, ...], int]:
    """The recorded orders still allowed now, in their order, and how many were left out."""
    actions = s.scenario.actions
    ap = s.scenario.roles[role].action_points
    capital = s.capital[role]
    kept: list[int] = []
    for index in orders:
        action = actions[index]
        if action.role != role or index in kept or why_not(s, action) is not None:
            continue
        if action.ap > ap or action.capital > capital:
            continue
        kept.append(index)
        ap -= action.ap
        capital -= action.capital
    return tuple(kept), len(orders) - len(kept)


def view_for(s: State, role: int, controller: Controller) -> State:
    return redact(s, role, getattr(controller, "view_turns", None))


class Policy(Protocol):
    """Decides each role's orders and answers during a replay, given what was recorded (or None)."""

    def orders(self, s: State, recorded: Orders | None, tally: Tally) -> list[tuple[int, ...]]: ...

    def answers(
        self, s: State, recorded: Mapping[int, Mapping[int, bool]] | None, tally: Tally
    ) -> Answers: ...

    def dice(
        self,
        s: State,
        orders: Sequence[tuple[int, ...]],
        recorded: Mapping[tuple[int, int], tuple[int, int]],
    ) -> Dice: ...


class StandIns:
    """Computer players that decide where the record has nothing (a replay outlasting the game)."""

    def __init__(self, scenario: CompiledScenario, seed: int, kind: str) -> None:
        self.scenario = scenario
        self.seed = seed
        self.kind = kind
        self.players: dict[int, Controller] = {}

    def player(self, role: int) -> Controller:
        found = self.players.get(role)
        if found is None:
            found = self.players[role] = make_controller(
                self.kind, self.seed * 31 + role, self.scenario, role, reasons=False
            )
        return found

    def orders(self, s: State, role: int) -> tuple[int, ...]:
        player = self.player(role)
        return tuple(player.orders(view_for(s, role, player), role).actions)

    def answer(self, s: State, role: int) -> dict[int, bool]:
        player = self.player(role)
        return dict(player.answer(view_for(s, role, player), role).accepted)


def merge_answers(
    s: State,
    recorded: Mapping[int, Mapping[int, bool]] | None,
    fallback: Any,
    tally: Tally,
    stand_in: Callable[[int], bool] = lambda role: True,
) -> Answers:
    """Recorded answers to the proposals on the table now; ``fallback(s, role)`` for the rest
    (a decision counted as a stand-in's when ``stand_in(role)``)."""
    out: Answers = {}
    recorded = recorded or {}
    for role in range(len(s.scenario.roles)):
        asked = {term for term, _ in pending_answers(s, role)}
        given = recorded.get(role, {})
        tally.dropped_answers += sum(1 for term in given if term not in asked)
        if not asked:
            continue
        if asked <= set(given):
            out[role] = {term: bool(given[term]) for term in asked}
            continue
        tally.stand_in += int(stand_in(role))
        decided = dict(fallback(s, role))
        decided.update({term: bool(v) for term, v in given.items() if term in asked})
        out[role] = {term: bool(decided.get(term, False)) for term in asked}
    return out


def recorded_dice(
    orders: Sequence[tuple[int, ...]], recorded: Mapping[tuple[int, int], tuple[int, int]]
) -> Dice:
    """The physical dice of the record, for the orders that are still given."""
    return {(role, action): pair for (role, action), pair in recorded.items() if action in orders[role]}


def by_turn(steps: Sequence[Move]) -> dict[int, list[Move]]:
    grouped: dict[int, list[Move]] = {}
    for step in steps:
        grouped.setdefault(step.turn, []).append(step)
    return grouped


def replay(
    scenario: CompiledScenario,
    seed: int,
    steps: Sequence[Move],
    policy: Policy,
    tally: Tally,
    max_turns: int | None = None,
) -> State:
    """Play the recorded steps again from a new game with ``seed``, the policy deciding.

    Facilitator decisions come back at the same turn and in the same order as recorded. The
    game is played to its end (``max_turns``: stop after that many resolved turns).
    """
    s = new_game(scenario, seed)
    plan = by_turn(steps)
    while not s.terminal and (max_turns is None or len(s.history) < max_turns):
        turn = s.turn
        for step in plan.get(turn, ()):
            if s.terminal or s.turn != turn:
                if step.kind in (ADJUST, INJECT):
                    tally.dropped_decisions += 1
                continue
            if step.kind == ADJUST:
                s = _decide(s, adjust_move(turn, step.changes, step.reason), tally)
            elif step.kind == INJECT:
                s = _decide(s, inject_move(turn, step.event, step.reason), tally)
            elif step.kind == ANSWERS:
                if s.phase == PHASE_ANSWERS:
                    s = apply_move(s, answers_move(turn, policy.answers(s, step.answers, tally)))
                else:
                    tally.dropped_answers += sum(len(t) for t in step.answers.values())
            elif step.kind == ORDERS:
                s = _play_turn(s, policy, tally, step)
        if not s.terminal and s.turn == turn and (max_turns is None or len(s.history) < max_turns):
            s = _play_turn(s, policy, tally, None)
    return s


def _play_turn(s: State, policy: Policy, tally: Tally, recorded: Move | None) -> State:
    """Answer what is on the table, then resolve the turn with the policy's orders."""
    if s.phase == PHASE_ANSWERS:
        s = apply_move(s, answers_move(s.turn, policy.answers(s, None, tally)))
    orders = policy.orders(s, recorded.orders if recorded else None, tally)
    dice = policy.dice(s, orders, recorded.dice if recorded else {})
    return apply_move(s, orders_move(s.turn, orders, dice))


def _decide(s: State, move: Move, tally: Tally) -> State:
    try:
        return apply_move(s, move)
    except IllegalMove:
        tally.dropped_decisions += 1
        return s


class SameOrders:
    """Every role gives its recorded orders where still legal; computer players fill the gaps.

    Physical dice are not reused: under another seed, the luck of the dice is what varies.
    """

    def __init__(self, stand_ins: StandIns) -> None:
        self.stand_ins = stand_ins

    def orders(self, s: State, recorded: Orders | None, tally: Tally) -> list[tuple[int, ...]]:
        n = len(s.scenario.roles)
        if recorded is None:
            tally.stand_in += n
            return [self.stand_ins.orders(s, role) for role in range(n)]
        out = []
        for role in range(n):
            kept, dropped = keep_legal(s, role, recorded[role])
            tally.given += len(recorded[role])
            tally.dropped_orders += dropped
            out.append(kept)
        return out

    def answers(self, s: State, recorded: Mapping[int, Mapping[int, bool]] | None, tally: Tally) -> Answers:
        return merge_answers(s, recorded, self.stand_ins.answer, tally)

    def dice(
        self,
        s: State,
        orders: Sequence[tuple[int, ...]],
        recorded: Mapping[tuple[int, int], tuple[int, int]],
    ) -> Dice:
        return {}
