"""The facilitator's deadline: minutes for each round of decisions, and what a late team gets.

A round is what the table waits for at once: the answers to proposals, or the turn's orders.
Each new round starts with the full time; the count stops while the game is paused. When
time runs out the host applies the facilitator's choice to every team still deciding: *pass*
(no orders; proposals rejected) or *computer* (a computer player decides for that team, this
round only, and says why). The count is advanced by the host's clock tick (``tick``), so tests
pass time in and never sleep.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

PASS, COMPUTER = "pass", "computer"
POLICIES = (PASS, COMPUTER)
MAX_MINUTES = 60


@dataclass(slots=True)
class Deadline:
    minutes: int = 0  # 0: no deadline
    policy: str = PASS
    left: float = 0.0
    round: tuple[int, str] = (0, "")  # (turn, phase) the count belongs to
    expired: bool = False

    @property
    def on(self) -> bool:
        return self.minutes > 0

    def set(self, minutes: int, policy: str, round_: tuple[int, str]) -> None:
        """A new length (0 switches the deadline off): the current round starts again in full."""
        self.minutes = max(0, min(MAX_MINUTES, int(minutes)))
        self.policy = policy if policy in POLICIES else PASS
        self.restart(round_)

    def restart(self, round_: tuple[int, str]) -> None:
        self.round = round_
        self.left = self.minutes * 60.0
        self.expired = False

    def seconds_left(self) -> int | None:
        """Whole seconds to show (rounded up), or None when there is no deadline."""
        if not self.on:
            return None
        return max(0, math.ceil(self.left - 1e-9))

    def tick(self, dt: float, round_: tuple[int, str], running: bool) -> bool:
        """Advance by ``dt`` seconds; True exactly when the time has just run out."""
        if not self.on:
            return False
        if round_ != self.round:
            self.restart(round_)
        if not running or self.expired or dt <= 0:
            return False
        self.left = max(0.0, self.left - dt)
        if self.left <= 0:
            self.expired = True
            return True
        return False

    def as_json(self) -> dict[str, object]:
        return {"minutes": self.minutes, "policy": self.policy}

    @classmethod
    def from_json(cls, data: object) -> Deadline:
        deadline = cls()
        if isinstance(data, dict):
            minutes = data.get("minutes", 0)
            policy = data.get("policy", PASS)
            if isinstance(minutes, int) and isinstance(policy, str):
                deadline.minutes = max(0, min(MAX_MINUTES, minutes))
                deadline.policy = policy if policy in POLICIES else PASS
        deadline.left = deadline.minutes * 60.0
        return deadline
