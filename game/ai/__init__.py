"""Computer-controlled roles. ``make_controller`` turns a name from the command line into one."""

from __future__ import annotations

from game.ai.base import Answers, Controller, Orders
from game.ai.random_player import RandomPlayer

KINDS = ("random",)


def make_controller(
    kind: str, seed: int, scenario: object = None, role: int = 0, persona: str | None = None
) -> Controller:
    """A computer player by name (``random``); raises ValueError for an unknown name."""
    name = kind.strip().lower()
    if name == "random":
        return RandomPlayer(seed)
    raise ValueError(f"unknown player {kind!r} (choose from: {', '.join(KINDS)})")


__all__ = ["KINDS", "Answers", "Controller", "Orders", "RandomPlayer", "make_controller"]
