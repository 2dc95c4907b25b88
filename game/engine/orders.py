"""Which orders a role may give, and typed refusals for those it may not."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from game.engine.log import AG_IN_FORCE
from game.engine.state import PHASE_ORDERS, State
from game.engine.trust import resigning_barred
from game.scenario.runtime import ACTION_PROPOSE, CAction, CCheck


class IllegalMove(ValueError):
    """A refused move: the state is left exactly as it was. ``reason`` is for people."""

    def __init__(self, reason: str, role: str | None = None) -> None:
        super().__init__(f"{role}: {reason}" if role else reason)
        self.reason = reason
        self.role = role


class Reason(str):
    """A refusal: English text, plus a key and values so any screen can say it in its language.

    ``action`` and ``role`` values are indexes (a screen names them in its own words); a
    nested refusal is itself a Reason.
    """

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, english: str, **params: object) -> Reason:
        made = super().__new__(cls, english)
        made.key = key
        made.params = params
        return made


def why_not(s: State, action: CAction, seen: State | None = None) -> Reason | None:
    """Why this action cannot be ordered now by its role (ignoring other orders), or None.

    Requirements are judged on ``seen`` (the role's own view) when given: what the role
    cannot see must not decide what it is told it may do.
    """
    judged = s if seen is None else seen
    has = s.capital[action.role]
    if action.capital > has:
        return Reason(
            "capital", f"needs {action.capital} political capital (has {has})", need=action.capital, has=has
        )
    if action.once and s.used[action.index]:
        return Reason("once", "can be taken only once per game")
    if action.cooldown and s.used[action.index] and s.turn - s.last_used[action.index] < action.cooldown:
        ready = s.last_used[action.index] + action.cooldown
        return Reason("cooldown", f"not available again until turn {ready}", turn=ready)
    if action.kind == ACTION_PROPOSE:
        term = s.scenario.terms[action.term]
        if s.agreements[action.term] == AG_IN_FORCE:
            return Reason("in_force", "this agreement is already in force")
        if s.proposed[action.term]:
            return Reason("on_table", "this proposal is already on the table")
        if resigning_barred(s, action.term, action.role, action.to):
            return Reason("distrust", "it was broken, and trust is too low to sign it again yet")
        if term.requires is not None and not term.requires(judged):
            return Reason("requires", "its requirements are not met")
        return None
    if action.requires is not None and not action.requires(judged):
        return Reason("requires", "its requirements are not met")
    return None


def legal_action_indexes(s: State, role: int) -> list[int]:
    """Actions the role could order now, each on its own (the hot path of random play).

    The test of each of the role's orders (affordable, not used up or cooling down, a proposal
    neither in force nor on the table nor barred, its requirement met) is written out as one
    generated function per role (``game.scenario.compile_code``).
    """
    if s.phase != PHASE_ORDERS:
        return []
    return s.scenario.code.legal[role](s, barred)


def check_orders(
    s: State, role: int, orders: Sequence[int], view: Callable[[], State] | None = None
) -> Reason | None:
    """The reason a role's set of orders is refused, or None when it is acceptable.

    ``view`` gives the role's own view, asked for only when an order's requirement reads
    something that view may show otherwise (``CompiledScenario.needs_view``).
    """
    if s.phase != PHASE_ORDERS:
        return Reason("phase", f"orders are not taken now (phase: {s.phase})", phase=s.phase)
    scenario = s.scenario
    actions = scenario.actions
    if not orders:
        return None
    needs_view = scenario.needs_view  # made by the compiler, one flag per action
    spent_ap = 0
    spent_capital = 0
    seen: set[int] = set()
    role_view: State | None = None  # made once, and only if an order's requirement may differ there
    n_actions = len(actions)
    for index in orders:
        if not 0 <= index < n_actions:
            return Reason("unknown", f"unknown order #{index}", index=index)
        action = actions[index]
        if action.role != role:
            return Reason(
                "not_yours",
                f"{action.id!r} is not an order for {scenario.role_ids[role]}",
                action=index,
                role=role,
            )
        if index in seen:
            return Reason("twice", f"{action.id!r} is ordered twice", action=index)
        seen.add(index)
        if needs_view[index] and view is not None and role_view is None:
            role_view = view()
        reason = why_not(s, action, role_view if needs_view[index] else None)
        if reason:
            return Reason("order", f"{action.id!r} {reason}", action=index, reason=reason)
        spent_ap += action.ap
        spent_capital += action.capital
    ap = s.scenario.roles[role].action_points
    if spent_ap > ap:
        return Reason(
            "ap", f"these orders need {spent_ap} action points; the role has {ap}", need=spent_ap, has=ap
        )
    if spent_capital > s.capital[role]:
        has = s.capital[role]
        return Reason(
            "capital_total",
            f"these orders need {spent_capital} political capital; the role has {has}",
            need=spent_capital,
            has=has,
        )
    return None


def barred(s: State, index: int) -> bool:
    """A proposal of a broken agreement, between the breaker and a role that no longer trusts it."""
    action = s.scenario.actions[index]
    return s.broken[action.term] != 0 and resigning_barred(s, action.term, action.role, action.to)


@cache
def two_dice_at_least(needed: int) -> float:
    """P(2d6 >= needed)."""
    hits = sum(1 for a in range(1, 7) for b in range(1, 7) if a + b >= needed)
    return hits / 36


def check_odds(s: State, check: CCheck) -> tuple[float, float, float, int]:
    """(P success, P partial, P failure, modifier) for a check now, as shown before choosing."""
    modifier = sum(m.add for m in check.modifiers if m.when(s))
    success = two_dice_at_least(check.target - modifier)
    at_least_partial = two_dice_at_least(check.partial_from - modifier)
    return success, at_least_partial - success, 1.0 - at_least_partial, modifier
