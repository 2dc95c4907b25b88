"""What a role expects of the others, from what it has seen them do.

Other roles' objectives are secret, so a computer player does not read them. It watches instead:
the orders the others revealed in earlier turns and how they answered proposals. Every legal
order keeps some weight, so the model is an expectation, not a script.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.engine import State
from game.engine.log import L_ANSWER


@dataclass(frozen=True, slots=True)
class OpponentModel:
    weights: tuple[tuple[float, ...] | None, ...]  # per role: a weight per action; None for oneself
    accept: tuple[float, ...]  # per role: the chance it accepts a proposal put to it
    answers: dict[tuple[int, int], tuple[int, int]]  # (role, term) -> (times accepted, times answered)
    trust: tuple[float, ...] = ()  # per role: how far it trusts me, 1.0 as usual, 0.0 not at all

    def chance(self, role: int, term: int) -> float:
        """The chance ``role`` accepts ``term``: its answers to that term, then its habit overall,
        less as it trusts me less (it knows what I broke or hid)."""
        yes, asked = self.answers.get((role, term), (0, 0))
        habit = (yes + 2 * self.accept[role]) / (asked + 2)
        return habit * self.trust[role] if self.trust else habit


def watch(
    view: State, me: int, seen_weight: float = 2.0, prior: Sequence[float] | None = None
) -> OpponentModel:
    """Build the model from the view's history (the others' revealed orders and answers).

    Each order starts at its ``prior`` weight (1 without one); each time it was seen adds ``seen_weight``.
    """
    scenario = view.scenario
    n_roles = len(scenario.roles)
    n_actions = len(scenario.actions)
    base = list(prior) if prior is not None else [1.0] * n_actions
    counts = [base[:] for _ in range(n_roles)]
    answered = [0] * n_roles
    accepted = [0] * n_roles
    by_term: dict[tuple[int, int], tuple[int, int]] = {}
    # The log's lines as the engine wrote them (named entries would be made for nothing here).
    records = [(record.orders, record.log) for record in view.history]
    records.append(((), view.journal))
    for orders, lines in records:
        for role, role_orders in enumerate(orders):
            if role == me:
                continue
            row = counts[role]
            for action in role_orders:
                row[action] += seen_weight
        for _, term, value, _ in [line for line in lines if line[0] == L_ANSWER]:
            role, yes = value
            answered[role] += 1
            accepted[role] += int(bool(yes))
            before = by_term.get((role, term), (0, 0))
            by_term[(role, term)] = (before[0] + int(bool(yes)), before[1] + 1)
    weights = tuple(None if role == me else tuple(counts[role]) for role in range(n_roles))
    accept = tuple((1 + accepted[r]) / (2 + answered[r]) for r in range(n_roles))
    return OpponentModel(weights, accept, by_term, trust_in_me(view, me))


def trust_in_me(view: State, me: int) -> tuple[float, ...]:
    """Each role's trust in my promises as a factor: 1.0 at the usual level or above, falling
    to 0.0 at the scenario's low mark (a public record: everyone saw the breach or the leak)."""
    rules = view.scenario.credibility
    if rules is None:
        return ()
    n = len(view.scenario.roles)
    span = max(1, rules.start - rules.low)
    return tuple(
        1.0 if r == me else min(1.0, max(0.0, (view.credibility[r * n + me] - rules.low) / span))
        for r in range(n)
    )
