"""Which orders a role may give, and typed refusals for those it may not."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from game.engine.state import AG_IN_FORCE, PHASE_ORDERS, State
from game.scenario.runtime import ACTION_PROPOSE, CAction, CCheck


class IllegalMove(ValueError):
    """A refused move: the state is left exactly as it was. ``reason`` is for people."""

    def __init__(self, reason: str, role: str | None = None) -> None:
        super().__init__(f"{role}: {reason}" if role else reason)
        self.reason = reason
        self.role = role


def why_not(s: State, action: CAction, seen: State | None = None) -> str | None:
    """Why this action cannot be ordered now by its role (ignoring other orders), or None.

    Requirements are judged on ``seen`` (the role's own view) when given: what the role
    cannot see must not decide what it is told it may do.
    """
    judged = s if seen is None else seen
    if action.capital > s.capital[action.role]:
        return f"needs {action.capital} political capital (has {s.capital[action.role]})"
    if action.once and s.used[action.index]:
        return "can be taken only once per game"
    if action.cooldown and s.used[action.index] and s.turn - s.last_used[action.index] < action.cooldown:
        ready = s.last_used[action.index] + action.cooldown
        return f"not available again until turn {ready}"
    if action.kind == ACTION_PROPOSE:
        term = s.scenario.terms[action.term]
        if s.agreements[action.term] == AG_IN_FORCE:
            return "this agreement is already in force"
        if s.proposed[action.term]:
            return "this proposal is already on the table"
        if term.requires is not None and not term.requires(judged):
            return "its requirements are not met"
        return None
    if action.requires is not None and not action.requires(judged):
        return "its requirements are not met"
    return None


def legal_action_indexes(s: State, role: int) -> list[int]:
    """Actions the role could order now, each on its own (the hot path of random play)."""
    if s.phase != PHASE_ORDERS:
        return []
    scenario = s.scenario
    ap = scenario.roles[role].action_points
    capital = s.capital[role]
    used = s.used
    agreements = s.agreements
    proposed = s.proposed
    out = []
    turn = s.turn
    last_used = s.last_used
    for index, cost_ap, cost_capital, once, cooldown, requires, term in scenario.order_table[role]:
        if cost_ap > ap or cost_capital > capital:
            continue
        if used[index] and (once or turn - last_used[index] < cooldown):
            continue
        if term >= 0 and (agreements[term] == AG_IN_FORCE or proposed[term]):
            continue
        if requires is not None and not requires(s):
            continue
        out.append(index)
    return out


def check_orders(
    s: State, role: int, orders: Sequence[int], view: Callable[[], State] | None = None
) -> str | None:
    """The reason a role's set of orders is refused, or None when it is acceptable.

    ``view`` gives the role's own view, asked for only when an order has a requirement.
    """
    if s.phase != PHASE_ORDERS:
        return f"orders are not taken now (phase: {s.phase})"
    actions = s.scenario.actions
    spent_ap = 0
    spent_capital = 0
    seen: set[int] = set()
    for index in orders:
        if not 0 <= index < len(actions):
            return f"unknown order #{index}"
        action = actions[index]
        if action.role != role:
            return f"{action.id!r} is not an order for {s.scenario.role_ids[role]}"
        if index in seen:
            return f"{action.id!r} is ordered twice"
        seen.add(index)
        has_requirement = action.requires is not None or (
            action.kind == ACTION_PROPOSE and s.scenario.terms[action.term].requires is not None
        )
        reason = why_not(s, action, view() if view is not None and has_requirement else None)
        if reason:
            return f"{action.id!r} {reason}"
        spent_ap += action.ap
        spent_capital += action.capital
    ap = s.scenario.roles[role].action_points
    if spent_ap > ap:
        return f"these orders need {spent_ap} action points; the role has {ap}"
    if spent_capital > s.capital[role]:
        return f"these orders need {spent_capital} political capital; the role has {s.capital[role]}"
    return None


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
