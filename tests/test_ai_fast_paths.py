"""The computer players' fast paths give what the slow ones gave, to the last bit.

``tests/test_speed_identity.py`` holds whole recorded games; these hold each shortcut beside the
plain computation it stands in for, so a change that breaks one says which.
"""

from __future__ import annotations

import math
import random

from game.ai import make_controller
from game.ai.stance import build_stance
from game.ai.valuation import Landed, effective, landed_worth, outlook, worth
from game.engine import new_game
from game.scenario.runtime import CompiledScenario
from game.session.runner import computer_session, play_game


def _same_float(a: float, b: float) -> bool:
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


def test_landed_worth_is_worth_of_the_effective_changes(scenario: CompiledScenario) -> None:
    stance = build_stance(scenario, 0)
    state = new_game(scenario, 3)
    rng = random.Random(7)
    for _ in range(3000):
        state.tracks = [rng.randint(0, 100) for _ in state.tracks]
        choices = (0.0, -0.0, 0.0, rng.uniform(-30, 30), float(rng.randint(-9, 9)))
        deltas = [rng.choice(choices) for _ in state.tracks]
        assert _same_float(landed_worth(stance, state, deltas), worth(stance, effective(state, deltas)))


def test_the_landed_stand_in_reads_as_a_copy_with_those_tracks(scenario: CompiledScenario) -> None:
    state = new_game(scenario, 4)
    tracks = [min(v + 7.5, 100.0) for v in state.tracks]
    copy = state.clone()
    copy.tracks = tracks
    for role in range(len(scenario.roles)):
        stance = build_stance(scenario, role)
        assert stance.value(Landed(tracks, state)) == stance.value(copy)
    stance = build_stance(scenario, 0)
    assert outlook(stance, state, 2) == outlook(stance, state.clone(), 2)


def test_players_without_reasons_decide_the_same(scenario: CompiledScenario) -> None:
    for level in ("easy", "hard"):
        roles = range(len(scenario.roles))
        told = [make_controller(level, 40 + r, scenario, r) for r in roles]
        quiet = [make_controller(level, 40 + r, scenario, r, reasons=False) for r in roles]
        if level == "hard":  # a few turns are enough to compare, and hard is slow
            a, b = computer_session(scenario, 77, told), computer_session(scenario, 77, quiet)
            while a.state.turn <= 3 and not a.terminal:
                a.advance()
                b.advance()
            assert a.state.fingerprint() == b.state.fingerprint()
            assert all(not any(m.order_reasons.values()) for m in b.moves)
            continue
        told_end, quiet_end = play_game(scenario, 77, told)[0], play_game(scenario, 77, quiet)[0]
        assert told_end.fingerprint() == quiet_end.fingerprint()
