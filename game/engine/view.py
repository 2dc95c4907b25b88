"""What each seat may see. Screens and computer players get a *redacted state*, never the raw one.

A redacted state is an ordinary State with every secret of the other roles taken out: their
unexposed covert programmes and the effects those set up, covert postures (shown at their
public value), hidden tracks (shown at their start value), private flags, the true random
generator and seed, and the log entries that would give any of it away. Because bots and
screens only ever hold such a state, secrecy holds by construction.

The scenario the view carries is redacted too, while the game runs: the other roles' secret
objectives (texts, measures, weights, threshold), personas and briefings are removed (a role's
own are kept; the public view has none). Once the game is over the debrief reveals every
role's objectives and score, so a view of a finished game carries the whole scenario. Each
redacted scenario is built once per (scenario, viewer) and reused: ``redact`` runs before every
computer decision.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from typing import Any

from game.engine import rng
from game.engine.log import L_CAPITAL, L_FLAG, L_POSTURE, L_STANDING, L_TRACK, Entry, Line
from game.engine.state import PHASE_OVER, State, TurnRecord
from game.scenario.runtime import (
    C_ACTION,
    C_DELAYED,
    C_HIDDEN,
    C_POSTURE,
    C_PROGRAMME,
    PROG_ONGOING,
    Cause,
    CompiledScenario,
)

PUBLIC = -1  # the projected screen: what every team may see
FACILITATOR = -2  # sees everything
HIDDEN_CAUSE: Cause = (C_HIDDEN,)
_SHOWN_WITH_HIDDEN_CAUSE = {L_TRACK, L_CAPITAL, L_STANDING}


_SCENARIO_VIEWS: OrderedDict[tuple[int, int], tuple[CompiledScenario, CompiledScenario]] = OrderedDict()
SCENARIO_VIEWS_KEPT = 64  # (scenario, viewer) pairs; a program plays a handful of scenarios


def scenario_view(scenario: CompiledScenario, viewer: int) -> CompiledScenario:
    """The scenario as ``viewer`` may know it during play: without the other roles' secret
    objectives, thresholds, personas and briefings. Built once per (scenario, viewer)."""
    if viewer == FACILITATOR:
        return scenario
    key = (id(scenario), viewer)
    found = _SCENARIO_VIEWS.get(key)
    if found is not None and found[0] is scenario:  # the scenario is kept alive with its views
        return found[1]
    redacted = _without_others_secrets(scenario, viewer)
    _SCENARIO_VIEWS[key] = (scenario, redacted)
    if len(_SCENARIO_VIEWS) > SCENARIO_VIEWS_KEPT:
        _SCENARIO_VIEWS.popitem(last=False)
    return redacted


def _without_others_secrets(scenario: CompiledScenario, viewer: int) -> CompiledScenario:
    others = [role.index for role in scenario.roles if role.index != viewer]
    model_roles = scenario.model.roles
    if all(
        not scenario.roles[r].objectives and not scenario.roles[r].personas and not model_roles[r].objectives
        for r in others
    ):
        return scenario  # already a view (a view of a view)
    roles = tuple(
        role if role.index == viewer else dataclasses.replace(role, objectives=(), threshold=0, personas=())
        for role in scenario.roles
    )
    hidden = {"situation": "", "pressures": "", "success": ""}
    model = scenario.model.model_copy(
        update={
            "roles": [
                role
                if index == viewer
                else role.model_copy(
                    update={
                        "objectives": [],
                        "threshold": 0,
                        "personas": [],
                        "briefing": role.briefing.model_copy(update=hidden),
                    }
                )
                for index, role in enumerate(model_roles)
            ]
        }
    )
    return dataclasses.replace(scenario, roles=roles, model=model)


def secret_owner(s: State, cause: tuple[Any, ...]) -> int:
    """The role that may still see this cause, or -1 when it is no secret (any more)."""
    while cause and cause[0] == C_DELAYED:
        cause = cause[1]
    if not cause:
        return -1
    if cause[0] == C_ACTION or (cause[0] == C_PROGRAMME and cause[2] == PROG_ONGOING):
        action = s.scenario.actions[cause[1]]
        if action.covert and not s.exposed[action.index]:
            return action.role
    elif cause[0] == C_POSTURE:
        posture = s.scenario.postures[cause[1]]
        if posture.options[cause[2]].covert and s.posture_public[cause[1]] != cause[2]:
            return posture.owner
    return -1


def filter_entry(s: State, entry: Entry, viewer: int) -> Entry | None:
    """The entry as this viewer may see it: whole, with its cause hidden, or not at all."""
    if viewer == FACILITATOR:
        return entry
    kind, subject, value, cause = entry
    scenario = s.scenario
    if kind == L_TRACK and subject in scenario.secrets.hidden_tracks:
        return None
    if (
        kind == L_FLAG
        and subject in scenario.secrets.private_flags
        and viewer not in scenario.secrets.flag_viewers[subject]
    ):
        return None
    if kind == L_POSTURE:
        posture = scenario.postures[subject]
        if posture.options[value].covert and viewer != posture.owner and s.posture_public[subject] != value:
            return None
    owner = secret_owner(s, cause)
    if owner < 0 or owner == viewer:
        return entry
    if kind == L_CAPITAL and subject != viewer:
        return None  # another role's secret spending is not seen at all (see hidden_capital)
    if kind in _SHOWN_WITH_HIDDEN_CAUSE:
        return entry._replace(cause=HIDDEN_CAUSE)
    return None


def hidden_capital(state: State, viewer: int) -> dict[int, int]:
    """Per other role, the capital its secrets moved (a covert order's cost, above all): the view
    adds it back, so another role's capital never gives away what it spent in secret."""
    moved: dict[int, int] = {}
    for lines in (covert_lines(state), state.journal):
        for kind, subject, value, cause in lines:
            if kind == L_CAPITAL and subject != viewer and secret_owner(state, cause) not in (-1, viewer):
                moved[subject] = moved.get(subject, 0) + value
    return moved


def covert_lines(state: State) -> tuple[Line, ...]:
    """The history's capital lines whose cause may be a secret (``TurnRecord.covert_capital``).

    Kept on the state as a running tally that its next states inherit: each view reads only the
    records made since the last one, not the whole history. A tally whose last record is not
    where it says in this history (a view's own history, a history cut short) starts again.
    """
    history = state.history
    covered, last, lines = state.covert_tally
    if covered > len(history) or (covered and history[covered - 1] is not last):
        covered, lines = 0, ()
    if covered < len(history):
        scenario = state.scenario

        def may_be_secret(cause: Cause) -> bool:
            return _may_be_secret(scenario, cause)

        more = [line for record in history[covered:] for line in record.covert_capital(may_be_secret)]
        lines = lines + tuple(more)
        state.covert_tally = (len(history), history[-1], lines)
    return lines


def _may_be_secret(scenario: CompiledScenario, cause: Cause) -> bool:
    """Could ``secret_owner`` ever name a role for this cause (a covert order, programme or posture)?"""
    while cause and cause[0] == C_DELAYED:
        cause = cause[1]
    if not cause:
        return False
    if cause[0] == C_ACTION or (cause[0] == C_PROGRAMME and cause[2] == PROG_ONGOING):
        return scenario.actions[cause[1]].covert
    if cause[0] == C_POSTURE:
        return scenario.postures[cause[1]].options[cause[2]].covert
    return False


def secrets_live(s: State) -> bool:
    """Has any covert order been given and not yet exposed? If not, no cause is secret."""
    used, exposed = s.used, s.exposed
    for i in s.scenario.secrets.covert_actions:
        if used[i] and not exposed[i]:
            return True
    return False


def filter_entries(s: State, entries: tuple[Entry, ...], viewer: int) -> tuple[Entry, ...]:
    if viewer == FACILITATOR or not entries:
        return entries
    secrets = s.scenario.secrets
    if (
        not secrets_live(s)
        and not secrets.hidden_tracks
        and not secrets.private_flags
        and not secrets.covert_postures
    ):
        return entries
    out = []
    for entry in entries:
        shown = filter_entry(s, entry, viewer)
        if shown is not None:
            out.append(shown)
    return tuple(out)


def legality_view(state: State, role: int) -> State:
    """The state as the role sees it, for judging its orders: a refusal must never reveal a
    secret (an order shown as possible is possible). The state itself when nothing is hidden."""
    secrets = state.scenario.secrets
    if (
        not secrets_live(state)
        and not secrets.hidden_tracks
        and state.postures == state.posture_public
        and all(state.flags[i] == state.scenario.flag_start[i] for i in secrets.private_flags)
    ):
        return state
    return redact(state, role, 0)


def redact(state: State, viewer: int, history: int | None = None) -> State:
    """A copy of the state holding only what ``viewer`` (a role index, PUBLIC or FACILITATOR) may know.

    ``history`` keeps only that many most recent turn records (None: all). With 0 the view
    carries no log at all (not even this turn's entries so far): computer players that do not
    read the log ask for that, which keeps their view cheap. Lists that need no redaction are
    shared with ``state``; like every state, a view must never be changed in place.
    """
    if viewer == FACILITATOR:
        return state
    s = state.shallow()
    scenario = state.scenario
    if state.phase != PHASE_OVER:  # the debrief shows everyone's objectives and scores
        s.scenario = scenario_view(scenario, viewer)
    secrets = scenario.secrets
    if secrets_live(state):
        _hide_covert(state, s, viewer)
    if secrets.covert_postures and s.postures != s.posture_public:
        s.postures = [
            actual if posture.owner == viewer else public
            for posture, actual, public in zip(scenario.postures, s.postures, s.posture_public, strict=True)
        ]
    if secrets.hidden_tracks:
        s.tracks, s.turn_start = s.tracks[:], s.turn_start[:]
        for index in secrets.hidden_tracks:
            s.tracks[index] = s.turn_start[index] = scenario.track_start[index]
    if secrets.private_flags:  # those this viewer does not see, shown at their start when set
        flags, start, viewers = s.flags, scenario.flag_start, secrets.flag_viewers
        moved = [i for i in secrets.private_flags if flags[i] != start[i] and viewer not in viewers[i]]
        if moved:
            s.flags = flags[:]
            for index in moved:
                s.flags[index] = int(start[index])
    s.seed = 0
    s.rng = ((s.turn * 7919 + viewer + 17) * rng.MULTIPLIER + rng.INCREMENT) & rng.MASK
    if history == 0:
        s.journal = ()
        s.history = ()
        return s
    s.current = filter_entries(state, s.current, viewer)
    records = s.history if history is None else s.history[-history:]
    if records:
        # All that redact_record reads of the state besides the record: one key for every record.
        key = (viewer, tuple(state.exposed), tuple(state.posture_public), secrets_live(state))
        s.history = tuple([_redacted(state, record, viewer, key) for record in records])
    return s


def _redacted(state: State, record: TurnRecord, viewer: int, key: tuple[Any, ...]) -> TurnRecord:
    kept = record.views()
    found = kept.get(key)
    if found is None:
        found = kept[key] = redact_record(state, record, viewer)
    return found


def _hide_covert(state: State, s: State, viewer: int) -> None:
    """Take the other roles' unexposed covert programmes out of the view ``s``: their running
    programmes, their orders' use, the effects they set up, and the capital they moved."""
    scenario = state.scenario
    actions = scenario.actions
    secrets = scenario.secrets
    exposed, used, streak = state.exposed, state.used, state.streak
    others = secrets.others_covert
    if 0 <= viewer < len(others):
        candidates = others[viewer]
    else:
        candidates = tuple(a for a in secrets.covert_actions if actions[a].role != viewer)
    hidden = []
    hidden_used = hidden_streak = False
    for a in candidates:
        if not exposed[a]:
            hidden.append(a)
            hidden_used = hidden_used or bool(used[a])
            hidden_streak = hidden_streak or bool(streak and streak[a])
    if s.programmes:
        kept = tuple([p for p in s.programmes if p[0] not in hidden])
        if len(kept) != len(s.programmes):
            s.active = s.active[:]
            for index, _, _ in s.programmes:
                if index in hidden:
                    s.active[index] -= 1
            s.programmes = kept
    if hidden_used:
        s.used, s.last_used = s.used[:], s.last_used[:]
        for index in hidden:
            s.used[index] = 0
            s.last_used[index] = 0
    if hidden_streak:
        s.streak = s.streak[:]
        for index in hidden:
            s.streak[index] = 0
    if s.scheduled:
        s.scheduled = tuple([item for item in s.scheduled if secret_owner(state, item[2]) in (-1, viewer)])
    moved = hidden_capital(state, viewer)
    if moved:
        s.capital = s.capital[:]
        for role, delta in moved.items():
            s.capital[role] = min(max(s.capital[role] - delta, 0), scenario.roles[role].capital_max)


def redact_record(state: State, record: TurnRecord, viewer: int) -> TurnRecord:
    scenario = state.scenario
    actions = scenario.actions
    hidden = scenario.secrets.hidden_tracks
    tracks, seen = record.tracks, record.seen
    if hidden:
        tracks = tuple(scenario.track_start[i] if i in hidden else v for i, v in enumerate(tracks))
        seen = tuple(scenario.track_start[i] if i in hidden else v for i, v in enumerate(seen))
    return TurnRecord(
        record.turn,
        record.news,
        tuple(
            tuple(a for a in orders if secret_owner(state, actions[a].causes[0]) in (-1, viewer))
            for orders in record.orders
        ),
        filter_entries(state, record.entries, viewer),
        tracks,
        seen,
    )
