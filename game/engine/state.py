"""The game state: plain lists of numbers plus an append-only history.

A state is never changed in place by the public API: every step copies it first (a few short
lists), so any earlier state stays valid for undo, search and replay.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.scenario.runtime import CEffect, CompiledScenario

PHASE_ANSWERS = "answers"
PHASE_ORDERS = "orders"
PHASE_OVER = "over"

# Agreement states.
AG_NONE, AG_IN_FORCE, AG_ENDED, AG_BREACHED = 0, 1, 2, 3

# Log entry kinds: an entry is (kind, subject, value, cause).
L_TRACK = "track"  # subject track, value delta
L_FLAG = "flag"  # subject flag, value 0/1
L_POSTURE = "posture"  # subject posture, value option
L_CAPITAL = "capital"  # subject role, value delta
L_STANDING = "standing"  # subject role, value delta
L_AGREEMENT = "agreement"  # subject term, value new agreement state
L_ORDER = "order"  # subject action, value role: an order revealed (or kept secret if covert)
L_CHECK = "check"  # subject action, value (die1, die2, modifier, total, part)
L_EVENT = "event"  # subject event, value 0 (drawn) or 1 (injected by the facilitator)
L_RULE = "rule"  # subject rule, value delay in turns (0 = now)
L_EXPOSED = "exposed"  # subject action: a covert programme came to light
L_PROPOSAL = "proposal"  # subject term, value (from role, to role)
L_ANSWER = "answer"  # subject term, value (role, accepted)
L_SCHEDULED = "scheduled"  # subject turn due, value the effect kind: a delayed effect was set up
L_NOTE = "note"  # subject facilitator decision number, value the written reason
L_ENDING = "ending"  # subject ending
L_SKIPPED = "skipped"  # subject action, value reason code: an order that could no longer apply

Entry = tuple[str, Any, Any, tuple[Any, ...]]
Scheduled = tuple[int, CEffect, tuple[Any, ...], int]  # (due turn, effect, cause, turn caused)
Proposal = tuple[int, int, int, int]  # (term, from role, to role, turn proposed)
Programme = tuple[int, int, int]  # (action, turn started, turns left)


@dataclass(frozen=True, slots=True)
class TurnRecord:
    """What happened in one turn, in order; the source for views, charts, saves and reports."""

    turn: int
    news: int
    orders: tuple[tuple[int, ...], ...]
    entries: tuple[Entry, ...]
    tracks: tuple[int, ...]


@dataclass(slots=True)
class State:
    scenario: CompiledScenario
    seed: int
    rng: int
    turn: int
    phase: str
    tracks: list[int]
    turn_start: list[int]
    flags: list[int]
    postures: list[int]
    posture_public: list[int]
    capital: list[int]
    standing: list[int]
    agreements: list[int]
    agreement_since: list[int]
    proposed: list[int]
    broken: list[int]
    proposals: tuple[Proposal, ...]
    programmes: tuple[Programme, ...]
    used: list[int]
    last_used: list[int]
    exposed: list[int]
    active: list[int]
    rule_last: list[int]
    drawn: list[int]
    scheduled: tuple[Scheduled, ...]
    news: int
    current: tuple[Entry, ...]
    history: tuple[TurnRecord, ...]
    ending: int
    decisions: int

    @property
    def turns(self) -> int:
        return self.scenario.model.turns

    @property
    def terminal(self) -> bool:
        return self.phase == PHASE_OVER

    def clone(self) -> State:
        return State(
            self.scenario,
            self.seed,
            self.rng,
            self.turn,
            self.phase,
            self.tracks[:],
            self.turn_start[:],
            self.flags[:],
            self.postures[:],
            self.posture_public[:],
            self.capital[:],
            self.standing[:],
            self.agreements[:],
            self.agreement_since[:],
            self.proposed[:],
            self.broken[:],
            self.proposals,
            self.programmes,
            self.used[:],
            self.last_used[:],
            self.exposed[:],
            self.active[:],
            self.rule_last[:],
            self.drawn[:],
            self.scheduled,
            self.news,
            self.current,
            self.history,
            self.ending,
            self.decisions,
        )

    def shallow(self) -> State:
        """A new State sharing every list with this one: for read-only views that replace
        only the lists they change (nothing may mutate a state in place)."""
        return State(
            self.scenario,
            self.seed,
            self.rng,
            self.turn,
            self.phase,
            self.tracks,
            self.turn_start,
            self.flags,
            self.postures,
            self.posture_public,
            self.capital,
            self.standing,
            self.agreements,
            self.agreement_since,
            self.proposed,
            self.broken,
            self.proposals,
            self.programmes,
            self.used,
            self.last_used,
            self.exposed,
            self.active,
            self.rule_last,
            self.drawn,
            self.scheduled,
            self.news,
            self.current,
            self.history,
            self.ending,
            self.decisions,
        )

    def fingerprint(self) -> tuple[Any, ...]:
        """Everything that decides the future, for 'same seed, same game' checks and replay."""
        return (
            self.rng,
            self.turn,
            self.phase,
            tuple(self.tracks),
            tuple(self.flags),
            tuple(self.postures),
            tuple(self.capital),
            tuple(self.standing),
            tuple(self.agreements),
            tuple(self.broken),
            self.proposals,
            self.programmes,
            tuple(self.used),
            tuple(self.exposed),
            tuple(self.rule_last),
            tuple(self.drawn),
            tuple((due, eff[:5], cause, at) for due, eff, cause, at in self.scheduled),
            self.news,
            self.ending,
        )
