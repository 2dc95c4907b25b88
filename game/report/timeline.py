"""The report's decision timeline: each turn's facts (``game.story``) put into words."""

from __future__ import annotations

from game.engine.log import (
    L_CHECK,
    L_EVENT,
    L_EXPOSED,
    L_FLAG,
    L_NOTE,
    L_ORDER,
    L_POSTURE,
    L_SKIPPED,
    L_TRACK,
    Entry,
)
from game.i18n import text, tr
from game.report.model import Decision, Happening, OrderLine, Roll, Series, TrackMove, TurnReport
from game.scenario.runtime import C_FACILITATOR, OUTCOME_NAMES, CompiledScenario
from game.story.facts import UPKEEP, Beat, Change, Order, Story, TurnStory
from game.story.fatigue import worn_line
from game.story.headlines import headline_of
from game.story.words import action_name, reason_alone, role_name

# Beats that are not lines of the timeline's "what happened": they have lines of their own
# (the news, the orders, the facilitator's decisions) or are running effects.
_NOT_HAPPENINGS = frozenset({L_EVENT, L_ORDER, L_NOTE, L_SKIPPED, L_CHECK, UPKEEP})


def track_move(sc: CompiledScenario, track: int, delta: int) -> TrackMove:
    model = sc.model.tracks[track]
    return TrackMove(text(model.name), delta, model.good)


def turn_report(story: Story, turn: TurnStory) -> TurnReport:
    sc = story.scenario
    m = sc.model
    news, news_risks = "", ()
    if turn.news >= 0:
        news, news_risks = text(m.events[turn.news].headline), sc.risks_of(sc.events[turn.news].cause)
    after = turn.tracks_after
    net = tuple(
        track_move(sc, i, after[i] - turn.tracks_before[i])
        for i in range(len(after))
        if after[i] != turn.tracks_before[i]
    )
    return TurnReport(
        turn.turn,
        news,
        news_risks,
        tuple(decisions(story, turn)),
        tuple(order_line(story, order) for order in turn.orders),
        tuple(happenings(story, turn)),
        net,
        tuple(after),
        turn.complete,
    )


def order_line(story: Story, order: Order) -> OrderLine:
    sc = story.scenario
    roll = None
    if order.dice is not None:
        dice = order.dice
        check = sc.model.actions[order.action].check
        outcome = {1: check.success, 2: check.partial, 3: check.failure}.get(dice.part) if check else None
        roll = Roll(
            dice.d1,
            dice.d2,
            dice.modifier,
            dice.total,
            OUTCOME_NAMES[dice.part],
            text(outcome.text) if outcome else "",
            dice.physical,
        )
    skipped = ""
    if order.skipped:
        words = headline_of(sc, Entry(L_SKIPPED, order.action, order.skipped, ()))
        skipped = words.text if words else order.skipped
    name = action_name(sc, order.action)
    return OrderLine(
        role_name(sc, order.role),
        name,
        order.covert,
        order.exposed_on,
        reason_alone(sc, order.action, order.reason),
        roll,
        skipped,
        worn_line(sc, order.action, order.worn),
    )


def decisions(story: Story, turn: TurnStory) -> list[Decision]:
    """The facilitator's decisions of the turn: injects and adjudications, with the reasons."""
    sc = story.scenario
    out = []
    beats = turn.beats
    for position, beat in enumerate(beats):
        if beat.kind != L_NOTE:
            continue
        following = beats[position + 1] if position + 1 < len(beats) else None
        if following is not None and following.kind == L_EVENT and following.value:
            moves = _moves(sc, following.changes)
            event = text(sc.model.events[following.subject].headline)
            out.append(Decision("inject", str(beat.value), event, moves))
        else:
            out.append(Decision("adjust", str(beat.value), "", _moves(sc, beat.changes)))
    return out


def _moves(sc: CompiledScenario, changes: tuple[Change, ...]) -> tuple[TrackMove, ...]:
    return tuple(track_move(sc, c.subject, c.value) for c in changes if c.kind == L_TRACK)


def happenings(story: Story, turn: TurnStory) -> list[Happening]:
    """The lines of 'what happened', in the order they happened: consequences, answers,
    exposures, agreements, postures and private flags set, the ending."""
    sc = story.scenario
    lines: list[tuple[int, Happening]] = []
    answers = {(a.role, a.term): a.reason for a in turn.answers}
    for beat in turn.beats:
        for change in beat.changes:
            if change.kind in (L_POSTURE, L_FLAG):
                lines.append((change.at, _change_line(sc, change)))
        if beat.kind in _NOT_HAPPENINGS:
            continue
        item = headline_of(sc, _entry(beat))
        if item is None or not item.text:
            continue
        reason = answers.get((beat.value[0], beat.subject), "") if beat.kind == "answer" else ""
        secret = beat.secret_owner >= 0
        lines.append((beat.at, Happening(beat.kind, item.text, item.risks, item.major, secret, reason)))
    lines.sort(key=lambda pair: pair[0])
    return [line for _, line in lines]


def _change_line(sc: CompiledScenario, change: Change) -> Happening:
    m = sc.model
    if change.kind == L_POSTURE:
        posture = m.postures[change.subject]
        words = tr(
            "report.posture_set", posture=text(posture.name), option=text(posture.options[change.value].name)
        )
        private = sc.postures[change.subject].options[change.value].covert
        return Happening(L_POSTURE, words, sc.risks_of(change.cause), True, private)
    key = "report.flag_set" if change.value else "report.flag_cleared"
    words = tr(key, flag=text(m.flags[change.subject].name))
    secret = change.subject in sc.secrets.private_flags or change.secret_owner >= 0
    return Happening(L_FLAG, words, sc.risks_of(change.cause), False, secret)


def _entry(beat: Beat) -> Entry:
    return Entry(beat.kind, beat.subject, beat.value, beat.cause)


def series(story: Story, hidden_current: bool = False) -> tuple[Series, ...]:
    """Every track over the game, with the turns on which the facilitator moved it."""
    sc = story.scenario
    adjusted: dict[int, set[int]] = {}
    for turn in story.turns:
        for change in turn.changes:
            if change.kind == L_TRACK and change.cause and change.cause[0] == C_FACILITATOR:
                adjusted.setdefault(change.subject, set()).add(turn.turn)
    return tuple(
        Series(
            track.id,
            text(track.name),
            track.good,
            story.series(i),
            track.hidden,
            tuple(sorted(adjusted.get(i, ()))),
        )
        for i, track in enumerate(sc.model.tracks)
    )


def exposure_count(turns: tuple[TurnReport, ...]) -> int:
    return sum(1 for turn in turns for item in turn.happenings if item.kind == L_EXPOSED)
