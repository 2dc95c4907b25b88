"""What the facilitator brought to the report beside the game: observer notes and the schedule.

Observer notes are moves that change nothing (``game.engine.move.NOTE``): they are read from the
session's moves and set under the turn they were written in. The injects schedule is the
scenario's companion file (``game.scenario.msel``), compared with the game by
``game.story.schedule``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from game.engine.move import NOTE, Move
from game.engine.state import State
from game.errors import ContentError
from game.i18n import language, text, tr, trn
from game.report.model import TurnReport
from game.report.sentences import turn_list
from game.scenario.msel import OBJECTIVES, objective_label, schedule_of
from game.scenario.runtime import CompiledScenario
from game.story.facts import Story, tell
from game.story.schedule import DUE, INJECTED, MET, MISSED, NEWS, OPEN, PARTLY, InjectOutcome, Seen, compare
from game.story.words import action_name, role_name

STATUS_KEYS = {
    MET: "report.schedule.status.met",
    PARTLY: "report.schedule.status.partly",
    MISSED: "report.schedule.status.missed",
    OPEN: "report.schedule.status.open",
    DUE: "report.schedule.status.due",
}


@dataclass(frozen=True, slots=True)
class ScheduleLine:
    """One scheduled inject and what the game did about it, in words."""

    id: str
    turn: int  # the turn it was planned for
    headline: str
    objective: str  # LO1 ... LO6
    objective_name: str
    response: str  # the response expected, in words
    played: str  # how and when it reached the table
    window: str  # the turns the responses were looked for in
    seen: tuple[tuple[str, bool], ...]  # by expected response: what happened, and whether it counts
    status: str  # story.schedule's MET, PARTLY, MISSED, OPEN or DUE
    status_word: str
    played_turn: int | None = None  # the turn it reached the table, if it did
    event_id: str = ""


def notes_by_turn(moves: Sequence[Move]) -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for move in moves:
        if move.kind == NOTE:
            out.setdefault(move.turn, []).append(move.reason)
    return {turn: tuple(texts) for turn, texts in out.items()}


def with_notes(timeline: Sequence[TurnReport], moves: Sequence[Move]) -> tuple[TurnReport, ...]:
    """The timeline with each turn's notes; a note written after the last turn shown (at the end
    of a finished game) goes under that last turn."""
    notes = notes_by_turn(moves)
    if not timeline or not notes:
        return tuple(timeline)
    last = timeline[-1].turn
    late = tuple(text for turn in sorted(notes) if turn > last for text in notes[turn])
    out = []
    for turn in timeline:
        mine = notes.get(turn.turn, ()) + (late if turn.turn == last else ())
        out.append(replace(turn, notes=mine) if mine else turn)
    return tuple(out)


def schedule_outcomes(story: Story, s: State) -> tuple[ScheduleLine, ...]:
    """The scenario's injects schedule against this game, in words (empty if the scenario has
    none; a schedule that does not load is left out here: ``commonground kit`` reports it)."""
    try:
        msel = schedule_of(s.scenario)
    except ContentError:
        return ()
    if msel is None:
        return ()
    return tuple(schedule_line(s.scenario, o) for o in compare(story, msel, s.turn, s.terminal))


def schedule_line(sc: CompiledScenario, outcome: InjectOutcome) -> ScheduleLine:
    item = outcome.inject
    if outcome.played_how == NEWS:
        played = tr("report.schedule.played.news", turn=outcome.played_turn)
    elif outcome.played_how == INJECTED:
        played = tr("report.schedule.played.inject", turn=outcome.played_turn)
    elif outcome.status == DUE:
        played = tr("report.schedule.played.not_yet")
    else:
        played = tr("report.schedule.played.none")
    turns = list(range(outcome.first_turn, outcome.last_turn + 1))
    seen = tuple(
        (_seen_words(sc, line.role, line.actions, line.accepts, found), found is not None)
        for line, found in zip(item.expected, outcome.seen, strict=True)
    )
    return ScheduleLine(
        item.id,
        item.turn,
        text(sc.model.events[item.event].headline),
        objective_label(item.objective),
        tr(OBJECTIVES[item.objective]),
        item.response.get(language(), item.response["en"]),
        played,
        trn("report.schedule.window", len(turns), turns=turn_list(turns)),
        seen,
        outcome.status,
        tr(STATUS_KEYS[outcome.status]),
        outcome.played_turn,
        sc.model.events[item.event].id,
    )


def _seen_words(
    sc: CompiledScenario, role: int, actions: tuple[int, ...], accepts: tuple[int, ...], found: Seen | None
) -> str:
    who = role_name(sc, role)
    if found is not None and found.action >= 0:
        return tr("report.schedule.seen", role=who, what=action_name(sc, found.action), turn=found.turn)
    if found is not None:
        what = tr("report.schedule.accepted", term=text(sc.model.terms[found.term].name))
        return tr("report.schedule.seen", role=who, what=what, turn=found.turn)
    options = [action_name(sc, a) for a in dict.fromkeys(actions)]
    options += [tr("report.schedule.accepted", term=text(sc.model.terms[t].name)) for t in accepts]
    return tr("report.schedule.missing", role=who, options="; ".join(options))


def written_notes(moves: Sequence[Move]) -> list[dict[str, object]]:
    """The observer notes so far, oldest first, for the facilitator's screens (never a team's)."""
    return [{"turn": move.turn, "text": move.reason} for move in moves if move.kind == NOTE]


def live_schedule(session: Any) -> tuple[ScheduleLine, ...]:
    """The schedule as the game stands, for the facilitator's panel and page."""
    s = session.state
    return schedule_outcomes(tell(s, session.moves), s)


def facilitator_extras(session: Any) -> dict[str, object]:
    """What the facilitator's page adds to its view: the notes written and the schedule's state."""
    lines = live_schedule(session)
    return {
        "notes": written_notes(session.moves),
        "schedule": [
            {
                "turn": line.turn,
                "headline": line.headline,
                "objective": line.objective,
                "objective_name": line.objective_name,
                "response": line.response,
                "played": line.played,
                "status": line.status,
                "status_word": line.status_word,
                "due_now": line.turn <= session.state.turn
                and line.played_turn is None
                and not session.terminal,
                "event": line.event_id,
                "reason": schedule_reason(line),
            }
            for line in lines
        ],
    }


def schedule_reason(line: ScheduleLine) -> str:
    """The written reason an inject played from the schedule carries into the log and the report."""
    return tr("ui.fac.schedule.reason", id=line.id, turn=line.turn, objective=line.objective)
