"""Computer players model the other roles from public information only: the other roles'
objectives and personas are not in their view, and would not change a decision if they were."""

from __future__ import annotations

import pytest

from game.ai import make_controller
from game.engine import State, redact
from game.scenario.runtime import CompiledScenario
from game.session.seats import Seat
from game.session.table import Session


def mid_game(scenario: CompiledScenario, seed: int, turns: int) -> State:
    """A game played by random players until turn ``turns`` + 1 (proposals, covert orders...)."""
    session = Session.new(scenario, seed, [Seat("random")] * len(scenario.roles))
    while session.state.turn <= turns and not session.terminal:
        session.advance()
    return session.state


@pytest.mark.parametrize("level", ["easy", "normal", "hard"])
def test_a_decision_is_the_same_with_or_without_the_others_secrets_in_the_view(
    scenario: CompiledScenario, level: str
) -> None:
    """If a player read another role's objectives or personas, handing it the whole scenario
    would change something; it never does."""
    state = mid_game(scenario, 17, 3)
    assert not state.terminal
    for role in range(len(scenario.roles)):
        view = redact(state, role, None)
        assert not any(view.scenario.roles[r].objectives for r in range(len(scenario.roles)) if r != role)
        leaky = view.shallow()
        leaky.scenario = scenario  # the same view, but holding everyone's objectives and personas
        persona = scenario.roles[role].personas[0].id if scenario.roles[role].personas else None
        player = make_controller(level, 9, scenario, role, persona=persona)
        twin = make_controller(level, 9, scenario, role, persona=persona)
        assert player.orders(view, role) == twin.orders(leaky, role)
        assert player.answer(view, role) == twin.answer(leaky, role)
