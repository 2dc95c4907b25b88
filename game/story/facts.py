"""The facts of a game: one pass over its log, read by every screen and report.

``tell(state, moves)`` walks the log of a state (the whole game for the facilitator and the
report, or a role's or the public's redacted view) once, and returns per turn: the orders with
their reasons and dice, the answers, the items of the turn's story (``Beat``) each holding the
changes it really caused, and the tracks before and after. Changes whose cause stands apart
(a posture's or an agreement's running effects, a covert programme's, income, a delayed effect
landing, or a cause the viewer may not know) get a beat of their own; no change is ever shown
under an item that did not cause it. The end screen, the resolution, the terminal, the report
and the what-if read these facts; none re-derives them from the log.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from game.engine.log import (
    AG_BREACHED,
    L_AGREEMENT,
    L_ANSWER,
    L_BEAT,
    L_CAPITAL,
    L_CHECK,
    L_ENDING,
    L_EVENT,
    L_EXPOSED,
    L_FLAG,
    L_NOTE,
    L_ORDER,
    L_POSTURE,
    L_PROPOSAL,
    L_RULE,
    L_SCHEDULED,
    L_SKIPPED,
    L_STANDING,
    L_TRACK,
    L_TRUST,
    Entry,
    Line,
    entries,
    new_tuple,
)
from game.engine.move import ANSWERS, ORDERS, Move
from game.engine.state import State
from game.scenario.runtime import (
    C_ACTION,
    C_BEAT,
    C_DELAYED,
    C_ROLE,
    PART_BASE,
    TERM_BREACH,
    TERM_REJECT,
    Cause,
    CompiledScenario,
)
from game.story.fatigue import longest_wear, ordered_in, worn_orders
from game.story.secrecy import Exposures, exposures_of, secret_owner_then

CHANGE_KINDS = frozenset({L_TRACK, L_CAPITAL, L_STANDING, L_FLAG, L_POSTURE, L_AGREEMENT, L_TRUST})
# Entries that open an item of the turn's story (a headline); the rest are changes or details.
BEAT_KINDS = frozenset(
    {
        L_EVENT,
        L_ORDER,
        L_RULE,
        L_EXPOSED,
        L_PROPOSAL,
        L_ANSWER,
        L_NOTE,
        L_ENDING,
        L_SKIPPED,
        L_AGREEMENT,
        L_BEAT,
    }
)


class Change(NamedTuple):
    """One thing that moved, and its true cause (``origin``: a delayed effect's first cause).

    A NamedTuple, made with ``new_tuple``: a game has hundreds, and a report or a balance sweep
    tells thousands of games."""

    # L_TRACK, L_CAPITAL, L_STANDING, L_TRUST (value = delta); L_FLAG, L_POSTURE, L_AGREEMENT (new)
    kind: str
    subject: int
    value: int
    cause: Cause
    origin: Cause
    delayed_from: int | None  # the turn a delayed effect was set up, else None
    secret_owner: int  # the role that alone knew of it during play, or -1
    at: int  # its position in the turn's log: the order things happened in


@dataclass(frozen=True, slots=True)
class Dice:
    """A check as rolled: the dice, the modifiers and the bands of the outcome."""

    d1: int
    d2: int
    modifier: int
    total: int
    target: int  # total needed for success
    partial_from: int  # total needed for a partial success (== target when there is none)
    part: int  # PART_SUCCESS, PART_PARTIAL or PART_FAILURE
    physical: bool  # rolled at the table and typed in


@dataclass(frozen=True, slots=True)
class Order:
    role: int
    action: int
    reason: str  # the computer player's reason ('' for people)
    covert: bool
    secret_owner: int  # the role (itself) if hidden from the others that turn, else -1
    exposed_on: int | None  # when a covert order came to light (an earlier exposure counts)
    dice: Dice | None
    skipped: str  # a SKIP_* code if it could no longer apply at resolution, else ''
    worn: int = 0  # turns running it had been ordered when it went ahead worn out, else 0


@dataclass(frozen=True, slots=True)
class Answer:
    role: int
    term: int
    accepted: bool
    reason: str


@dataclass(frozen=True, slots=True)
class Beat:
    """One item of a turn's story: the entry that opened it and every change it caused."""

    kind: str  # an entry kind (L_EVENT, L_ORDER ...), or UPKEEP for a cause standing apart
    subject: Any
    value: Any
    cause: Cause
    changes: tuple[Change, ...]
    secret_owner: int
    at: int  # the position in the turn's log of the entry that opened it (or of its first change)


UPKEEP = "upkeep"  # a beat for changes whose cause has no entry of its own this turn


@dataclass(frozen=True, slots=True)
class TurnStory:
    turn: int
    complete: bool  # False for the turn still being played
    news: int  # the event drawn as news, or -1
    orders: tuple[Order, ...]
    answers: tuple[Answer, ...]
    beats: tuple[Beat, ...]
    changes: tuple[Change, ...]
    tracks_before: tuple[int, ...]
    tracks_after: tuple[int, ...]

    def track_delta(self, track: int) -> int:
        return self.tracks_after[track] - self.tracks_before[track]


@dataclass(frozen=True, slots=True)
class Story:
    scenario: CompiledScenario
    turns: tuple[TurnStory, ...]
    exposures: Exposures
    notes: dict[int, str]  # facilitator decision number -> its written reason
    ending: int

    def series(self, track: int) -> tuple[int, ...]:
        """The track's value at the start and after each turn (the turn in progress included)."""
        start = self.turns[0].tracks_before[track] if self.turns else self.scenario.track_start[track]
        return (start, *(t.tracks_after[track] for t in self.turns))

    def turn(self, number: int) -> TurnStory | None:
        return next((t for t in self.turns if t.turn == number), None)


def records(s: State) -> list[tuple[int, tuple[Entry, ...], bool]]:
    """(turn, entries, complete) of every resolved turn, then the turn in progress if begun."""
    return [(turn, entries(lines), complete) for turn, lines, complete in _lines(s)]


def _lines(s: State) -> list[tuple[int, tuple[Line, ...], bool]]:
    """``records`` with the log's lines as the engine wrote them (the pass below unpacks them)."""
    out = [(record.turn, record.log, True) for record in s.history]
    if not s.terminal and s.journal:
        out.append((s.turn, s.journal, False))
    return out


def tell(s: State, moves: Sequence[Move] = ()) -> Story:
    """The facts of the game in ``s`` (whole or redacted), its reasons read from ``moves``."""
    sc = s.scenario
    exposures = exposures_of(s)
    lines = _lines(s)
    notes = {subject: str(value) for _, log, _ in lines for kind, subject, value, _ in log if kind == L_NOTE}
    by_turn = {(m.kind, m.turn): m for m in moves if m.kind in (ORDERS, ANSWERS)}
    turns = []
    before = tuple(sc.track_start)
    earlier: list[frozenset[int]] | None = [] if longest_wear(sc) else None
    for turn, log, complete in lines:
        record = s.history[turn - 1] if complete and turn - 1 < len(s.history) else None
        after = record.tracks if record is not None else tuple(s.tracks)
        given = record.orders if record else ()
        story = _turn(s, turn, log, complete, before, after, exposures, by_turn, given, earlier)
        turns.append(story)
        before = after
        if earlier is not None:
            earlier.append(frozenset([b.subject for b in story.beats if b.kind == L_ORDER]))
    return Story(sc, tuple(turns), exposures, notes, s.ending)


def tell_turn(s: State, moves: Sequence[Move], number: int) -> TurnStory | None:
    """The facts of one turn only (what a screen showing that turn needs)."""
    for turn, log, complete in _lines(s):
        if turn != number:
            continue
        sc = s.scenario
        record = s.history[turn - 1] if complete and turn - 1 < len(s.history) else None
        before = (
            s.history[turn - 2].tracks if turn >= 2 and turn - 2 < len(s.history) else tuple(sc.track_start)
        )
        after = record.tracks if record is not None else tuple(s.tracks)
        by_turn = {(m.kind, m.turn): m for m in moves if m.turn == turn and m.kind in (ORDERS, ANSWERS)}
        given = record.orders if record is not None else ()
        earlier = [ordered_in(r.log) for r in s.history[: turn - 1]] if longest_wear(sc) else None
        return _turn(s, turn, log, complete, before, after, exposures_of(s), by_turn, given, earlier)
    return None


def _turn(
    s: State,
    turn: int,
    log: tuple[Line, ...],
    complete: bool,
    before: tuple[int, ...],
    after: tuple[int, ...],
    exposures: Exposures,
    moves: dict[tuple[str, int], Move],
    given: tuple[tuple[int, ...], ...],
    earlier: list[frozenset[int]] | None,
) -> TurnStory:
    """One pass over a turn's lines; each cause's owner and beat key are worked out once.
    ``earlier``: the actions ordered in each earlier turn, for orders worn out (None: none can)."""
    sc = s.scenario
    order_move, answer_move = moves.get((ORDERS, turn)), moves.get((ANSWERS, turn))
    beats: list[list[Any]] = []  # beats being filled: [kind, subject, value, cause, owner, at, changes]
    by_cause: dict[Cause, list[Any]] = {}
    changes: list[Change] = []
    dice: dict[int, Dice] = {}
    skipped: dict[int, str] = {}
    answers: list[Answer] = []
    news = -1
    secretive = _secretive(s)
    known: dict[Cause, tuple[int, Cause, Cause, int | None]] = {}  # cause -> owner, key, origin, delayed
    for at, (kind, subject, value, cause) in enumerate(log):
        if kind == L_CHECK:
            dice[subject] = _dice(sc, subject, value)
            continue
        if kind == L_SCHEDULED:
            continue
        if kind == L_SKIPPED:
            skipped[subject] = str(value)
        elif kind == L_EVENT and not value and news < 0:
            news = subject
        elif kind == L_ANSWER:
            answers.append(_answer(subject, value, answer_move))
        seen = known.get(cause)
        if seen is None:
            seen = known[cause] = _cause_facts(s, cause, turn, exposures, secretive)
        owner = seen[0]
        if kind in CHANGE_KINDS:
            change = new_tuple(Change, (kind, subject, int(value), cause, seen[2], seen[3], owner, at))
            changes.append(change)
            if kind != L_AGREEMENT:
                found = by_cause.get(seen[1])
                if found is None:
                    found = by_cause[seen[1]] = [UPKEEP, None, None, cause, owner, at, []]
                    beats.append(found)
                found[6].append(change)
                continue
        if kind in BEAT_KINDS:
            opened = [kind, subject, value, cause, owner, at, []]
            beats.append(opened)
            for key in _keys(sc, kind, subject, value, seen[1]):
                by_cause.setdefault(key, opened)
    worn = _worn(sc, earlier, beats)
    orders = _orders(sc, given, order_move, (dice, skipped, worn), turn, exposures, s)
    closed = tuple([Beat(b[0], b[1], b[2], b[3], tuple(b[6]), b[4], b[5]) for b in beats])
    return TurnStory(turn, complete, news, orders, tuple(answers), closed, tuple(changes), before, after)


def _worn(
    sc: CompiledScenario, earlier: list[frozenset[int]] | None, beats: list[list[Any]]
) -> dict[int, int]:
    """The turn's worn-out orders: those that went ahead (an order beat) too many turns running."""
    ordered = frozenset([b[1] for b in beats if b[0] == L_ORDER]) if earlier is not None else ()
    return worn_orders(sc, earlier, ordered) if earlier is not None and ordered else {}


def _answer(term: int, value: tuple[int, int], move: Move | None) -> Answer:
    role, accepted = value
    why = move.answer_reasons.get(role, {}).get(term, "") if move else ""
    return Answer(role, term, bool(accepted), why)


def _cause_facts(
    s: State, cause: Cause, turn: int, exposures: Exposures, secretive: bool
) -> tuple[int, Cause, Cause, int | None]:
    """(secret owner then, the beat key, the origin of a delayed cause, the turn it was set up)."""
    owner = secret_owner_then(s, cause, turn, exposures) if secretive else -1
    origin, delayed_from = cause, None
    while origin and origin[0] == C_DELAYED:
        delayed_from = origin[2] if delayed_from is None else delayed_from
        origin = origin[1]
    return owner, _key(cause), origin, delayed_from


_BY_ORDER = (C_ACTION, C_BEAT)  # causes whose parts (a check's outcomes) belong to one beat


def _key(cause: Cause) -> Cause:
    """Causes that belong to one beat share a key: an order's base effects and its check's
    outcome are the same order (a beat's likewise); everything else is its own cause."""
    if cause and cause[0] in _BY_ORDER:
        return (cause[0], cause[1], PART_BASE)
    return cause


def _keys(sc: CompiledScenario, kind: str, subject: Any, value: Any, key: Cause) -> tuple[Cause, ...]:
    """The causes whose changes a beat collects: its own (``key``), and for a breach or a refusal
    the term's price of it (logged under the term, after the entry that says what happened)."""
    if kind == L_AGREEMENT and value == AG_BREACHED:
        return (sc.terms[subject].causes[TERM_BREACH],)
    if kind == L_ANSWER and not value[1]:
        return (key, sc.terms[subject].causes[TERM_REJECT])
    return (key,)


def _secretive(s: State) -> bool:
    """Can any cause of this game have been secret? Not without a covert order or posture."""
    secrets = s.scenario.secrets
    return secrets.covert_postures or any(s.used[a] for a in secrets.covert_actions)


def _dice(sc: CompiledScenario, action: int, roll: Any) -> Dice:
    check = sc.actions[action].check
    target = check.target if check else 0
    partial = check.partial_from if check else target
    return Dice(roll.d1, roll.d2, roll.modifier, roll.total, target, partial, roll.part, bool(roll.physical))


def _orders(
    sc: CompiledScenario,
    given: tuple[tuple[int, ...], ...],
    move: Move | None,
    found: tuple[dict[int, Dice], dict[int, str], dict[int, int]],
    turn: int,
    exposures: Exposures,
    s: State,
) -> tuple[Order, ...]:
    """The turn's orders with what the pass found of each: dice, a skip, wearing out."""
    dice, skipped, worn = found
    out = []
    for role, actions in enumerate(given):
        for action in actions:
            compiled = sc.actions[action]
            cause = compiled.causes[PART_BASE]
            out.append(
                Order(
                    role,
                    action,
                    move.reason_for(role, action) if move is not None else "",
                    compiled.covert,
                    secret_owner_then(s, cause, turn, exposures),
                    exposures.after(action, turn) if compiled.covert else None,
                    dice.get(action),
                    skipped.get(action, ""),
                    worn.get(action, 0),
                )
            )
    return tuple(out)


def answered_by(cause: Cause) -> int:
    """The role whose own answer a cause is, or -1."""
    return cause[1] if cause and cause[0] == C_ROLE else -1
