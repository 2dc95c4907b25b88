"""The choices a role has in one turn: every affordable set of orders, and quick random draws.

A turn's choice is a *set* of orders within the role's action points and political capital.
Search scores whole sets (an order's worth depends on its partner); rollouts draw sets quickly
with weights, the way the random player does but with preferences.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from game.engine import State, legal_action_indexes
from game.scenario.runtime import ACTION_PROPOSE

MAX_SETS = 400  # a guard for scenarios with many free (0 AP) orders


def order_sets(view: State, role: int) -> list[tuple[int, ...]]:
    """Every affordable set of legal orders, the empty set (a pass) first.

    A set never proposes the same term twice: the second would be skipped at resolution.
    """
    actions = view.scenario.actions
    legal = legal_action_indexes(view, role)
    ap = view.scenario.roles[role].action_points
    out: list[tuple[int, ...]] = [()]

    def extend(
        start: int, chosen: tuple[int, ...], ap_left: int, capital_left: int, terms: frozenset[int]
    ) -> None:
        for i in range(start, len(legal)):
            if len(out) >= MAX_SETS:
                return
            action = actions[legal[i]]
            if action.ap > ap_left or action.capital > capital_left:
                continue
            if action.kind == ACTION_PROPOSE and action.term in terms:
                continue
            picked = chosen + (legal[i],)
            out.append(picked)
            more = terms | {action.term} if action.kind == ACTION_PROPOSE else terms
            extend(i + 1, picked, ap_left - action.ap, capital_left - action.capital, more)

    extend(0, (), ap, view.capital[role], frozenset())
    return out


class OrderBudget:
    """What a role can still afford this turn; an order is added only if it fits.

    One place for the rule every way of choosing orders shares: within the action points and
    capital, and never the same term proposed twice (the second would be skipped).
    """

    __slots__ = ("actions", "ap", "capital", "chosen", "terms")

    def __init__(self, state: State, role: int) -> None:
        self.actions = state.scenario.actions
        self.ap = state.scenario.roles[role].action_points
        self.capital = state.capital[role]
        self.chosen: list[int] = []
        self.terms: set[int] = set()

    def add(self, index: int) -> bool:
        action = self.actions[index]
        if action.ap > self.ap or action.capital > self.capital:
            return False
        if action.kind == ACTION_PROPOSE:
            if action.term in self.terms:
                return False
            self.terms.add(action.term)
        self.chosen.append(index)
        self.ap -= action.ap
        self.capital -= action.capital
        return True


def draw_orders(
    state: State,
    role: int,
    weights: Sequence[float] | None,
    rng: random.Random,
) -> tuple[int, ...]:
    """A quick set of orders drawn by weight (uniform when ``weights`` is None), filling the AP."""
    legal = legal_action_indexes(state, role)
    budget = OrderBudget(state, role)
    pick = rng.random
    if weights is None:
        while legal and budget.ap > 0:
            budget.add(legal.pop(int(pick() * len(legal))))
        return tuple(budget.chosen)
    left = [weights[a] for a in legal]  # the legal orders' weights, popped beside them
    while legal and budget.ap > 0:
        total = 0.0
        for weight in left:  # added one by one, in order: the same total to the last bit
            total += weight
        if total <= 0:
            break
        mark = pick() * total
        at = len(legal) - 1
        for i, weight in enumerate(left):
            mark -= weight
            if mark < 0:
                at = i
                break
        left.pop(at)
        budget.add(legal.pop(at))
    return tuple(budget.chosen)
