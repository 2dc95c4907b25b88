"""Join codes: one unguessable code per team and one for the facilitator, and a guard on guessing.

A code is 10 characters drawn with ``secrets`` from 30 letters and digits that cannot be
misread (no 0/O, 1/I/L, U/V): about 49 bits, so with guessing limited to a few tries a minute
per address nobody finds a code by trying. A code is typed case-insensitively and may carry
the dashes it is shown with. A code the facilitator replaced stays known as *replaced*, so a
device holding it gets a page saying so rather than a bare "wrong code".
"""

from __future__ import annotations

import secrets
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"
LENGTH = 10
FACILITATOR_SEAT = "facilitator"


def new_code(taken: Iterable[str] = ()) -> str:
    """A fresh code, different from every code in ``taken``."""
    used = set(taken)
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        if code not in used:
            return code


def normalise(typed: str) -> str:
    """What a person typed or a URL holds, as a code: upper case, dashes and spaces dropped."""
    return "".join(ch for ch in typed.upper() if ch not in "- ")[: LENGTH * 2]


def shown(code: str) -> str:
    """A code as people read it aloud: ABCDE-FGHJK."""
    return f"{code[:5]}-{code[5:]}"


def well_formed(code: str) -> bool:
    return len(code) == LENGTH and all(ch in ALPHABET for ch in code)


@dataclass
class Codes:
    """Seat id (a role id, or ``facilitator``) -> its code; and the codes replaced since."""

    by_seat: dict[str, str] = field(default_factory=dict)
    replaced: set[str] = field(default_factory=set)

    @classmethod
    def fresh(cls, seat_ids: Iterable[str]) -> Codes:
        codes = cls()
        for seat in seat_ids:
            codes.by_seat[seat] = new_code(codes.by_seat.values())
        return codes

    def seat_of(self, code: str) -> str | None:
        for seat, known in self.by_seat.items():
            if secrets.compare_digest(known, code):
                return seat
        return None

    def renew(self, seat: str) -> str:
        """A new code for a seat (its old one stops working, e.g. a code that got around)."""
        old = self.by_seat.get(seat)
        if old:
            self.replaced.add(old)
        code = new_code([*self.by_seat.values(), *self.replaced])
        self.by_seat[seat] = code
        return code

    def as_json(self) -> dict[str, object]:
        return {"seats": dict(self.by_seat), "replaced": sorted(self.replaced)}

    @classmethod
    def from_json(cls, data: object, seat_ids: list[str]) -> Codes | None:
        """Codes read back from a sidecar, or None if they do not fit these seats."""
        if not isinstance(data, dict):
            return None
        seats, replaced = data.get("seats"), data.get("replaced", [])
        if not isinstance(seats, dict) or sorted(seats) != sorted(seat_ids):
            return None
        if not all(isinstance(c, str) and well_formed(c) for c in seats.values()):
            return None
        if len(set(seats.values())) != len(seats) or not isinstance(replaced, list):
            return None
        return cls(dict(seats), {c for c in replaced if isinstance(c, str) and well_formed(c)})


class Guard:
    """Rate-limits wrong codes per client address: ``limit`` misses per ``window`` seconds.

    Only misses count, so a team reloading its own page is never slowed down; an address over
    the limit is refused (even a right code) until its oldest miss leaves the window.
    """

    def __init__(self, limit: int = 8, window: float = 60.0, clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.window = window
        self.clock = clock
        self.misses: dict[str, deque[float]] = {}

    def _recent(self, address: str) -> deque[float]:
        now = self.clock()
        misses = self.misses.setdefault(address, deque())
        while misses and now - misses[0] >= self.window:
            misses.popleft()
        if not misses:
            self.misses.pop(address, None)
        return misses

    def wait_seconds(self, address: str) -> int:
        """0 if this address may try a code now, else the seconds until it may."""
        misses = self._recent(address)
        if len(misses) < self.limit:
            return 0
        return max(1, int(misses[0] + self.window - self.clock()) + 1)

    def missed(self, address: str) -> None:
        self._recent(address)
        self.misses.setdefault(address, deque()).append(self.clock())
        if len(self.misses) > 10_000:  # a flood of addresses: forget the oldest
            self.misses.pop(next(iter(self.misses)))
