"""Random games on the engine's API for the tests' truth checks: every state at an orders phase.

``choose(state, role, legal, rnd)`` picks a role's orders (one seeded generator per game), so a
test can steer the play (orders repeated, say) while answers stay coin flips.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

from game.engine import (
    PHASE_ANSWERS,
    State,
    answer_proposals,
    legal_action_indexes,
    new_game,
    pending_answers,
    resolve_turn,
)
from game.scenario.runtime import CompiledScenario

Choose = Callable[[State, int, list[int], random.Random], list[int]]


def any_orders(s: State, role: int, legal: list[int], rnd: random.Random) -> list[int]:
    """None, one or two of the role's legal orders, at random."""
    return rnd.sample(legal, min(len(legal), rnd.randint(0, 2)))


def orders_phases(sc: CompiledScenario, seed: int, choose: Choose = any_orders) -> Iterator[State]:
    """Each state at an orders phase of a random game, in turn; then its last state."""
    rnd = random.Random(seed)
    s = new_game(sc, seed)
    roles = range(len(sc.roles))
    while not s.terminal:
        if s.phase == PHASE_ANSWERS:
            s = answer_proposals(
                s, {r: {t: rnd.random() < 0.5 for t, _ in pending_answers(s, r)} for r in roles}
            )
            continue
        yield s
        s = resolve_turn(s, [choose(s, role, legal_action_indexes(s, role), rnd) for role in roles])
    yield s
