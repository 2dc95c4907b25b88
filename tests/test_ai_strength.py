"""A quick check that search is worth something: hard outscores random for every role.

The full figures (500 paired games per role, hard against random and easy) come from
``bench/ai_strength.py``; this is the small, fast version of the same paired protocol.
"""

from __future__ import annotations

import pytest

from game.ai import make_controller
from game.engine import role_score
from game.scenario.runtime import CompiledScenario
from game.session.runner import play_game

SEEDS = range(1, 7)


def score(scenario: CompiledScenario, seed: int, role: int, kind: str) -> int:
    players = [
        make_controller(kind if r == role else "random", seed * 31 + r, scenario, r)
        for r in range(len(scenario.roles))
    ]
    state, _ = play_game(scenario, seed, players)
    return role_score(state, role).score


@pytest.mark.parametrize("role_id", ["us", "mexico", "civil"])
def test_hard_outscores_random_on_the_same_seeds(scenario: CompiledScenario, role_id: str) -> None:
    if role_id not in scenario.role_ids:
        pytest.skip(f"no role {role_id!r} in this scenario")
    role = scenario.role_ids.index(role_id)
    hard = [score(scenario, seed, role, "hard") for seed in SEEDS]
    rand = [score(scenario, seed, role, "random") for seed in SEEDS]
    wins = sum(h > r for h, r in zip(hard, rand, strict=True))
    assert sum(hard) > sum(rand) and wins >= len(SEEDS) // 2 + 1, (hard, rand)
