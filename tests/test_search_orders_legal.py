"""The computer players' search plays its turns through ``resolve_legal``, which does not check
the orders: every set it plays must be one ``resolve_turn`` would have taken as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from game.ai import make_controller, search
from game.engine import State
from game.engine.turn import Dice, refuse_orders, resolve_legal
from game.scenario.load import load_scenario
from game.session.runner import computer_session

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "speed"


@pytest.mark.parametrize("name", ["cartel_mission", "cartel_mission_seminar", "cartel_mission_dynamics"])
def test_every_turn_the_search_plays_is_one_resolve_turn_takes(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    played: list[int] = []

    def checked(state: State, orders: Sequence[Sequence[int]], dice: Dice | None = None) -> State:
        refuse_orders(state, orders, dice)  # raises IllegalMove for anything resolve_turn refuses
        played.append(state.turn)
        return resolve_legal(state, orders, dice)

    monkeypatch.setattr(search, "resolve_legal", checked)
    scenario = load_scenario(FIXTURES / f"{name}.yaml")
    levels = ("hard", "normal", "hard", "normal", "hard", "normal")
    roles = range(len(scenario.roles))
    players = [make_controller(levels[r], 60 + r, scenario, r, reasons=False) for r in roles]
    session = computer_session(scenario, 60, players)
    while session.state.turn <= 2 and not session.terminal:
        session.advance()
    assert len(played) > 500  # the search's own turns, each checked
