"""What a role needs in sight at the point of decision: the changes since it last saw the board,
the endings coming near, what runs every turn, what answering a proposal does, risks by name.

Every screen reads these, so the board, the resolution, the terminal and the printed kit share
one baseline and one set of warnings. Pure functions of a (redacted) state: a view's hidden
tracks sit at their start values, so no warning is ever given on a track the viewer may not see.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.state import State
from game.i18n import text
from game.scenario.runtime import CEffect, CompiledScenario
from game.story.thresholds import Threshold, by_track, ending_distance, thresholds
from game.story.words import effect_words

TYPICAL_FLOOR = 4  # a turn's move on a track is counted as at least this much
TYPICAL_TURNS = 3  # the recent turns a typical move is read from


def baseline(s: State) -> tuple[int, ...]:
    """The tracks as the roles last saw them when giving orders: every change badge starts here.

    Before the first orders that is the scenario's start; afterwards the board of the last
    orders phase (a turn's news, answers, orders and consequences all count as "since")."""
    if s.history and s.history[-1].seen:
        return s.history[-1].seen
    return tuple(s.scenario.track_start)


def changes_since_seen(s: State) -> tuple[int, ...]:
    """Each track's change since the board the roles last saw (0 for hidden tracks in a view)."""
    return tuple(now - before for now, before in zip(s.tracks, baseline(s), strict=True))


def typical_move(s: State, track: int) -> int:
    """How far the track moved in one turn lately: the largest of the last few turns' moves."""
    values = [s.scenario.track_start[track], *(record.tracks[track] for record in s.history), s.tracks[track]]
    recent = values[-TYPICAL_TURNS - 1 :]
    moves = [abs(after - before) for before, after in zip(recent, recent[1:], strict=False)]
    return max([TYPICAL_FLOOR, *moves])


@dataclass(frozen=True, slots=True)
class NearEnding:
    """An ending within one typical turn of the board: which, how far, and on which marks."""

    ending: int
    distance: int
    marks: tuple[tuple[Threshold, int], ...]  # each mark of the ending with the track's value now


def near_endings(s: State, hidden: frozenset[int] = frozenset()) -> list[NearEnding]:
    """Endings that one typical turn could bring (not those already met, which end the game).

    Final endings count only on the last turn. An ending judged partly on a track the viewer
    may not see (``hidden``, or hidden by the scenario) is never warned of. Nearest first."""
    sc = s.scenario
    last_turn = s.turn >= sc.model.turns
    unseen = hidden | {i for i, track in enumerate(sc.model.tracks) if track.hidden}
    marks_by_ending: dict[int, list[Threshold]] = {}
    for mark in thresholds(sc):
        marks_by_ending.setdefault(mark.ending, []).append(mark)
    for ending in [e for e, marks in marks_by_ending.items() if any(m.track in unseen for m in marks)]:
        del marks_by_ending[ending]  # judged partly on a track the viewer may not see: no warning
    out: list[NearEnding] = []
    for ending, marks in marks_by_ending.items():
        if marks[0].final and not last_turn:
            continue
        distance = ending_distance(s, ending)
        reach = max(typical_move(s, mark.track) for mark in marks)
        if 0 < distance <= reach:
            shown = tuple((mark, s.tracks[mark.track]) for mark in marks)
            out.append(NearEnding(ending, distance, shown))
    out.sort(key=lambda near: (near.distance, near.ending))
    return out


def marks_on(sc: CompiledScenario, track: int) -> list[Threshold]:
    """The ending marks drawn on one track (for the board's ticks)."""
    return by_track(sc).get(track, [])


@dataclass(frozen=True, slots=True)
class Running:
    """Something that acts every turn: a posture option or an agreement in force."""

    kind: str  # "posture" or "agreement"
    index: int  # the posture's or the term's index
    name: str  # "US posture: Unilateral pressure", or the agreement's name
    owner: int  # the posture's owner, or -1 for an agreement
    since: int  # the turn the agreement was signed (0 for a posture)
    sunset: int  # the last turn in force (0: no end)
    effects: tuple[str, ...]  # each running effect in words


def running(s: State) -> list[Running]:
    """Postures (as this view knows them) and agreements in force, with what each does a turn."""
    sc = s.scenario
    out: list[Running] = []
    for posture in sc.postures:
        option = s.postures[posture.index]
        model = sc.model.postures[posture.index]
        name = f"{text(model.name)}: {text(model.options[option].name)}"
        effects = _words(sc, posture.options[option].ongoing)
        out.append(Running("posture", posture.index, name, posture.owner, 0, 0, effects))
    for term in sc.terms:
        if not s.agreements[term.index]:
            continue
        since = s.agreement_since[term.index]
        sunset = since + term.sunset - 1 if term.sunset else 0
        name = text(sc.model.terms[term.index].name)
        out.append(Running("agreement", term.index, name, -1, since, sunset, _words(sc, term.ongoing)))
    return out


@dataclass(frozen=True, slots=True)
class AnswerPreview:
    """What answering a proposal does: at once if accepted or rejected, and every turn after."""

    accept: tuple[str, ...]
    reject: tuple[str, ...]
    each_turn: tuple[str, ...]
    sunset: int  # turns in force once accepted (0: no end)


def answer_preview(sc: CompiledScenario, term: int) -> AnswerPreview:
    found = sc.terms[term]
    return AnswerPreview(
        _words(sc, found.on_accept), _words(sc, found.on_reject), _words(sc, found.ongoing), found.sunset
    )


def risk_label(sc: CompiledScenario, code: str) -> str:
    """'R7 Balloon effect': a risk's code with its name, so no bare code is shown in play."""
    for risk in sc.model.risks:
        if risk.id == code:
            return f"{code} {text(risk.name)}"
    return code


def risk_labels(sc: CompiledScenario, codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(risk_label(sc, code) for code in codes)


def _words(sc: CompiledScenario, effects: tuple[CEffect, ...]) -> tuple[str, ...]:
    return tuple(effect_words(sc, effect) for effect in effects)
