"""The game state: plain lists of numbers plus an append-only history.

A state is never changed in place by the public API: every step copies it first (a few short
lists), so any earlier state stays valid for undo, search and replay.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from game.engine.log import L_CAPITAL, Entry, Line, Programme, Proposal, Scheduled, entries
from game.scenario.runtime import Cause, CompiledScenario

PHASE_ANSWERS = "answers"
PHASE_ORDERS = "orders"
PHASE_OVER = "over"


@dataclass(frozen=True, slots=True)
class TurnRecord:
    """What happened in one turn, in order; the source for views, charts, saves and reports.

    ``log`` holds the turn's lines as the engine wrote them; ``entries`` gives them as named
    entries, made on first reading and kept.
    """

    turn: int
    news: int
    orders: tuple[tuple[int, ...], ...]
    log: tuple[Line, ...]
    tracks: tuple[int, ...]  # at the end of the turn
    seen: tuple[int, ...] = ()  # when the orders were given: the board the roles last saw
    _entries: tuple[Entry, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _capital: tuple[Line, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _views: dict[Any, TurnRecord] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def entries(self) -> tuple[Entry, ...]:
        made = self._entries
        if made is None:
            made = entries(self.log)
            object.__setattr__(self, "_entries", made)
        return made

    def views(self) -> dict[Any, TurnRecord]:
        """This record as viewers saw it, by what its redaction read (``view.redact``): a computer
        player's view holds the whole history, and each earlier turn is redacted once, not at
        every decision of every later turn."""
        made = self._views
        if made is None:
            made = {}
            object.__setattr__(self, "_views", made)
        return made

    def covert_capital(self, may_be_secret: Callable[[Cause], bool]) -> tuple[Line, ...]:
        """The turn's changes of capital whose cause may be a secret, worked out once: every
        view of every later turn reads them again (``view.hidden_capital``)."""
        made = self._capital
        if made is None:
            made = tuple([line for line in self.log if line[0] == L_CAPITAL and may_be_secret(line[3])])
            object.__setattr__(self, "_capital", made)
        return made


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
    journal: tuple[Line, ...]  # this turn's log so far, as the engine wrote it (see ``current``)
    history: tuple[TurnRecord, ...]
    ending: int
    decisions: int
    # The dynamics (scenario's credibility, fatigue, beats); empty lists when it has none.
    credibility: list[int]  # holder * roles + other -> 0-100 trust in the other's promises
    breaker: list[int]  # per term: the role that last broke it, or -1
    streak: list[int]  # per action: turns in a row it has been ordered, this one included
    flag_since: list[int]  # per flag: the turn it was first set, or -1
    beats_done: list[int]  # per beat: times it has come
    # Not the game: what views have worked out of the history so far, (records read, the last
    # of them, their capital lines whose cause may be a secret), carried on (``view.covert_lines``).
    covert_tally: tuple[Any, ...] = (0, None, ())

    @property
    def turns(self) -> int:
        return self.scenario.model.turns

    @property
    def terminal(self) -> bool:
        return self.phase == PHASE_OVER

    @property
    def current(self) -> tuple[Entry, ...]:
        """This turn's log so far, as named entries."""
        return entries(self.journal)

    @current.setter
    def current(self, value: tuple[Entry, ...]) -> None:
        self.journal = tuple(value)

    def clone(self) -> State:
        """A copy whose lists are its own: the engine changes the copy, never the original.

        Written out field by field: a search clones a state for every turn it plays, and this
        is about twice as fast as copying through the constructor (``test_clone_copies_every_field``).
        """
        copy = _blank(State)
        copy.scenario = self.scenario
        copy.seed = self.seed
        copy.rng = self.rng
        copy.turn = self.turn
        copy.phase = self.phase
        copy.tracks = self.tracks[:]
        copy.turn_start = self.turn_start[:]
        copy.flags = self.flags[:]
        copy.postures = self.postures[:]
        copy.posture_public = self.posture_public[:]
        copy.capital = self.capital[:]
        copy.standing = self.standing[:]
        copy.agreements = self.agreements[:]
        copy.agreement_since = self.agreement_since[:]
        copy.proposed = self.proposed[:]
        copy.broken = self.broken[:]
        copy.proposals = self.proposals
        copy.programmes = self.programmes
        copy.used = self.used[:]
        copy.last_used = self.last_used[:]
        copy.exposed = self.exposed[:]
        copy.active = self.active[:]
        copy.rule_last = self.rule_last[:]
        copy.drawn = self.drawn[:]
        copy.scheduled = self.scheduled
        copy.news = self.news
        copy.journal = self.journal
        copy.history = self.history
        copy.ending = self.ending
        copy.decisions = self.decisions
        copy.credibility = self.credibility[:]
        copy.breaker = self.breaker[:]
        copy.streak = self.streak[:]
        copy.flag_since = self.flag_since[:]
        copy.beats_done = self.beats_done[:]
        copy.covert_tally = self.covert_tally
        return copy

    def shallow(self) -> State:
        """A new State sharing every list with this one: for read-only views that replace
        only the lists they change (nothing may mutate a state in place)."""
        return State(*_all_fields(self))

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
            tuple(tuple(p) for p in self.proposals),
            tuple(tuple(p) for p in self.programmes),
            tuple(self.used),
            tuple(self.exposed),
            tuple(self.rule_last),
            tuple(self.drawn),
            tuple((item.due, item.effect.key(), item.cause, item.caused_on) for item in self.scheduled),
            self.news,
            self.ending,
        ) + self._dynamics()

    def _dynamics(self) -> tuple[Any, ...]:
        """The dynamics' part of the fingerprint, only for scenarios that have them: a scenario
        without them has the same fingerprint (and saves made before still replay)."""
        if not self.scenario.dynamic:
            return ()
        return (
            tuple(self.credibility),
            tuple(self.breaker),
            tuple(self.streak),
            tuple(self.flag_since),
            tuple(self.beats_done),
        )


_blank = object.__new__
_FIELD_NAMES = tuple(f.name for f in fields(State))
_all_fields = operator.attrgetter(*_FIELD_NAMES)
