"""Building the after-action report from a session: a pure function of the game's facts.

The report is the facilitator's document after the game, so it reads the whole game (covert
programmes included) through ``game.story`` and marks what stayed secret during play.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from game.engine import new_game, result, role_score
from game.engine.log import L_EXPOSED, L_FLAG, L_TRACK
from game.engine.state import State
from game.i18n import text, tr
from game.report.chains import risk_reports
from game.report.model import (
    Contributor,
    Finding,
    ObjectiveLine,
    Question,
    Report,
    RoleReport,
    Secret,
    TrackMove,
    TurnReport,
)
from game.report.observe import schedule_outcomes, with_notes
from game.report.sentences import level_name
from game.report.timeline import series, turn_report
from game.scenario.runtime import CompiledScenario
from game.story.facts import Story, tell
from game.story.words import action_name, cause_label, role_name

MAX_BECAUSE = 3


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
    story = tell(s, session.moves)
    timeline = with_notes([turn_report(story, turn) for turn in story.turns], session.moves)
    risks = risk_reports(story)
    materialized = {r.id for r in risks if r.materialized}
    ending = m.endings[s.ending] if s.ending >= 0 else None
    return Report(
        title=tr("report.title"),
        scenario_id=sc.id,
        scenario_title=text(m.title),
        session_name=str(getattr(session, "name", "") or ""),
        seed=session.seed,
        turns_played=len(s.history),
        turn_limit=m.turns,
        finished=s.terminal,
        ending=text(ending.name) if ending else tr("report.in_progress"),
        ending_narrative=text(ending.narrative) if ending else "",
        common_ground=result(s).common_ground,
        roles=role_reports(session, s),
        strengths=findings(story, s, better=True),
        improvements=findings(story, s, better=False),
        timeline=timeline,
        series=series(story),
        risks=risks,
        questions=questions(sc, materialized),
        secrets=secrets(story),
        counts=count_things(timeline),
        ending_names=tuple(text(e.name) for e in m.endings),
        ending_ids=tuple(e.id for e in m.endings),
        this_ending=s.ending,
        schedule=schedule_outcomes(story, s),
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


# ----------------------------------------------------------------------------- tracks


def contributions(story: Story) -> list[Counter[str]]:
    """Per track, the net change each (original) cause made over the whole game."""
    sc = story.scenario
    out: list[Counter[str]] = [Counter() for _ in sc.track_ids]
    labels: dict[tuple[Any, ...], str] = {}
    for turn in story.turns:
        for change in turn.changes:
            if change.kind != L_TRACK:
                continue
            label = labels.get(change.origin)
            if label is None:
                label = labels[change.origin] = cause_label(sc, change.origin, story.notes)
            out[change.subject][label] += change.value
    return out


def findings(story: Story, s: State, better: bool) -> tuple[Finding, ...]:
    """Tracks that ended better (strengths) or worse (areas for improvement) than they began."""
    sc = s.scenario
    pushed = contributions(story)
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


def secrets(story: Story) -> tuple[Secret, ...]:
    """What one team knew and the others did not: every covert order not already public when
    given (one that could not go ahead too), and private flags set."""
    sc = story.scenario
    m = sc.model
    out = []
    for turn in story.turns:
        for order in turn.orders:
            if not order.covert or (order.exposed_on is not None and order.exposed_on < turn.turn):
                continue
            what = action_name(sc, order.action)
            if order.skipped:  # given in secret, though it could not go ahead: still a secret order
                what = tr("report.secret_skipped", what=what)
            out.append(Secret(role_name(sc, order.role), what, turn.turn, order.exposed_on))
        for change in turn.changes:
            if change.kind == L_FLAG and change.subject in sc.secrets.private_flags and change.value:
                out.append(Secret("", text(m.flags[change.subject].name), turn.turn, None))
    return tuple(out)


def count_things(timeline: Sequence[TurnReport]) -> dict[str, int]:
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
