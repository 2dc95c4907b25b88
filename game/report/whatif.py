"""What if: from one turn of a recorded game, change one role's orders and play the rest again.

Same seed, same facilitator decisions at the same turns, the other roles' orders of that turn as
recorded (they were given at the same time). After it, while the game is still identical to the
original, everything is as recorded; once the two games have parted, a role played by a computer
decides afresh (its own seeded player, as in the original session), and a team's recorded orders
stand where still legal. A team with nothing recorded (the counterfactual outlasting the
original) is played by a computer stand-in, and the comparison says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from game.engine import State, check_orders, legal_action_indexes, result
from game.engine.log import L_TRACK, Entry
from game.engine.move import ORDERS, Move
from game.i18n import text, tr
from game.report.model import Comparison, Parting, Side
from game.report.replay import Tally, replay
from game.report.timeline import series, track_move, turn_report
from game.report.whatif_play import Change, Counterfactual, Faithful
from game.scenario.runtime import CompiledScenario
from game.story.facts import tell
from game.story.headlines import headline
from game.story.words import action_name, cause_label, facilitator_notes, role_name


class WhatIfError(ValueError):
    """A change that cannot be made; the message says what would work instead."""


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
