"""Computer-controlled roles. ``make_controller`` turns a name from the command line into one.

Levels: ``random`` (the uniform baseline), ``easy``, ``normal`` and ``hard`` (see
``game.ai.levels``); the last three take an optional persona of the role (``hard:hawk``).
"""

from __future__ import annotations

from game.ai.base import Answers, Controller, Orders
from game.ai.levels import LEVELS, Level
from game.ai.player import ComputerPlayer
from game.ai.random_player import RandomPlayer
from game.ai.stance import PersonaError

KINDS = ("random", "easy", "normal", "hard")


def make_controller(
    kind: str,
    seed: int,
    scenario: object = None,
    role: int = 0,
    persona: str | None = None,
    reasons: bool = True,
) -> Controller:
    """A computer player by name; raises ValueError for an unknown name or persona.

    ``reasons`` False: the same decisions without their reasons, for games read only for
    their results."""
    name = kind.strip().lower()
    if name == "random":
        return RandomPlayer(seed)  # it has no judgement, so a persona changes nothing
    level = LEVELS.get(name)
    if level is None:
        raise ValueError(f"unknown player {kind!r} (choose from: {', '.join(KINDS)})")
    return ComputerPlayer(level, seed, scenario, role, persona, reasons)  # type: ignore[arg-type]


__all__ = [
    "KINDS",
    "LEVELS",
    "Answers",
    "ComputerPlayer",
    "Controller",
    "Level",
    "Orders",
    "PersonaError",
    "RandomPlayer",
    "make_controller",
]
