"""The game's log: named records of everything that happened, each with its cause.

An entry is ``Entry(kind, subject, value, cause)``; what ``subject`` and ``value`` hold depends
on ``kind`` and is written beside each kind below. Causes are the small tuples built once by the
compiler (see ``game.scenario.runtime``: ``C_ACTION``, ``C_RULE`` ...). Readers of the log
(views, screens, the report) get entries through ``TurnRecord.entries`` and ``State.current``,
and read them by these names, never by position.

The engine itself writes each line as a plain 4-tuple in the same order (a ``Line``): a game
writes hundreds, and a tuple of a subclass costs three times a plain one to make and to free
(measured: 1,350 more instructions each, 15% of a random game). ``entries`` turns lines into
entries when someone reads them; the story of a game (``game.story.facts``) reads the lines
themselves.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from game.scenario.runtime import Cause, CEffect

# Entry kinds.
L_TRACK = "track"  # subject track, value delta
L_FLAG = "flag"  # subject flag, value 0/1
L_POSTURE = "posture"  # subject posture, value option
L_CAPITAL = "capital"  # subject role, value delta
L_STANDING = "standing"  # subject role, value delta
L_AGREEMENT = "agreement"  # subject term, value new agreement state (AG_*)
L_ORDER = "order"  # subject action, value role: an order revealed (or kept secret if covert)
L_CHECK = "check"  # subject action, value a Roll
L_EVENT = "event"  # subject event, value 0 (drawn) or 1 (injected by the facilitator)
L_RULE = "rule"  # subject rule, value delay in turns (0 = now)
L_EXPOSED = "exposed"  # subject action, value its role: a covert programme came to light
L_PROPOSAL = "proposal"  # subject term, value (from role, to role)
L_ANSWER = "answer"  # subject term, value (role, accepted 0/1)
L_SCHEDULED = "scheduled"  # subject turn due, value the effect kind: a delayed effect was set up
L_NOTE = "note"  # subject facilitator decision number, value the written reason
L_ENDING = "ending"  # subject ending, value the turn it came
L_SKIPPED = "skipped"  # subject action, value a SKIP_* code: an order that could no longer apply
L_TRUST = "trust"  # subject holder * roles + other, value delta of holder's trust in other
L_BEAT = "beat"  # subject beat, value its check's part (PART_BASE when it has no check)

# Why an order was skipped at resolution.
SKIP_CAPITAL, SKIP_REQUIRES, SKIP_PROPOSAL = "capital", "requires", "proposal"

# Agreement states.
AG_NONE, AG_IN_FORCE, AG_ENDED, AG_BREACHED = 0, 1, 2, 3


class Entry(NamedTuple):
    """One thing that happened: what kind, to what, by how much or to what value, and why."""

    kind: str
    subject: Any
    value: Any
    cause: Cause


class Roll(NamedTuple):
    """The value of a check entry: the dice, the modifiers, the total and the outcome."""

    d1: int
    d2: int
    modifier: int
    total: int
    part: int  # PART_SUCCESS, PART_PARTIAL or PART_FAILURE
    physical: bool  # dice rolled at the table and typed in, not the game's own roll


class Scheduled(NamedTuple):
    """A delayed effect waiting for its turn."""

    due: int
    effect: CEffect
    cause: Cause
    caused_on: int


class Proposal(NamedTuple):
    """A proposal on the table, answered next turn."""

    term: int
    sender: int
    to: int
    turn: int


class Programme(NamedTuple):
    """A running covert programme."""

    action: int
    started: int
    left: int


# ``new_tuple(Entry, (kind, subject, value, cause))`` is ``Entry(kind, subject, value, cause)``
# at a third of the cost.
new_tuple = tuple.__new__

# A line of the log as the engine writes it: (kind, subject, value, cause), a plain tuple.
Line = tuple[str, Any, Any, Cause]


def entries(lines: tuple[Line, ...]) -> tuple[Entry, ...]:
    """Lines as entries (lines already entries, as in a view, are kept as they are)."""
    return tuple([line if type(line) is Entry else new_tuple(Entry, line) for line in lines])
