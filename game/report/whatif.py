"""What if: from one turn of a recorded game, change one role's orders and play the rest again.

Same seed, same facilitator decisions at the same turns, the other roles' orders of that turn as
recorded (they were given at the same time). After it, while the game is still identical to the
original, everything is as recorded; once the two games have parted, a role played by a computer
decides afresh (its own seeded player, as in the original session), and a team's recorded orders
stand where still legal. A team with nothing recorded (the counterfactual outlasting the
original) is played by a computer stand-in, and the comparison says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from game.ai import Controller, make_controller
from game.engine import PHASE_ORDERS, State, check_orders, legal_action_indexes, result
from game.engine.log import L_TRACK, Entry
from game.engine.move import ORDERS, Move
from game.i18n import text, tr
from game.report.model import Series, TurnReport
from game.report.replay import (
    Answers,
    Dice,
    Orders,
    StandIns,
    Tally,
    keep_legal,
    merge_answers,
    recorded_dice,
    replay,
    view_for,
)
from game.report.timeline import series, track_move, turn_report
from game.scenario.runtime import CompiledScenario
from game.story.facts import tell
from game.story.words import action_name, cause_label, facilitator_notes, headline, role_name

STAND_IN_LEVEL = "normal"


class WhatIfError(ValueError):
    """A change that cannot be made; the message says what would work instead."""


@dataclass(frozen=True, slots=True)
class Change:
    turn: int
    role: int
    orders: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Parting:
    """One way the two games differ, from the turn it first shows."""

    turn: int
    what: str  # what differs, in words
    original: str
    whatif: str


@dataclass(frozen=True, slots=True)
class Side:
    """One of the two games, from the changed turn on."""

    ending: str
    finished: bool
    turns: int
    scores: tuple[tuple[str, int, int, bool], ...]  # (role, score, threshold, cleared)
    timeline: tuple[TurnReport, ...]
    series: tuple[Series, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    turn: int
    role: str
    before: tuple[str, ...]  # the role's recorded orders on that turn
    after: tuple[str, ...]  # the changed orders
    original: Side
    whatif: Side
    partings: tuple[Parting, ...]
    gaps: tuple[tuple[str, int, int, str], ...]  # (track, original end, what-if end, good), largest first
    dropped_orders: int
    stand_in: int  # decisions (a role's orders or answers) a computer stand-in made for a team
    recomputed: tuple[str, ...]  # computer-played roles that decided afresh after the games parted

    @property
    def diverged(self) -> bool:
        return bool(self.partings)


# ----------------------------------------------------------------------------- parsing


def parse_change(scenario: CompiledScenario, spec: str) -> tuple[int, int, tuple[str, ...]]:
    """``TURN:ROLE=ACTION,ACTION`` (no actions: the role passes) into turn, role and action ids."""
    where, eq, actions = spec.partition("=")
    turn_text, colon, role_id = where.partition(":")
    if not eq or not colon:
        raise WhatIfError(tr("report.whatif.syntax", spec=spec))
    try:
        turn = int(turn_text.strip())
    except ValueError:
        raise WhatIfError(tr("report.whatif.syntax", spec=spec)) from None
    role_id = role_id.strip().lower()
    if role_id not in scenario.role_index:
        raise WhatIfError(tr("report.whatif.role", role=role_id, roles=", ".join(scenario.role_ids)))
    ids = tuple(a.strip() for a in actions.split(",") if a.strip())
    return turn, scenario.role_index[role_id], ids


def resolve_change(session: Any, turn: int, role: int, action_ids: Sequence[str]) -> Change:
    """Check the change against the game: the turn was played, the orders were legal then."""
    sc: CompiledScenario = session.scenario
    played = len(session.state.history)
    if not 1 <= turn <= played:
        raise WhatIfError(tr("report.whatif.turn", turn=turn, played=played))
    before = state_before_orders(session, turn)
    legal = legal_action_indexes(before, role)
    listing = ", ".join(sc.actions[a].id for a in legal)
    orders = []
    for action_id in action_ids:
        index = sc.action_index.get(action_id)
        if index is None or sc.actions[index].role != role:
            raise WhatIfError(
                tr(
                    "report.whatif.action",
                    action=action_id,
                    role=sc.role_ids[role],
                    turn=turn,
                    legal=listing,
                )
            )
        orders.append(index)
    reason = check_orders(before, role, tuple(orders))
    if reason:
        raise WhatIfError(tr("report.whatif.illegal", reason=reason, turn=turn, legal=listing))
    recorded = session.state.history[turn - 1].orders[role]
    if tuple(orders) == tuple(recorded):
        raise WhatIfError(tr("report.whatif.same", turn=turn))
    return Change(turn, role, tuple(orders))


def state_before_orders(session: Any, turn: int) -> State:
    """The state of the original game when the orders of ``turn`` were about to be resolved."""
    sc = session.scenario
    steps = tuple(session.moves)
    seen: dict[int, State] = {}
    policy = Faithful(seen)
    replay(sc, session.seed, steps, policy, Tally(), max_turns=turn)
    return seen[turn]


# ----------------------------------------------------------------------------- policies


class Faithful:
    """Everything as recorded (the original game again); notes each state before its orders."""

    def __init__(
        self, seen: dict[int, State], fingerprints: dict[tuple[int, str], Any] | None = None
    ) -> None:
        self.seen = seen
        self.fingerprints = fingerprints

    def orders(self, s: State, recorded: Orders | None, tally: Tally) -> list[tuple[int, ...]]:
        self.seen[s.turn] = s
        if self.fingerprints is not None:
            self.fingerprints[(s.turn, PHASE_ORDERS)] = s.fingerprint()
        return [tuple(o) for o in recorded] if recorded is not None else [() for _ in s.scenario.roles]

    def answers(self, s: State, recorded: Mapping[int, Mapping[int, bool]] | None, tally: Tally) -> Answers:
        if self.fingerprints is not None:
            self.fingerprints[(s.turn, "answers")] = s.fingerprint()
        return merge_answers(s, recorded, lambda _s, _r: {}, tally)

    def dice(
        self,
        s: State,
        orders: Sequence[tuple[int, ...]],
        recorded: Mapping[tuple[int, int], tuple[int, int]],
    ) -> Dice:
        return recorded_dice(orders, recorded)


class Counterfactual:
    """The change at its turn; the record while identical; computer roles re-decide after."""

    def __init__(self, session: Any, change: Change, original: dict[tuple[int, str], Any]) -> None:
        self.session = session
        self.change = change
        self.original = original
        sc = session.scenario
        self.seats = list(session.seats)
        self.players: dict[int, Controller] = {}
        self.stand_ins = StandIns(sc, session.seed, STAND_IN_LEVEL)
        self.recomputed: set[int] = set()
        self.recorded_reasons = {m.turn: dict(m.order_reasons) for m in session.moves if m.kind == ORDERS}
        # turn -> role -> the computer players' reasons, as moves hold them
        self.reasons: dict[int, dict[int, tuple[str, ...]]] = {}

    def computer(self, role: int) -> Controller | None:
        seat = self.seats[role] if role < len(self.seats) else None
        if seat is None or seat.human:
            return None
        found = self.players.get(role)
        if found is None:
            sc = self.session.scenario
            found = self.players[role] = make_controller(
                seat.kind, self.session.seed * 31 + role, sc, role, persona=seat.persona
            )
        return found

    def same_as_original(self, s: State, phase: str) -> bool:
        return self.original.get((s.turn, phase)) == s.fingerprint()

    def orders(self, s: State, recorded: Orders | None, tally: Tally) -> list[tuple[int, ...]]:
        n = len(s.scenario.roles)
        change = self.change
        if recorded is not None and (
            s.turn < change.turn or (s.turn > change.turn and self.same_as_original(s, PHASE_ORDERS))
        ):
            self.reasons[s.turn] = self.recorded_reasons.get(s.turn, {})
            return [tuple(o) for o in recorded]
        if s.turn == change.turn and recorded is not None:
            out = [tuple(o) for o in recorded]
            out[change.role] = change.orders
            kept = dict(self.recorded_reasons.get(s.turn, {}))
            kept.pop(change.role, None)
            self.reasons[s.turn] = kept
            return out
        out = []
        reasons: dict[int, tuple[str, ...]] = {}
        self.reasons[s.turn] = reasons
        for role in range(n):
            player = self.computer(role)
            if player is not None:
                self.recomputed.add(role)
                decided = player.orders(view_for(s, role, player), role)
                out.append(tuple(decided.actions))
                reasons[role] = tuple(decided.reasons)
            elif recorded is not None:
                kept, dropped = keep_legal(s, role, recorded[role])
                tally.dropped_orders += dropped
                tally.given += len(recorded[role])
                out.append(kept)
            else:
                tally.stand_in += 1
                out.append(self.stand_ins.orders(s, role))
        return out

    def answers(self, s: State, recorded: Mapping[int, Mapping[int, bool]] | None, tally: Tally) -> Answers:
        if s.turn <= self.change.turn or self.same_as_original(s, "answers"):
            return merge_answers(s, recorded, self.stand_ins.answer, tally)

        def decide(state: State, role: int) -> dict[int, bool]:
            player = self.computer(role)
            if player is not None:
                self.recomputed.add(role)
                return dict(player.answer(view_for(state, role, player), role).accepted)
            return self.stand_ins.answer(state, role)

        recorded = {r: a for r, a in (recorded or {}).items() if self.computer(r) is None}
        return merge_answers(s, recorded, decide, tally, lambda role: self.computer(role) is None)

    def dice(
        self,
        s: State,
        orders: Sequence[tuple[int, ...]],
        recorded: Mapping[tuple[int, int], tuple[int, int]],
    ) -> Dice:
        return recorded_dice(orders, recorded)


# ----------------------------------------------------------------------------- comparing


def compare(session: Any, change: Change) -> Comparison:
    """Play the changed game and lay the two side by side."""
    sc: CompiledScenario = session.scenario
    steps = tuple(session.moves)
    original_state: State = session.state
    fingerprints: dict[tuple[int, str], Any] = {}
    max_turns = None if original_state.terminal else len(original_state.history)
    check = replay(sc, session.seed, steps, Faithful({}, fingerprints), Tally(), max_turns=max_turns)
    if check.fingerprint() != original_state.fingerprint() and original_state.terminal:
        raise WhatIfError(tr("report.whatif.no_replay"))
    policy = Counterfactual(session, change, fingerprints)
    tally = Tally()
    other = replay(sc, session.seed, steps, policy, tally, max_turns=max_turns)
    before = tuple(action_name(sc, a) for a in original_state.history[change.turn - 1].orders[change.role])
    after = tuple(action_name(sc, a) for a in change.orders)
    return Comparison(
        change.turn,
        role_name(sc, change.role, short=False),
        before,
        after,
        side(original_state, session.moves, change.turn),
        side(
            other,
            [
                Move(ORDERS, t, orders=other.history[t - 1].orders, order_reasons=r)
                for t, r in policy.reasons.items()
                if t - 1 < len(other.history)
            ],
            change.turn,
        ),
        partings(original_state, other, change.turn),
        gaps(original_state, other),
        tally.dropped_orders,
        tally.stand_in,
        tuple(role_name(sc, r) for r in sorted(policy.recomputed)),
    )


def side(s: State, moves: Sequence[Move], start: int) -> Side:
    sc = s.scenario
    story = tell(s, moves)
    scored = result(s)
    timeline = tuple(turn_report(story, turn) for turn in story.turns if turn.complete and turn.turn >= start)
    ending = text(sc.model.endings[s.ending].name) if s.ending >= 0 else tr("report.in_progress")
    return Side(
        ending,
        s.terminal,
        len(s.history),
        tuple(
            (role_name(sc, r), sc_.score, sc_.threshold, sc_.cleared) for r, sc_ in enumerate(scored.scores)
        ),
        timeline,
        series(story),
    )


def describe(s: State, entry: Entry | None) -> str:
    if entry is None:
        return tr("report.whatif.nothing")
    kind, subject, value, cause = entry
    if kind == L_TRACK:
        move = track_move(s.scenario, subject, value)
        return tr(
            "report.whatif.track_entry",
            track=move.track,
            delta=f"{value:+d}",
            cause=cause_label(s.scenario, cause, facilitator_notes(s)),
        )
    item = headline(s, entry)
    if item is not None and item.text:
        return item.text
    return cause_label(s.scenario, cause, facilitator_notes(s))


def partings(a: State, b: State, start: int) -> tuple[Parting, ...]:
    """Where the games part: the first different log line, then news, others' orders, the end."""
    sc = a.scenario
    out: list[Parting] = []
    turns = max(len(a.history), len(b.history))
    first_entry = None
    news_turn = None
    others_turn = None
    for index in range(turns):
        ra = a.history[index] if index < len(a.history) else None
        rb = b.history[index] if index < len(b.history) else None
        if ra is None or rb is None:
            if first_entry is None:
                turn = (ra or rb).turn  # type: ignore[union-attr]
                first_entry = Parting(
                    turn,
                    tr("report.whatif.part.length"),
                    describe(a, None) if ra is None else tr("report.whatif.played"),
                    describe(b, None) if rb is None else tr("report.whatif.played"),
                )
            break
        if first_entry is None and ra.entries != rb.entries:
            ea, eb = ra.entries, rb.entries
            at = next((i for i in range(min(len(ea), len(eb))) if ea[i] != eb[i]), min(len(ea), len(eb)))
            first_entry = Parting(
                ra.turn,
                tr("report.whatif.part.first"),
                describe(a, ea[at] if at < len(ea) else None),
                describe(b, eb[at] if at < len(eb) else None),
            )
        if news_turn is None and ra.news != rb.news:
            news_turn = Parting(
                ra.turn,
                tr("report.whatif.part.news"),
                text(sc.model.events[ra.news].headline) if ra.news >= 0 else tr("report.whatif.nothing"),
                text(sc.model.events[rb.news].headline) if rb.news >= 0 else tr("report.whatif.nothing"),
            )
        if others_turn is None and ra.turn > start and ra.orders != rb.orders:
            role = next(r for r in range(len(ra.orders)) if ra.orders[r] != rb.orders[r])
            others_turn = Parting(
                ra.turn,
                tr("report.whatif.part.orders", role=role_name(sc, role)),
                ", ".join(action_name(sc, x) for x in ra.orders[role]) or tr("report.pass"),
                ", ".join(action_name(sc, x) for x in rb.orders[role]) or tr("report.pass"),
            )
    for item in (first_entry, news_turn, others_turn):
        if item is not None:
            out.append(item)
    out.sort(key=lambda p: p.turn)
    if out and (a.ending, len(a.history)) != (b.ending, len(b.history)):
        out.append(
            Parting(
                min(len(a.history), len(b.history)),
                tr("report.whatif.part.ending"),
                ending_words(a),
                ending_words(b),
            )
        )
    return tuple(out)


def ending_words(s: State) -> str:
    if s.ending < 0:
        return tr("report.in_progress")
    return tr(
        "report.ending_line",
        ending=text(s.scenario.model.endings[s.ending].name),
        turn=len(s.history),
    )


def gaps(a: State, b: State) -> tuple[tuple[str, int, int, str], ...]:
    sc = a.scenario
    rows = [
        (text(t.name), a.tracks[i], b.tracks[i], t.good)
        for i, t in enumerate(sc.model.tracks)
        if a.tracks[i] != b.tracks[i]
    ]
    rows.sort(key=lambda row: (-abs(row[2] - row[1]), row[0]))
    return tuple(rows)


def what_if(session: Any, spec: str) -> Comparison:
    """Parse ``TURN:ROLE=ACTION,...``, check it, play it: the comparison for the report."""
    turn, role, ids = parse_change(session.scenario, spec)
    return compare(session, resolve_change(session, turn, role, ids))


__all__ = [
    "Change",
    "Comparison",
    "Parting",
    "Side",
    "WhatIfError",
    "compare",
    "parse_change",
    "resolve_change",
    "what_if",
]
