"""Building the after-action report from a session: a pure function of the game's record.

The report is the facilitator's document after the game, so it reads the unredacted state
and shows everything, including covert programmes, and marks what stayed secret during play.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from game.engine import new_game, result, role_score
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
from game.engine.state import State
from game.i18n import text, tr
from game.report.chains import records, risk_reports, track_move
from game.report.model import (
    Contributor,
    Decision,
    Finding,
    Happening,
    ObjectiveLine,
    OrderLine,
    Question,
    Report,
    RoleReport,
    Roll,
    Secret,
    Series,
    TrackMove,
    TurnReport,
)
from game.report.sentences import level_name
from game.scenario.runtime import (
    C_ACTION,
    C_DELAYED,
    C_FACILITATOR,
    C_PROGRAMME,
    OUTCOME_NAMES,
    PROG_ONGOING,
    CompiledScenario,
)
from game.session.moves import ANSWERS, ORDERS
from game.story.words import action_name, cause_label, facilitator_notes, headline, role_name

MAX_BECAUSE = 3
Move = Mapping[str, Any]


def seat_label(seat: Any, personas: Sequence[Any] = ()) -> str:
    """Who played a role: a team at the table, or a computer player of some level (and the
    persona it played, by its name in the scenario when ``personas`` has it)."""
    if getattr(seat, "human", False):
        return tr("report.seat.team")
    kind = level_name(str(getattr(seat, "kind", seat)))
    persona = getattr(seat, "persona", None)
    if persona:
        named = next((text(p.name) for p in personas if p.id == persona), persona)
        return tr("report.seat.computer_persona", level=kind, persona=named)
    return tr("report.seat.computer", level=kind)


def build_report(session: Any) -> Report:
    """The report of a session (finished or not); ``typical`` and ``whatif`` are attached later."""
    s: State = session.state
    sc = s.scenario
    m = sc.model
    notes = facilitator_notes(s)
    exposures = exposure_turns(s)
    finished = s.terminal
    timeline = tuple(
        turn_report(s, turn, entries, session.moves, exposures, notes, complete=finished or turn < s.turn)
        for turn, entries in records(s)
    )
    risks = risk_reports(s, notes)
    materialized = {r.id for r in risks if r.materialized}
    counts = count_things(s, timeline)
    ending = m.endings[s.ending] if s.ending >= 0 else None
    return Report(
        title=tr("report.title"),
        scenario_id=sc.id,
        scenario_title=text(m.title),
        session_name=str(getattr(session, "name", "") or ""),
        seed=session.seed,
        turns_played=len(s.history),
        turn_limit=m.turns,
        finished=finished,
        ending=text(ending.name) if ending else tr("report.in_progress"),
        ending_narrative=text(ending.narrative) if ending else "",
        common_ground=result(s).common_ground,
        roles=role_reports(session, s),
        strengths=findings(s, notes, better=True),
        improvements=findings(s, notes, better=False),
        timeline=timeline,
        series=series(s),
        risks=risks,
        questions=questions(sc, materialized),
        secrets=secrets(s, exposures),
        counts=counts,
        ending_names=tuple(text(e.name) for e in m.endings),
        ending_ids=tuple(e.id for e in m.endings),
        this_ending=s.ending,
    )


# ----------------------------------------------------------------------------- roles


def role_reports(session: Any, s: State) -> tuple[RoleReport, ...]:
    sc = s.scenario
    start = start_state(sc, session.seed)
    scored = result(s)
    out = []
    for r, score in enumerate(scored.scores):
        model = sc.model.roles[r]
        before = role_score(start, r).objectives
        objectives = tuple(
            ObjectiveLine(text(o.text), o.weight, b, e)
            for o, b, e in zip(model.objectives, before, score.objectives, strict=True)
        )
        seat = session.seats[r] if r < len(session.seats) else None
        out.append(
            RoleReport(
                model.id,
                role_name(sc, r, short=False),
                seat_label(seat, model.personas) if seat is not None else "",
                score.score,
                score.threshold,
                score.cleared,
                objectives,
                s.capital[r],
                s.standing[r],
            )
        )
    return tuple(out)


def start_state(sc: CompiledScenario, seed: int) -> State:
    """The game before its first news: the baseline objectives are measured against."""
    s = new_game(sc, seed).clone()
    s.tracks = list(sc.track_start)
    s.flags = [int(f) for f in sc.flag_start]
    return s


# ----------------------------------------------------------------------------- the timeline


def exposure_turns(s: State) -> dict[int, list[int]]:
    """Covert action -> the turns it was exposed on."""
    out: dict[int, list[int]] = {}
    for turn, entries in records(s):
        for kind, subject, _, _ in entries:
            if kind == L_EXPOSED:
                out.setdefault(subject, []).append(turn)
    return out


def exposed_after(exposures: dict[int, list[int]], action: int, turn: int) -> int | None:
    """When a covert order given on ``turn`` came to light (an earlier exposure counts)."""
    found = exposures.get(action, [])
    earlier = [t for t in found if t < turn]
    if earlier:
        return earlier[0]
    later = [t for t in found if t >= turn]
    return later[0] if later else None


def move_of(moves: Sequence[Move], kind: str, turn: int) -> Move | None:
    for move in moves:
        if move.get("type") == kind and move.get("turn") == turn:
            return move
    return None


def was_secret(s: State, cause: tuple[Any, ...], turn: int, exposures: dict[int, list[int]]) -> bool:
    """Was this cause hidden from the other teams on that turn (a covert order not yet exposed)?"""
    while cause and cause[0] == C_DELAYED:
        cause = cause[1]
    if not cause:
        return False
    if cause[0] == C_ACTION or (cause[0] == C_PROGRAMME and cause[2] == PROG_ONGOING):
        action = s.scenario.actions[cause[1]]
        if action.covert:
            exposed = exposed_after(exposures, action.index, turn)
            return exposed is None or exposed > turn
    return False


def turn_report(
    s: State,
    turn: int,
    entries: tuple[Entry, ...],
    moves: Sequence[Move],
    exposures: dict[int, list[int]],
    notes: dict[int, str],
    complete: bool,
) -> TurnReport:
    sc = s.scenario
    m = sc.model
    record = s.history[turn - 1] if complete and turn - 1 < len(s.history) else None
    orders_given = record.orders if record is not None else ()
    order_move = move_of(moves, ORDERS, turn)
    answer_move = move_of(moves, ANSWERS, turn)
    reasons: dict[str, list[str]] = dict(order_move.get("reasons", {})) if order_move else {}
    answer_reasons: dict[str, dict[str, str]] = dict(answer_move.get("reasons", {})) if answer_move else {}

    rolls: dict[int, Roll] = {}
    skipped: dict[int, str] = {}
    decisions: list[Decision] = []
    happenings: list[Happening] = []
    news, news_risks = "", ()
    for position, entry in enumerate(entries):
        kind, subject, value, cause = entry
        if kind == L_CHECK:
            d1, d2, modifier, total, part = value[:5]
            physical = bool(value[5]) if len(value) > 5 else False
            check = m.actions[subject].check
            outcome = {1: check.success, 2: check.partial, 3: check.failure}.get(part) if check else None
            rolls[subject] = Roll(
                d1,
                d2,
                modifier,
                total,
                OUTCOME_NAMES[part],
                text(outcome.text) if outcome else "",
                physical,
            )
        elif kind == L_SKIPPED:
            item = headline(s, entry)
            skipped[subject] = item.text if item else str(value)
        elif kind == L_NOTE:
            decisions.append(decision(s, entries, position, notes))
        elif kind == L_EVENT and not value:
            news, news_risks = text(m.events[subject].headline), sc.risks_of(cause)
        elif kind in (L_EVENT, L_ORDER, L_TRACK):
            continue
        elif kind == L_POSTURE:
            posture = m.postures[subject]
            words = tr(
                "report.posture_set",
                posture=text(posture.name),
                option=text(posture.options[value].name),
            )
            happenings.append(
                Happening(kind, words, sc.risks_of(cause), True, private_change(s, kind, subject, value))
            )
        elif kind == L_FLAG:
            key = "report.flag_set" if value else "report.flag_cleared"
            words = tr(key, flag=text(m.flags[subject].name))
            secret = private_change(s, kind, subject, value) or was_secret(s, cause, turn, exposures)
            happenings.append(Happening(kind, words, sc.risks_of(cause), False, secret))
        else:
            item = headline(s, entry)
            if item is None or not item.text:
                continue
            reason = ""
            if kind == "answer":
                role, _ = value
                reason = answer_reasons.get(sc.role_ids[role], {}).get(sc.terms[subject].id, "")
            secret = was_secret(s, cause, turn, exposures)
            happenings.append(Happening(kind, item.text, item.risks, item.major, secret, reason))
    orders: list[OrderLine] = []
    for role, given in enumerate(orders_given):
        why = reasons.get(sc.role_ids[role], [])
        for slot, action in enumerate(given):
            compiled = sc.actions[action]
            orders.append(
                OrderLine(
                    role_name(sc, role),
                    action_name(sc, action),
                    compiled.covert,
                    exposed_after(exposures, action, turn) if compiled.covert else None,
                    own_words(why[slot] if slot < len(why) else "", action_name(sc, action)),
                    rolls.get(action),
                    skipped.get(action, ""),
                )
            )
    before = s.history[turn - 2].tracks if turn >= 2 and turn - 2 < len(s.history) else sc.track_start
    after = record.tracks if record is not None else tuple(s.tracks)
    net = tuple(track_move(sc, i, after[i] - before[i]) for i in range(len(after)) if after[i] != before[i])
    return TurnReport(
        turn,
        news,
        news_risks,
        tuple(decisions),
        tuple(orders),
        tuple(happenings),
        net,
        tuple(after),
        complete,
    )


def own_words(reason: str, action: str) -> str:
    """A computer's reason without the order's name in front (the report shows it beside it)."""
    prefix = f"{action}: "
    return reason[len(prefix) :] if reason.startswith(prefix) else reason


def private_change(s: State, kind: str, subject: int, value: Any) -> bool:
    """A private flag, or a covert posture option: known only to its owner during play."""
    sc = s.scenario
    if kind == L_FLAG:
        return subject in sc.secrets.private_flags
    if kind == L_POSTURE:
        return sc.postures[subject].options[value].covert
    return False


def decision(s: State, entries: tuple[Entry, ...], position: int, notes: dict[int, str]) -> Decision:
    """The facilitator decision logged at ``position``: an inject or an adjustment of tracks."""
    sc = s.scenario
    _, number, reason, cause = entries[position]
    following = entries[position + 1] if position + 1 < len(entries) else None
    if following is not None and following[0] == L_EVENT and following[2]:
        event = following[1]
        effect_cause = sc.events[event].cause
        moves = tuple(
            track_move(sc, t, d)
            for kind, t, d, c in entries[position + 2 :]
            if kind == L_TRACK and c == effect_cause
        )
        return Decision("inject", str(reason), text(sc.model.events[event].headline), moves)
    moves = tuple(
        track_move(sc, t, d) for kind, t, d, c in entries if kind == L_TRACK and c == (C_FACILITATOR, number)
    )
    return Decision("adjust", str(reason), "", moves)


# ----------------------------------------------------------------------------- tracks


def series(s: State) -> tuple[Series, ...]:
    sc = s.scenario
    adjusted: dict[int, set[int]] = {}
    for turn, entries in records(s):
        for kind, subject, _, cause in entries:
            if kind == L_TRACK and cause and cause[0] == C_FACILITATOR:
                adjusted.setdefault(subject, set()).add(turn)
    out = []
    for i, track in enumerate(sc.model.tracks):
        values = [sc.track_start[i]] + [record.tracks[i] for record in s.history]
        if not s.terminal and s.current:
            values.append(s.tracks[i])
        out.append(
            Series(
                track.id,
                text(track.name),
                track.good,
                tuple(values),
                track.hidden,
                tuple(sorted(adjusted.get(i, ()))),
            )
        )
    return tuple(out)


def contributions(s: State, notes: dict[int, str]) -> list[Counter[str]]:
    """Per track, the net change each (original) cause made over the whole game."""
    sc = s.scenario
    out: list[Counter[str]] = [Counter() for _ in sc.track_ids]
    labels: dict[tuple[Any, ...], str] = {}
    for _, entries in records(s):
        for kind, subject, value, cause in entries:
            if kind != L_TRACK:
                continue
            origin = cause
            while origin and origin[0] == C_DELAYED:
                origin = origin[1]
            label = labels.get(origin)
            if label is None:
                label = labels[origin] = cause_label(sc, origin, notes)
            out[subject][label] += value
    return out


def findings(s: State, notes: dict[int, str], better: bool) -> tuple[Finding, ...]:
    """Tracks that ended better (strengths) or worse (areas for improvement) than they began."""
    sc = s.scenario
    pushed = contributions(s, notes)
    out = []
    for i, track in enumerate(sc.model.tracks):
        if track.good == "neutral":
            continue
        start, end = sc.track_start[i], s.tracks[i]
        change = TrackMove(text(track.name), end - start, track.good).better
        if change is None or change != better:
            continue
        helped = [
            (label, d)
            for label, d in pushed[i].items()
            if d and TrackMove("", d, track.good).better == better
        ]
        helped.sort(key=lambda item: (-abs(item[1]), item[0]))
        because = tuple(Contributor(label, d, ()) for label, d in helped[:MAX_BECAUSE])
        out.append(Finding(text(track.name), start, end, track.good, because))
    out.sort(key=lambda f: (-abs(f.end - f.start), f.track))
    return tuple(out)


# ----------------------------------------------------------------------------- the rest


def questions(sc: CompiledScenario, materialized: set[str]) -> tuple[Question, ...]:
    """The scenario's debrief questions, those about risks that materialized first."""
    debrief = sc.model.debrief
    items = list(debrief.questions) if debrief is not None else []
    out = [
        Question(text(q.text), tuple(q.risks), tuple(r for r in q.risks if r in materialized)) for q in items
    ]
    return tuple(sorted(out, key=lambda q: not q.materialized))


def secrets(s: State, exposures: dict[int, list[int]]) -> tuple[Secret, ...]:
    sc = s.scenario
    m = sc.model
    out = []
    for turn, entries in records(s):
        for kind, subject, value, _ in entries:
            if kind == L_ORDER and sc.actions[subject].covert:
                exposed = exposed_after(exposures, subject, turn)
                if exposed is not None and exposed < turn:
                    continue  # already public when given
                out.append(Secret(role_name(sc, value), action_name(sc, subject), turn, exposed))
            elif kind == L_FLAG and subject in sc.secrets.private_flags and value:
                out.append(Secret("", text(m.flags[subject].name), turn, None))
    return tuple(out)


def count_things(s: State, timeline: Sequence[TurnReport]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for turn in timeline:
        for item in turn.decisions:
            counts["injects" if item.kind == "inject" else "adjustments"] += 1
        for order in turn.orders:
            counts["orders"] += 1
            if order.covert:
                counts["covert"] += 1
            if order.roll is not None:
                counts["physical_dice" if order.roll.physical else "computer_dice"] += 1
        for item in turn.happenings:
            if item.kind == L_EXPOSED:
                counts["exposures"] += 1
    return dict(counts)
