"""The one controller protocol shared by people and computer players.

A controller only ever receives a redacted state (``game.engine.redact``): what its role may
see. The window, the terminal game and every computer player implement the same two calls.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from game.engine import State


@dataclass(frozen=True, slots=True)
class Orders:
    """A role's orders for one turn: action indexes, and a one-line reason for each."""

    actions: tuple[int, ...]
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Answers:
    """A role's answers to the proposals put to it: term index -> accepted, with reasons."""

    accepted: dict[int, bool]
    reasons: dict[int, str] = field(default_factory=dict)


class Controller(Protocol):
    name: str

    def answer(self, view: State, role: int) -> Answers: ...

    def orders(self, view: State, role: int) -> Orders: ...
