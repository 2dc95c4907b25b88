"""Playing a whole game between computer players: simulate, the report's typical games, tests.

It is the table (``Session``) with every seat taken by a computer player: the same loop, the
same ``apply_move``, the same moves with their reasons as a game at a real table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from game.ai.base import Controller
from game.engine import State, new_game, redact
from game.engine.move import Move
from game.scenario.runtime import CompiledScenario
from game.session.seats import Seat
from game.session.table import Session


def view_for(state: State, role: int, controller: Controller) -> State:
    """The role's view, with as much history as the controller reads."""
    return redact(state, role, getattr(controller, "view_turns", None))


def computer_session(scenario: CompiledScenario, seed: int, controllers: Sequence[Controller]) -> Session:
    """A table at which every role is played by the given computer players."""
    seats = [Seat(getattr(c, "name", "computer")) for c in controllers]
    session = Session(scenario, seed, seats, new_game(scenario, seed))
    session.controllers = list(controllers)
    return session


def play_game(
    scenario: CompiledScenario,
    seed: int,
    controllers: Sequence[Controller],
    on_step: Callable[[State, Move], None] | None = None,
) -> tuple[State, list[Move]]:
    """Play to the end; returns the final state and every move made."""
    session = computer_session(scenario, seed, controllers)
    while not session.terminal:
        session.advance()
        if on_step is not None:
            on_step(session.state, session.moves[-1])
    return session.state, session.moves


def play_seats(scenario: CompiledScenario, seed: int, seats: Sequence[Seat]) -> Session:
    """A whole game between the computer players the seats name (as simulate plays it)."""
    session = Session.new(scenario, seed, seats)
    while not session.terminal:
        session.advance()
    return session
