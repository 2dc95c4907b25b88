"""Who plays each role: parsing ``us=human,mexico=hard,civil=random`` into seats."""

from __future__ import annotations

from dataclasses import dataclass

from game.scenario.runtime import CompiledScenario


class SeatError(ValueError):
    """A bad --roles/--players value; the message says what to write instead."""


@dataclass(frozen=True, slots=True)
class Seat:
    kind: str  # "human" or a computer player name: random, easy, normal, hard
    persona: str | None = None

    @property
    def human(self) -> bool:
        return self.kind == "human"

    def __str__(self) -> str:
        return self.kind + (f":{self.persona}" if self.persona else "")


def parse_seat(text: str, allowed: tuple[str, ...]) -> Seat:
    value = text.strip().lower()
    if value.startswith("ai:"):
        value = value[3:]
    kind, _, persona = value.partition(":")
    if kind not in allowed:
        raise SeatError(f"unknown player {kind!r} (choose from: {', '.join(allowed)})")
    return Seat(kind, persona or None)


def parse_seats(
    spec: str | None, scenario: CompiledScenario, default: str, allowed: tuple[str, ...]
) -> list[Seat]:
    """One seat per role, in scenario order. ``spec`` is ``KIND`` for all roles or ``role=KIND,...``."""
    roles = scenario.role_ids
    seats = [parse_seat(default, allowed + (default,)) for _ in roles]
    if not spec:
        return seats
    parts = [p for p in spec.split(",") if p.strip()]
    if len(parts) == 1 and "=" not in parts[0]:
        seat = parse_seat(parts[0], allowed)
        return [seat for _ in roles]
    seen = set()
    for part in parts:
        role, eq, kind = part.partition("=")
        role = role.strip().lower()
        if not eq:
            raise SeatError(f"expected ROLE=PLAYER, got {part.strip()!r} (roles: {', '.join(roles)})")
        if role not in roles:
            raise SeatError(f"unknown role {role!r} (roles: {', '.join(roles)})")
        if role in seen:
            raise SeatError(f"role {role!r} is given twice")
        seen.add(role)
        seat = parse_seat(kind, allowed)
        if seat.persona:
            personas = [p.id for p in scenario.roles[roles.index(role)].personas]
            if seat.persona not in personas:
                known = ", ".join(personas) or "none in this scenario"
                raise SeatError(f"role {role!r} has no persona {seat.persona!r} (personas: {known})")
        seats[roles.index(role)] = seat
    return seats
